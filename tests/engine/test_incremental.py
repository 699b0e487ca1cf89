"""Incremental entity resolution: a corpus analysed in two runs (some files, then the rest) holds
the same entities, the same entity of every mention, the same articles as exported and the same
story memberships as the corpus analysed in one run, on SQLite and on PostgreSQL. The second run
resolves only its new mentions against the stored entities they may join (engine/cross.py)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from marsad.context import Context
from marsad.engine.cross import members_digest
from marsad.engine.local import run_analysis
from marsad.store import open_store
from marsad.store.base import Store
from marsad.stories.cluster import Clusterer, StorySums
from marsad.stories.weights import story_weights

from ..conftest import DEMO_CORPUS, SAMPLE_CORPUS

CORPORA = [pytest.param(SAMPLE_CORPUS, marks=pytest.mark.shared, id="summit-2023"), pytest.param(DEMO_CORPUS, id="demo")]


def _contents(store: Store) -> dict[str, Any]:
    """What resolution and story placement leave in a store, independent of the order of runs."""
    stories: dict[str, list[str]] = {}
    for article_id, (story_id, _) in store.story_assignments().items():
        stories.setdefault(story_id, []).append(article_id)
    _check_kept_sums(store, stories)
    return {
        "entities": [
            (r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]))
            for r in store.execute("SELECT id, name, type, record, tally FROM entities ORDER BY id").fetchall()
        ],
        "mentions": [
            tuple(r)
            for r in store.execute(
                'SELECT article_id, seq, type, start, "end", text, key, entity_id FROM mentions ORDER BY article_id, seq'
            ).fetchall()
        ],
        "records": sorted((a.to_export() for a in store.iter_all_records()), key=lambda r: str(r["id"])),
        "entity articles": {
            eid: record.articles for (eid,) in store.execute("SELECT id FROM entities").fetchall() if (record := store.get_entity(eid))
        },
        "stories": sorted(sorted(ids) for ids in stories.values()),
        # As shown (entities by the names they have now), whichever run last rebuilt each.
        # (A story's id is its first member's: which that is may differ from run to run.)
        "dossiers": sorted(json.dumps({**d.to_json(), "id": None}, ensure_ascii=False) for s in stories if (d := store.get_story(s))),
    }


def _check_kept_sums(store: Store, stories: dict[str, list[str]]) -> None:
    """Every story's kept sums that a run would restore it from (kept for the members it has now)
    are the sums of those members' vectors with their entities as resolved now: a run changing
    a member's entities dropped them (engine/cross.py)."""
    idf = story_weights(store.entity_names())
    for story_id, (digest, text) in store.story_sums(stories).items():
        members = set(stories[story_id])
        if digest != members_digest(members):
            continue
        clusterer = Clusterer(idf)
        clusterer.restore(story_id, [a.doc() for a in store.story_articles([story_id]) if a.article_id in members])
        want, kept = clusterer.sums_of(story_id), StorySums.from_json(text)
        # Summed in the order the members were placed, not stored: equal to float rounding
        assert (kept.first, kept.last, set(kept.keys), kept.entities.keys(), kept.terms.keys()) == (
            want.first, want.last, set(want.keys), want.entities.keys(), want.terms.keys()
        ), story_id
        assert math.isclose(kept.terms_norm2, want.terms_norm2, rel_tol=1e-9), story_id
        assert math.isclose(kept.terms_members2, want.terms_members2, rel_tol=1e-9), story_id
        for mine, theirs in ((kept.terms, want.terms), (kept.entities, want.entities), (kept.entity_squares, want.entity_squares)):
            assert all(math.isclose(v, theirs[k], rel_tol=1e-9) for k, v in mine.items()), story_id


def _analyse(db: str, runs: list[list[str]], ctx: Context) -> dict[str, Any]:
    with open_store(db) as store:
        for paths in runs:
            summary = run_analysis(paths, store, ctx.settings, ctx)
            assert not summary.failed
        return _contents(store)


def _splits(corpus: Path) -> list[list[list[str]]]:
    files = sorted(str(p) for p in corpus.iterdir())
    return [[files[::2], files[1::2]], [files[len(files) // 2 :], files[: len(files) // 2]]]


def _check(corpus: Path, where: list[str], ctx: Context) -> None:
    one = _analyse(where[0], [[str(corpus)]], ctx)
    assert one["entities"] and one["stories"]
    for i, runs in enumerate(_splits(corpus), start=1):
        two = _analyse(where[i], runs, ctx)
        assert two["entities"] == one["entities"]
        assert two["mentions"] == one["mentions"]
        assert two["records"] == one["records"]
        assert two["entity articles"] == one["entity articles"]
        assert two["stories"] == one["stories"]
        assert two["dossiers"] == one["dossiers"]


@pytest.mark.parametrize("corpus", CORPORA)
def test_two_runs_resolve_as_one_on_sqlite(corpus: Path, tmp_path: Path, ctx: Context) -> None:
    _check(corpus, [str(tmp_path / f"{i}.db") for i in range(3)], ctx)


@pytest.mark.parametrize("corpus", CORPORA)
def test_two_runs_resolve_as_one_on_postgres(corpus: Path, pg_server: Any, ctx: Context) -> None:
    _check(corpus, [pg_server.new_database() for _ in range(3)], ctx)


def test_a_run_reads_only_the_entities_its_new_mentions_may_join(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second run never reads every mention: resolution gets its new mentions and the stored
    entities near them, fewer than the store holds."""
    import marsad.engine.cross as cross
    from marsad.entities.resolve import registry_fingerprint

    files = sorted(str(p) for p in DEMO_CORPUS.iterdir())
    with open_store(str(tmp_path / "m.db")) as store:
        run_analysis(files[:-1], store, ctx.settings, ctx)
        stored = len(store.mention_rows())
        assert not store.needs_full_resolution(registry_fingerprint(ctx.registry))
        assert store.needs_full_resolution("another registry")
        seen: list[tuple[int, int]] = []
        real = cross.resolve

        def spy(new: Any, registry: Any, known: Any = (), recheck: Any = (), tallies: Any = (), unread: Any = None) -> Any:
            seen.append((len(new), len(known) + sum(sum(t.counts.values()) for t in tallies)))
            return real(new, registry, known, recheck, tallies, unread)

        def whole_store(*_: object) -> None:
            raise AssertionError("an incremental run read every mention")

        monkeypatch.setattr(cross, "resolve", spy)
        monkeypatch.setattr(type(store), "mention_rows", whole_store)
        run_analysis(files[-1:], store, ctx.settings, ctx)
        assert seen and all(new > 0 and known < stored for new, known in seen)


def test_a_store_made_before_the_name_keys_is_resolved_in_full_once(tmp_path: Path, ctx: Context) -> None:
    """Mentions stored without name keys (before migration 0006), entities without tallies
    (before 0007), are keyed and tallied by a full resolution on the next run, which leaves the
    entities as they were."""
    from marsad.entities.resolve import registry_fingerprint

    with open_store(str(tmp_path / "m.db")) as store:
        run_analysis([str(DEMO_CORPUS)], store, ctx.settings, ctx)
        before = _contents(store)
        with store.transaction():
            store.execute("UPDATE mentions SET words = NULL, sound = NULL, first_sound = NULL, last_sound = NULL")
            store.execute("UPDATE entities SET tally = NULL")  # as migration 0007 leaves one
            store.execute("DELETE FROM resolution_state")  # as migration 0006 leaves an older store
        assert store.needs_full_resolution(registry_fingerprint(ctx.registry))
        run_analysis([str(DEMO_CORPUS)], store, ctx.settings, ctx)
        assert not store.needs_full_resolution(registry_fingerprint(ctx.registry))
        assert store.execute("SELECT count(*) FROM mentions WHERE words IS NULL").fetchone()[0] == 0
        assert store.execute("SELECT count(*) FROM entities WHERE tally IS NULL").fetchone()[0] == 0
        assert _contents(store) == before


def test_a_store_made_before_the_completion_blocks_has_them_filled_once(tmp_path: Path, ctx: Context) -> None:
    """Person mentions stored before migration 0011 have no completion blocks: the next run gives
    them what writing them gives, once, and the store is otherwise as it was."""
    query = "SELECT article_id, seq, next_block, previous_block FROM mentions ORDER BY article_id, seq"
    with open_store(str(tmp_path / "m.db")) as store:
        run_analysis([str(DEMO_CORPUS)], store, ctx.settings, ctx)
        before, written = _contents(store), store.execute(query).fetchall()
        assert any(r[2] for r in written) and any(r[3] for r in written)
        assert all((r[2] is None) == (r[3] is None) for r in written)
        with store.transaction():
            store.execute("UPDATE mentions SET next_block = NULL, previous_block = NULL")
            store.execute("INSERT INTO resolution_state VALUES ('completion_blocks', 'to fill')")  # as migration 0011 leaves one
        run_analysis([str(DEMO_CORPUS)], store, ctx.settings, ctx)
        assert store.execute(query).fetchall() == written
        assert store.execute("SELECT count(*) FROM resolution_state WHERE key = 'completion_blocks'").fetchone()[0] == 0
        assert _contents(store) == before


def _save_named(store: Store, n: int, name: str) -> None:
    """An article «قال <name>» whose one mention (a person) is the name."""
    from marsad.article import Article, Mention, Page

    page = Page("t.txt", f"قال {name}", "text", url=f"https://t.invalid/{n}")
    article = Article(Article.make_id(page.page_id, 0), page.page_id, "t.txt", 0, text=f"قال {name}")
    article.mentions = [Mention(name, "PER", 4, 4 + len(name), name)]
    with store.transaction():
        store.save_page(page, [article], "test")


def test_a_run_rewrites_only_the_entities_it_changes(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Of the stored entities a run reads, one it builds as it was (id, name, type, tally) keeps its
    row; one a new mention joins is written again. «كيم سول أون» is read with «كيم جونغ أون»
    (the same first and last words) and is another person."""
    from marsad.engine.cross import update_entities

    rows = "SELECT id, rowid, name, type, tally FROM entities"
    with open_store(str(tmp_path / "m.db")) as store:
        for n, name in enumerate(["كيم جونغ أون", "كيم جونغ أون", "فلاديمير بوتين"]):
            _save_named(store, n, name)
        update_entities(store, ctx.registry)
        before = {r[2]: (r[0], r[1], r[4]) for r in store.execute(rows).fetchall()}
        read: set[str] = set()
        real = type(store).update_resolution

        def spy(self: Store, assignment: Any, entities: Any, replaced: Any, fingerprint: str) -> None:
            read.update(replaced)
            real(self, assignment, entities, replaced, fingerprint)

        monkeypatch.setattr(type(store), "update_resolution", spy)
        _save_named(store, 3, "كيم سول أون")
        _save_named(store, 4, "فلاديمير بوتين")
        update_entities(store, ctx.registry)
        after = {r[2]: (r[0], r[1], r[4]) for r in store.execute(rows).fetchall()}
    kim, putin = before["كيم جونغ أون"], before["فلاديمير بوتين"]
    assert {kim[0], putin[0]} <= read and "كيم سول أون" in after
    assert after["كيم جونغ أون"] == kim  # read, built as it was: the same row
    assert after["فلاديمير بوتين"][0] == putin[0] and after["فلاديمير بوتين"][1:] != putin[1:]  # joined: written again


def test_reanalysed_pages_rebuild_the_entities_they_held(tmp_path: Path, ctx: Context) -> None:
    """--reprocess replaces a page's mentions: the entities that held them are rebuilt (none
    keeps a mention or an article that is gone), and the store ends as one run leaves it."""
    from dataclasses import replace

    with open_store(str(tmp_path / "m.db")) as store:
        run_analysis([str(DEMO_CORPUS)], store, ctx.settings, ctx)
        before = _contents(store)
        some = sorted(str(p) for p in DEMO_CORPUS.iterdir())[::2]
        run_analysis(some, store, replace(ctx.settings, reprocess=True), ctx)
        assert store.stale_entities() == set()
        assert _contents(store) == before


def test_a_run_reads_only_the_stories_its_new_articles_can_join(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dated article joins only a story whose last day is within the window before its own, so
    a later run reads the stories of that week, not the archive: here none of the demo corpus's
    (September 2025) for an article of March 2026, and its stories come out as in one run."""
    late = tmp_path / "late.jsonl"
    text = (
        "افتتاح معرض الكتاب في مرفأ النخيل\n\nنشر بتاريخ: 2 آذار 2026\n\n"
        "افتتح محافظ مرفأ النخيل معرض الكتاب السنوي بمشاركة مئة وعشرين دار نشر من أنحاء المنطقة، "
        "وقال المحافظ إن المعرض سيستمر عشرة أيام وسيضم ندوات وأمسيات شعرية للأطفال والشباب."
    )
    late.write_text(json.dumps({"url": "https://alnakheel.example/news/2026/03/02/book-fair", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    files = [str(p) for p in sorted(DEMO_CORPUS.iterdir())]
    one = _analyse(str(tmp_path / "one.db"), [[*files, str(late)]], ctx)
    with open_store(str(tmp_path / "two.db")) as store:
        run_analysis(files, store, ctx.settings, ctx)
        archive = {s for s, _ in store.story_assignments().values()}
        read: list[set[str] | None] = []
        real = type(store).story_articles

        def spy(self: Store, stories: Any = None) -> Any:
            read.append(None if stories is None else set(stories))
            return real(self, stories)

        monkeypatch.setattr(type(store), "story_articles", spy)
        run_analysis([str(late)], store, ctx.settings, ctx)
        assert read and all(r is not None and not (r & archive) for r in read), read
        assert _contents(store)["stories"] == one["stories"]


def test_tallied_entities_renamed_in_a_chain_keep_their_own_mentions(tmp_path: Path) -> None:
    """An incremental resolution renames the tallied entities it did not read mention by mention
    (engine/cross.py): when one takes another's old id while that one takes a third, each
    entity's mentions follow it, never twice."""
    from marsad.entities.resolve import Entity, MentionRow

    with open_store(str(tmp_path / "m.db")) as store:
        for i, name in enumerate(["سيرغي شويغو", "شويغو", "بوتين"]):
            _save_named(store, i, name)
        ids = sorted(r[0] for r in store.execute("SELECT article_id FROM mentions").fetchall())
        old = dict(zip(ids, ["e-a", "e-b", "e-c"], strict=True))
        with store.transaction():
            store.executemany("UPDATE mentions SET entity_id = ? WHERE article_id = ?", [(e, a) for a, e in old.items()])
            made = []
            for new, tallied in (("e-b", "e-a"), ("e-z", "e-b"), ("e-c", "e-c")):
                e = Entity(new, new, "PER", tallied={tallied})
                e.add(MentionRow("x", 0, "PER", "k", "k", None))
                made.append(e)
            store.update_resolution({}, made, {"e-a", "e-b", "e-c"}, "fingerprint")
        now = dict(store.execute("SELECT article_id, entity_id FROM mentions").fetchall())
        assert now == {ids[0]: "e-b", ids[1]: "e-z", ids[2]: "e-c"}


# Articles of names only (text, then the names it holds; «name#2»: its second occurrence), in two
# runs: the rules of resolve through the store.
FIRST_RUN = [
    ("جو بايدن قال وبايدن أكد", ["جو بايدن", "بايدن"]),
    ("وصل بايدن اليوم", ["بايدن"]),
    ("كيم جونغ أون وكيم يو جونغ حضرا وكيم تحدث", ["كيم جونغ أون", "كيم يو جونغ", "كيم"]),
    ("علي حسن وحسن نصر الله التقيا وقال حسن إن", ["علي حسن", "حسن نصر الله", "حسن"]),  # two here, and two in the store
    ("أحمد حسن في القاهرة", ["أحمد حسن"]),
    ("عبد الفتاح السيسي يستقبل", ["عبد الفتاح السيسي"]),
    ("أحمد السيسي يصل", ["أحمد السيسي"]),
    ("عبد الفتاح السيسي قال ثم السيسي أكد", ["عبد الفتاح", "السيسي#2"]),  # a name cut short, completed later
    ("وصل حسن إلى القاهرة", ["حسن"]),  # no full name here, two in the store: alone
    ("قال شويغو إن", ["شويغو"]),  # no full name anywhere yet: alone
    ("تشوي سون هوي وتشوي ريونغ هاي حضرا وتحدث تشوي", ["تشوي سون هوي", "تشوي ريونغ هاي", "تشوي"]),  # two here, neither dominates
    ("كمال حسن يغادر", ["كمال حسن"]),  # a third «… حسن» in the store
]
SECOND_RUN = [
    ("هانتر بايدن في المحكمة", ["هانتر بايدن"]),  # a new namesake: «بايدن» alone is now ambiguous
    *[(f"كيم جونغ أون يزور المصنع {i}", ["كيم جونغ أون"]) for i in range(3)],  # now 3-to-1 over كيم يو جونغ
    ("علي حسن يصل", ["علي حسن"]),  # still not 3-to-1: «حسن» there stays ambiguous
    ("عبد الفتاح السيسي يصل", ["عبد الفتاح السيسي"]),  # known twice now: «عبد الفتاح» completed, «السيسي» joins it
    ("محمود حسن يصل", ["محمود حسن"]),  # a third «… حسن»: the lone «حسن» stays alone
    ("سيرغي شويغو يصل", ["سيرغي شويغو"]),  # the one «… شويغو»: the lone «شويغو» joins him
    *[(f"تشوي ريون هاي يزور المصنع {i}", ["تشوي ريون هاي"]) for i in range(3)],  # a new spelling of him: now 4-to-1
    ("ثم عاد حسن", ["حسن"]),  # a new lone «حسن»: ambiguous, known without reading every «… حسن»
]
NAMES = FIRST_RUN + SECOND_RUN


def _tagged(pages: dict[int, tuple[str, list[str]]]) -> Any:
    """An analysis (for engine.local.in_order) of the pages at https://t.invalid/{index}: each one
    article, its text and names as `pages` give them («name#2» its second occurrence, «name@ORG»
    a mention the tagger typed so; a person's otherwise)."""
    from marsad.article import Article, Mention, Page

    def analyse(todo: list[Page]) -> list[list[Article] | str]:
        out: list[list[Article] | str] = []
        for page in todo:
            text, names = pages[int((page.url or "").rsplit("/", 1)[1])]
            article = Article(Article.make_id(page.page_id, 0), page.page_id, page.source, 0, outlet="t", text=text)
            at = 0
            for typed in names:
                written, _, kind = typed.partition("@")
                name, _, nth = written.partition("#")
                for _ in range(int(nth or 1)):
                    at = text.index(name, at) + 1
                article.mentions.append(Mention(name, kind or "PER", at - 1, at - 1 + len(name), name))
                at += len(name) - 1
            out.append([article])
        return out

    return analyse


def _named(tmp_path: Path, ctx: Context, db: str, runs: list[range], articles: list[tuple[str, list[str]]] = NAMES) -> dict[str, Any]:
    """The store after these runs over `articles` (text, its names: see _tagged)."""
    from marsad.engine.local import in_order, run_with

    with open_store(db) as store:
        for n, run in enumerate(runs):
            pages = tmp_path / f"{Path(db).stem}-{n}.jsonl"
            pages.write_text("".join(json.dumps({"url": f"https://t.invalid/{i}", "text": articles[i][0]}, ensure_ascii=False) + "\n" for i in run))
            run_with([str(pages)], store, ctx.settings, ctx, in_order(_tagged(dict(enumerate(articles)))))
        return _contents(store)


def test_later_names_decide_stored_bare_words_as_one_run(tmp_path: Path, ctx: Context) -> None:
    """A new namesake («هانتر بايدن») makes a stored bare «بايدن» ambiguous; more mentions of
    «كيم جونغ أون» make it dominate «كيم يو جونغ» in an article holding both and a bare «كيم»;
    a bare «حسن» between two full names of its article still falls back on the store's (and
    there are two); a name completed in a stored article takes its bare surname: a run deciding
    the stored bare words again where these may change them gives what one run gives."""
    one = _named(tmp_path, ctx, str(tmp_path / "one.db"), [range(len(NAMES))])
    two = _named(tmp_path, ctx, str(tmp_path / "two.db"), [range(len(FIRST_RUN)), range(len(FIRST_RUN), len(NAMES))])
    assert two["mentions"] == one["mentions"] and two["entities"] == one["entities"]
    assert two["entity articles"] == one["entity articles"]
    named: dict[str, set[str]] = {}
    for m in one["mentions"]:
        named.setdefault(m[7], set()).add(m[0])
    assert one["entity articles"] == {e: tuple(sorted(a)) for e, a in named.items()}  # what the store's mentions say
    by_text: dict[str, set[str]] = {}
    for m in one["mentions"]:
        by_text.setdefault(m[5], set()).add(m[7])
    assert len(by_text["كيم"] & by_text["كيم جونغ أون"]) == 1  # dominant: the bare word joined it
    assert by_text["السيسي"] <= by_text["عبد الفتاح السيسي"]  # completed, then joined
    assert not by_text["حسن"] & (by_text["علي حسن"] | by_text["أحمد حسن"] | by_text["محمود حسن"])  # ambiguous: alone
    assert by_text["شويغو"] == by_text["سيرغي شويغو"]  # the one full name in the store
    assert by_text["تشوي"] & by_text["تشوي ريونغ هاي"] == by_text["تشوي ريون هاي"]  # dominant through a new spelling


def test_a_run_stopped_after_its_entities_leaves_no_stale_story_sums(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stopped after entity resolution, before its stories: the next run is told of no
    changed entities, yet no story's kept sums still name the entities as they were (a stored
    bare «شويغو» joined the new «سيرغي شويغو»: they were dropped with the change; _contents
    checks every kept sum against its members)."""
    import marsad.engine.local as local

    drill = "قال شويغو إن القوات الروسية أنهت مناورات بحرية واسعة في بحر البلطيق بمشاركة عشرات السفن والغواصات والطائرات"
    articles = [(f"{drill} {tail}", ["شويغو"]) for tail in ("اليوم", "أمس", "الأحد")]
    articles += [("سيرغي شويغو يصل إلى القاهرة في زيارة رسمية لبحث التعاون العسكري وصفقات السلاح", ["سيرغي شويغو"]), (f"{drill} مساء", ["شويغو"])]
    db = str(tmp_path / "stopped.db")
    real = local.update_stories
    calls: list[int] = []

    def stopped_in_the_second_run(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(local, "update_stories", stopped_in_the_second_run)
    with pytest.raises(KeyboardInterrupt):
        _named(tmp_path, ctx, db, [range(3), range(3, 4)], articles)
    monkeypatch.undo()
    with open_store(db) as store:
        assert store.execute("SELECT COUNT(*) FROM story_sums").fetchone()[0] == 0  # the drill's story's, dropped
    after = _named(tmp_path, ctx, db, [range(4, 5)], articles)
    assert max(len(s) for s in after["stories"]) >= 4  # the fourth telling of the drill joined its story


def test_story_sums_kept_by_other_code_are_not_gone_on_from(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sums kept by a version whose weights or clustering code differ (dossier.search_format) are
    not restored from: the story is read from its members, and its sums kept again."""
    import marsad.engine.cross as cross
    from marsad.store.base import Store as Base

    drill = "قال شويغو إن القوات الروسية أنهت مناورات بحرية واسعة في بحر البلطيق بمشاركة عشرات السفن والغواصات والطائرات"
    articles = [(f"{drill} {tail}", ["شويغو"]) for tail in ("اليوم", "أمس", "الأحد", "مساء")]
    db = str(tmp_path / "upgraded.db")
    _named(tmp_path, ctx, db, [range(3)], articles)
    with open_store(db) as store:
        (before,) = store.execute("SELECT members FROM story_sums").fetchone()
    signed: list[set[str]] = []
    real = Base.story_signatures

    def spy(self: Store, stories: Any) -> Any:
        signed.append(set(stories))
        return real(self, stories)

    monkeypatch.setattr(cross, "search_format", lambda: "another version")
    monkeypatch.setattr(Base, "story_signatures", spy)
    _named(tmp_path, ctx, db, [range(3, 4)], articles)
    assert signed == [set()]  # no story restored from its sums
    with open_store(db) as store:
        (after,) = store.execute("SELECT members FROM story_sums").fetchone()
    assert after != before and after == cross.members_digest(a for a, _ in _placed(db))


def _placed(db: str) -> list[tuple[str, str]]:
    with open_store(db) as store:
        return [(a, s) for a, (s, _) in store.story_assignments().items()]


def test_a_new_namesake_decides_again_only_the_bare_words_it_may_change(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new full name decides again the stored bare words of its last word only where the
    store's people of that name were one, or are one now: a third «… حسن» leaves a lone «حسن»
    as it was (it was ambiguous, it stays so), the first «… شويغو» takes a lone «شويغو».
    Rechecking every bare word of the name's last word made a run's cost grow with the store.
    A new lone «حسن» is ambiguous without reading the people called «… حسن» the store holds
    (they are counted): «كمال حسن» is not read. A familiar name sends back a bare word placed
    between full names in its article only when the new counts turn the 3-to-1 decision."""
    import marsad.engine.cross as cross

    rechecked: set[str] = set()
    read: set[str] = set()
    real = cross.resolve

    def spy(new: Any, registry: Any, known: Any = (), recheck: Any = (), tallies: Any = (), unread: Any = None) -> Any:
        rechecked.update(a for a, _ in recheck)
        read.update({t.entity_id for t in tallies} | {m.entity_id for m in known})
        return real(new, registry, known, recheck, tallies, unread)

    monkeypatch.setattr(cross, "resolve", spy)
    two = _named(tmp_path, ctx, str(tmp_path / "two.db"), [range(len(FIRST_RUN)), range(len(FIRST_RUN), len(NAMES))])
    texts = {m[5]: (m[0], m[7]) for m in two["mentions"]}
    assert texts["شويغو"][0] in rechecked
    lone = {m[0] for m in two["mentions"] if m[5] == "حسن"} - {m[0] for m in two["mentions"] if m[5] in ("علي حسن", "حسن نصر الله")}
    assert lone and not lone & rechecked
    assert texts["كمال حسن"][1] not in read
    # One more «علي حسن» (2 to 1 over «حسن نصر الله») does not make him dominate: the «حسن»
    # between the two stays as it was, not decided again.
    assert texts["حسن نصر الله"][0] not in rechecked


def test_an_odd_tag_of_a_familiar_name_decides_no_stored_bare_word_again(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new full name the tagger typed otherwise than the stored one («أحمد شفيق» as an
    organisation once, against two of a person) sends back only the bare words of the entities
    it turns: none here. Every bare word of its last word was decided again before, a third of a
    1,500-article store for one run of 150 real articles."""
    import marsad.engine.cross as cross

    rechecked: set[str] = set()
    real = cross.resolve

    def spy(new: Any, registry: Any, known: Any = (), recheck: Any = (), tallies: Any = (), unread: Any = None) -> Any:
        rechecked.update(a for a, _ in recheck)
        return real(new, registry, known, recheck, tallies, unread)

    monkeypatch.setattr(cross, "resolve", spy)
    first, second = _TURNS["an odd tag of a familiar person"]
    two = _named(tmp_path, ctx, str(tmp_path / "two.db"), [range(len(first)), range(len(first), len(first) + len(second))], first + second)
    lone = {m[0] for m in two["mentions"] if m[5] == "شفيق"}
    assert len(lone) == 2 and not lone & rechecked
    assert {m[7] for m in two["mentions"] if m[5] == "شفيق"} == {m[7] for m in two["mentions"] if m[5] == "أحمد شفيق"}


# Later runs that turn what resolve weighs of a stored person (found by a review of the run that
# stopped reading every full name of a bare word's sound): (first run, second run).
_TURNS = {
    # A person the tagger twice called «كريم» as an organisation is stored as one, but his full
    # names are a person's: a new bare «سعيد» has two namesakes, not one.
    "entity type is not the group's": (
        [("كريم سعيد وصل وقال كريم ثم كريم", ["كريم سعيد", "كريم@ORG", "كريم@ORG"]), ("ماهر سعيد في القاهرة", ["ماهر سعيد"])],
        [("عاد سعيد اليوم", ["سعيد"])],
    ),
    # A new spelling typed otherwise turns a stored person into an organisation, and back.
    "a person turns an organisation": (
        [("دونالد ترمب وصل وقال ترمب", ["دونالد ترمب", "ترمب"]), ("إيفانكا ترمب في القاهرة", ["إيفانكا ترمب"]), ("ميلانيا ترمب في القاهرة", ["ميلانيا ترمب"])],
        [(f"دونالد ترامب شركة {i}", ["دونالد ترامب@ORG"]) for i in range(3)],
    ),
    "an organisation turns a person": (
        [("دونالد ترمب وصل وقال ترمب", ["دونالد ترمب@ORG", "ترمب"]), ("إيفانكا ترمب في القاهرة", ["إيفانكا ترمب"]), ("ميلانيا ترمب في القاهرة", ["ميلانيا ترمب"])],
        [(f"دونالد ترامب يصل {i}", ["دونالد ترامب"]) for i in range(3)],
    ),
    # A person's count holds his name written as one word: 3 to 1 with «أبومازن», 2 to 1 without.
    "a count with a one-word spelling": (
        [("أبو مازن ومحمد مازن التقيا وقال مازن", ["أبو مازن", "محمد مازن", "مازن"]), ("وصل أبومازن اليوم", ["أبومازن"])],
        [("أبو مازن يصل", ["أبو مازن"])],
    ),
    # ... and a new one-word spelling of him («أبومازن») makes it 3 to 1.
    "a count grown by a one-word spelling": (
        [("أبو مازن ومحمد مازن التقيا وقال مازن", ["أبو مازن", "محمد مازن", "مازن"]), ("وصل أبومازن اليوم", ["أبومازن"])],
        [("عاد أبومازن", ["أبومازن"])],
    ),
    # New mentions typed as an organisation turn the spelling «شويغو» from a person's: the stored
    # bare «شويغو» no longer joins the one «… شويغو» of the store.
    "a bare spelling turned from a person's": (
        [("سيرغي شويغو يصل", ["سيرغي شويغو"]), ("قال شويغو إن", ["شويغو"])],
        [(f"وصل شويغو {i}", ["شويغو@ORG"]) for i in range(2)],
    ),
    # ... and through another spelling of it (ترامب for the stored ترمب), or a full name written
    # as it joined (عبد الله for the stored عبدالله): resolve groups these spellings as one.
    "a bare spelling turned through another spelling": (
        [("دونالد ترامب يصل", ["دونالد ترامب"]), ("قال ترمب إن", ["ترمب"])],
        [(f"وصل ترامب {i}", ["ترامب@ORG"]) for i in range(2)],
    ),
    "a bare spelling turned through a full name written as it": (
        [("محمد عبدالله يصل", ["محمد عبدالله"]), ("قال عبدالله إن", ["عبدالله"])],
        [(f"وصل عبد الله {i}", ["عبد الله@ORG"]) for i in range(2)],
    ),
    # A count grown by a one-word spelling of the same consonants («أبومزن» for «أبومازن»).
    "a count grown by a spelling of the same consonants": (
        [("أبو مازن ومحمد مازن التقيا وقال مازن", ["أبو مازن", "محمد مازن", "مازن"]), ("وصل أبومازن اليوم", ["أبومازن"])],
        [("عاد أبومزن", ["أبومزن"])],
    ),
    # A bare word beside a full name it spells joins it only while its spelling is read as a
    # person's: new mentions typed as a place turn it, and back.
    "a bare word beside a full name turned to a place": (
        [("التقى أحمد عرابي وقال عرابي إن", ["أحمد عرابي", "عرابي"])],
        [(f"وصل عرابي {i}", ["عرابي@LOC"]) for i in range(2)],
    ),
    "a bare word beside a full name turned to a person": (
        [("التقى أحمد عرابي وقال عرابي إن", ["أحمد عرابي", "عرابي@LOC"])],
        [(f"قال عرابي {i}", ["عرابي"]) for i in range(2)],
    ),
    # A group of spellings joined one through another (found by a review): ترامب ~ ترمب ~ تريمب
    # though not ترامب ~ تريمب, the bridge stored or new; two new spellings of one group counted
    # together; and a full name written as the bare word (عبد الله), read with it when it is
    # decided again.
    "a group joined through a stored spelling": (
        [("التقى دونالد ترامب وقال ترامب إن", ["دونالد ترامب", "ترامب"]), ("قال ترمب إن", ["ترمب"])],
        [(f"وصل تريمب {i}", ["تريمب@LOC"]) for i in range(3)],
    ),
    "a group joined through a new spelling": (
        [("التقى دونالد ترامب وقال ترامب إن", ["دونالد ترامب", "ترامب"]), ("قال ترامب إن", ["ترامب"])],
        [("وصل ترمب 0", ["ترمب@LOC"]), *[(f"وصل تريمب {i}", ["تريمب@LOC"]) for i in range(2)]],
    ),
    "two new spellings of one group": (
        [("التقى دونالد ترامب وقال ترامب إن", ["دونالد ترامب", "ترامب"]), ("قال ترامب إن", ["ترامب"])],
        [("وصل ترامب 0", ["ترامب@LOC"]), ("وصل ترمب 0", ["ترمب@LOC"])],
    ),
    "a full name written as the bare word decided again": (
        [*[(f"وصل عبد الله {i}", ["عبد الله"]) for i in range(3)], ("التقى أحمد عبدالله وقال عبدالله ثم عبدالله", ["أحمد عبدالله", "عبدالله@ORG", "عبدالله@ORG"])],
        [("وصل خالد عبدالله اليوم", ["خالد عبدالله"])],
    ),
    # A person's count holds his mentions of every type: one more «ماهر سعيد» typed as an
    # organisation (still a person's by two to one) makes him named three times as often as
    # «كريم سعيد», and the «سعيد» between them his.
    "a count grown by a mention of another type": (
        [("كريم سعيد وماهر سعيد التقيا وقال سعيد إن", ["كريم سعيد", "ماهر سعيد", "سعيد"]), ("ماهر سعيد يصل", ["ماهر سعيد"])],
        [("ماهر سعيد شركة", ["ماهر سعيد@ORG"])],
    ),
    # An organisation turned a person: a bare word of its first word in an article naming it
    # joins it (one elsewhere meets no full name of its own: the store-wide rule reads last words).
    "a first word beside a name turned a person": (
        [("التقى كريم سعيد وقال كريم إن", ["كريم سعيد@ORG", "كريم"]), ("قال كريم إن", ["كريم"])],
        [(f"وصل كريم سعيد {i}", ["كريم سعيد"]) for i in range(2)],
    ),
    # An odd tag of a familiar name turns nothing: the stored bare words stay as they were.
    "an odd tag of a familiar person": (
        [("أحمد شفيق يصل", ["أحمد شفيق"]), ("أحمد شفيق وصل وقال شفيق إن", ["أحمد شفيق", "شفيق"]), ("قال شفيق إن", ["شفيق"])],
        [("أحمد شفيق شركة", ["أحمد شفيق@ORG"])],
    ),
    # A stored mention completed by later names («كريم سعيد» -> «كريم سعيد حسن») leaves its
    # entity (found by a review): a person named three times as often as another no longer is,
    # or a person's spellings read as an organisation's now; the bare words it took are
    # decided again. Before, only its rows as left were compared with the run's entity.
    "a completion shrinks a dominant person": (
        [("كريم سعيد وماهر سعيد التقيا وقال سعيد إن", ["كريم سعيد", "ماهر سعيد", "سعيد"]), ("كريم سعيد يصل", ["كريم سعيد"]), ("وصل كريم سعيد حسن اليوم", ["كريم سعيد"])],
        [(f"وصل كريم سعيد حسن {i}", ["كريم سعيد حسن"]) for i in range(2)],
    ),
    "a completion turns a person out": (
        [("وصل كريم سعيد اليوم", ["كريم سعيد"]), ("وصل كريم سعيد حسن اليوم", ["كريم سعيد"]), ("شركة كريم سعيد", ["كريم سعيد@ORG"]), ("قال سعيد إن", ["سعيد"])],
        [(f"وصل كريم سعيد حسن {i}", ["كريم سعيد حسن"]) for i in range(2)],
    ),
    "a completion and an odd tag turn a person out": (
        [("وصل كريم سعيد اليوم", ["كريم سعيد"]), ("وصل كريم سعيد حسن اليوم", ["كريم سعيد"]), ("شركة كريم سعيد", ["كريم سعيد@ORG"]), ("قال سعيد إن", ["سعيد"])],
        [*[(f"وصل كريم سعيد حسن {i}", ["كريم سعيد حسن"]) for i in range(2)], ("شركة كريم سعيد 2", ["كريم سعيد@ORG"])],
    ),
    # A bare word between two full names, one of an entity stored as an organisation.
    "between a person stored as an organisation": (
        [("كريم سعيد وماهر سعيد التقيا وقال سعيد ثم كريم وكريم", ["كريم سعيد", "ماهر سعيد", "سعيد", "كريم@ORG", "كريم@ORG"])],
        [(f"ماهر سعيد يصل {i}", ["ماهر سعيد"]) for i in range(2)],
    ),
}


@pytest.mark.parametrize("turn", sorted(_TURNS))
def test_a_person_turned_by_later_names_resolves_as_one_run(turn: str, tmp_path: Path, ctx: Context) -> None:
    """Whether a stored entity is a person, and its count, are what resolve weighs of its full
    names (resolve.person_group), not its stored type; a run that changes them decides again
    the bare words they may concern, as one run over everything decides them."""
    first, second = _TURNS[turn]
    articles = first + second
    one = _named(tmp_path, ctx, str(tmp_path / "one.db"), [range(len(articles))], articles)
    two = _named(tmp_path, ctx, str(tmp_path / "two.db"), [range(len(first)), range(len(first), len(articles))], articles)
    assert two["mentions"] == one["mentions"] and two["entities"] == one["entities"]


# A page analysed again whose person the tagger now types otherwise, or no longer finds (found by
# a review): (pages of the first run, pages analysed again).
_AGAIN = {
    "typed otherwise": (
        {0: ("وصل كريم سعيد اليوم", ["كريم سعيد"]), 1: ("وصل كريم سعيد أمس", ["كريم سعيد"]), 2: ("شركة كريم سعيد", ["كريم سعيد@ORG"]), 3: ("قال سعيد إن", ["سعيد"])},
        {1: ("وصل كريم سعيد أمس", ["كريم سعيد@ORG"])},
    ),
    "no longer found": (
        {0: ("وصل كريم سعيد اليوم", ["كريم سعيد"]), 1: ("وصل كريم سعيد أمس", ["كريم سعيد"]), 2: ("شركة كريم سعيد", ["كريم سعيد@ORG"]), 3: ("قال سعيد إن", ["سعيد"])},
        {1: ("وصل كريم سعيد أمس", [])},
    ),
}


@pytest.mark.parametrize("case", sorted(_AGAIN))
def test_a_page_analysed_again_turning_a_person_resolves_as_one_run(case: str, tmp_path: Path, ctx: Context) -> None:
    """A page analysed again takes a mention from a person (2 PER : 1 ORG -> 1 : 1 or 1 : 2): the
    stored bare «سعيد» that joined him store-wide is his no longer, as one run over the pages as
    they are now decides. The entity is stale meanwhile: what it was is its stored tally."""
    from dataclasses import replace

    from marsad.engine.local import in_order, run_with

    first, again = _AGAIN[case]

    def runs(db: str, plan: list[tuple[dict[int, tuple[str, list[str]]], bool]]) -> dict[str, Any]:
        with open_store(db) as store:
            for n, (pages, reprocess) in enumerate(plan):
                f = tmp_path / f"{Path(db).stem}-{n}.jsonl"
                f.write_text("".join(json.dumps({"url": f"https://t.invalid/{i}", "text": pages[i][0]}, ensure_ascii=False) + "\n" for i in pages))
                assert not run_with([str(f)], store, replace(ctx.settings, reprocess=reprocess), ctx, in_order(_tagged(pages))).failed
            return _contents(store)

    one = runs(str(tmp_path / "one.db"), [({**first, **again}, False)])
    two = runs(str(tmp_path / "two.db"), [(first, False), (again, True)])
    assert two["mentions"] == one["mentions"] and two["entities"] == one["entities"]


# Two stories two months apart (no run can place an article of one into the other) naming one
# minister, spelt غالى in the first and غالي, more often, in the second.
_BUDGET = [
    ("b1", "2013-01-05", "قال وزير المالية يوسف بطرس غالى إن الموازنة الجديدة تخفض العجز هذا العام. وأضاف يوسف بطرس غالى أن الحكومة سترفع الضرائب على السجائر."),
    ("b2", "2013-01-05", "أعلن يوسف بطرس غالي أن الموازنة الجديدة تخفض العجز هذا العام وأن الضرائب على السجائر سترتفع قريبا."),
]
_LOAN = [
    ("l1", "2013-03-20", "التقى يوسف بطرس غالي بعثة صندوق النقد الدولي في القاهرة لبحث القرض. وقال يوسف بطرس غالي إن المفاوضات ناجحة."),
    ("l2", "2013-03-20", "أكد يوسف بطرس غالي أن بعثة صندوق النقد الدولي أنهت مفاوضات القرض في القاهرة بنجاح."),
]


def _made_run(store: Store, ctx: Context, folder: Path, name: str, articles: list[tuple[str, str, str]], gone: frozenset[str] = frozenset()) -> None:
    """One run of the engine over these (key, date, text) articles, each naming the minister
    wherever his name is written (as the tagger would find him), each of its own outlet. With
    `gone`, the pages are analysed again and those of these keys now hold no article."""
    from dataclasses import replace

    from marsad.article import Article, Mention, Page
    from marsad.engine.local import in_order, run_with

    pages = folder / f"{name}.jsonl"
    pages.write_text("".join(json.dumps({"url": f"https://t.invalid/{k}", "text": t}, ensure_ascii=False) + "\n" for k, _, t in articles), encoding="utf-8")

    def analyse(todo: list[Page]) -> list[list[Article] | str]:
        out: list[list[Article] | str] = []
        for page in todo:
            key = (page.url or "").rsplit("/", 1)[1]
            _, published, text = next(a for a in articles if a[0] == key)
            if key in gone:
                out.append([])
                continue
            mentions = [Mention(m.group(), "PER", m.start(), m.end(), m.group()) for m in re.finditer("يوسف بطرس غال[\u0649\u064a]", text)]  # alef maksura, yeh
            out.append([Article(Article.make_id(page.page_id, 0), page.page_id, page.source, 0, outlet=f"{key}.invalid", headline=text.split(".")[0], published=published, language="ar", text=text, mentions=mentions)])
        return out

    settings = replace(ctx.settings, reprocess=bool(gone))
    assert not run_with([str(pages)], store, settings, ctx, in_order(analyse)).failed


def test_a_turned_display_name_rebuilds_no_story_and_shows_in_it(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entity's display name is its most written spelling, which turns as spellings arrive:
    the stories naming it are not rebuilt for that (a name that turns often would rebuild them
    run after run), and they show the name it has now, as a store analysed in one run does."""
    with open_store(str(tmp_path / "two.db")) as store:
        _made_run(store, ctx, tmp_path, "budget", _BUDGET)
        (budget,) = {s for s, _ in store.story_assignments().values()}
        assert [e.name for e in store.get_story(budget).entities] == ["يوسف بطرس غالى"]  # type: ignore[union-attr]
        saved: list[str] = []
        real = type(store).save_stories

        def spy(self: Store, dossiers: Any, members: Any, searches: Any = None) -> None:
            saved.extend(d.id for d in dossiers)
            real(self, dossiers, members, searches)

        monkeypatch.setattr(type(store), "save_stories", spy)
        _made_run(store, ctx, tmp_path, "loan", _LOAN)
        assert saved and budget not in saved
        shown = store.get_story(budget)
        assert shown is not None and [e.name for e in shown.entities] == ["يوسف بطرس غالي"]
        assert {e.name for c in store.list_stories() for e in c.entities} == {"يوسف بطرس غالي"}
        assert {e.name for d in store.run_stories(1) for e in d.entities} == {"يوسف بطرس غالي"}
    monkeypatch.undo()
    with open_store(str(tmp_path / "one.db")) as store:
        _made_run(store, ctx, tmp_path, "both", _BUDGET + _LOAN)
        assert store.get_story(budget) == shown


def test_a_story_whose_articles_are_gone_is_dropped(tmp_path: Path, ctx: Context) -> None:
    """A page analysed again may hold no article now: the story of its old article, left with no
    member, is no longer listed; the other story stays."""
    with open_store(str(tmp_path / "m.db")) as store:
        _made_run(store, ctx, tmp_path, "all", _BUDGET + _LOAN)
        assert store.count_stories() == 2
        # A run of those pages alone places nothing and rebuilds no story: the loan story still goes.
        _made_run(store, ctx, tmp_path, "loan", _LOAN, gone=frozenset({"l1", "l2"}))
        (left,) = store.list_stories()
        assert left.articles == 2 and store.count_stories() == 1
        assert {s for s, _ in store.story_assignments().values()} == {left.id}


def test_an_undated_article_reads_only_the_stories_sharing_its_keys(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """An undated article may join a story of any day: a later run reads the stored stories
    sharing enough of its names and top words, not every story, and places its articles as
    reading every story would."""
    late = tmp_path / "undated.jsonl"
    flood = (
        "فيضانات وادي السنديان: الدفاع المدني يواصل إجلاء الأسر\n\n"
        "واصلت فرق الدفاع المدني إجلاء الأسر من الأحياء المنخفضة على الضفة الشرقية في مدينة وادي السنديان بعد فيضان النهر، "
        "وقالت المتحدثة باسم الدفاع المدني ريم الحداد إن المياه غمرت الأحياء المنخفضة، فيما أعلن محافظ وادي السنديان سليم العارف "
        "تعليق الدراسة في جميع المدارس."
    )
    fair = (
        "افتتاح معرض الكتاب في مرفأ النخيل\n\n"
        "افتتح محافظ مرفأ النخيل معرض الكتاب السنوي بمشاركة مئة وعشرين دار نشر من أنحاء المنطقة، "
        "وقال المحافظ إن المعرض سيستمر عشرة أيام وسيضم ندوات وأمسيات شعرية للأطفال والشباب."
    )
    late.write_text(
        "".join(json.dumps({"url": f"https://undated.example/news/{k}", "text": t}, ensure_ascii=False) + "\n" for k, t in (("flood", flood), ("fair", fair))),
        encoding="utf-8",
    )
    files = [str(p) for p in sorted(DEMO_CORPUS.iterdir())]

    def later_run(db: str, read_every_story: bool) -> tuple[dict[str, Any], list[set[str] | None], set[str]]:
        summed.clear()
        with open_store(db) as store:
            run_analysis(files, store, ctx.settings, ctx)
            archive = {s for s, _ in store.story_assignments().values()}
            read: list[set[str] | None] = []
            articles, assignments, signatures = type(store).story_articles, type(store).story_assignments, type(store).story_signatures

            def spy_articles(self: Store, stories: Any = None) -> Any:
                read.append(None if stories is None else set(stories))
                return articles(self, None if read_every_story and stories else stories)

            def spy_signatures(self: Store, stories: Any) -> Any:
                # a story restored from its kept sums is read too: its members' signatures only
                summed.append(set(stories))
                return signatures(self, stories)

            def spy_assignments(self: Store, stories: Any = None) -> Any:
                return assignments(self, None if read_every_story else stories)

            monkeypatch.setattr(type(store), "story_articles", spy_articles)
            monkeypatch.setattr(type(store), "story_assignments", spy_assignments)
            monkeypatch.setattr(type(store), "story_signatures", spy_signatures)
            summary = run_analysis([str(late)], store, ctx.settings, ctx)
            monkeypatch.undo()
            assert not summary.failed
            published = store.execute("SELECT a.published FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.source = ?", (str(late),)).fetchall()
            assert published == [(None,), (None,)]
            return _contents(store), read + summed, archive

    summed: list[set[str]] = []
    keyed, read, archive = later_run(str(tmp_path / "keyed.db"), read_every_story=False)
    every, _, _ = later_run(str(tmp_path / "every.db"), read_every_story=True)
    assert keyed == every
    # The stories the later run read: from their members' vectors, and from their kept sums (whose
    # members' signatures it read)
    members, signed = read[-2], read[-1]
    assert members is not None and signed, read
    stories = members | signed
    assert stories < archive, (stories, archive)
    with open_store(str(tmp_path / "keyed.db")) as store:
        flood = store.execute("SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE a.headline LIKE 'فيضانات وادي السنديان%'").fetchall()
    assert {s for (s,) in flood} <= stories, (stories, flood)
