"""Counts written as Arabic writes them: «مقالة واحدة»، «مقالتان»، «3 مقالات»، «11 مقالة»،
«100 مصدر» (the noun's forms are data: data/count_nouns.json)."""

from __future__ import annotations

from functools import cache

from marsad.data import load_data


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
