from marsad.article import Block
from marsad.clean.segment import split_appended
from marsad.context import Context

PARA = "وقال المسؤول في تصريح للصحفيين إن الاجتماع تناول عددا من الملفات المهمة بين البلدين وانتهى بالاتفاق على خطوات عملية."


def _blocks(*lines: str) -> list[Block]:
    return [Block(t, i) for i, t in enumerate(lines, start=1)]


def test_segment_read_also_section_becomes_appended_article(ctx: Context) -> None:
    seg = split_appended(_blocks("عنوان المقال الأصلي هنا", PARA, "إقرأ أيضاً:", "عنوان مقال آخر لا علاقة له", PARA, PARA), ctx.lexicon)
    assert [b.text for b in seg.host] == ["عنوان المقال الأصلي هنا", PARA, "إقرأ أيضاً:"]
    assert seg.host[-1].reason == "appended_marker"
    assert len(seg.appended) == 1 and seg.appended[0][0].text == "عنوان مقال آخر لا علاقة له"


def test_segment_inline_marker_keeps_title(ctx: Context) -> None:
    seg = split_appended(_blocks(PARA, "اقرأ أيضا: منتخب برقان يفوز وديا", PARA), ctx.lexicon)
    assert seg.host[-1].text == "اقرأ أيضا:" and seg.host[-1].reason == "appended_marker"
    assert seg.appended[0][0].text == "منتخب برقان يفوز وديا"


def test_segment_read_also_without_body_is_a_link_list(ctx: Context) -> None:
    seg = split_appended(_blocks(PARA, "اقرأ أيضاً", "عنوان أول قصير", "عنوان ثان قصير"), ctx.lexicon)
    assert seg.appended == []
    assert [b.reason for b in seg.host[2:]] == ["related_headlines", "related_headlines"]


def test_segment_related_list_splits_whole_articles_and_drops_bare_headlines(ctx: Context) -> None:
    seg = split_appended(
        _blocks(PARA, "مقالات مشابهة", "عنوان بلا نص", "عنوان بلا نص", "عنوان له نص كامل", PARA, "عنوان آخر له نص", PARA, PARA),
        ctx.lexicon,
    )
    assert [a[0].text for a in seg.appended] == ["عنوان له نص كامل", "عنوان آخر له نص"]
    assert len(seg.appended[1]) == 3
    assert [b.reason for b in seg.host if b.reason] == ["list_marker", "related_headlines", "related_headlines"]


def test_segment_marker_words_inside_prose_are_not_a_marker(ctx: Context) -> None:
    line = "اقرأ أيضا ما كتبه المحللون عن القمة قبل أن تحكم عليها، فقد قال كثيرون إن نتائجها كانت متوقعة منذ أسابيع طويلة."
    seg = split_appended(_blocks(PARA, line), ctx.lexicon)
    assert seg.appended == [] and all(b.reason is None for b in seg.host)
