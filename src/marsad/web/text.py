"""Page text made safe to display: characters that reorder or hide what is shown are removed
before a value reaches a template (escaping is still the template's job)."""

from __future__ import annotations

import re
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from markupsafe import Markup

# Removed from everything a page renders:
# - C0 controls but tab, line feed and carriage return; DEL and the C1 controls (U+007F-U+009F):
#   they have no glyph and terminals or copy-paste may act on them;
# - the explicit bidi embeddings and overrides LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) and the
#   isolates LRI, RLI, FSI, PDI (U+2066-U+2069): one RLO in a headline flips the rest of the line
#   (a "Trojan source" spoof), and an unmatched one leaks into the text around it.
# The implicit marks LRM, RLM (U+200E, U+200F) and ALM (U+061C, the Arabic letter mark) stay:
# they only direct the neutral character beside them, and Arabic text uses them legitimately. The
# templates isolate page values where direction matters (<bdi>, unicode-bidi in the stylesheet).
UNSAFE_DISPLAY_RE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


def clean_display(value: Any) -> Any:
    """Jinja's `finalize`: every `{{ … }}` value without its unsafe characters. Markup keeps being
    markup: removing characters from escaped text cannot create a tag, since a page's `<` is
    already `&lt;` there."""
    if isinstance(value, Markup):
        return Markup(UNSAFE_DISPLAY_RE.sub("", str(value)))
    if isinstance(value, str):
        return UNSAFE_DISPLAY_RE.sub("", value)
    return value


def file_label(source: str | None) -> str:
    """A source path shown as its file name alone: the server's folders are nobody's business
    (an upload is read from a random folder beside the store). Both separators count, as a store
    may have been written on another system."""
    if not source:
        return ""
    path: PurePath = PureWindowsPath(source) if "\\" in source else PurePosixPath(source)
    return path.name or source
