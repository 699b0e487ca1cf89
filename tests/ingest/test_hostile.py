"""Hostile and unlucky input: every file gives pages or one clean problem naming it, never an
exception, a hang or unbounded memory (issue 11's probe, one test per failure it found)."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import resource
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.article import Page
from marsad.context import Settings
from marsad.ingest.encoding import decode_bytes
from marsad.ingest.errors import InputError, InputProblem
from marsad.ingest.html import flat_text_lines, html_to_lines
from marsad.ingest.readers import discover, read_file
from marsad.meta.registry import Registry

GOOD = "قال الرئيس إن الاجتماع كان مثمرا. وأضاف أن المحادثات ستستمر في القاهرة الأسبوع المقبل.\n" * 3
SETTINGS = Settings(workers=1, progress=False)


def _read(path: Path | str, settings: Settings = SETTINGS) -> list[Page | InputProblem]:
    return list(read_file(str(path), settings))


def _pages(items: list[Page | InputProblem]) -> list[Page]:
    return [i for i in items if isinstance(i, Page)]


def _problems(items: list[Page | InputProblem]) -> list[InputProblem]:
    return [i for i in items if isinstance(i, InputProblem)]


def test_hostile_invalid_byte_after_utf8_bom_is_a_problem_or_a_marked_page(tmp_path: Path) -> None:
    few = tmp_path / "few.txt"
    few.write_bytes(codecs.BOM_UTF8 + (GOOD * 5).encode() + b"\xff")
    items = _read(few)
    (page,) = _pages(items)
    assert "\ufffd" in page.content and not page.content.startswith("\ufeff")
    (warning,) = _problems(items)
    assert not warning.fatal and "1 undecodable bytes" in warning.message
    many = tmp_path / "many.txt"
    many.write_bytes(codecs.BOM_UTF8 + b"\xff\xfe" * 200 + GOOD.encode())
    (problem,) = _read(many)
    assert isinstance(problem, InputProblem) and problem.fatal and "byte-order mark" in problem.message


def test_hostile_odd_length_utf16_reads_what_is_there(tmp_path: Path) -> None:
    f = tmp_path / "odd.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + (GOOD * 3).encode("utf-16-le") + b"\x41")
    items = _read(f)
    (page,) = _pages(items)
    assert page.content.startswith(GOOD[:20])


def test_hostile_lone_surrogates_in_jsonl_are_replaced_and_reported(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text(json.dumps({"url": "http://x.example/\ud800", "text": GOOD + "\udfff"}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    items = _read(f)
    pages = _pages(items)
    assert len(pages) == 2
    assert pages[0].url == "http://x.example/\ufffd" and pages[0].content.endswith("\ufffd")
    assert pages[0].page_id  # hashable without surrogatepass tricks
    (warning,) = _problems(items)
    assert not warning.fatal and warning.locator == "line 1" and "url" in warning.message


def test_hostile_invalid_utf8_bytes_inside_a_jsonl_line(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_bytes(b'{"text": "' + GOOD.replace("\n", " ").encode() + b'\xff\xfe"}\n' + json.dumps({"text": GOOD}).encode() + b"\n")
    items = _read(f)
    assert len(_pages(items)) == 2
    assert "\ufffd" in _pages(items)[0].content


def test_hostile_non_utf8_file_name_is_read_and_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_bytes(GOOD.encode())
    (found,) = [f for f in discover([str(tmp_path)]) if isinstance(f, str)]
    (page,) = _read(found)
    assert isinstance(page, Page) and page.source.endswith("bad\\xffname.txt")
    page.source.encode("utf-8")  # storable and printable


def test_hostile_file_names_cannot_forge_lines_or_colour_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "x\nerror: forged\x1b[31m.txt").write_bytes(b"")
    (problem,) = [p for f in discover([str(tmp_path)]) if isinstance(f, str) for p in _read(f)]
    line = str(problem)
    assert "\n" not in line and "\x1b" not in line and "\\x0a" in line and "\\x1b" in line


def test_hostile_problem_messages_are_capped(tmp_path: Path) -> None:
    problem = InputProblem("f.txt", "x" * 10_000_000 + "\x00\r")
    assert len(str(problem)) < 1000 and "more characters" in str(problem)


def test_hostile_random_high_bytes_are_not_arabic() -> None:
    rnd = bytes((b * 7919 + 13) % 128 + 128 for b in range(20_000))  # deterministic high bytes
    with pytest.raises(InputError):
        decode_bytes(rnd)
    noisy = bytes((b * 7919 + 13) % 255 + 1 for b in range(20_000))
    with pytest.raises(InputError):
        decode_bytes(noisy)


def test_hostile_mostly_utf8_page_is_not_read_as_windows_1256() -> None:
    data = ("<html><body><p>" + GOOD * 20 + "</p></body></html>").encode() + b"\xa9 2020"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.replaced == 1 and "الاجتماع" in decoded.text


def test_hostile_late_meta_charset_is_found() -> None:
    head = "<html><head>" + "<script>var x = 1;</script>" * 300 + '<meta charset="windows-1256"></head>'
    data = (head + "<body><p>" + GOOD + "</p></body></html>").encode("cp1256")
    assert decode_bytes(data.replace(b"windows-1256", b"windows-1256")).encoding == "cp1256"
    from marsad.ingest.encoding import declared_charset

    assert declared_charset(data) == "cp1256" and len(head) > 4096


@pytest.mark.parametrize("depth", [300, 3000, 100_000])
def test_hostile_deep_html_keeps_its_text(depth: int) -> None:
    html = "<html><body>" + "<div>" * depth + "<p>" + GOOD * 3 + "</p>" + "</div>" * depth + "</body></html>"
    lines, hints = html_to_lines(html, None, Registry())
    assert "الاجتماع كان مثمرا" in "\n".join(lines)
    if depth > 2048:
        assert "nested deeper" in hints["warnings"][0]


def test_hostile_utf8_html_without_charset_is_not_mojibake() -> None:
    lines, _ = html_to_lines("<html><head><title>عنوان الخبر الكامل هنا</title></head><body><p>" + GOOD * 3 + "</p></body></html>", None, Registry())
    text = "\n".join(lines)
    assert "الاجتماع" in text and "Ø" not in text


def test_hostile_flat_text_skips_scripts() -> None:
    assert flat_text_lines("<p>أ<script>var s = 1;</script>ب</p><div>ج</div>") == ["أب", "ج"]


def test_hostile_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    result: list[object] = []
    t = threading.Thread(target=lambda: result.extend(list(discover([str(tmp_path)])) + _read(fifo)), daemon=True)
    t.start()
    t.join(10)
    assert not t.is_alive(), "reading a FIFO hung"
    assert all(isinstance(r, InputProblem) and "FIFO" in r.message for r in result) and len(result) == 2


def test_hostile_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    (problem,) = list(discover([str(tmp_path)]))
    assert isinstance(problem, InputProblem) and "character device" in problem.message
    (problem,) = _read(link)
    assert isinstance(problem, InputProblem) and "character device" in problem.message


def test_hostile_unreadable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(discover([str(tmp_path)]))
    assert [Path(f).name for f in found if isinstance(f, str)] == ["ok.txt"]
    (problem,) = [f for f in found if isinstance(f, InputProblem)]
    assert problem.fatal and "locked" in problem.source and "Permission denied" in problem.message


def _peak_mb_during(fn: object) -> float:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fn()  # type: ignore[operator]
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024


def test_hostile_big_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    with open(f, "wb") as out:
        out.truncate(400 * 1024 * 1024)  # sparse: 400 MB of apparent size, no disk used
    items: list[Page | InputProblem] = []
    grew = _peak_mb_during(lambda: items.extend(_read(f)))
    (problem,) = items
    assert isinstance(problem, InputProblem) and "per-page limit" in problem.message
    assert grew < 50


def test_hostile_big_jsonl_is_streamed(tmp_path: Path) -> None:
    f = tmp_path / "many.jsonl"
    line = json.dumps({"text": GOOD * 200}, ensure_ascii=False) + "\n"
    with open(f, "w", encoding="utf-8") as out:
        for i in range(3000):  # about 90 MB
            out.write(line.replace("قال", f"قال {i}", 1))
    count = 0

    def consume() -> None:
        nonlocal count
        for item in read_file(str(f), SETTINGS):
            count += isinstance(item, Page)

    grew = _peak_mb_during(consume)
    assert count == 3000 and grew < 60


def test_hostile_overlong_jsonl_line_is_refused_and_the_next_read(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"text": "ب" * 300_000}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    items = _read(f, Settings(max_page_bytes=100_000, workers=1, progress=False))
    assert len(_pages(items)) == 1
    (problem,) = _problems(items)
    assert problem.locator == "line 1" and "per-page limit" in problem.message


def test_hostile_gzip_bomb_warc_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    f = tmp_path / "bomb.warc.gz"
    with gzip.open(f, "wb", compresslevel=9) as out:
        for _ in range(64):
            out.write(b"\0" * (1024 * 1024))
    items: list[Page | InputProblem] = []
    grew = _peak_mb_during(lambda: items.extend(_read(f)))
    (problem,) = items
    assert isinstance(problem, InputProblem) and "WARC unreadable" in problem.message and len(str(problem)) < 400
    assert grew < 200


def test_hostile_gzip_bomb_inside_a_valid_warc_record(tmp_path: Path) -> None:
    f = tmp_path / "bomb2.warc.gz"
    with open(f, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        # Lines of one letter: the line guard does not trip, the ratio guard must.
        payload = io.BytesIO(b"<html><body>" + (b"a" * 1023 + b"\n") * (200 * 1024) + b"</body></html>")
        rec = writer.create_warc_record("http://x.example/", "response", payload=payload, http_headers=headers)
        writer.write_record(rec)
        rec.raw_stream.close()  # warcio buffers the payload in a temporary file for its digest
    items: list[Page | InputProblem] = []
    grew = _peak_mb_during(lambda: items.extend(_read(f)))
    assert all(isinstance(i, InputProblem) for i in items) and any("bomb" in i.message for i in items)  # type: ignore[union-attr]
    assert grew < 200


def test_persian_page_in_windows_1256_is_kept_with_its_language(tmp_path: Path) -> None:
    """A Persian page in windows-1256 decodes right and is kept as Persian (not analysed as Arabic)."""
    from marsad.context import Context
    from marsad.pipeline import analyze_page

    fa = "رئیس جمهور ایران روز دوشنبه در سفر به تهران گفت که مذاکرات با کشورهای همسایه ادامه خواهد داشت.\n" * 4
    data = fa.replace("ی", "ي").encode("cp1256")  # windows-1256 has keheh (ک) but writes yeh as the Arabic ي
    f = tmp_path / "fa.txt"
    f.write_bytes(data)
    (page,) = _pages(_read(f))
    assert page.encoding == "cp1256" and "مذاکرات" in page.content
    (article, *_) = analyze_page(page, Context.load(SETTINGS))
    assert article.language == "fa" and article.mentions == [] and article.quotes == []
