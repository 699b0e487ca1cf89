"""SQLite store: one file, WAL journal, migrations applied in order, one writer (the caller's
process), FTS5 over marsad's own normalised search terms."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import match_key
from marsad.arabic.tokens import index_terms, key_variants, search_terms, tokenize
from marsad.article import Article, Page
from marsad.entities.resolve import Entity, MentionRow, Span, complete_names, name_slots, resolve
from marsad.meta.registry import Registry
from marsad.safe_text import for_message


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("marsad.store").joinpath("migrations")
    found = [(int(f.name.split("_", 1)[0]), f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".sql")]
    return sorted(found)


# How long a connection waits for another one's lock before failing (SQLite's busy_timeout). A
# reader of a WAL store waits only while a checkpoint resets the log; a writer waits for the other
# writer's transaction, which the engine keeps to one window of pages (or one story rebuild).
BUSY_TIMEOUT_S = 30.0


def _read_only_uri(path: str) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"


# Joined after `articles a`: keeps the articles of the pages a run read (its one parameter: run_id).
_OF_RUN = " JOIN (SELECT DISTINCT page_id FROM run_pages WHERE run_id = ?) rp ON rp.page_id = a.page_id"


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    outlet: str | None
    headline: str | None
    published: str | None
    snippet: str


class NotAStore(Exception):
    """The file exists and is not a marsad store: it is never migrated or written to."""


# The tables that make a SQLite file a marsad store (0001_init.sql).
_STORE_TABLES = frozenset(("schema_version", "pages"))


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
    if not _STORE_TABLES.issubset(names):
        shown = ", ".join(sorted(names)[:5]) or "none"
        raise NotAStore(f"{shown_path}: a SQLite database that is not a marsad store (its tables: {shown}); left unchanged")
    newest = max(v for v, _ in _migrations())
    if version is not None and int(version) > newest:
        raise NotAStore(f"{shown_path}: made by a newer marsad (schema {version}, this one knows {newest}); left unchanged")


def is_marsad_store(path: str) -> bool:
    """Whether `path` is a marsad store (not absent, not empty); read-only, as check_store_file."""
    if not Path(path).is_file() or os.path.getsize(path) == 0:
        return False
    try:
        check_store_file(path)
    except NotAStore:
        return False
    return True


class Store:
    """Open (creating and migrating) a store file. Not shared across processes for writing.
    Raises NotAStore for a file that is not a marsad store. `readonly`: open an existing
    store for reading only, with no migration (the web server's per-request connections); any
    write through it fails."""

    def __init__(self, path: str, *, readonly: bool = False) -> None:
        check_store_file(path)
        self.path = path
        if readonly:
            self.db = sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
            self.db.row_factory = sqlite3.Row
            return
        self.db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.db.execute("SELECT version FROM schema_version")}
        for version, sql in _migrations():
            if version in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_version VALUES (?, ?)", (version, _now()))
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        row = self.db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    # --- writing ------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back if the body raises."""
        self.begin()
        try:
            yield
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def page_version(self, page_id: str) -> str | None:
        row = self.db.execute("SELECT pipeline_version FROM pages WHERE id = ?", (page_id,)).fetchone()
        return None if row is None else str(row[0])

    def save_page(self, page: Page, articles: list[Article], pipeline_version: str) -> None:
        """Replace whatever the store held for this page (inside the caller's transaction)."""
        pid = page.page_id
        self.db.execute("DELETE FROM articles_fts WHERE rowid IN (SELECT rowid FROM articles WHERE page_id = ?)", (pid,))
        self.db.execute("DELETE FROM articles WHERE page_id = ?", (pid,))
        self.db.execute(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pid, page.source, page.locator, page.url, page.fetched_at, page.format, page.encoding, pipeline_version, _now()),
        )
        for a in articles:
            rec = a.to_record()
            cur = self.db.execute(
                "INSERT INTO articles (id, page_id, seq, appended_to, outlet, headline, author, published, language, text, record)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id,
                    pid,
                    a.seq,
                    a.appended_to,
                    a.outlet,
                    a.headline,
                    a.author,
                    a.published,
                    a.language,
                    a.text,
                    json.dumps(rec, ensure_ascii=False),
                ),
            )
            self.db.executemany(
                "INSERT INTO removed_spans VALUES (?, ?, ?, ?, ?)", [(a.id, i, r.reason, r.line, r.text) for i, r in enumerate(a.removed)]
            )
            for field in ("outlet", "author", "published", "updated"):
                ev = getattr(a, f"{field}_evidence")
                if ev is not None:
                    self.db.execute(
                        "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)", (a.id, field, getattr(a, field), ev.text, ev.rule, ev.line)
                    )
            self.db.executemany(
                'INSERT INTO mentions (article_id, seq, type, start, "end", text, key) VALUES (?, ?, ?, ?, ?, ?, ?)',
                [(a.id, i, m.type, m.start, m.end, m.text, m.key) for i, m in enumerate(a.mentions)],
            )
            terms = " ".join(index_terms(f"{a.headline or ''}\n{a.outlet or ''}\n{a.text}"))
            self.db.execute("INSERT INTO articles_fts (rowid, terms) VALUES (?, ?)", (cur.lastrowid, terms))

    def start_run(self, inputs: list[str]) -> int:
        cur = self.db.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (_now(), json.dumps(inputs, ensure_ascii=False)))
        return int(cur.lastrowid or 0)

    def add_run_page(self, run_id: int, seq: int, page: Page) -> None:
        self.db.execute("INSERT OR REPLACE INTO run_pages VALUES (?, ?, ?, ?, ?)", (run_id, seq, page.page_id, page.source, page.locator))

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?", (_now(), json.dumps(summary, ensure_ascii=False), run_id)
        )

    # --- reading ------------------------------------------------------------------------------
    def iter_run_records(self, run_id: int) -> Iterator[dict[str, Any]]:
        """The run's articles in input order, each page once, with the path this run read."""
        rows = self.db.execute(
            "SELECT a.record, rp.source, rp.locator, rp.page_id FROM run_pages rp JOIN articles a ON a.page_id = rp.page_id"
            " WHERE rp.run_id = ? ORDER BY rp.seq, a.seq",
            (run_id,),
        )
        seen_first_seq: dict[str, str] = {}
        for record, source, locator, page_id in rows:
            key = f"{source}\0{locator}"
            if seen_first_seq.setdefault(page_id, key) != key:
                continue  # the same page read twice in one run: exported once
            rec = self._with_entities(json.loads(record))
            rec["source"], rec["locator"] = source, locator
            yield rec

    def run_outlet_counts(self, run_id: int) -> list[tuple[str | None, int]]:
        """(outlet, articles) for a run, most first; each page counted once, as in the export."""
        rows = self.db.execute(
            "SELECT a.outlet, count(*) FROM articles a JOIN (SELECT DISTINCT page_id FROM run_pages WHERE run_id = ?) rp"
            " ON a.page_id = rp.page_id GROUP BY a.outlet ORDER BY count(*) DESC, a.outlet",
            (run_id,),
        )
        return [(r[0], int(r[1])) for r in rows]

    def get_record(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._with_entities(json.loads(row[0]))

    def _with_entities(self, rec: dict[str, Any]) -> dict[str, Any]:
        """The record with its mentions as resolved now: entity id and display name on each."""
        rows = self.db.execute(
            'SELECT m.text, m.type, m.start, m."end", m.entity_id, e.name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id'
            " WHERE m.article_id = ? ORDER BY m.seq",
            (rec["id"],),
        )
        entities = [{"text": r[0], "type": r[1], "start": r[2], "end": r[3], "entity_id": r[4], "entity_name": r[5]} for r in rows]
        rec["entities"] = entities
        # A quote's speaker is a mention: its entity gives the speaker's id and display name.
        for q in rec.get("quotes", []):
            m = q.pop("speaker_mention", None)
            speaker = entities[m] if m is not None and m < len(entities) else None
            q["speaker_id"] = speaker["entity_id"] if speaker else None
            if speaker and speaker["entity_name"]:
                q["speaker_name"] = speaker["entity_name"]
        return rec

    # --- entities -----------------------------------------------------------------------------
    def resolve_entities(self, registry: Registry) -> int:
        """Resolve every mention in the store to an entity (entities/resolve.py) and rewrite the
        entity tables. Deterministic: the same mentions give the same ids. Returns the count.
        Person mentions cut short by the tagger are first completed from the store's full names."""
        self._complete_names()
        rows = self.db.execute(
            "SELECT m.article_id, m.seq, m.type, m.key, m.text, a.outlet FROM mentions m JOIN articles a ON a.id = m.article_id"
        )
        assignment, entities = resolve((MentionRow(*r) for r in rows), registry)
        with self.transaction():
            self.db.execute("UPDATE mentions SET entity_id = NULL")
            self.db.executemany(
                "UPDATE mentions SET entity_id = ? WHERE article_id = ? AND seq = ?", [(e, a, s) for (a, s), e in assignment.items()]
            )
            self.db.execute("DELETE FROM entity_terms")
            self.db.execute("DELETE FROM entities")
            self.db.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?)",
                [(e.id, e.name, e.type, json.dumps(e.to_json(), ensure_ascii=False)) for e in entities],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO entity_terms VALUES (?, ?, ?)", [(t, e.id, slot) for e in entities for t, slot in name_slots(e)]
            )
        return len(entities)

    def _complete_names(self) -> None:
        people = [Span(*r) for r in self.db.execute("SELECT article_id, seq, start, \"end\", key FROM mentions WHERE type = 'PER'")]
        texts: dict[str, str] = {}

        def text_of(article_id: str) -> str:
            if article_id not in texts:
                texts[article_id] = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
            return texts[article_id]

        changes = complete_names(people, text_of)
        if changes:
            with self.transaction():
                self.db.executemany(
                    'UPDATE mentions SET start = ?, "end" = ?, text = ?, key = ? WHERE article_id = ? AND seq = ?',
                    [
                        (new.start, new.end, text_of(new.article_id)[new.start : new.end], new.key, new.article_id, new.seq)
                        for _, new in changes
                    ],
                )

    def run_entities(self, run_id: int) -> list[dict[str, Any]]:
        """The entities a run's articles mention, with the spellings and outlets of this run."""
        rows = self.db.execute(
            "SELECT m.entity_id, e.name, e.type, a.id, m.seq, m.type, m.key, m.text, a.outlet FROM mentions m"
            " JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id" + _OF_RUN,
            (run_id,),
        )
        found: dict[str, Entity] = {}
        for eid, name, kind, *mention in rows:
            found.setdefault(eid, Entity(eid, name, kind)).add(MentionRow(*mention))
        return [e.to_json() for e in sorted(found.values(), key=lambda e: (-len(e.articles), e.name, e.id))]

    # --- stories ------------------------------------------------------------------------------
    def iter_all_records(self) -> Iterator[dict[str, Any]]:
        """Every article in the store, as exported (entities resolved)."""
        for (record,) in self.db.execute("SELECT record FROM articles ORDER BY rowid"):
            yield self._with_entities(json.loads(record))

    def story_assignments(self) -> dict[str, tuple[str, str | None]]:
        return {r[0]: (r[1], r[2]) for r in self.db.execute("SELECT article_id, story_id, copy_of FROM story_articles")}

    def save_stories(self, dossiers: list[dict[str, Any]], members: dict[str, tuple[str, str | None]]) -> None:
        """Store rebuilt dossiers and their members' assignments (one transaction)."""
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO story_articles VALUES (?, ?, ?)", [(a, s, c) for a, (s, c) in members.items()])
            for d in dossiers:
                days = [e["date"] for e in d["timeline"]]
                card = {
                    "id": d["id"],
                    "title": d["title"],
                    "articles": len(d["articles"]),
                    "outlets": d["outlets"],
                    "entities": d["entities"][:6],
                    "first_date": min(days, default=None),
                    "last_date": max(days, default=None),
                }
                self.db.execute(
                    "INSERT OR REPLACE INTO stories (id, title, first_date, last_date, articles, record, card) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        d["id"],
                        d["title"],
                        card["first_date"],
                        card["last_date"],
                        len(d["articles"]),
                        json.dumps(d, ensure_ascii=False),
                        json.dumps(card, ensure_ascii=False),
                    ),
                )
            self.db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)")

    def run_stories(self, run_id: int) -> list[dict[str, Any]]:
        """The stories any of a run's articles belong to, largest first."""
        rows = self.db.execute(
            "SELECT DISTINCT s.record, s.articles, s.id FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
            " JOIN articles a ON a.id = sa.article_id" + _OF_RUN + " ORDER BY s.articles DESC, s.id",
            (run_id,),
        )
        return [json.loads(r[0]) for r in rows]

    def list_stories(self, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Story cards (id, title, article count, outlets, top entities, first and last day),
        newest first; the dossier itself is get_story."""
        rows = self.db.execute(
            "SELECT card FROM stories ORDER BY coalesce(last_date, '') DESC, articles DESC, id LIMIT ? OFFSET ?", (limit, offset)
        )
        return [json.loads(r[0]) for r in rows]

    def article_heads(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Headline, outlet and date of each article, for lists and links."""
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT id, headline, outlet, published FROM articles WHERE id IN ({marks})", chunk):
                out[r[0]] = {"id": r[0], "headline": r[1], "outlet": r[2], "published": r[3]}
        return out

    def count_stories(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def entity_mentions(self, entity_id: str, limit: int = 200) -> list[dict[str, Any]]:
        """Where an entity is named: article, outlet, headline, the spelling and its context."""
        rows = self.db.execute(
            'SELECT a.id, a.outlet, a.headline, a.published, m.text, m.start, m."end", a.text FROM mentions m'
            " JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? ORDER BY a.published DESC, a.id, m.start LIMIT ?",
            (entity_id, limit),
        )
        return [
            {
                "article": r[0],
                "outlet": r[1],
                "headline": r[2],
                "published": r[3],
                "text": r[4],
                "context": r[7][max(0, r[5] - 60) : r[6] + 60].replace("\n", " "),
            }
            for r in rows
        ]

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    def entity_alternatives(self, term: str) -> set[str]:
        """Other spellings of `term` as a word of an entity's name: شويجو -> {شويغو}."""
        rows = self.db.execute(
            "SELECT DISTINCT t2.term FROM entity_terms t1 JOIN entity_terms t2 ON t2.entity_id = t1.entity_id AND t2.slot = t1.slot"
            " WHERE t1.term = ?",
            (term,),
        )
        return {r[0] for r in rows} - {term}

    def count_articles(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles containing every word of `query`, matched on normalised keys behind any
        proclitics: «الكرملين» finds «والكرملين», «بوتين» finds «وبوتين», «إيران» finds «ايران»;
        a word of an entity's name also finds the entity's other spellings of it (شويجو finds
        شويغو). Ranked by BM25."""
        terms = search_terms(query)
        if not terms:
            return []
        alternatives = [sorted({t} | self.entity_alternatives(t)) for t in terms]
        fts_query = " AND ".join("(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in alts) + ")" for alts in alternatives)
        rows = self.db.execute(
            "SELECT a.id, a.outlet, a.headline, a.published, a.text FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ? OFFSET ?",
            (fts_query, limit, offset),
        ).fetchall()
        return [SearchHit(r[0], r[1], r[2], r[3], make_snippet(r[4], {t for alts in alternatives for t in alts})) for r in rows]


def make_snippet(text: str, terms: set[str], width: int = 80) -> str:
    """A window of `text` around the first matched word, the matches marked with [ ]."""
    toks = [t for t in tokenize(text) if key_variants(match_key(t.text)) & terms]
    if not toks:
        return text[: 2 * width].replace("\n", " ")
    start = max(0, toks[0].start - width)
    end = min(len(text), toks[0].end + width)
    out, pos = [], start
    for t in toks:
        if t.start < start or t.end > end:
            continue
        out += [text[pos : t.start], "[", t.text, "]"]
        pos = t.end
    out.append(text[pos:end])
    snippet = "".join(out).replace("\n", " ")
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file (no semicolons inside literals in our migrations)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
