"""Time expressions in an article's text and the dates they stand for.

Absolute dates come from meta/dates.py (any calendar and digit form it reads); a day and month
without a year («13 سبتمبر») takes the year that puts it nearest the publication date. Relative
expressions (اليوم، أمس، الأربعاء، يوم الجمعة، الجمعة الماضي، الأسبوع الماضي، الشهر الماضي، العام
المقبل، منذ أكثر من 18 شهراً) are resolved against the publication date when the article has one
and kept with a null value when it does not: a date is never guessed.

Values are ISO 8601: a day (2023-09-13), a month (2023-08), a year (2022) or a week as an interval
of days (2023-09-04/2023-09-10). A bare weekday is the latest such day on or before publication,
or the next one when a future verb (سيلتقي) stands just before it."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from marsad.arabic.normalize import match_key, normalize_digits, phrase_key
from marsad.arabic.tokens import Token, key_variants, tokenize
from marsad.article import TimeRef
from marsad.data import load_data
from marsad.meta.dates import HISTORY_MIN_YEAR, CoveredOffsets, find_dates
from marsad.meta.registry import Registry, outlet_nouns

FUTURE_CONTEXT = 8  # tokens before a bare weekday where a future verb makes it the next one


@dataclass(frozen=True, slots=True)
class _Words:
    phrases: dict[tuple[str, ...], int]  # fixed phrase -> day offset (اليوم 0, أمس -1 …)
    weekday: dict[str, int]
    month: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    this: frozenset[str]
    day_prefix: frozenset[str]
    unit: dict[str, str]
    dual: frozenset[str]
    singular: frozenset[str]
    numbers: dict[str, int]
    ago: frozenset[str]
    ahead: frozenset[str]
    approximate: tuple[tuple[str, ...], ...]
    future_prefixes: tuple[str, ...]
    longest_phrase: int


@cache
def _words() -> _Words:
    t = load_data("time_words.json")
    d = load_data("dates.json")

    def keys(names: list[str]) -> frozenset[str]:
        return frozenset(match_key(n) for n in names)

    phrases: dict[tuple[str, ...], int] = {}
    for name, offset in (("today", 0), ("yesterday", -1), ("day_before_yesterday", -2), ("tomorrow", 1), ("day_after_tomorrow", 2)):
        for p in t[name]:
            phrases[tuple(match_key(p).split())] = offset
    return _Words(
        phrases=phrases,
        weekday={match_key(n): int(i) for i, names in d["weekdays"].items() for n in names},
        month={match_key(n): int(i) for i, names in d["gregorian_months"].items() for n in names},
        past=keys(t["past"]),
        future=keys(t["future"]),
        current=keys(t["current"]),
        this=keys(t["this"]),
        day_prefix=keys(t["day_prefix"]),
        unit={match_key(w): u for u, words in t["units"].items() for w in words},
        dual=keys(t["dual_units"]),
        singular=keys(t["singular_units"]),
        numbers={match_key(w): int(n) for n, words in t["number_words"].items() for w in words},
        ago=keys(t["ago"]),
        ahead=keys(t["ahead"]),
        approximate=tuple(tuple(match_key(p).split()) for p in t["approximate"]),
        future_prefixes=tuple(match_key(p) for p in t["future_verb_prefixes"]),
        longest_phrase=max(len(p) for p in phrases),
    )


def weekday_named(expression: str) -> int | None:
    """The weekday an expression names (اليوم السبت -> 5), if any."""
    w = _words()
    for word in match_key(expression).split():
        for r in _readings(word):
            if r in w.weekday:
                return w.weekday[r]
    return None


def phrase_offset(expression: str) -> int | None:
    """The day offset of the fixed phrase an expression opens with (اليوم 0, أمس -1, صباح غد 1),
    or None when it opens with none (a bare weekday, a date)."""
    keys = match_key(expression).split()
    fixed = _fixed_phrase(keys, 0, _readings(keys[0])) if keys else None
    return None if fixed is None else fixed[1]


def _fixed_phrase(keys: list[str], i: int, readings: set[str]) -> tuple[int, int] | None:
    """The fixed phrase (اليوم، أمس، أول من أمس، صباح غد …) the keyed words open at i, longest
    first: its length in words and its day offset; None when none opens there. `readings`: the
    readings of the word at i (`_readings`), which the caller has at hand."""
    w = _words()
    for size in range(min(w.longest_phrase, len(keys) - i), 0, -1):
        for first in readings:
            if (phrase := (first, *keys[i + 1 : i + size])) in w.phrases:
                return size, w.phrases[phrase]
    return None


def _readings(key: str) -> set[str]:
    """The word and its readings without proclitics (والأربعاء -> الأربعاء)."""
    return key_variants(key)


def _add_months(d: date, months: int) -> str:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return f"{y:04d}-{m + 1:02d}"


def _week(d: date) -> str:
    monday = d - timedelta(days=d.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _shift(anchor: date, unit: str, n: int) -> str:
    if unit == "day":
        return (anchor + timedelta(days=n)).isoformat()
    if unit == "week":
        return _week(anchor + timedelta(weeks=n))
    if unit == "month":
        return _add_months(anchor, n)
    return f"{anchor.year + n:04d}"


def _nearest_year(day: int, month: int, anchor: date) -> str | None:
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - anchor).days) < abs((best - anchor).days):
            best = d
    return best.isoformat() if best else None


# From this many years on, «منذ/بعد/خلال N سنوات» is a duration (P{N}Y), not a calendar year;
# «قبل N سنوات» (N years ago) stays a point in time.
MIN_DURATION_YEARS = 2
_BEFORE = "\u0642\u0628\u0644"  # قبل (qaf, beh, lam): "before, ago"


class _Scanner:
    def __init__(self, text: str, anchor: date | None, registry: Registry | None, vocabulary: Collection[str]) -> None:
        self.text, self.anchor, self.w, self.registry, self.vocabulary = text, anchor, _words(), registry, vocabulary
        self.tokens = [t for t in tokenize(text)]
        self.keys = [match_key(normalize_digits(t.text)) for t in self.tokens]
        self.last_weekday = (-1, 0)  # (token after the last weekday read, its direction)

    def ref(self, i: int, j: int, value: str | None) -> TimeRef:
        a, b = self.tokens[i], self.tokens[j - 1]
        return TimeRef(
            self.text[a.start : b.end], a.start, b.end, value if self.anchor else None, self.anchor.isoformat() if self.anchor else None
        )

    def names_outlet(self, i: int) -> bool:
        """The time word at token i is (part of) an outlet's name: after a noun that introduces
        one («صحيفة اليوم», «جريدة الغد»), or the start of a registered name («اليوم السابع»)."""
        if i > 0 and phrase_key(self.tokens[i - 1].text) in outlet_nouns():
            return True
        if self.registry is None:
            return False
        hit = self.registry.lookup_prefix(self.text[self.tokens[i].start : self.tokens[i].start + 80])
        return hit is not None and hit[1] >= 2

    def future_before(self, start: int) -> bool:
        """A future verb (سيلتقي، ستغلق) earlier in the clause, within FUTURE_CONTEXT words."""
        for p in range(start - 1, max(-1, start - 1 - FUTURE_CONTEXT), -1):
            key = self.keys[p]
            if not key[:1].isalnum():
                return False  # the clause ends at punctuation
            for word in (key, key[1:]):  # ستغلق، وسيلتقي
                # A future verb is سـ + a present-tense verb the vocabulary knows (ستغلق: تغلق);
                # سيارة، سيرغي، سنة start the same way and are not.
                if word.startswith(self.w.future_prefixes) and word[1:] in self.vocabulary:
                    return True
        return False

    def at(self, i: int) -> tuple[TimeRef, int] | None:
        """The relative expression starting at token i, and the token after it."""
        w, keys, n = self.w, self.keys, len(self.keys)
        k = keys[i]
        readings = _readings(k)
        # Fixed phrases: اليوم، أمس، أول من أمس، يوم غد، صباح اليوم … (optionally + a weekday name).
        if (fixed := _fixed_phrase(keys, i, readings)) is not None and not self.names_outlet(i):
            size, offset = fixed
            j = i + size
            named = w.weekday.get(keys[j]) if j < n else None
            if named is not None:
                j += 1  # اليوم السبت
            value = None
            if self.anchor:
                meant = self.anchor + timedelta(days=offset)
                if named is not None:
                    # «ظهر اليوم الأحد» in an article stamped early on Monday: written on
                    # Sunday. The weekday named is the day meant: the nearest such day.
                    meant += timedelta(days=(named - meant.weekday() + 3) % 7 - 3)
                value = meant.isoformat()
            return self.ref(i, j, value), j
        # Weekdays: (يوم|صباح …)? الأربعاء (الماضي|المقبل)?
        start, j = i, i
        if readings & w.day_prefix and i + 1 < n and keys[i + 1] in w.weekday:
            j = i + 1
        day = next((w.weekday[r] for r in _readings(keys[j]) if r in w.weekday), None)
        if day is not None and self.tokens[j].text[:1].isalpha():
            end = j + 1
            direction = 0
            if end < n and keys[end] in w.past:
                direction, end = -1, end + 1
            elif end < n and keys[end] in w.future:
                direction, end = 1, end + 1
            elif start == self.last_weekday[0] and keys[start][:1] == "\u0648":  # waw: «الأربعاء والخميس» go together
                direction = self.last_weekday[1]
            elif self.future_before(start):
                direction = 2  # a future verb before a bare weekday: the next such day (or today)
            self.last_weekday = (end, direction)
            value = None
            if self.anchor:
                wd = self.anchor.weekday()
                delta = {-1: -((wd - day) % 7 or 7), 1: (day - wd) % 7 or 7, 2: (day - wd) % 7, 0: -((wd - day) % 7)}[direction]
                value = (self.anchor + timedelta(days=delta)).isoformat()
            return self.ref(start, end, value), end
        # Units: (هذا)? الأسبوع|الشهر|العام (الماضي|المقبل|الحالي)?
        this = k in w.this
        u = i + 1 if this else i
        if u < n and keys[u] in w.unit and keys[u].startswith("\u0627\u0644"):  # alef lam: the definite unit
            unit = w.unit[keys[u]]
            end, shift = u + 1, None
            if end < n and keys[end] in w.past:
                shift, end = -1, end + 1
            elif end < n and keys[end] in w.future:
                shift, end = 1, end + 1
            elif (end < n and keys[end] in w.current) or this:
                shift, end = 0, end + (0 if this else 1)
            if shift is not None and unit != "day":
                return self.ref(i, end, _shift(self.anchor, unit, shift) if self.anchor else None), end
        # منذ|قبل (أكثر من)? N|عشرة? يوم|أسابيع|شهرا|عامين ; بعد|خلال …
        if readings & (w.ago | w.ahead):
            sign = -1 if readings & w.ago else 1
            p = i + 1
            for approx in w.approximate:
                if tuple(keys[p : p + len(approx)]) == approx:
                    p += len(approx)
                    break
            count = None
            if p < n and keys[p].isdigit():
                count, p = int(keys[p]), p + 1
            elif p < n and keys[p] in w.numbers:
                count, p = w.numbers[keys[p]], p + 1
            if p < n and keys[p] in w.unit and (count is not None or keys[p] in w.dual or keys[p] in w.singular):
                unit = w.unit[keys[p]]
                if count is None:
                    count = 2 if keys[p] in w.dual else 1
                if unit == "year" and count >= MIN_DURATION_YEARS and _BEFORE not in readings:
                    # «بعد سبع سنوات», «منذ عشرين عاماً»: how long, not when (an event is rarely
                    # dated by a count of years); an ISO 8601 duration that needs no anchor.
                    ref = self.ref(i, p + 1, None)
                    return TimeRef(ref.text, ref.start, ref.end, f"P{count}Y", None), p + 1
                value = _shift(self.anchor, unit, sign * count) if self.anchor else None
                return self.ref(i, p + 1, value), p + 1
        return None


_DAY_MONTH_RE = re.compile(r"(?<!\d)(\d{1,2})\s+(?:من\s+)?(\S+)")


def find_times(
    text: str, published: str | None, registry: Registry | None = None, vocabulary: Collection[str] = frozenset()
) -> list[TimeRef]:
    """Time expressions in `text`, in order, resolved against `published` (ISO) when given. With
    the outlet registry, a time word that names an outlet («اليوم السابع») is not a time. With a
    wide list of Arabic words (`vocabulary`: the tagger's, Context.tagger.vocabulary()), a سـ
    before a verb it knows reads as a future verb, which turns a bare weekday forwards; the
    caller passes it in (this layer loads no model)."""
    anchor = date.fromisoformat(published[:10]) if published else None
    out: list[TimeRef] = []
    taken = CoveredOffsets()
    offset = 0
    for line in text.split("\n"):
        for m in find_dates(line, min_year=HISTORY_MIN_YEAR):
            out.append(TimeRef(m.text, offset + m.start, offset + m.end, m.value, None))
            taken.add(offset + m.start, offset + m.end)
        offset += len(line) + 1
    w = _words()
    folded = normalize_digits(text)
    for dm in _DAY_MONTH_RE.finditer(folded):
        month = w.month.get(match_key(dm.group(2).strip("،,.")))
        if month and dm.start() not in taken:
            end = dm.start(2) + len(dm.group(2).rstrip("،,."))
            value = _nearest_year(int(dm.group(1)), month, anchor) if anchor else None
            out.append(TimeRef(text[dm.start() : end], dm.start(), end, value, anchor.isoformat() if anchor else None))
            taken.add(dm.start(), end)
    scanner = _Scanner(text, anchor, registry, vocabulary)
    i = 0
    while i < len(scanner.tokens):
        tok: Token = scanner.tokens[i]
        if tok.start in taken:
            i += 1
            continue
        found = scanner.at(i)
        if found is None:
            i += 1
            continue
        ref, i = found
        out.append(ref)
    return sorted(out, key=lambda r: r.start)
