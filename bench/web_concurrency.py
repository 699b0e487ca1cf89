"""The web server under concurrent load while an analysis writes the same store.

Starts `marsad serve` (its own process) on a store, keeps `marsad analyze --reprocess` of the demo
corpus writing into that store for as long as the clients run, and fires N client threads × M
requests over the main pages and API routes (keep-alive connections, the routes in turn). Prints
the total requests, every answer that was not 200 (and dropped connections), latency percentiles,
how many analyses ran meanwhile, and the machine.

    .venv/bin/python bench/web_concurrency.py [--clients 8] [--requests 1000] [--db FILE]

Without --db a store of the demo corpus is built in a temporary folder. With --db the given store
is written to (the demo pages are analysed into it again).
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import quote

from marsad.store.sqlite import Store

ROOT = Path(__file__).resolve().parent.parent
MARSAD = Path(sys.executable).parent / "marsad"
DEMO = ROOT / "demo" / "corpus"
REGISTRY = ROOT / "demo" / "registry.json"


def analyze_command(db: Path, out: Path) -> list[str]:
    return [str(MARSAD), "analyze", str(DEMO), "--registry", str(REGISTRY), "--out", str(out), "--db", str(db), "--no-progress"]


def sample_ids(db: Path) -> tuple[str, str, str]:
    """A story of the store, its first article and an entity that article names (the pages to time)."""
    with Store(str(db), readonly=True) as s:
        story = s.get_story(s.list_stories(1)[0].id)
        assert story is not None
        article = story.articles[0]
        record = s.get_record(article)
        assert record is not None
        entity = next(m.entity_id for m in record.mentions if m.entity_id)
    return story.id, article, str(entity)


def routes(db: Path) -> list[str]:
    story_id, article, entity = sample_ids(db)
    story = {"id": story_id}
    return [
        "/",
        f"/stories/{story['id']}",
        f"/articles/{article}",
        f"/entities/{entity}",
        "/search?q=" + quote("شويجو"),
        "/api/stories",
        f"/api/stories/{story['id']}",
        f"/api/articles/{article}",
        f"/api/entities/{entity}",
        "/api/search?q=" + quote("المياه"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"marsad serve exited with {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("marsad serve did not start in 30 s")


def percentile(sorted_ms: list[float], p: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, round(p / 100 * (len(sorted_ms) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=1000, help="per client")
    ap.add_argument("--db", help="the store to serve and write (default: a new store of the demo corpus)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    db = Path(args.db) if args.db else tmp / "marsad.db"
    if not args.db:
        subprocess.run(analyze_command(db, tmp / "first"), check=True, stdout=subprocess.DEVNULL)
    paths = routes(db)
    port = free_port()
    server = subprocess.Popen([str(MARSAD), "serve", "--db", str(db), "--port", str(port)])
    wait_for(port, server)

    stop = threading.Event()
    analyses: list[int] = []

    def write() -> None:
        while not stop.is_set():
            done = subprocess.run([*analyze_command(db, tmp / "out"), "--reprocess", "--workers", "1"], capture_output=True)
            analyses.append(done.returncode)

    latencies: list[float] = []
    statuses: Counter[str] = Counter()

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for i in range(args.requests):
            path = paths[(i + offset) % len(paths)]
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                statuses[str(response.status)] += 1
            except (OSError, http.client.HTTPException) as exc:
                statuses[type(exc).__name__] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            latencies.append((time.perf_counter() - t0) * 1000)
        conn.close()

    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(1.0)  # the first analysis is under way
    t0 = time.perf_counter()
    clients = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in clients:
        t.start()
    for t in clients:
        t.join()
    elapsed = time.perf_counter() - t0
    stop.set()
    writer.join()
    server.terminate()
    server.wait(timeout=30)

    total = sum(statuses.values())
    errors = total - statuses["200"]
    ms = sorted(latencies)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today()}")
    with Store(str(db), readonly=True) as s:
        print(f"store: {s.count_articles()} articles, {s.count_stories()} stories; {len(paths)} routes in turn")
    print(f"{args.clients} clients x {args.requests} requests: {total} requests in {elapsed:.1f} s ({total / elapsed:.0f}/s)")
    print(f"errors: {errors} (answers: {dict(statuses)})")
    print(
        f"latency ms: median {statistics.median(ms):.1f}, p90 {percentile(ms, 90):.1f}, p99 {percentile(ms, 99):.1f}, max {ms[-1]:.1f}"
    )
    print(f"analyses writing the store meanwhile: {len(analyses)} (exit statuses {sorted(set(analyses))})")
    shutil.rmtree(tmp, ignore_errors=True)  # the built store and the analyses' exports (a --db store stays)


if __name__ == "__main__":
    main()
