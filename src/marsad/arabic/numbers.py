"""Counts written as Arabic writes them: «مقالة واحدة»، «مقالتان»، «3 مقالات»، «11 مقالة»،
«100 مصدر» (the noun's forms are data: data/count_nouns.json)."""

from __future__ import annotations

import re
from functools import cache

from marsad.arabic.normalize import normalize_digits
from marsad.data import load_data

# «173,2», «173،2» and «173٫2» are 173.2 (a thousands group has three digits); «1,500» and «1٬500» are 1500.
_DECIMAL_COMMA = re.compile(r"(?<![\d.,\u060c])(\d+)[,\u060c\u066b](\d{1,2})(?![\d,\u060c])")  # arabic comma, arabic decimal separator
_THOUSANDS_SEPARATOR = re.compile(r"(?<=\d)[,\u066c](?=\d{3}(?!\d))")  # arabic thousands separator
# «8ر4» is 4.8: the Egyptian press writes a decimal with a reh between the digits, the fraction
# first (an outlet reprinting «8ر4 مليار» writes «4.8 مليار»).
_REH_DECIMAL = re.compile(r"(?<![\d.\u0631])(\d+)\u0631(\d+)(?![\d.\u0631])")  # reh (a chain of them is left alone)


@cache
def _thousands() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(map(re.escape, load_data("count_nouns.json")["thousands"]))
    return (
        # «14 ألف و400»: 14,400 (waw before the hundreds)
        re.compile(rf"(?<![\d.])(\d+)\s+(?:{words})\s+\u0648\s*(\d{{1,3}})(?![\d.])"),  # waw
        # «39 ألف جنيه», «2.5 ألف»: 39,000, 2,500
        re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s+(?:{words})(?!\w)"),
    )


@cache
def _nouns() -> dict[str, dict[str, str]]:
    nouns: dict[str, dict[str, str]] = load_data("count_nouns.json")["nouns"]
    return nouns


def count_phrase(n: int, noun: str) -> str:
    """`n` of `noun` (a key of count_nouns.json: article, outlet, source …), in agreement."""
    forms = _nouns()[noun]
    if n == 0:
        return forms["none"]
    if n == 1:
        return forms["one"]
    if n == 2:
        return forms["two"]
    tail = n % 100
    if 3 <= tail <= 10:
        return f"{n} {forms['plural']}"
    if 11 <= tail <= 99:
        return f"{n} {forms['accusative']}"
    return f"{n} {forms['genitive']}"  # 100, 101, 102, 200 …


def plain_figures(text: str) -> str:
    """The text with its figures written as digits alone: Eastern Arabic digits as ASCII, the
    press's «8ر4» as 4.8, «173,2» as 173.2, «1,500» as 1500, «14 ألف و400» as 14400, «39 ألف» as 39000; so that one figure written two ways reads as
    one (stories/dossier.py compares the numbers outlets give)."""
    text = _REH_DECIMAL.sub(lambda m: f"{m.group(2)}.{m.group(1)}", normalize_digits(text))
    text = _THOUSANDS_SEPARATOR.sub("", _DECIMAL_COMMA.sub(r"\1.\2", text))
    and_hundreds, alone = _thousands()
    text = and_hundreds.sub(lambda m: str(int(m.group(1)) * 1000 + int(m.group(2))), text)
    return alone.sub(lambda m: f"{round(float(m.group(1)) * 1000)}", text)
