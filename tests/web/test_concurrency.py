"""The live server under load: 8 clients × at least 100 requests over the main routes, while
`marsad analyze` (another process) keeps writing the same store, get nothing but 200."""

from __future__ import annotations

import http.client
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

from marsad.store.sqlite import Store
from marsad.web.app import create_app
from tests.conftest import DEMO_CORPUS, DEMO_REGISTRY
from tests.web.conftest import live_server

CLIENTS = 8
REQUESTS_PER_CLIENT = 100
DEADLINE_S = 240  # a run that long is a hang, not load


def _routes(db: str) -> list[str]:
    with Store(db, readonly=True) as s:
        story = s.list_stories(1)[0].id
        dossier = s.get_story(story)
        assert dossier is not None
        article = dossier.articles[0]
        record = s.get_record(article)
        assert record is not None
        entity = next(m.entity_id for m in record.mentions if m.entity_id)
    return [
        "/api/stories",
        "/",
        f"/stories/{story}",
        f"/api/stories/{story}",
        f"/articles/{article}",
        f"/api/articles/{article}",
        f"/entities/{entity}",
        f"/api/entities/{entity}",
        "/api/search?q=" + quote("بوتين"),
        "/search?q=" + quote("شويجو"),
    ]


def _copy_store(src: str, dst: Path) -> str:
    """A private copy (the session store stays as the other tests expect it), taken with SQLite's
    backup so it is consistent whatever the WAL holds."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return str(dst)


def test_parallel_readers_and_a_writer_get_only_200(web_store: str, tmp_path: Path) -> None:
    db = _copy_store(web_store, tmp_path / "busy.db")
    routes = _routes(db)
    stop_writing = threading.Event()
    writer_runs: list[tuple[float, float, int, str]] = []  # (start, end, exit status, stderr)

    def write() -> None:
        # `--reprocess` makes each run rewrite every page, the entities and the stories.
        command = [sys.executable, "-m", "marsad.cli", "analyze", str(DEMO_CORPUS), "--registry", str(DEMO_REGISTRY)]
        command += ["--out", str(tmp_path / "out"), "--db", db, "--reprocess", "--workers", "1", "--no-progress"]
        while not stop_writing.is_set():
            start = time.monotonic()
            done = subprocess.run(command, capture_output=True, text=True, timeout=DEADLINE_S)
            writer_runs.append((start, time.monotonic(), done.returncode, done.stderr[-2000:]))

    answers: list[tuple[float, str, int]] = []  # (time, route, status); list.append is atomic
    failures: list[str] = []

    def read(base: str, offset: int) -> None:
        host, port = base.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        n = 0
        try:
            # At least REQUESTS_PER_CLIENT each, and on while the writer has not finished a run.
            while n < REQUESTS_PER_CLIENT or (not any(r[1] for r in writer_runs) and time.monotonic() < deadline):
                route = routes[(n + offset) % len(routes)]
                conn.request("GET", route)
                response = conn.getresponse()
                body = response.read()
                answers.append((time.monotonic(), route, response.status))
                if response.status != 200:
                    failures.append(f"{route}: {response.status} {body[:200]!r}")
                n += 1
        except Exception as exc:  # a dropped connection is a failure too, not a crashed thread
            failures.append(f"{type(exc).__name__}: {exc}")
        finally:
            conn.close()

    with live_server(create_app(db)) as base:
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(1.0)  # the writer is past its start-up and into the store
        deadline = time.monotonic() + DEADLINE_S
        readers = [threading.Thread(target=read, args=(base, i)) for i in range(CLIENTS)]
        for t in readers:
            t.start()
        for t in readers:
            t.join()
        stop_writing.set()
        writer.join()

    assert not failures, f"{len(failures)} failed of {len(answers)}: {failures[:5]}"
    assert len(answers) >= CLIENTS * REQUESTS_PER_CLIENT
    assert writer_runs and all(r[2] == 0 for r in writer_runs), writer_runs
    # The load overlapped the writing: requests were answered while an analysis was running.
    during = [a for a in answers if any(start <= a[0] <= end for start, end, _, _ in writer_runs)]
    assert len(during) >= CLIENTS * 10, f"only {len(during)} requests while the store was being written"
