"""The benchmark's catalogue measures and synthetic data of any size."""
