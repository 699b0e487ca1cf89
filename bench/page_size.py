"""Analysis time and peak memory of one `marsad analyze` run by the size of its single page.

Each page concatenates real articles (headline, blank line, text) from a JSONL file with a `text`
and a `headline` field per line — by default ../shared/data/news/egypt2013/articles.jsonl, 2,000
Egyptian news articles of 2013 — in file order until the page reaches its size, as a text dump
(.txt) and as HTML (an <h2> per headline, a <p> per paragraph). A page bigger than the file
starts over from its first article. Each run is a fresh process with one worker (`--workers 1`),
timed from start to exit (model loading, analysis, store-wide resolution, stories, export and
report), its peak resident memory read from the kernel (wait4). Cost linear in the page shows
as a flat "s per MB" column.

    .venv/bin/python bench/page_size.py [--sizes 100,400,1600,4900] [--formats txt,html] [--articles FILE]

Sizes are in KB (1 KB = 1,024 bytes of UTF-8); 4,900 KB stays under the 5 MB page limit.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "data" / "news" / "egypt2013" / "articles.jsonl"
MARSAD = Path(sys.executable).parent / "marsad"
KB = 1024


def read_articles(path: Path) -> list[tuple[str, str]]:
    """(headline, text) of each article with text, in file order."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                out.append((rec.get("headline") or "", rec["text"]))
    return out


def build_page(articles: list[tuple[str, str]], size: int, fmt: str) -> str:
    """A page of at least `size` bytes (UTF-8) of whole articles, as text or HTML."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        headline, text = articles[i % len(articles)]
        i += 1
        if fmt == "txt":
            part = f"{headline}\n\n{text}\n\n"
        else:
            paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in text.split("\n") if p.strip())
            part = f"<h2>{html.escape(headline)}</h2>\n{paragraphs}"
        parts.append(part)
        total += len(part.encode("utf-8"))
    body = "".join(parts)
    if fmt == "html":
        return f'<!doctype html>\n<html lang="ar"><head><meta charset="utf-8"><title>page</title></head><body><article>\n{body}</article></body></html>\n'
    return body


def run_once(page: Path, out: Path) -> tuple[float, float, int]:
    """(seconds, peak resident MB, exit status) of one `marsad analyze` of `page`."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(MARSAD), "analyze", str(page), "--out", str(out), "--workers", "1", "--no-progress"],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    return elapsed, usage.ru_maxrss / 1024, proc.returncode  # ru_maxrss is in KB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,400,1600,4900", help="page sizes in KB, comma-separated")
    ap.add_argument("--formats", default="txt,html", help="txt, html or both")
    ap.add_argument("--articles", type=Path, default=ARTICLES, help="JSONL of articles (text, headline) to build pages from")
    args = ap.parse_args()
    if not args.articles.exists():
        sys.exit(f"{args.articles}: not found (pass --articles FILE, a JSONL file with a text field per line)")
    articles = read_articles(args.articles)
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, Python {platform.python_version()}, {date.today()}; "
        f"pages from {args.articles.name} ({len(articles)} articles)"
    )
    print(f"{'format':6} {'size KB':>8} {'chars':>10} {'seconds':>8} {'s per MB':>9} {'peak MB':>8} exit")
    tmp = Path(tempfile.mkdtemp(prefix="marsad-page-size-"))
    try:
        for fmt in args.formats.split(","):
            for kb in (int(s) for s in args.sizes.split(",")):
                text = build_page(articles, kb * KB, fmt)
                page = tmp / f"page-{kb}.{fmt}"
                page.write_text(text, encoding="utf-8")
                mb = page.stat().st_size / KB / KB
                seconds, peak, code = run_once(page, tmp / f"out-{fmt}-{kb}")
                print(f"{fmt:6} {kb:8d} {len(text):10d} {seconds:8.1f} {seconds / mb:9.1f} {peak:8.0f} {code}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
