from marsad.article import Block
from marsad.clean.repair import split_glued_lines
from marsad.context import Context


def _split(ctx: Context, text: str) -> list[str]:
    blocks, _ = split_glued_lines([Block(text, 1)], ctx.lexicon)
    return [b.text for b in blocks]


def test_repair_splits_subheading_glued_after_teh_marbuta(ctx: Context) -> None:
    # as in ../shared/corpus/summit-2023/004: «صفقات أسلحة محتملةيشار إلى أن»
    assert _split(ctx, "صفقات أسلحة محتملةيشار إلى أن مسؤولين أميركيين يقولون") == [
        "صفقات أسلحة محتملة",
        "يشار إلى أن مسؤولين أميركيين يقولون",
    ]


def test_repair_splits_after_digit_and_two_word_opener(ctx: Context) -> None:
    assert _split(ctx, "آخر زيارة عام 2019الجدير بالذكر أن كوريا") == ["آخر زيارة عام 2019", "الجدير بالذكر أن كوريا"]
    assert _split(ctx, "خلاف الصيد لم يحسمويذكر أن القمة لم تتطرق") == ["خلاف الصيد لم يحسم", "ويذكر أن القمة لم تتطرق"]


def test_repair_records_what_it_did(ctx: Context) -> None:
    _, repairs = split_glued_lines([Block("صفقات أسلحة محتملةيشار إلى أن مسؤولين", 7)], ctx.lexicon)
    assert len(repairs) == 1 and repairs[0].kind == "glued_subheading" and repairs[0].line == 7


def test_repair_leaves_ordinary_text_alone(ctx: Context) -> None:
    for text in (
        "ويشار إلى أن الاجتماع انتهى",  # waw + opener: a normal sentence start
        "قال مستشار الرئيس إن الاجتماع انتهى",
        "وكانت الحكومة قد أعلنت وكانت المعارضة رفضت",
        "شاركت 2019 دولة في الحملة",
        "منطقةوكان",  # a one-word opener after teh marbuta is split...
    ):
        expected = ["منطقة", "وكان"] if text == "منطقةوكان" else [text]
        assert _split(ctx, text) == expected
