"""Readers for what scrapers collect: text dumps, HTML, JSONL and WARC, in any usual encoding."""
