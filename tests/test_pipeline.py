"""Golden tests on real pages (../shared/corpus) and on the demo corpus, and the audit law:
every line of a page ends up somewhere — headline, body text or a labelled removed span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.arabic.normalize import phrase_key
from marsad.article import Article, Page
from marsad.context import Context
from marsad.ingest.readers import read_file
from marsad.pipeline import analyze_page

from .conftest import DEMO_CORPUS, SAMPLE_CORPUS, analyze_text

GOLDEN = Path(__file__).parent / "golden"


def _has(text: str, snippet: str) -> bool:
    return phrase_key(snippet) in phrase_key(text)


@pytest.mark.shared
@pytest.mark.parametrize("case", json.loads((GOLDEN / "sample.json").read_text(encoding="utf-8")), ids=lambda c: c["page"])
def test_pipeline_sample_page_golden(sample_articles: dict[str, list[Article]], case: dict) -> None:
    _check_golden(sample_articles[case["page"]], case)


@pytest.mark.parametrize(
    "case", json.loads((GOLDEN / "demo.json").read_text(encoding="utf-8")), ids=lambda c: f"{c['page']}#{c.get('record', 0)}"
)
def test_pipeline_demo_page_golden(ctx: Context, case: dict) -> None:
    pages = [p for p in read_file(str(DEMO_CORPUS / case["page"]), ctx.settings) if isinstance(p, Page)]
    _check_golden(analyze_page(pages[case.get("record", 0)], ctx), case)


def _check_golden(articles: list[Article], case: dict) -> None:
    host = articles[0]
    for key in ("outlet", "headline", "author", "published", "language"):
        if key in case:
            assert getattr(host, key) == case[key], key
    for key, rule in case.get("evidence", {}).items():
        ev = getattr(host, f"{key}_evidence")
        assert ev is not None and ev.rule == rule, key
    assert _has(host.text[:200], case["body_first"])
    assert _has(host.text[-300:], case["body_last"])
    for s in case.get("must_contain", []):
        assert _has(host.text, s), s
    for s in case.get("must_not_contain", []):
        assert not _has(host.text, s), s
    reasons = {r.reason for r in host.removed}
    assert set(case.get("removed_reasons", [])) <= reasons, reasons
    appended = articles[1:]
    assert [a.headline for a in appended] == case.get("appended", [])
    for a in appended:
        assert a.appended_to == host.id
        assert a.published is None or a.published != host.published
    for key, value in case.get("appended_fields", {}).items():
        assert all(getattr(a, key) == value for a in appended), key


def _page_lines(article_group: list[Article]) -> set[str]:
    out: set[str] = set()
    for a in article_group:
        out |= {phrase_key(p) for p in a.text.split("\n\n")}
        out |= {phrase_key(r.text) for r in a.removed}
        if a.headline:
            out.add(phrase_key(a.headline))
    return out


def _all_pages(ctx: Context) -> list[Page]:
    pages = [p for f in sorted(DEMO_CORPUS.iterdir()) for p in read_file(str(f), ctx.settings) if isinstance(p, Page)]
    if SAMPLE_CORPUS.is_dir():
        pages += [Page(str(f), f.read_text(encoding="utf-8"), "text") for f in sorted(SAMPLE_CORPUS.glob("*.txt"))]
    return pages


def test_pipeline_nothing_silently_lost(ctx: Context) -> None:
    """Every non-blank line of a text page is kept, whole or split by a recorded repair."""
    for page in _all_pages(ctx):
        if page.format != "text":
            continue
        articles = analyze_page(page, ctx)
        kept = _page_lines(articles)
        # a repaired line is split into pieces that, in order and without spaces, spell it again
        flat = "".join(phrase_key(a.text + " " + " ".join(r.text for r in a.removed)).replace(" ", "") for a in articles)
        repaired_lines = {r.line for a in articles for r in a.repairs}
        for n, line in enumerate(page.content.splitlines(), start=1):
            key = phrase_key(line)
            if key and key not in kept:
                assert n in repaired_lines and key.replace(" ", "") in flat, (page.source, n, line)


def test_pipeline_stored_text_is_the_page_text(ctx: Context) -> None:
    """Cleaning removes and splits lines; it never rewrites a character of what it keeps."""
    for page in _all_pages(ctx):
        if page.format != "text":
            continue
        for a in analyze_page(page, ctx):
            for para in a.text.split("\n\n"):
                assert para in page.content, (page.source, para[:40])


def test_pipeline_ids_stable_and_unique(ctx: Context) -> None:
    pages = _all_pages(ctx)
    first = [a.id for p in pages for a in analyze_page(p, ctx)]
    again = [a.id for p in pages for a in analyze_page(p, ctx)]
    assert first == again and len(set(first)) == len(first)


def test_pipeline_update_stamp_of_appended_article_never_dates_host(ctx: Context) -> None:
    text = (
        "عنوان الخبر الرئيسي عن الاجتماع\n\n"
        "اجتمع الوزراء اليوم في العاصمة لبحث الأزمة الاقتصادية التي تمر بها البلاد منذ أشهر وخرجوا بتوصيات عدة.\n\n"
        "اقرأ أيضاً:\nعنوان مقال آخر ملحق بالصفحة\nآخر تحديث: 28 فبراير 2025\n"
        "نص المقال الملحق الذي لا علاقة له بالخبر الرئيسي ويتحدث عن موضوع مختلف تماما عن موضوع الاجتماع.\n"
    )
    host, appended = analyze_text(ctx, text)
    assert host.published is None and host.updated is None
    assert appended.updated == "2025-02-28" and appended.published is None


def test_pipeline_page_without_headline_or_metadata(ctx: Context) -> None:
    text = "هذا نص طويل بلا عنوان ولا تاريخ ولا اسم موقع، يبدأ مباشرة بفقرة كاملة تنتهي بنقطة كما يحدث أحيانا.\n"
    (a,) = analyze_text(ctx, text)
    assert (a.headline, a.outlet, a.author, a.published) == (None, None, None, None)
    assert a.text.startswith("هذا نص طويل")


def test_pipeline_non_arabic_page_kept_unmangled(ctx: Context) -> None:
    text = "Floods hit the eastern bank\n\nHeavy rain overnight flooded hundreds of homes on the eastern bank of the river, officials said on Monday.\n"
    (a,) = analyze_text(ctx, text)
    assert a.language == "en" and a.headline == "Floods hit the eastern bank"
    assert a.text == "Heavy rain overnight flooded hundreds of homes on the eastern bank of the river, officials said on Monday."
