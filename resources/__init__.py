"""The demo city's starter answers (SAMPLE TEXT), installed as package data: see README.md here."""
