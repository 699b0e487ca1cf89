"""Each speaker pattern, and what is not a statement."""

from __future__ import annotations

import pytest

from marsad.article import Article, Mention
from marsad.context import Context
from marsad.pipeline import annotate_text
from marsad.statements.quotes import find_quotes, quote_spans


def speakers(ctx: Context, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, first words of the quote, speaker as written or the speaker mention's text)."""
    a = annotate_text(text, "2024-05-01", ctx)
    out = []
    for q in a.quotes:
        name = a.mentions[q.speaker_mention].text if q.speaker_mention is not None else q.speaker_name
        out.append((q.kind, " ".join(q.text.split()[:2]), name))
    return out


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("وقال بوتين لصحفيين: «سنناقش كل المواضيع دون تسرع».", [("direct", "سنناقش كل", "بوتين")]),
        ("وقال المتحدث باسم الكرملين دميتري بيسكوف: «ستعقد محادثات بين الوفدين».", [("direct", "ستعقد محادثات", "دميتري بيسكوف")]),
        (
            "وقال المتحدث باسم وزارة الدفاع التركية: «قواتنا ردت على مصادر النيران».",
            [("direct", "قواتنا ردت", "المتحدث باسم وزارة الدفاع التركية")],
        ),
        ("وقال الكرملين في بيان: «الزعيمان تفقدا منشأة جمع المركبات».", [("direct", "الزعيمان تفقدا", "الكرملين")]),
        ("بدوره، قال كيم جونغ أون: «سنقف دائما إلى جانب روسيا».", [("direct", "سنقف دائما", "كيم جونغ أون")]),
        ("«الاقتصاد سيتعافى قبل نهاية العام»، قال رئيس الوزراء عزيز أخنوش.", [("direct", "الاقتصاد سيتعافى", "عزيز أخنوش")]),
        ("وقال وزير الخارجية أيمن الصفدي إن الأردن يرفض التهجير.", [("indirect", "الأردن يرفض", "أيمن الصفدي")]),
        (
            'وأكد رئيس الوزراء في مستهل الاجتماع أن "الدولة لن تترك أي أسرة متضررة".',
            [("direct", "الدولة لن", "رئيس الوزراء")],
        ),
        ("وقال مسؤول في وزارة التجارة إن المحادثات ستستأنف.", [("indirect", "المحادثات ستستأنف", "مسؤول في وزارة التجارة")]),
        # a relay: the speaker is after «عن», not the agency that passes it on
        ("ونقلت وكالة رويترز عن مصدر حكومي قوله إن المفاوضات متوقفة.", [("indirect", "المفاوضات متوقفة", "مصدر حكومي")]),
        # no name: the speaker as written, without the addressee (issue 13)
        ("وقالت مصادر مطلعة لوكالة فرانس برس إن الاجتماع سيعقد غدا.", [("indirect", "الاجتماع سيعقد", "مصادر مطلعة")]),
        ("وأكدت هيئة الرقابة الإدارية أنه ليس لها صفحات رسمية.", [("indirect", "ليس لها", "هيئة الرقابة الإدارية")]),
        ("ذكر شهود عيان ومسؤولون، أن القتال تجدد في المدينة.", [("indirect", "القتال تجدد", "شهود عيان ومسؤولون")]),
        ("وطالب المحامي، محمد عبد الرازق، بالتنازل عن الدعوى القضائية.", [("nominal", "بالتنازل عن", "محمد عبد الرازق")]),
        ("وأعرب الوزير عن أمله في التوصل إلى اتفاق قريب.", [("nominal", "أمله في", "الوزير")]),
        ("ونفى الكرملين وجود أي صفقة سلاح مع بيونغ يانغ.", [("nominal", "وجود أي", "الكرملين")]),
    ],
)
def test_speaker_patterns(ctx: Context, text: str, want: list[tuple[str, str, str | None]]) -> None:
    assert speakers(ctx, text) == want


def test_continuation_cues_keep_the_previous_speaker(ctx: Context) -> None:
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون: «أوروبا مستعدة». وأضاف: «سنتحمل مسؤولياتنا كاملة». وتابع أن الاتحاد سيجتمع قريبا."
    assert [s for _, _, s in speakers(ctx, text)] == ["إيمانويل ماكرون"] * 3


def test_a_bare_name_after_the_full_name_is_the_speaker(ctx: Context) -> None:
    text = "التقى كيم جونغ أون الرئيس الروسي. وقال أون إن روسيا تخوض حربا مقدسة."
    assert speakers(ctx, text)[-1][2] == "أون"


def test_the_other_party_is_not_the_speaker(ctx: Context) -> None:
    """«وقال في مؤتمر مع نظيره …:» names no speaker after the verb; the one before carries on."""
    text = "وقال في مؤتمر صحفي مع نظيره الصيني وانغ يي: «العلاقات ممتازة بين البلدين»."
    assert speakers(ctx, text) == [("direct", "العلاقات ممتازة", None)]


def test_said_inside_a_quote_does_not_start_a_new_one(ctx: Context) -> None:
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون: «قال لي كثيرون إن هذا مستحيل، لكننا فعلناه»."
    (got,) = speakers(ctx, text)
    assert got[:2] == ("direct", "قال لي") and got[2] is not None and got[2].startswith("إيمانويل")


def test_titles_and_names_in_quote_marks_are_not_statements(ctx: Context) -> None:
    text = "صدر أمس كتاب «الطريق إلى الحرية»، وعرض فيلم «الرجل الذي قال لا». وقال الوزير لوكالة «فرانس برس» إن الأمور تتحسن."
    got = speakers(ctx, text)
    assert [g[:2] for g in got] == [("indirect", "الأمور تتحسن")]


def test_a_wrong_speaker_is_worse_than_none(ctx: Context) -> None:
    """A verb with no subject and no earlier speaker nearby: the speaker stays empty."""
    text = "وتابع: «الأمر لم ينته بعد وسنواصل العمل»."
    assert speakers(ctx, text) == [("direct", "الأمر لم", None)]


def test_straight_quotes_pair_around_a_nested_name() -> None:
    text = 'عرض "نظام صاروخ حامل صاروخ "MiG-31". كما اطلع "كيم" على القاذفات.'
    spans = [text[s.start : s.end] for s in quote_spans(text)]
    assert spans == ['نظام صاروخ حامل صاروخ "MiG-31', "كيم"]


@pytest.mark.shared
def test_sample_quotes_have_their_speakers(sample_articles: dict[str, list[Article]]) -> None:
    article = sample_articles["001"][0]
    by_text = {
        q.text[:20]: (article.mentions[q.speaker_mention].text if q.speaker_mention is not None else q.speaker_name) for q in article.quotes
    }
    assert by_text["نحن بالطبع قلقون من "] == "جون كيربي"
    assert by_text["نشعر حتمًا بالقلق من"] == "ماثيو ميلر"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a name in quotation marks as the subject is the person whose name ends with it
        ("وقال المحافظ يحيي طه كشك إن المبادرة جيدة. وقال «كشك» إن المدارس ستفتح أبوابها.", "يحيي طه كشك"),
        # an apposition between commas before the verb
        ("والتقى الرئيس بالمعارضة أمس. غير أن أيمن نور، رئيس حزب غد الثورة، أكد أن الحوار لم يكن كافيا.", "أيمن نور"),
        # a verb with no subject of its own continues the last speaker
        ("وقال عصام العريان إن الأوضاع مستقرة. وأوضح في تصريحات خاصة للأناضول أنه لا خطر على الرئيس.", "عصام العريان"),
        # a role alone later is the person the article introduced with it
        ("وقال الدكتور سامى طه نقيب الأطباء البيطريين إن اللجنة استدعته. وأشار النقيب إلى أن العجز كبير في المديريات.", "سامى طه"),
        # a short definite mention later is the fuller one before it
        ("وقالت مصادر حدودية عسكرية أردنية إن القوات تصدت للمتسللين. وأكدت المصادر أن الوضع تحت السيطرة.", "مصادر حدودية عسكرية أردنية"),
    ],
)
def test_speaker_of_the_last_statement_in_real_shapes(ctx: Context, text: str, want: str) -> None:
    got = speakers(ctx, text)
    assert got and got[-1][2] == want


def test_indirect_statement_runs_through_an_embedded_quotation(ctx: Context) -> None:
    """«أن التحالف الذي تقترحه موسكو «سيضم …»» is one statement to the end of its clause, not
    «التحالف الذي تقترحه موسكو» and a separate quote."""
    got = speakers(ctx, "وقال وزير الخارجية سيرغي لافروف إن التحالف الذي تقترحه موسكو «سيضم دولا من المنطقة كلها» في المرحلة المقبلة.")
    assert len(got) == 1 and got[0][0] == "indirect" and got[0][2] == "سيرغي لافروف"


def test_speech_after_a_colon_without_quotation_marks(ctx: Context) -> None:
    got = speakers(ctx, "وأعلنت الشرطة ضبط المتهمين. وقال العقيد محمد القحطاني: تم ضبطهم جميعا وإحالتهم إلى النيابة العامة.")
    assert ("colon", "تم ضبطهم", "محمد القحطاني") in got
    assert not [q for q in speakers(ctx, "وتضمنت الخطة ما يلي: توزيع المساعدات وفتح الطرق.") if q[0] == "colon"]


def test_a_noun_spelled_like_a_verb_is_no_cue(ctx: Context) -> None:
    """«لتقديم طلب العفو» is a request (noun), not «طلب» (asked)."""
    got = speakers(ctx, "ودعا المتحدث ذوي المعتقلات إلى الإسراع لتقديم طلب العفو الخاص من اللجنة المختصة في بغداد.")
    assert all(q[1] != "العفو الخاص" and "اللجنة المختصة" not in q[1] for q in got)
    assert speakers(ctx, "وطالب الحزب بإقالة النائب العام فورا ووقف الملاحقات.")[0][0] == "nominal"


def test_stance_verbs_outside_the_reporting_list_state_noun_phrases(ctx: Context) -> None:
    """«وأدانت الجمعية الاعتداء …», «واستنكر الحزب …»: verbs that take a stance are statements
    too; a denied verb («ولم تؤكد الأمم المتحدة الموعد») is none."""
    assert speakers(ctx, "وأدانت الجمعية الوطنية للتغيير الاعتداء على المتظاهرين السلميين أمام القصر.")[0][0] == "nominal"
    assert speakers(ctx, "ولم تؤكد الأمم المتحدة الموعد حتى الآن في جنيف.") == []


def test_a_verb_form_after_a_preposition_is_a_noun(ctx: Context) -> None:
    """«شارك في نقل الجثث» is the carrying (a noun), not «نقل» (relayed): the speaker is the
    volunteer, not the words after the noun."""
    got = speakers(ctx, 'وقال متطوع الذي شارك في نقل الجثث إلى إحدى الشاحنات "لا نعرف من هم لأنهم بلا بطاقات هوية".')
    assert got and got[0][0] == "direct" and got[0][2] == "متطوع"


def test_a_quote_opened_after_a_proclitic_with_tatweel(ctx: Context) -> None:
    """«وصفته بـ"ملاحقة …"» opens a quotation; «لـ"بوابة أخبار اليوم"» names an outlet."""
    got = speakers(ctx, 'ودعت المنظمات إلى وقف ما وصفته بـ"ملاحقة المدافعين عن حقوق الإنسان والناشطين السياسيين" في البلاد.')
    assert any(q[0] == "direct" and q[1] == "ملاحقة المدافعين" for q in got)
    got = speakers(ctx, 'وصرح رئيس اللجنة سمير صبري لـ"بوابة أخبار اليوم" أن المسيرات ستستمر حتى إلغاء الحظر.')
    assert got == [("indirect", "المسيرات ستستمر", "سمير صبري")]


def test_a_colon_before_the_that_particle(ctx: Context) -> None:
    """«وقال الوزير لـ الأهرام: أن الفكرة …» is indirect speech, and «وأضاف:» after it continues him."""
    text = "وقال الدكتور صلاح عبدالمؤمن وزير الزراعة لـ الأهرام: أن الفكرة تقوم على مقر واحد لكل الجهات.\nوأضاف: لن تستغرق الموافقات سوى أيام قليلة بعد التقديم."
    got = speakers(ctx, text)
    assert [q[0] for q in got] == ["indirect", "colon"]
    assert got[0][2] == got[1][2] == "صلاح عبدالمؤمن"


def test_blank_lines_do_not_break_the_carried_speaker(ctx: Context) -> None:
    text = "قال اللواء أسامة عسكر إن قوات الجيش ليست بحاجة إلى الضبطية القضائية.\n\n\n\nوأكد أن المجرى الملاحي للقناة مؤمن تماما."
    assert [q[2] for q in speakers(ctx, text)] == ["أسامة عسكر", "أسامة عسكر"]


def test_an_aside_between_dashes_and_a_verb_whose_statement_is_unread(ctx: Context) -> None:
    """«كشفت مصادر … - في تصريح لصحيفة "الغد" اليوم - عن انشقاق …» states the defection; the
    «مشيرة إلى أن» after it is the same sources, not the speaker of the paragraph before."""
    text = (
        "وقال مصدر مسؤول في القيادة العامة إن قوات حرس الحدود استقبلت مئات اللاجئين.\n"
        'من ناحية أخرى، كشفت مصادر حدودية عسكرية أردنية - في تصريح لصحيفة "الغد" الأردنية اليوم - عن انشقاق 14 عسكريا من الجيش السوري، مشيرة إلى أن بينهم سبعة ضباط.'
    )
    got = speakers(ctx, text)
    assert ("nominal", "انشقاق 14", "مصادر حدودية عسكرية أردنية") in got
    assert got[-1][2] == "مصادر حدودية عسكرية أردنية"


def test_kama_before_a_verb_with_its_own_statement(ctx: Context) -> None:
    """«، كما طالب الحزب بتأجيل …» is another demand, not «as the party said» about what precedes;
    «برئاسة عمرو موسى» describes the party and opens no statement."""
    got = speakers(ctx, "طالب حزب المؤتمر برئاسة عمرو موسى، بضرورة تشكيل حكومة توافق وطني، كما طالب الحزب بتأجيل تحديد مواعيد الانتخابات.")
    assert [q[:2] for q in got] == [("nominal", "بضرورة تشكيل"), ("nominal", "بتأجيل تحديد")]
    assert all(q[2] and "تأجيل" not in q[2] for q in got)


def test_a_verb_inside_a_statement_is_part_of_it(ctx: Context) -> None:
    """«قال حمزاوي … إنه لا يوجد عاقل يرفض الحوار …»: «يرفض» is what he said, not a statement of
    its own; a second verb after a comma starts its own («…، مشيراً إلى أن …»)."""
    got = speakers(ctx, 'قال حمزاوي، في لقائه مع برنامج "صباح أون"، على قناة "أون تي في"، إنه لا يوجد عاقل يرفض الحوار الذي يحل الموقف، لكن يجب أن تكون له مقومات.')
    assert [q[:2] for q in got] == [("indirect", "لا يوجد")]
    got = speakers(ctx, "وأكد اللواء أسامة عسكر أن المجرى الملاحي للقناة مؤمن تماماً، مشيراً إلى أن القوات المسلحة نشرت قوات إضافية.")
    assert [q[:2] for q in got] == [("indirect", "المجرى الملاحي"), ("indirect", "القوات المسلحة")]
    assert got[1][2] == "أسامة عسكر"


def test_an_addressee_ends_a_role(ctx: Context) -> None:
    got = speakers(ctx, "وأكد مصدر أمني لبي بي سي أن تنظيم القاعدة تسلم الرهائن الثلاثة.")
    assert got == [("indirect", "تنظيم القاعدة", "مصدر أمني")]


def test_a_subject_before_its_verb(ctx: Context) -> None:
    """«غير أن تقارير صحفية أشارت إلى …», «ولكن أحد شهود العيان، قال: …»: the words between the
    clause's opening and its verb are who speaks."""
    got = speakers(ctx, "ولم تصدر إعلانات رسمية عن الجلسة، غير أن تقارير صحفية أشارت إلى استعداد الرئيس للتواصل مع قادة المعارضة.")
    assert got == [("nominal", "استعداد الرئيس", "تقارير صحفية")]
    got = speakers(ctx, 'ولكن أحد شهود العيان، قال: إن "الجنود أطلقوا النار بصورة عشوائية في المدينة".')
    assert got and got[0][2] == "أحد شهود العيان"


def test_an_object_owned_by_its_subject_starts_the_statement(ctx: Context) -> None:
    """«أعلنت الجمعية الوطنية للتغيير تضامنها الكامل …» with no name the tagger knows: the
    statement is «تضامنها …», said by the association."""
    got = speakers(ctx, "أعلنت الجمعية الوطنية للتغيير تضامنها الكامل مع لجنة شباب القضاة في مطالبها.")
    assert got and got[0][:2] == ("nominal", "تضامنها الكامل") and got[0][2] and "الجمعية الوطنية للتغيير" in got[0][2]


def test_a_given_name_before_a_tagged_family_name_and_a_role_after_it() -> None:
    """«رفض X Y رئيس …، فكرة …» where the tagger found only the family name (the mentions are
    given here as the tagger gave them on the real article): the speaker is the full name (a
    common given name before it), and the role in apposition up to the comma is not part of
    the statement."""
    text = "رفض كريم منصور رئيس مجلس إدارة نادي الشاطئ، فكرة نقل المباريات إلى ملعب آخر في الموسم المقبل."
    at = text.index("منصور")
    club = text.index("نادي الشاطئ")
    mentions = [Mention("منصور", "PER", at, at + 5, "منصور"), Mention("نادي الشاطئ", "ORG", club, club + 11, "نادي الشاطئ")]
    q = find_quotes(text, mentions)[0]
    assert (q.speaker_name, q.speaker_mention) == ("كريم منصور", 0)
    assert q.text.startswith("فكرة نقل")
    # a word that is no given name is not taken into the name
    text = text.replace("كريم", "سيدة")
    q = find_quotes(text, [Mention("منصور", "PER", at, at + 5, "منصور"), Mention("نادي الشاطئ", "ORG", club, club + 11, "نادي الشاطئ")])[0]
    assert q.speaker_name != "سيدة منصور"


def test_an_unnamed_definite_subject_before_a_bare_object() -> None:
    """«وأدانت المنظمة العربية لحقوق الإنسان أشكال العنف» with no name the tagger knows: the
    definite phrase speaks and the bare noun after it opens the statement; a day after the verb
    is never the subject, nor is a phrase a preposition runs through."""
    q = find_quotes("وأدانت الرابطة المصرية للحقوق المدنية أعمال التخريب التي شهدتها المدينة أمس.", [])[0]
    assert q.speaker_name == "الرابطة المصرية للحقوق المدنية" and q.text.startswith("أعمال التخريب")
    q = find_quotes('وكانت "الجبهة" أعلنت الإثنين رفض الحوار الذي دعت إليه الرئاسة في بيانها.', [])[0]
    assert q.speaker_name == "الجبهة"  # the quoted subject before the verb, not the day after it
    # no guess where the object is definite too: the statement keeps the words, no speaker
    q = find_quotes("وأدانت الجمعية الوطنية للتغيير الاعتداء على المتظاهرين السلميين أمام القصر.", [])[0]
    assert q.speaker_name is None and q.text.startswith("الجمعية الوطنية")


def test_a_role_in_construct_is_the_person_introduced_with_that_office(ctx: Context) -> None:
    """«وأشار رئيس لجنة الشباب …» later in the article is the one introduced as «رئيس اللجنة
    العامة للشباب»: not «الرئيس» the article also names, whose office is another."""
    text = (
        "وقال الرئيس محمد مرسي إن الحوار مفتوح للجميع.\n"
        "وصرح رئيس اللجنة العامة للشباب بالمحافظة سمير صبري أن المسيرات ستستمر حتى المساء.\n"
        "وأشار رئيس لجنة الشباب أنه سيطرح مبادرة جديدة خلال الاجتماع المقبل."
    )
    a = annotate_text(text, "2024-05-01", ctx)
    names = {m.text for m in a.mentions if m.type == "PER"}
    assert {"محمد مرسي", "سمير صبري"} <= names, names  # the tagger's reading this rule starts from
    last = a.quotes[-1]
    assert "سيطرح" in last.text
    assert a.mentions[last.speaker_mention].text == "سمير صبري"


def test_a_statement_given_through_a_spokesperson_is_the_spokesperson_s() -> None:
    """«وأوضح الحزب في تصريحات لمتحدثه الإعلامي خالد الشريف أن …»: the named spokesperson speaks;
    without a name after the title, the subject does."""
    text = "وأوضح الاتحاد في تصريحات لمتحدثه الرسمي نادر سليم أن المباراة ستقام في موعدها."
    at = text.index("نادر سليم")
    q = find_quotes(text, [Mention("نادر سليم", "PER", at, at + 9, "نادر سليم")])[0]
    assert (q.speaker_name, q.speaker_mention) == ("نادر سليم", 0)
    q = find_quotes("وأوضح الاتحاد في تصريحات صحفية أن المباراة ستقام في موعدها.", [])[0]
    assert q.speaker_name == "الاتحاد"


def test_a_name_after_a_title_is_not_cut_off_as_an_object() -> None:
    """«أكد المهندس جهاد الحداد أن …» with no name tagged: the bare word after a title is the
    name, not the start of an object, so the speaker is the whole phrase."""
    q = find_quotes("وفي السياق نفسه أكد المهندس سامر القاضي أن المشروع سيكتمل قبل نهاية العام.", [])[0]
    assert q.speaker_name == "المهندس سامر القاضي"


def test_the_addressee_of_a_participle_before_that_is_not_the_speaker() -> None:
    """«…، مطالبًا الحكومة بأن تكف …»: whom the participle addresses is not who speaks; the
    speaker is carried on from the sentence's verb."""
    text = "وأشار موسى إلى أن الحوار هو الذي يفيد الشعب، مطالبًا الحكومة بأن تكف يدها عن مدن القناة."
    at = text.index("موسى")
    quotes = find_quotes(text, [Mention("موسى", "PER", at, at + 4, "موسى")])
    assert [q.speaker_name for q in quotes] == ["موسى", "موسى"]


def test_questions_and_second_thoughts_are_statements() -> None:
    """«وتساءل "…"» asks and «واستدرك "…"» takes back part of what the speaker said: both are
    that speaker's statements (the verbs are in speech.json)."""
    text = 'وقال الوزير خالد ناصر إن الخطة جاهزة. واستدرك "لكن التمويل لم يصل بعد إلى المحافظات". وتساءل "كيف ننفذ مشروعا بلا ميزانية كافية؟".'
    at = text.index("خالد ناصر")
    quotes = find_quotes(text, [Mention("خالد ناصر", "PER", at, at + 9, "خالد ناصر")])
    assert [(q.kind, q.speaker_name) for q in quotes] == [("indirect", "خالد ناصر"), ("direct", "خالد ناصر"), ("direct", "خالد ناصر")]


def test_via_is_not_expressed() -> None:
    """«قال- أبو حامد عبر تغريدات له …- "…"»: عبر is «via» here, not «expressed», so it names no
    speaker of its own; at a clause's start («وعبر الوزير عن …») it is the verb."""
    text = 'قال- سامر حداد عبر تغريدات له على موقع تويتر- "القرار خاطئ ولن نقبله بأي حال من الأحوال، وسنواصل الاعتراض عليه أمام كل الجهات المعنية".'
    at = text.index("سامر حداد")
    q = find_quotes(text, [Mention("سامر حداد", "PER", at, at + 9, "سامر حداد")])[0]
    assert (q.kind, q.speaker_name) == ("direct", "سامر حداد")
    text = "وعبر الوزير سامر حداد عن أمله في التوصل إلى اتفاق قريب بين الطرفين."
    at = text.index("سامر حداد")
    q = find_quotes(text, [Mention("سامر حداد", "PER", at, at + 9, "سامر حداد")])[0]
    assert (q.kind, q.speaker_name) == ("nominal", "سامر حداد")


def test_a_document_speaks_for_whoever_issued_it() -> None:
    """«وأفاد بيان صادر عن قيادة الجيش …», «وقال بيان لمجلس الوزراء: إن», «تقرير للأمم المتحدة»:
    the issuer speaks, not the document; «البيان» alone later is the last document's issuer,
    whether named with it, after «أصدر», or as the speaker of a statement made «في بيان»."""
    cases = [
        ("وأفاد بيان صادر عن قيادة الجيش اللبناني أن وحدة من الجيش أوقفت ثلاثة مسلحين.", "قيادة الجيش اللبناني"),
        ("وقال بيان لمجلس الوزراء: إن وزير الداخلية قدم تقريرا عن الموقف الأمني.", "مجلس الوزراء"),
        ("وذكر تقرير للأمم المتحدة أن عدد النازحين تضاعف خلال الشهر الماضي.", "الأمم المتحدة"),
    ]
    for text, issuer in cases:
        assert [q.speaker_name for q in find_quotes(text, [])] == [issuer], text
    text = "أصدر مجلس الوزراء بيانا مساء أمس حول الأحداث. وقال البيان إن الحكومة ستواصل الحوار مع القوى السياسية."
    assert [q.speaker_name for q in find_quotes(text, [])] == ["مجلس الوزراء"]
    text = "وقالت الوزارة في بيان إن الوزير سيزور واشنطن الأسبوع المقبل. البيان أضاف أن الزيارة ستبحث ملفات عديدة."
    assert [q.speaker_name for q in find_quotes(text, [])] == ["الوزارة", "الوزارة"]
    # a definite document with no issuer before it stays as written: nothing to resolve it to
    assert [q.speaker_name for q in find_quotes("وقال التقرير إن الأسعار ارتفعت بنسبة كبيرة هذا العام.", [])] == ["التقرير"]


def test_a_role_named_further_on_is_the_one_person_given_it() -> None:
    """«ونذكر أن رئيس الوزراء كان قد أكد …» before «التقى هشام قنديل، رئيس الوزراء»: the one
    person the article gives that role; with two such people, none is guessed."""
    text = "ونذكر أن رئيس الوزراء كان قد أكد أن الحكومة لن تتراجع. وفي سياق مواز، التقى هشام قنديل، رئيس الوزراء، وفدا من رجال الأعمال."
    at = text.index("هشام قنديل")
    q = find_quotes(text, [Mention("هشام قنديل", "PER", at, at + 10, "هشام قنديل")])[0]
    assert (q.speaker_name, q.speaker_mention) == ("هشام قنديل", 0)
    two = text + " كما التقى سامر نبيل، رئيس الوزراء الأسبق، وفدا آخر."
    at2 = two.index("سامر نبيل")
    q = find_quotes(two, [Mention("هشام قنديل", "PER", at, at + 10, "هشام قنديل"), Mention("سامر نبيل", "PER", at2, at2 + 9, "سامر نبيل")])[0]
    assert q.speaker_mention is None


def test_a_group_named_by_number_speaks_as_written() -> None:
    """«حملت مجموعة من المتظاهرين مسئولية …», «وطالب عدد من منظمات المجتمع المدني بـ …»: the
    group phrase is the speaker, and the object after it is what was said."""
    q = find_quotes("حملت مجموعة من المتظاهرين مسئولية إشعال الأحداث أمام القصر للشرطة.", [])[0]
    assert (q.kind, q.speaker_name, q.text.split()[0]) == ("nominal", "مجموعة من المتظاهرين", "مسئولية")
    q = find_quotes("وطالب عدد من منظمات المجتمع المدني بإلغاء حظر التجوال في مدن القناة.", [])[0]
    assert q.speaker_name == "عدد من منظمات المجتمع المدني"
    q = find_quotes("وأكد عدد من الخبراء أن الاقتصاد يحتاج إلى إصلاحات عاجلة.", [])[0]
    assert (q.kind, q.speaker_name) == ("indirect", "عدد من الخبراء")


def test_a_place_speaks_after_a_feminine_verb_only() -> None:
    """«وقالت مصر إن …»: a country after a feminine verb is its subject; «ودعا مصر إلى …» (a
    masculine verb) addresses Egypt and names no speaker."""
    text = "وقالت مصر إن الحوار هو الطريق الوحيد للخروج من الأزمة."
    at = text.index("مصر")
    q = find_quotes(text, [Mention("مصر", "LOC", at, at + 3, "مصر")])[0]
    assert (q.speaker_name, q.speaker_mention) == ("مصر", 0)
    text = "ودعا مصر إلى الوقوف مع الشعب الفلسطيني في محنته الحالية."
    at = text.index("مصر")
    assert all(q.speaker_name is None for q in find_quotes(text, [Mention("مصر", "LOC", at, at + 3, "مصر")]))


def test_after_that_of_time_is_no_statement() -> None:
    """«… بعد أن طلبت أنقرة المساعدة»: أن after بعد / قبل / منذ opens a clause of time, so the verb
    before it reports nothing there."""
    assert [q.kind for q in find_quotes("وكشف المسؤول التفاصيل بعد أن انتهى الاجتماع مساء أمس في القاهرة.", [])] == []


def test_a_verb_in_a_relative_clause_speaks_for_the_sentence_s_person() -> None:
    """«واستعرض اللواء محمد ابراهيم تقريرا عن أحداث بورسعيد أوضح فيه أنه …»: the verb with «فيه»
    after it describes the report; the minister speaks, not the city before the verb."""
    text = "واستعرض اللواء محمد ابراهيم تقريرا عن أحداث بورسعيد أوضح فيه أنه تم تحديد أسماء المعتدين على السجن."
    at, at2 = text.index("محمد ابراهيم"), text.index("بورسعيد")
    q = find_quotes(text, [Mention("محمد ابراهيم", "PER", at, at + 12, "محمد ابراهيم"), Mention("بورسعيد", "ORG", at2, at2 + 7, "بورسعيد")])[0]
    assert (q.speaker_name, q.speaker_mention) == ("محمد ابراهيم", 0)


def test_a_fuller_name_holds_every_word_of_the_short_one() -> None:
    """«جبهة الإنقاذ» later is not the «جبهة الخراب الوطني» an article mocks it as: a longer
    organisation name completes a short one only when it holds all its words."""
    text = 'ووصف الحزب الجبهة بأنها جبهة الخراب الوطني في بيانه. وكانت جبهة الإنقاذ قد أعلنت رفض الحوار الذي دعا إليه الرئيس أمس.'
    at = text.index("جبهة الخراب")
    q = find_quotes(text, [Mention("جبهة الخراب الوطني", "ORG", at, at + 18, "جبهه الخراب الوطني")])[-1]
    assert q.speaker_name == "جبهة الإنقاذ"


def test_a_name_marked_off_inside_a_subject_and_a_given_name_with_a_proclitic_look() -> None:
    """«أعربت مؤسسة ''الكرامة'' لحقوق الإنسان، عن قلقها»: the doubled apostrophes mark a name
    inside the organisation's, not the end of the subject; «وكتبت بثينة كامل تقول:» with no name
    tagged: a given name that starts with ب is the person, not a preposition's object."""
    q = find_quotes("أعربت مؤسسة ''الكرامة'' لحقوق الإنسان، عن قلقها من تردي الأوضاع الأمنية في البلاد.", [])[0]
    assert (q.kind, q.speaker_name) == ("nominal", "مؤسسة الكرامة لحقوق الإنسان")
    q = find_quotes('وكتبت بثينة كامل تقول: "العقلية الأمنية واحدة في أنحاء العالم كله".', [])[0]
    assert (q.kind, q.speaker_name) == ("direct", "بثينة كامل")


def test_a_student_in_apposition_and_the_person_a_sentence_opens_with() -> None:
    """«ويعبر أيرون روز، طالب الدراسات العليا …، عن الشعور ذاته قائلا: "…"»: طالب after a name
    and a comma is a student, not «demanded»; قائلا goes on with the person the sentence opened
    with, not the speaker of the sentence before."""
    text = 'وقالت سلمى نادر: "المادة مفيدة جدا لنا جميعا". ويعبر كريم فوزي، طالب الدراسات العليا بالجامعة، عن الشعور ذاته قائلا: "تعلمت الكثير في هذه المادة هذا العام".'
    mentions = [Mention(n, "PER", text.index(n), text.index(n) + len(n), n) for n in ("سلمى نادر", "كريم فوزي")]
    assert [q.speaker_name for q in find_quotes(text, mentions)] == ["سلمى نادر", "كريم فوزي"]


def test_a_group_word_alone_speaks() -> None:
    """«واستنكر كثيرون في مصر قرار النائب العام …»: the group (and where it is) speaks; the object
    after it is the statement."""
    text = "واستنكر كثيرون في مصر قرار النائب العام إلقاء القبض على أعضاء الحركة."
    at = text.index("مصر")
    q = find_quotes(text, [Mention("مصر", "LOC", at, at + 3, "مصر")])[0]
    assert (q.kind, q.speaker_name, q.text.split()[0]) == ("nominal", "كثيرون في مصر", "قرار")


def test_invisible_marks_around_punctuation_do_not_hide_a_statement() -> None:
    """A right-to-left mark each side of a comma («المدني\u200f,\u200f الرئيس») is no word: the
    verb still reaches its preposition and the group its statement."""
    text = "دعا عدد من منظمات المجتمع المدني\u200f,\u200f الرئيس إلى إلغاء حظر التجوال في مدن القناة."
    q = find_quotes(text, [])[0]
    assert (q.kind, q.speaker_name, q.text.split()[0]) == ("nominal", "عدد من منظمات المجتمع المدني", "إلغاء")


def test_a_speaker_named_after_a_statement_of_an_office_is_read(ctx: Context) -> None:
    """«تعليقا على البيان الذي أصدرته رئاسة الجمهورية ... قال نادر بكار إن بيان الرئاسة …»: the
    statement's issuer (no mention) and the speaker (a mention) start at one place; reading them
    crashed 16 of the 150,402 egypt2013 pages (comparing a mention with none)."""
    text = (
        "تعليقا على البيان الذي أصدرته رئاسة الجمهورية، بشأن إقالة خالد علم الدين، مستشار الرئيس المقال، "
        "قال نادر بكار إن بيان الرئاسة من أعظم مؤشرات الارتباك، وأضاف أنه كان من الأفضل أن تصمت."
    )
    article = annotate_text(text, "2013-02-18", ctx)
    assert any(q.speaker_name and "بكار" in q.speaker_name for q in article.quotes)
