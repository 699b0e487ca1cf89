"""Common Arabic given names (data/ner_gazetteer.json and data/given_names.json): what the tagger's
given-name feature reads, what tells a byline's name, and a name's own first letter from a
proclitic (فراس is not ف + راس). Here, at the bottom of the layers, so the tagger (nlp) and the
metadata stage (meta) share it without importing each other."""

from __future__ import annotations

from functools import cache

from marsad.arabic.normalize import match_key
from marsad.data import load_data


@cache
def given_name_keys() -> frozenset[str]:
    """The given names the NER networks were trained with (their given-name feature)."""
    return frozenset(match_key(n) for n in load_data("ner_gazetteer.json")["given_names"] if " " not in n)


@cache
def _byline_given_names() -> frozenset[str]:
    return given_name_keys() | frozenset(match_key(n) for n in load_data("given_names.json")["given_names"])


def is_given_name(word: str) -> bool:
    """A common Arabic given name (ner_gazetteer.json and given_names.json), whatever its spelling
    of hamza or yeh."""
    return match_key(word) in _byline_given_names()
