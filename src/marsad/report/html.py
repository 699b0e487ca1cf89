"""A static, right-to-left HTML report: each story of more than one article as a dossier (sourced
summary, timeline, quotes side by side, disagreements), then each article with its metadata and
evidence, its names, statements, sources and times, and what was removed from it, folded away. Streamed from the store, so its size does not hold memory."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from marsad.arabic.numbers import count_phrase
from marsad.entities.resolve import UnionFind
from marsad.safe_text import clean_display
from marsad.store.base import Store
from marsad.stories.records import Disagreement, DisagreementSide, QuoteCluster

REASON_LABELS = {
    "site_name": "اسم الموقع",
    "dateline": "سطر المكان والتاريخ",
    "byline": "سطر الكاتب",
    "date_line": "سطر التاريخ",
    "source_line": "سطر المصدر",
    "follow_prompt": "دعوة للمتابعة",
    "advertisement": "إعلان",
    "share_widget": "أزرار المشاركة",
    "keywords": "كلمات دلالية",
    "more_link": "رابط المزيد",
    "comments_header": "عنوان التعليقات",
    "section_nav": "تنقل الموقع",
    "navigation": "مسار التنقل",
    "caption": "تعليق صورة",
    "copyright": "حقوق النشر",
    "scraper_token": "بقايا الكاشط",
    "embedded_tweet": "تغريدة مضمنة",
    "embedded_url": "رابط مضمن",
    "header_residue": "بقايا الترويسة",
    "related_headlines": "عناوين ذات صلة",
    "appended_marker": "علامة مقال ملحق",
    "list_marker": "علامة قائمة",
    "repeated_teaser": "عنوان مكرر",
    "repeated_headline": "تكرار العنوان",
    "punctuation": "علامات ترقيم",
    "html_boilerplate": "خارج النص الرئيسي",
    "comment_policy": "سياسة التعليقات",
    "newsletter_prompt": "دعوة للاشتراك في النشرة",
    "app_prompt": "دعوة لتحميل التطبيق",
    "related_links": "روابط ذات صلة",
}


# How a statement reached the text: quoted, reported with إن / أن, as a noun phrase («طالب
# بإقالة …»، «نفى وجود …»), or after a colon without quotation marks («القحطاني: تم ضبطهم»).
DISAGREEMENT_LABELS = {"denial": "نفي لما أكده آخرون", "numbers": "أرقام مختلفة لأمر واحد"}
QUOTE_KIND_LABELS = {"direct": "مباشر", "indirect": "غير مباشر", "nominal": "موقف معلن", "colon": "بعد نقطتين"}


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("marsad.report", "templates"), autoescape=select_autoescape(["html", "j2"]), finalize=clean_display
    )
    add_label_filters(env)
    return env


def add_label_filters(env: Environment) -> None:
    """The Arabic labels of removal reasons and statement kinds (the report and the web pages)."""
    env.filters["reason_label"] = lambda r: REASON_LABELS.get(r, r)
    env.filters["quote_kind"] = lambda k: QUOTE_KIND_LABELS.get(k, k)
    env.filters["count"] = count_phrase  # {{ n | count('article') }}: «مقالتان»، «3 مقالات»، «11 مقالة»
    env.filters["disagreement_kind"] = lambda k: DISAGREEMENT_LABELS.get(k, k)
    env.filters["by_speaker"] = by_speaker
    env.filters["by_fact"] = by_fact


def by_speaker(quotes: Iterable[QuoteCluster]) -> list[tuple[str, str | None, list[QuoteCluster]]]:
    """The dossier's matched utterances under one heading per speaker: (name, speaker id, their
    utterances), in the order the speakers first come."""
    out: dict[str, tuple[str, str | None, list[QuoteCluster]]] = {}
    for q in quotes:
        out.setdefault(q.speaker_id, (q.speaker or "", q.speaker_id, []))[2].append(q)
    return list(out.values())


def by_fact(disagreements: Iterable[Disagreement]) -> list[tuple[str, list[DisagreementSide]]]:
    """A story's disagreements as the reader wants them: the pairs of one kind that share a
    sentence are one difference, each of its sentences shown once (five outlets giving 12
    co-defendants and one giving 11 make five pairs, and one difference of six sentences).
    (kind, its sentences in the order first set against each other)."""
    groups = UnionFind()
    sides: dict[str, tuple[str, DisagreementSide]] = {}  # "kind, article, text" -> (kind, side)
    for d in disagreements:
        keys = ["\u241f".join((d.kind, side.article, side.text)) for side in d.sides]  # symbol for unit separator joins the parts
        for key, side in zip(keys, d.sides, strict=True):
            sides.setdefault(key, (d.kind, side))
            groups.union(keys[0], key)
    shown: dict[str, tuple[str, list[DisagreementSide]]] = {}
    for key, (kind, side) in sides.items():
        shown.setdefault(groups.find(key), (kind, []))[1].append(side)
    return list(shown.values())


def write_report(store: Store, run_id: int, path: str, summary: dict[str, Any]) -> None:
    outlets = [(name or "—", n) for name, n in store.run_outlet_counts(run_id)]
    template = _env().get_template("report.html.j2")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        stories = [s for s in store.run_stories(run_id) if len(s.articles) > 1]  # single-article stories are the articles below
        for chunk in template.generate(articles=store.iter_run_records(run_id), summary=summary, outlets=outlets, stories=stories):
            f.write(chunk)
    os.replace(tmp, path)
