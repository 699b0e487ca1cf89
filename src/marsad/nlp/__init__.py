"""Language analysis on clean articles: named entities (and, in later stages, quotes, sources, times)."""
