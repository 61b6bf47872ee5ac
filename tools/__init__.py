"""Command-line tools around the suite: fault proofs (suite sensitivity)."""
