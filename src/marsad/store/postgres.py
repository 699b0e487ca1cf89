"""PostgreSQL store, for shared and large archives: `--db postgresql://user@host:port/dbname`.

The same tables and SQL as the SQLite store (store/base.py), with psycopg 3. Writers take one
transaction-scoped advisory lock, so concurrent runs write one window at a time, as SQLite's one
writer does, and never interleave a page's rows; readers see one snapshot per request (REPEATABLE
READ, read only) and never wait for a writer. Search is PostgreSQL's full-text search over
marsad's own normalised keys (a GIN-indexed tsvector, the 'simple' configuration: no stemming),
ranked by ts_rank; when a query finds nothing, pg_trgm offers the entity-name words spelt nearly
like its words (دغمن finds دغمان)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

import psycopg
from psycopg import pq

from marsad.safe_text import for_message
from marsad.store import base
from marsad.store.base import NotAStore

# Any constant shared by every marsad writer of a database: pg_advisory_xact_lock's key.
WRITER_LOCK = 0x6D61727361  # "marsa"
# pg_trgm similarity from which an entity-name word counts as a spelling of a query word that
# found nothing. Measured: one letter dropped from a five-letter name scores 0.375 (دغمان / دغمن,
# بوتين / بوتن), one added to a six-letter one 0.5 (فتريني / فيتريني); unrelated names stay
# under 0.3. Only a search that found nothing is widened, so a loose threshold costs little.
TRIGRAM_NEIGHBOUR = 0.35
CONNECT_TIMEOUT_S = 30


def _connect(url: str) -> psycopg.Connection[tuple[Any, ...]]:
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.OperationalError as exc:
        raise ConnectionError(f"{shown(url)}: cannot connect to PostgreSQL ({for_message(str(exc).strip())})") from exc


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    info = psycopg.conninfo.conninfo_to_dict(url)
    where = f"{info.get('host') or 'localhost'}:{info.get('port') or 5432}/{info.get('dbname') or ''}"
    return for_message(f"postgresql://{info.get('user') or ''}@{where}")


def check_database(con: psycopg.Connection[tuple[Any, ...]], url: str) -> None:
    """Raise NotAStore unless the database is empty or a marsad store this version can open."""
    names = {str(r[0]) for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall()}
    if not names:
        return
    version = None
    if "schema_version" in names:
        version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]  # type: ignore[index]
    problem = base.foreign_tables_message(shown(url), names, None if version is None else int(version))
    if problem:
        raise NotAStore(problem.replace("a database that", "a PostgreSQL database that"))


class PostgresStore(base.Store):
    migrations_folder = "migrations_pg"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.location = url
        self.db = _connect(url)
        try:
            check_database(self.db, url)
            if readonly:
                self.db.execute("SET default_transaction_read_only = on")
            else:
                self.migrate()
        except BaseException:
            self.db.close()
            raise

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[tuple[Any, ...]]:
        return self.db.execute(_placeholders(sql), params or None)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        # A thousand rows at a time: rows may be made as they are read (a run's kept sums), and
        # listing them all would hold them at once.
        rows = iter(rows)
        while chunk := list(islice(rows, 1000)):
            with self.db.cursor() as cur:
                cur.executemany(_placeholders(sql), chunk)

    def begin(self) -> None:
        self.db.execute("BEGIN")
        self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))

    def begin_read(self) -> None:
        self.db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.info.transaction_status != pq.TransactionStatus.IDLE:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def _search_rows(self, alternatives: list[list[str]], limit: int, offset: int) -> list[tuple[Any, ...]]:
        # Each term goes through the same parser as the indexed terms (phraseto_tsquery), so a key
        # the parser splits is matched as the same sequence of parts.
        groups = ["(" + " || ".join("phraseto_tsquery('simple', %s)" for _ in alts) + ")" for alts in alternatives]
        query = " && ".join(groups)
        params: list[Any] = [t for alts in alternatives for t in alts]
        rows = self.db.execute(
            f"WITH q AS (SELECT {query} AS q) SELECT a.id, a.outlet, a.headline, a.published, a.text FROM q, articles_fts f"
            " JOIN articles a ON a.rowid = f.rowid WHERE f.tsv @@ q.q ORDER BY ts_rank(f.tsv, q.q) DESC, a.rowid LIMIT %s OFFSET %s",
            [*params, limit, offset],
        ).fetchall()
        return rows

    def _spelling_neighbours(self, term: str) -> set[str]:
        rows = self.db.execute(
            "SELECT DISTINCT term FROM entity_terms WHERE term %% %s AND similarity(term, %s) >= %s",
            (term, term, TRIGRAM_NEIGHBOUR),
        ).fetchall()
        return {str(r[0]) for r in rows} - {term}


def _placeholders(sql: str) -> str:
    """store/base.py's `?` parameters as psycopg's `%s` (its SQL has no literal % or ?)."""
    return sql.replace("%", "%%").replace("?", "%s")
