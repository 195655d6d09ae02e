"""Documents: PDFs and export files, deterministic (the same data gives the same bytes)."""
