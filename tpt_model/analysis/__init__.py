"""What a scenario means: totals, coverage and gaps, budget, partners, comparison."""
