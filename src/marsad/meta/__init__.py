"""Metadata extractors: outlet, headline, author and dates, each with its evidence."""
