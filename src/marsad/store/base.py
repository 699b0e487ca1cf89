"""The store's one interface, and everything its two backends (store/sqlite.py, store/postgres.py)
do alike: the SQL of saving pages, runs, entities and stories and of reading them back, written
once with `?` parameters. A backend supplies its connection, its transactions, its migrations and
its full-text search; nothing else differs.

The store persists, nothing more: the cross-document stages (entity resolution, story placement,
dossiers) are pure functions the engine calls (engine/cross.py), handing their results here."""

from __future__ import annotations

import json
import sys
import zlib
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

import numpy as np

from marsad.arabic.normalize import match_key
from marsad.arabic.tokens import index_terms, key_variants, search_terms, tokenize
from marsad.article import Article, ArticleHead, Mention, Page
from marsad.entities.records import EntityMention, EntityRecord
from marsad.entities.resolve import Entity, MentionRow, NameKeys, Span, Tally, completion_blocks, name_keys, name_slots
from marsad.stories.build import StoryArticle, StoryVector
from marsad.stories.records import Dossier, StoryCard


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")



@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Which stories a list shows: those with a day in [date_from, date_to] (ISO dates), with an
    article from `outlet`, naming `entity` (an entity id). None allows any."""

    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    entity: str | None = None


def _story_filter(where: StoryFilter | None) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause and its parameters (never text pasted into SQL)."""
    if where is None:
        return "", ()
    conditions = (
        (where.date_from, "coalesce(last_date, first_date) >= ?"),
        (where.date_to, "coalesce(first_date, last_date) <= ?"),
        (where.outlet, "id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE a.outlet = ?)"),
        (where.entity, "id IN (SELECT sa.story_id FROM story_articles sa JOIN mentions m ON m.article_id = sa.article_id WHERE m.entity_id = ?)"),
    )
    parts = [clause for value, clause in conditions if value]
    params = [value for value, _ in conditions if value]
    return (" WHERE " + " AND ".join(parts) if parts else ""), tuple(params)

class NotAStore(Exception):
    """The file or database exists and is not a marsad store: it is never migrated or written to."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    outlet: str | None
    headline: str | None
    published: str | None
    snippet: str


# Joined after `articles a`: keeps the articles of the pages a run read (its one parameter: run_id).
_OF_RUN = " JOIN (SELECT DISTINCT page_id FROM run_pages WHERE run_id = ?) rp ON rp.page_id = a.page_id"
# The articles with no story vector, and those with one and no story: what a run vectorises and
# places. Asked through the tables' id indexes alone: reading `articles` row by row reads every
# article's text (a scan of the whole archive, seconds a query at a million articles). An article
# with no text is never vectorised, so a story vector says the article has text.
_UNVECTORISED = "SELECT a2.id FROM articles a2 LEFT JOIN story_vectors v ON v.article_id = a2.id WHERE v.article_id IS NULL"
_UNPLACED = "SELECT v.article_id FROM story_vectors v LEFT JOIN story_articles sa ON sa.article_id = v.article_id WHERE sa.article_id IS NULL"
_Shown = TypeVar("_Shown", Dossier, StoryCard)  # a story record that names entities (Store._named)
# The tables that make a database a marsad store (0001_init.sql).
STORE_TABLES = frozenset(("schema_version", "pages"))
SCHEMA_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"


def migrations(folder: str = "migrations") -> list[tuple[int, str]]:
    """(version, SQL) in order. A backend's own folder holds only the migrations whose SQL
    differs from the shared one (store/migrations); the others are read from there."""
    base = resources.files("marsad.store")

    def numbered(where: Traversable) -> dict[int, str]:
        return {int(f.name.split("_", 1)[0]): f.read_text(encoding="utf-8") for f in where.iterdir() if f.name.endswith(".sql")}

    found = numbered(base.joinpath("migrations"))
    if folder != "migrations":
        found.update(numbered(base.joinpath(folder)))
    return sorted(found.items())


def newest_schema() -> int:
    return max(v for v, _ in migrations())


def split_sql(sql: str) -> list[str]:
    """Statements of a migration file (no semicolons inside literals in our migrations)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def foreign_tables_message(where: str, names: set[str], version: int | None) -> str | None:
    """Why a database with these tables is not a store this version can open, or None."""
    if not STORE_TABLES.issubset(names):
        shown = ", ".join(sorted(names)[:5]) or "none"
        return f"{where}: a database that is not a marsad store (its tables: {shown}); left unchanged"
    if version is not None and version > newest_schema():
        return f"{where}: made by a newer marsad (schema {version}, this one knows {newest_schema()}); left unchanged"
    return None


class Store(ABC):
    """A marsad store. Open one with marsad.store.open_store (a file path or a postgresql:// URL).
    Writes happen inside the caller's transactions (begin/commit, or `transaction()`)."""

    location: str
    migrations_folder = "migrations"

    # --- what a backend provides ----------------------------------------------------------------
    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement with `?` parameters; returns a cursor (fetchone, fetchall, iteration)."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def begin(self) -> None:
        """Start a write transaction; one writer at a time (the other waits)."""

    @abstractmethod
    def begin_read(self) -> None:
        """Start a read transaction: one snapshot for every query until it ends."""

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None:
        """Roll back the open transaction, if any."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _search_rows(self, alternatives: list[list[str]], limit: int, offset: int) -> list[tuple[Any, ...]]:
        """(id, outlet, headline, published, text) of the articles holding, for each group of
        alternatives, at least one of its terms; best first."""

    def _spelling_neighbours(self, term: str) -> set[str]:
        """Words of entity names spelt nearly like `term` (a backend with trigram search has them)."""
        return set()

    # --- life ------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> None:
        """Apply the migrations this store lacks, each in its own write transaction (the writer
        lock keeps two processes opening one new store from applying one twice)."""
        self.execute(SCHEMA_VERSION_TABLE)
        for version, sql in migrations(self.migrations_folder):
            if self.execute("SELECT 1 FROM schema_version WHERE version = ?", (version,)).fetchone():
                continue
            with self.transaction():
                if self.execute("SELECT 1 FROM schema_version WHERE version = ?", (version,)).fetchone():
                    continue  # another process applied it while this one waited for the lock
                for statement in split_sql(sql):
                    self.execute(statement)
                self.execute("INSERT INTO schema_version VALUES (?, ?)", (version, now()))

    def schema_version(self) -> int:
        row = self.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction, rolled back if the body raises."""
        self.begin()
        try:
            yield
            self.commit()
        except BaseException:
            self.rollback()
            raise

    # --- pages and runs --------------------------------------------------------------------------
    def page_version(self, page_id: str) -> str | None:
        row = self.execute("SELECT pipeline_version FROM pages WHERE id = ?", (page_id,)).fetchone()
        return None if row is None else str(row[0])

    def save_page(self, page: Page, articles: list[Article], pipeline_version: str) -> None:
        """Replace whatever the store held for this page (inside the caller's transaction)."""
        pid = page.page_id
        # The entities this page's old mentions belonged to lose them: rebuilt after the run.
        self.execute(
            "INSERT INTO stale_entities SELECT DISTINCT m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE a.page_id = ? AND m.entity_id IS NOT NULL ON CONFLICT DO NOTHING",
            (pid,),
        )
        self.execute("DELETE FROM articles_fts WHERE rowid IN (SELECT rowid FROM articles WHERE page_id = ?)", (pid,))
        self.execute("DELETE FROM articles WHERE page_id = ?", (pid,))
        self.execute(
            "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET source = excluded.source,"
            " locator = excluded.locator, url = excluded.url, fetched_at = excluded.fetched_at, format = excluded.format,"
            " encoding = excluded.encoding, pipeline_version = excluded.pipeline_version, analysed_at = excluded.analysed_at",
            (pid, page.source, page.locator, page.url, page.fetched_at, page.format, page.encoding, pipeline_version, now()),
        )
        for a in articles:
            rowid = self.execute(
                "INSERT INTO articles (id, page_id, seq, appended_to, outlet, headline, author, published, language, text, record)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid",
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
                    json.dumps(a.to_record(), ensure_ascii=False),
                ),
            ).fetchone()[0]
            self.executemany(
                "INSERT INTO removed_spans VALUES (?, ?, ?, ?, ?)", [(a.id, i, r.reason, r.line, r.text) for i, r in enumerate(a.removed)]
            )
            self.executemany(
                "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (a.id, field, getattr(a, field), ev.text, ev.rule, ev.line)
                    for field in ("outlet", "author", "published", "updated")
                    if (ev := getattr(a, f"{field}_evidence")) is not None
                ],
            )
            self.executemany(
                'INSERT INTO mentions (article_id, seq, type, start, "end", text, key, words, sound, first_sound, last_sound,'
                " next_block, previous_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.id, i, m.type, m.start, m.end, m.text, m.key, *_keyed(name_keys(m.key)), *_blocks(a.id, i, m, a.text))
                    for i, m in enumerate(a.mentions)
                ],
            )
            terms = " ".join(index_terms(f"{a.headline or ''}\n{a.outlet or ''}\n{a.text}"))
            self.execute("INSERT INTO articles_fts (rowid, terms) VALUES (?, ?)", (rowid, terms))

    def start_run(self, inputs: list[str]) -> int:
        row = self.execute(
            "INSERT INTO runs (started_at, inputs) VALUES (?, ?) RETURNING id", (now(), json.dumps(inputs, ensure_ascii=False))
        ).fetchone()
        return int(row[0])

    def add_run_page(self, run_id: int, seq: int, page: Page) -> None:
        self.execute(
            "INSERT INTO run_pages VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, seq) DO UPDATE SET page_id = excluded.page_id,"
            " source = excluded.source, locator = excluded.locator",
            (run_id, seq, page.page_id, page.source, page.locator),
        )

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        self.execute("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?", (now(), json.dumps(summary, ensure_ascii=False), run_id))

    # --- articles ----------------------------------------------------------------------------------
    def iter_run_records(self, run_id: int) -> Iterator[Article]:
        """The run's articles in input order, each page once, with the path this run read."""
        rows = self.execute(
            "SELECT a.record, rp.source, rp.locator, rp.page_id, a.seq FROM run_pages rp JOIN articles a ON a.page_id = rp.page_id"
            " WHERE rp.run_id = ? ORDER BY rp.seq, a.seq",
            (run_id,),
        ).fetchall()
        seen_first_seq: dict[str, str] = {}
        for record, source, locator, page_id, seq in rows:
            key = f"{source}\0{locator}"
            if seen_first_seq.setdefault(page_id, key) != key:
                continue  # the same page read twice in one run: exported once
            article = self._article(record, page_id, seq)
            article.source, article.locator = source, locator
            yield article

    def run_outlet_counts(self, run_id: int) -> list[tuple[str | None, int]]:
        """(outlet, articles) for a run, most first; each page counted once, as in the export."""
        rows = self.execute(
            "SELECT a.outlet, count(*) FROM articles a JOIN (SELECT DISTINCT page_id FROM run_pages WHERE run_id = ?) rp"
            " ON a.page_id = rp.page_id GROUP BY a.outlet ORDER BY count(*) DESC, a.outlet NULLS FIRST",
            (run_id,),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def get_record(self, article_id: str) -> Article | None:
        row = self.execute("SELECT record, page_id, seq FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._article(*row)

    def records(self, article_ids: Iterable[str], with_removed: bool = True) -> dict[str, Article]:
        """These articles as the stages made them, with their entities as resolved now, by id;
        absent ids left out. Without `with_removed` their removed spans are left out: two
        thirds of a realistic page's record, which the dossiers never read."""
        out: dict[str, Article] = {}
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            for record, page_id, seq in self.execute(f"SELECT record, page_id, seq FROM articles WHERE id IN ({marks})", chunk).fetchall():
                article = self._article(record, page_id, seq, with_removed=with_removed)
                out[article.id] = article
        return out

    def _article(self, record: str, page_id: str, seq: int, with_removed: bool = True) -> Article:
        """A stored article with its mentions as resolved now (entity id and display name on
        each); a quote's speaker, a mention, gives the speaker's entity id and display name."""
        fields = json.loads(record)
        if not with_removed:
            fields.pop("removed", None)
        rows = self.execute(
            'SELECT m.text, m.type, m.start, m."end", m.key, m.entity_id, e.name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id'
            " WHERE m.article_id = ? ORDER BY m.seq",
            (fields["id"],),
        ).fetchall()
        mentions = [Mention(*r) for r in rows]
        article = Article.from_record(fields, page_id, int(seq), mentions)
        for q in article.quotes:
            m = q.speaker_mention
            speaker = mentions[m] if m is not None and m < len(mentions) else None
            q.speaker_id = speaker.entity_id if speaker else None
            if speaker and speaker.entity_name:
                q.speaker_name = speaker.entity_name
        return article

    def article_heads(self, ids: Iterable[str]) -> dict[str, ArticleHead]:
        """Headline, outlet and date of each article, for lists and links."""
        return {r[0]: ArticleHead(*r) for r in self._rows_in("SELECT id, headline, outlet, published FROM articles WHERE id IN ({marks})", ids)}

    def count_articles(self) -> int:
        return int(self.execute("SELECT count(*) FROM articles").fetchone()[0])

    # --- entities ----------------------------------------------------------------------------------
    _MENTION_ROW = "SELECT m.article_id, m.seq, m.type, m.key, m.text, a.outlet, m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id"

    def mention_rows(self) -> list[MentionRow]:
        """Every mention in the store, with its article's outlet (a full resolution's input)."""
        return [MentionRow(*r) for r in self.execute(self._MENTION_ROW + " ORDER BY m.article_id, m.seq").fetchall()]

    def unresolved_mentions(self) -> list[MentionRow]:
        """The mentions no run has resolved yet (new pages', and names a completion lengthened)."""
        rows = self.execute(self._MENTION_ROW + " WHERE m.entity_id IS NULL AND m.words > 0 ORDER BY m.article_id, m.seq")
        return [MentionRow(*r) for r in rows.fetchall()]

    def entity_mention_rows(self, entity_ids: Iterable[str]) -> list[MentionRow]:
        """Every mention of these entities (an entity an incremental resolution reads whole)."""
        return [MentionRow(*r) for r in self._rows_in(self._MENTION_ROW + " WHERE m.entity_id IN ({marks})", entity_ids)]

    def resolved_mentions_in(self, article_ids: Iterable[str]) -> list[MentionRow]:
        """The resolved mentions of these articles (where an incremental resolution decides)."""
        sql = self._MENTION_ROW + " WHERE m.entity_id IS NOT NULL AND m.article_id IN ({marks})"
        return [MentionRow(*r) for r in self._rows_in(sql, article_ids)]

    def entity_tallies(self, entity_ids: Iterable[str]) -> list[Tally]:
        """The tallies of these entities (those the store holds)."""
        return [Tally.from_json(eid, json.loads(tally)) for eid, tally in self._rows_in("SELECT id, tally FROM entities WHERE id IN ({marks})", entity_ids)]

    def articles_naming(self, entity_ids: Iterable[str]) -> set[str]:
        """The articles with a mention of one of these entities."""
        return {r[0] for r in self._rows_in("SELECT DISTINCT article_id FROM mentions WHERE entity_id IN ({marks})", entity_ids)}

    def _rows_in(self, sql: str, values: Iterable[Any]) -> list[Any]:
        """The rows of `sql` for every one of `values`, its `{marks}` an IN list (asked in chunks)."""
        out: list[Any] = []
        for chunk in _chunks(sorted(set(values))):
            out += self.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall()
        return out

    def needs_full_resolution(self, registry_fingerprint: str) -> bool:
        """The store holds mentions and no resolution with this registry: its entities were
        resolved with another registry, or before the name keys (a store made before migration
        0006, whose first resolution since fills them), or never. An incremental run would be
        wrong. (The registry is recorded by every resolution, the first one a full one, so its
        presence also says every mention has its name keys: no scan of the mentions.)"""
        row = self.execute("SELECT value FROM resolution_state WHERE key = 'registry'").fetchone()
        if row is not None and row[0] == registry_fingerprint:
            return False
        return self.execute("SELECT 1 FROM mentions LIMIT 1").fetchone() is not None

    def entities_sounding(self, column: str, sounds: Iterable[str], words: str = "words > 0") -> set[str]:
        """Entities with a mention whose `column` (sound, first_sound or last_sound) is one of
        `sounds` and whose word count meets `words` (an SQL condition on the column words)."""
        assert column in ("sound", "first_sound", "last_sound") and words in _WORD_CONDITIONS
        sql = f"SELECT DISTINCT entity_id FROM mentions WHERE {column} IN ({{marks}}) AND {words} AND entity_id IS NOT NULL"
        return {r[0] for r in self._rows_in(sql, sounds)}

    def entities_with_ends(self, ends: Iterable[tuple[int, str, str]]) -> set[str]:
        """Entities with a mention of this many words, first-word and last-word sounds."""
        sql = "SELECT DISTINCT entity_id FROM mentions WHERE words = ? AND first_sound = ? AND last_sound = ? AND entity_id IS NOT NULL"
        return {r[0] for r in self._rows_each(sql, ends)}

    def _rows_each(self, sql: str, params: Iterable[tuple[Any, ...]]) -> list[Any]:
        """The rows of `sql` for each distinct set of parameters."""
        out: list[Any] = []
        for p in set(params):
            out += self.execute(sql, p).fetchall()
        return out

    def entities_named(self, names: Iterable[str]) -> set[str]:
        """Entities with one of these display names (an organisation's is its registry name)."""
        return {r[0] for r in self._rows_in("SELECT id FROM entities WHERE name IN ({marks})", names)}

    def resolved_bare_words(self, sounds: Iterable[str]) -> list[tuple[str, int, str]]:
        """(article, seq, sound) of the resolved one-word mentions with these sounds."""
        sql = "SELECT article_id, seq, sound FROM mentions WHERE sound IN ({marks}) AND words = 1 AND entity_id IS NOT NULL"
        return [(r[0], int(r[1]), r[2]) for r in self._rows_in(sql, sounds)]

    def resolved_bare_words_beside(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, int, str]]:
        """(article, seq, sound) of the resolved one-word mentions with the sound of each (sound,
        entity) pair in the articles naming that entity."""
        sql = (
            "SELECT DISTINCT b.article_id, b.seq, b.sound FROM mentions f"
            " JOIN mentions b ON b.article_id = f.article_id AND b.sound = ? AND b.words = 1 AND b.entity_id IS NOT NULL"
            " WHERE f.entity_id = ?"
        )
        return sorted({(r[0], int(r[1]), r[2]) for r in self._rows_each(sql, pairs)})

    def full_names_ending(self, last_sound: str) -> list[tuple[str, str, str, int]]:
        """(entity, key, type, mentions) of the names of two words or more whose last word has
        this sound (whose groups are people's: resolve.person_group)."""
        sql = (
            "SELECT entity_id, key, type, count(*) FROM mentions WHERE last_sound = ? AND words >= 2 AND entity_id IS NOT NULL"
            " GROUP BY entity_id, key, type"
        )
        return [(r[0], r[1], r[2], int(r[3])) for r in self.execute(sql, (last_sound,)).fetchall()]

    def bare_word_keys(self, sounds: Iterable[str]) -> set[str]:
        """The keys the resolved one-word mentions with these sounds are read as (each once)."""
        sql = "SELECT DISTINCT key FROM mentions WHERE sound IN ({marks}) AND words = 1 AND entity_id IS NOT NULL"
        return {r[0] for r in self._rows_in(sql, sounds)}

    def resolved_bare_words_spelt(self, keys: Iterable[str]) -> list[tuple[str, int, str]]:
        """(article, seq, sound) of the resolved one-word mentions read as one of these keys."""
        spelt = {k: name_keys(k).sound for k in keys}
        sql = "SELECT article_id, seq, sound FROM mentions WHERE sound = ? AND key = ? AND words = 1 AND entity_id IS NOT NULL"
        return [(r[0], int(r[1]), r[2]) for r in self._rows_each(sql, ((sound, key) for key, sound in spelt.items() if sound))]

    def resolved_bare_words_in(self, article_ids: Iterable[str]) -> list[tuple[str, int, str]]:
        """(article, seq, sound) of the resolved one-word mentions of these articles."""
        sql = "SELECT article_id, seq, sound FROM mentions WHERE words = 1 AND entity_id IS NOT NULL AND article_id IN ({marks})"
        return [(r[0], int(r[1]), r[2]) for r in self._rows_in(sql, article_ids)]

    def bare_words_between_names(self, sounds: Iterable[str]) -> list[tuple[str, int, str, str, str, str, str]]:
        """Of each resolved one-word mention with one of these sounds, whose article names a
        full name whose first or last word has that sound (a bare word there is placed between
        them): (article, seq, sound, key, its entity, the full name's entity, that name's key),
        a row for each such full name."""
        sql = (
            "SELECT b.article_id, b.seq, b.sound, b.key, b.entity_id, f.entity_id, f.key FROM mentions b"
            " JOIN mentions f ON f.article_id = b.article_id AND f.words >= 2 AND b.sound IN (f.first_sound, f.last_sound) AND f.entity_id IS NOT NULL"
            " WHERE b.sound = ? AND b.words = 1 AND b.entity_id IS NOT NULL"
        )
        return [(r[0], int(r[1]), r[2], r[3], r[4], r[5], r[6]) for r in self._rows_each(sql, ((s,) for s in sounds))]

    def entities_of_full_names_in(self, article_sounds: Iterable[tuple[str, str]]) -> set[str]:
        """Entities of the names of two words or more, in each article, whose first or last word
        has the sound given with it (the full names a bare word there may belong to)."""
        sql = (
            "SELECT DISTINCT entity_id FROM mentions WHERE article_id = ? AND words >= 2 AND ? IN (first_sound, last_sound)"
            " AND entity_id IS NOT NULL"
        )
        return {r[0] for r in self._rows_each(sql, article_sounds)}

    def stale_entities(self) -> set[str]:
        return {r[0] for r in self.execute("SELECT entity_id FROM stale_entities").fetchall()}

    def person_spans(self, *, unresolved: bool = False) -> list[Span]:
        """Person mentions (all of them, or only those no run has resolved yet)."""
        where = " AND entity_id IS NULL" if unresolved else ""
        rows = self.execute('SELECT article_id, seq, start, "end", key FROM mentions WHERE type = \'PER\'' + where + " ORDER BY article_id, seq")
        return [Span(*r) for r in rows.fetchall()]

    def person_spans_of(self, article_ids: Iterable[str]) -> list[Span]:
        """The person mentions of these articles."""
        sql = 'SELECT article_id, seq, start, "end", key FROM mentions WHERE type = \'PER\' AND article_id IN ({marks}) ORDER BY article_id, seq'
        return [Span(*r) for r in self._rows_in(sql, article_ids)]

    def person_spans_completed_by(self, blocks: Iterable[str]) -> list[Span]:
        """The resolved person mentions that, with the word after or before them, make a name of
        one of these blocks (resolve.block_text): those a name of that block may complete."""
        sql = (
            'SELECT article_id, seq, start, "end", key FROM mentions WHERE type = \'PER\' AND entity_id IS NOT NULL'
            " AND (next_block = ? OR previous_block = ?)"
        )
        found = {(r[0], r[1]): Span(*r) for r in self._rows_each(sql, ((b, b) for b in blocks))}  # a span may make two
        return [found[k] for k in sorted(found)]

    def fill_completion_blocks(self) -> None:
        """Give the person mentions of a store made before migration 0011 their completion
        blocks, once (inside the caller's transaction), article by article."""
        if self.execute("SELECT 1 FROM resolution_state WHERE key = 'completion_blocks'").fetchone() is None:
            return
        ids = [r[0] for r in self.execute("SELECT DISTINCT article_id FROM mentions WHERE type = 'PER' AND next_block IS NULL").fetchall()]
        for chunk in _chunks(ids):
            texts = dict(self._rows_in("SELECT id, text FROM articles WHERE id IN ({marks})", chunk))
            spans = self.person_spans_of(chunk)
            self.executemany(
                "UPDATE mentions SET next_block = ?, previous_block = ? WHERE article_id = ? AND seq = ?",
                [(*completion_blocks(p, texts[p.article_id]), p.article_id, p.seq) for p in spans],
            )
        self.execute("DELETE FROM resolution_state WHERE key = 'completion_blocks'")

    def person_names_in(self, blocks: Iterable[tuple[int, str, str]], *, resolved: bool = False) -> Counter[str]:
        """The keys of the person mentions with these (words, first-word sound, last-word
        sound), each with how many mentions have it (only the mentions a run resolved, when
        `resolved`): a name's support, counted by the database, not read mention by mention."""
        sql = (
            "SELECT key, count(*) FROM mentions WHERE type = 'PER' AND words = ? AND first_sound = ? AND last_sound = ?"
            + (" AND entity_id IS NOT NULL" if resolved else "")
            + " GROUP BY key"
        )
        out: Counter[str] = Counter()
        for key, n in self._rows_each(sql, blocks):
            out[key] += int(n)
        return out

    def article_text(self, article_id: str) -> str:
        return str(self.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0])

    def update_mention_spans(self, spans: list[tuple[Span, str]]) -> None:
        """New spans for mentions a name completion lengthened, each with its article's text: they
        are resolved again, and the entities they belonged to rebuilt (inside the caller's transaction)."""
        self.executemany(
            "INSERT INTO stale_entities SELECT entity_id FROM mentions WHERE article_id = ? AND seq = ? AND entity_id IS NOT NULL"
            " ON CONFLICT DO NOTHING",
            [(s.article_id, s.seq) for s, _ in spans],
        )
        self.executemany(
            'UPDATE mentions SET start = ?, "end" = ?, text = ?, key = ?, words = ?, sound = ?, first_sound = ?, last_sound = ?,'
            " next_block = ?, previous_block = ?, entity_id = NULL WHERE article_id = ? AND seq = ?",
            [
                (s.start, s.end, text[s.start : s.end], s.key, *_keyed(name_keys(s.key)), *completion_blocks(s, text), s.article_id, s.seq)
                for s, text in spans
            ],
        )

    def replace_entities(self, assignment: dict[tuple[str, int], str], entities: list[Entity], registry_fingerprint: str) -> None:
        """Store a resolution of the whole store: the entity of each mention and the entities
        (and the name keys of any mention stored before they were kept); inside the caller's transaction."""
        old = self.execute("SELECT article_id, seq, key FROM mentions WHERE words IS NULL").fetchall()
        self.executemany(
            "UPDATE mentions SET words = ?, sound = ?, first_sound = ?, last_sound = ? WHERE article_id = ? AND seq = ?",
            [(*_keyed(name_keys(key)), a, seq) for a, seq, key in old],
        )
        self.execute("UPDATE mentions SET entity_id = NULL")
        self.execute("DELETE FROM entity_terms")
        self.execute("DELETE FROM entities")
        self._write_resolution(assignment, entities, registry_fingerprint)

    def update_resolution(
        self, assignment: dict[tuple[str, int], str], entities: list[Entity], replaced: Iterable[str], registry_fingerprint: str
    ) -> None:
        """Store an incremental resolution: the entities in `replaced` (those it read) give way
        to `entities`, and the mentions it resolved get their entities; inside the caller's
        transaction. An entity built as it is stored (the same id, name, type and tally: its record
        and name terms follow from them) is left as it is: a run reads many more entities than it
        changes, and writing a famous one's record again grew with the archive."""
        replaced = set(replaced)
        built = {e.id: (e.name, e.type, _tally_text(e)) for e in entities}
        rows = self._rows_in("SELECT id, name, type, tally FROM entities WHERE id IN ({marks})", built.keys() & replaced)
        same = {eid for eid, *stored in rows if tuple(stored) == built[eid]}
        for chunk in _chunks(sorted(replaced - same)):
            marks = ",".join("?" * len(chunk))
            self.execute(f"DELETE FROM entity_terms WHERE entity_id IN ({marks})", chunk)
            self.execute(f"DELETE FROM entities WHERE id IN ({marks})", chunk)
        self._write_resolution(assignment, [e for e in entities if e.id not in same], registry_fingerprint)

    def _write_resolution(self, assignment: dict[tuple[str, int], str], entities: list[Entity], registry_fingerprint: str) -> None:
        # The mentions of a tallied entity now called otherwise follow it, through a name no id
        # can have: one entity taking another's old id never moves that one's mentions as well.
        renamed = sorted((old, e.id) for e in entities for old in e.tallied if old != e.id)
        self.executemany("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [("\u241f" + new, old) for old, new in renamed])
        self.executemany("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [(new, "\u241f" + new) for new in sorted({n for _, n in renamed})])
        self.executemany(
            "UPDATE mentions SET entity_id = ? WHERE article_id = ? AND seq = ?", [(e, a, s) for (a, s), e in assignment.items()]
        )
        self.executemany(
            "INSERT INTO entities (id, name, type, record, tally) VALUES (?, ?, ?, ?, ?)",
            [(e.id, e.name, e.type, json.dumps(e.stored_json(), ensure_ascii=False), _tally_text(e)) for e in entities],
        )
        self.executemany(
            "INSERT INTO entity_terms VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(t, e.id, slot) for e in entities for t, slot in name_slots(e)],
        )
        self.execute("DELETE FROM stale_entities")
        self.execute(
            "INSERT INTO resolution_state VALUES ('registry', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (registry_fingerprint,),
        )

    def run_entities(self, run_id: int) -> list[EntityRecord]:
        """The entities a run's articles mention, with the spellings and outlets of this run."""
        rows = self.execute(
            "SELECT m.entity_id, e.name, e.type, a.id, m.seq, m.type, m.key, m.text, a.outlet FROM mentions m"
            " JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id" + _OF_RUN + " ORDER BY a.rowid, m.seq",
            (run_id,),
        ).fetchall()
        found: dict[str, Entity] = {}
        for eid, name, kind, *mention in rows:
            found.setdefault(eid, Entity(eid, name, kind)).add(MentionRow(*mention))
        return [e.record() for e in sorted(found.values(), key=lambda e: (-len(e.articles), e.name, e.id))]

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        row = self.execute("SELECT record FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            return None
        articles = self.execute("SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? ORDER BY article_id", (entity_id,)).fetchall()
        return replace(EntityRecord.from_json(json.loads(row[0])), articles=tuple(r[0] for r in articles))

    def entity_mentions(self, entity_id: str, limit: int = 200) -> list[EntityMention]:
        """Where an entity is named: article, outlet, headline, the spelling and its context."""
        rows = self.execute(
            'SELECT a.id, a.outlet, a.headline, a.published, m.text, m.start, m."end", a.text FROM mentions m'
            " JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?"
            " ORDER BY a.published DESC NULLS LAST, a.id, m.start LIMIT ?",
            (entity_id, limit),
        ).fetchall()
        return [
            EntityMention(r[0], r[1], r[2], r[3], r[4], r[7][max(0, r[5] - 60) : r[6] + 60].replace("\n", " "))
            for r in rows
        ]

    def entity_alternatives(self, term: str) -> set[str]:
        """Other spellings of `term` as a word of an entity's name: شويجو -> {شويغو}."""
        rows = self.execute(
            "SELECT DISTINCT t2.term FROM entity_terms t1 JOIN entity_terms t2 ON t2.entity_id = t1.entity_id AND t2.slot = t1.slot"
            " WHERE t1.term = ?",
            (term,),
        ).fetchall()
        return {r[0] for r in rows} - {term}

    # --- stories -----------------------------------------------------------------------------------
    def iter_all_records(self) -> Iterator[Article]:
        """Every article in the store, with its entities as resolved now."""
        for row in self.execute("SELECT record, page_id, seq FROM articles ORDER BY rowid").fetchall():
            yield self._article(*row)

    def unvectorised(self, limit: int | None = None) -> list[tuple[str, str | None, str]]:
        """(id, headline, text) of the articles with text and no story vector yet, in stored
        order; the first `limit` of them when given. The ids come first (from the indexes), then
        the texts a chunk at a time until `limit` have text: a run vectorises its articles a
        chunk at a time, and reading every remaining text for each chunk made that quadratic."""
        ids = [r[0] for r in self.execute(_UNVECTORISED + " ORDER BY a2.rowid").fetchall()]
        out: list[tuple[str, str | None, str]] = []
        for chunk in _chunks(ids):
            found = {r[0]: (r[0], r[1], r[2]) for r in self._rows_in("SELECT id, headline, text FROM articles WHERE text != '' AND id IN ({marks})", chunk)}
            out += [found[i] for i in chunk if i in found]
            if limit is not None and len(out) >= limit:
                return out[:limit]
        return out

    def save_story_vectors(self, vectors: list[StoryVector]) -> None:
        with self.transaction():
            self.executemany(
                "INSERT INTO story_vectors VALUES (?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                [
                    (v.article_id, json.dumps(v.terms, ensure_ascii=False), v.signature.astype("<u8").tobytes().hex())
                    for v in vectors
                ],
            )
            self.executemany(
                "INSERT INTO story_words VALUES (?, ?) ON CONFLICT (word, article_id) DO NOTHING",
                [(w, v.article_id) for v in vectors for w in v.words],
            )

    def stories_with_keys(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """Index key -> the stories a member of which has it (cluster.story_keys: «e:» an entity
        its mentions name, «w:» one of its top words), for these keys."""
        out: dict[str, set[str]] = {}
        keys = list(keys)
        entities = [k[2:] for k in keys if k.startswith("e:")]
        words = [k[2:] for k in keys if k.startswith("w:")]
        for prefix, query, wanted in (
            ("e:", "SELECT DISTINCT m.entity_id, sa.story_id FROM mentions m JOIN story_articles sa ON sa.article_id = m.article_id WHERE m.entity_id IN ({marks})", entities),
            ("w:", "SELECT DISTINCT w.word, sa.story_id FROM story_words w JOIN story_articles sa ON sa.article_id = w.article_id WHERE w.word IN ({marks})", words),
        ):
            for key, story_id in self._rows_in(query, wanted):
                out.setdefault(prefix + key, set()).add(story_id)
        return out

    def entity_names(self, entity_ids: Iterable[str] | None = None) -> dict[str, str]:
        """entity id -> its display name, of every entity or of those of `entity_ids` the store holds."""
        if entity_ids is None:
            return dict(self.execute("SELECT id, name FROM entities").fetchall())
        return {r[0]: r[1] for r in self._rows_in("SELECT id, name FROM entities WHERE id IN ({marks})", entity_ids)}

    def unplaced_dates(self) -> list[str | None]:
        """The publication dates (None for undated) of the articles with a story vector and no
        story yet: what the next placement places."""
        rows = self.execute(f"SELECT a.published FROM articles a WHERE a.id IN ({_UNPLACED})")
        return [r[0] for r in rows]

    def stories_since(self, day: str) -> set[str]:
        """The stories with a member published on `day` (YYYY-MM-DD) or later."""
        rows = self.execute("SELECT DISTINCT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE a.published >= ?", (day,))
        return {r[0] for r in rows}

    def stories_of(self, article_ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows_in("SELECT story_id FROM story_articles WHERE article_id IN ({marks})", article_ids)}

    def story_articles(self, stories: Iterable[str] | None = None) -> list[StoryArticle]:
        """The articles with a story vector, as clustering sees it, in the order stored: all of
        them, or (`stories` given) those of these stories and those in no story yet. Words and
        entity ids are interned: an archive's articles share one copy of each string."""
        head = (
            "SELECT a.rowid, a.id, a.outlet, a.published, a.appended_to, v.terms, v.signature FROM articles a"
            " JOIN story_vectors v ON v.article_id = a.id"
        )
        if stories is None:
            rows = self.execute(head + " ORDER BY a.rowid").fetchall()
            mentions = self.execute("SELECT article_id, entity_id FROM mentions WHERE entity_id IS NOT NULL ORDER BY article_id, seq").fetchall()
        else:
            rows = self._rows_in(head + " JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id IN ({marks})", stories)
            rows += self.execute(head + f" WHERE a.id IN ({_UNPLACED})").fetchall()
            rows.sort(key=lambda r: r[0])
            mentions = sorted(
                self._rows_in("SELECT article_id, entity_id, seq FROM mentions WHERE entity_id IS NOT NULL AND article_id IN ({marks})", (r[1] for r in rows)),
                key=lambda m: (m[0], m[2]),
            )
        entities: dict[str, list[str]] = {}
        for m in mentions:
            entities.setdefault(m[0], []).append(sys.intern(m[1]))
        out = []
        for r in rows:
            terms: dict[str, int] = json.loads(r[5])
            out.append(
                StoryArticle(
                    r[1],
                    tuple(map(sys.intern, terms)),
                    tuple(terms.values()),
                    _signature(r[6]),
                    r[2],
                    sys.intern(r[3]) if r[3] else None,
                    tuple(entities.pop(r[1], ())),
                    bool(r[4]),
                )
            )
        return out

    def story_assignments(self, stories: Iterable[str] | None = None) -> dict[str, tuple[str, str | None]]:
        """article -> (story, copy_of) of every placed article, or of these stories' members, in
        the order the articles were stored (restoring a story meets its members in one order on
        every backend)."""
        head = "SELECT a.rowid, sa.article_id, sa.story_id, sa.copy_of FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
        if stories is None:
            rows = self.execute(head + " ORDER BY a.rowid").fetchall()
        else:
            rows = sorted(self._rows_in(head + " WHERE sa.story_id IN ({marks})", stories), key=lambda r: r[0])
        return {r[1]: (r[2], r[3]) for r in rows}

    def save_stories(
        self, dossiers: list[Dossier], members: dict[str, tuple[str, str | None]], searches: Mapping[str, tuple[list[str], str]] | None = None
    ) -> None:
        """Store rebuilt dossiers, each with its card, and their members' assignments, and the
        claim searches to keep for them (`searches`: story -> (the articles read, the search);
        one transaction)."""
        with self.transaction():
            if searches:
                self.executemany(
                    "INSERT INTO claim_searches VALUES (?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET members = excluded.members,"
                    " search = excluded.search",
                    [(s, json.dumps(read), zlib.compress(search.encode("utf-8"), 1)) for s, (read, search) in searches.items()],
                )
            self.executemany(
                "INSERT INTO story_articles VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,"
                " copy_of = excluded.copy_of",
                [(a, s, c) for a, (s, c) in members.items()],
            )
            for d in dossiers:
                card = d.card()
                self.execute(
                    "INSERT INTO stories (id, title, first_date, last_date, articles, record, card) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date,"
                    " last_date = excluded.last_date, articles = excluded.articles, record = excluded.record, card = excluded.card",
                    (
                        d.id,
                        d.title,
                        card.first_date,
                        card.last_date,
                        card.articles,
                        json.dumps(d.to_json(), ensure_ascii=False),
                        json.dumps(card.to_json(), ensure_ascii=False),
                    ),
                )

    def drop_empty_stories(self) -> None:
        """Drop the stories left with no member: a page analysed again replaces its articles, and
        its old articles' places go with them. (Placement never moves a stored member, so nothing
        else empties a story: this is asked once a run, after its dossiers are saved, not with
        every batch of them, as it reads every story.)"""
        with self.transaction():
            # NOT EXISTS, not NOT IN: PostgreSQL never turns NOT IN (subquery) into an anti-join
            self.execute("DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = stories.id)")
            self.execute("DELETE FROM claim_searches WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = claim_searches.story_id)")
            self.execute("DELETE FROM story_sums WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = story_sums.story_id)")

    def story_sums(self, stories: Iterable[str]) -> dict[str, tuple[str, str]]:
        """story -> (the digest of the members they sum, the sums: cluster.StorySums.to_json), for
        these stories (those with sums kept)."""
        return {r[0]: (r[1], r[2]) for r in self._rows_in("SELECT story_id, members, sums FROM story_sums WHERE story_id IN ({marks})", stories)}

    def save_story_sums(self, sums: Iterable[tuple[str, str, str]]) -> None:
        """Keep these stories' sums ((story, members' digest, sums) each, read one at a time: a
        first run over an archive keeps thousands). (Those of stories whose members' entities
        change are dropped with the change: drop_story_sums_of.)"""
        with self.transaction():
            self.executemany(
                "INSERT INTO story_sums VALUES (?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET members = excluded.members, sums = excluded.sums",
                sums,
            )

    def drop_story_sums_of(self, articles: Iterable[str]) -> None:
        """Drop the kept sums of the stories of these articles (their entities changed); inside the
        caller's transaction."""
        for chunk in _chunks(sorted(set(articles))):
            marks = ",".join("?" * len(chunk))
            self.execute(f"DELETE FROM story_sums WHERE story_id IN (SELECT story_id FROM story_articles WHERE article_id IN ({marks}))", chunk)

    def story_signatures(self, stories: Iterable[str]) -> dict[str, np.ndarray]:
        """article -> MinHash signature, of these stories' members."""
        rows = self._rows_in(
            "SELECT v.article_id, v.signature FROM story_vectors v JOIN story_articles sa ON sa.article_id = v.article_id WHERE sa.story_id IN ({marks})",
            stories,
        )
        return {r[0]: _signature(r[1]) for r in rows}

    def claim_searches(self, stories: Iterable[str]) -> dict[str, tuple[list[str], str]]:
        """story -> (the articles its kept claim search read, in story order; the search), for
        these stories (those with one kept)."""
        rows = self._rows_in("SELECT story_id, members, search FROM claim_searches WHERE story_id IN ({marks})", stories)
        return {r[0]: (json.loads(r[1]), zlib.decompress(r[2]).decode("utf-8")) for r in rows}

    def run_stories(self, run_id: int) -> list[Dossier]:
        """The stories any of a run's articles belong to, largest first."""
        rows = self.execute(
            "SELECT s.record FROM stories s WHERE s.id IN (SELECT sa.story_id FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id" + _OF_RUN + ") ORDER BY s.articles DESC, s.id",
            (run_id,),
        ).fetchall()
        return self._named([Dossier.from_json(json.loads(r[0])) for r in rows])

    def _named(self, records: list[_Shown]) -> list[_Shown]:
        """Dossiers or cards as shown: their entities (and speakers) called by the display names
        they have now (Dossier.named), not those of when the dossier was built."""
        names = self.entity_names({e for r in records for e in r.entity_ids()})
        return [r.named(names) for r in records]

    def list_stories(self, limit: int = 20, offset: int = 0, where: StoryFilter | None = None) -> list[StoryCard]:
        """Story cards (id, title, article count, outlets, top entities, first and last day),
        newest first, those `where` allows; the dossier itself is get_story."""
        clause, params = _story_filter(where)
        rows = self.execute(
            f"SELECT card FROM stories{clause} ORDER BY coalesce(last_date, '') DESC, articles DESC, id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return self._named([StoryCard.from_json(json.loads(r[0])) for r in rows])

    def count_stories(self, where: StoryFilter | None = None) -> int:
        clause, params = _story_filter(where)
        return int(self.execute(f"SELECT count(*) FROM stories{clause}", params).fetchone()[0])

    def get_story(self, story_id: str) -> Dossier | None:
        row = self.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else self._named([Dossier.from_json(json.loads(row[0]))])[0]

    def story_of(self, article_id: str) -> str | None:
        row = self.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    # --- search ------------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles containing every word of `query`, matched on normalised keys behind any
        proclitics: «الكرملين» finds «والكرملين», «بوتين» finds «وبوتين», «إيران» finds «ايران»;
        a word of an entity's name also finds the entity's other spellings of it (شويجو finds
        شويغو). When nothing matches, a backend with trigram search tries the entity-name words
        spelt nearly like the query's (PostgreSQL: pg_trgm)."""
        terms = search_terms(query)
        if not terms:
            return []
        alternatives = [sorted({t} | self.entity_alternatives(t)) for t in terms]
        rows = self._search_rows(alternatives, limit, offset)
        if not rows and offset == 0:
            widened = []
            for alts in alternatives:
                near = set().union(*(self._spelling_neighbours(t) for t in alts))
                widened.append(sorted(set(alts).union(near, *(self.entity_alternatives(n) for n in near))))
            if widened != alternatives:
                alternatives, rows = widened, self._search_rows(widened, limit, offset)
        matched = {t for alts in alternatives for t in alts}
        return [SearchHit(r[0], r[1], r[2], r[3], make_snippet(r[4], matched)) for r in rows]


_WORD_CONDITIONS = ("words > 0", "words = 1", "words >= 2", "words >= 3")


def _blocks(article_id: str, seq: int, m: Mention, text: str) -> tuple[str, str] | tuple[None, None]:
    """A person mention's completion blocks (none for other mentions: only person names are
    completed)."""
    return completion_blocks(Span(article_id, seq, m.start, m.end, m.key), text) if m.type == "PER" else (None, None)


def _tally_text(e: Entity) -> str:
    return json.dumps(e.tally_json(), ensure_ascii=False)


def _keyed(keys: NameKeys) -> tuple[int, str | None, str | None, str | None]:
    return (keys.words, keys.sound, keys.first, keys.last)


def _signature(stored: str) -> np.ndarray:
    """A MinHash signature as stored (hex of its little-endian words)."""
    return np.frombuffer(bytes.fromhex(stored), dtype="<u8").astype(np.uint64)


def _chunks(ids: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


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
