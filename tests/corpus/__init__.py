"""Data that drives tests: the bad-input corpus (docs/bad-input.md)."""
