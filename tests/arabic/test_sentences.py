from marsad.arabic.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_keep_guillemet_quote_whole() -> None:
    text = "وقال بوتين لصحفيين: «سنناقش كل المواضيع دون تسرّع. لدينا الوقت لذلك»، وذلك ردا على سؤال. ثم غادر."
    assert _texts(text) == ["وقال بوتين لصحفيين: «سنناقش كل المواضيع دون تسرّع. لدينا الوقت لذلك»، وذلك ردا على سؤال.", "ثم غادر."]


def test_sentences_keep_curly_and_straight_quotes_whole() -> None:
    assert len(_texts("وقال: “لقد ارتقت روسيا. ضد القوى المهيمنة”. وأضاف أمرا آخر.")) == 2
    assert len(_texts('وقال بيسكوف: "ستعقد محادثات. وبعدها سيواصل الزعيمان"، وفق رويترز. انتهى.')) == 2


def test_sentences_do_not_split_on_arabic_comma_or_abbreviation() -> None:
    assert len(_texts("تفقد الرئيس، والزعيم، المنشآت، على ما أعلن الكرملين.")) == 1
    assert len(_texts("قال د. أحمد إن الوضع مستقر. وأضاف أنه متفائل.")) == 2


def test_sentences_question_marks_and_paragraphs() -> None:
    text = "هل انتهت الأزمة؟ لا أحد يعرف.\n\nفقرة ثانية بلا نقطة"
    assert _texts(text) == ["هل انتهت الأزمة؟", "لا أحد يعرف.", "فقرة ثانية بلا نقطة"]


def test_sentences_offsets_point_into_text() -> None:
    text = "  أول جملة. ثاني جملة!\nثالثة؟"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
