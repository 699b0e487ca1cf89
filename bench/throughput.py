"""Throughput and peak memory of a whole `marsad analyze` run on a generated corpus.

The corpus recombines the demo pages: each generated page takes a demo page's header lines and
a shuffled, resampled selection of body paragraphs from pages of the same event, plus the
original tail (lists, appended articles), so every page is distinct (distinct content hash) and
keeps the real mess. Prints pages per second and the peak resident memory of the whole process
tree (the marsad process and its workers), for two corpus sizes to show memory is flat.

    .venv/bin/python bench/throughput.py [--pages 10000] [--small 2000] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "corpus"
MARSAD = Path(sys.executable).parent / "marsad"


def _demo_text_pages() -> list[list[str]]:
    pages = []
    for f in sorted(DEMO.glob("*.txt")):
        raw = f.read_bytes()
        for enc in ("utf-8", "cp1256", "iso-8859-6"):
            try:
                pages.append(raw.decode(enc).splitlines())
                break
            except UnicodeDecodeError:
                continue
    return pages


def generate(n: int, folder: Path, seed: int = 7) -> None:
    """n pages: text dumps, with every 10th page an HTML file (the slower extraction path)."""
    rng = random.Random(seed)
    pages = _demo_text_pages()
    html_template = (DEMO / "flood-ofoq.html").read_text(encoding="utf-8")
    paragraphs = [ln for p in pages for ln in p if len(ln.split()) >= 12]
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        if i % 10 == 9:
            body = "".join(f"<p>{p}</p>" for p in rng.sample(paragraphs, 4))
            html = html_template.replace("<article>", f"<article><p>{body}</p><!-- {i} -->", 1)
            (sub / f"page{i:06d}.html").write_text(html, encoding="utf-8")
            continue
        lines = list(rng.choice(pages))
        body_idx = [k for k, ln in enumerate(lines) if len(ln.split()) >= 12]
        if body_idx:
            picked = rng.sample(paragraphs, k=min(len(body_idx), 6))
            for k, para in zip(body_idx, picked, strict=False):
                lines[k] = para
        lines.insert(min(len(lines), 4), f"وتابع المراسل رقم {i} تغطية الحدث من موقعه طوال اليوم وسط إجراءات أمنية مشددة في المنطقة.")
        (sub / f"page{i:06d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            status = Path(f"/proc/{entry}/status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(entry)] = int(line.split()[1])
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def run_measured(cmd: list[str], log: Path | None = None) -> tuple[float, float, int]:
    """(seconds, peak MB of the process tree, exit status) of a command; its output kept in
    `log` when given."""
    start = time.perf_counter()
    out = log.open("w", encoding="utf-8") if log else None
    proc = subprocess.Popen(cmd, stdout=out or subprocess.DEVNULL)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    code = proc.wait()
    elapsed = time.perf_counter() - start
    stop.set()
    t.join()
    if out:
        out.close()
    return elapsed, peak / 1024, code


def measure(n: int, workers: int) -> tuple[float, float, int]:
    """(pages per second, peak MB of the process tree, exit status) for an n-page run."""
    tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        generate(n, corpus)
        cmd = [str(MARSAD), "analyze", str(corpus), "--out", str(tmp / "out"), "--no-progress", "--workers", str(workers)]
        elapsed, peak, code = run_measured(cmd)
        return n / elapsed, peak, code
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--small", type=int, default=2_000, help="a smaller run, to show memory does not grow with pages")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today()}")
    for n in (args.small, args.pages):
        rate, peak, code = measure(n, args.workers)
        print(f"{n} pages: {rate:.0f} pages/s, peak memory {peak:.0f} MB (marsad and workers), exit {code}")


if __name__ == "__main__":
    main()
