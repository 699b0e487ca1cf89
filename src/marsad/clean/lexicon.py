"""The cleaning lexicon (data/boilerplate.json) compiled into phrase-key lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.arabic.normalize import phrase_key
from marsad.data import load_data


@dataclass(frozen=True, slots=True)
class LineRule:
    reason: str
    is_: frozenset[str]
    starts: tuple[str, ...]
    contains: tuple[str, ...]
    max_words: int | None = None

    def matches(self, key: str) -> bool:
        """`key` is the phrase_key of a line."""
        if self.max_words is not None and key.count(" ") + 1 > self.max_words:
            return False
        if key in self.is_:
            return True
        if any(key == s or key.startswith(s + " ") for s in self.starts):
            return True
        padded = f" {key} "
        return any(f" {c} " in padded for c in self.contains)


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: tuple[LineRule, ...]
    appended_markers: tuple[str, ...]
    list_markers: tuple[str, ...]
    photo_credits: frozenset[str]
    site_name_labels: tuple[str, ...]
    source_labels: tuple[str, ...]
    generic_sources: frozenset[str]
    byline_labels: tuple[str, ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    paragraph_openers: tuple[str, ...]  # as written (they are matched on raw text)


def _keys(words: list[str]) -> tuple[str, ...]:
    # longest first, so that "اقرأ أيضا في" wins over "اقرأ أيضا"
    return tuple(sorted({phrase_key(w) for w in words if phrase_key(w)}, key=len, reverse=True))


@cache
def load_lexicon() -> Lexicon:
    d = load_data("boilerplate.json")
    rules = tuple(
        LineRule(
            r["reason"], frozenset(_keys(r.get("is", []))), _keys(r.get("starts", [])), _keys(r.get("contains", [])), r.get("max_words")
        )
        for r in d["rules"]
    )
    return Lexicon(
        rules=rules,
        appended_markers=_keys(d["appended_markers"]),
        list_markers=_keys(d["list_markers"]),
        photo_credits=frozenset(_keys(d["photo_credits"])),
        site_name_labels=_keys(d["site_name_labels"]),
        source_labels=_keys(d["source_labels"]),
        generic_sources=frozenset(_keys(d["generic_sources"])),
        byline_labels=_keys(d["byline_labels"]),
        published_labels=_keys(d["published_labels"]),
        updated_labels=_keys(d["updated_labels"]),
        paragraph_openers=tuple(sorted(d["paragraph_openers"], key=len, reverse=True)),
    )


def starts_with_phrase(key: str, phrases: tuple[str, ...]) -> str | None:
    """The first of `phrases` that `key` starts with as whole words, or None."""
    for p in phrases:
        if key == p or key.startswith(p + " "):
            return p
    return None


def text_after_words(text: str, n: int) -> str:
    """`text` without its first n words, counting words as phrase_key does (so "أيضاً:" is one)."""
    parts = text.split()
    taken, i = 0, 0
    while i < len(parts) and taken < n:
        taken += max(1, len(phrase_key(parts[i]).split()))
        i += 1
    return " ".join(parts[i:])
