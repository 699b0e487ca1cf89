"""Bytes to text: BOMs, UTF-8, windows-1256 and ISO-8859-6, the encodings Arabic pages come in."""

from __future__ import annotations

import codecs
import re

from marsad.ingest.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")  # hamza..yeh
# Very common Arabic function words, as decoded text: في من على أن إلى (fi, min, ala, anna, ila).
_COMMON_WORDS_RE = re.compile(
    "(?:^|\\s)(?:\u0641\u064a|\u0645\u0646|\u0639\u0644\u0649|\u0623\u0646|\u0625\u0644\u0649|\u0627\u0644\u0630\u064a)(?=\\s)"
)
_LEGACY = ("cp1256", "iso-8859-6")
_ALIASES = {"windows-1256": "cp1256", "arabic": "iso-8859-6", "iso-8859-6-i": "iso-8859-6", "utf8": "utf-8"}
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SNIFF = 8192


def sniff_binary(data: bytes) -> bool:
    """NUL bytes in the head of a file without a UTF-16 BOM: not text."""
    head = data[:_SNIFF]
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (<meta charset=...>)."""
    m = _META_CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding). Order: BOM, then strict UTF-8, then a declared charset, then the
    legacy Arabic code pages scored by how Arabic the result reads. Raises InputError when no
    candidate gives plausible text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    if declared and declared not in ("utf-8",):
        candidates.append(declared)
    candidates += [e for e in _LEGACY if e not in candidates]
    best: tuple[float, str, str] | None = None
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _arabic_score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] <= 0:
        raise InputError("not text in UTF-8, windows-1256 or ISO-8859-6 (undecodable bytes)")
    return best[1], best[2]


def _arabic_score(text: str) -> float:
    """Common-word hits per Arabic letter, minus control characters: higher reads more like Arabic."""
    letters = len(_ARABIC_LETTER_RE.findall(text))
    if letters == 0:
        return 0.0
    controls = len(_CONTROL_RE.findall(text))
    return (len(_COMMON_WORDS_RE.findall(text)) * 50 + letters) / (letters + 10 * controls + 1) - controls / max(1, len(text))
