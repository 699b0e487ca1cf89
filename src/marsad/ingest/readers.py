"""Find input files and read them into Pages: .txt dumps, .html/.htm, .jsonl, .warc/.warc.gz.

Every problem becomes an InputProblem naming the file (and the record inside it); a reader
never raises for bad input, so one bad page cannot stop a batch."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from marsad.article import Page
from marsad.ingest.encoding import declared_charset, decode_bytes, sniff_binary
from marsad.ingest.errors import InputError, InputProblem
from marsad.safe_text import path_for_display
from marsad.settings import Settings

# warcio logs page bytes (a record's URI, however long) as warnings on stderr; marsad reports
# what is wrong with an input itself, one bounded line per problem.
logging.getLogger("warcio").setLevel(logging.ERROR)

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

Item = Page | InputProblem


def _suffix(path: str) -> str:
    name = path.lower()
    return next((s for s in sorted(SUPPORTED, key=len, reverse=True) if name.endswith(s)), Path(name).suffix)


def discover(paths: Iterable[str]) -> Iterator[str | InputProblem]:
    """Input files under `paths` in a stable order (directories recursively, hidden files skipped).
    A path that does not exist, a directory that cannot be listed, a file of a type marsad does
    not read, and anything that is not a regular file (a FIFO, a device, a socket) is a problem."""
    for p in paths:
        if os.path.isdir(p):
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(p, onerror=unreadable.append):
                yield from _walk_problems(unreadable)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield _checked(os.path.join(root, f), in_directory=True)
            yield from _walk_problems(unreadable)
        elif os.path.lexists(p):
            yield _checked(p, in_directory=False)
        else:
            yield InputProblem(path_for_display(p), "no such file or directory")


def _walk_problems(errors: list[OSError]) -> Iterator[InputProblem]:
    for exc in errors:
        yield InputProblem(path_for_display(str(exc.filename)), f"directory not read: {exc.strerror or exc}")
    errors.clear()


def _checked(path: str, in_directory: bool) -> str | InputProblem:
    """`path` when marsad reads it; else why not (unsupported types inside a directory are only
    noted: a folder of pages often holds images and notes beside them)."""
    kind = _suffix(path)
    if kind not in SUPPORTED:
        reason = f"unsupported file type {kind or '(no extension)'!r}; marsad reads {', '.join(SUPPORTED)}"
        return InputProblem(path_for_display(path), f"skipped: {reason}" if in_directory else reason, fatal=not in_directory)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return InputProblem(path_for_display(path), f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        return InputProblem(path_for_display(path), f"not a regular file ({_file_kind(mode)}); not read")
    return path


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "a special file"


def read_file(path: str, settings: Settings) -> Iterator[Item]:
    """Pages (or problems) from one input file, read as a stream: a page's size is checked before
    it is read, a JSONL file is read line by line and a WARC file record by record."""
    kind = _suffix(path)
    source = path_for_display(path)
    try:
        f = _open_regular(path)
    except InputError as exc:
        yield InputProblem(source, str(exc))
        return
    except OSError as exc:
        yield InputProblem(source, f"cannot read: {exc.strerror or exc}")
        return
    with f:
        try:
            if kind in WARC_SUFFIXES:
                yield from _read_warc(source, f, settings)
            elif kind in JSONL_SUFFIXES:
                yield from _read_jsonl(source, f, settings)
            else:
                size = os.fstat(f.fileno()).st_size
                _check_size(size, settings)
                data = f.read(settings.max_page_bytes + 1)
                _check_size(len(data), settings)  # a file that grew while it was read
                yield from _page_from_bytes(source, data, "html" if kind in HTML_SUFFIXES else "text", settings)
        except InputError as exc:
            yield InputProblem(source, str(exc))
        except OSError as exc:
            yield InputProblem(source, f"cannot read: {exc.strerror or exc}")


def _open_regular(path: str) -> BinaryIO:
    """The file opened for reading, refused unless it is a regular file. O_NONBLOCK: opening a
    FIFO must not wait for a writer (the file may have changed since discovery)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"not a regular file ({_file_kind(mode)}); not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_size(size: int, settings: Settings) -> None:
    if size > settings.max_page_bytes:
        raise InputError(
            f"page is {size / 1e6:.1f} MB, over the {settings.max_page_bytes / 1e6:.1f} MB per-page limit (raise it with --max-page-mb)"
        )


def _page_from_bytes(source: str, data: bytes, fmt: str, settings: Settings, declared: str | None = None, **fields: str | None) -> Iterator[Item]:
    """The page, and a warning when some of its bytes could not be decoded. Raises InputError."""
    if not data.strip():
        raise InputError("empty file")
    _check_size(len(data), settings)
    if sniff_binary(data):
        raise InputError("binary content (NUL bytes), not a text or HTML page")
    decoded = decode_bytes(data, declared or (declared_charset(data) if fmt == "html" else None))
    if not decoded.text.strip():
        raise InputError("empty page (no text)")
    page = Page(source=source, content=decoded.text, format="html" if fmt == "html" else "text", encoding=decoded.encoding, **fields)
    yield page
    if decoded.replaced:
        yield InputProblem(source, f"{decoded.replaced:,} undecodable bytes in {decoded.encoding} shown as U+FFFD", page.locator, fatal=False)


def truncation_warning(page: Page) -> InputProblem | None:
    """HTML that stops before its end tags was cut off in transit; what is there is still read."""
    if page.format != "html":
        return None
    tail = page.content[-2048:].lower()
    if "</html>" in tail or "</body>" in tail:
        return None
    return InputProblem(page.source, "HTML ends before </body></html> (truncated?); analysed what was there", page.locator, fatal=False)


# JSON text is UTF-8 (RFC 8259); a file that starts with a UTF-16 byte-order mark is read as such.
_JSONL_LINE_SLACK = 64 * 1024  # characters of JSON around a page's body on one line


def _read_jsonl(source: str, f: BinaryIO, settings: Settings) -> Iterator[Item]:
    """One page per line: {"url", "html" or "text", optional "fetched_at", "outlet", "published"
    (the publication date the scraper read, as from a feed: ISO 8601, a day or a time)}. Lines are
    read one at a time and none longer than a page can be (memory stays flat in the file size)."""
    head = f.read(2)
    f.seek(0)
    encoding = "utf-16" if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
    # surrogateescape: an invalid byte becomes a lone surrogate, found below like a JSON "\ud800".
    # (UTF-16 cannot escape a byte that way: its bad units become U+FFFD.)
    stream = io.TextIOWrapper(f, encoding=encoding, errors="surrogateescape" if encoding.startswith("utf-8") else "replace")
    limit = settings.max_page_bytes + _JSONL_LINE_SLACK
    n = 0
    any_line = False
    try:
        while True:
            line = stream.readline(limit)
            if not line:
                break
            n += 1
            where = f"line {n}"
            if not line.endswith(("\n", "\r")) and len(line) >= limit:
                while (rest := stream.readline(limit)) and not rest.endswith(("\n", "\r")):
                    pass
                yield InputProblem(source, f"line longer than {limit / 1e6:.1f} million characters, over the per-page limit (raise it with --max-page-mb)", where)
                any_line = True
                continue
            if not line.strip():
                continue
            any_line = True
            yield from _jsonl_record(source, line, where, settings)
    finally:
        stream.detach()  # the file is closed by the caller; the wrapper must not close it again
    if not any_line:
        yield InputProblem(source, "empty file")


def _jsonl_record(source: str, line: str, where: str, settings: Settings) -> Iterator[Item]:
    try:
        rec = json.loads(line)
    except ValueError as exc:
        yield InputProblem(source, f"invalid JSON: {exc}", where)
        return
    if not isinstance(rec, dict):
        yield InputProblem(source, "a JSONL record must be an object", where)
        return
    body, fmt = (rec.get("html"), "html") if rec.get("html") else (rec.get("text"), "text")
    if not isinstance(body, str) or not body.strip():
        yield InputProblem(source, 'record has no "html" or "text" string', where)
        return
    fields = {"body": body, "url": _opt_str(rec.get("url")), "fetched_at": _opt_str(rec.get("fetched_at")), "outlet": _opt_str(rec.get("outlet"))}
    bad = [k for k, v in fields.items() if v is not None and _SURROGATE_RE.search(v)]
    if bad:
        fields = {k: None if v is None else _SURROGATE_RE.sub("\ufffd", v) for k, v in fields.items()}
        body = fields["body"] or ""
        yield InputProblem(source, f"invalid UTF-8 bytes or lone surrogate escapes in {', '.join(bad)}, shown as U+FFFD", where, fatal=False)
    try:
        _check_size(len(body.encode("utf-8")), settings)
    except InputError as exc:
        yield InputProblem(source, str(exc), where)
        return
    published = _iso_date(rec.get("published"))
    if rec.get("published") is not None and published is None:
        yield InputProblem(source, f'"published" is not an ISO 8601 date or time ({str(rec.get("published"))[:40]!r}): ignored', where, fatal=False)
    yield Page(
        source=source,
        content=body.removeprefix("\ufeff"),
        format=fmt,  # type: ignore[arg-type]
        locator=where,
        url=fields["url"],
        fetched_at=fields["fetched_at"],
        outlet_hint=fields["outlet"],
        published_hint=published,
    )


def _iso_date(value: object) -> str | None:
    """An ISO 8601 day («2013-02-23») or time («2013-02-23 18:55:00», «…T18:55:00+02:00») as
    marsad writes it (a day stays a day); None if it is not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _opt_str(v: object) -> str | None:
    return str(v) if isinstance(v, (str, int, float)) and str(v).strip() else None


# A WARC file is read through a guard: decompression stops at a ratio no real archive reaches
# (HTML compresses 5-10 times; a file of zeros 1,000 times), and a header line stops long
# before memory does (warcio reads a header line whole, however long).
_BOMB_RATIO = 100
_BOMB_AFTER_BYTES = 16 * 1024 * 1024


class _GuardedStream:
    """What warcio reads: the (decompressed) file, refused once it looks like a bomb."""

    def __init__(self, inner: BinaryIO, raw: BinaryIO, max_line: int) -> None:
        self.inner, self.raw, self.max_line = inner, raw, max_line
        self.out = 0  # bytes handed to warcio
        self.run = 0  # bytes since the last line break

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size if size is not None and size > 0 else 65536)
        self.out += len(data)
        nl = data.rfind(b"\n")
        self.run = len(data) - nl - 1 if nl >= 0 else self.run + len(data)
        if self.run > self.max_line:
            raise InputError(f"more than {self.max_line / 1e6:.0f} MB without a line break (not a WARC file, or a corrupt one)")
        if self.out > _BOMB_AFTER_BYTES and self.out > _BOMB_RATIO * max(1, self.raw.tell()):
            raise InputError(f"decompresses to more than {_BOMB_RATIO} times its size (a decompression bomb?); not read further")
        return data

    def tell(self) -> int:
        return self.out


def _read_warc(source: str, f: BinaryIO, settings: Settings) -> Iterator[Item]:
    """HTML responses (and resource records) from a WARC file; other records are not pages."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    gz = f.read(2) == b"\x1f\x8b"
    f.seek(0)
    inner: BinaryIO = gzip.GzipFile(fileobj=f, mode="rb") if gz else f  # type: ignore[assignment]
    stream = _GuardedStream(inner, f, max_line=2 * settings.max_page_bytes + 1024 * 1024)
    class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        # warcio writes a bad record's next line straight to stderr (page bytes, megabytes of
        # them); it is counted instead and reported below as one warning.
        INC_RECORD = ""

    records = QuietArchiveIterator(stream)
    n = pages = 0
    is_warc = False
    try:
        for n, rec in enumerate(records, start=1):
            is_warc = is_warc or str(rec.format).startswith("warc")
            if rec.rec_type not in ("response", "resource"):
                continue
            where = f"record {n}"
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else rec.rec_headers.get_header("Content-Type")) or ""
            if "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                continue
            url = _SURROGATE_RE.sub("\ufffd", rec.rec_headers.get_header("WARC-Target-URI") or "") or None
            fetched = rec.rec_headers.get_header("WARC-Date")
            try:
                data = rec.content_stream().read(settings.max_page_bytes + 1)
                fmt = "text" if "text/plain" in ctype.lower() else "html"
                declared = ctype.lower().split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype.lower() else None
                for item in _page_from_bytes(source, data, fmt, settings, declared=declared, locator=where, url=url, fetched_at=fetched):
                    pages += isinstance(item, Page)
                    yield item
            except InputError as exc:
                yield InputProblem(source, str(exc), where)
    except InputError as exc:
        yield InputProblem(source, f"WARC unreadable after record {n}: {exc}")
        return
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as exc:
        yield InputProblem(source, f"WARC unreadable after record {n}: {exc}")
        return
    except Exception as exc:
        # warcio meets a corrupt record with whatever its parser trips on (AttributeError on a
        # missing header, IndexError on a cut one: found by fuzzing); the file's state is the
        # same, unreadable from here on.
        yield InputProblem(source, f"WARC unreadable after record {n}: {type(exc).__name__}: {exc}")
        return
    if records.err_count:
        yield InputProblem(source, f"{records.err_count} records not followed by a blank line (a wrong Content-Length?); read on after each", fatal=False)
    if not is_warc:
        yield InputProblem(source, "not a WARC file (no WARC/1.x record header found)")
    elif pages == 0:
        yield InputProblem(source, "WARC file holds no HTML or text response records", fatal=False)
