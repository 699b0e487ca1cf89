"""Find input files and read them into Pages: .txt dumps, .html/.htm, .jsonl, .warc/.warc.gz.

Every problem becomes an InputProblem naming the file (and the record inside it); a reader
never raises for bad input, so one bad page cannot stop a batch."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.article import Page
from marsad.context import Settings
from marsad.ingest.encoding import declared_charset, decode_bytes, sniff_binary
from marsad.ingest.errors import InputError, InputProblem

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
    A path that does not exist, or a file of a type marsad does not read, is a problem."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith("."):
                        continue
                    full = os.path.join(root, f)
                    if _suffix(full) in SUPPORTED:
                        yield full
                    else:
                        yield InputProblem(
                            full,
                            f"skipped: unsupported file type {_suffix(full) or '(no extension)'!r}; marsad reads {', '.join(SUPPORTED)}",
                            fatal=False,
                        )
        elif os.path.isfile(p):
            yield (
                p
                if _suffix(p) in SUPPORTED
                else InputProblem(p, f"unsupported file type {_suffix(p) or '(no extension)'!r}; marsad reads {', '.join(SUPPORTED)}")
            )
        else:
            yield InputProblem(p, "no such file or directory")


def read_file(path: str, settings: Settings) -> Iterator[Item]:
    """Pages (or problems) from one input file."""
    kind = _suffix(path)
    try:
        if kind in WARC_SUFFIXES:
            yield from _read_warc(path, settings)
            return
        data = Path(path).read_bytes()
    except OSError as exc:
        yield InputProblem(path, f"cannot read: {exc.strerror or exc}")
        return
    if kind in JSONL_SUFFIXES:
        yield from _read_jsonl(path, data, settings)
        return
    fmt = "html" if kind in HTML_SUFFIXES else "text"
    try:
        yield _page_from_bytes(path, data, fmt, settings)
    except InputError as exc:
        yield InputProblem(path, str(exc))


def _check_size(data: bytes | str, settings: Settings) -> None:
    size = len(data)
    if size > settings.max_page_bytes:
        raise InputError(
            f"page is {size / 1e6:.1f} MB, over the {settings.max_page_bytes / 1e6:.1f} MB per-page limit (raise it with --max-page-mb)"
        )


def _check_text(text: str) -> None:
    if not text.strip():
        raise InputError("empty page (no text)")


def _page_from_bytes(path: str, data: bytes, fmt: str, settings: Settings, declared: str | None = None, **fields: str | None) -> Page:
    if not data.strip():
        raise InputError("empty file")
    _check_size(data, settings)
    if sniff_binary(data):
        raise InputError("binary content (NUL bytes), not a text or HTML page")
    text, encoding = decode_bytes(data, declared or (declared_charset(data) if fmt == "html" else None))
    _check_text(text)
    return Page(source=path, content=_strip_bom(text), format="html" if fmt == "html" else "text", encoding=encoding, **fields)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def truncation_warning(page: Page) -> InputProblem | None:
    """HTML that stops before its end tags was cut off in transit; what is there is still read."""
    if page.format != "html":
        return None
    tail = page.content[-2048:].lower()
    if "</html>" in tail or "</body>" in tail:
        return None
    return InputProblem(page.source, "HTML ends before </body></html> (truncated?); analysed what was there", page.locator, fatal=False)


def _read_jsonl(path: str, data: bytes, settings: Settings) -> Iterator[Item]:
    """One page per line: {"url", "html" or "text", optional "fetched_at", "outlet"}."""
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        yield InputProblem(path, str(exc))
        return
    if not text.strip():
        yield InputProblem(path, "empty file")
        return
    for n, line in enumerate(_strip_bom(text).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {n}"
        try:
            rec = json.loads(line)
        except ValueError as exc:
            yield InputProblem(path, f"invalid JSON: {exc}", where)
            continue
        if not isinstance(rec, dict):
            yield InputProblem(path, "a JSONL record must be an object", where)
            continue
        body, fmt = (rec.get("html"), "html") if rec.get("html") else (rec.get("text"), "text")
        if not isinstance(body, str) or not body.strip():
            yield InputProblem(path, 'record has no "html" or "text" string', where)
            continue
        try:
            _check_size(body.encode("utf-8", "surrogatepass"), settings)
        except InputError as exc:
            yield InputProblem(path, str(exc), where)
            continue
        yield Page(
            source=path,
            content=body,
            format=fmt,  # type: ignore[arg-type]
            locator=where,
            url=_opt_str(rec.get("url")),
            fetched_at=_opt_str(rec.get("fetched_at")),
            outlet_hint=_opt_str(rec.get("outlet")),
        )


def _opt_str(v: object) -> str | None:
    return str(v) if isinstance(v, (str, int, float)) and str(v).strip() else None


def _read_warc(path: str, settings: Settings) -> Iterator[Item]:
    """HTML responses (and resource records) from a WARC file; other records are not pages."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below; the iterator reads lazily)
    except OSError as exc:
        yield InputProblem(path, f"cannot read: {exc.strerror or exc}")
        return
    n = pages = 0
    is_warc = False
    try:
        for n, rec in enumerate(ArchiveIterator(stream), start=1):
            is_warc = is_warc or str(rec.format).startswith("warc")
            if rec.rec_type not in ("response", "resource"):
                continue
            where = f"record {n}"
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else rec.rec_headers.get_header("Content-Type")) or ""
            if "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            fetched = rec.rec_headers.get_header("WARC-Date")
            try:
                data = rec.content_stream().read(settings.max_page_bytes + 1)
                fmt = "text" if "text/plain" in ctype.lower() else "html"
                declared = ctype.lower().split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype.lower() else None
                yield _page_from_bytes(path, data, fmt, settings, declared=declared, locator=where, url=url, fetched_at=fetched)
                pages += 1
            except InputError as exc:
                yield InputProblem(path, str(exc), where)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield InputProblem(path, f"WARC unreadable after record {n}: {exc}")
        return
    finally:
        stream.close()
    if not is_warc:
        yield InputProblem(path, "not a WARC file (no WARC/1.x record header found)")
    elif pages == 0:
        yield InputProblem(path, "WARC file holds no HTML or text response records", fatal=False)
