"""thidua."""
