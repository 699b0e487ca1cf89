"""A page's own description on pages from outlets marsad was not built with (issue 12): the site's
name however the page states it, authors who are people, dates in the outlet's own day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.article import Article, Page
from marsad.context import Context
from marsad.meta.dates import find_dates
from marsad.pipeline import analyze_page

from ..conftest import SHARED

REAL_HTML = SHARED / "corpus" / "real-html"
BODY = (
    "<p>غمرت المياه الأحياء المنخفضة في المدينة بعد أمطار غزيرة هطلت طوال الليل على المنطقة كلها، وقال المسؤولون إن فرق الإنقاذ تعمل.</p>"
    "<p>وأضافت السلطات أن المدارس ستغلق غدا بسبب الأحوال الجوية السيئة في كل مناطق البلاد حتى إشعار آخر.</p>"
)
HEADLINE = "أمطار غزيرة تغرق الأحياء المنخفضة في المدينة"


def _page(ctx: Context, head: str = "", body_top: str = "", footer: str = "", url: str | None = None) -> Article:
    html = f"<html><head><meta charset='utf-8'>{head}</head><body><h1>{HEADLINE}</h1>{body_top}{BODY}{footer}</body></html>"
    return analyze_page(Page(source="p.html", content=html, format="html", url=url), ctx)[0]


def test_description_unregistered_site_name_is_the_outlet(ctx: Context) -> None:
    a = _page(ctx, head="<meta property='og:site_name' content='Wadi Hawran Online'>")
    assert a.outlet == "Wadi Hawran Online"
    assert a.outlet_evidence is not None and a.outlet_evidence.rule == "html_site_name_unregistered"
    assert a.outlet_evidence.note is not None and "not in the outlet registry" in a.outlet_evidence.note


def test_description_registered_names_found_loosely(ctx: Context) -> None:
    a = _page(ctx, head="<meta property='og:site_name' content='قناة صدى البلد'>")
    assert a.outlet == "صدى البلد" and a.outlet_evidence is not None and a.outlet_evidence.rule == "html_site_name"
    ld = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Sada El Balad"}}
    b = _page(ctx, head=f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    assert b.outlet == "صدى البلد"


def test_description_title_suffix_names_the_site(ctx: Context) -> None:
    a = _page(ctx, head=f"<title>{HEADLINE} | Beirut Observer</title>")
    assert a.outlet == "بيروت أوبزرفر" and a.headline == HEADLINE  # registered
    b = _page(ctx, head=f"<title>{HEADLINE} :: Wadi Hawran Online</title>")
    assert b.outlet == "Wadi Hawran Online" and b.headline == HEADLINE


def test_description_a_title_part_its_heading_holds_is_no_site_name(ctx: Context) -> None:
    """«عودة 47 من أعضاء القافلة – 19 عبر قطاع غزة»: a headline with a dash in it, the page's
    heading the same; its end names no site (the URL's host does)."""
    headline = "عودة 47 من أعضاء قافلة الابتسامات – 19 عبر منفذ رفح"
    html = f"<html><head><meta charset='utf-8'><title>{headline}</title></head><body><h1>{headline}</h1>{BODY}</body></html>"
    a = analyze_page(Page(source="p.html", content=html, format="html", url="https://news.unknown-site.example/a/1"), ctx)[0]
    assert a.outlet == "news.unknown-site.example" and a.headline == headline
    named = "أمطار غزيرة تغرق شوارع وادي حوران"  # a heading holding the site's name is still not the whole title
    own = f"<html><head><title>{named} - وادي حوران</title></head><body><h1>{named}</h1>{BODY}</body></html>"
    assert analyze_page(Page(source="p.html", content=own, format="html"), ctx)[0].outlet == "وادي حوران"
    logo = f"<html><head><title>{HEADLINE} | Wadi Hawran Online</title></head><body><h1>Wadi Hawran Online</h1><h2>{HEADLINE}</h2>{BODY}</body></html>"
    assert analyze_page(Page(source="p.html", content=logo, format="html"), ctx)[0].outlet == "Wadi Hawran Online"


def test_description_site_name_prefix_leaves_the_headline(ctx: Context) -> None:
    a = _page(ctx, head=f"<meta property='og:site_name' content='المدينة نيوز'><title>المدينة نيوز - {HEADLINE}</title>")
    assert a.headline == HEADLINE and a.outlet == "المدينة نيوز"


def test_description_copyright_line_names_the_site(ctx: Context) -> None:
    a = _page(ctx, footer="<footer>© 2024 جميع الحقوق محفوظة لـ بوابة الشمال الإخبارية</footer>")
    assert a.outlet == "بوابة الشمال الإخبارية"


def test_description_canonical_url_gives_the_host(ctx: Context) -> None:
    a = _page(ctx, head="<link rel='canonical' href='https://www.elbalad.news/123456'>")
    assert a.outlet == "صدى البلد" and a.outlet_evidence is not None and a.outlet_evidence.rule == "url_host"
    b = _page(ctx, url="https://news.unknown-site.example/a/1")
    assert b.outlet == "news.unknown-site.example" and b.outlet_evidence is not None and b.outlet_evidence.rule == "url_host_unregistered"


def test_description_text_page_without_a_name_has_no_outlet(ctx: Context) -> None:
    (a, *_) = analyze_page(Page(source="t.txt", content=f"{HEADLINE}\n\nغمرت المياه الأحياء المنخفضة في المدينة بعد أمطار غزيرة هطلت طوال الليل.", format="text"), ctx)
    assert a.outlet is None


@pytest.mark.parametrize(
    ("meta_author", "expected"),
    [
        ("LBCI", None),  # the site's own name
        ("akhbarelyom", None),  # the site's Latin slug (resolves to the registry's outlet)
        ("(أبوظبي - البيان)", None),  # a dateline
        ("واس", None),  # an agency
        ("https://example.com/author/x", None),
        ("أسماء نصار", "أسماء نصار"),
    ],
)
def test_description_meta_author_must_be_a_person(ctx: Context, meta_author: str, expected: str | None) -> None:
    a = _page(ctx, head=f"<meta name='author' content='{meta_author}'><meta property='og:site_name' content='LBCI'>")
    assert a.author == expected


def test_description_several_authors_kept_in_order(ctx: Context) -> None:
    ld = {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "أسماء نصار"}, {"@type": "Person", "name": "نورهان نبيل"}]}
    a = _page(ctx, head=f"<script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script>")
    assert a.authors == ["أسماء نصار", "نورهان نبيل"] and a.author == "أسماء نصار، نورهان نبيل"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("كتب - عاطف سعيد:", "عاطف سعيد"),  # egypt2013 (masrawy)
        ("كتب ـ هاني بركات\u200f:\u200f", "هاني بركات"),  # a tatweel as the dash, RLM around the colon (Al-Ahram)
        ("سوهاج - خالد حسن", "خالد حسن"),  # place - writer (Akhbar El Yom)
        ("نهلة جمال", "نهلة جمال"),  # a name alone under the headline (Akhbar El Yom)
        ("كتبت أسماء نصار", "أسماء نصار"),
        ("حوار: أحمد سمير", "أحمد سمير"),
        ("واشنطن - أ ش أ", None),  # a dateline naming an agency: no writer
        ("مصر تنتصر اليوم", None),  # a short line that is not a name
    ],
)
def test_description_bylines_in_the_text(ctx: Context, line: str, author: str | None) -> None:
    body = "قررت محكمة جنايات القاهرة تأجيل نظر التظلم المقدم من وزير التجارة والصناعة الأسبق إلى جلسة الشهر المقبل، وذلك لاستكمال المرافعات.\n\nوقالت مصادر قضائية إن الجلسة المقبلة ستشهد سماع أقوال الشهود في القضية المنظورة أمام المحكمة."
    (a, *_) = analyze_page(Page(source="t.txt", content=f"محكمة الجنايات تؤجل نظر تظلم وزير التجارة الأسبق\n{line}\n{body}", format="text"), ctx)
    assert a.author == author


def test_description_timestamp_keeps_its_offset(ctx: Context) -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2020-12-25T01:59:50+02:00"}
    a = _page(ctx, head=f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    assert a.published is not None and a.published.startswith("2020-12-25T01:59") and a.published.endswith("+02:00")


def test_description_date_without_time_is_not_shifted(ctx: Context) -> None:
    a = _page(ctx, head="<meta property='article:published_time' content='2019-02-08'>")
    assert a.published == "2019-02-08"


@pytest.mark.parametrize(
    ("text", "day"),
    [("8 فيفري 2019", "2019-02-08"), ("12 جويلية 2021", "2021-07-12"), ("3 أوت 2020", "2020-08-03"), ("5 ماي 2018", "2018-05-05"), ("1 أفريل 2017", "2017-04-01"), ("20 جوان 2016", "2016-06-20")],
)
def test_description_maghrebi_months(text: str, day: str) -> None:
    (d,) = find_dates(text)
    assert d.value == day


@pytest.mark.shared
def test_description_real_pages(ctx: Context) -> None:
    """The two real pages of ../shared/corpus/real-html: the outlet from og:site_name and from the
    canonical URL; the site's own name in the author tag is not an author; the published gold."""
    cnn = analyze_page(Page(source="cnn.html", content=(REAL_HTML / "cnn-arabic.html").read_text(encoding="utf-8"), format="html"), ctx)[0]
    lbc = analyze_page(Page(source="lbc.html", content=(REAL_HTML / "lbc.html").read_text(encoding="utf-8"), format="html"), ctx)[0]
    gold = json.loads(Path(REAL_HTML / "cnn-arabic.gold.json").read_text(encoding="utf-8"))
    assert cnn.outlet == "سي إن إن بالعربية" and cnn.headline == gold["title"]
    assert lbc.outlet == "إل بي سي آي" and lbc.author is None
    assert lbc.published is not None and lbc.published.startswith("2026-01-08")


def test_description_byline_element_outside_the_main_text(ctx: Context) -> None:
    """Youm7 puts «كتبت …» in <span class="writeBy">, which the main-text extraction drops."""
    a = _page(ctx, body_top='<div class="meta"><span class="writeBy">كتبت آية دعبس</span></div>')
    assert a.authors == ["آية دعبس"] and a.author_evidence is not None and a.author_evidence.rule == "html_byline"


def test_description_json_ld_in_cdata_and_two_names_in_one_credit(ctx: Context) -> None:
    """BBC Arabic wraps its JSON-LD in CDATA and credits two writers in one string joined by «و»."""
    ld = '<script type="application/ld+json">\n<![CDATA[\n{"@type":"NewsArticle","author":{"@type":"Person","name":"كايلا إبستين وأنجليكا كاساس"}}\n]]>\n</script>'
    a = _page(ctx, head=ld)
    assert a.authors == ["كايلا إبستين", "أنجليكا كاساس"]


def test_description_headline_element_wins_over_a_reworded_title(ctx: Context) -> None:
    a = _page(ctx, head="<meta property='og:title' content='المدينة: أمطار غزيرة تغرق الأحياء'>")
    assert a.headline == HEADLINE and HEADLINE not in a.text


def test_description_long_headline_element_is_the_headline(ctx: Context) -> None:
    long_headline = "وزارة النقل تشغل 10 سيارات كهربائية للعمل تاكسى بالعاصمة الإدارية.. وتؤكد: حجزها يبدأ الأربعاء بتطبيق هاتف والدفع فيزا وكاش.. والمركبات مراقبة بكاميرات"
    html = f"<html><head><meta charset='utf-8'></head><body><article><h1>{long_headline}</h1>{BODY}</article></body></html>"
    a = analyze_page(Page(source="p.html", content=html, format="html"), ctx)[0]
    assert a.headline == long_headline


def test_description_visible_date_wins_over_metadata_and_says_so(ctx: Context) -> None:
    a = _page(ctx, head="<meta property='article:published_time' content='2019-02-09T00:30:00+01:00'>", body_top="<p>الجمعة 8 فيفري 2019</p>")
    assert a.published is not None and a.published.startswith("2019-02-08")
    assert a.published_evidence is not None and a.published_evidence.note is not None and "2019-02-09" in a.published_evidence.note


def test_description_the_input_states_the_date_a_page_does_not(ctx: Context) -> None:
    """A scraper's JSONL gives the date its feed read (egypt2013's pages state none): the article
    takes it, with the input as its evidence; a date the page states wins; an article glued after
    «اقرأ أيضاً» does not take its host page's date."""
    text = f"{HEADLINE}\n\nغمرت المياه الأحياء المنخفضة في المدينة بعد أمطار غزيرة هطلت طوال الليل على المنطقة كلها."
    (a, *_) = analyze_page(Page(source="p.jsonl", content=text, format="text", published_hint="2013-02-23T18:55:00"), ctx)
    assert a.published == "2013-02-23T18:55:00" and a.published_evidence is not None and a.published_evidence.rule == "input"
    (b, *_) = analyze_page(Page(source="p.jsonl", content=text, format="text"), ctx)
    assert b.published is None
    dated = f"{HEADLINE}\nنشر في 3 مارس 2013\n\nغمرت المياه الأحياء المنخفضة في المدينة بعد أمطار غزيرة هطلت طوال الليل."
    (c, *_) = analyze_page(Page(source="p.jsonl", content=dated, format="text", published_hint="2013-02-23"), ctx)
    assert c.published == "2013-03-03" and c.published_evidence is not None
    assert c.published_evidence.note == "the input says 2013-02-23; the date the article states is taken"
    glued = f"{text}\n\nاقرأ أيضاً\n\nعنوان خبر آخر عن الانتخابات المحلية في البلاد\n\nأعلنت اللجنة العليا للانتخابات أن التصويت سيجري في موعده المقرر رغم الظروف الصعبة في البلاد."
    articles = analyze_page(Page(source="p.jsonl", content=glued, format="text", published_hint="2013-02-23"), ctx)
    assert len(articles) == 2 and articles[0].published == "2013-02-23" and articles[1].published is None
