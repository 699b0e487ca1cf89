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


def test_words_with_no_arabic_letter_are_no_story_words() -> None:
    # Site furniture a whole-page text dump keeps beside the article (a login form's field names,
    # a blog's English licence): rare words to the Arabic reference, they made one site's pages
    # one story whatever they told.
    terms = content_terms("{ * signInEmailAddress * } Content licensed by the blog قصفت قاذفات روسية أهدافا في دير الزور 2017 ٢٠١٧")
    assert set(terms) == {"قصفت", "قاذفات", "روسيه", "اهدافا", "دير", "زور"}  # nor a year, in either digits
    # A text in another language keeps its words (the demo corpus has an English wire story).
    assert set(content_terms("The leaders signed a free trade agreement")) == {"the", "leaders", "signed", "free", "trade", "agreement"}
