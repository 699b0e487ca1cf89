"""The store: migrations, idempotent and resumable runs, search across spellings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.context import Context, Settings
from marsad.engine.local import run_analysis
from marsad.store.sqlite import Store, make_snippet

from ..conftest import DEMO_CORPUS, DEMO_REGISTRY


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(str(tmp_path / "m.db"))
    yield s
    s.close()


def _settings(**kw: object) -> Settings:
    return Settings(registry_files=(str(DEMO_REGISTRY),), workers=1, progress=False, **kw)  # type: ignore[arg-type]


def test_sqlite_schema_migrated_and_wal(store: Store) -> None:
    assert store.schema_version() >= 1
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sqlite_rerun_is_idempotent(store: Store) -> None:
    first = run_analysis([str(DEMO_CORPUS)], store, _settings())
    counts = [
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("pages", "articles", "removed_spans", "evidence", "articles_fts")
    ]
    second = run_analysis([str(DEMO_CORPUS)], store, _settings())
    again = [
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("pages", "articles", "removed_spans", "evidence", "articles_fts")
    ]
    assert counts == again
    assert second.pages_reused == first.pages == 12 and second.pages_analysed == 0
    assert list(store.iter_run_records(first.run_id)) == list(store.iter_run_records(second.run_id))


def test_sqlite_reprocess_replaces_without_duplicates(store: Store) -> None:
    run_analysis([str(DEMO_CORPUS)], store, _settings())
    n = store.count_articles()
    again = run_analysis([str(DEMO_CORPUS)], store, _settings(reprocess=True))
    assert again.pages_analysed == 12 and store.count_articles() == n


def test_sqlite_interrupted_run_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash after the first commit window keeps that window; the next run does the rest."""
    import marsad.engine.local as local

    db = str(tmp_path / "m.db")
    monkeypatch.setattr(local, "WINDOW", 4)
    calls = {"n": 0}
    real = local._analyze_safely

    def crash_on_third_window(page, ctx):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 8:
            raise KeyboardInterrupt
        return real(page, ctx)

    monkeypatch.setattr(local, "_analyze_safely", crash_on_third_window)
    with Store(db) as s, pytest.raises(KeyboardInterrupt):
        run_analysis([str(DEMO_CORPUS)], s, _settings())
    with Store(db) as s:
        assert s.db.execute("SELECT count(*) FROM pages").fetchone()[0] == 8
    monkeypatch.setattr(local, "_analyze_safely", real)
    with Store(db) as s:
        summary = run_analysis([str(DEMO_CORPUS)], s, _settings())
        assert (summary.pages_reused, summary.pages_analysed) == (8, 4)


def test_sqlite_search_normalises_spelling_and_clitics(store: Store) -> None:
    run_analysis([str(DEMO_CORPUS)], store, _settings())
    by_plain = {h.article_id for h in store.search("السنديان")}
    assert len(by_plain) >= 4
    assert {h.article_id for h in store.search("لوادي السنديان")} <= by_plain | {h.article_id for h in store.search("وادي السنديان")}
    hamza = {h.article_id for h in store.search("الامطار")}  # written الأمطار in the pages
    assert hamza and hamza == {h.article_id for h in store.search("الأمطار")}
    assert store.search("فتريني") and store.search("فيتريني")
    assert store.search("كلمة-غير-موجودة-إطلاقا") == []
    assert store.search("   ") == []


def test_sqlite_search_finds_word_behind_clitics(tmp_path: Path, store: Store) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        "عنوان عن الزيارة\n\nوصل وبوتين والكرملين للكرملين إلى المدينة في زيارة رسمية استمرت يومين كاملين حسب المصادر.\n", encoding="utf-8"
    )
    run_analysis([str(page)], store, _settings())
    for query in ("بوتين", "الكرملين", "كرملين", "المدينة"):
        hits = store.search(query)
        assert len(hits) == 1, query
    assert "[وبوتين]" in store.search("بوتين")[0].snippet


def test_sqlite_search_snippet_marks_match() -> None:
    text = "بداية النص. " * 20 + "وأعلن المحافظ حالة الطوارئ في المدينة." + " نهاية." * 20
    snippet = make_snippet(text, {"محافظ"})
    assert "[المحافظ]" in snippet and snippet.startswith("…") and snippet.endswith("…")


def test_sqlite_store_file_is_plain_sqlite(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    with Store(db) as s:
        run_analysis([str(DEMO_CORPUS / "flood-sawt.txt")], s, _settings())
    con = sqlite3.connect(db)
    assert con.execute("SELECT outlet FROM articles").fetchone()[0] == "صوت الواحة"
    con.close()


def test_sqlite_parallel_run_matches_serial(tmp_path: Path) -> None:
    ctx = Context.load(_settings())
    with Store(str(tmp_path / "a.db")) as a, Store(str(tmp_path / "b.db")) as b:
        ra = run_analysis([str(DEMO_CORPUS)], a, _settings(), ctx)
        rb = run_analysis([str(DEMO_CORPUS)], b, Settings(registry_files=(str(DEMO_REGISTRY),), workers=2, progress=False))
        assert list(a.iter_run_records(ra.run_id)) == list(b.iter_run_records(rb.run_id))


def test_records_without_removed_spans_differ_only_there(store: Store) -> None:
    """What the dossiers read (records without their removed spans) is the full record with
    `removed` emptied, nothing else."""
    run_analysis([str(DEMO_CORPUS)], store, _settings())
    ids = [r[0] for r in store.db.execute("SELECT id FROM articles").fetchall()]
    full, light = store.records(ids), store.records(ids, with_removed=False)
    assert set(full) == set(light) == set(ids)
    assert any(a.removed for a in full.values())
    for article_id, article in full.items():
        assert light[article_id].removed == []
        article.removed = []
        assert light[article_id] == article


def test_unvectorised_articles_come_in_stored_order_across_chunks(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a run vectorises: the articles with text and no story vector, oldest first, `limit`
    at a time; an article with no text is never one of them (it is never vectorised), however
    many precede the others."""
    import marsad.store.base as base
    from marsad.article import Article, Page
    from marsad.stories.build import vectorise

    real_chunks = base._chunks
    monkeypatch.setattr(base, "_chunks", lambda ids, size=500: real_chunks(ids, 2))  # chunks of two: several per call
    texts = ["", "نص أول عن الموازنة", "", "", "نص ثان عن القرض", "نص ثالث عن الانتخابات", "", "نص رابع عن الطقس"]
    ids = []
    with store.transaction():
        for i, text in enumerate(texts):
            page = Page("t.txt", text, "text", url=f"https://t.invalid/{i}")
            article = Article(Article.make_id(page.page_id, 0), page.page_id, "t.txt", 0, text=text)
            store.save_page(page, [article], "test")
            ids.append(article.id)
    with_text = [ids[i] for i, t in enumerate(texts) if t]
    first = store.unvectorised(2)
    assert [a for a, _, _ in first] == with_text[:2]
    store.save_story_vectors([vectorise(a, h, t) for a, h, t in first])
    assert [a for a, _, _ in store.unvectorised()] == with_text[2:]
    assert [a for a, _, _ in store.unvectorised(1)] == with_text[2:3]
