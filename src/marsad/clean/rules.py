"""Context-free line rules: a line that is boilerplate wherever it stands on a page."""

from __future__ import annotations

import re
from typing import Protocol

from marsad.arabic.normalize import phrase_key
from marsad.clean.lexicon import Lexicon


class _Entry(Protocol):
    @property
    def is_agency(self) -> bool: ...


class AgencyLookup(Protocol):
    """What a caption's credit is looked up in: the outlet registry (meta/registry.Registry, a
    layer above cleaning, is passed in; cleaning does not import it)."""

    def lookup(self, name: str) -> _Entry | None: ...

# A lone identifier a scraper leaks from markup: WTV_Frequency, post-title, div-gpt-ad-1 —
# snake_case with any capitals, or lower-case kebab-case (so "Covid-19" is a word, not a token).
_SCRAPER_TOKEN_RE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*_[A-Za-z0-9_-]+|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)$")
_URL_LINE_RE = re.compile(r"^(?:https?://|www\.|pic\.twitter\.com/)\S+$", re.IGNORECASE)
_TWEET_HOST_RE = re.compile(r"^(?:https?://)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com|pic\.twitter\.com)/", re.IGNORECASE)
# The footer of an embedded tweet: "— Name (@handle) September 13, 2023".
_TWEET_FOOTER_RE = re.compile(r"^[\u2014\u2013-]\s.*\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}$")
# A caption that ends with its photo credit: "... روسيا. رويترز", "... (أ ف ب)", "... - غيتي".
# The credit must follow a full stop, dash, slash or bar, or stand in final brackets, so that
# "... وفق رويترز." (a sentence citing an agency) is not a caption.
_CREDIT_TAIL_RE = re.compile(r"(?:[.\-\u2013|/]\s*|\(\s*)(?P<credit>[^.\-\u2013|/()]{2,40}?)\s*\)?\s*$")
_MAX_CAPTION_WORDS = 60


def classify_line(text: str, lex: Lexicon, registry: AgencyLookup) -> str | None:
    """The removal reason for a line that is boilerplate on its own, or None."""
    stripped = text.strip()
    key = phrase_key(stripped)
    if not key:
        return "punctuation"
    for rule in lex.rules:
        if rule.matches(key):
            return rule.reason
    if _SCRAPER_TOKEN_RE.match(stripped):
        return "scraper_token"
    if _URL_LINE_RE.match(stripped):
        return "embedded_tweet" if _TWEET_HOST_RE.match(stripped) else "embedded_url"
    if _TWEET_FOOTER_RE.match(stripped):
        return "embedded_tweet"
    if is_credited_caption(stripped, lex, registry):
        return "caption"
    return None


def is_credited_caption(text: str, lex: Lexicon, registry: AgencyLookup) -> bool:
    """A line that ends with a photo credit (an agency or a credit word such as أرشيفية)."""
    if len(text.split()) > _MAX_CAPTION_WORDS:
        return False
    m = _CREDIT_TAIL_RE.search(text)
    if not m:
        return False
    credit = m.group("credit").strip()
    key = phrase_key(credit)
    if key in lex.photo_credits or any(key.startswith(c + " ") for c in lex.photo_credits):
        return True  # «أرشيفية», «تصوير: فلان»
    entry = registry.lookup(credit)
    return entry is not None and entry.is_agency
