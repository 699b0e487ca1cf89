from marsad.context import Context
from marsad.meta.lines import read_date_line, read_dateline, read_labelled_byline, read_site_name, read_source_line


def test_lines_site_name_with_label_and_latin(ctx: Context) -> None:
    m = read_site_name("الموقع الرسمي | القاهرة الاخبارية", ctx.lexicon, ctx.registry)
    assert m and m.outlet and m.outlet.name == "القاهرة الإخبارية"
    m = read_site_name("Atwasat", ctx.lexicon, ctx.registry)
    assert m and m.outlet and m.outlet.name == "بوابة الوسط"
    m = read_site_name("موقع غير معروف | الموقع الرسمي", ctx.lexicon, ctx.registry)
    assert m and m.outlet is None and m.outlet_name == "موقع غير معروف"
    assert read_site_name("رويترز", ctx.lexicon, ctx.registry) is None  # an agency is not a site name
    assert read_site_name("بوتين وكيم يتفقدان منشآت", ctx.lexicon, ctx.registry) is None


def test_lines_dateline_and_byline(ctx: Context) -> None:
    m = read_dateline("القاهرة - بوابة الوسط الأربعاء 13 سبتمبر 2023, 08:41 صباحا", ctx.registry, ctx.lexicon)
    assert m and m.kind == "dateline" and m.outlet and m.outlet.name == "بوابة الوسط" and m.date and m.date.value.startswith("2023-09-13")
    m = read_dateline("القاهرة الإخبارية - مازن إسلام", ctx.registry, ctx.lexicon)
    assert m and m.kind == "byline" and m.author == "مازن إسلام" and m.outlet and m.outlet.name == "القاهرة الإخبارية"
    m = read_dateline("بيروت - وكالات", ctx.registry, ctx.lexicon)
    assert m and m.kind == "dateline" and m.outlet is None
    m = read_dateline("موسكو - رويترز", ctx.registry, ctx.lexicon)
    assert m and m.kind == "dateline" and m.outlet is None  # a wire dateline names no publishing outlet
    assert read_dateline("روسيا - أوكرانيا: حرب بلا نهاية", ctx.registry, ctx.lexicon) is None
    assert read_dateline("كوفيد - 19 يعود", ctx.registry, ctx.lexicon) is None


def test_lines_labelled_byline(ctx: Context) -> None:
    m = read_labelled_byline("بقلم: سامر الخطيب", ctx.lexicon, ctx.registry)
    assert m and m.author == "سامر الخطيب"
    assert read_labelled_byline("كتب الرئيس رسالة طويلة إلى نظيره في 2023", ctx.lexicon, ctx.registry) is None


def test_lines_date_line_roles(ctx: Context) -> None:
    m = read_date_line("آخر تحديث: 17 آب (أغسطس) 2023", ctx.lexicon)
    assert m and m.date_role == "updated"
    m = read_date_line("تاريخ النشر: 12th, September 2023 GMT", ctx.lexicon)
    assert m and m.date_role == "published"
    m = read_date_line("الأربعاء 10 سبتمبر 2025 الموافق 18 ربيع الأول 1447 هـ", ctx.lexicon)
    assert m and m.date_role == "unlabelled" and m.date and m.date.value == "2025-09-10"
    # a sentence that mentions a date is not a date line
    assert read_date_line("وكانت القمة الأولى قد عقدت في 25 أبريل 2019 في فلاديفوستوك بحضور الزعيمين", ctx.lexicon) is None


def test_lines_source_line_outlet_or_wire(ctx: Context) -> None:
    m = read_source_line("المصدر: العربية", ctx.lexicon, ctx.registry)
    assert m and m.outlet and m.outlet.name == "العربية"
    m = read_source_line("المصدر: رويترز", ctx.lexicon, ctx.registry)
    assert m and m.outlet is None and m.outlet_name is None  # a wire agency is not the outlet
    m = read_source_line("المصدر: وكالات", ctx.lexicon, ctx.registry)
    assert m and m.outlet is None and m.outlet_name is None
    m = read_source_line("مادة إعلانية تابعوا آخر أخبار العربية عبر Google News", ctx.lexicon, ctx.registry)
    assert m and m.outlet and m.outlet.name == "العربية"
    assert read_source_line("المصدر الذي تحدث إلى الصحيفة رفض الكشف عن اسمه", ctx.lexicon, ctx.registry) is None
