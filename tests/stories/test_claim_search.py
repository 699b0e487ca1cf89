"""A story's claim search is kept in the store and gone on from: a run whose new members come after
the stored ones in story order reads only the new members' sentences, and the dossier is the one
reading every member gives (stories/dossier.ClaimSearch)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from marsad.arabic.sentences import split_sentences
from marsad.context import Context
from marsad.engine.local import run_analysis
from marsad.store import open_store
from marsad.stories import build, dossier
from marsad.stories.build import dossier_of
from marsad.stories.cluster import content_terms
from marsad.stories.dossier import ClaimSearch, build_dossier_from
from marsad.stories.weights import reference_weights, story_weights
from tests.conftest import SHARED
from tests.stories.test_claims import KIM, PUTIN, _record

EGYPT = SHARED / "data" / "news" / "egypt2013" / "articles.jsonl"
FIRST, LATER = 160, 80  # the day's earliest articles, then the next ones



def _pages(folder: Path) -> tuple[Path, Path]:
    """egypt2013's earliest FIRST + LATER articles of its day as a scraper's JSONL pages (dated by
    the feed), in two files: the earlier ones and the later ones."""
    if not EGYPT.exists():
        pytest.skip(f"needs {EGYPT} (../shared beside the repo); not found")
    with EGYPT.open(encoding="utf-8") as f:
        articles = sorted(map(json.loads, f), key=lambda r: (r["datetime"], r["id"]))[: FIRST + LATER]
    pages = [
        {"url": f"https://egypt2013.invalid/{r['outlet']}/{r['id']}", "text": f"{r['headline']}\n\n{r['text']}", "outlet": r["outlet"], "published": r["datetime"]}
        for r in articles
    ]
    files = (folder / "earlier.jsonl", folder / "later.jsonl")
    for path, part in zip(files, (pages[:FIRST], pages[FIRST:]), strict=True):
        path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in part), encoding="utf-8")
    return files


def _as_rebuilt(db: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Each story's dossier as stored, and as built again from all its members' records."""
    stored, rebuilt = {}, {}
    with open_store(db) as store:
        placed = store.story_assignments()
        idf = story_weights(store.entity_names())
        for story_id in sorted({s for s, _ in placed.values()}):
            ids = [a for a, (s, _) in placed.items() if s == story_id]
            records = store.records(ids, with_removed=False)
            copies = {a: c for a, (s, c) in placed.items() if s == story_id and c}
            built, _ = dossier_of((story_id, [records[i] for i in ids], copies, None), idf)
            rebuilt[story_id] = built.to_json()
            shown = store.get_story(story_id)
            stored[story_id] = shown.to_json() if shown else None
    return stored, rebuilt


@pytest.mark.shared
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_later_run_goes_on_from_the_kept_claim_searches(backend: str, tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    earlier, later = _pages(tmp_path)
    db = str(tmp_path / "two.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    read: list[tuple[int, int]] = []  # (articles the search had read, articles it reads now)
    real = ClaimSearch.read

    def spy(self: ClaimSearch, articles: Any) -> None:
        read.append((len(self.members), len(articles)))
        real(self, articles)

    # Kept from three members on here: a day's first 240 articles make few larger stories.
    monkeypatch.setattr(build, "KEEP_SEARCH_FROM", 3)
    with open_store(db) as store:
        assert not run_analysis([str(earlier)], store, ctx.settings, ctx).failed
        monkeypatch.setattr(ClaimSearch, "read", spy)
        assert not run_analysis([str(later)], store, ctx.settings, ctx).failed
    monkeypatch.undo()
    # Stories the later articles joined went on from what the first run read, and their
    # dossiers are those reading every member gives.
    assert sum(before for before, _ in read) >= 6 and sum(1 for before, _ in read if before) >= 3, read
    stored, rebuilt = _as_rebuilt(db)
    assert stored == rebuilt


@pytest.mark.shared
def test_a_kept_search_round_trips_and_is_refused_when_read_by_other_rules(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    earlier, _ = _pages(tmp_path)
    monkeypatch.setattr(build, "KEEP_SEARCH_FROM", 3)
    with open_store(str(tmp_path / "one.db")) as store:
        assert not run_analysis([str(earlier)], store, ctx.settings, ctx).failed
        stories = {s for s, _ in store.story_assignments().values()}
        kept = store.claim_searches(stories)
    with open_store(str(tmp_path / "one.db")) as store:
        sizes = Counter(s for s, _ in store.story_assignments().values())
        records = store.records([a for members, _ in kept.values() for a in members], with_removed=False)
    assert kept and kept.keys() == {s for s in stories if sizes[s] >= 3}
    idf = reference_weights()
    for members, text in kept.values():
        search = ClaimSearch.from_json(text, idf, [records[a] for a in members])
        assert search is not None and search.members == members
        assert search.to_json() == text
    # Rules or data changed since: the kept search is read again from the first member.
    dossier.search_format.cache_clear()
    monkeypatch.setattr(dossier, "_SEARCH_SOURCES", (*dossier._SEARCH_SOURCES, "stories/build.py"))
    try:
        assert all(ClaimSearch.from_json(text, idf, [records[a] for a in members]) is None for members, text in kept.values())
    finally:
        dossier.search_format.cache_clear()


@contextmanager
def _reads() -> Iterator[list[list[str]]]:
    """The members each ClaimSearch.read reads meanwhile, by id."""
    reads: list[list[str]] = []
    real = ClaimSearch.read

    def spy(self: ClaimSearch, articles: Any) -> None:
        reads.append([r.id for r in articles])
        real(self, articles)

    ClaimSearch.read = spy  # type: ignore[method-assign]
    try:
        yield reads
    finally:
        ClaimSearch.read = real  # type: ignore[method-assign]


def test_a_search_gone_on_from_finds_what_one_reading_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept after two articles and gone on from with a third, the search holds the claims and
    the disagreements (the third's count against the first's, its denial against the second's
    assertion) one reading of the three finds; kept after the third, a search is read again
    from the first member when a new member comes before it in story order, the kept members
    taking their kept sentences (only the new member's text is split)."""
    a = _record("a", "الأولى", "قال مسؤولون في المدينة إن 20 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم.", [])
    b = _record("b", "الثانية", "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقا عسكريا لتزويد روسيا بالذخائر.", [PUTIN, KIM])
    c = _record(
        "c",
        "الثالثة",
        "قال مسؤولون في المدينة إن 35 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم. "
        "ولم يوقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون أي اتفاق عسكري لتزويد روسيا بالذخائر.",
        [PUTIN, KIM],
    )
    idf = story_weights({"e-putin": "فلاديمير بوتين", "e-kim": "كيم جونغ أون"})
    whole, whole_search = build_dossier_from(None, "s", [a, b, c], {}, [], idf)
    assert sorted(d.kind for d in whole.disagreements) == ["denial", "numbers"]
    _, kept = build_dossier_from(None, "s", [a, b], {}, [], idf)
    split: list[str] = []  # the members whose text is split into sentences
    real = dossier._sentences
    monkeypatch.setattr(dossier, "_sentences", lambda articles, idf: (split.extend(r.id for r in articles), real(articles, idf))[1])
    with _reads() as reads:
        on, on_search = build_dossier_from(kept.to_json(), "s", [a, b, c], {}, [], idf)
        # «0» sorts before «a»: a member coming before the kept ones is read with all of them again
        early = _record("0", "الرابعة", "قال مسؤولون في المدينة إن 20 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم.", [])
        again, again_search = build_dossier_from(on_search.to_json(), "s", [early, a, b, c], {}, [], idf)
    assert reads == [["c"], ["0", "a", "b", "c"]]
    assert split == ["c", "0"]
    assert on == whole and on_search.to_json() == whole_search.to_json()
    fresh, fresh_search = build_dossier_from(None, "s", [early, a, b, c], {}, [], idf)
    assert again == fresh and again_search.to_json() == fresh_search.to_json()


@pytest.mark.shared
def test_a_page_told_again_at_its_address_joins_as_read_from_every_member(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page scraped again with more text (--reprocess) is a new article of the story: the story's
    dossier with a kept search is the one reading every member gives, and tells the new text."""
    from dataclasses import replace

    earlier, later = _pages(tmp_path)
    monkeypatch.setattr(build, "KEEP_SEARCH_FROM", 3)
    db = str(tmp_path / "m.db")
    with open_store(db) as store:
        assert not run_analysis([str(earlier), str(later)], store, ctx.settings, ctx).failed
        placed = store.story_assignments()
        sizes = Counter(s for s, _ in placed.values())
        story = next(s for s, n in sizes.most_common() if n >= 3)
        records = store.records([a for a, (s, _) in placed.items() if s == story], with_removed=False)
        last, other = sorted(records.values(), key=lambda a: (a.published or "9999", a.id))[::-1][:2]
    # The story's last member told again with a sentence of another member it does not tell: one
    # more claim of two articles.
    told = next(s.text for s in split_sentences(other.text) if len(content_terms(s.text)) >= 8 and s.text not in last.text)
    pages = [json.loads(line) for f in (earlier, later) for line in f.read_text(encoding="utf-8").splitlines()]
    (page,) = [p for p in pages if p["url"] == last.url]
    page["text"] += "\n\n" + told
    again = tmp_path / "again.jsonl"
    again.write_text(json.dumps(page, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_store(db) as store:
        assert not run_analysis([str(again)], store, replace(ctx.settings, reprocess=True), ctx).failed
    stored, rebuilt = _as_rebuilt(db)
    assert stored == rebuilt
    assert any(v["text"] == told for c in stored[story]["claims"] for v in c["variants"])


def test_a_member_whose_names_changed_is_read_again() -> None:
    """A kept search read a member whose entity is another now (two entities merged since, and
    the run that merged them did not get to its stories): it is read again, with every member
    after it, and the dossier is the one reading every member gives. A damaged kept search is
    read again too."""
    a = _record("a", "الأولى", "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقا عسكريا لتزويد روسيا بالذخائر.", [KIM])
    b = _record("b", "الثانية", "ووقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقا عسكريا لتزويد روسيا بالذخائر.", [("كيم جونغ أون", "e-other", "PER")])
    c = _record("c", "الثالثة", "قال مسؤولون في المدينة إن 20 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم.", [])
    idf = story_weights({"e-putin": "فلاديمير بوتين", "e-kim": "كيم جونغ أون", "e-other": "كيم جونغ أون"})
    _, kept = build_dossier_from(None, "s", [a, b], {}, [], idf)
    assert kept.to_json() and not build_dossier_from(None, "s", [a, b], {}, [], idf)[0].claims  # two entities: two facts
    merged = _record("b", "الثانية", b.text, [KIM])
    whole, whole_search = build_dossier_from(None, "s", [a, merged, c], {}, [], idf)
    assert [sorted(x.articles) for x in whole.claims] == [["a", "b"]]
    with _reads() as reads:
        on, on_search = build_dossier_from(kept.to_json(), "s", [a, merged, c], {}, [], idf)
        damaged = build_dossier_from(kept.to_json()[:-5], "s", [a, merged, c], {}, [], idf)[0]
    assert reads == [["b", "c"], ["a", "b", "c"]]  # the member before it is not read again
    assert on == whole and on_search.to_json() == whole_search.to_json()
    assert damaged == whole
    head, _, rows = kept.to_json().partition("\n")
    short = json.loads(head)
    short["claim_of"] = short["claim_of"][:-1]  # a claim lost: the kept search is not gone on from
    assert ClaimSearch.from_json(json.dumps(short, ensure_ascii=False) + "\n" + rows, idf, [a, merged, c]) is None
    assert ClaimSearch.from_json(head + "\n" + json.dumps([[1, 2]] * len(json.loads(rows))), idf, [a, merged, c]) is None  # rows of another shape


def test_a_search_gone_on_from_part_of_its_members_finds_what_one_reading_finds() -> None:
    """A kept search whose third member's names changed goes on from its first two: it keeps their
    claims and the disagreement between them, drops the ones the third member was in, reads the
    members' quotes again, and gives the dossier and the search one reading of all gives."""
    a = _record("a", "الأولى", "قال مسؤولون في المدينة إن 20 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم.", [])
    b = _record(
        "b",
        "الثانية",
        "قال مسؤولون في المدينة إن 35 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم. "
        "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقا عسكريا لتزويد روسيا بالذخائر.",
        [PUTIN, KIM],
    )
    c = _record("c", "الثالثة", "ولم يوقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون أي اتفاق عسكري لتزويد روسيا بالذخائر.", [PUTIN, ("كيم جونغ أون", "e-other", "PER")])
    d = _record("d", "الرابعة", "قال مسؤولون في المدينة إن 20 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم.", [])
    idf = story_weights({"e-putin": "فلاديمير بوتين", "e-kim": "كيم جونغ أون", "e-other": "كيم جونغ أون"})
    _, kept = build_dossier_from(None, "s", [a, b, c, d], {}, [], idf)
    merged = _record("c", "الثالثة", c.text, [PUTIN, KIM])
    whole, whole_search = build_dossier_from(None, "s", [a, b, merged, d], {}, [], idf)
    assert sorted(x.kind for x in whole.disagreements) == ["denial", "numbers", "numbers"]
    on, on_search = build_dossier_from(kept.to_json(), "s", [a, b, merged, d], {}, [], idf)
    assert on == whole and on_search.to_json() == whole_search.to_json()
