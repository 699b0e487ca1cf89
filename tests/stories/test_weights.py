"""Fixed word weights (stories/weights.py): from a reference of Arabic usage, not the store."""

from __future__ import annotations

from marsad.stories.cluster import content_terms
from marsad.stories.weights import UNSEEN_WEIGHT, reference_weights, story_weights


def _w(word: str) -> float:
    (term,) = content_terms(word)
    return reference_weights().get(term)


def test_common_words_weigh_less_than_telling_ones() -> None:
    assert _w("الحكومة") < _w("صواريخ") < _w("فوستوتشني")
    assert _w("فوستوتشني") <= UNSEEN_WEIGHT


def test_an_entity_weighs_its_name_words() -> None:
    weights = story_weights({"e-1": "سوريا", "e-2": "فوستوتشني"})
    assert weights["e-1"] < weights["e-2"]
    assert weights.get("e-unknown") == UNSEEN_WEIGHT  # an id without a name weighs as a rare word
    assert "e-1" not in reference_weights()  # the shared table is not changed by one store's names
