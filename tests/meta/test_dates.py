import pytest

from marsad.meta.dates import find_dates


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("القاهرة - بوابة الوسط الأربعاء 13 سبتمبر 2023, 08:41 صباحا", "2023-09-13T08:41:00"),
        ("تاريخ النشر: 12th, September 2023 GMT", "2023-09-12"),
        ("نشر في ١٥ أيلول ٢٠٢٣ - 10:30 مساءً", "2023-09-15T22:30:00"),  # Levantine month, Eastern digits, pm
        ("الخميس 5 تشرين الأول 2023", "2023-10-05"),  # two-word Levantine month
        ("17 آب (أغسطس) 2023", "2023-08-17"),  # both month names
        ("3 كانون الثاني 2024", "2024-01-03"),
        ("12 جوان 2024", "2024-06-12"),  # Maghrebi
        ("September 12, 2023 3:05 PM", "2023-09-12T15:05:00"),
        ("2023-09-12T08:00:00Z", "2023-09-12T08:00:00+00:00"),
        ("2023-09-12T08:00:00+0300", "2023-09-12T08:00:00+03:00"),
        ("12/09/2023", "2023-09-12"),  # day first
        ("27 صفر 1445 هـ", "2023-09-12"),  # Hijri, Umm al-Qura
        ("13 سبتمبر 2023 10:00 GMT+3", "2023-09-13T10:00:00+03:00"),
    ],
)
def test_dates_read_each_form(line: str, value: str) -> None:
    found = find_dates(line)
    assert found and found[0].value == value
    assert line[found[0].start : found[0].end].strip() == found[0].text


@pytest.mark.parametrize(
    "line",
    [
        "الجمعة 13 سبتمبر 2023",  # 13 September 2023 was a Wednesday: contradiction, no date
        "وفي آب أغسطس الماضي فشلت المحاولة",  # no day, no year
        "31 فبراير 2023",
        "منذ أكثر من 18 شهراً",
        "بلغ 2023 صاروخاً",
        "32/13/2023",
    ],
)
def test_dates_refuse_what_is_not_a_full_date(line: str) -> None:
    assert find_dates(line) == []
