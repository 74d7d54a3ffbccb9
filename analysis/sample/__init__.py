"""The synthetic sample data with planted truths (never real patients)."""
