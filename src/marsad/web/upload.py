"""The upload's body, streamed: a multipart form read chunk by chunk, its one file written straight
to a folder beside the store and its size checked while reading, so an oversized or hostile body
is refused after at most the limit (and before anything, when Content-Length already says so).

Starlette's form parser would spool the file to the system's temporary folder, whole, before the
route could look at its size; this reader never writes anywhere but the given folder."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
# The form around the file (boundaries, part headers, the CSRF field) is small; a body whose
# declared length exceeds the file limit by more than this cannot hold an acceptable file.
FORM_OVERHEAD_BYTES = 64 * 1024
# Fields other than the file (the CSRF token) are short; a longer one is not our form.
MAX_FIELD_BYTES = 1024
_SAFE_NAME_RE = re.compile(r"[^\w.\-]+")


class UploadRefused(Exception):
    """The body is not an acceptable upload: HTTP status and a message for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def safe_file_name(raw: str) -> str:
    """The client's file name reduced to one harmless path component (no folders, no leading dot)."""
    name = _SAFE_NAME_RE.sub("_", Path(raw.replace("\\", "/")).name).strip("._")
    return name or "upload.txt"


def refuse_declared_length(content_length: str | None, limit: int) -> None:
    """Refuse before reading when the body announces more than a file of `limit` bytes needs."""
    if content_length is None:
        return
    try:
        declared = int(content_length)
    except ValueError:
        raise UploadRefused(400, "invalid Content-Length") from None
    if declared > limit + FORM_OVERHEAD_BYTES:
        raise UploadRefused(413, f"file larger than {limit // (1024 * 1024)} MB")


@dataclass
class _Part:
    headers: dict[str, str] = field(default_factory=dict)
    name: str = ""
    file_name: str | None = None
    value: bytearray = field(default_factory=bytearray)


@dataclass
class _FormReader:
    """python-multipart callbacks: the fields collected, the one file part written to `folder`."""

    folder: Path
    limit: int
    before_file: Callable[[dict[str, str]], None]
    fields: dict[str, str] = field(default_factory=dict)
    saved: Path | None = None
    size: int = 0
    ended: bool = False
    _part: _Part = field(default_factory=_Part)
    _header_field: bytearray = field(default_factory=bytearray)
    _header_value: bytearray = field(default_factory=bytearray)
    _out: BinaryIO | None = None

    def on_part_begin(self) -> None:
        self._part = _Part()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._part.headers[self._header_field.decode("latin-1").lower()] = self._header_value.decode("utf-8", "replace")
        self._header_field.clear()
        self._header_value.clear()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._part.headers.get("content-disposition"))
        self._part.name = options.get(b"name", b"").decode("utf-8", "replace")
        raw_name = options.get(b"filename")
        if raw_name is None:
            return
        if self._part.name != "file" or self.saved is not None:
            raise UploadRefused(400, "one file, in the field named file, is expected")
        # The token is checked before a byte of the file is written: an unauthenticated body
        # never reaches the disk. Our form puts the token field first.
        self.before_file(self.fields)
        name = safe_file_name(raw_name.decode("utf-8", "replace"))
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            raise UploadRefused(415, f"unsupported file type: {name} (accepted: {', '.join(UPLOAD_SUFFIXES)})")
        self._part.file_name = name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.saved = self.folder / name
        self._out = self.saved.open("xb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._out is not None:
            self.size += end - start
            if self.size > self.limit:
                raise UploadRefused(413, f"file larger than {self.limit // (1024 * 1024)} MB")
            self._out.write(data[start:end])
            return
        self._part.value += data[start:end]
        if len(self._part.value) > MAX_FIELD_BYTES:
            raise UploadRefused(400, f"form field {self._part.name!r} is too long")

    def on_part_end(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        elif self._part.file_name is None:
            self.fields[self._part.name] = self._part.value.decode("utf-8", "replace")

    def on_end(self) -> None:
        self.ended = True

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


async def receive_upload(
    content_type: str | None,
    chunks: AsyncIterator[bytes],
    folder: Path,
    limit: int,
    before_file: Callable[[dict[str, str]], None],
) -> Path:
    """Read a multipart body from `chunks` and write its file (field `file`) into `folder`, which is
    created only when the file starts. `before_file(fields)` sees the fields that precede the file
    and raises to refuse it. Raises UploadRefused; whatever was written stays in `folder` for the
    caller to remove."""
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadRefused(415, "expected a multipart/form-data form")
    reader = _FormReader(folder, limit, before_file)
    try:
        parser = MultipartParser(
            boundary,
            {
                "on_part_begin": reader.on_part_begin,
                "on_header_field": reader.on_header_field,
                "on_header_value": reader.on_header_value,
                "on_header_end": reader.on_header_end,
                "on_headers_finished": reader.on_headers_finished,
                "on_part_data": reader.on_part_data,
                "on_part_end": reader.on_part_end,
                "on_end": reader.on_end,
            },
        )
        # Each chunk is at most the server's read size (64 KiB for uvicorn), so writing it to the
        # local disk inside the event loop blocks it for a moment only.
        async for chunk in chunks:
            parser.write(chunk)
        parser.finalize()
    except FormParserError:
        raise UploadRefused(400, "malformed multipart form") from None
    finally:
        reader.close()
    if not reader.ended:
        raise UploadRefused(400, "the form ended early")
    if reader.saved is None:
        raise UploadRefused(400, "no file in the form")
    return reader.saved
