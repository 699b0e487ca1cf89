"""Word tokens with offsets into the text they came from, and light clitic stripping for keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.chars import AR_DIAC_CHARSET, AR_LETTER_CHARSET, AR_TATWEEL
from marsad.arabic.normalize import match_key

# A token is a run of letters (any script), digits, Arabic marks and tatweel, allowing inner
# apostrophes, hyphens and decimal points (كوفيد-19, 3.5); punctuation is a token of its own.
_WORD = rf"[\w{AR_DIAC_CHARSET}{AR_TATWEEL}]+(?:[-'.,][\w{AR_DIAC_CHARSET}{AR_TATWEEL}]+)*"
TOKEN_RE = re.compile(rf"{_WORD}|[^\s\w]", re.UNICODE)
_ARABIC_WORD_RE = re.compile(f"^[{AR_LETTER_CHARSET}]")

# Proclitics that attach to the next word, longest first (keys, after match_key):
# wa+al, fa+al, bi+al, ka+al, li+l (lam + al written as لل), al, and single wa/fa/bi/li/ka.
_PROCLITIC_KEYS = (
    "\u0648\u0627\u0644",  # waw alef lam: وال
    "\u0641\u0627\u0644",  # feh alef lam: فال
    "\u0628\u0627\u0644",  # beh alef lam: بال
    "\u0643\u0627\u0644",  # kaf alef lam: كال
    "\u0648\u0644\u0644",  # waw lam lam: ولل
    "\u0644\u0644",  # lam lam: لل (li + al)
    "\u0627\u0644",  # alef lam: ال
    "\u0648",  # waw: و
    "\u0641",  # feh: ف
    "\u0628",  # beh: ب
    "\u0644",  # lam: ل
    "\u0643",  # kaf: ك
)
_MIN_STEM = 3  # shorter remainders are usually the word itself (ولد, بلد), not clitic + stem


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split text into word and punctuation tokens; offsets index `text` itself."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def strip_proclitics(key: str) -> str:
    """Drop one leading proclitic group from a match_key'd Arabic word when a stem of three
    letters or more remains. Does not handle enclitics (pronoun suffixes) and cannot tell a
    clitic from a root letter (وليد stays وليد only because يد is too short)."""
    if not _ARABIC_WORD_RE.match(key):
        return key
    for clitic in _PROCLITIC_KEYS:
        if key.startswith(clitic) and len(key) - len(clitic) >= _MIN_STEM:
            return key[len(clitic) :]
    return key


def search_terms(text: str) -> list[str]:
    """The keys a search index stores for `text`: normalised, clitic-stripped word keys."""
    return [
        strip_proclitics(match_key(t.text))
        for t in tokenize(text)
        if t.text[0].isalnum()  # words and numbers; punctuation tokens are not search terms
    ]
