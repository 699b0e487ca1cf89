"""The shape of a line: does it read like a paragraph, or like a headline?

Calibrated on the sample pages and the demo corpus together; after changing a threshold re-run
tests/clean and bench/throughput.py (shapes decide the body start and appended splits)."""

from __future__ import annotations

import re

from marsad.arabic.chars import SENTENCE_END_CHARSET

_WORD_RE = re.compile(r"\w+")
_ENDS_SENTENCE_RE = re.compile(rf"[{re.escape(SENTENCE_END_CHARSET)}][\u00bb\u201d\"')\]]*\s*$")
_ENDS_ELLIPSIS_RE = re.compile(r"(?:\.\.+|\u2026)\s*$")

PARAGRAPH_MIN_WORDS = 12  # a line this long is body text whatever its punctuation
PUNCTUATED_PARAGRAPH_MIN_WORDS = 6  # shorter lines count as body when they end a sentence
HEADLINE_MAX_WORDS = 25
HEADLINE_MIN_WORDS = 3  # shorter lines before the body are section labels, not headlines


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE_RE.search(text)) and not _ENDS_ELLIPSIS_RE.search(text)


def is_paragraph_like(text: str) -> bool:
    n = word_count(text)
    return n >= PARAGRAPH_MIN_WORDS or (n >= PUNCTUATED_PARAGRAPH_MIN_WORDS and ends_sentence(text))


def is_headline_like(text: str, min_words: int = 1) -> bool:
    """Short, and not a finished sentence (a headline may end in ?, ! or an ellipsis)."""
    n = word_count(text)
    if not (min_words <= n <= HEADLINE_MAX_WORDS):
        return False
    stripped = text.rstrip()
    return not (stripped.endswith(".") and not _ENDS_ELLIPSIS_RE.search(stripped))
