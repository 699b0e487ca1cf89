"""Page values as the web pages show them: unsafe characters removed (marsad.safe_text, shared
with the report) and source paths reduced to a file name."""

from __future__ import annotations

from pathlib import PurePath, PurePosixPath, PureWindowsPath

from marsad.safe_text import clean_display

__all__ = ["clean_display", "file_label"]


def file_label(source: str | None) -> str:
    """A source path shown as its file name alone: the server's folders are nobody's business
    (an upload is read from a random folder beside the store). Both separators count, as a store
    may have been written on another system."""
    if not source:
        return ""
    path: PurePath = PureWindowsPath(source) if "\\" in source else PurePosixPath(source)
    return path.name or source
