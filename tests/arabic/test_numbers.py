from __future__ import annotations

import pytest

from marsad.arabic.numbers import count_phrase


@pytest.mark.parametrize(
    ("n", "noun", "want"),
    [
        (0, "article", "لا مقالات"),
        (1, "article", "مقالة واحدة"),
        (2, "article", "مقالتان"),
        (3, "article", "3 مقالات"),
        (10, "article", "10 مقالات"),
        (11, "article", "11 مقالة"),
        (99, "source", "99 مصدرًا"),
        (100, "source", "100 مصدر"),
        (102, "source", "102 مصدر"),
        (103, "article", "103 مقالات"),
        (115, "source", "115 مصدرًا"),
        (2, "outlet", "وسيلتان"),
    ],
)
def test_counts_agree_with_their_noun(n: int, noun: str, want: str) -> None:
    assert count_phrase(n, noun) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("بلغت الصادرات 8ر4 مليار دولار", "بلغت الصادرات 4800000000 دولار"),  # the press's decimal: fraction first
        ("نمو متوقع ٥ر٨ ٪", "نمو متوقع 8.5 ٪"),
        ("نجح 14 ألف و400 طالب", "نجح 14400 طالب"),
        ("يبلغ 514 ألف 854 ملاحظًا", "يبلغ 514854 ملاحظًا"),  # the same without «و»
        ("بين 5 آلاف 20 منهم", "بين 5000 20 منهم"),  # two digits after it: another figure
        ("في عام 2013 و5 أيام", "في عام 2013 و5 أيام"),  # no thousand: as it was
        ("رقم 12ر3ر4", "رقم 12ر3ر4"),  # a chain is no decimal
        ("بلغ 173,2 مليون", "بلغ 173200000"),  # a decimal comma: one or two digits, then a magnitude
        ("بلغ ١٧٣٫٢ مليون", "بلغ 173200000"),
        ("بلغ 4،8 مليار", "بلغ 4800000000"),  # the arabic comma as a decimal separator, before a magnitude
        ("بلغت الإيرادات 17 مليونا و412 ألفا و250 جنيها", "بلغت الإيرادات 17412250 جنيها"),  # millions, thousands and units
        ("بلغ الدعم 3 ملايين و200 ألف جنيه", "بلغ الدعم 3200000 جنيه"),
        ("زار مصر 2 مليار و300 مليون سائح", "زار مصر 2300000000 سائح"),  # billions, then millions
        ("بلغ 11.4 مليونًا", "بلغ 11400000"),  # with tanween
        ("ما بين 10 ملايين و15 مليون شخص", "ما بين 10000000 و15000000 شخص"),  # a range, not one figure
        ("شارك 3 ملايين و5 وزراء", "شارك 3000000 و5 وزراء"),  # two counts
        ("منذ 2011 ملايين الأشخاص", "منذ 2011 ملايين الأشخاص"),  # a year before «ملايين»
        ("مليون شكر", "مليون شكر"),  # no figure: as it was
        ("قرر حبس خمسة متهمين", "قرر حبس 5 متهمين"),  # three to ten in words before a noun
        ("ضبط ثلاث سيارات و2 دراجة", "ضبط 3 سيارات و2 دراجة"),
        ("قرر حبس خمسة عشر متهما", "قرر حبس 15 متهما"),  # a teen
        ("المطلوب في إحدى عشرة قضية سرقة", "المطلوب في 11 قضية سرقة"),
        ("اثنا عشر شخصا", "12 شخصا"),
        ("قرر حبس خمسة وعشرين متهما", "قرر حبس 25 متهما"),  # a unit and a ten
        ("عددهم مائة و اثني عشر مواطنا", "عددهم 112 مواطنا"),  # a hundred and a teen, «و» apart
        ("ثلاثمائة وخمسين جنيها", "350 جنيها"),
        ("ومائة وخمسة وعشرين شخصا", "و125 شخصا"),  # «and» before the number stays
        ("مرور مائة عام", "مرور 100 عام"),  # a hundreds word alone
        ("مائة ألف جنيه", "100000 جنيه"),  # then read as thousands
        ("في الحادي والعشرين من مارس", "في الحادي والعشرين من مارس"),  # an ordinal: no count
        ("زيادة في المائة", "زيادة في المائة"),  # percent
        ("خمسة وعشرين", "خمسة وعشرين"),  # no word after it: as it was
        ("خمسة واثنا عشر شخصا", "5 واثنا عشر شخصا"),  # a unit and a teen are no one number
        ("عددهم مائة واثنا عشر، منهم", "عددهم مائة واثنا عشر، منهم"),  # punctuation ends it: no word it counts
        ("مائة وعشرين، منهم", "مائة وعشرين، منهم"),
        ("التقى خمسة وزراء", "التقى 5 وزراء"),  # a noun beginning with waw is no ten
        ("وصل الخمسة", "وصل الخمسة"),  # no noun after it
        ("المواد 3،4 و5", "المواد 3،4 و5"),  # elsewhere it lists
        ("قتل منذ 2011 آلاف الأشخاص", "قتل منذ 2011 آلاف الأشخاص"),  # a year before «آلاف»
        ("ما بين 10 آلاف و15 ألف شخص", "ما بين 10000 و15000 شخص"),  # a range, not 10,015,000
        ("شارك 10 آلاف و5 وزراء", "شارك 10000 و5 وزراء"),  # two counts
        ("صرف 39 ألفًا", "صرف 39000"),  # with tanween
        ("نحو 1,500 شخص و12,345,678 جنيه", "نحو 1500 شخص و12345678 جنيه"),  # thousands groups
        ("صرف 240 ألفا و288 جنيها", "صرف 240288 جنيها"),
        ("صرف نحو 39 ألف جنيه و3 آلاف دولار", "صرف نحو 39000 جنيه و3000 دولار"),
        ("ألف شكر", "ألف شكر"),  # no figure: as it was
        ("بلغ عدد المحال ألفين و441 محلا", "بلغ عدد المحال 2441 محلا"),  # a thousand or two as a word
        ("صرف ألف و500 جنيه", "صرف 1500 جنيه"),
        ("ممثلة بألف وثلاثمائة طالب", "ممثلة 1300 طالب"),  # a preposition on the thousand's word
        ("أن يكون متما لثماني عشرة سنة", "أن يكون متما 18 سنة"),  # and on a teen
        ("تبرع بخمسة وعشرين جنيها", "تبرع ب25 جنيها"),  # and on a compound
        ("استلما بأربع حقائب", "استلما 4 حقائب"),
        ("قال لأربعة أشخاص", "قال 4 أشخاص"),
        ("بلغ الأرباح خمسة بالمئة", "بلغ الأرباح 5 بالمئة"),
        ("حضر لبنان وبلجيكا", "حضر لبنان وبلجيكا"),
        ("لست أدري ماذا حدث", "لست أدري ماذا حدث"),  # «I am not», no six  # a word beginning as a preposition and a number word would, no number
        ("بلغت التكلفة مليارا وتسعة وخمسين مليون ريال", "بلغت التكلفة 1059000000 ريال"),  # a lone billion and millions
        ("بلغت مليار و200 مليون دولار", "بلغت 1200000000 دولار"),
        ("بلغت مليونين و500 ألف دولار", "بلغت 2500000 دولار"),
        ("مليون و5 وزراء", "مليون و5 وزراء"),  # no figure of thousands after it: as it was
        ("تقدر بمليار و400 مليون جنيه", "تقدر 1400000000 جنيه"),  # a preposition on the word
        ("بلغت حوالي مليون 760 ألف اسطوانة", "بلغت حوالي 1760000 اسطوانة"),  # thousands with no «و»
        ("نحو نصف مليون و200 ألف لاجئ", "نحو نصف مليون و200000 لاجئ"),  # half a million and more: left
        ("بلغ مليار و 2500 مليون", "بلغ مليار و 2500 مليون"),  # the rest has its own unit: not joined
        ("صممت القاعة لتسع الجميع", "صممت القاعة لتسع الجميع"),  # «to hold», no nine
        ("مليون و" + "1" * 40 + " دولار", "مليون و" + "1" * 40 + " دولار"),  # a run of digits is no count
        ("مليار و2 مليار", "مليار و2000000000"),  # the rest no smaller than the unit: two figures
        ("ألف شكر و5 تحيات", "ألف شكر و5 تحيات"),  # no «و» right after the word: as it was
        ("بلغت 441.1 مليــــــار جنيه", "بلغت 441100000000 جنيه"),  # a word drawn out with tatweel
        ("تم التحفظ على 14ألف و400 باكو", "تم التحفظ على 14400 باكو"),  # no space before «ألف»
        ("صرف 39ألف جنيه", "صرف 39000 جنيه"),
        ("تغريمه 36 مليونا 376 ألفا و834 جنيها", "تغريمه 36376834 جنيها"),  # no «و» after the millions
        ("بلغت 5 ملايين 2013 نسمة", "بلغت 5000000 2013 نسمة"),  # a year after them: another figure
        ("بتدبير مبلغ 5. 1 مليار جنيه", "بتدبير مبلغ 1500000000 جنيه"),  # «5ر1» with a point and a space
        ("بلغ 4. 11 مليون سائح", "بلغ 11400000 سائح"),
        ("وصل العدد إلى 12. 3 أشخاص", "وصل العدد إلى 12. 3 أشخاص"),  # no magnitude after it: as it was
        ("ومبلغ 2.088.363 جنيه", "ومبلغ 2088363 جنيه"),  # thousands groups after points
        ("تزن 75.100 كيلو", "تزن 75.100 كيلو"),  # one point: maybe a decimal, as it was
        ("يبلغ عدد سكان غزة 8 ر1 مليون نسمة", "يبلغ عدد سكان غزة 1800000 نسمة"),  # «8ر1» with a space before the reh
        ("يبلغ عدد السكان 8ر 1 مليون نسمة", "يبلغ عدد السكان 1800000 نسمة"),  # or after it
        ("المادة 8 ر 1 من القانون", "المادة 8 ر 1 من القانون"),  # no magnitude after it: as it was
        ("تزن 2 كيلو و600 جرام من الذهب", "تزن 2.6 كيلو من الذهب"),  # a unit and its part: one figure
        ("ضبط 3 طن و 400 كيلو", "ضبط 3.4 طن"),
        ("ضبط 3 طن و390 لتر", "ضبط 3 طن و390 لتر"),  # another measure: two figures
        ("وزنها 2 كيلو و1500 جرام", "وزنها 2 كيلو و1500 جرام"),  # a unit's worth of parts or more: as it was
        ("أعمال الدورة الثانية عشرة لقمة الدول", "أعمال الدورة الثانية عشرة لقمة الدول"),  # the twelfth: no ten
        ("قرر حبس عشرة متهمين", "قرر حبس 10 متهمين"),
        ("استمعت النيابة إلى أقوال التسعة عشر متهما", "استمعت النيابة إلى أقوال 19 متهما"),  # the definite teen, not ten
        ("تسلم مبلغ 31مليونا و402 ألف دولار", "تسلم مبلغ 31402000 دولار"),  # no space before «مليونا»
        ("بتكاليف 19 مليوناً و100 ألف جنيه", "بتكاليف 19100000 جنيه"),  # the tanween written after the alef
        ("بما قيمته 9 ملايين، و813 ألف جنيه", "بما قيمته 9813000 جنيه"),  # a comma before the thousands
        ("بما قيمته 9 ملايين،و813 ألف جنيه", "بما قيمته 9813000 جنيه"),  # no space after the comma
        ("بلغ عدد الناخبين 9 ملايين، 51000 منهم في الخارج", "بلغ عدد الناخبين 9000000، 51000 منهم في الخارج"),  # a comma and no «و»: two figures
        # a second figure in another currency or of another thing after the first's currency: two figures
        ("دفع 3 ملايين دولار و500 ألف يورو", "دفع 3000000 دولار و500000 يورو"),
        ("قدمت 5 ملايين جنيه و1500 بطانية", "قدمت 5000000 جنيه و1500 بطانية"),
        # the press's spellings of number words: an opening alef with its hamza, a final alef maqsura
        ("أغفلت سبعة عشر مليونًا، وأربعمائة وإثنتى عشرة ألفا ومائتين وخمسين جنيها", "أغفلت 17412250 جنيها"),
        ("أغفلت سبعة عشر مليون وأربعمائة وإثنا عشر ألف ومائتان وخمسون جنيها", "أغفلت 17412250 جنيها"),
        ("وأصيب ثمانى أشخاص", "وأصيب 8 أشخاص"),
        ("أصيب إثنا عشر شخصا", "أصيب 12 شخصا"),
        ("أثنى عشرة وزراء على القرار", "أثنى 10 وزراء على القرار"),  # «أثنى»: praised, no two
        ("احتواؤها على ثلاثة وأربعين فاصلة ثمانية كيلوجرامات", "احتواؤها على 43.8 كيلوجرامات"),  # the decimal point as a word
        ("بنسبة 2 فاصلة 5 في المائة", "بنسبة 2.5 في المائة"),
        ("الفاصلة بين 2 و3", "الفاصلة بين 2 و3"),  # no figures on both sides: as it was
    ],
)
def test_plain_figures_read_one_figure_written_two_ways_as_one(text: str, want: str) -> None:
    from marsad.arabic.numbers import plain_figures

    assert plain_figures(text) == want
    assert plain_figures(plain_figures(text)) == plain_figures(text)  # idempotent


def test_plain_figures_leave_an_absurdly_long_number_alone() -> None:
    from marsad.arabic.numbers import plain_figures

    long = "9" * 5000
    assert plain_figures(f"{long} ألف و500") == f"{long} ألف و500"
