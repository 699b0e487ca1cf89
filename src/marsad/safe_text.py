"""Text from pages and file names made safe to show: in a terminal line, a log, a message kept in
the store or a page of the report. A file name or a page can carry control characters (a newline
that forges an `error:` line, ANSI escape codes, NUL), bidirectional overrides that reorder what
a reader sees, lone surrogates that no encoder accepts, and any length at all."""

from __future__ import annotations

import re

# C0 controls (tab and newline included: one message is one line), DEL and the C1 controls;
# U+202A..U+202E LRE, RLE, PDF, LRO, RLO and U+2066..U+2069 LRI, RLI, FSI, PDI (bidi embeddings,
# overrides and isolates); U+D800..U+DFFF lone surrogates (from surrogateescape or JSON escapes).
_UNSAFE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Only the bidi embeddings, overrides and isolates: in page text shown as HTML they can reverse
# what follows (a headline that reads backwards); the marks RLM/LRM (U+200F/U+200E) stay.
_BIDI_CONTROL_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")

MESSAGE_LIMIT = 300  # characters of page- or file-derived text quoted in one message


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def for_message(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """`text` on one line, its control and bidi characters written as escapes, cut to `limit`
    characters with a note of how much was left out."""
    cut = text[:limit]
    out = _UNSAFE_RE.sub(_escape, cut)
    if len(text) > limit:
        out += f"… ({len(text) - limit:,} more characters)"
    return out


def without_bidi_controls(text: str) -> str:
    """Page text with its bidi embeddings, overrides and isolates removed (the words stay)."""
    return _BIDI_CONTROL_RE.sub("", text)


def path_for_display(path: str) -> str:
    """A path as text that encodes: bytes of a non-UTF-8 file name (held by Python as lone
    surrogates, surrogateescape) written as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        import os

        return os.fsencode(path).decode("utf-8", "backslashreplace")
