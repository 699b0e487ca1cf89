"""Claims state one fact; disagreements set a denial or a different count against what it contradicts."""

from __future__ import annotations

from dataclasses import replace

from marsad.article import Article, Mention, Quote
from marsad.statements.lexicon import speech_lexicon
from marsad.stories import dossier
from marsad.stories.dossier import build_dossier
from marsad.stories.records import Dossier
from marsad.stories.weights import story_weights


def _record(article: str, outlet: str, text: str, entities: list[tuple[str, str, str]]) -> Article:
    """An article as the store returns it, its entity mentions given as (surface, entity id, type)."""
    mentions = []
    for surface, entity_id, kind in entities:
        start = text.index(surface)
        mentions.append(Mention(surface, kind, start, start + len(surface), surface, entity_id, surface))
    return Article(id=article, page_id=article, source=f"{article}.txt", seq=0, outlet=outlet, published="2023-09-13", text=text, mentions=mentions)


PUTIN = ("فلاديمير بوتين", "e-putin", "PER")
KIM = ("كيم جونغ أون", "e-kim", "PER")
BASE = ("فوستوتشني", "e-base", "LOC")


def _dossier(records: list[Article]) -> Dossier:
    return build_dossier("s", records, {}, [], story_weights({"e-putin": "فلاديمير بوتين", "e-kim": "كيم جونغ أون"}))


def test_the_same_people_doing_other_things_are_two_claims() -> None:
    a = _record("a", "الأولى", "تفقد الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون منشآت لتجميع وإطلاق الصواريخ الفضائية في قاعدة فوستوتشني.", [PUTIN, KIM, BASE])
    b = _record("b", "الثانية", "انتهت المحادثات بين الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون في قاعدة فوستوتشني بعد نحو ساعتين على بدئها.", [PUTIN, KIM, BASE])
    c = _record("c", "الثالثة", "وتفقد الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون منشآت تجميع الصواريخ الفضائية وإطلاقها في قاعدة فوستوتشني.", [PUTIN, KIM, BASE])
    claims = _dossier([a, b, c]).claims
    assert [sorted(x.articles) for x in claims] == [["a", "c"]]


def test_a_different_count_is_a_disagreement_not_a_claim() -> None:
    a = _record("a", "الأولى", "قال مسؤولون في المدينة إن 20 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم.", [])
    b = _record("b", "الثانية", "قال مسؤولون في المدينة إن 35 شخصا قتلوا في القصف الذي استهدف السوق المركزية صباح اليوم.", [])
    d = _dossier([a, b])
    assert d.claims == ()
    assert [x.kind for x in d.disagreements] == ["numbers"]
    assert {s.article for s in d.disagreements[0].sides} == {"a", "b"}


def test_counts_sharing_some_numbers_are_two_claims_and_a_shorter_telling_is_one() -> None:
    """Two tallies of the wounded that share a 4 and a 2 give different figures: two facts. A
    sentence giving only some of another's numbers tells the same fact more briefly."""
    first = _record("a", "الأولى", "وأشار المتحدث إلى أن المصابين تم تحويل 2 منهم لمستشفى القصر العيني و15 لمستشفى المنيرة و4 لمستشفى الشرطة بالعجوزة.", [])
    update = _record("b", "الثانية", "وأشار المتحدث إلى أن المصابين تم تحويل 4 منهم لمستشفى القصر العيني و11 لمستشفى المنيرة و2 لمستشفى الشرطة بالعجوزة.", [])
    shorter = _record("c", "الثالثة", "وأشار المتحدث إلى أن المصابين تم تحويل 2 منهم لمستشفى القصر العيني و15 لمستشفى المنيرة صباح اليوم.", [])
    claims = _dossier([first, update, shorter]).claims
    assert [sorted(x.articles) for x in claims] == [["a", "c"]]


def test_a_denial_against_the_assertion_it_denies() -> None:
    a = _record("a", "الأولى", "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقا عسكريا لتزويد روسيا بالذخائر.", [PUTIN, KIM])
    b = _record("b", "الثانية", "ولم يوقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون أي اتفاق عسكري لتزويد روسيا بالذخائر.", [PUTIN, KIM])
    unrelated = _record("c", "الثالثة", "ولم يتحدث الرئيس الروسي فلاديمير بوتين عن موعد زيارته المقبلة إلى بيونغ يانغ في المؤتمر الصحفي.", [PUTIN])
    d = _dossier([a, b, unrelated])
    assert d.claims == ()
    assert [(x.kind, {s.article for s in x.sides}) for x in d.disagreements] == [("denial", {"a", "b"})]


def test_a_denial_of_a_verbal_noun_meets_its_verb() -> None:
    """«نفى الكرملين توقيع … أي اتفاق» denies what «وقع الزعيمان اتفاقا» tells: the verbal noun
    «توقيع» (the pattern «تفعيل») is read with its verb «وقع»."""
    kremlin = ("الكرملين", "e-kremlin", "ORG")
    signed = _record("a", "الأولى", "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقا عسكريا لتزويد روسيا بالذخائر خلال جولتهما في قاعدة فوستوتشني الفضائية.", [PUTIN, KIM])
    denied = _record("b", "الثانية", "ونفى الكرملين توقيع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون أي اتفاق عسكري لتزويد روسيا بالذخائر.", [kremlin, PUTIN, KIM])
    assert [x.kind for x in _dossier([signed, denied]).disagreements] == ["denial"]


def test_decimal_numbers_and_years_are_read_as_such() -> None:
    """«1.27 دقيقة» is a count with a decimal point, not a year to compare; «2017» is a year."""
    a = _record("a", "الأولى", "بعد مرور 1.27 دقيقة يظهر شخص آخر خلف سيارة بيضاء اللون ويصوب بندقيته نحو مبنى السجن في عام 2017 كما قيل.", [])
    b = _record("b", "الثانية", "بعد مرور 1.45 دقيقة يظهر شخص آخر خلف سيارة بيضاء اللون ويصوب بندقيته نحو مبنى السجن في عام 2015 كما قيل.", [])
    d = _dossier([a, b])
    assert [x.kind for x in d.disagreements] == ["numbers"]  # the minutes differ; the years are not counts


def test_an_accusation_told_with_its_denial_is_no_disagreement() -> None:
    """One outlet tells the accusation and who denies it in one sentence, another only the
    accusation: neither contradicts the other."""
    a = _record("a", "الأولى", "وتتهم الحكومة الأوكرانية موسكو بإرسال قوات وأسلحة ثقيلة إلى مناطق المتمردين في الشرق، لكن روسيا تنفي ذلك.", [])
    b = _record("b", "الثانية", "وتتهم الحكومة الأوكرانية موسكو بإرسال قوات وأسلحة ثقيلة إلى مناطق المتمردين في الشرق منذ أشهر.", [])
    assert _dossier([a, b]).disagreements == ()


def test_a_negated_verb_is_matched_by_its_root_not_by_two_letters() -> None:
    """«لم يشر» (did not mention) is no denial of a sentence whose «شركائها» begins with the same
    two letters."""
    a = _record("a", "الأولى", "وقال البيت الأبيض إن واشنطن بدأت تعدل الدعم العسكري لشركائها في سوريا، ولم يشر البيان إلى الحزب بالاسم.", [])
    b = _record("b", "الثانية", "وقال البيت الأبيض إن واشنطن بدأت تعدل الدعم العسكري لشركائها على الأرض في سوريا.", [])
    assert _dossier([a, b]).disagreements == ()


def test_a_number_opening_a_sentence_is_a_note_not_a_count() -> None:
    a = _record("a", "الأولى", "3 منحت الثروات الكبيرة وقلة عدد السكان المسؤولين في الإمارة هامشا واسعا للمناورة في سياستها الخارجية.", [])
    b = _record("b", "الثانية", "5 منحت الثروات الكبيرة وقلة عدد السكان المسؤولين في الإمارة هامشا واسعا للمناورة في سياستها الخارجية.", [])
    assert _dossier([a, b]).disagreements == ()


def test_two_outlets_reporting_one_denial_do_not_disagree() -> None:
    """«وهو ما تنفيه روسيا» reports the denial as «لكن روسيا تنفي ذلك» does."""
    a = _record("a", "الأولى", "وتتهم كييف موسكو بإرسال قوات وأسلحة ثقيلة إلى مناطق المتمردين, ولكن روسيا تنفي ذلك.", [])
    b = _record("b", "الثانية", "وتتهم كييف موسكو بإرسال قوات وأسلحة ثقيلة إلى شرق البلاد وهو ما تنفيه روسيا.", [])
    assert _dossier([a, b]).disagreements == ()


def test_one_quote_with_its_negation_in_two_outlets_is_no_disagreement() -> None:
    """The same negated quote, one outlet putting it in quote marks («"لم»), denies nothing."""
    a = _record("a", "الأولى", "وقال رئيس الوزراء قبل يومين لم نتوصل إلى تغيير حكومي لكن المفاوضات إيجابية ونأمل التوصل إلى تسوية قريبا.", [])
    b = _record("b", "الثانية", 'وقال رئيس الوزراء قبل يومين: "لم نتوصل إلى تغيير حكومي لكن المفاوضات إيجابية ونأمل التوصل إلى تسوية قريبا".', [])
    assert _dossier([a, b]).disagreements == ()


def test_what_and_still_and_a_relative_clause_deny_nothing() -> None:
    """«ما» before a verb is mostly «what» (ما تمارسه) or «still» (ما زالوا); a negator after a
    relative pronoun («التي لم يسيطر عليها») negates something else: none contradicts the other
    outlet's sentence, which uses the same verbs."""
    # «غير» makes the sentence a negated one; only «ما» before «زالوا», a verb the other uses, could make it deny
    a = _record("a", "الأولى", "وأكد المتحدث خروج جميع المصابين من المستشفيات عدا 75 مصابا ما زالوا تحت العلاج والملاحظة في حالة غير مستقرة.", [])
    b = _record("b", "الثانية", "وأكد المتحدث خروج جميع المصابين من المستشفيات عدا 75 مصابا زالوا تحت العلاج والملاحظة حتى الآن.", [])
    c = _record("c", "الثالثة", "وأعلن متمردون طوارق الاثنين سيطرتهم على كيدال المدينة الكبيرة في شمال مالي التي لم يسيطر عليها بعد الجنود.", [])
    d = _record("d", "الرابعة", "وأعلن متمردون طوارق الاثنين سيطرتهم على كيدال المدينة الكبيرة في شمال مالي بعد انسحاب المسلحين منها.", [])
    assert _dossier([a, b]).disagreements == ()
    assert _dossier([c, d]).disagreements == ()


def test_counts_of_different_places_are_no_disagreement() -> None:
    """«37 hurt in Cairo and Port Said» and «22 hurt around the bridge in Giza» count different
    things; the same sentence about one place with another figure still disagrees."""
    cairo, port_said, giza = ("القاهرة", "e-cairo", "LOC"), ("بورسعيد", "e-port-said", "LOC"), ("الجيزة", "e-giza", "LOC")
    ministry = ("وزارة الصحة", "e-health", "ORG")  # both name the ministry: not told apart by their names alone
    wide = _record("a", "الأولى", "أعلن المتحدث باسم وزارة الصحة إصابة 37 شخصا في الاشتباكات الدائرة اليوم في القاهرة وبورسعيد.", [ministry, cairo, port_said])
    near = _record("b", "الثانية", "أعلن المتحدث باسم وزارة الصحة إصابة 22 شخصا في الاشتباكات الدائرة اليوم في الجيزة قرب الجسر.", [ministry, giza])
    same = _record("c", "الثالثة", "أعلن المتحدث باسم وزارة الصحة إصابة 30 شخصا في الاشتباكات الدائرة اليوم في الجيزة قرب الجسر.", [ministry, giza])
    assert [{s.article for s in x.sides} for x in _dossier([wide, near, same]).disagreements] == [{"b", "c"}]


def test_a_count_broken_down_is_no_disagreement_and_one_figure_in_two_notations_agrees() -> None:
    """A sentence giving seats several figures (a list's total and its parts) breaks the count
    down: another part's figure does not contradict it. «8ر4 مليار» and «4.8 مليار» are one figure."""
    parts = _record("a", "الأولى", "وأسفرت نتائج انتخابات اتحاد الطلاب عن فوز القائمة بعدد 108 مقاعد من أصل 294 مقعدا على مستوى كليات الجامعة.", [])
    one = _record("b", "الثانية", "وأسفرت نتائج انتخابات اتحاد الطلاب عن فوز القائمة بعدد 14 مقعدا على مستوى كليات الجامعة بالفرقة الثالثة.", [])
    assert _dossier([parts, one]).disagreements == ()
    press = _record("c", "الأولى", "وقال الوزير إن صادرات خدمات التعهيد بلغت 8ر4 مليار دولار خلال العام المالي الماضي بزيادة كبيرة.", [])
    plain = _record("d", "الثانية", "وقال الوزير إن صادرات خدمات التعهيد بلغت 4.8 مليار دولار خلال العام المالي الماضي بزيادة كبيرة.", [])
    other = _record("e", "الثالثة", "وقال الوزير إن صادرات خدمات التعهيد بلغت 6.2 مليار دولار خلال العام المالي الماضي بزيادة كبيرة.", [])
    assert _dossier([press, plain]).disagreements == ()
    assert [x.kind for x in _dossier([press, other]).disagreements] == ["numbers"]


def test_approximate_figures_registration_numbers_and_date_ranges_are_no_contradiction() -> None:
    """«نحو 39 ألف جنيه» agrees with 38,916 pounds; a case's number and an exam's days are not
    counts; an exact figure a third off still disagrees."""
    about = _record("a", "الأولى", "وقال وزير القوى العاملة إن صندوق الطوارئ صرف نحو 39 ألف جنيه للعمال المتضررين خلال الشهر الماضي.", [])
    exact = _record("b", "الثانية", "وقال وزير القوى العاملة إن صندوق الطوارئ صرف 38916 جنيها للعمال المتضررين خلال الشهر الماضي.", [])
    far = _record("c", "الثالثة", "وقال وزير القوى العاملة إن صندوق الطوارئ صرف 52000 جنيه للعمال المتضررين خلال الشهر الماضي.", [])
    assert _dossier([about, exact]).disagreements == ()
    rounded = _record("h", "الرابعة", "وقال وزير القوى العاملة إن صندوق الطوارئ صرف حوالي 39000 جنيه للعمال المتضررين خلال الشهر الماضي.", [])
    assert _dossier([rounded, exact]).disagreements == ()
    assert [x.kind for x in _dossier([exact, far]).disagreements] == ["numbers"]
    case = _record("d", "الأولى", "وأحالت النيابة العامة الدعوى رقم 1234 لسنة 2013 إلى محكمة جنايات القاهرة للنظر فيها.", [])
    other = _record("e", "الثانية", "وأحالت النيابة العامة الدعوى رقم 4321 لسنة 2013 إلى محكمة جنايات القاهرة للنظر فيها.", [])
    assert _dossier([case, other]).disagreements == ()
    exams = _record("f", "الأولى", "وأعلنت وزارة التربية والتعليم أن امتحانات الشهادة الإعدادية تبدأ من 7 إلى 13 مايو المقبل.", [])
    moved = _record("g", "الثانية", "وأعلنت وزارة التربية والتعليم أن امتحانات الشهادة الإعدادية تبدأ من 5 إلى 11 مايو المقبل.", [])
    assert _dossier([exams, moved]).disagreements == ()


def test_counts_of_millions_agree_to_the_precision_they_are_given_to() -> None:
    """17,412,250 pounds are «17.4 مليون» and «17 مليونا و412 ألفا»; 19.6 million are not; two
    exact figures a pound apart are two figures."""
    said = "وقال رئيس مجلس إدارة الشركة إن إيرادات الشركة من التصدير بلغت {} خلال الربع الأول من العام الجاري."
    exact = _record("a", "الأولى", said.format("17,412,250 جنيها"), [])
    worded = _record("b", "الثانية", said.format("17 مليونا و412 ألفا و250 جنيها"), [])
    rounded = _record("c", "الثالثة", said.format("17.4 مليون جنيه"), [])
    thousands = _record("d", "الرابعة", said.format("17 مليونا و412 ألف جنيه"), [])
    other = _record("e", "الخامسة", said.format("19.6 مليون جنيه"), [])
    off = _record("f", "السادسة", said.format("17,412,251 جنيها"), [])
    assert _dossier([exact, worded, rounded, thousands]).disagreements == ()
    assert [x.kind for x in _dossier([rounded, other]).disagreements] == ["numbers"]
    assert [x.kind for x in _dossier([exact, off]).disagreements] == ["numbers"]


def test_counts_over_spans_ending_when_told_hours_apart_are_no_contradiction() -> None:
    """Two daily police bulletins («خلال الـ24 ساعة الماضية») published in the night and in the
    evening count two spans; published an hour apart they count one, and so do two counts of no
    span hours apart."""
    from dataclasses import replace

    said = "وأعلنت مديرية الأمن ضبط {} متهما هاربا من تنفيذ أحكام قضائية خلال الـ24 ساعة الماضية في حملات أمنية."
    night = replace(_record("a", "الأولى", said.format(120), []), published="2013-02-11T01:13:00")
    evening = replace(_record("b", "الثانية", said.format(95), []), published="2013-02-11T20:02:00")
    soon = replace(evening, published="2013-02-11T02:10:00")
    assert _dossier([night, evening]).disagreements == ()
    assert [x.kind for x in _dossier([night, soon]).disagreements] == ["numbers"]
    once = "وأعلنت مديرية الأمن ضبط {} متهما هاربا من تنفيذ أحكام قضائية في الحملة الأمنية على قرية الشيخ زايد."
    first = replace(_record("c", "الأولى", once.format(120), []), published="2013-02-11T01:13:00")
    later = replace(_record("d", "الثانية", once.format(95), []), published="2013-02-11T20:02:00")
    assert [x.kind for x in _dossier([first, later]).disagreements] == ["numbers"]


def test_a_bulletin_says_its_span_once_for_all_its_counts() -> None:
    """A police bulletin names its span in its first sentence («خلال 24 ساعة») and gives its
    counts in the next: a night's and an evening's bulletin count two spans."""
    from dataclasses import replace

    opening = "وشنت الإدارة العامة لشرطة الضرائب حملات أمنية مكثفة خلال 24 ساعة على مستوى محافظات الجمهورية لضبط المخالفين."
    counts = " كما أسفرت جهود الحملة في مجال الضرائب العقارية عن ضبط {} قضية تهرب من الضرائب العقارية والأطيان الزراعية على مستوى الجمهورية."
    night = replace(_record("a", "الأولى", opening + counts.format(21), []), published="2013-02-11T01:13:00")
    evening = replace(_record("b", "الثانية", opening + counts.format(26), []), published="2013-02-11T20:02:00")
    assert _dossier([night, evening]).disagreements == ()
    soon = replace(evening, published="2013-02-11T02:10:00")
    assert [x.kind for x in _dossier([night, soon]).disagreements] == ["numbers"]


def test_counts_of_other_days_or_of_other_people_are_no_contradiction() -> None:
    """A toll of Monday against one of Tuesday counts two days; a count of the defendants one judge
    released against one of those another judge held counts other people. The same counts of
    one day, or of the same judge's decision, disagree."""
    from dataclasses import replace

    said = "وقال المرصد السوري لحقوق الإنسان إن {} شخصا قتلوا {} في قصف القوات الحكومية على أحياء مدينة حمص."
    monday = replace(_record("a", "الأولى", said.format(123, "يوم الاثنين"), []), published="2013-02-06T10:00:00")
    tuesday = replace(_record("b", "الثانية", said.format(64, "يوم الثلاثاء"), []), published="2013-02-06T11:00:00")
    also_monday = replace(_record("c", "الثالثة", said.format(64, "يوم الاثنين"), []), published="2013-02-06T12:00:00")
    assert _dossier([monday, tuesday]).disagreements == ()
    assert [x.kind for x in _dossier([monday, also_monday]).disagreements] == ["numbers"]
    judge = "قرر المستشار {} قاضي المعارضات بمحكمة جنح قصر النيل إخلاء سبيل {} متهمين في أحداث الاشتباكات بمحيط وزارة الداخلية."
    court = ("محكمة جنح قصر النيل", "e-court", "ORG")  # named by both: not entities all different
    one = _record("d", "الأولى", judge.format("محمد ثروت", 4), [("محمد ثروت", "e-tharwat", "PER"), court])
    other = _record("e", "الثانية", judge.format("إيهاب يسري", 6), [("إيهاب يسري", "e-yousry", "PER"), court])
    same = _record("f", "الثالثة", judge.format("محمد ثروت", 6), [("محمد ثروت", "e-tharwat", "PER"), court])
    assert _dossier([one, other]).disagreements == ()
    assert [x.kind for x in _dossier([one, same]).disagreements] == ["numbers"]


def test_a_count_in_words_and_in_digits_is_one_figure() -> None:
    """«خمسة متهمين» and «5 متهمين» agree; against «3 متهمين» a disagreement."""
    said = "وقرر قاضي المعارضات بمحكمة جنح قصر النيل تجديد حبس {} متهمين في أحداث الاشتباكات بمحيط وزارة الداخلية."
    words = _record("a", "الأولى", said.format("خمسة"), [])
    digits = _record("b", "الثانية", said.format("5"), [])
    other = _record("c", "الثالثة", said.format("3"), [])
    assert _dossier([words, digits]).disagreements == ()
    assert [x.kind for x in _dossier([words, other]).disagreements] == ["numbers"]


def test_a_count_glued_to_its_noun_is_read_as_one() -> None:
    """«12قضية» (no space) counts cases as «12 قضية» does: against «15 قضية» a disagreement."""
    glued = _record("a", "الأولى", "وكشفت التحريات أن المتهم الهارب مطلوب في 12قضية سرقة بالإكراه في محافظة الجيزة.", [])
    other = _record("b", "الثانية", "وكشفت التحريات أن المتهم الهارب مطلوب في 15 قضية سرقة بالإكراه في محافظة الجيزة.", [])
    assert [x.kind for x in _dossier([glued, other]).disagreements] == ["numbers"]


def test_the_bound_of_a_range_is_no_count() -> None:
    """«بين 10 و15 ألف شخص» gives bounds: against «نحو 10 آلاف شخص» no disagreement."""
    ranged = _record("a", "الأولى", "وقدرت مصادر أمنية عدد المشاركين في المسيرة بين 10 و15 ألف شخص أمام مقر المحافظة اليوم.", [])
    about = _record("b", "الثانية", "وقدرت مصادر أمنية عدد المشاركين في المسيرة بنحو 10 آلاف شخص أمام مقر المحافظة اليوم.", [])
    assert _dossier([ranged, about]).disagreements == ()


def test_a_figure_the_other_article_also_gives_that_count_is_no_contradiction() -> None:
    """One outlet gives the 20 aboard a balloon and, in a sentence closer to the other's, the 18
    killed; the other gives the 18 killed: read whole they agree. An outlet giving only its own
    figure still disagrees."""
    aboard = _record(
        "a",
        "الأولى",
        "وكان المنطاد يحمل 20 سائحا من جنسيات مختلفة عند انفجاره فوق قرية الضبعية غرب الأقصر صباح اليوم. "
        "وأسفر انفجار المنطاد فوق قرية الضبعية غرب الأقصر صباح اليوم عن مقتل 18 سائحا من جنسيات مختلفة.",
        [],
    )
    killed = _record("b", "الثانية", "وأسفر انفجار المنطاد فوق قرية الضبعية غرب الأقصر صباح اليوم عن مقتل 18 سائحا وإصابة آخرين.", [])
    other = _record("c", "الثالثة", "وأسفر انفجار المنطاد فوق قرية الضبعية غرب الأقصر صباح اليوم عن مقتل 19 سائحا وإصابة آخرين.", [])
    assert _dossier([aboard, killed]).disagreements == ()
    assert [{s.article for s in x.sides} for x in _dossier([killed, other]).disagreements] == [{"b", "c"}]


def test_a_total_against_its_parts_is_no_contradiction() -> None:
    """Three bolts of one cloth and two of another make the five the other outlet counts."""
    parts = _record(
        "a",
        "الأولى",
        "وضبطت الأجهزة الأمنية بحوزة المتهم 3 أثواب من قماش الزي العسكري داخل مخزن بمدينة نصر. "
        "كما عثرت القوة على 2 أثواب من القماش الأبيض داخل المخزن نفسه بمدينة نصر.",
        [],
    )
    total = _record("b", "الثانية", "وضبطت الأجهزة الأمنية بحوزة المتهم 5 أثواب من قماش الزي العسكري داخل مخزن بمدينة نصر.", [])
    wrong = _record("c", "الثالثة", "وضبطت الأجهزة الأمنية بحوزة المتهم 7 أثواب من قماش الزي العسكري داخل مخزن بمدينة نصر.", [])
    assert _dossier([parts, total]).disagreements == ()
    assert [x.kind for x in _dossier([total, wrong]).disagreements] == ["numbers"]


def test_a_total_against_the_parts_one_sentence_gives_and_a_decimal_copied_backwards_are_no_contradiction() -> None:
    """46 medium fire engines and 7 small ones are the 53 the other outlet counts (the plural is
    another counted word); right-to-left copy writes 1.2 as «2.1»."""
    parts = _record("a", "الأولى", "وأشار رئيس الحماية المدنية إلى أن المنحة يتم من خلالها توريد 46 سيارة إطفاء متوسطة و7 سيارات إطفاء صغيرة للمحافظات.", [])
    total = _record("b", "الثانية", "وأشار رئيس الحماية المدنية إلى أن المنحة يتم من خلالها توريد 53 سيارة إطفاء متوسطة وصغيرة للمحافظات.", [])
    wrong = _record("c", "الثالثة", "وأشار رئيس الحماية المدنية إلى أن المنحة يتم من خلالها توريد 60 سيارة إطفاء متوسطة وصغيرة للمحافظات.", [])
    assert _dossier([parts, total]).disagreements == ()
    assert [x.kind for x in _dossier([parts, wrong]).disagreements] == ["numbers"]
    # The other figure of another word is another thing: 46 killed and 7 soldiers wounded are no 53 killed
    killed = _record("g", "الأولى", "وأسفرت الاشتباكات العنيفة في ميدان المدينة عن مقتل 46 متظاهرا وإصابة 7 مجندين من قوات الأمن.", [])
    more = _record("h", "الثانية", "وأسفرت الاشتباكات العنيفة في ميدان المدينة عن مقتل 53 متظاهرا من أبناء المحافظة.", [])
    assert [x.kind for x in _dossier([killed, more]).disagreements] == ["numbers"]
    backwards = _record("d", "الأولى", "وارتفعت قيمة الاستثمارات المالية للهيئات الاقتصادية خلال العام المالي بنسبة زيادة قدرها 2.1 نقطة في غالبية القطاعات.", [])
    forwards = _record("e", "الثانية", "وارتفعت قيمة الاستثمارات المالية للهيئات الاقتصادية خلال العام المالي بنسبة زيادة قدرها 1.2 نقطة في غالبية القطاعات.", [])
    other = _record("f", "الثالثة", "وارتفعت قيمة الاستثمارات المالية للهيئات الاقتصادية خلال العام المالي بنسبة زيادة قدرها 3.4 نقطة في غالبية القطاعات.", [])
    assert _dossier([backwards, forwards]).disagreements == ()
    assert [x.kind for x in _dossier([forwards, other]).disagreements] == ["numbers"]


def test_a_negator_setting_a_condition_denies_nothing() -> None:
    """«إذا لم يقدم الأدلة» sets a condition; it does not deny the other outlet's complaint."""
    condition = _record("a", "الأولى", "وهدد المحامي بتقديم بلاغ إلى النائب العام ضد رئيس الحزب إذا لم يقدم الأدلة على اتهاماته خلال أيام.", [])
    complaint = _record("b", "الثانية", "وقدم المحامي بلاغا إلى النائب العام ضد رئيس الحزب بعد أن قدم الأدلة على اتهاماته أمس.", [])
    assert _dossier([condition, complaint]).disagreements == ()
    denied = _record("c", "الثالثة", "ولم يقدم المحامي أي بلاغ إلى النائب العام ضد رئيس الحزب ولم يقدم الأدلة على اتهاماته أمس.", [])
    assert [x.kind for x in _dossier([denied, complaint]).disagreements] == ["denial"]


def test_a_pledge_and_a_denial_of_another_day_deny_nothing_reported() -> None:
    """«لن تشهد» pledges what will not happen: against an outlet telling what the area sees each
    year, no denial (as «لم تشهد» would be). A deal not signed on Sunday against one signed on
    Monday: other days."""
    from dataclasses import replace

    pledge = _record("a", "الأولى", "وتعهد وزير المرافق بأنه بحلول الصيف لن تشهد قرى شمال الجيزة أي أزمات في مياه الشرب بعد تنفيذ المشروعات الجديدة.", [])
    told = _record("b", "الثانية", "وقال وزير المرافق إن قرى شمال الجيزة تشهد أزمات في مياه الشرب كل صيف قبل تنفيذ المشروعات الجديدة.", [])
    assert _dossier([pledge, told]).disagreements == ()
    past = _record("c", "الثالثة", "وقال وزير المرافق إن قرى شمال الجيزة لم تشهد أي أزمات في مياه الشرب هذا الصيف بعد تنفيذ المشروعات الجديدة.", [])
    assert [x.kind for x in _dossier([past, told]).disagreements] == ["denial"]
    signed = "وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقا عسكريا لتزويد روسيا بالذخائر {}."
    unsigned = "ولم يوقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون أي اتفاق عسكري لتزويد روسيا بالذخائر {}."
    monday = replace(_record("d", "الأولى", signed.format("يوم الاثنين"), [PUTIN, KIM]), published="2023-09-13T10:00:00")
    sunday = replace(_record("e", "الثانية", unsigned.format("يوم الأحد"), [PUTIN, KIM]), published="2023-09-13T11:00:00")
    also_monday = replace(_record("f", "الثالثة", unsigned.format("يوم الاثنين"), [PUTIN, KIM]), published="2023-09-13T12:00:00")
    assert _dossier([monday, sunday]).disagreements == ()
    assert [x.kind for x in _dossier([monday, also_monday]).disagreements] == ["denial"]


def test_a_negated_act_the_sentence_also_tells_and_a_reference_after_a_slash_are_no_contradiction() -> None:
    """«لم يهاجمها من أجل … ولكن هاجمها لأنهم …» tells the act and denies its reason: against an
    outlet telling the act, no denial. «المحضر رقم 4714/62 جنايات» names a case: no count of
    anything against another case's number."""
    told = _record("a", "الأولى", "وقال رئيس الحزب إن من هاجم الحكومة خلال الحوار لم يهاجمها من أجل مصلحة المصريين ولكن هاجمها لأنهم يريدون نصيبهم.", [])
    plain = _record("b", "الثانية", "وقال رئيس الحزب إن من هاجم الحكومة خلال الحوار هاجمها من أجل مصلحة المصريين ولكي يأخذوا نصيبهم.", [])
    assert _dossier([told, plain]).disagreements == ()
    denied = _record("c", "الثالثة", "وقال رئيس الحزب إن من هاجم الحكومة خلال الحوار لم يهاجمها من أجل مصلحة المصريين ولكي يأخذوا نصيبهم.", [])
    assert [x.kind for x in _dossier([denied, plain]).disagreements] == ["denial"]
    one = _record("d", "الأولى", "وتحرر عن ذلك المحضر رقم 4714/62 جنايات مركز شرطة بنها لسنة 2013 وجاري العرض على النيابة العامة.", [])
    other = _record("e", "الثانية", "وتحرر عن ذلك المحضر رقم 20/4037 جنايات مركز شرطة بنها لسنة 2013 وجاري العرض على النيابة العامة.", [])
    assert _dossier([one, other]).disagreements == ()


def test_a_denial_is_of_what_follows_its_verb_and_a_denial_told_otherwise_is_one() -> None:
    """«ونفى وجود أي خلافات بينه وبين هيتو» denies a dispute: against an outlet telling the two
    travelled together, no disagreement; against one reporting the dispute, a denial. «نافيا»
    and «وهو ما نفاه» tell a denial as «نفى» does. A negated «to be» («لن أكون سعيدا») denies no act."""
    khatib = ("أحمد معاذ الخطيب", "e-khatib", "PER")
    denial = _record("a", "الأولى", "ونفى أحمد معاذ الخطيب وجود أي خلافات على الإطلاق بينه وبين رئيس الحكومة المؤقتة للمعارضة السورية.", [khatib])
    trip = _record("b", "الثانية", "ووصل أحمد معاذ الخطيب إلى الدوحة على رأس وفد رسمي ضم رئيس الحكومة المؤقتة للمعارضة السورية.", [khatib])
    dispute = _record("c", "الثالثة", "وقالت مصادر مطلعة إن خلافات حادة نشبت أمس بين أحمد معاذ الخطيب ورئيس الحكومة المؤقتة للمعارضة السورية حول تشكيل الحكومة.", [khatib])
    assert _dossier([denial, trip]).disagreements == ()
    assert [x.kind for x in _dossier([denial, dispute]).disagreements] == ["denial"]
    first = _record("d", "الأولى", "ونفى الثوار أن يكونوا استعملوا في احتجاجهم أية أسلحة وأكدوا أن احتجاجاتهم سلمية ومدنية.", [])
    second = _record("e", "الثانية", "وتظاهر الثوار أمام مقر المحافظة نافين أنهم استعملوا في احتجاجهم أية أسلحة وأن احتجاجاتهم سلمية ومدنية.", [])
    assert _dossier([first, second]).disagreements == ()
    sad = _record("f", "الأولى", "وقال الرئيس لن أكون سعيدا إذا أثبتت التحقيقات إدانة بعض الساسة وأخشى أن أكون على وشك أن أفعل ذلك.", [])
    said = _record("g", "الثانية", "وقال الرئيس إذا اضطررت لاتخاذ ما يلزم لحماية الوطن سأفعل وأخشى أن أكون على وشك أن أفعل ذلك.", [])
    assert _dossier([sad, said]).disagreements == ()


def test_an_outlet_telling_the_report_and_then_its_denial_does_not_disagree_with_the_denial() -> None:
    """One outlet restates the report a ministry rebuts, and its next sentence tells the rebuttal:
    against another outlet telling the rebuttal, no disagreement. An outlet telling the report
    alone still disagrees with the denial."""
    denial = _record("a", "الأولى", "ونفى رئيس المكتب الفني لوزير العدل أن يكون الوزير قد طلب رفع الحصانة القضائية عن رئيس نادي القضاة في أي وقت.", [])
    both = _record(
        "b",
        "الثانية",
        "وأكد رئيس المكتب الفني لوزير العدل أنه لم يسبق للوزير أن طلب رفع الحصانة القضائية عن رئيس نادي القضاة في أي وقت. "
        "جاء ذلك ردا على ما أثير في اجتماع النادي من أن الوزير طلب عدة مرات رفع الحصانة القضائية عن رئيس نادي القضاة.",
        [],
    )
    report = _record(
        "c", "الثالثة", "وقال أعضاء في الجمعية العمومية الطارئة يوم الجمعة الماضي إن الوزير طلب عدة مرات رفع الحصانة القضائية عن رئيس نادي القضاة في ضوء الخلافات الدائرة بينهما.", []
    )
    assert _dossier([denial, both]).disagreements == ()
    assert [x.kind for x in _dossier([denial, report]).disagreements] == ["denial"]


def test_a_clock_time_and_a_cut_off_thousands_group_are_no_counts() -> None:
    """«الساعة 9 صباحا» against «الساعة 10 صباحا» gives two times, not counts of mornings; «09:00
    صباحا» neither; «350 , 000 طفل» (a page that spaced its thousands separator) counts no
    children at 000."""
    nine = _record("a", "الأولى", "وقع الانفجار أمام مبنى المحافظة في الساعة 9 صباحا وأسفر عن أضرار كبيرة في المباني المجاورة.", [])
    ten = _record("b", "الثانية", "وقع الانفجار أمام مبنى المحافظة في الساعة 10 صباحا وأسفر عن أضرار كبيرة في المباني المجاورة.", [])
    clock = _record("c", "الثالثة", "وقع الانفجار أمام مبنى المحافظة في الساعة 09:00 صباحا وأسفر عن أضرار كبيرة في المباني المجاورة.", [])
    assert _dossier([nine, ten]).disagreements == ()
    assert _dossier([ten, clock]).disagreements == ()
    spaced = _record("d", "الأولى", "وساعدت المنظمة 350 , 000 طفل على التسجيل في المدارس خلال العام الدراسي الماضي في المخيمات.", [])
    worded = _record("e", "الثانية", "وساعدت المنظمة 350 ألف طفل على التسجيل في المدارس خلال العام الدراسي الماضي في المخيمات.", [])
    assert _dossier([spaced, worded]).disagreements == ()


def test_numbers_naming_a_thing_are_no_counts() -> None:
    """An article of a law («المادة 242 مكرر»), a number plate behind its letters («رقم (ه ج ل
    748 مصر)») and a case's judicial year («لسنة 67 قضائية») name things: two outlets giving
    other such numbers give no two figures of one count."""
    law = _record("a", "الأولى", "وقضت المحكمة الدستورية برفض الدعوى التي تطعن بعدم دستورية المادة 242 مكررا من قانون العقوبات المصري.", [])
    other_law = _record("b", "الثانية", "وقضت المحكمة الدستورية برفض الدعوى التي تطعن بعدم دستورية المادة 212 مكررا من قانون العقوبات المصري.", [])
    assert _dossier([law, other_law]).disagreements == ()
    plate = _record("c", "الأولى", "وتمكنت قوات الأمن من ضبط السيارة رقم (ه ج ل 748 مصر) ويستقلها المتهمون في منطقة السلام شرق القاهرة.", [])
    other_plate = _record("d", "الثانية", "وتمكنت قوات الأمن من ضبط السيارة رقم (ق ج س 4376 مصر) ويستقلها المتهمون في منطقة السلام شرق القاهرة.", [])
    assert _dossier([plate, other_plate]).disagreements == ()
    year = _record("e", "الأولى", "وأقامت الهيئة دعواها رقم 8258 لسنة 67 قضائية أمام محكمة القضاء الإداري بشأن ملكية الأراضي.", [])
    other_year = _record("f", "الثانية", "وأقامت الهيئة دعواها رقم 8258 لسنة 66 قضائية أمام محكمة القضاء الإداري بشأن ملكية الأراضي.", [])
    assert _dossier([year, other_year]).disagreements == ()
    # A road's kilometre marker («بالكيلو 20 طريق …») is a place, not twenty roads.
    assert not _disputes(
        "وقع حادث انقلاب سيارة أجرة بالكيلو 20 طريق سفاجا قنا وانتقلت سيارات الإسعاف إلى موقع الحادث على الفور.",
        "وقع حادث انقلاب سيارة أجرة بالكيلو 21 طريق سفاجا قنا وانتقلت سيارات الإسعاف إلى موقع الحادث على الفور.",
    )
    # A price per kilo is still a figure.
    price = "وارتفع سعر الكيلو {} جنيها في أسواق الخضر والفاكهة بالقاهرة بسبب نقص المعروض من الطماطم هذا الأسبوع."
    assert _disputes(price.format(10), price.format(15)) == ["numbers"]
    # A count beside them is still read: 4 men against 5 in the same car.
    four = _record("g", "الأولى", "وتمكنت قوات الأمن من ضبط السيارة رقم (ه ج ل 748 مصر) ويستقلها 4 متهمين في منطقة السلام شرق القاهرة.", [])
    five = _record("h", "الثانية", "وتمكنت قوات الأمن من ضبط السيارة رقم (ه ج ل 748 مصر) ويستقلها 5 متهمين في منطقة السلام شرق القاهرة.", [])
    assert [x.kind for x in _dossier([four, five]).disagreements] == ["numbers"]


def test_one_weight_in_a_unit_and_its_part_is_one_figure() -> None:
    """«2 كيلو و600 جرام» and «2.600 كيلو جرام» weigh the same; «3 كيلو» is another figure."""
    parts = _record("a", "الأولى", "وعثرت الشرطة بحوزة المتهم على مشغولات ذهبية تزن 2 كيلو و600 جرام مسروقة من محل في مدينة نصر.", [])
    decimal = _record("b", "الثانية", "وعثرت الشرطة بحوزة المتهم على مشغولات ذهبية تزن 2.600 كيلو جرام مسروقة من محل في مدينة نصر.", [])
    other = _record("c", "الثالثة", "وعثرت الشرطة بحوزة المتهم على مشغولات ذهبية تزن 3 كيلو جرام مسروقة من محل في مدينة نصر.", [])
    assert _dossier([parts, decimal]).disagreements == ()
    assert [x.kind for x in _dossier([parts, other]).disagreements] == ["numbers"]


def test_figures_of_people_under_different_decisions_are_different_counts() -> None:
    """«حبس 11 متهما» against «إخلاء سبيل 18 متهما»: those held and those released are different
    people. Two figures of those held are one count told two ways."""
    held = _record("a", "الأولى", "وقررت نيابة مصر الجديدة حبس 11 متهما أربعة أيام على ذمة التحقيق في أحداث حريق بوابة قصر الاتحادية.", [])
    released = _record("b", "الثانية", "وقررت نيابة مصر الجديدة إخلاء سبيل 18 متهما على ذمة التحقيق في أحداث حريق بوابة قصر الاتحادية.", [])
    held_more = _record("c", "الثالثة", "وقررت نيابة مصر الجديدة حبس 14 متهما أربعة أيام على ذمة التحقيق في أحداث حريق بوابة قصر الاتحادية.", [])
    assert _dossier([held, released]).disagreements == ()
    assert [x.kind for x in _dossier([held, held_more]).disagreements] == ["numbers"]


def _quoting(record: Article, said: str, cue: str, speaker: tuple[str, str, str]) -> Article:
    """The record with its words `said` quoted from `speaker` (surface, entity id, type) after `cue`."""
    start = record.text.index(said)
    record.quotes.append(Quote(said, "indirect", start, start + len(said), cue, speaker[0], speaker_id=speaker[1]))
    return record


def test_one_speakers_denial_and_his_own_words_elsewhere_are_no_disagreement() -> None:
    """«نفى عزازي الأنباء عن انسحاب التيار من الجبهة» against «أكد عزازي أن المجلس ناقش انسحاب
    التيار … واتفق الجميع على البقاء»: two outlets reporting one speaker do not disagree. The same denial against an outlet that
    reports the withdrawal as done is a disagreement."""
    azazi = ("عزازي علي عزازي", "e-azazi", "PER")
    denial = _quoting(
        _record("a", "الأولى", "نفى عزازي علي عزازي عضو مجلس أمناء التيار الشعبي الأنباء عن انسحاب التيار الشعبي من عضوية جبهة الإنقاذ الوطني.", [azazi]),
        "الأنباء عن انسحاب التيار الشعبي من عضوية جبهة الإنقاذ الوطني",
        "نفى",
        azazi,
    )
    said = "المجلس ناقش اليوم انسحاب التيار من جبهة الإنقاذ الوطني واتفق الجميع على البقاء بشرط رفع السقف السياسي للجبهة"
    own = _record("b", "الثانية", f"أكد عزازي علي عزازي عضو مجلس أمناء التيار الشعبي على هامش اجتماع المجلس أن {said}.", [azazi])
    report = _record("c", "الثالثة", "أعلنت مصادر في التيار الشعبي على هامش اجتماع مجلس الأمناء انسحاب التيار الشعبي من عضوية جبهة الإنقاذ الوطني احتجاجا على قرارات قيادتها.", [])
    # Whose words: no quote names him, but he is who the reporting verb has speak.
    assert _dossier([denial, own]).disagreements == ()
    _quoting(own, said, "أكد", azazi)
    assert _dossier([denial, own]).disagreements == ()
    assert [x.kind for x in _dossier([denial, report]).disagreements] == ["denial"]


def test_the_ages_of_two_people_are_no_count_given_two_figures() -> None:
    """«أسامة الطوخي، 32 سنة» against «محمود أحمد محمد، 12 سنة»: two victims' ages. One man's age
    given two figures («محمد.ع.م 44 سنة» / «(محمد ع.م) 45 سنة») is a disagreement."""
    one = _record("a", "الأولى", "وتلقى مأمور قسم الزقازيق بلاغا بإصابة المدعو أسامة لطفي الطوخي، 32 سنة، بطلق ناري في الساق أثناء مشاجرة بالمنطقة.", [])
    other = _record("b", "الثانية", "وتلقى مأمور قسم الزقازيق بلاغا بإصابة الطالب محمود أحمد محمد، 12 سنة، بطلق ناري في الساق أثناء مشاجرة بالمنطقة.", [])
    assert _dossier([one, other]).disagreements == ()
    same = _record("c", "الأولى", "وتلقى قسم شرطة المقطم بلاغا من المواطن \"محمد.ع.م\" 44 سنة، يفيد بسرقة سيارته من أمام منزله بالمنطقة.", [])
    older = _record("d", "الثانية", "وتلقى قسم شرطة المقطم بلاغا من المواطن (محمد ع.م) 45 سنة، يفيد بسرقة سيارته من أمام منزله بالمنطقة.", [])
    assert [x.kind for x in _dossier([same, older]).disagreements] == ["numbers"]


def test_a_figure_and_the_same_with_a_fraction_agree() -> None:
    """«320.6 مترا» and «320 مترا» are one length given to two precisions; «300 متر» is another."""
    precise = _record("a", "الأولى", "وعبرت قناة السويس أمس أكبر سفينة حاويات في العالم ويبلغ طولها 320.6 مترا وعرضها كبير جدا.", [])
    whole = _record("b", "الثانية", "وعبرت قناة السويس أمس أكبر سفينة حاويات في العالم ويبلغ طولها 320 مترا وعرضها كبير جدا.", [])
    other = _record("c", "الثالثة", "وعبرت قناة السويس أمس أكبر سفينة حاويات في العالم ويبلغ طولها 300 مترا وعرضها كبير جدا.", [])
    assert _dossier([precise, whole]).disagreements == ()
    assert [x.kind for x in _dossier([precise, other]).disagreements] == ["numbers"]
    # An approximate figure is still read as one, within a tenth: «نحو 300 متر» and 320.6.
    about = _record("d", "الرابعة", "وعبرت قناة السويس أمس أكبر سفينة حاويات في العالم ويبلغ طولها نحو 300 مترا وعرضها كبير جدا.", [])
    assert _dossier([precise, about]).disagreements == ()


def test_a_figure_whose_point_may_group_thousands_agrees_with_that_reading() -> None:
    """«75.100 كيلو» may be 75.1 kilos or 75,100 (a point written for the thousands comma): the
    same seizure given as «75,100 كيلو» is one figure written two ways; «75 كيلو» rounds the first
    reading. «75.200» is another weight."""
    text = "وتمكنت قوات الأمن بالمنطقة من ضبط المتهم وبحوزته كمية من الحشيش تزن {} كيلو داخل سيارته."
    point = _record("a", "الأولى", text.format("75.100"), [])
    comma = _record("b", "الثانية", text.format("75,100"), [])
    other = _record("c", "الثالثة", text.format("75,200"), [])
    assert _dossier([point, comma]).disagreements == ()
    assert [x.kind for x in _dossier([point, other]).disagreements] == ["numbers"]


def test_a_weight_in_a_unit_and_its_part_agrees_with_its_point_for_a_comma() -> None:
    """«50 كيلو و300 جرام» is 50.3 kilos; «50,300 كيلو» writes it with the comma for the point."""
    text = "وتم ضبط المتهم في كمين بالطريق الصحراوي وبحوزته 503 طربة من مخدر الحشيش وزنها {} وهاتف محمول."
    parts = _record("a", "الأولى", text.format("50 كيلو و300 جرام"), [])
    comma = _record("b", "الثانية", text.format("50,300 كيلو"), [])
    assert _dossier([parts, comma]).disagreements == ()


def test_pieces_of_other_things_are_other_counts() -> None:
    """«قطعة» counts pieces of what follows it: firearms and knives are two counts."""
    text = "وأسفرت جهود الحملات الأمنية على مدى 24 ساعة بكافة المحافظات عن ضبط {} قطعة سلاح {} وتنفيذ أحكام قضائية متنوعة."
    guns = _record("a", "الأولى", text.format(87, "نارى"), [])
    knives = _record("b", "الثانية", text.format(230, "أبيض"), [])
    fewer_guns = _record("c", "الثالثة", text.format(78, "ناري"), [])
    assert _dossier([guns, knives]).disagreements == ()
    assert [x.kind for x in _dossier([guns, fewer_guns]).disagreements] == ["numbers"]


def test_figures_told_in_other_words_around_them_count_other_things() -> None:
    """Two accidents on one road on one evening share most of their words; what is said around
    each figure (a taxi overturned, two cars in collision) tells that they count other injured.
    The same accident told with another figure still disagrees."""
    taxi = _record("a", "الأولى", "أصيب مساء اليوم 4 أشخاص في حادث انقلاب سيارة أجرة على الطريق الصحراوي قرب مدخل المدينة، وتم نقلهم إلى المستشفى العام.", [])
    collision = _record("b", "الثانية", "أصيب مساء اليوم 5 أشخاص في حادث تصادم سيارتين للنقل على الطريق الصحراوي قرب مدخل المدينة، وتم نقلهم إلى المستشفى العام.", [])
    taxi_again = _record("c", "الثالثة", "أصيب مساء اليوم 6 أشخاص في حادث انقلاب سيارة أجرة على الطريق الصحراوي قرب مدخل المدينة، ونقلوا إلى المستشفى العام.", [])
    assert _dossier([taxi, collision]).disagreements == ()
    assert [x.kind for x in _dossier([taxi, taxi_again]).disagreements] == ["numbers"]


def test_a_part_of_a_total_and_a_decimal_with_an_arabic_comma_copied_right_to_left_agree() -> None:
    """«18 شهيدا من أصل 30» and «18 من أصل 30 شهيدا» give the same figures, the word after either;
    «4،6 مليون» is 6.4 million copied right to left (an Arabic comma reads either way), while
    5.1 and 1.5 million, written with points, are one outlet's misprint against the other's figure."""
    part = _record("a", "الأولى", "وتستمع المحكمة اليوم لشهادة المتهم الأول بقتل 18 شهيدا من أصل 30 في أحداث المدينة الساحلية.", [])
    total = _record("b", "الثانية", "وتستمع المحكمة اليوم لشهادة المتهم الأول بقتل 18 من أصل 30 شهيدا في أحداث المدينة الساحلية.", [])
    assert _dossier([part, total]).disagreements == ()
    text = "وأضاف المحافظ أن تكلفة إنشاء محطة المناولة الجديدة تبلغ {} مليون جنيه مخصصة من وزارة البيئة."
    point, comma, misprint = (_record(k, o, text.format(f), []) for k, o, f in (("c", "الأولى", "6.4"), ("d", "الثانية", "4،6"), ("e", "الثالثة", "4.6")))
    assert _dossier([point, comma]).disagreements == ()
    assert [x.kind for x in _dossier([point, misprint]).disagreements] == ["numbers"]


def test_figures_given_as_about_so_many_agree_within_a_tenth() -> None:
    """«ما يقرب من 32 ورشة» and «ما يقرب من 30 ورشة»: two approximations of one count."""
    text = "شب حريق هائل بعقار مكون من 6 طوابق يحتوي على ما يقرب من {} ورشة لتصنيع الأحذية بمنطقة باب الشعرية بالقاهرة."
    assert _disputes(text.format(32), text.format(30)) == []
    exact = text.replace("ما يقرب من ", "")
    assert _disputes(exact.format(32), exact.format(30)) == ["numbers"]


def test_the_same_figures_given_to_other_counts_are_a_disagreement() -> None:
    """«ببراءة 14 متهما وحبس 11» against «ببراءة 11 متهما … وحبس 14»: the figures are the same, the
    counts they give are not (a rule that read sentences giving each other's figures as agreeing
    was tried and dropped: on egypt2013 it lost three such real disagreements for one false)."""
    one = _record("a", "الأولى", "قضت المحكمة العسكرية ببراءة 14 متهما وحبس 11 آخرين لمدة 3 أشهر في قضية أرض جزيرة القرصاية.", [])
    other = _record("b", "الثانية", "قضت المحكمة العسكرية اليوم ببراءة 11 متهما في قضية أرض جزيرة القرصاية وحبس 14 آخرين لمدة 3 أشهر.", [])
    assert [x.kind for x in _dossier([one, other]).disagreements] == ["numbers"]


def test_a_report_called_false_is_no_assertion_a_denial_contradicts() -> None:
    """«إن ما نشر … عار تماما عن الصحة» denies the report as the other outlet's «نفى» does: the
    outlets agree. Against an outlet telling the fire, the denial is a disagreement."""
    denial = _record("a", "الأولى", "نفى مدير أمن المنوفية ما نشر في بعض المواقع عن نشوب حريق بأحد القطارات القادمة من الإسكندرية إلى القاهرة وتعطل حركة القطارات بمحطة بركة السبع.", [])
    false = _record("b", "الثانية", "وقال رئيس هيئة السكك الحديدية في تصريحات خاصة مساء اليوم إن ما نشر بأحد المواقع الإخبارية بشأن اندلاع النيران بأحد القطارات على خط الإسكندرية القاهرة ووقف حركة القطارات بالمنوفية بمحطة بركة السبع عار تماما عن الصحة.", [])
    told = _record("c", "الثالثة", "وأفاد شهود عيان لمراسلنا بنشوب حريق هائل في عربتين بأحد القطارات القادمة من الإسكندرية إلى القاهرة وتعطل حركة القطارات بمحطة بركة السبع بالمنوفية لساعتين.", [])
    assert _dossier([denial, false]).disagreements == ()
    assert [x.kind for x in _dossier([denial, told]).disagreements] == ["denial"]


def test_a_negation_with_an_exceptive_restricts_and_denies_nothing() -> None:
    """«لم يعرف مكانه إلا بعد اتصال والده» says it was known only after the call: the outlet
    telling it was found through that call agrees. Without the exceptive it is a denial."""
    only = _record("a", "الأولى", "ولم يعرف مكان الشاب المختفي إلا بعد اتصال هاتفي أجراه والده مع إحدى القنوات الفضائية مساء أمس.", [])
    found = _record("b", "الثانية", "وعرف مكان الشاب المختفي بعد اتصال هاتفي أجراه والده مع إحدى القنوات الفضائية مساء أمس.", [])
    never = _record("c", "الثالثة", "ولم يعرف مكان الشاب المختفي بعد اتصال هاتفي أجراه والده مع إحدى القنوات الفضائية مساء أمس.", [])
    assert _dossier([only, found]).disagreements == ()
    assert [x.kind for x in _dossier([never, found]).disagreements] == ["denial"]


def test_however_after_a_negation_restricts_nothing() -> None:
    """«ولم يحضر المتهم الجلسة، إلا أن محاميه طلب التأجيل»: «إلا أن» is «however», the sentence
    still denies that he attended; a part given of a total of another noun («5 أشخاص من بين 20
    راكبا») is still a count of its own noun; a run of hundreds of digits is no figure."""
    absent = "ولم يحضر المتهم جلسة اليوم، إلا أن محاميه طلب التأجيل أمام محكمة جنايات القاهرة للاطلاع على أوراق القضية."
    present = "وحضر المتهم جلسة اليوم، وطلب محاميه التأجيل أمام محكمة جنايات القاهرة للاطلاع على أوراق القضية."
    assert _disputes(absent, present) == ["denial"]
    text = "وأصيب {} أشخاص من بين 20 راكبا كانوا على متن الحافلة التي انقلبت على الطريق الصحراوي صباح اليوم."
    assert _disputes(text.format(5), text.format(9)) == ["numbers"]
    garbage = "وأصيب 5 أشخاص في الحادث الذي وقع على الطريق الصحراوي صباح اليوم ورقم البلاغ " + "7" * 400 + " شخصا."
    assert _disputes(garbage, text.format(9)) in ([], ["numbers"])  # read without an error


def test_an_outlet_telling_the_denial_in_other_words_reports_it_too() -> None:
    """«وأثار إنكار حسن علي اعتداء قوات الأمن عليه …»: the other outlet tells the same denial
    (أنكر, إنكار are denials as نفى is) and does not assert what is denied; one telling the
    assault does."""
    citizen = ("حسن علي", "e-citizen", "PER")
    denial = _record("a", "الأولى", "نفى حسن علي اعتداء قوات الأمن عليه أمام مقر الوزارة مساء الجمعة وقال إن المتظاهرين هم من اعتدوا عليه.", [citizen])
    told = _record("b", "الثانية", "وأثار إنكار حسن علي اعتداء قوات الأمن عليه أمام مقر الوزارة مساء الجمعة دهشة المتظاهرين الذين شاهدوا الواقعة.", [citizen])
    asserted = _record("c", "الثالثة", "وتعرض حسن علي لاعتداء قوات الأمن عليه بالضرب أمام مقر الوزارة مساء الجمعة قبل نقله إلى المستشفى.", [citizen])
    assert _dossier([denial, told]).disagreements == ()
    assert [x.kind for x in _dossier([denial, asserted]).disagreements] == ["denial"]


def _disputes(a: str, b: str, entities: list[tuple[str, str, str]] | None = None) -> list[str]:
    return [x.kind for x in _dossier([_record("a", "الأولى", a, entities or []), _record("b", "الثانية", b, entities or [])]).disagreements]


def test_a_denial_verb_negated_or_of_confirm_or_deny_denies_nothing() -> None:
    """«لا يستطيع أحد أن ينكر دور القضاء» affirms the role; «رفض تأكيد أو نفي استقالة الزرقا»
    neither confirms nor denies; «لم يتوقف عند هذا الحد» (not only …) asserts more."""
    assert not _disputes(
        "وقال المفتي إن استقلال القضاء ضرورة، مؤكدا: لا يستطيع أحد أن ينكر دور القضاء في المجتمع خاصة في هذه الفترة الحرجة التي تمر بها البلاد.",
        "من جانبه أكد المفتي خلال اللقاء على أهمية دور القضاء في المجتمع خاصة في هذه الفترة الحرجة التي تمر بها البلاد مشددا على أهمية استقلال القضاء وتهيئة المناخ المناسب.",
    )
    aide = ("الزرقا", "e-aide", "PER")
    assert not _disputes(
        "ورفض مصدر في الرئاسة تأكيد أو نفي استقالة الزرقا من منصبه مستشارا للرئيس لشؤون المرأة.",
        "وقدم الزرقا استقالته من منصبه مستشارا للرئيس لشؤون المرأة مساء أمس احتجاجا على إقالة زميله.",
        [aide],
    )
    assert not _disputes(
        "ولم يتوقف المتهم عند هذا الحد بل سكب البنزين على دراجة المجني عليه البخارية وأشعل فيها النيران بجوار المصرف.",
        "وتوقف المتهم بجوار المصرف ثم سكب البنزين على دراجة المجني عليه البخارية وأشعل فيها النيران.",
    )


def test_a_sentence_telling_both_sides_or_asking_disputes_no_outlet() -> None:
    """«…، وهو ما نفاه المتهمون» tells the charges and their denial; «بالرغم من نفي المديرية …»
    sets the denial against what the sentence asserts; «ما إذا كان … أم سقط» asks; «نشرت خبرا
    كاذبا» calls the report false. None is an assertion one outlet makes and the other denies."""
    assert not _disputes(
        "ووجهت النيابة لهم تهم التجمهر والإتلاف العمدي للممتلكات العامة والخاصة وحيازة زجاجات المولوتوف، وهو ما نفاه المتهمون.",
        "ووجهت النيابة للمتهمين تهم إتلاف ممتلكات عامة وخاصة والاعتداء على قوات الأمن وحيازة أسلحة بيضاء وزجاجات مولوتوف وترويع المواطنين والبلطجة.",
    )
    assert not _disputes(
        "وقال أحد المهندسين بالجونة إن تجمعات الجراد قد وصلت لمنطقة الجونة، بالرغم من نفي مديرية الزراعة بالبحر الأحمر وجود أي تجمعات بعد عملية المكافحة.",
        "وتلقت غرفة عمليات المحافظة إخطارا من فرق مكافحة الجراد التابعة لمديرية الزراعة بالبحر الأحمر يفيد وصول تجمعات الجراد إلى مدينة الجونة.",
    )
    assert not _disputes(
        "وأكدت السلطات بعد تفريغ كاميرات المراقبة أن الراكب ألقى بنفسه من الطابق الثاني ولم يسقط بسبب فقدان توازنه.",
        "وقالت السلطات إنه يتم تفريغ كاميرات المراقبة لمعرفة ما إذا كان الراكب ألقى بنفسه من الطابق الثاني أم سقط بسبب فقدان توازنه.",
    )
    assert not _disputes(
        "نفى نائب المحافظ ما نشرته إحدى الصحف حول استغلاله نفوذه لإدخال ابنه كلية الشرطة هذا العام.",
        "وقال نائب المحافظ على صفحته إن إحدى الصحف نشرت خبرا كاذبا حول استغلاله نفوذه لإدخال ابنه كلية الشرطة هذا العام.",
    )


def test_a_denied_issuing_is_of_what_is_issued() -> None:
    """«نفى … صدور اعتذار» denies an apology, not the statement another outlet asks to be issued
    («إصدار بيان»): «صدور» only frames what is denied, as «وجود» does."""
    assert not _disputes(
        "نفى المستشار فؤاد عبد الله، مستشار الرئيس، صدور اعتذار منه، أو من مؤسسة الرئاسة، للدكتور خالد علم الدين مستشار الرئيس لشئون البيئة، الذي تمت إقالته اليوم من قبل الرئاسة.",
        "دعا المستشار الإعلامي لحزب البناء والتنمية مؤسسة الرئاسة إلى إصدار بيان للرأي العام لتبيين حقيقة إقالة الدكتور خالد علم الدين، مستشار الرئيس لشئون البيئة.",
    )


def test_a_denial_contradicts_only_a_sentence_telling_what_it_denies() -> None:
    """«نفت النيابة، صباح الثلاثاء، ما تردد عن حفظ البلاغ»: what is denied opens with «حفظ» (the
    time between commas and the words framing the report passed over). An outlet telling the
    complaint shelved is contradicted; one telling the complainant heard is not, though it shares
    the names and most words."""
    denial = _record("a", "الأولى", "نفت نيابة الدقي، صباح الثلاثاء، ما تردد عن حفظ البلاغ المقدم من المتحدث باسم الرئاسة ضد الصحفية، مؤكدة أن التحقيقات جارية مع الطرفين.", [])
    shelved = _record("b", "الثانية", "قررت نيابة الدقي حفظ البلاغ المقدم من المتحدث باسم الرئاسة ضد الصحفية بعد أن قدمت كافة المستندات الدالة على صحة ما نشرته.", [])
    heard = _record("c", "الثالثة", "واستمعت نيابة الدقي أمس إلى أقوال المتحدث باسم الرئاسة في البلاغ المقدم منه ضد الصحفية بشأن نشرها أخبارا كاذبة.", [])
    assert [x.kind for x in _dossier([denial, shelved]).disagreements] == ["denial"]
    assert _dossier([denial, heard]).disagreements == ()


def test_a_law_and_a_session_named_by_number_are_no_counts() -> None:
    law = _record("a", "الأولى", "وأكدت المنظمة أن احتجاز الطفلين يخالف القانون المصري المعدل بالقانون 126 لحماية الأطفال من الاحتجاز مع البالغين.", [])
    other_law = _record("b", "الثانية", "وأكدت المنظمة أن احتجاز الطفلين يخالف القانون المصري المعدل بالقانون 12 لحماية الأطفال من الاحتجاز مع البالغين.", [])
    assert _dossier([law, other_law]).disagreements == ()
    session = _record("c", "الأولى", "ووصل الرئيس التركي إلى القاهرة للمشاركة في أعمال الدورة الـ12 لقمة الدول الإسلامية التي تبدأ غدا.", [])
    worded = _record("d", "الثانية", "ووصل الرئيس التركي إلى القاهرة للمشاركة في أعمال الدورة الثانية عشرة لقمة الدول الإسلامية التي تبدأ غدا.", [])
    assert _dossier([session, worded]).disagreements == ()


def test_an_entity_the_tagger_typed_two_ways_is_one_top_entity() -> None:
    """«السويس» tagged a place twice and an organisation once is one entity of the dossier,
    named three times, shown as a place (the type most of its mentions have)."""
    text = "وصل المحافظ إلى السويس صباح اليوم، وقال إن السويس تستعد للاحتفال، بينما أصدرت السويس بيانا."
    starts = [i for i in range(len(text)) if text.startswith("السويس", i)]
    mentions = [Mention("السويس", kind, s, s + len("السويس"), "السويس", "e-suez", "السويس") for s, kind in zip(starts, ("LOC", "ORG", "LOC"), strict=True)]
    record = Article(id="a", page_id="a", source="a.txt", seq=0, outlet="الأولى", published="2023-09-13", text=text, mentions=mentions)
    assert [(e.name, e.type, e.mentions) for e in _dossier([record]).entities] == [("السويس", "LOC", 3)]


def test_an_article_headlined_on_the_denial_tells_the_report_it_rebuts() -> None:
    """An article headlined «مصدر بوزارة النقل ينفي تعيين نجل المحافظ …» recounts the report it
    rebuts as what is denied: against an outlet telling the denial, no disagreement. The same
    sentence under a headline asserting the appointment, or a denial of something else, still
    disputes it."""
    denial = _record("a", "الأولى", "نفى مصدر مسؤول بوزارة النقل ما تردد عن تعيين نجل المحافظ مديرا لشركة الموانئ القابضة بقرار من الوزير.", [])
    told = "وكانت قناة إخبارية خاصة قد ذكرت مساء الخميس نقلا عن مصادر في الوزارة أن الوزير وقع قرار تعيين نجل المحافظ مديرا لشركة الموانئ القابضة خلفا لرئيسها السابق."
    rebutted = replace(_record("b", "الثانية", told, []), headline="مصدر بوزارة النقل ينفي تعيين نجل المحافظ في الموانئ")
    asserted = replace(_record("b", "الثانية", told, []), headline="قرار بتعيين نجل المحافظ مديرا لشركة الموانئ")
    other = replace(_record("b", "الثانية", told, []), headline="المحافظ ينفي استقالته من منصبه")
    negative = replace(_record("b", "الثانية", told, []), headline="تعيين نجل المحافظ مديرا لشركة الموانئ دون مسابقة")
    assert [x.kind for x in _dossier([denial, negative]).disagreements] == ["denial"]
    assert _dossier([denial, rebutted]).disagreements == ()
    assert [x.kind for x in _dossier([denial, asserted]).disagreements] == ["denial"]
    assert [x.kind for x in _dossier([denial, other]).disagreements] == ["denial"]


def test_none_of_what_the_other_counts_is_a_count_not_a_denial() -> None:
    """«لم يحصل طلاب الحزب على أي مقعد» in one faculty says nought seats: against another
    faculty's «5 مقاعد» it is a count of another part, not a denial; against a sentence telling
    that the party won without a figure it is still one."""
    none = "وفي كلية الهندسة فازت قائمة المستقلين بجميع مقاعد الفرقة الأولى ولم يحصل طلاب الحزب على أي مقعد في انتخابات اتحاد الطلاب."
    assert not _disputes(none, "وفي كلية الطب حصل طلاب الحزب على 5 مقاعد في الفرقة الأولى مقابل 9 مقاعد لقائمة المستقلين في انتخابات اتحاد الطلاب.")
    assert _disputes(none, "وحصل طلاب الحزب على مقاعد الفرقة الأولى في كلية الهندسة بعد انسحاب قائمة المستقلين من انتخابات اتحاد الطلاب.") == ["denial"]
    # Nought told in the words around the other's figure is that count denied.
    assert _disputes(
        "وقال المتحدث باسم وزارة الصحة إنه لم يسقط أي قتيل في الاشتباكات التي شهدها ميدان التحرير مساء أمس.",
        "وقال المتحدث باسم وزارة الصحة إن 5 قتلى سقطوا في الاشتباكات التي شهدها ميدان التحرير مساء أمس.",
    ) == ["denial"]


def test_a_round_bound_is_met_by_a_figure_on_its_side() -> None:
    """«قتل أكثر من 50 شخصا» and «قتل 56 شخصا» tell one toll, the one rounded down to a bound;
    120 is past twice the bound, and 40 is under it: another figure. A bound that is no round
    figure («أكثر من 48») is read as an approximation, and two bounds of one side as
    figures are («ما يزيد عن 413 ألف» against «ما يزيد عن 415 ألف» differ)."""
    text = "وقتل {} شخصا في الاحتجاجات المستمرة منذ ثمانية أيام من جانب معارضي الرئيس مما أثار قلقا دوليا بشأن الاستقرار."
    assert _disputes(text.format("أكثر من 50"), text.format("56")) == []
    assert _disputes(text.format("56"), text.format("أكثر من 50")) == []
    assert _disputes(text.format("أقل من 60"), text.format("56")) == []
    assert _disputes(text.format("أكثر من 50"), text.format("120")) == ["numbers"]
    assert _disputes(text.format("أكثر من 50"), text.format("70")) == ["numbers"]  # past a quarter over it
    assert _disputes(text.format("ما لا يزيد عن 60"), text.format("56")) == []  # «no more than»: an upper bound
    assert _disputes(text.format("أكثر من 50"), text.format("40")) == ["numbers"]
    assert _disputes(text.format("أكثر من 48"), text.format("51")) == []
    assert _disputes(text.format("أكثر من 48"), text.format("56")) == ["numbers"]
    refugees = "وتشير الحكومة إلى أنها تستضيف حاليا ما يزيد عن {} ألف لاجئ منذ اندلاع الأزمة في البلد المجاور قبل عامين."
    assert _disputes(refugees.format(413), refugees.format(415)) == ["numbers"]


def test_figures_of_two_named_cases_are_other_counts() -> None:
    """One man's two appeals decided on one day: a sentence of 3 years in «القضية المعروفة إعلاميا
    بـ"تراخيص المحاجر"» and of 5 years in the one known as «أرض الساحل الشمالي» are two
    sentences, not one told two ways; in the same named case they differ."""
    text = "قضت محكمة النقض اليوم بقبول الطعن المقدم من وزير الإسكان الأسبق على الحكم الصادر ضده بالسجن {} سنوات في القضية المعروفة إعلاميا بـ\"{}\"."
    assert _disputes(text.format(3, "تراخيص المحاجر"), text.format(5, "أرض الساحل الشمالي")) == []
    assert _disputes(text.format(3, "تراخيص المحاجر"), text.format(5, "تراخيص المحاجر")) == ["numbers"]
    # Names sharing only a generic word are two cases; a name ends at its closing mark.
    assert _disputes(text.format(3, "أحداث الاتحادية"), text.format(5, "أحداث مكتب الإرشاد")) == []


def test_a_party_denying_and_the_same_party_speaking_elsewhere_do_not_dispute() -> None:
    """«نفى الجيش أن الغارة كانت على الحدود» and «وأعلن الجيش مساء الأربعاء أن الطائرات قصفت
    مركزا على الحدود»: the army's own two statements, told by two outlets (the quotes name no
    speaker here, so `speakers` cannot tell). Another party asserting it is disputed."""
    army = [("الجيش الوطني", "e-army", "ORG")]
    denial = "ولكن في بيان لاحق، نفى الجيش الوطني أن الغارة الجوية كانت على الحدود الشمالية قرب المعبر التجاري الرئيسي."
    told = "أن الغارة الجوية كانت على الحدود الشمالية قرب المعبر التجاري الرئيسي وأصابت مخزنا."
    assert not _disputes(denial, f"وأعلن الجيش الوطني مساء الأربعاء {told}", army)
    witnesses = _record("b", "الثانية", f"وأكد شهود عيان من سكان القرى {told}", [])
    assert [x.kind for x in _dossier([_record("a", "الأولى", denial, army), witnesses]).disagreements] == ["denial"]
    # «الجيش» is not «الجيش الحر», nor a spokesman another side's.
    assert _disputes(denial.replace("الجيش الوطني", "الجيش"), f"وأكد الجيش الحر في بيان {told}") == ["denial"]
    # Two unnamed sources of one kind are not one party.
    source = denial.replace("الجيش الوطني", "مصدر عسكري")
    assert _disputes(source, f"وأعلن مصدر عسكري مساء الأربعاء {told}") == ["denial"]


def test_a_source_going_unnamed_is_no_negation() -> None:
    """«مصدر قضائي لم تذكر اسمه» negates nothing: the sentence asserts what the source says, and
    is one claim with an outlet telling it without the phrase, not its denial."""
    unnamed = "ونقلت الوكالة عن مصدر قضائي مسؤول لم تذكر اسمه أن قرار المنع من السفر صدر بناء على طلب وزير المالية أمس."
    named = "وذكر مصدر قضائي مسؤول أن قرار المنع من السفر صدر بناء على طلب وزير المالية أمس بعد فحص الإقرارات الضريبية."
    assert not _disputes(unnamed, named)
    assert not _disputes(named, unnamed)
    asked = _dossier([_record("a", "الأولى", unnamed.replace("لم تذكر اسمه", "طلب عدم ذكر اسمه"), []), _record("b", "الثانية", named, [])])
    assert [sorted(v.article for v in c.variants) for c in asked.claims] == [["a", "b"]]
    both = _dossier([_record("a", "الأولى", unnamed, []), _record("b", "الثانية", named, [])])
    assert [sorted(v.article for v in c.variants) for c in both.claims] == [["a", "b"]]


def test_a_negation_of_the_rest_denies_nothing_told_of_one() -> None:
    """«… وأكد أن باقي المحافظات لم تشهد وقوع أي إصابات» is of the provinces other than those the
    sentence told: against an outlet telling injuries in one of those, no denial."""
    ministry = "وأوضح أن 13 شخصا أصيبوا أمام ديوان محافظة الغربية وتم علاج 12 منهم بمستشفى طنطا، مؤكدا أن باقي المحافظات لم تشهد وقوع أي إصابات."
    assert not _disputes(ministry, "كما شهدت محافظة الغربية وتحديدا أمام ديوان المحافظة إصابة 13 شخصا تم علاج 12 منهم بمستشفى طنطا.")
    # An outlet telling of the rest too is denied.
    assert _disputes(
        "وقال مدير الأمن إن باقي المحافظات لم تشهد أي اشتباكات بين أنصار الرئيس ومعارضيه يوم الجمعة الماضي.",
        "وشهدت باقي المحافظات اشتباكات عنيفة بين أنصار الرئيس ومعارضيه يوم الجمعة الماضي أسفرت عن إصابة العشرات.",
    ) == ["denial"]


def test_a_market_index_read_at_two_moments_is_no_contradiction() -> None:
    """«وانخفض مؤشر نيكاي 0.1 بالمئة إلى 935.65 نقطة» in the first minutes of a session and «وارتفع
    المؤشر 0.6 بالمئة إلى 940.25 نقطة» at its close: readings of one index at two moments. Points
    of another thing (a team's) are still counts."""
    assert not _disputes(
        "وانخفض مؤشر نيكاي القياسي للأسهم اليابانية 0.1 بالمئة إلى 935.65 نقطة في التعاملات المبكرة ببورصة طوكيو.",
        "وارتفع مؤشر نيكاي القياسي للأسهم اليابانية 0.6 بالمئة إلى 940.25 نقطة في التعاملات ببورصة طوكيو.",
    )
    # A price index's change, given in no points, is a figure.
    inflation = "وأعلن الجهاز المركزي للتعبئة العامة والإحصاء أن مؤشر أسعار المستهلكين ارتفع بنسبة {} بالمئة خلال شهر يناير الماضي."
    assert _disputes(inflation.format(8.2), inflation.format(6.5)) == ["numbers"]
    assert _disputes(
        "وتصدر النادي الأهلي جدول ترتيب الدوري الممتاز برصيد 40 نقطة بعد فوزه على نادي الزمالك أمس.",
        "وتصدر النادي الأهلي جدول ترتيب الدوري الممتاز برصيد 43 نقطة بعد فوزه على نادي الزمالك أمس.",
    ) == ["numbers"]


def test_a_point_grouping_thousands_is_one_figure() -> None:
    """«3.000 مهندس» is 3,000 engineers written with the point some outlets group thousands by."""
    text = "وأعلن الوزير أنه في مرحلة التشغيل سيتم تعيين {} مهندس وفني في المشروع الجديد بمدينة العاشر من رمضان."
    assert not _disputes(text.format("3.000"), text.format("3000"))
    assert _disputes(text.format("3.000"), text.format("4000")) == ["numbers"]


def test_a_plea_denies_no_reported_fact() -> None:
    """«وأنكر المتهمون كل التهم الموجهة إليهم» and «نفى علمه بالبلاغ» are pleas: an outlet telling
    the charges or the complaint asserts nothing they contradict. A denial of the act is one."""
    charged = "وقرر مدير النيابة حبس المتهمين الأربعة بتهم القتل العمد وحيازة سلاح آلي وترويع المواطنين في شبرا بعد مواجهتهم بتحريات المباحث وأقوال الشهود."
    assert not _disputes("ووجهت النيابة للمتهمين الأربعة تهم القتل العمد وحيازة سلاح آلي وترويع المواطنين في شبرا، وأنكر المتهمون كل التهم الموجهة إليهم.", charged)
    complaint = "وتقدم محام ببلاغ إلى النائب العام ضد نقيب الصحفيين يتهمه بالتحريض على العنف أمام مقر الجماعة وطالب بمنعه من السفر وضبطه وإحضاره والتحقيق معه فورا."
    assert not _disputes("ونفى نقيب الصحفيين علمه بالبلاغ المقدم إلى النائب العام الذي يتهمه بالتحريض على العنف أمام مقر الجماعة يوم الجمعة.", complaint)
    # The accusations directed at one in a case are its charges.
    assert not _disputes(
        "بينما وجهت النيابة لشقيق المتهم الأول اتهامات إتلاف الممتلكات الخاصة وحيازة سلاح ناري وترويع المواطنين، إلا أنه أنكر الاتهامات الموجهة له.",
        "وجهت النيابة لنجلي المتهم الأول تهم القتل العمد وحيازة أسلحة نارية وإتلاف الممتلكات الخاصة وترويع المواطنين، إلا إن المتهمين أنكرا الاتهامات الموجهة إليهما.",
    )
    # Accusations are no charges of a case: a ministry denying them disputes the outlet making them.
    assert _disputes(
        "وحاولت وزارة الأوقاف نفي ما سمته اتهامات أخونة الوزارة منذ تولي الوزير الحالي منصبه قبل سبعة أشهر.",
        "وقال رئيس نقابة الدعاة إن أخونة الوزارة جرت منذ تولي الوزير الحالي منصبه قبل سبعة أشهر وطالب بوقفها فورا.",
    ) == ["denial"]
    assert _disputes("ونفى نقيب الصحفيين تحريضه على العنف أمام مقر الجماعة يوم الجمعة الماضي كما جاء في البلاغ المقدم إلى النائب العام.", "وحرض نقيب الصحفيين على العنف أمام مقر الجماعة يوم الجمعة الماضي بحسب شهود عيان تقدموا ببلاغ إلى النائب العام.") == ["denial"]


def test_a_denial_is_contradicted_only_where_the_other_tells_what_it_is_of() -> None:
    """What is denied is its head word and what follows it: «نفت القوات المسلحة ما تردد عن مسئولية
    وزارة الداخلية عن مقتل الطفل» is not contradicted by the army telling an army guard's
    responsibility («مسؤولية أحد أفراد قوة التأمين»), nor by an outlet telling the rumour as a
    rumour («في ضوء ما تردد عن مسؤولية وزارة الداخلية»); an outlet telling the ministry responsible
    is. «المسلحة» is no form of «مسئولية» though three first consonants are the same."""
    denial = "نفت القوات المسلحة ما تردد عن مسئولية وزارة الداخلية عن مقتل الطفل بائع البطاطا بمحيط السفارة الأمريكية يوم الأحد الماضي."
    assert not _disputes(denial, "وأعلنت القوات المسلحة مسؤولية أحد أفراد قوة التأمين التابعة لها عن مقتل الطفل بائع البطاطا بطريق الخطأ بمحيط السفارة الأمريكية يوم الأحد الماضي.")
    assert not _disputes(denial, "وقالت القوات المسلحة في بيانها: في ضوء ما تردد عن مسؤولية وزارة الداخلية عن مقتل الطفل بائع البطاطا بمحيط السفارة الأمريكية يوم الأحد الماضي نوضح الحقائق.")
    assert _disputes(denial, "وأكد شهود عيان مسؤولية وزارة الداخلية عن مقتل الطفل بائع البطاطا بمحيط السفارة الأمريكية يوم الأحد الماضي برصاص أحد جنودها.") == ["denial"]


def test_a_negated_verb_is_contradicted_only_by_the_same_act_of_the_same_thing() -> None:
    """«لم تستخدم الخرطوش» denies birdshot: an outlet telling tear gas used tells another use;
    one telling birdshot used is denied. And «لم يطلب منه القيام بدور الوساطة» is denied by
    «طلبت وساطته», the light «القيام» passed over."""
    denial = "وقال المتحدث باسم نادي الضباط إن قوات الأمن لم تستخدم الخرطوش أو الطلقات الحية في تفريق المتظاهرين أمام قصر الاتحادية مساء الجمعة."
    assert not _disputes(denial, "وقال شهود عيان إن قوات الأمن استخدمت الغاز المسيل للدموع بكثافة في تفريق المتظاهرين أمام قصر الاتحادية مساء الجمعة.")
    assert _disputes(denial, "وقال شهود عيان إن قوات الأمن استخدمت الخرطوش والطلقات الحية في تفريق المتظاهرين أمام قصر الاتحادية مساء الجمعة.") == ["denial"]
    assert _disputes(
        "وقال رئيس الأركان السابق إنه لم يطلب منه القيام بدور الوساطة لعقد جلسة مصالحة بين قيادات حركة حماس ووزير الدفاع.",
        "وكشفت مصادر أن قيادات حركة حماس طلبت وساطة رئيس الأركان السابق لعقد جلسة مصالحة مع وزير الدفاع.",
    ) == ["denial"]


def test_not_more_than_is_a_bound_not_a_denial() -> None:
    """«لم تستغرق الجلسة أكثر من دقيقتين» gives the hearing's length at most, as «لم تستغرق سوى
    دقائق» gives it: neither denies the hearing another outlet tells."""
    assert not _disputes(
        "وبدأت الجلسة في العاشرة صباحا ولم تستغرق أكثر من دقيقتين وتم منع التصوير وتغيب المتهمان عن الحضور في الجلسة.",
        "واستغرقت الجلسة دقائق معدودة وتم منع التصوير وتغيب المتهمان عن الحضور في الجلسة التي بدأت في العاشرة صباحا.",
    )


def test_readings_of_a_market_are_no_count_given_two_figures() -> None:
    """A traded good's price per unit, futures and a session's tally are readings of a moment:
    outlets copy the wires' readings of different hours or days («ارتفع سعر الذهب … إلى 1092.10
    دولار للأوقية» at 06:47, «… إلى 1094.54 دولار للأوقية» at 18:31). A price set by a decision
    is a figure: two of it are a disagreement."""
    gold = "وارتفع سعر الذهب في المعاملات الفورية {} بالمئة إلى {} دولار للأوقية بعد صدور بيانات الوظائف الأمريكية."
    assert not _disputes(gold.format("0.3", "1092.10"), gold.format("0.5", "1094.54"))
    session = "وشهدت تداولات اليوم في سوق الأسهم السعودية ارتفاع أسهم {} شركة في قيمتها، فيما تراجعت أسهم {} شركة."
    assert not _disputes(session.format(82, 57), session.format(12, 151))
    decided = "وقررت وزارة التموين رفع سعر أسطوانة البوتاجاز المنزلية إلى {} جنيهات بدءا من أول الشهر المقبل في جميع المحافظات."
    assert _disputes(decided.format(8), decided.format(10)) == ["numbers"]


def test_the_sides_of_a_dimension_are_no_count() -> None:
    """«أرض مسورة بمساحة 50×30 مترا مربعا» and «بمساحة ٣٠x٥٠ مترا مربعا» tell one plot; the cars
    burnt there are still counted."""
    plot = "وتبين أن الحريق شب في أحد محلات التشليح وهو عبارة عن أرض مسورة بمساحة {} مترا مربعا نتج عنه احتراق {} سيارة."
    assert not _disputes(plot.format("50×30", 12), plot.format("٣٠x٥٠", 12))
    assert _disputes(plot.format("50×30", 12), plot.format("٣٠x٥٠", 15)) == ["numbers"]


def test_a_large_sum_in_words_cut_off_agrees_with_the_exact_figure() -> None:
    """«بلغت تكلفة المشروعات مليارا وتسعة وخمسين مليون ريال» is 1,059,593,121 riyals cut off to
    the million; another million is another figure."""
    cost = "واعتمد الوزير ترسية 168 مشروعا بلديا لدرء السيول وإنشاء الحدائق في 14 منطقة، وبلغت تكلفة تلك المشروعات {} ريال."
    assert not _disputes(cost.format("مليارا وتسعة وخمسين مليون"), cost.format("1.059.593.121"))
    assert _disputes(cost.format("مليارا وتسعة وأربعين مليون"), cost.format("1.059.593.121")) == ["numbers"]


def test_other_items_of_a_series_are_other_counts() -> None:
    """«وصلت الدفعة الثانية من المعونة على متن خمس قاطرات» and «وصلت الدفعة الثالثة من المعونة
    على متن 3 قاطرات» tell two shipments; one shipment told with two counts is a disagreement."""
    aid = "وصلت أمس الدفعة {} من المعونة الطبية الإغاثية إلى مدينة سيئون على متن {} قاطرات قادمة من المملكة عبر منفذ الوديعة البري."
    assert not _disputes(aid.format("الثانية", "خمس"), aid.format("الثالثة", "3"))
    assert _disputes(aid.format("الثانية", "خمس"), aid.format("الثانية", "3")) == ["numbers"]


def test_what_the_session_rules_must_not_swallow() -> None:
    """Real disagreements the rules for denials, markets, dimensions, series and cut-off sums must
    still flag (a review's cases): 2 millions against 2.9 (no figure cut off), a bullet before a
    toll, a force's «تعاملات» with protesters (no market), a first deputy (a title, no series),
    a head with a pronoun on it, and a news agency («وكالة الأنباء», no rumour)."""
    refugees = "وقالت المفوضية السامية لشؤون اللاجئين إن عدد اللاجئين السوريين في دول الجوار بلغ {} لاجئ حتى نهاية الشهر الماضي."
    assert _disputes(refugees.format("2 مليون"), refugees.format("2.9 مليون")) == ["numbers"]
    toll = "* {} قتيلا في انفجار سيارة مفخخة استهدفت سوقا شعبيا وسط مدينة الرمادي غرب العراق صباح الاثنين."
    assert _disputes(toll.format(30), toll.format(40)) == ["numbers"]
    force = "وأسفرت تعاملات قوات الأمن مع المتظاهرين أمام مبنى المحافظة مساء الجمعة عن إصابة {} شخصا بجروح مختلفة."
    assert _disputes(force.format(12), force.format(30)) == ["numbers"]
    deputy = "وقال النائب الأول لرئيس الوزراء العراقي إن عدد قتلى تفجيرات بغداد أمس بلغ {} قتيلا بحسب الحصيلة الرسمية."
    assert _disputes(deputy.format(30), deputy.format(40)) == ["numbers"]
    denial = "نفت القوات المسلحة ما تردد عن مسئولية الشرطة العسكرية عن مقتل الطفل بائع البطاطا بمحيط السفارة الأمريكية يوم الأحد الماضي."
    assert _disputes(denial, "وقال شهود عيان إن الشرطة العسكرية تتحمل مسئوليتها عن مقتل الطفل بائع البطاطا بمحيط السفارة الأمريكية يوم الأحد الماضي.") == ["denial"]
    # What the denial is of, told by a news agency or confirmed as a report, is told, not a rumour.
    then = dossier._denied(denial, denial, speech_lexicon().denial_verbs).then
    for told in ("وأكدت وكالة الأنباء الرسمية مسؤولية الشرطة العسكرية عن مقتل الطفل.", "وأكد شهود صحة ما تردد عن مسؤولية الشرطة العسكرية عن مقتل الطفل."):
        at = next(k for k, w in enumerate(dossier._word_stems(told)) if w.startswith("مسوول"))
        assert dossier._tells_there(then, told, at)
    rumour = "وفي ضوء ما تردد عن مسؤولية الشرطة العسكرية عن مقتل الطفل أصدرت القوات المسلحة بيانا."
    assert not dossier._tells_there(then, rumour, next(k for k, w in enumerate(dossier._word_stems(rumour)) if w.startswith("مسوول")))


def test_figures_of_other_owners_are_other_counts() -> None:
    """One wire template for each company's results («سجل صافي أرباح شركة سبكيم …» / «… الشركة
    السعودية للنقل الجماعي …»): other companies' figures. One company's told two ways is a
    disagreement."""
    results = "سجل صافي أرباح {} تراجعا بنسبة {} في النصف الأول من العام الحالي مقارنة بالفترة المماثلة من العام السابق حيث بلغت {} مليون ريال."
    assert not _disputes(results.format("شركة سبكيم", "39%", 190), results.format("الشركة السعودية للنقل الجماعي", "24%", 150))
    assert _disputes(results.format("شركة سبكيم", "39%", 190), results.format("شركة سبكيم", "39%", 150)) == ["numbers"]
    # A generic first word is read with the next: «الصناعات الكيميائية» is not «الصناعات الكهربائية»,
    # and «الشركة السعودية» is the «الشركة السعودية للنقل الجماعي» it begins.
    assert not _disputes(results.format("شركة الصناعات الكيميائية", "36%", 10.1), results.format("شركة الصناعات الكهربائية", "51%", 48.7))
    assert _disputes(results.format("الشركة السعودية للنقل الجماعي", "24%", 150), results.format("الشركة السعودية", "24%", 190)) == ["numbers"]


def test_the_deniers_own_reaction_told_by_another_outlet_is_no_disagreement() -> None:
    """«نفت حركة حماس التصريحات …» against «استنكر اليوم الأربعاء، المتحدث باسم حركة حماس "…"
    التصريحات …» (a spokesman speaks for whom «باسم» names), and «نفى جهاد الحداد، المتحدث …» against
    «تجاهل جهاد الحداد المتحدث …» (a name before its title): one party's reaction told two ways. An
    outlet telling the assault as fact still disagrees with the denial."""
    denial = _record("a", "الأولى", "نفت حركة حماس، الأربعاء، التصريحات الأخيرة التي تتهم الحركة بتدبير أحداث رفح التي راح ضحيتها عدد من الجنود المصريين.", [])
    condemned = _record("b", "الثانية", "استنكر اليوم الأربعاء، المتحدث باسم حركة حماس \"سامي أبو زهري\" التصريحات الأخيرة الخاصة باتهام الحركة بتدبير أحداث رفح التي راح ضحيتها عدد من الجنود المصريين.", [])
    assert _dossier([denial, condemned]).disagreements == ()
    named = _record("d", "الأولى", "نفى جهاد الحداد، المتحدث الإعلامي باسم جماعة الإخوان، اعتداء أعضاء من الجماعة على صحفيين أمام المقر الرئيسي للجماعة بالمقطم.", [])
    ignored = _record("e", "الثانية", "تجاهل جهاد الحداد المتحدث الإعلامي باسم جماعة الإخوان شهادات الصحفيين عن اعتداء أعضاء من الجماعة على صحفيين أمام المقر الرئيسي للجماعة بالمقطم.", [])
    assert _dossier([named, ignored]).disagreements == ()
    witnessed = _record("f", "الثالثة", "شهد محيط المقر الرئيسي للجماعة بالمقطم اعتداء أعضاء من الجماعة على صحفيين أثناء تغطيتهم للأحداث.", [])
    assert [x.kind for x in _dossier([named, witnessed]).disagreements] == ["denial"]


def test_what_is_denied_is_not_a_passive_clause_nor_a_time_after_it() -> None:
    """«ونفى الشبهة الجنائية تم تحرير محضر»: the passive's auxiliary opens a clause of its own, and
    what is denied is «الشبهة», not the report the other outlet also tells. «نفى …، مجددا، اليوم
    الخميس، علاقة الحركة …»: the weekday is no head; what is denied is «علاقة»."""
    drowned = _record("a", "الأولى", "وبتوقيع الكشف الطبي عليها أكد الغرق ونفى الشبهة الجنائية تم تحرير محضر بالواقعة رقم 1339 إداري بركة السبع وأخطرت النيابة للتحقيق.", [])
    other = _record("b", "الثانية", "وبتوقيع الكشف الطبي تبين أن سبب الوفاة هبوط حاد بالدورة الدموية وتم تحرير محضر يحمل رقم 3679 بركة السبع وأخطرت النيابة للتحقيق.", [])
    assert _dossier([drowned, other]).disagreements == ()
    assert dossier._denied(drowned.text, drowned.text, speech_lexicon().denial_verbs).head == {"شبهه"}
    visit = _record("c", "الأولى", "نفى نائب رئيس المكتب السياسي لحركة حماس، موسى أبو مرزوق مجددا، اليوم الخميس، علاقة الحركة باستشهاد الجنود المصريين في رفح، خلال لقائه حمدين صباحي في مقر التيار الشعبي يوم الخميس.", [])
    meeting = _record("d", "الثانية", "عقد التيار الشعبي اجتماعا اليوم الخميس برئاسة حمدين صباحي مع وفد من حركة حماس برئاسة موسى أبو مرزوق في مقر التيار الشعبي.", [])
    assert _dossier([visit, meeting]).disagreements == ()
    assert "خميس" not in dossier._denied(visit.text, visit.text, speech_lexicon().denial_verbs).head


def test_a_denial_of_one_faculty_is_no_disagreement_with_another_faculty() -> None:
    """«لم يحصل طلاب الإخوان على أي مقعد» in «كلية الإعلام» against the seats they won in «كلية العلوم»
    (data/count_nouns.json "owners"): other owners' counts. In the same faculty it is a denial."""
    none = _record("a", "الأولى", "وفي كلية الإعلام حصد الطلاب المستقلون جميع مقاعد الفرقة الأولى والثانية، ولم يحصل طلاب الإخوان المسلمين على أي مقعد في الانتخابات.", [])
    won = _record("b", "الثانية", "وفي كلية العلوم حصل طلاب الإخوان المسلمين على مقاعد الفرقة الأولى والثانية في الانتخابات.", [])
    assert _dossier([none, won]).disagreements == ()
    here = _record("c", "الثالثة", "وفي كلية الإعلام حصل طلاب الإخوان المسلمين على مقاعد الفرقة الأولى والثانية في الانتخابات.", [])
    assert [x.kind for x in _dossier([none, here]).disagreements] == ["denial"]


def test_a_count_of_new_ones_is_another_count_than_one_of_all() -> None:
    """«التحقيق مع 17 متهما جديدا» against «التحقيق مع 18 متهما»: a batch added to those questioned
    before, not the same count given two figures (data/count_nouns.json "new_ones")."""
    new = _record("a", "الأولى", "تباشر نيابة قصر النيل التحقيق مع 17 متهما جديدا في أحداث اشتباكات كورنيش النيل وفندق سميراميس.", [])
    all_of_them = _record("b", "الثانية", "تباشر نيابة قصر النيل التحقيق مع 18 متهما في أحداث اشتباكات كورنيش النيل وفندق سميراميس.", [])
    assert _dossier([new, all_of_them]).disagreements == ()
    told = _record("c", "الثالثة", "تباشر نيابة قصر النيل التحقيق مع 17 متهما في أحداث اشتباكات كورنيش النيل وفندق سميراميس.", [])
    assert [x.kind for x in _dossier([told, all_of_them]).disagreements] == ["numbers"]


def test_an_exceptive_further_on_a_deniers_noun_and_a_partys_view_deny_nothing() -> None:
    """«ولم تطلق الطائرات … في العملية سوى ثمانية صواريخ» restricts (the exceptive seven words on);
    «أحد أبرز منكري مذابح الأرمن» tells the denial the other outlet tells; «وتعتبر تركيا الوحدات
    امتدادا للحزب» tells Turkey's view, which the units' denial answers (data/speech.json denial)."""
    assert not _disputes(
        "ولم تطلق الطائرات البريطانية المشاركة في العملية سوى ثمانية صواريخ من طراز ستورم شادو على المنشأة العسكرية.",
        "وقالت وزارة الدفاع البريطانية إن الطائرات البريطانية المشاركة في العملية أطلقت ثمانية صواريخ من طراز ستورم شادو على المنشأة العسكرية.",
    )
    # a sentence calling someone one of the deniers tells a denial: no assertion to contradict
    assert dossier._negated("وهو من أبرز منكري مذابح الأرمن إذ رفض تسمية ما حدث بالمجزرة.")
    groups = [("وحدات حماية الشعب", "e-ypg", "ORG"), ("حزب العمال الكردستاني", "e-pkk", "ORG")]
    denial = "وتنفي وحدات حماية الشعب أي صلة تنظيمية مباشرة بحزب العمال الكردستاني في شمال سوريا."
    link = "أن لوحدات حماية الشعب صلة تنظيمية مباشرة بحزب العمال الكردستاني وتتلقى منه السلاح والمقاتلين."
    assert not _disputes(denial, f"وتعتبر تركيا {link}", groups)
    assert _disputes(denial, f"وتقول تقارير غربية إن {link.removeprefix('أن ')}", groups) == ["denial"]


def test_denying_any_knowledge_further_on_is_a_plea() -> None:
    """«نفى أحد العاملين في القنصلية …، أن يكون للقنصلية أي علم بموضوع اختفائه»: a denial of one's
    knowledge, as «نفى علمه», not of what another outlet tells («وسائل الإعلام»)."""
    assert not _disputes(
        "بينما نفى أحد العاملين في القنصلية السعودية في اسطنبول، أن يكون للقنصلية أي علم بموضوع اختفاء الصحفي السعودي.",
        "قالت القنصلية السعودية في مدينة إسطنبول إنها تتابع ما ورد في وسائل الإعلام عن اختفاء الصحفي السعودي بعد خروجه من مبنى القنصلية.",
    )


def test_a_figure_rounded_half_up_or_told_as_near_agrees() -> None:
    """«31 مليون يورو» is «30.5 مليون» rounded half up; «مبلغ يقارب 9 آلاف يورو» is about «8660
    يورو». «35 مليون» is another figure."""
    fee = "ولم يشارك اللاعب القادم من بنفيكا في يوليو الماضي مقابل {} مليون يورو بصفة منتظمة مع برشلونة هذا الموسم."
    assert not _disputes(fee.format("31"), fee.format("30.5"))
    assert _disputes(fee.format("35"), fee.format("30.5")) == ["numbers"]
    assert _disputes(fee.format("10"), fee.format("5")) == ["numbers"]  # one digit each: no rounding of the other
    fine = "وأعلن الاتحاد الدولي يوم الاثنين أنه غرم كلا من اللاعبين {} بسبب استفزاز الجمهور خلال المباراة."
    assert not _disputes(fine.format("مبلغ يقارب 9 آلاف يورو"), fine.format("مبلغ 8660 يورو"))


def test_the_reviewed_edges_of_this_sessions_rules() -> None:
    """Where the rules above stop (a review's findings): a reaction verb's object is no speaker; a
    view verb in a relative clause, a passive one, is no party's view; knowledge denied in another
    clause, or a flag («أي علم لتنظيم»), is no plea; an exceptive of another clause restricts
    nothing; a rounder figure of one digit is no rounding of the other; a weekday is no part of an
    owner's name; «جديدة» describing units, not right after their noun, counts all of them."""
    hamas = "نفت حركة حماس، الأربعاء، التصريحات الأخيرة التي تتهم الحركة بتدبير أحداث رفح التي راح ضحيتها عدد من الجنود المصريين."
    assert not dossier._said_by_denier(hamas, "انتقد وزير الخارجية المصري المتحدث باسم حركة حماس، وقال إن الحركة دبرت أحداث رفح.")
    assert ("خالد",) not in dossier._sayers("وقال صباح الخالد إن الحكومة ستقدم استقالتها.")  # a name, no time to pass over
    assert not dossier._tells_a_view("والقوات التي تتهم بالإرهاب في شمال سوريا هي وحدات حماية الشعب.")
    assert not dossier._tells_a_view("تتهم بالإرهاب وحدات حماية الشعب في شمال سوريا.")
    words = dossier._conjunctionless("نفت الشرطة اعتقال الناشط أحمد ماهر، وقالت أسرته إنها بلا أي علم بمكانه.")
    assert not dossier._pleads(words, 0)
    words = dossier._conjunctionless("نفت مديرية الأمن رفع المتظاهرين أي علم لتنظيم القاعدة أمام المبنى.")
    assert not dossier._pleads(words, 0)
    assert dossier._negated("لم تدخل القوات بلدة الحولة التي لا تبعد سوى كيلومترات عن حمص.")
    fee = "ولم يشارك اللاعب القادم من بنفيكا في يوليو الماضي مقابل {} مليون يورو بصفة منتظمة مع برشلونة هذا الموسم."
    assert _disputes(fee.format("2"), fee.format("1.5")) == ["numbers"]
    length = "وبلغ طول الجسر الجديد فوق النهر {} مترا بحسب بيان وزارة النقل الصادر اليوم."
    assert not _disputes(length.format("31"), length.format("30.5"))  # rounded half up, a whole against a fraction
    assert dossier._owners("أعلن البنك الأهلي الثلاثاء أن أرباحه بلغت 150 مليون جنيه.") == {("بنك", "اهلي")}
    units = "افتتح محافظ القاهرة اليوم {} وحدة سكنية {}في مدينة السلام ضمن مشروع الإسكان الاجتماعي."
    assert _disputes(units.format(500, "جديدة "), units.format(600, "")) == ["numbers"]
