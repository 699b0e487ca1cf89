"""SQLite store: one file, WAL journal, migrations applied in order, one writer at a time
(BEGIN IMMEDIATE), FTS5 over marsad's own normalised search terms. The SQL it shares with the
PostgreSQL store is in store/base.py."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from marsad.safe_text import for_message
from marsad.store import base
from marsad.store.base import NotAStore, SearchHit, foreign_tables_message, make_snippet

__all__ = ["BUSY_TIMEOUT_S", "NotAStore", "SearchHit", "SqliteStore", "Store", "check_store_file", "is_marsad_store", "make_snippet"]

# How long a connection waits for another one's lock before failing (SQLite's busy_timeout). A
# reader of a WAL store waits only while a checkpoint resets the log; a writer waits for the other
# writer's transaction, which the engine keeps to one window of pages (or one story rebuild).
BUSY_TIMEOUT_S = 30.0


def _read_only_uri(path: str) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"


def check_store_file(path: str) -> None:
    """Raise NotAStore unless `path` is absent, empty, or a marsad store this version can open.
    Read-only: a file that is someone else's database is looked at, never changed."""
    if path == ":memory:" or not os.path.exists(path) or os.path.getsize(path) == 0:
        return
    shown_path = for_message(path)
    if not os.path.isfile(path):
        raise NotAStore(f"{shown_path}: not a file")
    try:
        con = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            names = {str(r[0]) for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0] if "schema_version" in names else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise NotAStore(f"{shown_path}: not a marsad store (not a SQLite database: {exc})") from exc
    problem = foreign_tables_message(shown_path, names, None if version is None else int(version))
    if problem:
        raise NotAStore(problem.replace("a database that", "a SQLite database that"))


def is_marsad_store(path: str) -> bool:
    """Whether `path` is a marsad store (not absent, not empty); read-only, as check_store_file."""
    if not Path(path).is_file() or os.path.getsize(path) == 0:
        return False
    try:
        check_store_file(path)
    except NotAStore:
        return False
    return True


class SqliteStore(base.Store):
    """Open (creating and migrating) a store file. Raises NotAStore for a file that is not a
    marsad store. `readonly`: open an existing store for reading only, with no migration (the web
    server's per-request connections); any write through it fails."""

    def __init__(self, path: str, *, readonly: bool = False) -> None:
        check_store_file(path)
        self.path = self.location = path
        if readonly:
            self.db = sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
            return
        self.db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.db.executemany(sql, rows)

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def begin_read(self) -> None:
        self.db.execute("BEGIN")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def _search_rows(self, alternatives: list[list[str]], limit: int, offset: int) -> list[tuple[Any, ...]]:
        fts_query = " AND ".join("(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in alts) + ")" for alts in alternatives)
        rows = self.db.execute(
            "SELECT a.id, a.outlet, a.headline, a.published, a.text FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ? OFFSET ?",
            (fts_query, limit, offset),
        ).fetchall()
        return [tuple(r) for r in rows]


# The name every caller has used for the SQLite store.
Store = SqliteStore
