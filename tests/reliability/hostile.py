"""Hostile inputs, made from a seed, and the one property every input must satisfy: reading and
analysing it gives pages and articles or clean problems, never an exception, and no message
longer than a line. Shared by the fuzz tests (tests/reliability/test_fuzz.py, driven by
Hypothesis) and the longer fuzz benchmark (bench/fuzz.py)."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import traceback
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.article import Page
from marsad.context import Context, Settings
from marsad.ingest.encoding import decode_bytes
from marsad.ingest.errors import InputProblem
from marsad.ingest.readers import read_file, truncation_warning
from marsad.pipeline import analyze_page

ROOT = Path(__file__).resolve().parents[2]
# The demo pages as text (some are in windows-1256: decoded as marsad decodes them).
DEMO_PAGES = [decode_bytes(p.read_bytes()).text for p in sorted((ROOT / "demo" / "corpus").glob("*.txt"))]

# Pieces that have broken parsers: controls, bidi overrides, lone quote marks, markers that open
# an appended article or a related list, dates, markup, very long words, surrogate escapes.
NASTY = [
    "\x00", "\x1b[31m", "\r", "\u202e", "\u2066", "\ufeff", "\ufffd", "\u200f", "«", "»", "“", '"', ":", "،", ".",
    "اقرأ أيضاً", "اقرأ أيضا:", "عناوين ذات صلة", "المزيد", "قال إن", "وأضاف أن", "نفى", "الأربعاء الماضي", "منذ 18 شهراً",
    "12/13/2023", "٢٠٢٣-٠٩-١٣", "1445 هـ", "<div>", "</p>", "<script>alert(1)</script>", "&amp;", "&#x202e;", "<!--",
    "ب" * 5000, "\n" * 50, " " * 200, "https://example.com/" + "a/" * 100, "كيم جونغ أون", "بيونغ يانغ", "(أ ف ب)",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso-8859-6", "latin-1"]
SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".warc.gz"]


def _base_text(rng: random.Random) -> str:
    if DEMO_PAGES and rng.random() < 0.8:
        text = rng.choice(DEMO_PAGES)
        a = rng.randrange(len(text))
        b = min(len(text), a + rng.randrange(1, 3000))
        return text[a:b] if rng.random() < 0.5 else text
    return "".join(rng.choice([*NASTY, " ", "\n", "كلمة"]) for _ in range(rng.randrange(1, 60)))


def _mutate_text(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randrange(0, 12)):
        pos = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.6:
            chars[pos:pos] = list(rng.choice(NASTY))
        elif op < 0.8 and chars:
            del chars[pos : pos + rng.randrange(1, 200)]
        else:
            chars[pos:pos] = [chr(rng.randrange(0x20, 0x2FFF))]
    return "".join(chars)


def _encode(text: str, rng: random.Random) -> bytes:
    enc = rng.choice(ENCODINGS)
    data = text.encode(enc, "replace") if enc != "utf-8" else text.encode("utf-8", "surrogatepass" if rng.random() < 0.1 else "replace")
    return data


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randrange(0, 6)):
        op = rng.random()
        pos = rng.randrange(len(buf) + 1)
        if op < 0.4 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op < 0.6:
            del buf[pos:]  # truncation
        elif op < 0.8:
            buf[pos:pos] = rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80"])
        else:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    return bytes(buf)


def _html(text: str, rng: random.Random) -> str:
    depth = rng.choice([0, 1, 5, 300, 2100])
    paras = "".join(f"<p>{line}</p>" for line in text.splitlines())
    charset = rng.choice(["", '<meta charset="utf-8">', '<meta charset="windows-1256">', '<meta charset="bogus-42">'])
    head = f"<head>{charset}<title>{text[:80]}</title><meta property='og:site_name' content='{text[:20]}'></head>"
    body = "<div>" * depth + paras + "</div>" * depth
    html = f"<html>{head}<body>{body}</body></html>"
    return html if rng.random() < 0.8 else html[: rng.randrange(len(html) + 1)]


def _jsonl(text: str, rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randrange(1, 4)):
        rec: object = rng.choice(
            [
                {"url": "https://x.example/" + text[:10], "text": text},
                {"html": _html(text, rng), "outlet": text[:15], "fetched_at": text[:12]},
                {"text": 12},
                [text],
                None,
                {"text": text + "\ud800"},
            ]
        )
        lines.append(json.dumps(rec, ensure_ascii=rng.random() < 0.5))
    return "\n".join(lines)


def _warc(text: str, rng: random.Random, gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    ctype = rng.choice(["text/html; charset=utf-8", "text/html; charset=windows-1256", "text/plain", "text/html; charset=nonsense"])
    body = _html(text, rng).encode("utf-8", "replace") if "html" in ctype else text.encode("utf-8", "replace")
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    rec = writer.create_warc_record("https://x.example/" + str(rng.randrange(99)), "response", payload=io.BytesIO(body), http_headers=headers)
    writer.write_record(rec)
    rec.raw_stream.close()
    return out.getvalue()


def hostile_input(seed: int) -> tuple[str, bytes]:
    """A file suffix and the file's bytes, the same for the same seed."""
    rng = random.Random(seed)
    suffix = rng.choice(SUFFIXES)
    text = _mutate_text(_base_text(rng), rng)
    if suffix == ".txt":
        data = _encode(text, rng)
    elif suffix == ".html":
        data = _encode(_html(text, rng), rng)
    elif suffix == ".jsonl":
        data = _jsonl(text, rng).encode("utf-8", "surrogatepass")
    else:
        data = _warc(text, rng, gz=suffix.endswith(".gz"))
        if rng.random() < 0.3:
            data = gzip.compress(b"\0" * rng.randrange(1, 40_000_000)) if rng.random() < 0.05 else data
    if rng.random() < 0.5:
        data = _mutate_bytes(data, rng)
    return suffix, data


SETTINGS = Settings(workers=1, progress=False, max_page_bytes=1024 * 1024)


def check_input(path: Path, ctx: Context, analyse: bool = True) -> str | None:
    """None when `path` reads and analyses cleanly; else what went wrong (a traceback, or a
    message that is not one bounded line)."""
    try:
        for item in read_file(str(path), SETTINGS):
            if isinstance(item, InputProblem):
                line = str(item)
                if "\n" in line or "\r" in line or len(line) > 1200:
                    return f"problem is not one bounded line: {line[:200]!r}"
                continue
            assert isinstance(item, Page)
            truncation_warning(item)
            if analyse:
                for article in analyze_page(item, ctx):
                    json.dumps(article.to_record(), ensure_ascii=False).encode("utf-8")
    except Exception:
        return traceback.format_exc()
    return None
