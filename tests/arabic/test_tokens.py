from marsad.arabic.normalize import match_key
from marsad.arabic.tokens import index_terms, key_variants, search_terms, strip_proclitics, tokenize


def test_tokens_offsets_point_into_text() -> None:
    text = "وقال بوتين لصحفيين: «سنناقش كل المواضيع دون تسرّع»، كوفيد-19 و3.5 مليون."
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
    words = [t.text for t in tokenize(text)]
    assert "تسرّع" in words and "كوفيد-19" in words and "و3.5" in words and "«" in words


def test_tokens_strip_proclitics_keeps_short_words() -> None:
    assert strip_proclitics(match_key("وبوتين")) == "بوتين"
    assert strip_proclitics(match_key("والكرملين")) == "كرملين"
    assert strip_proclitics(match_key("لروسيا")) == "روسيا"
    assert strip_proclitics(match_key("للأنباء")) == "انباء"
    assert strip_proclitics(match_key("ولد")) == "ولد"  # too short to be clitic + stem
    assert strip_proclitics("putin") == "putin"


def test_tokens_search_terms_match_across_spellings() -> None:
    assert search_terms("إيران") == search_terms("ايران")
    for query, written in (
        ("بوتين", "وبوتين"),
        ("بوتين", "لبوتين"),
        ("الكرملين", "والكرملين"),
        ("الكرملين", "للكرملين"),
        ("روسيا", "لروسيا"),
        ("ايران", "وإيران"),
    ):
        (q,) = search_terms(query)
        assert q in index_terms(written), (query, written)


def test_tokens_key_variants_keep_the_word_itself() -> None:
    assert key_variants(match_key("بوتين")) == {"بوتين", "وتين"}
    assert match_key("والكرملين") in key_variants(match_key("والكرملين"))
    assert key_variants("ولد") == {"ولد"}
    assert key_variants("putin") == {"putin"}


def test_invisible_format_marks_are_no_tokens() -> None:
    """Right-to-left and left-to-right marks, zero-width characters and the byte-order mark are
    skipped like spaces; offsets still index the text."""
    text = "المدني\u200f,\u200f الرئيس\u200b\u200e قال\ufeff"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["المدني", ",", "الرئيس", "قال"]
    assert all(text[t.start : t.end] == t.text for t in toks)
