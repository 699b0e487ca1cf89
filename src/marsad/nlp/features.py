"""Per-token features the NER tagger sees besides the word and its letters: gazetteer membership
(CLDR Arabic territory names from babel, the outlet and agency registry), the cue word before a
token (a title or role suggests a person, a place noun a location, an institution noun an
organisation), the proclitic the word carries, its script shape, and whether it is a known given
name. Organisations and given names beyond the registry come from data/ner_gazetteer.json.

Each feature is a small closed set of values so the tagger can give it an embedding."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

import numpy as np

from marsad.arabic.names import given_name_keys
from marsad.arabic.normalize import match_key, phrase_key
from marsad.arabic.tokens import key_variants, strip_proclitics
from marsad.data import load_data

GAZETTEER_VALUES = ("O", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
CUE_VALUES = ("none", "title", "place", "org")
SHAPE_VALUES = ("arabic", "latin", "digit", "punct", "other")
CLITIC_VALUES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل")
GIVEN_NAME_VALUES = ("no", "given")
FEATURE_SIZES = (
    len(GAZETTEER_VALUES),
    len(CUE_VALUES),
    len(CUE_VALUES),
    len(SHAPE_VALUES),
    len(CLITIC_VALUES),
    len(GIVEN_NAME_VALUES),
)

_ARABIC_RE = re.compile("^[\u0621-\u064a]")  # hamza .. yeh: the Arabic letter block
_LATIN_RE = re.compile(r"[A-Za-z]")
_DIGIT_RE = re.compile(r"\d")
_PUNCT_RE = re.compile(r"^[^\w]+$")


# Per-word results are memoised: news repeats its words, and the tagger asks about each token
# several times (features, vocabulary lookups, document consistency). Bounded so a long-running
# worker does not grow without end.
_WORD_CACHE = 1 << 17


def stem_readings(key: str) -> list[str]:
    """A word's clitic readings, the word itself first and then longest first (وبوتين -> وبوتين,
    بوتين, وتين): the order in which a vocabulary lookup tries them."""
    return list(clitic_readings(key))


@lru_cache(maxsize=_WORD_CACHE)
def clitic_readings(key: str) -> tuple[str, ...]:
    """stem_readings as a memoised tuple (the tagger's hot paths): the word itself, then the
    longer readings first, and readings of one length in the order of their letters (the first
    reading the word table holds gives the word its vector: never a set's order, which follows
    the process's hash seed)."""
    return tuple(sorted(key_variants(key), key=lambda v: (v != key, -len(v), v)))


@cache
def cue_words(field: str) -> frozenset[str]:
    """One list of data/ner_cues.json as match keys (person_titles, not_name_parts, kunya …)."""
    return frozenset(match_key(w) for w in load_data("ner_cues.json")[field])


@cache
def _cues() -> dict[str, str]:
    data = load_data("ner_cues.json")
    out: dict[str, str] = {}
    for field, value in (("person_titles", "title"), ("location_nouns", "place"), ("organization_nouns", "org")):
        for word in data[field]:
            out.setdefault(strip_proclitics(match_key(word)), value)
    return out


@cache
def _gazetteers() -> tuple[frozenset[str], frozenset[str], int]:
    """(place keys, organisation keys, longest name in words): CLDR territories, cities, the
    media names the networks were trained with and data/ner_gazetteer.json, each name as its
    words' match keys."""
    from babel import Locale

    def keyed(name: str) -> str:
        return " ".join(match_key(name).split())

    extra = load_data("ner_gazetteer.json")["organizations"]
    places = {keyed(n) for n in Locale("ar").territories.values()}
    places |= {keyed(c) for c in load_data("cities.json")["places"]}
    listed = {keyed(n) for names in extra.values() for n in names}
    # CLDR counts الأمم المتحدة and الاتحاد الأوروبي among territories; the organisation list wins.
    places -= listed
    orgs = {keyed(k) for k in _media_keys()} - places  # a place (الجزيرة) is left to the tagger
    orgs |= listed
    longest = max(len(n.split()) for n in places | orgs)
    return frozenset(places), frozenset(orgs), longest


@cache
def _media_keys() -> frozenset[str]:
    """Phrase keys of the outlet and agency names in ner_gazetteer.json: the registry as it stood
    when the networks were trained, so that growing the registry does not change their input."""
    return frozenset(k for k in (phrase_key(n) for n in load_data("ner_gazetteer.json")["media"]) if k)


@cache
def gazetteer_stems() -> frozenset[str]:
    """First words of gazetteer names as match keys, with and without the article (روسيا،
    الكرملين، كرملين): enough to tell that a clitic-stripped word is a known name."""
    from babel import Locale

    names = [*Locale("ar").territories.values(), *load_data("cities.json")["places"], *_media_keys()]
    firsts = {match_key(n).split()[0] for n in names if n.strip()}
    return frozenset(firsts | {w[2:] for w in firsts if w.startswith("\u0627\u0644") and len(w) > 4})  # alef lam: ال


def gazetteer_tags(keys: Sequence[str]) -> list[str]:
    """B-/I- gazetteer membership of each token (match keys), longest match first. The first word
    may carry proclitics (وروسيا، للأمم المتحدة): each of its readings is tried, the word itself
    first, so a name that starts with a clitic letter (بنفيكا) still matches whole."""
    places, orgs, longest = _gazetteers()
    out = ["O"] * len(keys)
    i = 0
    while i < len(keys):
        match = _longest_name(keys, i, places, orgs, longest)
        if match:
            n, kind = match
            out[i] = f"B-{kind}"
            for j in range(i + 1, i + n):
                out[j] = f"I-{kind}"
            i += n
        else:
            i += 1
    return out


@cache
def _first_words() -> frozenset[str]:
    places, orgs, _ = _gazetteers()
    return frozenset(n.split()[0] for n in places | orgs)


@lru_cache(maxsize=_WORD_CACHE)
def _name_starts(key: str) -> tuple[str, ...]:
    """The readings of a word that start a gazetteer name (most words: none)."""
    firsts = _first_words()
    return tuple(r for r in clitic_readings(key) if r in firsts)


def _longest_name(keys: Sequence[str], i: int, places: frozenset[str], orgs: frozenset[str], longest: int) -> tuple[int, str] | None:
    firsts = _name_starts(keys[i])
    if not firsts:
        return None  # most words start no name: skip the n-gram lookups
    for n in range(min(longest, len(keys) - i), 0, -1):
        rest = keys[i + 1 : i + n]
        for first in firsts:
            name = " ".join((first, *rest))
            if name in places:
                return n, "LOC"
            if name in orgs:
                return n, "ORG"
    return None


def _shape(token: str) -> str:
    if _ARABIC_RE.match(token):
        return "arabic"
    if _LATIN_RE.search(token):
        return "latin"
    if _DIGIT_RE.search(token):
        return "digit"
    if _PUNCT_RE.match(token):
        return "punct"
    return "other"


@lru_cache(maxsize=_WORD_CACHE)
def word_facts(token: str) -> tuple[str, tuple[str, ...], int, int, int, int]:
    """What the features need of one token, whatever its context: (match key, its readings that
    start a gazetteer name, shape, proclitic, given name, the cue value it gives the next words)."""
    key = match_key(token)
    stem = strip_proclitics(key)
    clitic = key[: len(key) - len(stem)]
    # one proclitic letter at most (وجوزيه، لمحمد): «الأمين» is not «أمين»
    given = given_name_keys()
    is_given = int(any(r in given for r in clitic_readings(key) if len(key) - len(r) <= 1))
    return (
        key,
        _name_starts(key),
        SHAPE_VALUES.index(_shape(token)),
        CLITIC_VALUES.index(clitic) if clitic in CLITIC_VALUES else 0,
        is_given,
        CUE_VALUES.index(_cues().get(stem, "none")),
    )


def feature_array(tokens: Sequence[str]) -> np.ndarray:
    """token_features as an (n, 6) integer array, built from each word's memoised facts; only
    the words that can start a gazetteer name are looked at in context."""
    facts = [word_facts(t) for t in tokens]
    out = np.zeros((len(facts), len(FEATURE_SIZES)), dtype=np.int64)
    if not facts:
        return out
    own = np.array([f[2:] for f in facts], dtype=np.int64)  # shape, proclitic, given, cue
    out[:, 3:6] = own[:, :3]
    out[1:, 1] = own[:-1, 3]  # the cue before
    out[2:, 2] = own[:-2, 3]  # the cue two before
    candidates = [i for i, f in enumerate(facts) if f[1]]
    if candidates:
        places, orgs, longest = _gazetteers()
        keys = [f[0] for f in facts]
        free = 0  # first word not inside an earlier match (matches are taken left to right)
        for i in candidates:
            if i < free:
                continue
            match = _longest_name(keys, i, places, orgs, longest)
            if match:
                n, kind = match
                out[i, 0] = GAZETTEER_VALUES.index(f"B-{kind}")
                out[i + 1 : i + n, 0] = GAZETTEER_VALUES.index(f"I-{kind}")
                free = i + n
    return out


def token_features(tokens: Sequence[str]) -> list[tuple[int, ...]]:
    """For each token: (gazetteer, cue before, cue two before, shape, proclitic, given name) as
    value indexes."""
    return [tuple(row) for row in feature_array(tokens).tolist()]
