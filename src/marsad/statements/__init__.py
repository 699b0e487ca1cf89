"""Statements: who said what (quotes.py) and where the outlet says information comes from (sources.py)."""
