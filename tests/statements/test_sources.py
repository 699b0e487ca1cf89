"""Cited sources resolve to one canonical source; mentions without attribution do not count."""

from __future__ import annotations

from marsad.context import Context
from marsad.statements.sources import find_sources


def names(ctx: Context, text: str, own: str | None = None) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in find_sources(text, ctx.registry, own)]


def test_agency_aliases_are_one_source(ctx: Context) -> None:
    text = "وقال الكرملين في بيان نقلته وكالة «فرانس برس» إن اللقاء انتهى. وأضاف وفق الوكالة الفرنسية. كما ذكرت أ ف ب."
    assert names(ctx, text) == [("فرانس برس", "agency")] * 3


def test_media_in_quote_marks_and_dotted_abbreviations(ctx: Context) -> None:
    text = 'وفق ما ذكرته شبكة "سي. إن. إن" الأمريكية. وقالت صحيفة "فاينانشال تايمز" البريطانية إن الصفقة قريبة.'
    assert names(ctx, text) == [("سي إن إن", "outlet"), ("فاينانشال تايمز", "outlet")]


def test_official_and_anonymous_sources(ctx: Context) -> None:
    text = "حسبما أظهرت مشاهد بثها التلفزيون الرسمي الروسي. وكان مصدر في كوريا الجنوبية قد قال إن القطار غادر."
    got = names(ctx, text)
    assert got[0] == ("التلفزيون الرسمي الروسي", "official")
    assert got[1][1] == "anonymous" and got[1][0].startswith("مصدر في كوريا")


def test_a_name_without_attribution_is_not_a_source(ctx: Context) -> None:
    assert names(ctx, "وصل الوفد إلى الشرق الروسي، وتحدثت الخليج عن الطقس.") == []
    assert names(ctx, "افتتحت رويترز مكتبا جديدا في دبي.") == []


def test_the_outlet_is_not_its_own_source(ctx: Context) -> None:
    assert names(ctx, "وبحسب العربية فإن الاجتماع انتهى.", own="العربية") == []
