"""Recognisers for the lines that describe an article rather than tell it: site-name lines,
datelines, bylines, date lines and source lines. Each returns what the line states, or None."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.arabic.names import is_given_name
from marsad.arabic.normalize import phrase_key
from marsad.clean.lexicon import Lexicon, starts_with_phrase, text_after_words
from marsad.data import load_data
from marsad.meta.dates import DateMatch, find_dates
from marsad.meta.registry import Registry, RegistryEntry

# " - ", en dash, em dash, or a tatweel (U+0640) standing alone as a dash («كتب ـ X»), between spaces
_DASH_SPLIT_RE = re.compile(r"\s+[-\u2013\u2014\u0640]\s+")
_LABEL_SEP_RE = re.compile(r"^\s*[:\uff1a\-\u2013\u2014\u0640]\s*")
# What ends a byline without being part of the name: a colon (Latin, fullwidth), a full stop, and
# the marks RLM/LRM (U+200F/U+200E) that some sites put around punctuation («هاني بركات‏:‏»).
_BYLINE_END_RE = re.compile(r"[\s:\uff1a.\u200e\u200f]+$")
_HAS_DIGIT_RE = re.compile(r"\d")
_NAME_WORD_RE = re.compile(r"^(?:[\u0621-\u064a\u0671-\u06d3\u0640]+|[A-Z][A-Za-z'.-]*)$")  # Arabic letters, or a capitalised Latin word
_FOLLOW_RE = re.compile(
    r"\u062a\u0627\u0628\u0639\u0648\u0627 \u0627\u062e\u0631 \u0627\u062e\u0628\u0627\u0631 (?P<name>.+?) (?:\u0639\u0628\u0631|\u0639\u0644\u064a) "
)  # phrase key of «تابعوا آخر أخبار X عبر/على »


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What one line states. kind: site_name | dateline | byline | date_line | source_line."""

    kind: str
    outlet: RegistryEntry | None = None
    outlet_name: str | None = None  # a stated name the registry does not know
    author: str | None = None
    date: DateMatch | None = None
    date_role: str | None = None  # "published", "updated" or "unlabelled"


@cache
def _places() -> frozenset[str]:
    return frozenset(phrase_key(p) for p in load_data("cities.json")["places"])


def is_place(text: str) -> bool:
    return phrase_key(text) in _places()


def _strip_byline_end(text: str) -> str:
    return _BYLINE_END_RE.sub("", text.replace("\u200f", "").replace("\u200e", "")).strip()


def is_name_like(text: str, registry: Registry, max_words: int = 4) -> bool:
    """2-4 words that could be a person's name: letters only, not an outlet and not a place."""
    words = text.split()
    if not (2 <= len(words) <= max_words) or _HAS_DIGIT_RE.search(text):
        return False
    if not all(_NAME_WORD_RE.match(w) for w in words):
        return False
    return registry.lookup(text) is None and not is_place(text)


def read_site_name(text: str, lex: Lexicon, registry: Registry) -> MetaLine | None:
    """«الموقع الرسمي | X», «X | الموقع الرسمي», or a line that is just a registered outlet name."""
    if "|" in text:
        parts = [p.strip() for p in text.split("|") if p.strip()]
        if len(parts) == 2:
            for label_part, name in (parts, parts[::-1]):
                # the whole part is the label: «موقع غير معروف» is a name, not the label «موقع»
                if phrase_key(label_part) in lex.site_name_labels and phrase_key(name) not in lex.site_name_labels:
                    return MetaLine("site_name", outlet=registry.resolve_site_name(name), outlet_name=name)
    entry = registry.lookup(text)
    if entry is not None and not entry.is_agency:
        return MetaLine("site_name", outlet=entry)
    return None


def read_dateline(text: str, registry: Registry, lex: Lexicon) -> MetaLine | None:
    """«PLACE - OUTLET [date]», «OUTLET - AUTHOR», «PLACE - AUTHOR» (a byline with a place)."""
    parts = _DASH_SPLIT_RE.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    left, right = parts
    if len(left.split()) > 4:
        return None
    dates = find_dates(right)
    date = dates[0] if dates else None
    right_words = right[: date.start].strip() if date else right.strip()
    # «PLACE - OUTLET [date]»: the outlet (or a generic «وكالات») on the right is the signal; the
    # place need not be in the gazetteer (datelines name towns no list holds). Nothing on the left
    # is taken as an author: «NAME - OUTLET» and «TOWN - OUTLET» look alike.
    hit = registry.lookup_prefix(right_words)
    if hit and hit[1] == len(phrase_key(right_words).split()):
        entry = hit[0]
        return MetaLine("dateline", outlet=None if entry.is_agency else entry, date=date, date_role="unlabelled" if date else None)
    if phrase_key(right_words) in lex.generic_sources:
        return MetaLine("dateline", date=date, date_role="unlabelled" if date else None)
    right_name = _strip_byline_end(right_words)
    left_entry = registry.lookup(left)
    given_right = left_entry is None and len(left.split()) <= 2 and bool(right_name) and is_given_name(right_name.split()[0])
    if is_place(left) or given_right:
        # «PLACE - AUTHOR»: a known place on the left, or a known given name opening the right
        if date is None and is_name_like(right_name, registry):
            return MetaLine("byline", author=right_name)
        return None
    if left_entry is not None and not left_entry.is_agency and date is None and is_name_like(right_words, registry):
        return MetaLine("byline", outlet=left_entry, author=right_words)
    return None


def read_labelled_byline(text: str, lex: Lexicon, registry: Registry) -> MetaLine | None:
    """«بقلم: X», «كتب - X», «By X»."""
    label = starts_with_phrase(phrase_key(text), lex.byline_labels)
    if label is None:
        return None
    rest = _strip_byline_end(_LABEL_SEP_RE.sub("", text_after_words(text, len(label.split()))))
    if is_name_like(rest, registry, max_words=5):
        return MetaLine("byline", author=rest)
    return None


def read_bare_byline(text: str, registry: Registry) -> MetaLine | None:
    """A header line that is nothing but a person's name («نهلة جمال»): two to four name words
    opening with a known given name. Read only between the headline and the body, where a
    name alone on its line is the writer's."""
    name = _strip_byline_end(text)
    words = name.split()
    if words and is_given_name(words[0]) and is_name_like(name, registry):
        return MetaLine("byline", author=name)
    return None


def read_date_line(text: str, lex: Lexicon) -> MetaLine | None:
    """A line that states a date: labelled (تاريخ النشر / آخر تحديث) or nothing but a date."""
    dates = find_dates(text)
    if not dates:
        return None
    key = phrase_key(text)
    if starts_with_phrase(key, lex.updated_labels):
        return MetaLine("date_line", date=dates[0], date_role="updated")
    if starts_with_phrase(key, lex.published_labels):
        return MetaLine("date_line", date=dates[0], date_role="published")
    residue, pos = [], 0
    for d in dates:
        residue.append(text[pos : d.start])
        pos = d.end
    residue.append(text[pos:])
    if len(phrase_key(" ".join(residue)).split()) <= 2:  # a weekday, «الموافق», "GMT": still only dates
        return MetaLine("date_line", date=dates[0], date_role="unlabelled")
    return None


def read_source_line(text: str, lex: Lexicon, registry: Registry) -> MetaLine | None:
    """«المصدر: X» (the outlet the page says it is from), and «تابعوا آخر أخبار X عبر …»."""
    key = phrase_key(text)
    label = starts_with_phrase(key, lex.source_labels)
    if label is not None and ":" in text[: len(text) // 2 + 8]:
        name = text.split(":", 1)[1].strip(" .\u060c")
        name_key = phrase_key(name)
        if 1 <= len(name_key.split()) <= 6 and name_key not in lex.generic_sources:
            entry = registry.lookup(name)
            if entry is not None and entry.is_agency:
                return MetaLine("source_line")  # a wire source, not the publishing outlet
            return MetaLine("source_line", outlet=entry, outlet_name=None if entry else name)
        return MetaLine("source_line")
    m = _FOLLOW_RE.search(key + " ")
    if m:
        entry = registry.lookup(m.group("name"))
        if entry is not None and not entry.is_agency:
            return MetaLine("follow_prompt", outlet=entry)
    return None
