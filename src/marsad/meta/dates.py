"""Absolute dates and times written in a line: Arabic, Levantine, Maghrebi and Latin month names,
Eastern digits, numeric forms and Hijri dates. Relative expressions (أمس، الأربعاء الماضي) are not
read here: without an anchor they are not a publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from marsad.arabic.chars import AR_DIAC_CHARSET
from marsad.arabic.normalize import match_key, normalize_digits
from marsad.data import load_data

# A page's own date is recent: earlier years on a date line are a misreading. A date in an
# article's text may be history («توفيت في 23 أبريل 1966»): find_dates(min_year=...) lowers the floor.
_MIN_YEAR, _MAX_YEAR = 1990, 2100
HISTORY_MIN_YEAR = 1000
# A numeric date (12/3/1850) before this is more likely a count or a reference than a date.
_NUMERIC_MIN_YEAR = 1900
_MIN_HIJRI, _MAX_HIJRI = 1400, 1600


@dataclass(frozen=True, slots=True)
class DateMatch:
    value: str  # ISO 8601: a date, or a date and time
    text: str  # the matched text as written
    start: int
    end: int


def _fold(text: str) -> str:
    """A same-length fold for date matching: digits to ASCII and letter families unified.
    (match_key can shorten a string by dropping marks, which would break offsets.)"""
    out = []
    for ch in normalize_digits(text):
        k = match_key(ch)
        out.append(k if len(k) == 1 else ch)
    return "".join(out)


def _alternation(names: list[str]) -> str:
    keys = sorted({match_key(n) for n in names}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


@dataclass(frozen=True, slots=True)
class _Patterns:
    month_of: dict[str, int]
    hijri_of: dict[str, int]
    weekday_of: dict[str, int]
    textual: re.Pattern[str]
    month_first: re.Pattern[str]
    numeric: re.Pattern[str]
    hijri: re.Pattern[str]
    pm_keys: frozenset[str]


_D = f"[{AR_DIAC_CHARSET}]*"  # optional harakat after a word (صباحاً)


@cache
def _patterns() -> _Patterns:
    data = load_data("dates.json")
    month_of = {match_key(n): int(m) for m, ns in data["gregorian_months"].items() for n in ns}
    hijri_of = {match_key(n): int(m) for m, ns in data["hijri_months"].items() for n in ns}
    weekday_of = {match_key(n): int(d) for d, ns in data["weekdays"].items() for n in ns}
    month = _alternation([n for ns in data["gregorian_months"].values() for n in ns])
    weekday = _alternation([n for ns in data["weekdays"].values() for n in ns])
    hmonth = _alternation([n for ns in data["hijri_months"].values() for n in ns])
    ampm = _alternation(data["am_markers"] + data["pm_markers"])
    hmark = _alternation(data["hijri_markers"])
    time = rf"(?:[\s,،\-|]*(?:الساعة\s+)?(?P<hh>\d{{1,2}}):(?P<mi>\d{{2}})(?::\d{{2}})?(?:\s*(?P<ampm>{ampm}){_D}(?![\w]))?(?:\s*(?P<tz>GMT|UTC|بتوقيت غرينتش)(?:\s*(?P<off>[+-]\d{{1,2}}))?)?)?"
    textual = re.compile(
        rf"(?:(?P<wd>{weekday}){_D}[\s,،]+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s,،]+(?:من\s+)?"
        rf"(?P<m1>{month}){_D}(?:[\s/(]+(?P<m2>{month}){_D}\)?)?[\s,،]+(?P<y>\d{{4}})(?!\d){time}",
        re.IGNORECASE,
    )
    month_first = re.compile(rf"(?P<m1>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d){time}", re.IGNORECASE)
    numeric = re.compile(
        rf"(?<![\d/.-])(?:(?P<y1>\d{{4}})[-/.](?P<mo1>\d{{1,2}})[-/.](?P<d1>\d{{1,2}})(?:T(?P<th>\d{{2}}):(?P<tm>\d{{2}})(?::\d{{2}}(?:\.\d+)?)?(?P<tzi>Z|[+-]\d{{2}}:?\d{{2}})?)?"
        rf"|(?P<d2>\d{{1,2}})[-/.](?P<mo2>\d{{1,2}})[-/.](?P<y2>\d{{4}}))(?![\d/.-]){time}",
        re.IGNORECASE,
    )
    hijri = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{hmonth})\s+(?P<y>\d{{4}})\s*(?:{hmark})\u0640*(?!\w)")  # U+0640 tatweel: هـ
    pm_keys = frozenset(match_key(n) for n in data["pm_markers"])
    return _Patterns(month_of, hijri_of, weekday_of, textual, month_first, numeric, hijri, pm_keys)


def _clock(m: re.Match[str], pats: _Patterns) -> tuple[int, int] | None:
    hh, mi = m.group("hh"), m.group("mi")
    if hh is None:
        return None
    h, mnt = int(hh), int(mi)
    ampm = m.group("ampm")
    if ampm and match_key(ampm) in pats.pm_keys and h < 12:
        h += 12
    if ampm and match_key(ampm) not in pats.pm_keys and h == 12:
        h = 0
    return (h, mnt) if h < 24 and mnt < 60 else None


def _iso(y: int, mo: int, d: int, clock: tuple[int, int] | None, tz: str | None = None, min_year: int = _MIN_YEAR) -> str | None:
    if not (min_year <= y <= _MAX_YEAR):
        return None
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    if clock is None:
        return day.isoformat()
    return datetime(y, mo, d, *clock).isoformat() + (tz or "")


def _tz_suffix(m: re.Match[str]) -> str | None:
    if not m.group("tz"):
        return None
    off = m.group("off")
    if not off:
        return "+00:00"
    sign, hours = off[0], int(off[1:])
    return f"{sign}{hours:02d}:00"


class CoveredOffsets:
    """Offsets of a text already inside an expression found, held as the offsets themselves
    (never more than the text's length). Asking about an offset, or a short stretch, costs a
    lookup per character instead of a pass over every expression found so far: a page that is
    one long line holds thousands of dates."""

    def __init__(self) -> None:
        self.offsets: set[int] = set()

    def add(self, start: int, end: int) -> None:
        self.offsets.update(range(start, end))

    def __contains__(self, offset: int) -> bool:
        return offset in self.offsets

    def overlaps(self, start: int, end: int) -> bool:
        return any(i in self.offsets for i in range(start, end))


def find_dates(line: str, min_year: int = _MIN_YEAR) -> list[DateMatch]:
    """Every absolute date in `line`, left to right, with offsets into `line`, from `min_year` on.
    Day-month order for slashed dates is day first (the Arab convention); a weekday name that
    contradicts the date voids the match rather than picking one of the two."""
    pats = _patterns()
    folded = _fold(line)
    found: list[DateMatch] = []
    taken = CoveredOffsets()

    def keep(m: re.Match[str], value: str | None) -> None:
        if value and not taken.overlaps(m.start(), m.end()):
            taken.add(m.start(), m.end())
            found.append(DateMatch(value, line[m.start() : m.end()].strip(), m.start(), m.end()))

    for m in pats.textual.finditer(folded):
        mo = pats.month_of[_key(m.group("m1"))]
        if m.group("m2") and pats.month_of[_key(m.group("m2"))] != mo:
            continue
        value = _iso(int(m.group("y")), mo, int(m.group("d")), _clock(m, pats), _tz_suffix(m), min_year)
        if value and m.group("wd") and date.fromisoformat(value[:10]).weekday() != pats.weekday_of[_key(m.group("wd"))]:
            continue
        keep(m, value)
    for m in pats.month_first.finditer(folded):
        mo = pats.month_of[_key(m.group("m1"))]
        keep(m, _iso(int(m.group("y")), mo, int(m.group("d")), _clock(m, pats), _tz_suffix(m), min_year))
    numeric_min = max(min_year, _NUMERIC_MIN_YEAR) if min_year < _MIN_YEAR else min_year
    for m in pats.numeric.finditer(folded):
        if m.group("y1"):
            clock = (int(m.group("th")), int(m.group("tm"))) if m.group("th") else _clock(m, pats)
            tzi = m.group("tzi")
            tz = "+00:00" if tzi in ("Z", "z") else (tzi if tzi and ":" in tzi else (f"{tzi[:3]}:{tzi[3:]}" if tzi else _tz_suffix(m)))
            keep(m, _iso(int(m.group("y1")), int(m.group("mo1")), int(m.group("d1")), clock, tz, numeric_min))
        else:
            keep(m, _iso(int(m.group("y2")), int(m.group("mo2")), int(m.group("d2")), _clock(m, pats), _tz_suffix(m), numeric_min))
    for m in pats.hijri.finditer(folded):
        keep(m, _hijri_to_iso(int(m.group("y")), pats.hijri_of[_key(m.group("m"))], int(m.group("d"))))
    found.sort(key=lambda d: d.start)
    return found


def _key(s: str) -> str:
    return " ".join(match_key(s).split())


def _hijri_to_iso(y: int, m: int, d: int) -> str | None:
    """Umm al-Qura conversion (hijridate); None outside its supported range or for a bad day."""
    if not (_MIN_HIJRI <= y <= _MAX_HIJRI):
        return None
    from hijridate import Hijri  # imported late: only pages with Hijri dates pay for it

    try:
        return Hijri(y, m, d).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None
