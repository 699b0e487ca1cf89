"""Normalisation for matching and search keys; never applied to the stored text."""

from __future__ import annotations

import re
import unicodedata

from marsad.arabic.chars import (
    AR_DIAC_CHARSET,
    AR_INDIC_DIGITS,
    AR_TATWEEL,
    FA_INDIC_DIGITS,
)

_AR_DIAC_RE = re.compile(f"[{AR_DIAC_CHARSET}{AR_TATWEEL}]")

# One table applied in a single str.translate pass (cheap enough for every line of every page).
_KEY_TABLE = str.maketrans(
    {
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u06cc": "\u064a",  # Farsi yeh -> Arabic yeh
        "\u06a9": "\u0643",  # keheh (Persian kaf) -> kaf
        "\u0629": "\u0647",  # teh marbuta -> heh (keys only: the two differ in the text)
        "\u0624": "\u0648",  # waw with hamza -> waw
        "\u0626": "\u064a",  # yeh with hamza -> yeh
        **{d: str(i) for i, d in enumerate(AR_INDIC_DIGITS)},
        **{d: str(i) for i, d in enumerate(FA_INDIC_DIGITS)},
    }
)

# Everything that is neither a letter nor a digit separates words in a key.
_NON_WORD_RE = re.compile(r"[\W_]+")


def normalize_digits(text: str) -> str:
    """Eastern Arabic and Persian digits to ASCII digits; nothing else changes (same length)."""
    return text.translate(_DIGIT_TABLE)


_DIGIT_TABLE = str.maketrans(
    {
        **{d: str(i) for i, d in enumerate(AR_INDIC_DIGITS)},
        **{d: str(i) for i, d in enumerate(FA_INDIC_DIGITS)},
    }
)


def match_key(text: str) -> str:
    """A loose key for comparing Arabic strings: one form per letter family, no marks.

    NFKC folds presentation forms (U+FB50..U+FEFF) into base letters; then alef forms,
    alef maksura, Persian kaf/yeh, teh marbuta, hamza carriers and Eastern digits are folded,
    harakat and tatweel dropped, Latin lower-cased. Punctuation and spacing are kept.
    Idempotent: match_key(match_key(s)) == match_key(s).
    """
    text = unicodedata.normalize("NFKC", text)
    text = _AR_DIAC_RE.sub("", text)
    return text.translate(_KEY_TABLE).lower()


def phrase_key(text: str) -> str:
    """match_key with punctuation turned into single spaces: for phrase and line matching."""
    return " ".join(_NON_WORD_RE.sub(" ", match_key(text)).split())
