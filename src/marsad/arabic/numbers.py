"""Counts written as Arabic writes them: «مقالة واحدة»، «مقالتان»، «3 مقالات»، «11 مقالة»،
«100 مصدر» (the noun's forms are data: data/count_nouns.json)."""

from __future__ import annotations

import re
from functools import cache, partial

from marsad.arabic.normalize import normalize_digits
from marsad.data import load_data

_PREPOSITION = "[\u0628\u0644]"  # beh, lam: a preposition written on a number's word («بألف»، «لثماني»)
_TANWEEN = "[\u064b\u064e]?\u0627?\u064b?"  # fathatan or fatha, alef, or the fathatan after it, after a unit word: «ألفًا», «مليونًا», «مليوناً»
_DIGIT = re.compile(r"\d")  # any digit, Eastern Arabic ones too
# «1,500» and «1٬500» are 1500 (a thousands group has three digits).
_THOUSANDS_SEPARATOR = re.compile(r"(?<=\d)[,\u066c](?=\d{3}(?!\d))")  # arabic thousands separator
# «2.088.363 جنيه» is 2088363: groups of three digits after two points or more are thousands
# groups (one point may be a decimal: «75.100 كيلو»).
_POINT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])")
# «8 ر1»: a reh beside a space between digits, read (before a magnitude) by the pattern below.
_SPACED_REH = re.compile(r"\d(?: \u0631 ?| ?\u0631 )\d")  # reh
# «8ر4» is 4.8: the Egyptian press writes a decimal with a reh between the digits, the fraction
# first (an outlet reprinting «8ر4 مليار» writes «4.8 مليار»).
_REH_DECIMAL = re.compile(r"(?<![\d.\u0631])(\d+)\u0631(\d+)(?![\d.\u0631])")  # reh (a chain of them is left alone)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_data("count_nouns.json")
    worded = "|".join(map(re.escape, data["thousand_words"]))
    thousands = "|".join(map(re.escape, data["thousands"]))
    magnitudes = "|".join(map(re.escape, data["magnitudes"]))
    return (
        # «173,2 مليون», «4،8 مليار», «173٫2»: a decimal comma before a magnitude (elsewhere
        # a comma between digits may list them: «المواد 3،4 و5»); the Arabic decimal separator
        # always.
        re.compile(rf"(?<![\d.,\u060c])(\d+)(?:[,\u060c](\d{{1,2}})(?=\s*(?:{magnitudes}))|\u066b(\d+))(?![\d,\u060c])"),  # arabic comma, arabic decimal separator
        # «14 ألف و400», «514 ألف 854»: 14,400, 514,854 (three digits of hundreds, «و» before
        # them or not; the space after the figure too: «14ألف و400»; «10 آلاف و15 ألفا» is a range, «5 آلاف و5 وزراء» two counts)
        re.compile(rf"(?<![\d.])(\d{{1,3}})\s*(?:{thousands}){_TANWEEN}\s+(?:\u0648\s*)?(\d{{3}})(?![\d.])(?!\s*(?:{thousands}))"),  # waw
        # «39 ألف جنيه», «2.5 ألف»: 39,000, 2,500 (fewer than a thousand thousands: «منذ 2011
        # آلاف الأشخاص» is a year)
        re.compile(rf"(?<![\d.])(\d{{1,3}}(?:\.\d+)?)(?![\d.])\s*(?:{thousands}){_TANWEEN}(?!\w)"),
        # «ألفان و441», «ألف و500»: a thousand or two as a word, the rest in digits (no figure
        # before the word: «14 ألف و400» is read above)
        re.compile(rf"(?<!\d\s)(?<![\w\d]){_PREPOSITION}?({worded})\s+\u0648\s*(\d{{1,3}})(?![\d.])"),  # «بألف و300»; waw
        # «5. 1 مليار», «4. 11 مليون», «8 ر1 مليون»: the press's «5ر1» (1.5) copied with a point
        # and a space for the reh, or with a space beside the reh, the fraction still first;
        # only before a magnitude, where a figure cannot end a sentence
        re.compile(rf"(?<![\d.,])(\d{{1,3}})(?:\. | ?\u0631 ?)(\d{{1,3}})(?![\d.,])(?=\s*(?:{magnitudes}))"),  # reh
    )


@cache
def _nouns() -> dict[str, dict[str, str]]:
    nouns: dict[str, dict[str, str]] = load_data("count_nouns.json")["nouns"]
    return nouns


def count_phrase(n: int, noun: str) -> str:
    """`n` of `noun` (a key of count_nouns.json: article, outlet, source …), in agreement."""
    forms = _nouns()[noun]
    if n == 0:
        return forms["none"]
    if n == 1:
        return forms["one"]
    if n == 2:
        return forms["two"]
    tail = n % 100
    if 3 <= tail <= 10:
        return f"{n} {forms['plural']}"
    if 11 <= tail <= 99:
        return f"{n} {forms['accusative']}"
    return f"{n} {forms['genitive']}"  # 100, 101, 102, 200 …


def plain_figures(text: str) -> str:
    """The text with its figures written as digits alone: Eastern Arabic digits as ASCII, the
    press's «8ر4» as 4.8, «173,2 مليون» as 173200000, «1,500» as 1500, «14 ألف و400» as
    14400, «39 ألف» as 39000, «17 مليونا و412 ألفا» as 17412000, and a word drawn out with
    tatweel («مليــــار») as the word; so that one figure written two ways reads as one
    (stories/dossier.py compares the numbers outlets give)."""
    if "\u0640" in text:  # tatweel: «مليــــار» is «مليار»
        text = text.replace("\u0640", "")
    text = _worded_counts(text)
    if not _DIGIT.search(text):
        return text  # most sentences: nothing more to read (every sentence of a dossier comes here)
    decimal, and_hundreds, alone, worded, spaced_reh = _patterns()
    text = _REH_DECIMAL.sub(_fraction_first, normalize_digits(text))
    point, spelt = _decimal_word()
    if any(w in text for w in spelt):  # «43 فاصلة 8»: the decimal point as a word (a number read out)
        text = point.sub(lambda m: f"{m.group(1)}.{m.group(2)}", text)
    if text.count(".") >= 2:
        text = _POINT_GROUPS.sub(lambda m: m.group().replace(".", ""), text)
    if ". " in text or _SPACED_REH.search(text):
        text = spaced_reh.sub(_fraction_first, text)
    text = _THOUSANDS_SEPARATOR.sub("", decimal.sub(lambda m: f"{m.group(1)}.{m.group(2) or m.group(3)}", text))
    text = and_hundreds.sub(lambda m: str(int(m.group(1)) * 1000 + int(m.group(2))), text)
    text = alone.sub(lambda m: f"{round(float(m.group(1)) * 1000)}", text)
    values = _thousand_words()
    text = worded.sub(lambda m: str(values[m.group(1)] + int(m.group(2))), text)
    for per_unit, parts, pattern in _subunit_patterns():
        if any(w in text for w in parts):  # a substring test: most figures are of no such measure
            text = pattern.sub(partial(_in_units, per_unit=per_unit), text)
    # Millions before billions: «2 مليار و300 مليون» is read as 2,000,000,000 and 300,000,000,
    # then as one figure.
    for unit, words, pattern in _magnitude_patterns():
        if any(w in text for w in words):  # a substring test: most figures are of no million
            text = pattern.sub(partial(_times, unit=unit), text)
    lone, values = _lone_magnitude_pattern()
    if lone.search(text):
        text = lone.sub(partial(_lone_and_rest, values=values), text)
    return text


@cache
def _decimal_word() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The word for the decimal point between two figures («ثلاثة وأربعين فاصلة ثمانية» read as
    «43 فاصلة 8»: 43.8; data/count_nouns.json "decimal_point")."""
    words = tuple(load_data("count_nouns.json")["decimal_point"]["words"])
    spelt = "|".join(map(re.escape, words))
    return re.compile(rf"(?<![\d.])(\d+)\s+(?:{spelt})\s+(\d+)(?![\d.])"), words


def _lone_and_rest(m: re.Match[str], *, values: dict[str, int]) -> str:
    """«مليارا و59000000» as 1059000000: the word's value and the rest, smaller than its unit (a
    million or a billion; «مليونان» is two of them)."""
    value, rest = values[m.group(1)], int(m.group(2) or m.group(3))
    unit = 10 ** (len(str(value)) - 1)
    before = m.string[: m.start()].split()
    if rest >= unit or (before and before[-1] in _fractions()):
        return m.group(0)  # two figures; «نصف مليون و200 ألف» is half of it and more, left
    return str(value + rest)


@cache
def _fractions() -> frozenset[str]:
    return frozenset(load_data("count_nouns.json")["lone_magnitudes"]["fractions"])


@cache
def _lone_magnitude_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    """A million's or a billion's word with no figure before it (a preposition on it: «بمليار»),
    «و» and a figure of four digits or more, or a figure of five digits or more with no «و»
    (thousands read already: «مليون 760 ألف») (data/count_nouns.json "lone_magnitudes")."""
    values: dict[str, int] = load_data("count_nouns.json")["lone_magnitudes"]["words"]
    words = "|".join(map(re.escape, sorted(values, key=len, reverse=True)))
    data = load_data("count_nouns.json")
    units = "|".join(map(re.escape, [*data["thousands"], *data["millions"]]))
    # the rest no longer than a figure is written (a run of digits is no count), with no unit word
    # of its own after it («مليار و 2500 مليون» are two figures)
    return re.compile(
        rf"(?<![\w\d])(?<!\d\s){_PREPOSITION}?({words}){_TANWEEN}\s+(?:\u0648\s*(\d{{4,15}})|(\d{{5,15}}))(?![\d.])(?!\s*(?:{units}))"  # waw
    ), values


def _fraction_first(m: re.Match[str]) -> str:
    return f"{m.group(2)}.{m.group(1)}"


def _worded_counts(text: str) -> str:
    """«خمسة متهمين» as «5 متهمين», «إحدى عشرة قضية» as «11 قضية»: three to nineteen in words
    before a word (data/count_nouns.json "number_words", "teens"), not three to ten before a
    ten's word («خمسة وعشرين»: `_compound_counts` reads it), nor a ten after an ordinal («الدورة
    الثانية عشرة»: the twelfth, no count of ten)."""
    text = _compound_counts(text)
    values, pattern = _number_word_pattern()
    ones, tens, ordinals, teen = _teen_pattern()
    said = text.split()
    if _number_word_forms().isdisjoint(said) and tens.isdisjoint(said):
        return text  # most sentences: no such word (a set lookup costs less than the pattern's scan)
    text = teen.sub(lambda m: str(10 + ones[m.group(1)]), text)

    def figure(m: re.Match[str]) -> str:
        before = text[: m.start()].split()
        return m.group(0) if before and before[-1] in ordinals else str(values[m.group(1)])

    return pattern.sub(figure, text)


_WAW = "\u0648"  # waw: «و» joining a number's parts
_ON_A_NUMBER = ("\u0648", "\u0628", "\u0644")  # waw, beh, lam: a conjunction or preposition written on a number's first word
_PUNCTUATION = "\u060c\u061b,.:;!?)\"'»"  # arabic comma, arabic semicolon, and the rest: what ends a number in words
_ARTICLE = "\u0627\u0644"  # alef lam: a first word with the article is an ordinal («الحادي والعشرين»)
_ALEF, _HAMZA_BELOW = "\u0627", "\u0625"  # alef; alef with hamza below: «اثنا» written «إثنا»
_YEH, _MAQSURA = "\u064a", "\u0649"  # yeh; alef maqsura: «ثماني» written «ثمانى»


def _spellings(values: dict[str, int]) -> dict[str, int]:
    """The number words of `values` as the press also spells them: the hamza below an opening
    bare alef («إثنا عشر», «إثنتى»), a final yeh as alef maqsura («ثمانى», «إحدى»). Not the hamza
    above: «أثنى» is «praised». (The words are looked up as written, not by match_key's folding:
    the patterns run over the text as it is.)"""
    out = dict(values)
    for word, value in values.items():
        firsts = (_ALEF, _HAMZA_BELOW) if word[0] == _ALEF else (word[0],)
        lasts = (_YEH, _MAQSURA) if len(word) > 1 and word[-1] == _YEH else (word[-1],)
        for first in firsts:
            for last in lasts:
                out.setdefault(first + word[1:-1] + last if len(word) > 1 else first, value)
    return out


def _compound_counts(text: str) -> str:
    """A number in words of several parts joined by «و», or a hundreds word, before a word, as
    its figure: «مائة واثنا عشر مواطنا» as «112 مواطنا», «خمسة وعشرين عاما» as «25 عاما», «مائة
    ألف» as «100 ألف» (read on as 100,000); data/count_nouns.json "compound_numbers", "teens"."""
    words = _compound_words()
    if words.forms.isdisjoint(text.split()):
        return text  # most sentences: no such word
    tokens = list(re.finditer(r"\S+", text))
    out, done, k = [], 0, 0
    while k < len(tokens):
        parts, end = _number_parts(tokens, k, words)
        # A run counts when it has two parts or is a hundreds word, and a word follows it
        # (what it counts, or a thousand's word); a lone unit or ten is read elsewhere or left.
        after = tokens[end].group() if end < len(tokens) else ""
        # A run ended by punctuation («مائة وعشرين، منهم») has no word it counts after it: left.
        ended = bool(parts) and tokens[end - 1].group() != tokens[end - 1].group().rstrip(_PUNCTUATION)
        if (len(parts) >= 2 or (parts and parts[0][0] == "hundreds")) and after and not ended and not _DIGIT.search(after):
            kinds = [kind for kind, _ in parts]
            if len(set(kinds)) == len(kinds) and not ("teen" in kinds and ("unit" in kinds or "ten" in kinds)):
                # «وخمسة وعشرين»: the «و» before the number stays
                start = tokens[k].start() + (tokens[k].group() not in words.first_forms)
                out.append(text[done:start] + str(sum(v for _, v in parts)))
                done = tokens[end - 1].end()
                k = end
                continue
        k += 1
    return "".join(out) + text[done:]


def _number_parts(tokens: list[re.Match[str]], k: int, words: _CompoundWords) -> tuple[list[tuple[str, int]], int]:
    """The parts of the number in words starting at token k («مائة» «واثنا عشر»), each as (kind,
    value), and the token after them."""
    parts: list[tuple[str, int]] = []
    while k < len(tokens):
        if parts and tokens[k - 1].group() != tokens[k - 1].group().rstrip(_PUNCTUATION):
            break  # punctuation ends the number
        word = tokens[k].group().rstrip(_PUNCTUATION)
        if parts:  # every part after the first opens with «و», written on it or apart
            if word == _WAW and k + 1 < len(tokens):
                k += 1
                word = tokens[k].group().rstrip(_PUNCTUATION)
            elif word.startswith(_WAW) and len(word) > 1:
                word = word[1:]
            else:
                break
        elif word.startswith(_ARTICLE):
            break
        elif word not in words.first_forms and word[1:] in words.first_forms and word.startswith(_ON_A_NUMBER):
            word = word[1:]  # «وخمسة وعشرين»: «and» before the number; «بخمسة وعشرين»: a preposition
        # the ten of a teen, unless punctuation ends the number on its first word
        following = tokens[k + 1].group().rstrip(_PUNCTUATION) if k + 1 < len(tokens) and tokens[k].group()[-1:] not in _PUNCTUATION else ""
        if word in words.ones and following in words.teen_tens:
            parts.append(("teen", 10 + words.ones[word]))
            k += 2
        elif word in words.hundreds:
            parts.append(("hundreds", words.hundreds[word]))
            k += 1
        elif word in words.tens:
            parts.append(("ten", words.tens[word]))
            k += 1
        elif word in words.units:
            parts.append(("unit", words.units[word]))
            k += 1
        else:
            if parts and tokens[k - 1].group() == _WAW:
                k -= 1  # the «و» read before a word that is no part belongs to what follows
            break
    return parts, k


class _CompoundWords:
    """The words of numbers in several parts (data/count_nouns.json "compound_numbers", "teens"),
    and every form a sentence may hold them in (with «و» on them), for a quick test."""

    def __init__(self) -> None:
        data = load_data("count_nouns.json")
        compound, teens = data["compound_numbers"], data["teens"]
        self.units = _spellings(compound["units"])
        self.tens = _spellings(compound["tens"])
        self.hundreds = _spellings(compound["hundreds"])
        self.ones = _spellings(teens["ones"])
        self.teen_tens = frozenset(teens["tens"])
        self.first_forms = frozenset({*self.units, *self.tens, *self.hundreds, *self.ones})
        self.forms = self.first_forms | {on + w for w in self.first_forms for on in _ON_A_NUMBER}


@cache
def _compound_words() -> _CompoundWords:
    return _CompoundWords()


@cache
def _teen_pattern() -> tuple[dict[str, int], frozenset[str], frozenset[str], re.Pattern[str]]:
    """The teens' first words and their values, the words for ten, the ordinals, and a teen
    before a word."""
    teens = load_data("count_nouns.json")["teens"]
    ones = _spellings(teens["ones"])
    first = "|".join(map(re.escape, sorted(ones, key=len, reverse=True)))
    ten = "|".join(map(re.escape, teens["tens"]))
    # «التسعة عشر شخصا»: the definite teen too (alef lam before its first word)
    # «لثماني عشرة سنة»: a preposition on it (beh, lam)
    pattern = re.compile(rf"(?<![\w])(?:\u0627\u0644|{_PREPOSITION})?({first})\s+(?:{ten})(?!\w)(?=\s+[^\W\d])")  # alef lam
    return ones, frozenset(teens["tens"]), frozenset(teens["ordinals"]), pattern


@cache
def _number_word_pattern() -> tuple[dict[str, int], re.Pattern[str]]:
    data = load_data("count_nouns.json")
    values = _spellings(data["number_words"])
    words = "|".join(map(re.escape, sorted(values, key=len, reverse=True)))
    tens = "|".join(map(re.escape, data["teens_and_tens"]))
    # waw: «خمسة وعشرين»
    # «بأربع حقائب»: a preposition on it, not on a word of two letters («لست أدري»), nor where the
    # two make another word («لتسع الجميع»: to hold; data/count_nouns.json "preposition_look_alikes")
    look_alikes = "".join(rf"(?!{re.escape(w)}(?!\w))" for w in data["preposition_look_alikes"])
    return values, re.compile(rf"(?<![\w]){look_alikes}(?:{_PREPOSITION}(?=[^\W\d]{{3}}))?({words})(?=\s+[^\W\d])(?!\s+\u0648?(?:{tens})(?!\w))(?!\w)")


@cache
def _number_word_forms() -> frozenset[str]:
    """The number words as written alone or with a preposition on them («بأربع»): a sentence with
    none of these (nor a teen's ten) has no number in words for the patterns to read."""
    values = _number_word_pattern()[0]
    return frozenset({*values, *(on + w for w in values for on in _ON_A_NUMBER[1:])})


def _times(m: re.Match[str], *, unit: int) -> str:
    """«17 مليونا» as 17000000, with «و412000» (or «412000») after it added when smaller than the
    unit (one as large is another figure: «10 ملايين و15000000» is a range)."""
    value = round(float(m.group(1)) * unit)
    and_rest, rest = m.group(2), m.group(3) or m.group(4)
    if rest is not None and int(rest) < unit:
        return str(value + int(rest))
    return str(value) + (and_rest or "")


@cache
def _magnitude_patterns() -> list[tuple[int, tuple[str, ...], re.Pattern[str]]]:
    """For each unit (a million, a billion: data/count_nouns.json "millions"), smallest first, its
    words and a
    figure before one of its words, and the «و» and figure of thousands or units after it (not
    itself before a unit word: «3 ملايين و5 ملايين»), of four digits or more (thousands read
    already: «3 ملايين و5 وزراء» are two counts). A figure of four digits or more before the
    word is a year («2011 ملايين»), not a count of millions."""
    data = load_data("count_nouns.json")
    words: dict[str, int] = data["millions"]
    units = "|".join(map(re.escape, [*data["thousands"], *words]))
    out = []
    for unit in sorted(set(words.values())):
        spelt = tuple(sorted((w for w, v in words.items() if v == unit), key=len, reverse=True))
        these = "|".join(map(re.escape, spelt))
        out.append(
            (
                unit,
                spelt,
                re.compile(
                    rf"(?<![\d.])(\d{{1,3}}(?:\.\d+)?)(?![\d.])\s*(?:{these}){_TANWEEN}(?!\w)"  # «31مليونا»: glued too
                    # the rest after «و», or without it when it is thousands read already
                    # («36 مليونا 376 ألفا و834»: five digits or more, never a year); a comma
                    # before it too («9 ملايين، و813 ألف»)
                    rf"((?:(?:\s*[,\u060c]\s*|\s+)\u0648\s*(\d{{4,}})|\s+(\d{{5,}}))(?![\d.])(?!\s*(?:{units})))?"  # comma, arabic comma; waw
                ),
            )
        )
    return out


def _in_units(m: re.Match[str], *, per_unit: int) -> str:
    """«2 كيلو و600 جرام» as «2.6 كيلو»: the part, fewer than make a unit, as the unit's fraction."""
    whole, unit, part = int(m.group(1)), m.group(2), int(m.group(3))
    if part >= per_unit:
        return m.group(0)
    value = f"{whole + part / per_unit:.6f}".rstrip("0").rstrip(".")
    return f"{value} {unit}"


@cache
def _subunit_patterns() -> list[tuple[int, tuple[str, ...], re.Pattern[str]]]:
    """For each measure written in a unit and its part (data/count_nouns.json "subunits"): how
    many parts make the unit, the parts' words, and a figure, a unit word, «و» and a figure of
    parts."""
    out = []
    for measure in load_data("count_nouns.json")["subunits"]:
        units = "|".join(map(re.escape, sorted(measure["units"], key=len, reverse=True)))
        parts = tuple(sorted(measure["parts"], key=len, reverse=True))
        either = "|".join(map(re.escape, parts))
        pattern = re.compile(rf"(?<![\d.])(\d+)\s*({units})\s+\u0648\s*(\d+)\s*(?:{either})(?!\w)")  # waw
        out.append((int(measure["per_unit"]), parts, pattern))
    return out


@cache
def _thousand_words() -> dict[str, int]:
    words: dict[str, int] = load_data("count_nouns.json")["thousand_words"]
    return words
