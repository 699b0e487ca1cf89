"""Text from pages and file names made safe to show: in a terminal line, a log, a message kept in
the store or a page of the report. A file name or a page can carry control characters (a newline
that forges an `error:` line, ANSI escape codes, NUL), bidirectional overrides that reorder what
a reader sees, lone surrogates that no encoder accepts, and any length at all."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

# C0 controls (tab and newline included: one message is one line), DEL and the C1 controls;
# U+202A..U+202E LRE, RLE, PDF, LRO, RLO and U+2066..U+2069 LRI, RLI, FSI, PDI (bidi embeddings,
# overrides and isolates); U+D800..U+DFFF lone surrogates (from surrogateescape or JSON escapes).
_UNSAFE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Removed from everything a page or the report renders:
# - C0 controls but tab, line feed and carriage return; DEL and the C1 controls (U+007F-U+009F):
#   they have no glyph and terminals or copy-paste may act on them;
# - the explicit bidi embeddings and overrides LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) and the
#   isolates LRI, RLI, FSI, PDI (U+2066-U+2069): one RLO in a headline flips the rest of the line
#   (a "Trojan source" spoof), and an unmatched one leaks into the text around it.
# The implicit marks LRM, RLM (U+200E, U+200F) and ALM (U+061C, the Arabic letter mark) stay:
# they only direct the neutral character beside them, and Arabic text uses them legitimately.
_DISPLAY_UNSAFE_RE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")

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


def clean_display(value: Any) -> Any:
    """Jinja's `finalize` (the web pages and the report): every `{{ … }}` value without its
    unsafe characters. Markup keeps being markup: removing characters from escaped text cannot
    create a tag, since a page's `<` is already `&lt;` there."""
    if isinstance(value, Markup):
        return Markup(_DISPLAY_UNSAFE_RE.sub("", str(value)))
    if isinstance(value, str):
        return _DISPLAY_UNSAFE_RE.sub("", value)
    return value


def path_for_display(path: str) -> str:
    """A path as text that encodes: bytes of a non-UTF-8 file name (held by Python as lone
    surrogates, surrogateescape) written as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        import os

        return os.fsencode(path).decode("utf-8", "backslashreplace")
