"""Time expressions in article text, absolute and relative, resolved to dates (times.py)."""
