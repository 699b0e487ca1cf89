"""Readers on every input form and encoding, and a clear per-file message for each bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.article import Page
from marsad.context import Settings
from marsad.ingest.errors import InputProblem
from marsad.ingest.readers import discover, read_file, truncation_warning

PAGE = "عنوان الخبر عن الفيضان\n\nغمرت المياه الأحياء المنخفضة في المدينة بعد أمطار غزيرة هطلت طوال الليل على المنطقة كلها.\n"
SETTINGS = Settings(workers=1, progress=False)


def _read(path: Path, settings: Settings = SETTINGS) -> list[Page | InputProblem]:
    return list(read_file(str(path), settings))


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1256", b""), ("iso-8859-6", b""), ("utf-16", b"")],
)
def test_readers_decode_each_encoding(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(prefix + PAGE.encode(encoding))
    (page,) = _read(f)
    assert isinstance(page, Page) and page.content == PAGE


def test_readers_cp1256_and_iso_8859_6_told_apart(tmp_path: Path) -> None:
    for enc in ("cp1256", "iso-8859-6"):
        f = tmp_path / f"{enc}.txt"
        f.write_bytes(PAGE.encode(enc))
        (page,) = _read(f)
        assert isinstance(page, Page) and page.encoding == enc


def test_readers_html_declared_charset(tmp_path: Path) -> None:
    html = f'<html><head><meta charset="windows-1256"><title>t</title></head><body><p>{PAGE}</p></body></html>'
    f = tmp_path / "page.html"
    f.write_bytes(html.encode("cp1256"))
    (page,) = _read(f)
    assert isinstance(page, Page) and page.format == "html" and "غمرت المياه" in page.content


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary content"),
        ("garbage.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xA0]) * 3 + b"\x01\x02\x03", "not text in UTF-8"),
    ],
)
def test_readers_bad_file_gets_clear_message(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    (problem,) = _read(f)
    assert isinstance(problem, InputProblem) and problem.fatal and message in problem.message
    assert str(f) in str(problem)


def test_readers_oversized_page_refused_with_limit(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes((PAGE * 80_000).encode("utf-8"))  # about 10 MB
    (problem,) = _read(f)
    assert isinstance(problem, InputProblem) and "per-page limit" in problem.message and "MB" in problem.message
    (page,) = _read(f, Settings(max_page_bytes=20 * 1024 * 1024))
    assert isinstance(page, Page)


def test_readers_truncated_html_read_with_warning(tmp_path: Path) -> None:
    f = tmp_path / "cut.html"
    f.write_text(f"<html><body><h1>عنوان</h1><p>{PAGE}</p><p>فقرة مقطوعة في منتص", encoding="utf-8")
    (page,) = _read(f)
    assert isinstance(page, Page)
    warning = truncation_warning(page)
    assert warning is not None and not warning.fatal and "truncated" in warning.message


def test_readers_jsonl_published_is_an_iso_date_or_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "pages.jsonl"
    dates = ["2013-02-23 18:55:00", "2013-02-23", "2013-02-23T18:55:00+02:00", "23 فبراير 2013", 20130223]
    f.write_text("\n".join(json.dumps({"url": f"https://a.example/{i}", "text": PAGE, "published": d}, ensure_ascii=False) for i, d in enumerate(dates)), encoding="utf-8")
    items = _read(f)
    pages = [i for i in items if isinstance(i, Page)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [p.published_hint for p in pages] == ["2013-02-23T18:55:00", "2013-02-23", "2013-02-23T18:55:00+02:00", None, None]
    assert [(p.locator, p.fatal) for p in problems] == [("line 4", False), ("line 5", False)]
    assert all('"published" is not an ISO 8601 date' in p.message for p in problems)


def test_readers_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"url": "https://a.example/1", "text": PAGE, "outlet": "العربية", "fetched_at": "2025-01-01"}, ensure_ascii=False),
        "{not json",
        json.dumps({"url": "https://a.example/2"}),
        "",
        json.dumps({"url": "https://a.example/3", "html": f"<p>{PAGE}</p>"}, ensure_ascii=False),
        json.dumps(["a list"]),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = _read(f)
    pages = [i for i in items if isinstance(i, Page)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [p.locator for p in pages] == ["line 1", "line 5"]
    assert pages[0].outlet_hint == "العربية" and pages[0].url == "https://a.example/1" and pages[1].format == "html"
    assert [(p.locator, p.message.split(":")[0]) for p in problems] == [
        ("line 2", "invalid JSON"),
        ("line 3", 'record has no "html" or "text" string'),
        ("line 6", "a JSONL record must be an object"),
    ]


def _warc(path: Path, bodies: list[tuple[str, bytes, str]], gz: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, body, ctype in bodies:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(rec)
            rec.raw_stream.close()  # warcio buffers the payload in a temporary file for its digest


@pytest.mark.parametrize("gz", [False, True])
def test_readers_warc_html_records(tmp_path: Path, gz: bool) -> None:
    f = tmp_path / ("a.warc.gz" if gz else "a.warc")
    html = f"<html><body><p>{PAGE}</p></body></html>"
    _warc(
        f,
        [
            ("https://x.example/a", html.encode("utf-8"), "text/html; charset=utf-8"),
            ("https://x.example/logo.png", b"\x89PNG\x00\x00", "image/png"),
            ("https://x.example/b", html.encode("cp1256"), "text/html; charset=windows-1256"),
        ],
        gz,
    )
    items = _read(f)
    assert [type(i) for i in items] == [Page, Page]
    assert items[0].url == "https://x.example/a" and "غمرت المياه" in items[1].content  # type: ignore[union-attr]


def test_readers_broken_warc_reports_and_continues(tmp_path: Path) -> None:
    f = tmp_path / "bad.warc"
    f.write_bytes(b"this is not a warc file at all\r\n\r\n")
    (problem,) = _read(f)
    assert isinstance(problem, InputProblem) and "WARC" in problem.message


def test_readers_discover_recurses_and_flags_unknown_types(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text(PAGE, encoding="utf-8")
    found = list(discover([str(tmp_path), str(tmp_path / "missing")]))
    paths = [f for f in found if isinstance(f, str)]
    problems = [f for f in found if isinstance(f, InputProblem)]
    assert [Path(p).name for p in paths] == ["a.html", "b.txt"]
    assert any("unsupported file type '.pdf'" in p.message and not p.fatal for p in problems)
    assert any("no such file" in p.message and p.fatal for p in problems)
