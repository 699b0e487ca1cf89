"""Bytes to text as a browser would: a byte-order mark, then the charset the input declares (the
container's header, then <meta charset> or http-equiv anywhere in the head), then detection.
Detection prefers UTF-8, then the Arabic code pages (windows-1256, ISO-8859-6) scored by how
Arabic the result reads, then charset-normalizer for anything else; whatever it picks must read
as text (few control characters, words separated by spaces), so random bytes are refused rather
than read as Arabic."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from marsad.arabic.chars import AR_LETTER_RE
from marsad.ingest.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEAD_END_RE = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
# The prescan reads the head wherever it ends, within this many bytes (a head with inline
# scripts and styles runs to tens of kilobytes; browsers look at 1 KB, which misses many pages).
_HEAD_SCAN_BYTES = 256 * 1024
# Very common Arabic function words, as decoded text: في من على أن إلى الذي (fi, min, ala, anna, ila, alladhi).
_COMMON_WORDS_RE = re.compile(
    "(?:^|\\s)(?:\u0641\u064a|\u0645\u0646|\u0639\u0644\u0649|\u0623\u0646|\u0625\u0644\u0649|\u0627\u0644\u0630\u064a)(?=\\s)"
)
_LEGACY = ("cp1256", "iso-8859-6")
_ALIASES = {"windows-1256": "cp1256", "arabic": "iso-8859-6", "iso-8859-6-i": "iso-8859-6", "utf8": "utf-8"}
# Control characters a text never holds (tab, newlines and form feed are layout).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SPACE_RE = re.compile(r"\s")
_SNIFF = 8192
# Calibrated on real pages and on random bytes: Arabic and Latin prose is 12-20% whitespace and
# holds no controls; random bytes read through a single-byte code page give 0.8% whitespace
# (0xA0 only) or 12% controls. A mostly-UTF-8 page may carry a stray invalid byte or two.
_MIN_SPACE_SHARE = 0.04
_MAX_CONTROL_SHARE = 0.01
_MAX_REPLACED_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # undecodable bytes shown as U+FFFD (a page mostly in its encoding)


def sniff_binary(data: bytes) -> bool:
    """NUL bytes in the head of a file without a UTF-16 BOM: not text."""
    head = data[:_SNIFF]
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def normalize_charset(name: str | None) -> str | None:
    """A charset label as Python's codec name, or None when Python does not know it."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its head (<meta charset=...> or http-equiv)."""
    head = data[:_HEAD_SCAN_BYTES]
    end = _HEAD_END_RE.search(head)
    m = _META_CHARSET_RE.search(head[: end.start()] if end else head)
    return normalize_charset(m.group(1).decode("ascii", "ignore")) if m else None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """The text of `data`. Raises InputError when no reading gives plausible text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _lenient(data, enc, f"invalid {enc.removesuffix('-sig').upper()} after its byte-order mark")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = normalize_charset(declared)
    if declared in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        return _lenient(data, declared, f"invalid {declared.upper()} (declared)")
    if declared:
        try:
            text = data.decode(declared)
            if _plausible(text):
                return Decoded(text, declared)
        except (UnicodeDecodeError, LookupError):
            pass
    mostly_utf8, replaced = _decode_replacing(data, "utf-8")
    if replaced <= _MAX_REPLACED_SHARE * len(mostly_utf8) and _plausible(mostly_utf8):
        return Decoded(mostly_utf8, "utf-8", replaced)
    best: tuple[float, str, str] | None = None
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _arabic_score(text)
        if _plausible(text) and score > 0 and (best is None or score > best[0]):
            best = (score, text, enc)
    if best is not None and (_COMMON_WORDS_RE.search(best[1]) or _arabic_letter_share(best[1]) >= 0.5):
        return Decoded(best[1], best[2])
    other = _detect_other(data)
    if other is not None:
        return other
    if best is not None:
        return Decoded(best[1], best[2])
    raise InputError("not text in UTF-8, windows-1256 or ISO-8859-6, nor in an encoding charset-normalizer recognises (undecodable bytes)")


def _lenient(data: bytes, encoding: str, what: str) -> Decoded:
    """Decode in the one encoding the input states; a few bad bytes become U+FFFD (as a browser
    shows them), more than a few mean the statement is wrong and the input is refused."""
    text, replaced = _decode_replacing(data, encoding)
    text = text.removeprefix("\ufeff")
    if replaced > max(1, _MAX_REPLACED_SHARE * len(text)):
        raise InputError(f"{what}: {replaced:,} undecodable bytes")
    return Decoded(text, encoding.removesuffix("-sig"), replaced)


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """The text with undecodable bytes as U+FFFD, and how many there were (U+FFFD the input
    itself holds not counted)."""
    text = data.decode(encoding, "replace")
    return text, text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")


def _detect_other(data: bytes) -> Decoded | None:
    """A non-Arabic single-byte encoding (a Latin or Persian page in a legacy code page)."""
    from charset_normalizer import from_bytes

    match = from_bytes(data[:65536]).best()
    if match is None:
        return None
    try:
        text = data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, match.encoding) if _plausible(text) else None


def _plausible(text: str) -> bool:
    """Reads as text: hardly any control characters, and (past a line or two) words with spaces."""
    n = len(text)
    if n == 0:
        return False
    if len(_CONTROL_RE.findall(text)) > _MAX_CONTROL_SHARE * n:
        return False
    return n < 200 or len(_SPACE_RE.findall(text)) >= _MIN_SPACE_SHARE * n


def _arabic_letter_share(text: str) -> float:
    letters = sum(1 for c in text if c.isalpha())
    return len(AR_LETTER_RE.findall(text)) / letters if letters else 0.0


def _arabic_score(text: str) -> float:
    """Common-word hits per Arabic letter: higher reads more like Arabic."""
    letters = len(AR_LETTER_RE.findall(text))
    if letters == 0:
        return 0.0
    return (len(_COMMON_WORDS_RE.findall(text)) * 50 + letters) / (letters + 1)
