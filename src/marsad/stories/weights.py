"""Fixed word weights for the cross-document stages: how telling a word is, from a reference of
Arabic usage, not from whatever else happens to be in the store.

Weights computed over the store (inverse document frequency) drift as unrelated articles arrive:
three hundred articles about Egyptian politics make «مصر» cheap and every word of a summit in the
Russian Far East dear, and an article that stood alone joins the summit story. A story's members
must depend on its own articles, so words are weighted by their frequency in wordfreq's Arabic
list (Wikipedia, subtitles, news and web text; a PyPI package, no download at run time), read
through the same normalisation as the clustering's terms (match key, proclitics off).

The weight is an inverse document frequency estimated from the word's share of running text: a
word of frequency f is expected in about min(1, f × DOC_WORDS) of the articles of DOC_WORDS words,
and weighs 1 + ln(1 / that). A word the list does not hold (most often a rare name or a rare
spelling) weighs as a word of frequency UNSEEN_FREQUENCY. Entity ids weigh what their names' words
weigh on average (سوريا cheap, فوستوتشني dear).

Reading the list and normalising its 200,000 most frequent words takes a few seconds, so the table
is computed once per wordfreq version and kept in the user's cache folder."""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from marsad.arabic.tokens import search_terms, strip_proclitics

DOC_WORDS = 500  # words of a typical news article
MIN_ZIPF = 2.0  # words rarer than this (per billion, log10) are not read from the list
UNSEEN_FREQUENCY = 10 ** (MIN_ZIPF - 9)
_CACHE_FORMAT = 1


def weight_of_frequency(f: float) -> float:
    return 1.0 + math.log(1.0 / min(1.0, max(f, UNSEEN_FREQUENCY) * DOC_WORDS))


UNSEEN_WEIGHT = weight_of_frequency(UNSEEN_FREQUENCY)


class Weights(dict[str, float]):
    """Term -> weight, with the weight of an unseen word for any term it does not hold (the
    clustering's `idf.get(t, default)` reads it as an IDF table)."""

    def get(self, key: str, default: float | None = None) -> float:  # type: ignore[override]
        found = dict.get(self, key)
        return UNSEEN_WEIGHT if found is None else found


def _cache_file(version: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "marsad" / f"word-weights-ar-{version}-{_CACHE_FORMAT}.json"


def _compute() -> dict[str, float]:
    import wordfreq

    totals: dict[str, float] = {}
    for word, f in wordfreq.get_frequency_dict("ar", "large").items():
        if f < UNSEEN_FREQUENCY:
            break  # the dictionary is ordered most frequent first
        for term in search_terms(word):
            key = strip_proclitics(term)
            totals[key] = totals.get(key, 0.0) + f
    return {k: round(weight_of_frequency(f), 4) for k, f in totals.items()}


@cache
def reference_weights() -> Weights:
    """The weight of every word of the reference list (see the module's docstring)."""
    from importlib.metadata import version

    path = _cache_file(version("wordfreq"))
    try:
        return Weights(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    table = _compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as f:
            json.dump(table, f, ensure_ascii=False)
        os.replace(f.name, path)  # whole or not at all: two processes may race to write it
    except OSError:
        pass  # a read-only home: computed again next time
    return Weights(table)


def story_weights(entity_names: Mapping[str, str] | Iterable[tuple[str, str]]) -> Weights:
    """The reference weights, with each entity id weighing the mean weight of its name's words."""
    words = reference_weights()
    out = Weights(words)
    pairs = entity_names.items() if isinstance(entity_names, Mapping) else entity_names
    for entity_id, name in pairs:
        terms = [strip_proclitics(t) for t in search_terms(name)]
        out[entity_id] = sum(words.get(t) for t in terms) / len(terms) if terms else UNSEEN_WEIGHT
    return out
