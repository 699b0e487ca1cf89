"""Each time expression form, resolved against the publication date (or left unresolved)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.context import Context
from marsad.meta.registry import Registry
from marsad.temporal.times import find_times

# 2023-09-16 is a Saturday.
CASES = [
    ("وصل صباح اليوم السبت", "صباح اليوم السبت", "2023-09-16"),
    ("وكان قد وصل أمس", "أمس", "2023-09-15"),
    # The weekday named is the day meant, when the phrase's day is another (an article written
    # on Friday and stamped on Saturday; a «yesterday» two days back).
    ("نفى المصدر وفاته ظهر اليوم الجمعة", "ظهر اليوم الجمعة", "2023-09-15"),
    ("وكان قد وصل أمس الخميس", "أمس الخميس", "2023-09-14"),
    ("غادر أول من أمس", "أول من أمس", "2023-09-14"),
    ("سيعود غدا", "غدا", "2023-09-17"),
    ("التقيا الأربعاء في القاعدة", "الأربعاء", "2023-09-13"),
    ("قال يوم الجمعة إن", "يوم الجمعة", "2023-09-15"),
    ("التقيا الأربعاء الماضي", "الأربعاء الماضي", "2023-09-13"),
    ("في السبت الماضي", "السبت الماضي", "2023-09-09"),
    ("يعقد الاجتماع الاثنين المقبل", "الاثنين المقبل", "2023-09-18"),
    ("وسيلتقي الوزير نظيره الأحد في الرياض", "الأحد", "2023-09-17"),
    ("زار الأسبوع الماضي", "الأسبوع الماضي", "2023-09-04/2023-09-10"),
    ("تراجع الشهر الماضي", "الشهر الماضي", "2023-08"),
    ("في العام المقبل", "العام المقبل", "2024"),
    ("هذا العام", "هذا العام", "2023"),
    ("منذ أكثر من 18 شهراً", "منذ أكثر من 18 شهراً", "2022-03"),
    ("قبل يومين", "قبل يومين", "2023-09-14"),
    ("منذ ثلاثة أيام", "منذ ثلاثة أيام", "2023-09-13"),
    ("في ١٣ سبتمبر", "١٣ سبتمبر", "2023-09-13"),
    ("وقع في 12 يناير 2023", "12 يناير 2023", "2023-01-12"),
]


@pytest.mark.parametrize(("text", "expression", "value"), CASES)
def test_expression_is_resolved(text: str, expression: str, value: str, ctx: Context) -> None:
    found = find_times(text, "2023-09-16T10:00:00", vocabulary=ctx.tagger.vocabulary())
    assert [(t.text, t.value) for t in found] == [(expression, value)]
    assert text[found[0].start : found[0].end] == expression


def test_without_a_publication_date_relative_times_stay_unresolved() -> None:
    found = find_times("وصل أمس، بعد لقاء الأربعاء الماضي، ووقع في 12 يناير 2023", None)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("أمس", None, None),
        ("الأربعاء الماضي", None, None),
        ("12 يناير 2023", "2023-01-12", None),
    ]


def test_a_bare_plural_is_not_a_count() -> None:
    assert find_times("بعد أشهر من المفاوضات", "2023-09-16") == []


@given(st.dates(min_value=__import__("datetime").date(2000, 1, 1), max_value=__import__("datetime").date(2090, 12, 31)))
def test_weekday_past_is_within_the_last_week(day) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    found = find_times("الأربعاء الماضي", day.isoformat())
    got = date.fromisoformat(found[0].value)
    assert got.weekday() == 2 and 1 <= (day - got).days <= 7


def test_coordinated_weekdays_share_their_direction(ctx: Context) -> None:
    # 2025-09-08 is a Monday. The future verb (ستغلق) is known as one through the tagger's words.
    words = ctx.tagger.vocabulary()
    found = find_times("ستغلق الطرق أمام حركة السير يومي الأربعاء والخميس، وكانت مغلقة السبت والأحد", "2025-09-08", vocabulary=words)
    assert [(t.text, t.value) for t in found] == [
        ("الأربعاء", "2025-09-10"),
        ("والخميس", "2025-09-11"),
        ("السبت", "2025-09-06"),
        ("والأحد", "2025-09-07"),
    ]


def test_a_name_or_noun_starting_like_a_future_verb_is_not_one(ctx: Context) -> None:
    # 2025-09-08 is a Monday: «سيرغي لافروف الأربعاء» is the Wednesday before, not after.
    words = ctx.tagger.vocabulary()
    assert [t.value for t in find_times("التقى سيرغي لافروف الأربعاء نظيره", "2025-09-08", vocabulary=words)] == ["2025-09-03"]
    assert [t.value for t in find_times("وسيلتقي الوزير نظيره الأربعاء", "2025-09-08", vocabulary=words)] == ["2025-09-10"]


def test_without_the_vocabulary_no_word_reads_as_a_future_verb() -> None:
    """The vocabulary is passed in, never loaded here: without it ستغلق is not known as a verb,
    and the weekday after it keeps the past reading."""
    (t, *_) = find_times("ستغلق الطرق يوم الأربعاء", "2025-09-08")
    assert t.value == "2025-09-03"


def test_times_day_and_month_take_the_year_written_after_them() -> None:
    (t,) = find_times("توفيت في 23 أبريل 1966 بعد صراع مع المرض", "2020-06-10")
    assert (t.text, t.value) == ("23 أبريل 1966", "1966-04-23")


@pytest.mark.parametrize(
    "text", ["قالت صحيفة اليوم السابع إن الاجتماع عقد", "وذكرت صحيفة اليوم أن الوزير وصل", "ونقلت اليوم السابع عن مصدر", "نشرت جريدة الغد تقريرا"]
)
def test_times_an_outlet_named_by_a_time_word_is_not_a_time(text: str) -> None:
    assert find_times(text, "2020-06-10", Registry.load()) == []


def test_times_today_still_today_beside_outlets() -> None:
    (t,) = find_times("وصل الوفد اليوم إلى القاهرة", "2020-06-10", Registry.load())
    assert t.value == "2020-06-10"


@pytest.mark.parametrize(
    ("text", "value"),
    [("سيعود بعد سبع سنوات من الغياب", "P7Y"), ("يعيش هناك منذ عشرين عاماً", "P20Y"), ("خلال ثلاث سنوات", "P3Y"), ("وقعت قبل عامين", "2018"), ("منذ عام", "2019")],
)
def test_times_spans_of_years_are_durations(text: str, value: str) -> None:
    (t,) = find_times(text, "2020-06-10")
    assert t.value == value
