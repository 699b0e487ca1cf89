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


BODY_LINES = [
    "الزعيمان يعقدان قمة في قاعدة فضائية",
    "عقد الزعيمان قمة مطولة في قاعدة فضائية في أقصى الشرق، وبحثا التعاون العسكري والاقتصادي بين البلدين في ظل العقوبات المفروضة عليهما.",
    "وقال المتحدث إن المحادثات كانت بناءة وإن الجانبين اتفقا على مواصلة الاتصالات في الأشهر المقبلة.",
]


def _articles(ctx: Context, tail: list[str]) -> list:
    from marsad.article import Page
    from marsad.pipeline import analyze_page

    return analyze_page(Page(source="t.txt", content="\n".join(BODY_LINES + tail), format="text"), ctx)


def test_segment_trailing_bulleted_links_are_removed_not_an_article(ctx: Context) -> None:
    arts = _articles(ctx, ["• كوريا الشمالية تهدد بالرد على المناورات المشتركة", "• بوتين: لن نسمح بتهديد أمننا القومي مهما كلف الأمر وسنرد بقوة على أي تصعيد"])
    assert len(arts) == 1
    assert "كوريا الشمالية تهدد" not in arts[0].text
    assert [r.reason for r in arts[0].removed].count("related_links") == 2


def test_segment_bulleted_list_after_read_also_is_links(ctx: Context) -> None:
    arts = _articles(ctx, ["اقرأ أيضاً:", "• كوريا الشمالية تهدد بالرد على المناورات المشتركة في المنطقة وتعلن حالة التأهب القصوى في صفوف قواتها", "• بوتين: لن نسمح بتهديد أمننا"])
    assert len(arts) == 1 and "كوريا الشمالية" not in arts[0].text


def test_segment_an_introduced_list_is_the_articles_own(ctx: Context) -> None:
    arts = _articles(ctx, ["وطالب البيان بما يلي:", "- وقف إطلاق النار فوراً", "- فتح الممرات الإنسانية"])
    assert "وقف إطلاق النار" in arts[0].text


def test_segment_comment_policy_and_prompts_removed(ctx: Context) -> None:
    arts = _articles(
        ctx,
        [
            "ترحب الشبكة بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها ننصحك بمراجعة إرشادات الاستخدام للتعرف إليها جيداً.",
            "الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.",
            "حمّل تطبيق الموقع لتصلك آخر الأخبار أولاً بأول",
            "اشترك في النشرة البريدية اليومية",
        ],
    )
    reasons = [r.reason for r in arts[0].removed]
    assert reasons.count("comment_policy") == 2 and "app_prompt" in reasons and "newsletter_prompt" in reasons
    assert "إرشادات" not in arts[0].text and "المحادثات كانت بناءة" in arts[0].text
