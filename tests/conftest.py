"""Shared fixtures: the loaded context, the sample corpus in ../shared, the demo corpus."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.article import Article, Page
from marsad.context import Context, Settings
from marsad.pipeline import analyze_page
from tests.pg_server import REQUIRE_ENV, PgServer, find_bindir

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_CORPUS = SHARED / "corpus" / "summit-2023"
DEMO_CORPUS = ROOT / "demo" / "corpus"
DEMO_REGISTRY = ROOT / "demo" / "registry.json"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `shared` skip, saying why, when ../shared is not beside the checkout."""
    if SAMPLE_CORPUS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs the sample corpus at {SAMPLE_CORPUS} (../shared beside the repo); not found")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context.load(Settings(registry_files=(str(DEMO_REGISTRY),), workers=1, progress=False))


def foreign_sqlite(path: Path) -> None:
    """A SQLite database that is somebody else's (not a marsad store): marsad must refuse it untouched."""
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO notes (body) VALUES ('not marsad')")
    db.commit()
    db.close()


def sample_path(name: str) -> Path:
    return next(SAMPLE_CORPUS.glob(f"{name}*"))


def analyze_text(ctx: Context, text: str, source: str = "test.txt") -> list[Article]:
    return analyze_page(Page(source=source, content=text, format="text"), ctx)


@pytest.fixture(scope="session")
def sample_articles(ctx: Context) -> dict[str, list[Article]]:
    """The four sample pages analysed once, keyed by their number prefix ("000", "001", ...)."""
    out = {}
    for path in sorted(SAMPLE_CORPUS.glob("*.txt")):
        out[path.name[:3]] = analyze_page(Page(source=str(path), content=path.read_text(encoding="utf-8"), format="text"), ctx)
    return out


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throwaway PostgreSQL server (tests/pg_server.py) for the session. Skips, saying why, when
    PostgreSQL is not installed or cannot start, unless MARSAD_REQUIRE_POSTGRES=1 (CI)."""
    required = os.environ.get(REQUIRE_ENV) == "1"
    bindir = find_bindir()
    if bindir is None:
        reason = "PostgreSQL is not installed (Debian: apt-get install postgresql; `make test` does it as root)"
        if required:
            pytest.fail(f"{REQUIRE_ENV}=1 but {reason}")
        pytest.skip(reason)
    server = PgServer(bindir)
    try:
        server.start()
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        server.stop()
        if required:
            pytest.fail(f"{REQUIRE_ENV}=1 but the PostgreSQL server did not start: {detail}")
        pytest.skip(f"the PostgreSQL server did not start: {detail}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database on the session's server."""
    return pg_server.new_database()
