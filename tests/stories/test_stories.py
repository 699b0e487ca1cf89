"""Stories: clustering, near-copies, corroboration by independent source, disagreements and
publication dates inferred from the story."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

import pytest

from marsad.article import Article, Quote, SourceRef, TimeRef
from marsad.stories.build import StoryArticle, assign, vectorise
from marsad.stories.cluster import Clusterer, Doc, Story, StorySums, idf_of, make_doc, mark_copies, minhash
from marsad.stories.dates import InferredDate, infer_published
from marsad.stories.dossier import build_dossier
from marsad.stories.records import Dossier
from tests.conftest import SHARED

SUMMIT = "التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في قاعدة فوستوتشني الفضائية وبحثا التعاون العسكري والفضائي وصفقات الأسلحة المحتملة"
FLOOD = "غمرت مياه النهر الأحياء الشرقية في وادي السنديان بعد أمطار غزيرة وأجليت مئات الأسر وأعلن الدفاع المدني حالة الطوارئ"


def record(article_id: str, outlet: str, text: str, published: str | None = "2023-09-13", agencies: tuple[str, ...] = ()) -> Article:
    """An article as the store returns it, citing these agencies (at its start)."""
    return Article(
        id=article_id,
        page_id=article_id,
        source=f"{article_id}.txt",
        seq=0,
        outlet=outlet,
        published=published,
        text=text,
        sources=[agency(a, 0, 1) for a in agencies],
    )


def agency(name: str, start: int, end: int) -> SourceRef:
    return SourceRef(name, f"agency:{name}", "agency", start, end)


def dossier_of(records: list[Article], copies: dict[str, str] | None = None, inferred: list[InferredDate] | None = None) -> Dossier:
    idf = idf_of(make_doc(r.id, r.outlet, None, r.text, None, []) for r in records)
    return build_dossier("s", records, copies or {}, inferred or [], idf)


def test_articles_of_one_event_join_and_another_event_stays_apart() -> None:
    docs = [
        make_doc("a", "x", date(2023, 9, 13), SUMMIT, None, ["e-putin", "e-kim"]),
        make_doc("b", "y", date(2023, 9, 13), SUMMIT.replace("وبحثا", "حيث ناقشا"), None, ["e-putin", "e-kim"]),
        make_doc("c", "z", date(2023, 9, 14), FLOOD, None, ["e-sindyan"]),
    ]
    clusterer = Clusterer(idf_of(docs))
    stories = [clusterer.place(d) for d in docs]
    assert stories[0] == stories[1] != stories[2]


def test_the_date_window_keeps_a_later_event_apart() -> None:
    docs = [make_doc("a", "x", date(2023, 9, 13), SUMMIT, None, ["e-kim"]), make_doc("b", "y", date(2023, 11, 1), SUMMIT, None, ["e-kim"])]
    clusterer = Clusterer(idf_of(docs))
    assert clusterer.place(docs[0]) != clusterer.place(docs[1])


def test_an_undated_article_split_off_a_page_joins_only_as_a_copy() -> None:
    """A «read also» article glued to a page, with no date of its own, has no evidence of when it
    was written: the same topic is not enough to join a story; being a near-copy is."""
    teaser = "كيم جونغ أون وفلاديمير بوتين بحثا في قاعدة فوستوتشني الفضائية التعاون العسكري وصفقات الأسلحة وسفينة حربية جديدة"

    def place(appended: bool) -> list[str]:
        docs = [
            make_doc("a", "x", date(2023, 9, 13), SUMMIT, None, ["e-putin", "e-kim"]),
            make_doc("b", "x", None, teaser, None, ["e-putin", "e-kim"], appended=appended),
            make_doc("c", "y", None, SUMMIT, None, ["e-putin", "e-kim"], appended=True),
        ]
        mark_copies(docs)
        clusterer = Clusterer(idf_of(docs))
        return [clusterer.place(doc) for doc in docs]

    a, b, _ = place(appended=False)
    assert b == a  # as an article of its own page, the teaser's topic is enough
    a, b, c = place(appended=True)
    assert b != a  # glued to another's page without a date: its own story
    assert c == a  # a near-copy joins what it copies, glued or not


def test_one_shared_person_days_later_is_not_the_same_event() -> None:
    """A minister's visit and, two days later, his press conference on another subject: one
    shared name and few shared words. The same name the same day, with the event's words, joins."""
    visit = "وصل وزير الخارجية حازم السعدي إلى العاصمة المجاورة ووقع مذكرة تفاهم حول المعابر الحدودية وحركة الشاحنات"
    presser = "أكد حازم السعدي في مؤتمر صحفي أن الحكومة لن تجبر اللاجئين على العودة ودعا المانحين إلى دعم المخيمات"
    docs = [
        make_doc("visit", "x", date(2025, 8, 10), visit, None, ["e-saadi"]),
        make_doc("visit-2", "y", date(2025, 8, 10), visit.replace("ووقع", "حيث وقع"), None, ["e-saadi"]),
        make_doc("presser", "z", date(2025, 8, 12), presser, None, ["e-saadi"]),
        make_doc("other", "w", date(2025, 8, 12), FLOOD, None, []),
    ]
    clusterer = Clusterer(idf_of(docs))
    stories = [clusterer.place(d) for d in docs]
    assert stories[0] == stories[1] != stories[2]


def test_words_match_behind_proclitics() -> None:
    a = make_doc("a", "x", None, "والأسر في الوادي", None, [])
    b = make_doc("b", "y", None, "الأسر بالوادي", None, [])
    assert set(a.terms) == set(b.terms)


def test_near_copies_are_marked() -> None:
    docs = [make_doc("a", "x", date(2023, 9, 13), SUMMIT, None, []), make_doc("b", "y", date(2023, 9, 13), SUMMIT + " اليوم", None, [])]
    mark_copies(docs)
    assert [d.copy_of for d in docs] == [None, "a"]
    assert float((minhash(SUMMIT) == minhash(FLOOD)).mean()) < 0.2


def test_corroboration_counts_original_sources_not_outlets() -> None:
    """Three outlets repeating one AFP report, and a syndicated copy, are one source; an outlet
    with its own reporting is another."""
    claim = "قالت روسيا إنها ستساعد كوريا الشمالية في بناء أقمار صناعية خلال العام المقبل وفق اتفاق فضائي جديد"
    records = [
        record("a", "الأفق", claim, agencies=("فرانس برس",)),
        record("b", "المدار", claim.replace("قالت", "أعلنت"), agencies=("فرانس برس",)),
        record("c", "صوت المدينة", claim.replace("العام المقبل", "السنة المقبلة"), agencies=("فرانس برس",)),
        record("d", "الخليج", claim),
        record("e", "نسخة", claim, agencies=("رويترز",)),
    ]
    dossier = dossier_of(records, {"e": "a"})
    (top,) = [c for c in dossier.claims if len(c.articles) == 5]
    assert top.independent_sources == ("الخليج", "فرانس برس")
    assert dossier.summary[0].sources == ("الخليج", "فرانس برس")


def test_a_sentence_is_credited_to_the_agency_it_follows_not_to_every_agency_of_its_article() -> None:
    fact = "ستساعد روسيا كوريا الشمالية في بناء أقمار صناعية خلال العام المقبل وفق اتفاق فضائي جديد."
    intro = "ذكرت وكالة تاس أن الزعيمين اجتمعا في قاعدة فوستوتشني الفضائية أمس لساعات طويلة."
    coda = "وقالت فرانس برس إن واشنطن حذرت من أي صفقات أسلحة بين البلدين في الأسابيع المقبلة."
    a = record("a", "الأفق", f"{intro}\n{fact}\n{coda}")
    a.sources = [agency("تاس", 11, 14), agency("فرانس برس", len(intro) + len(fact) + 8, len(intro) + len(fact) + 17)]
    b = record("b", "المدار", fact.replace("ستساعد", "سوف تساعد"))
    claims = dossier_of([a, b]).claims
    (shared,) = [c for c in claims if c.articles == ("a", "b")]
    # the fact follows TASS's sentence; AFP is cited only after it; b cites no one: its outlet
    assert shared.independent_sources == ("المدار", "تاس")


def test_a_denial_against_an_assertion_is_a_disagreement() -> None:
    records = [
        record("a", "الأفق", "وقع الزعيمان اتفاقا للتعاون العسكري خلال القمة في قاعدة فوستوتشني الفضائية أمس"),
        record("b", "المدار", "لم يوقع الزعيمان أي اتفاق للتعاون العسكري خلال القمة في قاعدة فوستوتشني الفضائية أمس"),
    ]
    (d,) = dossier_of(records).disagreements
    assert d.kind == "denial" and {s.outlet for s in d.sides} == {"الأفق", "المدار"}


def test_a_negation_in_a_sentence_that_only_shares_the_topic_is_no_disagreement() -> None:
    records = [
        record(
            "a", "الأفق", "وأشار مراقبون إلى أن القمة هي الأولى بين زعيمي البلدين منذ خمس سنوات بعد توتر بسبب حقوق الصيد في المياه المشتركة"
        ),
        record("b", "المدار", "ويذكر أن القمة لم تتطرق علنا إلى الخلاف على حقوق الصيد في المياه المشتركة بين البلدين"),
    ]
    assert dossier_of(records).disagreements == ()


def test_different_numbers_for_one_fact_are_a_disagreement() -> None:
    records = [
        record("a", "الأفق", "لقي ثلاثة أشخاص حتفهم وأجليت 400 أسرة من منازلها في وادي السنديان بعد الفيضان"),
        record("b", "المدار", "لقي خمسة أشخاص حتفهم وأجليت 600 أسرة من منازلها في وادي السنديان بعد الفيضان"),
    ]
    (d,) = dossier_of(records).disagreements
    assert d.kind == "numbers"


def test_publication_date_inferred_from_the_story() -> None:
    text = "وصل الزعيم إلى فلاديفوستوك صباح اليوم السبت، بعد لقائه بوتين الأربعاء الماضي في قاعدة فوستوتشني."
    found = infer_published("x", text, {date(2023, 9, 13), date(2023, 9, 12)})
    assert found is not None and found.date == "2023-09-16"
    assert "الأربعاء الماضي" in found.evidence


def test_yesterday_with_its_weekday_fixes_the_publication_day() -> None:
    """«أمس الخميس» was written on a Friday: of the days whose yesterday the story knows (the
    12th and the 14th), only the 15th puts that yesterday on a Thursday."""
    text = "وكان الزعيمان قد التقيا أمس الخميس في قاعدة فوستوتشني شرقي البلاد."
    found = infer_published("x", text, {date(2023, 9, 13), date(2023, 9, 14)})
    assert found is not None and found.date == "2023-09-15"


def test_no_date_is_inferred_when_the_evidence_fits_several_days() -> None:
    assert infer_published("x", "التقى الزعيمان الأربعاء في القاعدة.", {date(2023, 9, 13)}) is None


def test_timeline_marks_days_known_only_through_an_inferred_date() -> None:
    records = [
        record("a", "الأفق", "التقى الزعيمان الأربعاء في القاعدة.", "2023-09-13"),
        record("b", "المدار", "وصل كيم اليوم السبت إلى فلاديفوستوك.", None),
    ]
    records[0].times = [TimeRef("الأربعاء", 14, 22, "2023-09-13", "2023-09-13")]
    timeline = dossier_of(records, inferred=[InferredDate("b", "2023-09-16", ("اليوم السبت",))]).timeline
    assert [(e.date, e.inferred) for e in timeline] == [("2023-09-13", False), ("2023-09-16", True)]


@pytest.mark.shared
def test_sample_pages_form_one_story_without_the_appended_article(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from marsad.context import Settings
    from marsad.engine.local import run_analysis
    from marsad.store.sqlite import Store
    from tests.conftest import SAMPLE_CORPUS

    with Store(str(tmp_path / "m.db")) as store:
        summary = run_analysis([str(SAMPLE_CORPUS)], store, Settings(workers=1, progress=False))
        stories = store.run_stories(summary.run_id)
        records = list(store.iter_run_records(summary.run_id))
    mains = {r.id for r in records if not r.appended_to}
    appended = {r.id for r in records if r.appended_to}
    (home,) = [s for s in stories if mains <= set(s.articles)]
    assert not appended & set(home.articles)
    days = Counter(e.date for e in home.timeline)
    assert {"2023-09-13", "2023-09-15", "2023-09-16"} <= set(days)
    assert [i.date for i in home.inferred_published] == ["2023-09-16"]
    # The pages retell the same facts in their own words: some are found as shared claims.
    assert home.claims and all(len(c.articles) >= 2 for c in home.claims)
    assert any(len(s.articles) >= 2 for s in home.summary)


def quoted(article_id: str, outlet: str, speaker: str, *texts: str) -> Article:
    """An article of these quotes by one speaker (resolved to the entity `speaker`)."""
    r = record(article_id, outlet, " ".join(texts))
    at = 0
    for t in texts:
        start = r.text.index(t, at)
        at = start + len(t)
        r.quotes.append(Quote(t, "direct", start, at, None, speaker, speaker_id=speaker))
    return r


def test_one_utterance_is_matched_across_outlets_in_other_words_and_in_part() -> None:
    records = [
        quoted(
            "a",
            "الأفق",
            "e-kim",
            "سنقف دائما إلى جانب روسيا في معركتها العادلة ضد قوى الهيمنة الغربية من أجل عالم متعدد الأقطاب",
            "سنعزز التعاون في مجال الفضاء",
        ),
        quoted("b", "المدار", "e-kim", "سنقف على الدوام إلى جانب روسيا في معركتها العادلة ضد الهيمنة"),
        quoted("c", "صوت المدينة", "e-kim", "ضد قوى الهيمنة الغربية"),
        quoted("d", "الخليج", "e-putin", "سنقف دائما إلى جانب روسيا في معركتها"),
    ]
    clusters = dossier_of(records).quotes
    home = {(c.speaker_id, v.text): c for c in clusters for v in c.variants}
    kim = home[("e-kim", "سنقف دائما إلى جانب روسيا في معركتها العادلة ضد قوى الهيمنة الغربية من أجل عالم متعدد الأقطاب")]
    assert sorted(v.article for v in kim.variants) == ["a", "b", "c"]  # reworded, and a part of it
    assert home[("e-kim", "سنعزز التعاون في مجال الفضاء")] is not kim  # another thing Kim said
    assert [v.article for v in home[("e-putin", "سنقف دائما إلى جانب روسيا في معركتها")].variants] == ["d"]


def test_a_dated_article_does_not_join_a_story_of_undated_ones() -> None:
    """A story of undated articles has no evidence of when it happened: a dated article on the
    same topic starts its own story, and an undated one placed after still joins the dated story."""
    undated = make_doc("u", "x", None, SUMMIT, None, ["e-putin", "e-kim"])
    dated = make_doc("d", "y", date(2023, 9, 13), SUMMIT, None, ["e-putin", "e-kim"])
    later = make_doc("l", "z", None, SUMMIT, None, ["e-putin", "e-kim"])
    clusterer = Clusterer(idf_of([undated, dated, later]))
    first = clusterer.place(undated)
    second = clusterer.place(dated)
    assert second != first
    assert clusterer.place(later) in {first, second}


def test_a_story_restored_from_its_kept_sums_places_new_articles_as_its_members_do() -> None:
    """Real egypt2013 articles placed in two runs: the second restores the first run's stories
    from their kept sums (cluster.StorySums) or from their members' vectors, and places its new
    articles, dated and undated, the same way; the sums it keeps are those the first way gives."""
    path = SHARED / "data" / "news" / "egypt2013" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the repo); not found")
    with path.open(encoding="utf-8") as f:
        rows = sorted(map(json.loads, f), key=lambda r: (r["datetime"], r["id"]))[:400]

    def article(r: dict[str, str], dated: bool) -> StoryArticle:
        v = vectorise(r["id"], r["headline"], r["text"])
        return StoryArticle(r["id"], tuple(v.terms), tuple(v.terms.values()), v.signature, r["outlet"], r["datetime"] if dated else None, (), False)

    first = [article(r, True) for r in rows[:300]]
    # the later run's articles: most dated, every fourth undated, and a stored one's near-copy
    later = [article(r, k % 4 != 0) for k, r in enumerate(rows[300:])]
    later.append(StoryArticle("copy", first[0].words, first[0].counts, first[0].signature, "another", None, (), False))
    one = assign(first, {})
    placed = {a: (s, c) for a, (s, c) in one.members.items()}
    from_members = assign(first + later, placed)
    sums = {s: StorySums.from_json(text) for s, (_, text) in one.sums.items()}
    assert sums and len(sums) < len(set(one.changed)), "kept for the stories of three or more only"
    # The stories with no sums kept (one or two members) are restored from their members' vectors.
    small = [a for a in first if placed[a.article_id][0] not in sums]
    from_sums = assign(small + later, placed, None, sums, {a.article_id: a.signature for a in first})
    assert (from_sums.changed, from_sums.members, from_sums.copies) == (from_members.changed, from_members.members, from_members.copies)
    assert from_sums.copies["copy"] == first[0].article_id
    assert len(from_members.changed) > 1 and any(len(ids) > 2 for ids in from_members.changed.values())
    assert from_sums.sums == {s: kept for s, kept in from_members.sums.items() if s in from_sums.changed}


def test_candidate_days_a_week_apart_are_read_once_with_the_same_inferred_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real egypt2013 texts as undated members of a story of some six weeks: the dates inferred
    when later candidate days are the earlier ones moved by a week are those reading every
    candidate day gives (dates.WEEK made too large for the shortcut to be taken)."""
    path = SHARED / "data" / "news" / "egypt2013" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the repo); not found")
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(120), f, strict=False)]

    def inferred() -> list[InferredDate | None]:
        out = []
        for r in rows:
            day = date.fromisoformat(r["datetime"][:10])
            known = {day - timedelta(days=k) for k in (0, 1, 3, 10, 20, 30)}
            out.append(infer_published(r["id"], r["text"], known))
        return out

    shortcut = inferred()
    assert sum(x is not None for x in shortcut) >= 3
    monkeypatch.setattr("marsad.stories.dates.WEEK", 10**6)
    assert inferred() == shortcut


def _story_of(clusterer: Clusterer, story_id: str, texts: list[str]) -> None:
    clusterer.restore(story_id, [make_doc(f"{story_id}{k}", "x", date(2023, 9, 13), t, None, []) for k, t in enumerate(texts)])


def test_a_story_scores_an_undated_article_by_how_much_its_members_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """A story of one member, or of copies of one text, scores a new undated article at their
    cosine; a story whose members share little scores it under the cosine with their centroid
    (by how much they agree, to the power UNDATED_LINK), so a story of loosely related reports
    does not draw every report of their topic. A dated article is scored by the centroid alone."""
    from marsad.stories import cluster
    from marsad.stories.cluster import _read, similarity, weighted_cosine

    undated = make_doc("n", "x", None, SUMMIT, None, [])
    dated = make_doc("d", "x", date(2023, 9, 13), SUMMIT, None, [])
    words = SUMMIT.split()
    loose = [" ".join(words[k::4]) + " " + FLOOD.split()[k] for k in range(4)]  # each a quarter of the words
    clusterer = Clusterer(idf_of([undated]))
    reading = _read(undated, clusterer.idf)
    told = SUMMIT.replace("وبحثا", "حيث ناقشا")
    _story_of(clusterer, "one", [told])
    _story_of(clusterer, "copies", [told] * 3)
    _story_of(clusterer, "loose", loose)
    alone = weighted_cosine(reading.terms, _read(make_doc("m", "x", None, told, None, []), clusterer.idf).terms)
    assert similarity(undated, reading, clusterer.stories["one"]) == pytest.approx(alone)
    assert similarity(undated, reading, clusterer.stories["copies"]) == pytest.approx(alone)
    linked = similarity(undated, reading, clusterer.stories["loose"])
    as_dated = similarity(dated, reading, clusterer.stories["loose"])
    monkeypatch.setattr(cluster, "UNDATED_LINK", 0.0)
    centroid = similarity(undated, reading, clusterer.stories["loose"])
    assert as_dated == centroid
    monkeypatch.setattr(cluster, "UNDATED_LINK", 1.0)
    average = similarity(undated, reading, clusterer.stories["loose"])
    assert average < linked < centroid
    assert linked == pytest.approx((average * centroid) ** 0.5)


def test_an_undated_article_joins_at_a_threshold_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article scoring between the two thresholds joins the story dated and starts its own
    undated (the story's members say the same: agreement weighs nothing here)."""
    from marsad.stories import cluster
    from marsad.stories.cluster import _read, similarity

    told = make_doc("a", "x", date(2023, 9, 13), SUMMIT, None, [])
    half = " ".join(SUMMIT.split()[:12]) + " " + FLOOD
    score = similarity(make_doc("b", "y", None, half, None, []), _read(make_doc("b", "y", None, half, None, []), idf_of([told])), _one_story(told))
    monkeypatch.setattr(cluster, "JOIN_THRESHOLD", score - 0.01)
    monkeypatch.setattr(cluster, "UNDATED_JOIN_THRESHOLD", score + 0.01)
    for day, joins in ((date(2023, 9, 13), True), (None, False)):
        clusterer = Clusterer(idf_of([told]))
        first = clusterer.place(told)
        assert (clusterer.place(make_doc("b", "y", day, half, None, [])) == first) is joins


def _one_story(doc: Doc) -> Story:
    clusterer = Clusterer(idf_of([doc]))
    return clusterer.stories[clusterer.place(doc)]


def test_kept_sums_sum_the_members_entity_norms_with_the_weights_of_the_day() -> None:
    """An entity's weight follows its name: a story restored from sums kept before an entity was
    renamed weighs the members' entity norms as one restored from its members does."""
    from marsad.stories.weights import story_weights

    before, renamed = story_weights({"e-kim": "كيم"}), story_weights({"e-kim": "كيم جونغ أون"})
    assert renamed.get("e-kim", 1.0) != before.get("e-kim", 1.0)
    docs = [make_doc(f"a{k}", "x", date(2023, 9, 13), SUMMIT + " " + FLOOD.split()[k], None, ["e-kim", "e-putin"] + ["e-kim"] * k) for k in range(3)]
    clusterer = Clusterer(before)
    for d in docs:
        clusterer.place(d)
    (story_id,) = clusterer.stories
    kept = StorySums.from_json(clusterer.sums_of(story_id).to_json())
    assert kept == clusterer.sums_of(story_id)
    from_sums, from_members = Clusterer(renamed), Clusterer(renamed)
    from_sums.restore_sums(story_id, [d.id for d in docs], kept)
    from_members.restore(story_id, docs)
    a, b = from_sums.stories[story_id], from_members.stories[story_id]
    assert a.entities_members2 == pytest.approx(b.entities_members2) and a.entities_norm2 == pytest.approx(b.entities_norm2)
    assert a.terms_members2 == pytest.approx(b.terms_members2)
    assert a.entities_members2 != pytest.approx(clusterer.stories[story_id].entities_members2)
