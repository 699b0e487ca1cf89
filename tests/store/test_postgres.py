"""The PostgreSQL store, on a real server the tests start (tests/pg_server.py): migrations, runs
that are idempotent and safe side by side, search across spellings, refusal of a foreign database."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest

from marsad.cli import main
from marsad.context import Context, Settings
from marsad.engine.local import run_analysis
from marsad.store import NotAStore, open_store
from marsad.store.base import migrations
from marsad.store.postgres import PostgresStore

from ..conftest import DEMO_CORPUS, DEMO_REGISTRY

TABLES = ("pages", "articles", "removed_spans", "evidence", "articles_fts", "mentions", "story_vectors", "story_articles")


def _settings(**kw: object) -> Settings:
    return Settings(registry_files=(str(DEMO_REGISTRY),), workers=1, progress=False, **kw)  # type: ignore[arg-type]


def _counts(store: PostgresStore) -> list[int]:
    return [int(store.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES]


def test_postgres_every_migration_applied_once(pg_url: str) -> None:
    with open_store(pg_url) as s:
        assert s.schema_version() == max(v for v, _ in migrations("migrations_pg"))
        versions = [r[0] for r in s.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
        assert versions == [v for v, _ in migrations("migrations_pg")]
        assert s.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'").fetchone() is not None
    with open_store(pg_url) as s:  # opening again applies nothing twice
        assert [r[0] for r in s.execute("SELECT version FROM schema_version ORDER BY version").fetchall()] == versions


def test_postgres_rerun_is_idempotent_and_reprocess_replaces(pg_url: str) -> None:
    ctx = Context.load(_settings())
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        first = run_analysis([str(DEMO_CORPUS)], store, _settings(), ctx)
        counts = _counts(store)
        assert counts[1] > 0 and counts[5] > 0
        second = run_analysis([str(DEMO_CORPUS)], store, _settings(), ctx)
        assert _counts(store) == counts
        assert second.pages_reused == first.pages == 12 and second.pages_analysed == 0
        assert list(store.iter_run_records(first.run_id)) == list(store.iter_run_records(second.run_id))
        again = run_analysis([str(DEMO_CORPUS)], store, _settings(reprocess=True), ctx)
        assert again.pages_analysed == 12 and _counts(store) == counts


def test_postgres_concurrent_runs_neither_duplicate_nor_lose(pg_url: str) -> None:
    """Two runs of the same pages into one database at once (the writer lock serialises their
    windows): the store ends as one run leaves it, both runs complete."""
    ctx = Context.load(_settings())
    with open_store(pg_url):
        pass  # migrated once before the race
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with open_store(pg_url) as s:
                run_analysis([str(DEMO_CORPUS)], s, _settings(), ctx)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors
    with open_store(pg_url) as s:
        assert isinstance(s, PostgresStore)
        assert s.count_articles() == int(s.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0])
        runs = s.execute("SELECT id FROM runs WHERE finished_at IS NOT NULL").fetchall()
        assert len(runs) == 2
        ids = [sorted(r.id for r in s.iter_run_records(int(run_id))) for (run_id,) in runs]
        assert ids[0] == ids[1] and len(ids[0]) == s.count_articles()
        # Every article is in exactly one story.
        assert int(s.execute("SELECT count(*) FROM story_articles").fetchone()[0]) == s.count_articles()


def test_postgres_search_normalises_spelling_clitics_and_names(pg_url: str, tmp_path: Path) -> None:
    with open_store(pg_url) as store:
        run_analysis([str(DEMO_CORPUS)], store, _settings())
        by_plain = {h.article_id for h in store.search("السنديان")}
        assert len(by_plain) >= 4
        hamza = {h.article_id for h in store.search("الامطار")}  # written الأمطار in the pages
        assert hamza and hamza == {h.article_id for h in store.search("الأمطار")}
        assert store.search("فتريني") and store.search("فيتريني")  # one entity's two spellings
        assert all("[" in h.snippet for h in store.search("السنديان"))
        assert store.search("كلمة-غير-موجودة-إطلاقا") == [] and store.search("   ") == []
        page = tmp_path / "p.txt"
        page.write_text(
            "عنوان عن الزيارة\n\nوصل وبوتين والكرملين للكرملين إلى المدينة في زيارة رسمية استمرت يومين كاملين حسب المصادر.\n",
            encoding="utf-8",
        )
        run_analysis([str(page)], store, _settings())
        for query in ("بوتين", "الكرملين", "كرملين"):
            assert len(store.search(query)) == 1, query
        assert "[وبوتين]" in store.search("بوتين")[0].snippet


def test_postgres_search_same_articles_as_sqlite(pg_url: str, tmp_path: Path) -> None:
    """Full-text search over the same keys finds the same articles on both backends (ranked
    differently: BM25 there, ts_rank here)."""
    settings = _settings()
    ctx = Context.load(settings)
    with open_store(pg_url) as pg, open_store(str(tmp_path / "m.db")) as lite:
        run_analysis([str(DEMO_CORPUS)], pg, settings, ctx)
        run_analysis([str(DEMO_CORPUS)], lite, settings, ctx)
        for query in ("السنديان", "الأمطار", "فتريني", "دغمان", "وادي السنديان", "مرفأ النخيل"):
            assert {h.article_id for h in pg.search(query, 100)} == {h.article_id for h in lite.search(query, 100)}, query


def test_postgres_trigram_finds_a_misspelt_name(pg_url: str) -> None:
    """A name word the store never saw finds the entity-name words spelt nearly like it (pg_trgm),
    only when the exact search finds nothing."""
    with open_store(pg_url) as store:
        run_analysis([str(DEMO_CORPUS)], store, _settings())
        exact = {h.article_id for h in store.search("دغمان", 100)}
        assert exact
        misspelt = store.search("دغمن", 100)  # no such word in any page
        assert {h.article_id for h in misspelt} >= exact
        assert any("دغمان" in h.snippet for h in misspelt)


def test_postgres_foreign_database_refused_untouched(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("CREATE TABLE notes (id serial PRIMARY KEY, body text)")
    with pytest.raises(NotAStore, match="not a marsad store"):
        open_store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as con:
        tables = {r[0] for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()}
    assert tables == {"notes"}


def test_postgres_cli_analyze_search_and_unreachable_server(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(DEMO_CORPUS), "--registry", str(DEMO_REGISTRY), "--out", str(out), "--db", pg_url, "--no-progress", "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "store:  postgresql://" in printed and not (out / "marsad.db").exists()
    assert (out / "articles.jsonl").read_text(encoding="utf-8").count("\n") > 0
    assert main(["search", "الكرملين", "--db", pg_url]) == 0
    assert "hit(s)" in capsys.readouterr().out
    dead = "postgresql://nobody@127.0.0.1:1/none"
    assert main(["search", "الكرملين", "--db", dead]) == 1
    assert "cannot connect to PostgreSQL" in capsys.readouterr().err
