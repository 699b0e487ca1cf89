import pytest

from marsad.clean.rules import classify_line
from marsad.context import Context


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # lines as they stand in ../shared/corpus/summit-2023 and in the demo corpus
        ("  • مشاركة :", "share_widget"),
        ("WTV_Frequency", "scraper_token"),
        ("post-title", "scraper_token"),
        ("المزيد من بوابة الوسط", "more_link"),
        ("المزيد", "more_link"),
        ("تعليقات", "comments_header"),
        ("الاكثر تفضيلا في هذا القسم", "section_nav"),
        ("كلمات دلالية: كوريا الشمالية بوتين الكرملين روسيا کوریا الشمالیة", "keywords"),
        ("مادة إعلانية تابعوا آخر أخبار العربية عبر Google News", "advertisement"),
        ("تابعوا آخر أخبار بوابة النخيل عبر Google News", "follow_prompt"),
        ("https://twitter.com/akhbar/status/1701825951687135422", "embedded_tweet"),
        ("https://example.org/some/page", "embedded_url"),
        ("— Sawt Alwaha (@sawt_alwaha) March 3, 2025", "embedded_tweet"),
        ("قمة بوتين وكيم في قاعدة فوستوشني الفضائية في منطقة آمور في أقصى الشرق، روسيا. رويترز", "caption"),
        ("الزعيمان خلال مراسم التوقيع. (أ ف ب)", "caption"),
        ("فرق الإنقاذ تعمل في ظروف صعبة. تصوير: وكالة الأنباء القارية", "caption"),
        ("صورة أرشيفية للجسر القديم", "caption"),
        ("الرئيسية > أخبار > سياسة", "navigation"),
        ("جميع الحقوق محفوظة © 2025", "copyright"),
        ("• . :", "punctuation"),
    ],
)
def test_rules_remove_boilerplate_line(ctx: Context, line: str, reason: str) -> None:
    assert classify_line(line, ctx.lexicon, ctx.registry) == reason


@pytest.mark.parametrize(
    "line",
    [
        "وأكد بوتين أن موسكو ستساعد كوريا الشمالية على بناء أقمار صناعية، وفق الوكالة الفرنسية.",
        'وقال بيسكوف: "ستعقد محادثات بين الوفدين"، وفق رويترز.',  # cites an agency: not a caption
        "استعراض للقوة",  # an in-body subheading
        "المزيد من الضحايا سقطوا في القصف الليلي على المدينة الساحلية",
        "إعلان الرئيس حالة الطوارئ في البلاد",  # starts with the word for advertisement
        "تعليقات المسؤولين أثارت جدلا واسعا في البرلمان",
        "Covid-19",
    ],
)
def test_rules_keep_body_lines(ctx: Context, line: str) -> None:
    assert classify_line(line, ctx.lexicon, ctx.registry) is None
