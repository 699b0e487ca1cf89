"""Word tokens with offsets into the text they came from, and light clitic stripping for keys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.chars import AR_DIAC_CHARSET, AR_LETTER_CHARSET, AR_TATWEEL, INVISIBLE_CHARSET
from marsad.arabic.normalize import match_key

# A token is a run of letters (any script), digits, Arabic marks and tatweel, allowing inner
# apostrophes, hyphens and decimal points (كوفيد-19, 3.5); punctuation is a token of its own,
# invisible format marks none.
_WORD = rf"[\w{AR_DIAC_CHARSET}{AR_TATWEEL}]+(?:[-'.,][\w{AR_DIAC_CHARSET}{AR_TATWEEL}]+)*"
TOKEN_RE = re.compile(rf"{_WORD}|[^\s\w{INVISIBLE_CHARSET}]", re.UNICODE)
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


_CONJUNCTIONS = ("\u0648", "\u0641")  # waw, feh: و ف
_PREPOSITIONS = ("\u0628", "\u0644", "\u0643")  # beh, lam, kaf: ب ل ك
_ARTICLE = "\u0627\u0644"  # alef lam: ال
_LAM_LAM = "\u0644\u0644"  # lam lam: لل (li + al, whose alef is not written)


def key_variants(key: str) -> set[str]:
    """Every reading of a match_key'd word with its proclitics peeled one layer at a time:
    «والكرملين» -> {والكرملين, الكرملين, كرملين}; «بوتين» -> {بوتين, وتين}. A search index stores
    all of them, so a query for the bare word finds it behind any clitic, and a word that merely
    starts with a clitic letter (بوتين) still matches itself. Stems keep at least three letters."""
    if not _ARABIC_WORD_RE.match(key):
        return {key}
    out = {key}
    layer = {key}
    for clitics in (_CONJUNCTIONS, _PREPOSITIONS):
        layer |= {w[1:] for w in layer for c in clitics if w.startswith(c) and len(w) - 1 >= _MIN_STEM}
    layer |= {_ARTICLE + w[2:] for w in layer if w.startswith(_LAM_LAM) and len(w) - 2 >= _MIN_STEM}
    layer |= {w[2:] for w in layer if w.startswith(_ARTICLE) and len(w) - 2 >= _MIN_STEM}
    return out | layer


def words(text: str) -> Iterator[str]:
    """The words and numbers of `text`, as written (punctuation tokens left out)."""
    return (w for m in TOKEN_RE.finditer(text) if (w := m.group())[0].isalnum())


def search_terms(text: str) -> list[str]:
    """The normalised word keys of `text` (words and numbers; punctuation is not a term)."""
    return [word_key(w) for w in words(text)]


@lru_cache(maxsize=1 << 18)
def word_key(word: str) -> str:
    """match_key of one word, remembered: the cross-document stages key the same words of every
    stored article each time its story's dossier is rebuilt."""
    return match_key(word)


def index_terms(text: str) -> list[str]:
    """What a search index stores for `text`: every clitic reading of every word (key_variants)."""
    return [v for w in words(text) for v in _word_terms(w)]


@lru_cache(maxsize=1 << 17)
def _word_terms(word: str) -> tuple[str, ...]:
    """A word's index terms (its key's clitic readings, in order), remembered: a language's words
    repeat, and the one writer of a run indexes every article it stores."""
    return tuple(sorted(key_variants(match_key(word))))
