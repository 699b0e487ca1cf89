"""How fast the web UI's pages and API answer on a large store.

Builds (or reuses, with --db) a store of generated pages (bench/throughput.py's generator: the
demo pages recombined, so stories, entities and quotes are real analysis output), then requests
each kind of page in-process (no network) and prints the median and slowest time per route.

    .venv/bin/python bench/web_latency.py [--pages 10000] [--db FILE] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from marsad.store.sqlite import Store
from marsad.web.app import create_app
from throughput import MARSAD, generate
from web_concurrency import sample_ids  # bench/ is on the path when a bench script runs


def build(pages: int, db: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        generate(pages, corpus)
        t0 = time.perf_counter()
        subprocess.run(
            [str(MARSAD), "analyze", str(corpus), "--out", str(Path(tmp) / "out"), "--db", str(db), "--no-progress"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"built a store of {pages} generated pages in {time.perf_counter() - t0:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--db", help="an existing store to measure (skips building one)")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--keep", help="build the store here and keep it (for a later --db)")
    args = ap.parse_args()
    db = Path(args.db or args.keep or Path(tempfile.mkdtemp()) / "marsad.db")
    if not args.db:
        build(args.pages, db)
    with Store(str(db)) as store:
        n_articles = store.count_articles()
    story_id, article, entity = sample_ids(db)
    story = {"id": story_id}
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")  # a Host the app answers to
    routes = {
        "/": "/",
        "/stories/{id}": f"/stories/{story['id']}",
        "/articles/{id}": f"/articles/{article}",
        "/entities/{id}": f"/entities/{entity}",
        "/search?q=": "/search?q=" + "المياه",
        "/api/stories": "/api/stories",
        "/api/search?q=": "/api/search?q=" + "المياه",
    }
    print(f"store: {n_articles} articles")
    for name, path in routes.items():
        assert client.get(path).status_code == 200, path
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{name:18} median {statistics.median(times):6.1f} ms   slowest {max(times):6.1f} ms")


if __name__ == "__main__":
    main()
