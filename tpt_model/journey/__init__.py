"""The journey's time axis: stages, months, cohort dates."""
