"""Publication dates a story implies for its undated articles.

An article with no date of its own may still fix it: «اليوم السبت» says it was written on a
Saturday, and «الأربعاء الماضي» lands on the summit day the story's dated articles know. Each
candidate day around the story's dates is tried as the publication date; a candidate must agree
with every «اليوم + weekday» in the text, and scores one for each relative expression that then
falls on a day the story already knows. Only a single best candidate with support is taken, and it
is reported with its evidence, never written into the article's own `published`."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.arabic.normalize import match_key
from marsad.temporal.times import find_times, phrase_offset, weekday_named

SEARCH_BEFORE, SEARCH_AFTER = 3, 14  # days around the story's known dates tried as a publication date
SNIPPET_BEFORE = 80  # characters kept before each relative expression
WEEK = 7  # days by which the candidate days' readings repeat, moved (see infer_published)


@dataclass(frozen=True, slots=True)
class InferredDate:
    """An undated article's publication date as its story implies it (a dossier lists these)."""

    article: str
    date: str
    evidence: tuple[str, ...]  # the expressions that fixed it


_TODAY = match_key("\u0627\u0644\u064a\u0648\u0645")  # alef lam yeh waw meem: اليوم


def infer_published(article_id: str, text: str, known: set[date], vocabulary: Collection[str] = frozenset()) -> InferredDate | None:
    if not known:
        return None
    # Only the relative expressions matter, each with the words before it (a future verb there
    # changes a weekday's direction): the candidates re-read these snippets, not the article.
    relative = [t for t in find_times(text, None, vocabulary=vocabulary) if t.anchor is None and t.value is None]
    if not relative:
        return None
    snippets = "\n".join(text[max(0, t.start - SNIPPET_BEFORE) : t.end + 2].split("\n")[-1] for t in relative)
    scores: dict[date, list[str]] = {}
    first = min(known) - timedelta(days=SEARCH_BEFORE)
    days = [first + timedelta(days=k) for k in range((max(known) + timedelta(days=SEARCH_AFTER) - first).days + 1)]
    resolved: list[tuple[tuple[str, date], ...]] = []
    weekly = False
    for k, day in enumerate(days):
        # Expressions read against a day a week later land a week later («أمس», «الأربعاء
        # الماضي») when none names a day of the month: once two weeks of candidates show it, the
        # later candidates' are the earlier ones' moved by a week, not read again (a story of a
        # month has some fifty candidate days).
        resolved.append(_week_later(resolved[k - WEEK]) if weekly else _resolved(snippets, day, vocabulary))
        if k == 2 * WEEK - 1:
            weekly = all(_week_later(resolved[m]) == resolved[m + WEEK] for m in range(WEEK))
        support: list[str] = []
        consistent = True
        for said, value in resolved[k]:
            named = weekday_named(said)
            # «اليوم السبت», «أمس الخميس»: the candidate must put the phrase's day on that weekday.
            offset = phrase_offset(said)
            if named is not None and offset is not None and (day + timedelta(days=offset)).weekday() != named:
                consistent = False
                break
            if _TODAY in match_key(said).split():
                if named is not None:
                    support.append(said)
                continue
            if value in known:
                support.append(said)
        if consistent and support and any(_TODAY not in match_key(s).split() for s in support):
            scores[day] = support
    if not scores:
        return None
    best = max(len(s) for s in scores.values())
    top = [d for d, s in scores.items() if len(s) == best]
    if len(top) != 1:
        return None  # the evidence fits more than one day
    return InferredDate(article_id, top[0].isoformat(), tuple(scores[top[0]]))


def _resolved(snippets: str, day: date, vocabulary: Collection[str]) -> tuple[tuple[str, date], ...]:
    """The expressions of `snippets` that `day` as the publication date resolves to a day: each
    one's text and that day, in order."""
    return tuple(
        (t.text, date.fromisoformat(t.value))
        for t in find_times(snippets, day.isoformat(), vocabulary=vocabulary)
        if t.anchor is not None and t.value is not None and len(t.value) == len("YYYY-MM-DD")
    )


def _week_later(resolved: tuple[tuple[str, date], ...]) -> tuple[tuple[str, date], ...]:
    return tuple((said, day + timedelta(days=WEEK)) for said, day in resolved)
