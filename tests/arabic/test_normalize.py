from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.normalize import match_key, normalize_digits, phrase_key

ARABIC_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(' .،:«»"-0123456789abcXYZ'), max_size=60
)


@given(ARABIC_TEXT)
def test_normalize_match_key_idempotent(s: str) -> None:
    assert match_key(match_key(s)) == match_key(s)


@given(st.text(max_size=60))
def test_normalize_phrase_key_idempotent_on_any_text(s: str) -> None:
    assert phrase_key(phrase_key(s)) == phrase_key(s)


@given(ARABIC_TEXT)
def test_normalize_digits_keeps_length(s: str) -> None:
    assert len(normalize_digits(s)) == len(s)


def test_normalize_folds_letter_families() -> None:
    assert match_key("أإآٱا") == "ااااا"
    assert match_key("مستشفى") == match_key("مستشفي")
    assert match_key("کوریا") == match_key("كوريا")  # Persian keheh and Farsi yeh
    assert match_key("مدرسة") == match_key("مدرسه")
    assert match_key("سُئِلَ") == match_key("سيل")  # harakat dropped, hamza on yeh folded
    assert match_key("بـــوتين") == "بوتين"  # tatweel
    assert match_key("٢٠٢٣ ۱۴") == "2023 14"


def test_normalize_phrase_key_drops_punctuation() -> None:
    assert phrase_key("إقرأ أيضاً:") == phrase_key("اقرا ايضا") == "اقرا ايضا"
    assert phrase_key("  • مشاركة :") == "مشاركه"
