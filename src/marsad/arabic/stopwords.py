"""The function words of data/stopwords.json (particles, prepositions, pronouns, and the news
verbs every article uses), as match keys: left out of story similarity, never a name part, and
never the last word of a speaker's role."""

from __future__ import annotations

from functools import cache

from marsad.arabic.normalize import match_key
from marsad.data import load_data


@cache
def stopwords() -> frozenset[str]:
    return frozenset(match_key(w) for w in load_data("stopwords.json")["words"])
