"""Who said what: direct quotes in «…», “…” and "…", and indirect speech (قال إن …), each with
its speaker when the text makes the speaker clear.

A speaker is the name (or role) written right after a reporting verb: «وقال بوتين لصحفيين:»,
«وقال المتحدث باسم مجلس الأمن القومي، جون كيربي:», «وقال الكرملين في بيان», «بدوره، قال كيم».
A verb with no subject of its own (وأضاف:، وتابع:، مضيفا:، «وقال:») carries on the last speaker of
the previous few sentences; «…»، قال بوتين names the speaker after the quote. Only words between
the verb and the name that form a role (a title word leading them) are allowed, so the other
party in «وقال في مؤتمر مع نظيره وانغ يي:» is never taken for the speaker. When unsure, the
speaker stays empty: a wrong speaker is worse than none."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from itertools import accumulate, pairwise

from marsad.arabic.chars import AR_TATWEEL, QUOTE_PAIRS, SENTENCE_END_CHARSET
from marsad.arabic.names import is_given_name
from marsad.arabic.normalize import match_key
from marsad.arabic.stopwords import stopwords
from marsad.arabic.tokens import Token, tokenize
from marsad.article import Mention, Quote
from marsad.statements.lexicon import SpeechLexicon, speech_lexicon

CARRY_SENTENCES = 3  # how far back a verb with no subject looks for the last speaker
MAX_RELAY_TOKENS = 8  # tokens between a relay verb and its «عن» (ونقلت صحيفة "وول ستريت جورنال" عن)
MAX_ROLE_TOKENS = 12  # longest role phrase between a verb and the speaker's name
MAX_INDIRECT_GAP = 15  # tokens between a verb and its إن / أن
MIN_BARE_QUOTE_WORDS = 4  # shorter quoted text with no speaker is a scare quote or a name
MAX_TITLE_WORDS = 8  # a quoted name after موقع، قناة، كتاب … is no longer than this; longer is what was said
MAX_NOMINAL_GAP = 12  # tokens between a verb and the preposition of its noun-phrase statement
MIN_NOMINAL_WORDS = 3  # a shorter noun phrase («أكد على ذلك») states nothing of its own
_OBJECT = "*"  # in speech.json nominal_verbs: the verb's object is its statement
_ILA = "\u0627\u0644\u064a"  # alef lam yeh: إلى (as a match key)
_LAM = "\u0644"  # lam: لـ (to)
_BEH = "\u0628"  # beh: بـ (with, by)
_WAW = "\u0648"  # waw: و (and)
_FEH = "\u0641"  # feh: ف (then)
_ALEF = "\u0627"  # alef: the accusative ending of a participle (مطالبا)
_MEEM = "\u0645"  # meem: the prefix of a participle (مطالب)
_YEH_NOON = "\u064a\u0646"  # yeh noon: a plural ending (مطالبين)
_AN = "\u0639\u0646"  # ain noon: عن (from, after a relay verb)
_IN = ("\u0641\u064a",)  # feh yeh: في (in), as a match key (فى folds to it)
_MIN = "\u0645\u0646"  # meem noon: من (of), after a noun of number: «عدد من …»
_ARTICLE_KEY = "\u0627\u0644"  # alef lam: the article ال, as a match key
_LAM_LAM_KEY = "\u0644\u0644"  # lam lam: لل (li + al, the alef not written), as a match key
_APOSTROPHES = ("'", "\u2018", "\u2019", "`")  # ' ‘ ’ `: doubled, they mark a name off as quotation marks do
_DASHES = ("-", "\u2013", "\u2014")  # hyphen, en dash, em dash: «وقالت اللامى - بعدما …»
_QAD = "\u0642\u062f"  # qaf dal: قد (already), between a subject and its verb: «كان X قد قال»
MIN_MARKER_TOKENS = 6  # a verb and its subject with less after them is a byline («كتب محمد سعيد»), not speech
MAX_SUBJECT_PHRASE = 7
MAX_DOCUMENT_ADJECTIVES = 2  # «بيان رسمي مشترك صادر عن …»: adjectives between a document and its issuer
MAX_PREVERBAL_WORDS = 4  # a longer run before a verb is a clause of its own, not its subject
# كان، لكن، غير (as match keys, و read off): a clause whose subject comes before its verb opens here
_KANA = frozenset(("\u0643\u0627\u0646", "\u0643\u0627\u0646\u062a"))  # كان، كانت (was), as match keys
_CLAUSE_OPENERS = _KANA | frozenset(("\u0644\u0643\u0646", "\u063a\u064a\u0631"))  # كان، كانت، لكن، غير
# Words that open the occasion of a statement, not its speaker: في/فى (in), اليوم، أمس، مساء،
# صباح، الاثنين… are read from here (as match keys: alef maksura folded to yeh).
_OCCASION_WORDS = frozenset(("\u0641\u064a", "\u0627\u0644\u064a\u0648\u0645", "\u0627\u0645\u0633", "\u0645\u0633\u0627\u0621", "\u0635\u0628\u0627\u062d", "\u0639\u0628\u0631", "\u0645\u0646"))  # في، اليوم، أمس، مساء، صباح، عبر، من
_ACCORDING = ("\u062d\u0633\u0628\u0645\u0627", "\u0643\u0645\u0627")  # حسبما، كما: «…، حسبما قال X»


@dataclass(slots=True)
class _Span:
    open: int  # the opening mark
    start: int  # the quoted text
    end: int
    close: int  # after the closing mark


@dataclass(slots=True)
class _Speaker:
    mention: int | None
    name: str
    sentence: int


def quote_spans(text: str) -> list[_Span]:
    """Quoted stretches within a paragraph, outermost only («… "x" …» is one)."""
    out: list[_Span] = []
    # Opening mark -> the line end its last search for a closer ran into: a later mark of the
    # same kind before that point would search the same stretch in vain (a line with many stray
    # marks would otherwise be read once per mark).
    unclosed_until: dict[str, int] = {}
    i = 0
    while i < len(text):
        closer = QUOTE_PAIRS.get(text[i])
        if closer is None or (closer == text[i] and not _opens(text, i)) or i < unclosed_until.get(text[i], -1):
            i += 1
            continue
        j = i + 1
        # A straight quote closes only where a closing one can stand (after a word, before a
        # space or punctuation): «"نظام صاروخ "MiG-31"» is one quote with a name inside.
        while j < len(text) and text[j] != "\n" and not (text[j] == closer and (closer != text[i] or _closes(text, j))):
            j += 1
        if j < len(text) and text[j] == closer and j > i + 1:
            out.append(_Span(i, i + 1, j, j + 1))
            i = j + 1
        else:
            if j == len(text) or text[j] == "\n":
                unclosed_until[text[i]] = j
            i += 1  # an unclosed mark quotes nothing
    return out


def _opens(text: str, i: int) -> bool:
    # «وصفته بـ"ملاحقة …"»: a tatweel after a proclitic is not a word the mark could close
    return (i == 0 or not text[i - 1].isalnum() or text[i - 1] == AR_TATWEEL) and i + 1 < len(text) and not text[i + 1].isspace()


def _closes(text: str, j: int) -> bool:
    return not text[j - 1].isspace() and (j + 1 == len(text) or not text[j + 1].isalnum())


def _sentence_ends(text: str, spans: list[_Span]) -> list[int]:
    """Offsets where sentences end: sentence punctuation outside quotes, and line breaks."""
    inside: set[int] = set()
    for s in spans:
        inside.update(range(s.start, s.end))
    ends: list[int] = []
    for i, ch in enumerate(text):
        if (ch in SENTENCE_END_CHARSET and i not in inside) or ch == "\n":
            # a blank line or a run of marks ends no further sentence: «وأضاف» two paragraphs
            # on is one sentence after the last statement, however the page spaced them
            if ends and not text[ends[-1] : i].strip():
                ends[-1] = i + 1
            else:
                ends.append(i + 1)
    return [*ends, len(text) + 1]


class _Reader:
    def __init__(self, text: str, mentions: list[Mention], lex: SpeechLexicon) -> None:
        self.text, self.mentions, self.lex = text, mentions, lex
        self.tokens = tokenize(text)
        self.starts = [t.start for t in self.tokens]
        self.mention_at = {m.start: i for i, m in enumerate(mentions)}
        # Mentions by start, and the longest one: the mentions meeting a stretch of text are
        # found by bisection among those starting at most that far before it, not by a scan of
        # every mention of the article for every word looked at.
        self.by_start = sorted((m.start, i) for i, m in enumerate(mentions))
        self.longest_mention = max((m.end - m.start for m in mentions), default=0)
        self.all_spans = quote_spans(text)
        self.span_at = {s.open: s for s in self.all_spans}
        self.spans = [s for s in self.all_spans if not self._is_name_or_title(s)]
        self.sentence_ends = _sentence_ends(text, self.spans)

    def sentence_of(self, offset: int) -> int:
        return bisect_left(self.sentence_ends, offset + 1)

    def sentence_start(self, offset: int) -> int:
        n = self.sentence_of(offset)
        return self.sentence_ends[n - 1] if n > 0 else 0

    def mentions_starting(self, lo: int, hi: int) -> list[int]:
        """Indices (in list order) of the mentions starting in [lo, hi)."""
        first = bisect_left(self.by_start, (lo, -1))
        last = bisect_left(self.by_start, (hi, -1))
        return sorted(i for _, i in self.by_start[first:last])

    def first_mention_meeting(self, start: int, end: int, strict: bool = False) -> int | None:
        """The first mention (in list order) holding offset `start` or starting within
        [start, end) — after `start` only, when `strict`."""
        for i in self.mentions_starting(start - self.longest_mention, end):
            m = self.mentions[i]
            if m.start <= start < m.end or (start < m.start < end if strict else start <= m.start < end):
                return i
        return None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        return self.tokens[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def _is_name_or_title(self, s: _Span) -> bool:
        """«فرانس برس», "كيم وبوتين", a book or film title: quoted, but not a statement."""
        inner = tokenize(self.text[s.start : s.end])
        words = [t for t in inner if t.text[0].isalnum()]
        if not words:
            return True
        inside = (self.mentions[i] for i in self.mentions_starting(s.start, s.end + 1))
        covered = sum(m.end - m.start for m in inside if m.end <= s.end)
        letters = sum(len(t.text) for t in words) + len(words) - 1
        if covered >= letters * 0.8:
            return True
        if s.open > 0 and self.text[s.open - 1] == AR_TATWEEL and len(words) <= MIN_BARE_QUOTE_WORDS:
            return True  # «لـ"بوابة أخبار اليوم"», «بـ"الفكر المتطرف"»: a name or a label after a proclitic
        if len(words) > MAX_TITLE_WORDS:
            return False  # «على موقع تويتر- "…"» with a sentence inside: what was written there
        before = [t for t in tokenize(self.text[max(0, s.open - 40) : s.open]) if t.text[0].isalnum()][-2:]
        # «بفضائية "الجزيرة مباشر"», «لقناة «الجزيرة مباشر مصر»»: the noun may carry a proclitic
        return any(k in self.lex.work_titles or (k[:1] in (_LAM, _BEH) and k[1:] in self.lex.work_titles) for k in (match_key(t.text) for t in before))

    def _skip_addressee(self, toks: list[Token]) -> list[Token]:
        """Drop a leading «إلى «فرانس برس»» / «لوكالة رويترز» / «لصحفيين»: who was told, not who spoke."""
        if not toks:
            return toks
        first = match_key(toks[0].text)
        if first == _ILA:
            rest = toks[1:]
        elif first.startswith(_LAM) and len(first) > 3:
            rest = toks
        else:
            return toks
        # The addressee ends at the first comma or after the organisation / quoted name it names.
        head = rest[0] if rest else None
        if head is None:
            return toks
        named = self.first_mention_meeting(head.start, head.end)
        if named is not None:
            end = self.mentions[named].end
        else:
            span = self.span_at.get(head.start)
            end = span.close if span else head.end
        if first.startswith(_LAM) and first != _ILA and self.first_mention_meeting(toks[0].start, toks[0].end, strict=True) is None:
            end = toks[0].end  # لصحفيين: one word
        return [t for t in toks if t.start >= end and t.text not in ("»", "”", '"')]

    def speaker_of(self, verb: Token, limit: int, loose: bool = True) -> tuple[int | None, str] | None:
        """The speaker a reporting verb names before `limit`. After a relay verb («نقلت وكالة
        رويترز عن مصدر حكومي قوله») it is the one named after «عن», within a few words of the
        verb, not the outlet that relays."""
        if self.lex.is_relay(verb.text):
            for tok in self.tokens_between(verb.end, limit)[:MAX_RELAY_TOKENS]:
                if match_key(tok.text) == _AN:
                    # the one after «عن» speaks (named, a role, or as written: «عن مسؤولين»),
                    # never the outlet that relays it
                    return self.subject(tok.end, limit) or (self.subject_phrase(tok.end, limit) if loose else None)
        spokesperson = self.spoken_for(verb.end, limit)
        if spokesperson is not None:
            return spokesperson
        k = bisect_left(self.starts, verb.end)
        if k < len(self.tokens) and match_key(self.tokens[k].text) in self.lex.resumptive:
            return self.sentence_subject(verb)
        if not loose:
            return self.subject(verb.end, limit)
        if self.lex.verb_kind(verb.text) == "continuation":
            # مضيفاً، قائلاً: the speaker is the last one, carried on, unless the cue names its
            # own («هكذا ختم زعيم حزب العمال كير ستارمر خطابه»), or a finite verb has its subject
            # right before it («البيان أضاف أن», «نور أضاف»; not across a comma: «…مع مرسي، وأضاف»)
            found = self.subject(verb.end, limit)
            if found is None and _is_participle(verb.text):
                # «ويعبر أيرون روز، طالب …، عن الشعور ذاته قائلا:»: the sentence opens with a verb
                # and the person it names; that person goes on, not the one before
                opening = self.tokens_between(self.sentence_start(verb.start), verb.start)[:2]
                named = self.mention_at.get(opening[1].start) if len(opening) == 2 and opening[0].text[:1].isalpha() else None
                if named is not None and self.mentions[named].type == "PER":
                    found = named, self.mentions[named].text
            if found is None and not _is_participle(verb.text):
                k = bisect_left(self.starts, verb.start)
                if k > 0 and self.tokens[k - 1].text[:1].isalpha() and self.sentence_of(self.tokens[k - 1].start) == self.sentence_of(verb.start):
                    found = self.subject_before(verb)
            return found
        return self.subject(verb.end, limit) or self.subject_phrase(verb.end, limit) or self.subject_before(verb)

    def issued_documents(self) -> list[tuple[int, int | None, str]]:
        """Documents the article says who issued, as (offset, mention, issuer) in text order:
        «بيان لمجلس الوزراء», «أصدر مجلس الوزراء بيانا»."""
        out: list[tuple[int, int | None, str]] = []
        for n, tok in enumerate(self.tokens):
            if self.document(tok.text) != "indefinite":
                continue
            found = self.issuer(self.tokens[n : n + MAX_SUBJECT_PHRASE + MAX_DOCUMENT_ADJECTIVES + 3])
            if found is None:
                # «أصدر مجلس الوزراء بيانا»: the words between an issuing verb and the document
                back = self.tokens[max(0, n - MAX_SUBJECT_PHRASE - 1) : n]
                verb = next((k for k in range(len(back) - 1, -1, -1) if _strip_waw(match_key(back[k].text)) in self.lex.issue_verbs), None)
                words = back[verb + 1 :] if verb is not None else []
                if words and all(t.text[:1].isalpha() for t in words):
                    named = self.first_mention_meeting(words[0].start, words[0].end)
                    found = (named, self.mentions[named].text) if named is not None else (None, self.text[words[0].start : words[-1].end])
            if found is not None:
                out.append((tok.start, found[0], found[1]))
        return out

    def document(self, word: str) -> str | None:
        """"indefinite" for a document noun that can speak for its issuer («بيان», «وبيانا»),
        "definite" for one that refers back to the last («البيان»), else None."""
        key = match_key(word)
        for k in (key, _strip_waw(key)):
            if k in self.lex.documents or (k.endswith(_ALEF) and k[:-1] in self.lex.documents):
                return "indefinite"
            if k.startswith(_ARTICLE_KEY) and k[2:] in self.lex.documents:
                return "definite"
        return None

    def issuer(self, toks: list[Token]) -> tuple[int | None, str] | None:
        """Who issued the document that opens `toks` and so speaks through it: «بيان لمجلس
        الوزراء», «بيان صادر عن قيادة الجيش اللبناني», «تقرير للأمم المتحدة», «بيان الجيش»."""
        if not toks or self.document(toks[0].text) != "indefinite":
            return None
        rest = toks[1:]
        for k, tok in enumerate(rest[:MAX_DOCUMENT_ADJECTIVES + 1]):
            key = match_key(tok.text)
            if key in self.lex.issued_by:
                return self._issuer_phrase(rest[k + 2 :], 0) if k + 1 < len(rest) and match_key(rest[k + 1].text) == _AN else None
            if key.startswith(_LAM) and len(key) > 3 and not self._told_at(tok):
                return self._issuer_phrase(rest[k:], 2 if key.startswith(_LAM_LAM_KEY) else 1)
            if k == 0 and (self.mention_at.get(tok.start) is not None or (_definite(tok.text) and key not in stopwords())):
                return self._issuer_phrase(rest, 0)  # «بيان الجيش», «بيان حزب النور»: in construct
            if not tok.text[:1].isalpha() or key in stopwords():
                return None
        return None

    def _issuer_phrase(self, toks: list[Token], proclitic: int) -> tuple[int | None, str] | None:
        """The name that opens `toks` (after `proclitic` letters: ل, or the ل of لل whose ال
        lost its alef) up to a mark, a verb, an إن / أن or an occasion."""
        phrase: list[Token] = []
        for tok in toks[:MAX_SUBJECT_PHRASE]:
            if self._ends_name(tok) or (phrase and match_key(tok.text) in stopwords()):
                break
            phrase.append(tok)
        if not phrase:
            return None
        first, end = phrase[0], phrase[-1].end
        named = next((i for i in self.mentions_starting(first.start, first.end) if self.mentions[i].end >= end - 1), None)
        if named is not None:
            end = self.mentions[named].end
        name = self.text[first.start + proclitic : end]
        # «للأمم المتحدة»: the ال of «الأمم» lost its alef after ل; written back (alef lam)
        return named, (_ARTICLE_KEY + name if proclitic == 2 else name)

    def _ends_name(self, tok: Token) -> bool:
        """A word no issuer's or group's name runs through: a mark, an إن / أن, a reporting
        verb, an occasion («في»، «اليوم») or a role stop («خلال»، «بيان»)."""
        key = match_key(tok.text)
        return (
            not tok.text[:1].isalpha()
            or self.lex.is_that(tok.text)
            or bool(self.lex.verb_kind(tok.text))
            or key in _OCCASION_WORDS
            or key in self.lex.role_stops
        )

    def group_subject(self, toks: list[Token]) -> int | None:
        """How many of `toks` a group subject takes: «مجموعة من المتظاهرين», «عدد من منظمات
        المجتمع المدني» (a noun of number, من, then a definite phrase up to its object), «كثيرون في
        مصر» (a group word alone, and the place it is in), else None."""
        if toks and _strip_waw(match_key(toks[0].text)) in self.lex.group_alone:
            place = self.first_mention_meeting(toks[2].start, toks[2].end) if len(toks) > 2 and match_key(toks[1].text) in _IN else None
            if place is not None and self.mentions[place].type == "LOC":
                return next(k for k, t in enumerate(toks) if t.end >= self.mentions[place].end) + 1
            return 1
        if len(toks) < 3 or _strip_waw(match_key(toks[0].text)) not in self.lex.group_nouns or match_key(toks[1].text) != _MIN:
            return None
        n = 2
        while n < min(len(toks), MAX_SUBJECT_PHRASE + 2):
            tok = toks[n]
            if (
                self._ends_name(tok)
                or match_key(tok.text) in stopwords()
                or (n > 2 and _starts_object(toks[n - 1], tok) and self.first_mention_meeting(tok.start, tok.end) is None)
            ):
                break  # (names go on: «كل من الولايات المتحدة وألمانيا وهولندا»)
            n += 1
        return n if n > 2 else None

    def sentence_subject(self, verb: Token) -> tuple[int, str] | None:
        """«واستعرض اللواء محمد ابراهيم تقريرا عن أحداث بورسعيد أوضح فيه أنه»: a verb in a
        relative clause on a noun speaks for the one the sentence is about, its first person
        (else its first organisation) before the verb."""
        inside = [i for i in self.mentions_starting(self.sentence_start(verb.start), verb.start)]
        for kind in ("PER", "ORG"):
            i = next((i for i in inside if self.mentions[i].type == kind), None)
            if i is not None:
                return i, self.mentions[i].text
        return None

    def spoken_for(self, after: int, limit: int) -> tuple[int, str] | None:
        """«وأوضح الحزب في تصريحات لمتحدثه الإعلامي خالد الشريف أن»: the person a statement noun
        gives the words to (a title joined to لـ, then the name, within a few words) speaks."""
        toks = self.tokens_between(after, limit)[: MAX_INDIRECT_GAP * 2]
        for k, tok in enumerate(toks[:-1]):
            if _strip_waw(match_key(tok.text)) not in self.lex.spoken_for:
                continue
            title = toks[k + 1].text
            if not (match_key(title)[:1] == _LAM and len(title) > 3 and self.lex.is_title(title[1:])):
                continue
            for t in toks[k + 2 : k + 2 + MAX_ROLE_TOKENS]:
                i = self.mention_at.get(t.start)
                if i is not None and self.mentions[i].type == "PER":
                    return i, self.mentions[i].text
                if not t.text[:1].isalpha() or self.lex.is_that(t.text):
                    break
        return None

    def subject_phrase(self, after: int, limit: int) -> tuple[int | None, str] | None:
        """The words between a verb and its إن / أن (or its statement) as the speaker when no
        name or title opens them: «أكدت هيئة الرقابة الإدارية أنه», «قالت مصادر عسكرية وقبلية
        يمنية لبي بي سي إن», «ذكر شهود عيان ومسؤولون، أن». The phrase ends before an addressee,
        a comma, an occasion («في بيان»، «خلال»، «اليوم») or a date; a mention it starts with
        is the speaker itself."""
        raw = self.tokens_between(after, limit)
        if raw and raw[0].start in self.span_at and raw[0].start not in {sp.open for sp in self.spans}:
            # «وقال «كشك» أن»: a name in quotation marks; the person whose name ends with it
            span = self.span_at[raw[0].start]
            inner = self.text[span.start : span.end].strip()
            person = next((i for i, m in enumerate(self.mentions) if m.type == "PER" and m.start < after and m.text.split()[-1] == inner), None)
            return (person, self.mentions[person].text) if person is not None else (None, inner)
        # The speaker comes before an إن / أن: what follows one is what was said.
        raw = raw[: next((k for k, t in enumerate(raw) if self.lex.is_that(t.text)), len(raw))]
        while raw and raw[0].text in _DASHES:
            raw = raw[1:]  # «قال- أبو حامد»: a dash right after the verb
        toks = self._skip_addressee(raw)
        if toks and self.document(toks[0].text) == "indefinite":
            return self.issuer(toks)  # «وقال بيان لمجلس الوزراء: إن»: the council speaks
        group = self.group_subject(toks)
        if group is not None:  # «وطالب عدد من منظمات المجتمع المدني بـ»: the group as written
            return None, self.text[toks[0].start : toks[group - 1].end]
        phrase: list[Token] = []
        for n, tok in enumerate(toks):
            key = match_key(tok.text)
            if tok.text in _APOSTROPHES and phrase:
                continue  # «مؤسسة ''الكرامة'' لحقوق الإنسان»: a name marked off inside the phrase
            if tok.text in ("\u060c", ",") and phrase and n + 1 < len(toks):
                # «وطالب المحامي، محمد عبد الرازق، …»: a role, then the person in apposition
                named = self.mention_at.get(toks[n + 1].start)
                if named is not None and self.mentions[named].type == "PER":
                    return named, self.mentions[named].text
            if (
                tok.text in ("\u060c", ",", ":", "\u00ab", "\u201c", '"', "(", *_DASHES)
                or key in self.lex.role_stops
                or key in _OCCASION_WORDS
                or self.lex.is_that(tok.text)
                or any(c.isdigit() for c in tok.text)
                or (phrase and self._addressee_at(toks, n))
                or (phrase and self.lex.verb_kind(tok.text) == "verb" and is_given_name(phrase[0].text))  # «وكتبت بثينة كامل تقول:»
                or (
                    phrase
                    and _starts_object(phrase[-1], tok)
                    and not self.lex.is_title(phrase[-1].text)  # «المهندس جهاد الحداد»: a name follows a title
                    and self.first_mention_meeting(tok.start, tok.end) is None
                )
            ):
                break
            phrase.append(tok)
        while phrase and match_key(phrase[-1].text) in stopwords():
            phrase.pop()
        if not phrase or len(phrase) > MAX_SUBJECT_PHRASE or match_key(phrase[0].text) in stopwords() or not phrase[0].text[0].isalpha():
            return None
        first = match_key(phrase[0].text)
        if (first[:1] in (_LAM, _BEH) and not is_given_name(phrase[0].text)) or any(self.lex.verb_kind(t.text) or self.lex.nominal_preps(t.text) is not None for t in phrase):
            return None  # «بوضع ميثاق …», «لتقديم …»: a statement or an object, not who speaks
        i = self.first_mention_meeting(phrase[0].start, phrase[0].end)
        if i is not None and self.mentions[i].end >= phrase[-1].end:
            if self.mentions[i].type == "LOC" and not self._feminine_verb_at(after):
                return None  # «ودعا مصر إلى …»: a place after a masculine verb is whom it addresses
            return i, self.mentions[i].text
        name = self.text[phrase[0].start : phrase[-1].end]
        return None, " ".join("".join(" " if c in _APOSTROPHES else c for c in name).split())

    def _addressee_at(self, toks: list[Token], k: int) -> bool:
        key = match_key(toks[k].text)
        return key.startswith(_LAM) and len(key) > 3 and self._is_addressee(toks[k], toks[k + 1 : k + 2])

    def _told_at(self, tok: Token) -> bool:
        """A لـ word that is itself an outlet or a medium: «لبي بي سي», «لصحيفة», not the ل of a
        genitive inside a role («مدير المعهد العالمي لدراسات كوريا الشمالية»)."""
        key = match_key(tok.text)
        if not key.startswith(_LAM) or key.startswith(_LAM + _LAM) or len(key) < 3:
            return False  # لل is li + al, a genitive inside the role: «الأمين العام للأمم المتحدة»
        named = self.first_mention_meeting(tok.start, tok.end)
        return (named is not None and self.mentions[named].type != "LOC") or key[1:] in self.lex.media_nouns

    def _is_addressee(self, tok: Token, following: list[Token]) -> bool:
        """A لـ word that names who was told: «لوكالة فرانس برس», «لبي بي سي», «لصحيفة …»."""
        if self.first_mention_meeting(tok.start, tok.end) is not None:
            return True
        if following and self.first_mention_meeting(following[0].start, following[0].end) is not None:
            return True
        return match_key(tok.text)[1:] in self.lex.media_nouns

    def subject_before(self, verb: Token) -> tuple[int | None, str] | None:
        """A speaker named before the verb: «كان اللواء أسامة عسكر، قد قال …», «ولكن أحد شهود
        العيان، قال: …», «البيان أضاف أن …» — a mention ending right before it (a comma and قد
        between them allowed), in the same sentence."""
        before = self.tokens_between(self.sentence_start(verb.start), verb.start)
        k = len(before)
        while k > 0 and (before[k - 1].text in ("\u060c", ",") or match_key(before[k - 1].text) == _QAD):
            k -= 1
        if k == 0:
            return None
        if before[k].text in ("\u060c", ",") if k < len(before) else False:
            # «نور، رئيس حزب غد الثورة، أكد»: an apposition between commas before the verb
            opening = next((j for j in range(k - 1, max(-1, k - 1 - MAX_ROLE_TOKENS), -1) if before[j].text in ("\u060c", ",")), None)
            if opening is not None and opening > 0 and self.first_mention_meeting(before[k - 1].start, before[k - 1].end) is None:
                k = opening
        last = before[k - 1]
        for i in self.mentions_starting(last.start - self.longest_mention, last.end):
            m = self.mentions[i]
            if m.start <= last.start < m.end and m.end >= last.end - 1 and m.type in ("PER", "ORG"):
                return i, m.text
        return self._phrase_before(before[:k])

    def _phrase_before(self, before: list[Token]) -> tuple[int | None, str] | None:
        """A short noun phrase between the start of a clause and its verb: «غير أن تقارير صحيفة
        أشارت», «ولكن أحد شهود العيان، قال», «وكانت "جبهة الإنقاذ" قد طالبت». The clause starts
        at the sentence, an إن / أن, or a كان / لكن; the phrase is a few words, none of them a
        function word, a number or a verb."""
        words = [t for t in before if t.text[0].isalnum() and len(t.text) > 1]
        cuts = [j for j, t in enumerate(words) if self.lex.is_that(t.text) or _strip_waw(match_key(t.text)) in _CLAUSE_OPENERS]
        cut = cuts[-1] if cuts else -1
        if cuts and cut == len(words) - 1 and _strip_waw(match_key(words[cut].text)) in _KANA:
            # «أن رئيس الوزراء كان قد أكد»: the subject stands before كان, after the clause's start
            words, cut = words[:cut], cuts[-2] if len(cuts) > 1 else -1
        phrase = words[cut + 1 :]
        if cut == -1 and len(words) != len(phrase):
            return None
        if not 1 <= len(phrase) <= MAX_PREVERBAL_WORDS:
            return None
        for t in phrase:
            key = _strip_waw(match_key(t.text))
            if key in stopwords() or any(c.isdigit() for c in t.text) or self.lex.verb_kind(t.text) or self.lex.nominal_preps(t.text) is not None:
                return None
        if _strip_waw(match_key(phrase[0].text))[:1] in (_LAM, _BEH):
            return None  # «وبحسب …», «ولكل …»: a prepositional phrase, not a subject
        named = self.first_mention_meeting(phrase[0].start, phrase[0].end)
        if named is not None and self.mentions[named].end >= phrase[-1].end:
            return named, self.mentions[named].text
        return None, self.text[phrase[0].start : phrase[-1].end]

    def _feminine_verb_at(self, end: int) -> bool:
        """The verb ending at `end` is a feminine past form (أكدت، طلبت، وأعلنت): a country or a
        city right after it is its subject («طلبت أنقرة المساعدة»), as a place after a masculine
        verb is not («ودعا مصر إلى …» addresses Egypt)."""
        k = bisect_left(self.starts, end) - 1
        return k >= 0 and self.lex.is_feminine_verb(self.tokens[k].text)

    def subject(self, after: int, limit: int) -> tuple[int | None, str] | None:
        """The speaker named right after a verb ending at `after`: a mention, or a role.
        Allowed before the name: nothing, or a role phrase led by a title word."""
        toks = self._skip_addressee(self.tokens_between(after, limit))
        role_led = False
        for k, tok in enumerate(toks[: MAX_ROLE_TOKENS + 1]):
            if k > 0 and self._told_at(tok):
                toks = toks[:k]  # «وأكد مصدر أمني لبي بي سي أن»: who was told ends the role
                break
            i = self.mention_at.get(tok.start)
            if i is None:  # a mention may start after a proclitic inside this token
                i = next(iter(self.mentions_starting(tok.start + 1, tok.end)), None)
            if i is not None:
                m = self.mentions[i]
                # An institution right after the verb speaks (ANERcorp, which the tagger learnt
                # from, files البيت الأبيض under MISC).
                if m.type == "PER" or (k == 0 and (m.type in ("ORG", "MISC") or (m.type == "LOC" and self._feminine_verb_at(after)))):
                    return i, m.text
                if not role_led:
                    return None
                continue
            key = match_key(tok.text)
            if k == 0:
                if self.lex.is_title(tok.text):
                    role_led = True
                    continue
                named = self.mention_at.get(toks[1].start) if len(toks) > 1 else None
                if named is not None and self.mentions[named].type == "PER" and is_given_name(tok.text):
                    # «رفض ممدوح عباس …»: the tagger found the family name, not the given name
                    # before it; the speaker is both
                    return named, self.text[tok.start : self.mentions[named].end]
                return None
            if not role_led or tok.text in (":", "\u00ab", "\u201c", '"') or self.lex.is_that(tok.text) or key in self.lex.role_stops:
                break
        if role_led:
            role: list[Token] = []
            for tok in toks:
                if (
                    tok.text in ("\u060c", ",", ":", "\u00ab", "\u201c", '"')
                    or self.lex.is_that(tok.text)
                    or match_key(tok.text) in self.lex.role_stops
                ):
                    break
                role.append(tok)
            while len(role) > 1 and match_key(role[-1].text) in stopwords():
                role.pop()  # «رئيس الوزراء في» before a stop: the preposition led the stopped phrase
            return None, self.text[role[0].start : role[-1].end]
        return None


def find_quotes(text: str, mentions: list[Mention]) -> list[Quote]:
    """Direct and indirect quotes in `text`, in order, with speakers where the text is clear."""
    lex = speech_lexicon()
    r = _Reader(text, mentions, lex)

    def attribute(verb_pos: int, window_start: int, limit: int, sentence: int) -> tuple[_Speaker | None, str | None]:
        """Speaker and cue from the reporting verbs in [window_start, verb_pos): the last verb
        with a subject of its own (ورد بوتين على سؤال…، بقوله: is بوتين); else no speaker yet."""
        first = bisect_left(r.starts, window_start)
        verbs = [t for n, t in enumerate(r.tokens_between(window_start, verb_pos), first) if lex.verb_kind(t.text) and not _noun_not_verb(r, n)]
        # A name or title after any of the verbs first («وأخبر كيم بوتين عبر مترجم:» is كيم,
        # not the مترجم after «عبر»); only then the looser readings of each verb's subject.
        for loose in (False, True):
            for tok in reversed(verbs):
                found = r.speaker_of(tok, limit, loose)
                if found:
                    return _Speaker(found[0], found[1], sentence), tok.text
        return None, verbs[-1].text if verbs else None

    # Direct quotes: the verb before the quote, or one right after it.
    events: list[tuple[int, Quote, _Speaker | None]] = []
    prev_end = 0
    for s in r.spans:
        sentence = r.sentence_of(s.open)
        window = max(r.sentence_start(s.open), prev_end)
        speaker, cue = attribute(s.open, window, s.open, sentence)
        if cue is None:
            first = bisect_left(r.starts, s.close)
            after = list(enumerate(r.tokens_between(s.close, r.sentence_ends[sentence] - 1), first))[:4]
            verb = next((t for n, t in after if lex.verb_kind(t.text) and not _noun_not_verb(r, n)), None)
            if verb is not None:
                found = r.speaker_of(verb, r.sentence_ends[sentence] - 1)
                speaker = _Speaker(found[0], found[1], sentence) if found else None
                cue = verb.text
        words = len(text[s.start : s.end].split())
        # A short quotation is a statement only right after its verb or a colon («قال: "لا"»);
        # elsewhere two or three quoted words are a name or a label («بفضائية "الجزيرة مباشر"»).
        introduced = words >= MIN_BARE_QUOTE_WORDS or _right_after_cue(r, s.open)
        if (cue is not None and words >= 2 and introduced) or words >= MIN_BARE_QUOTE_WORDS:
            q = Quote(
                text[s.start : s.end],
                "direct",
                s.start,
                s.end,
                cue,
                speaker.name if speaker else None,
                speaker.mention if speaker else None,
            )
            events.append((s.start, q, speaker))
        prev_end = s.close

    # Indirect speech: verb ... إن / أن ..., outside direct quotes.
    # Quotes are in text order and do not overlap: their opening and closing offsets are both
    # ascending, so each question below is a bisection.
    opens = [s.open for s in r.spans]
    closes = [s.close for s in r.spans]
    openers = set(opens)  # a quoted name («فرانس برس») does not end the clause
    embedded: list[tuple[int, int]] = []  # reported clauses that run on through a quotation
    # Reporting verbs that name their subject but whose statement was not read (its form is
    # beyond these rules): later verbs with no subject continue that speaker, not an older one.
    markers: list[tuple[int, _Speaker]] = []
    cue_at: dict[int, int] = {}  # id(statement) -> offset of its verb, for statements read from a verb
    for n, tok in enumerate(r.tokens):
        if not (lex.verb_kind(tok.text) or lex.nominal_preps(tok.text) is not None) or _inside(tok.start, opens, closes) or _noun_not_verb(r, n):
            continue
        if n > 0 and match_key(r.tokens[n - 1].text) in lex.negations:
            continue  # «ولم تؤكد الأمم المتحدة الموعد»: nothing was said
        sentence = r.sentence_of(tok.start)
        end_of_sentence = r.sentence_ends[sentence] - 1
        that = None
        # the gap counts words: «قال حمزاوي، في لقائه مع برنامج "صباح أون"، على قناة "أون تي في"، إنه»
        ahead = _words_ahead(r, n, MAX_INDIRECT_GAP)
        for k, t in enumerate(ahead):
            if t.text == ":" and k + 1 < len(ahead) and lex.is_that(ahead[k + 1].text):
                continue  # «وقال الوزير لـ الأهرام: أن الفكرة …»: a colon before the أن
            if t.start >= end_of_sentence or t.start in openers or t.text == ":":
                break
            if lex.is_that(t.text):
                if k > 0 and _strip_waw(match_key(ahead[k - 1].text)) in lex.before_that:
                    break  # «… بعد أن طلبت أنقرة المساعدة»: a clause of time, not what was said
                that = t
                break
            if (lex.verb_kind(t.text) or lex.nominal_preps(t.text) is not None) and k > 0 and ahead[k - 1].text in ("\u060c", ","):
                break  # «وطالب غنيم …، مؤكدا على أن»: the أن is the nearer verb's
        if that is None:
            before = r.tokens[n - 1] if n > 0 else None
            span = _nominal_span(r, n, end_of_sentence, openers, opens)
            if before is not None and match_key(before.text) in _ACCORDING and span is None:
                # «…، حسبما قال X»: what precedes in the sentence is what X said.
                closed = bisect_right(closes, before.start)  # quotes closed by then
                begin = max(r.sentence_start(tok.start), closes[closed - 1] if closed else 0)
                content = text[begin : before.start].strip(" \u060c,.\n")
                found = r.speaker_of(tok, end_of_sentence)
                if len(content.split()) >= 3 and found:
                    start = text.index(content, begin)
                    speaker = _Speaker(found[0], found[1], sentence)
                    events.append((start, Quote(content, "indirect", start, start + len(content), tok.text, found[1], found[0]), speaker))
                    cue_at[id(events[-1][1])] = tok.start
                continue
            if span is None and not _is_participle(tok.text):
                found = r.subject(tok.end, end_of_sentence)
                if found is None:  # «كشفت مصادر حدودية عسكرية أردنية - في تصريح … - عن انشقاق …»
                    phrase = r.subject_phrase(tok.end, end_of_sentence)
                    found = phrase if phrase and _role_head(phrase[1].split()[0]) in lex.anonymous else None
                if found and len(r.tokens_between(tok.end, end_of_sentence)) > MIN_MARKER_TOKENS:
                    markers.append((tok.start, _Speaker(found[0], found[1], sentence)))
            if span is not None:
                start, end = span
                # After a participle (مطالباً جموع المعلمين بـ، داعياً ذوي المعتقلات إلى) the words
                # before the preposition are whom it addresses: the speaker is the one carried on.
                found = None if _is_participle(tok.text) else r.speaker_of(tok, start)
                speaker = _Speaker(found[0], found[1], sentence) if found else None
                q = Quote(text[start:end], "nominal", start, end, tok.text, speaker.name if speaker else None, speaker.mention if speaker else None)
                events.append((start, q, speaker))
                cue_at[id(q)] = tok.start
            continue
        next_open = bisect_right(opens, that.end)  # the first quote opening after the إن
        content_end = min(end_of_sentence, opens[next_open]) if next_open < len(opens) else end_of_sentence
        if content_end < end_of_sentence and len(text[that.end : content_end].split()) >= 2:
            # «أن التحالف الذي تقترحه موسكو «سيضم …»»: a quotation inside the reported clause is
            # part of it; the statement runs on to the end of the clause (a quotation right after
            # the إن is a direct quote of its own, read above).
            content_end = _clause_end(r, that.end, end_of_sentence)
            embedded.append((that.end, content_end))
        else:
            # «أن المجرى الملاحي مؤمن تماماً، مشيراً إلى أن …»: the next verb's statement is its own
            content_end = _clause_end(r, that.end, content_end)
        content = text[that.end : content_end].strip(" \u060c,.")
        if len(content.split()) < 2:
            continue
        start = text.index(content, that.end)
        # After a participle («مطالبًا الحكومة بأن تكف …») the words before the أن are whom it
        # addresses, as in the nominal case above: the speaker is the one carried on.
        found = None if _is_participle(tok.text) and not lex.verb_kind(tok.text) else r.speaker_of(tok, that.start)
        speaker = _Speaker(found[0], found[1], sentence) if found else None
        q = Quote(
            content,
            "indirect",
            start,
            start + len(content),
            tok.text,
            speaker.name if speaker else None,
            speaker.mention if speaker else None,
        )
        events.append((start, q, speaker))
        cue_at[id(q)] = tok.start

    # Speech after a colon, without quotation marks: «… القحطاني: تم ضبطهم …», «وقال: …».
    for n, tok in enumerate(r.tokens):
        if tok.text != ":" or n == 0 or n + 1 >= len(r.tokens) or _inside(tok.start, opens, closes) or r.tokens[n + 1].start in openers:
            continue
        prev = r.tokens[n - 1]
        speaker_of_colon = _colon_speaker(r, prev)
        if speaker_of_colon is None:
            continue
        sentence = r.sentence_of(tok.start)
        start = r.tokens[n + 1].start
        end = _clause_end(r, start, r.sentence_ends[sentence] - 1)
        content = text[start:end].rstrip(" \u060c,.\n")
        if len(content.split()) < MIN_NOMINAL_WORDS:
            continue
        mention, name, cue = speaker_of_colon
        speaker = _Speaker(mention, name, sentence) if name else None
        events.append((start, Quote(content, "colon", start, start + len(content), cue, name, mention), speaker))

    # Two verbs sharing one إن (ذكرت … مضيفة أن) report one statement: the first verb keeps it.
    # A verb inside another statement («قال حمزاوي إنه لا يوجد عاقل يرفض الحوار …») is part of
    # what was said, not a statement of its own.
    events.sort(key=lambda e: e[0])
    reach = list(accumulate((e[1].end for e in events), max))  # furthest end among statements so far
    event_starts = [e[0] for e in events]
    seen: set[tuple[int, int]] = set()
    unique = []
    for e in events:
        verb_at = cue_at.get(id(e[1]))
        if verb_at is not None:
            k = bisect_left(event_starts, verb_at)  # statements starting before the verb
            if k > 0 and reach[k - 1] > verb_at:
                continue
        if e[1].kind == "direct" and any(a <= e[1].start and e[1].end <= b for a, b in embedded):
            continue  # quoted inside a reported clause: the clause is the statement
        if (e[1].start, e[1].end) not in seen:
            seen.add((e[1].start, e[1].end))
            unique.append(e)
    _documents_to_issuers(unique, r)
    _roles_to_names(unique, r)
    return _carry_speakers(unique, markers, r)


def _documents_to_issuers(events: list[tuple[int, Quote, _Speaker | None]], r: _Reader) -> None:
    """A document given as the speaker by its definite noun alone («وأضاف البيان أن», «البيان
    أضاف») speaks for whoever issued the last one before it: named with it («بيان لمجلس
    الوزراء»، «أصدر المجلس بيانا»), or the speaker of a statement made «في بيان»."""
    issued = r.issued_documents()
    for k, (start, q, speaker) in enumerate(events):
        words = (q.speaker_name or "").split()
        if q.speaker_mention is None and len(words) == 1 and r.document(words[0]) == "definite":
            last = next((d for d in reversed(issued) if d[0] < start), None)
            if last is not None:
                q.speaker_mention, q.speaker_name = last[1], last[2]
                events[k] = (start, q, _Speaker(last[1], last[2], speaker.sentence if speaker else r.sentence_of(start)))
        elif q.speaker_name and any(r.document(t.text) for t in r.tokens_between(r.sentence_start(start), start)):
            # «وقالت الوزارة في بيان إن …»: the ministry issued it
            # by position only: two at one position may be one named (a mention) and one not (None)
            insort(issued, (start, q.speaker_mention, q.speaker_name), key=lambda d: d[0])


def _strip_waw(key: str) -> str:
    return key[1:] if key[:1] == _WAW and len(key) > 3 else key


def _is_participle(word: str) -> bool:
    """An accusative participle (مطالبا، داعيا، محذرا، مشيرة) or a plural one (مطالبين): it
    continues the sentence's speaker, it never has a subject of its own."""
    key = match_key(word)
    key = key[1:] if key[:1] in (_WAW, _FEH) and len(key) > 5 else key
    return len(key) >= 5 and (key.endswith(_ALEF) or (key.startswith(_MEEM) and key.endswith(_YEH_NOON)))


def _noun_not_verb(r: _Reader, n: int) -> bool:
    """A verb form right after a preposition is a verbal noun («شارك في نقل الجثث»). A form that
    is also a noun («لتقديم طلب العفو», «طالب جامعي») is a verb only at the start of a clause or
    after كما، ثم، قد …; with و or ف attached (وطالب، فطلب) it is the verb."""
    if n == 0:
        return False
    tok, prev = r.tokens[n], r.tokens[n - 1]
    same_sentence = r.sentence_of(prev.start) == r.sentence_of(tok.start)
    if match_key(prev.text) in r.lex.noun_after and same_sentence:
        return True
    if match_key(tok.text) not in r.lex.noun_homographs:
        return False
    if prev.text in ("\u060c", ",") and n > 1 and _ends_person(r, r.tokens[n - 2]):
        return True  # «ويعبر أيرون روز، طالب الدراسات العليا …»: a role in apposition (a student)
    return not (prev.text in ("\u060c", ",", ".", ":", "\u061b") or match_key(prev.text) in r.lex.before_verb or not same_sentence)


def _ends_person(r: _Reader, tok: Token) -> bool:
    """`tok` is the last word of a person's name."""
    i = r.first_mention_meeting(tok.start, tok.end)
    return i is not None and r.mentions[i].type == "PER" and r.mentions[i].end <= tok.end + 1


def _colon_speaker(r: _Reader, prev: Token) -> tuple[int | None, str | None, str] | None:
    """Who speaks after a colon: a person named right before it («… القحطاني:»), or the subject
    of a reporting verb right before it («وقال الوزير:» is read above; «وقال:» continues the last
    speaker); None when the colon introduces no speech (a list, a label)."""
    if r.lex.verb_kind(prev.text):
        found = r.speaker_of(prev, prev.end)
        return (found[0], found[1], prev.text) if found else (None, None, prev.text)
    for i in r.mentions_starting(prev.start - r.longest_mention, prev.end):
        m = r.mentions[i]
        if m.type == "PER" and m.start <= prev.start and m.end >= prev.end - 1:
            return i, m.text, ":"
    return None


def _clause_end(r: _Reader, start: int, end: int) -> int:
    """Where the clause that starts at `start` ends, at `end` at the latest: before a comma that
    opens another statement («…، مطالبين بـ …», «…، وقال X: …») or a colon."""
    toks = r.tokens_between(start, end)
    for k, (a, b) in enumerate(pairwise(toks)):
        if a.text == ":":
            return a.start
        if a.text in ("\u060c", ",") and match_key(b.text) in r.lex.before_verb and k + 2 < len(toks):
            b = toks[k + 2]  # «…، كما طالب الحزب بتأجيل …»
        if a.text in ("\u060c", ",") and (r.lex.verb_kind(b.text) or r.lex.nominal_preps(b.text) is not None):
            return a.start
    return end


def _right_after_cue(r: _Reader, open_at: int) -> bool:
    """The quotation mark at `open_at` follows a colon, an إن / أن, or a reporting verb (a comma
    between them allowed)."""
    before = r.tokens[max(0, bisect_left(r.starts, open_at) - 3) : bisect_left(r.starts, open_at)]
    if not before:
        return False
    if before[-1].text == ":" or r.lex.is_that(before[-1].text):
        return True
    last = next((t for t in reversed(before) if t.text not in ("\u060c", ",")), None)
    return last is not None and r.lex.verb_kind(last.text) is not None


def _nominal_span(r: _Reader, n: int, end_of_sentence: int, openers: set[int], opens: list[int]) -> tuple[int, int] | None:
    """The statement a noun phrase makes after the verb at token n («طالب الحزب بإقالة النائب
    العام», «أعرب عن أمله في …», «نفى وجود صفقة»): from the verb's preposition (or, for a verb
    whose object is the statement, after its subject) to the end of the clause. None when the
    verb takes no such statement or none follows."""
    verb = r.tokens[n]
    preps = r.lex.nominal_preps(verb.text)
    if preps is None:
        return None
    start = None
    toks = _without_asides(r.tokens[n + 1 : n + 1 + 2 * MAX_NOMINAL_GAP], end_of_sentence)[:MAX_NOMINAL_GAP]
    for k, t in enumerate(toks):
        if t.text == ":" or r.lex.is_that(t.text):
            return None  # speech after a colon, or indirect speech: read as such
        if t.start >= end_of_sentence or t.start in openers:
            break
        key = match_key(t.text)
        if key in preps and key != _OBJECT and k + 1 < len(toks):
            start = toks[k + 1].start  # a preposition of its own: the statement follows it
            break
        joined = next((p for p in preps if len(p) == 1 and key.startswith(p) and len(key) >= 4), None)
        if joined and key not in r.lex.nominal_adjuncts and r.first_mention_meeting(t.start, t.end) is None:
            start = t.start  # بإقالة، لتقديم: the preposition is the statement's first letter
            break
    if start is None and _OBJECT in preps and toks:
        # The object is the statement: after the subject the verb names («وأعلن محافظ وادي
        # السنديان سليم العارف تعليق الدراسة»), if it names one.
        found = r.subject(verb.end, end_of_sentence)
        subject_end = toks[0].start
        if found and found[0] is not None:
            subject_end = _after_apposition(r, r.mentions[found[0]].end, end_of_sentence)
        elif found:
            subject_end = r.text.find(found[1], verb.end) + len(found[1])
        elif (group := r.group_subject(toks)) is not None:
            subject_end = toks[group - 1].end  # «حملت مجموعة من المتظاهرين مسئولية …»
        elif (owner := _possessed_object(r, toks)) is not None:
            subject_end = owner  # «أعلنت الجمعية الوطنية للتغيير تضامنها …»: the object is «تضامنها»
        elif (phrase := _definite_subject(r, toks)) is not None:
            subject_end = phrase  # «وأدانت المنظمة العربية لحقوق الإنسان أشكال العنف»
        rest = [t for t in toks if t.start >= subject_end and t.text not in ("\u060c", ",")]
        # «وأكد الحزب - في بيان له - …»: an aside right after the verb's first words; the
        # object is not there (its preposition is further on than this reading looks)
        # or a function word where the object would begin («التي أعلن فيها حال الطوارئ»)
        aside = bool(rest) and (
            match_key(rest[0].text) in _OCCASION_WORDS
            or (match_key(rest[0].text) in stopwords() and match_key(rest[0].text) not in r.lex.object_openers)
            or any(t.text in (*_DASHES, "(") for t in rest[:2])
        )
        start = rest[0].start if rest and not aside else None
    if start is None:
        return None
    next_open = bisect_right(opens, start)
    end = _clause_end(r, start, min(end_of_sentence, opens[next_open]) if next_open < len(opens) else end_of_sentence)
    content = r.text[start:end].rstrip(" \u060c,.\n")
    if len(content.split()) < MIN_NOMINAL_WORDS:
        return None
    return start, start + len(content)


def _after_apposition(r: _Reader, at: int, limit: int) -> int:
    """Where a subject ends when a role follows its name up to a comma («رفض ممدوح عباس رئيس
    مجلس إدارة نادي الزمالك، فكرة …»): after that comma; else `at`."""
    toks = r.tokens_between(at, limit)[: MAX_ROLE_TOKENS + 1]
    if not toks or not r.lex.is_title(toks[0].text):
        return at
    comma = next((t for t in toks if t.text in ("\u060c", ",")), None)
    return comma.end if comma is not None else at


def _definite(word: str) -> bool:
    key = _strip_waw(match_key(word))
    return key.startswith(_ARTICLE_KEY) or key.startswith(_LAM_LAM_KEY)


def _starts_object(before: Token, tok: Token) -> bool:
    """After a complete definite noun phrase (its last word definite), a bare word with no
    article and no preposition starts the verb's object, not more of its subject: «الكرامة |
    مجلس الشورى», «المنظمة العربية لحقوق الإنسان | أشكال العنف»."""
    if not _definite(before.text) or not tok.text[:1].isalpha():
        return False
    key = match_key(tok.text)
    return not _definite(tok.text) and key[:1] not in (_LAM, _BEH) and key not in stopwords()


def _definite_subject(r: _Reader, toks: list[Token]) -> int | None:
    """Where an unnamed definite subject ends when the object follows it with no mark between
    («وأدانت المنظمة العربية لحقوق الإنسان أشكال العنف»): the subject opens with a definite word
    and runs to the first bare word after a definite one; None when it is not so shaped."""
    if not toks or not _definite(toks[0].text) or _strip_waw(match_key(toks[0].text)) in r.lex.weekdays:
        return None
    for k in range(1, min(len(toks), MAX_SUBJECT_PHRASE + 1)):
        if toks[k].text in ("\u060c", ",") or match_key(toks[k].text) in stopwords():
            return None  # a comma (read by the comma rules) or a preposition: not a bare subject
        if _starts_object(toks[k - 1], toks[k]):
            return toks[k].start
    return None


def _words_ahead(r: _Reader, n: int, words: int) -> list[Token]:
    """The tokens after token n up to and including its `words`-th word (marks not counted)."""
    out: list[Token] = []
    for t in r.tokens[n + 1 : n + 1 + 3 * words]:
        out.append(t)
        words -= t.text[0].isalnum()
        if words == 0:
            break
    return out


_POSSESSIVE_ENDINGS = ("\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627")  # heh alef, heh meem, heh meem alef: ـها، ـهم، ـهما


def _possessed_object(r: _Reader, toks: list[Token]) -> int | None:
    """Where an object statement starts when its first word is owned by the subject before it
    («أعلنت الجمعية الوطنية للتغيير تضامنها الكامل», «أبدى الحزب استعداده»): the start of the first
    word ending in a possessive pronoun after one to MAX_SUBJECT_PHRASE plain words, or None."""
    for k, t in enumerate(toks[: MAX_SUBJECT_PHRASE + 1]):
        if not t.text.isalpha() or match_key(t.text) in stopwords():
            return None
        if k > 0 and t.text.endswith(_POSSESSIVE_ENDINGS) and r.first_mention_meeting(t.start, t.end) is None:
            return t.start
    return None


def _without_asides(toks: list[Token], end: int) -> list[Token]:
    """The tokens without an aside between two dashes («كشفت مصادر أردنية - في تصريح لصحيفة
    "الغد" اليوم - عن انشقاق …»): the aside says where it was said, not what."""
    out: list[Token] = []
    k = 0
    while k < len(toks) and toks[k].start < end:
        if toks[k].text in _DASHES:
            close = next((j for j in range(k + 1, len(toks)) if toks[j].text in _DASHES and toks[j].start < end), None)
            if close is not None:
                k = close + 1
                continue
        out.append(toks[k])
        k += 1
    return out


def _appositions(r: _Reader) -> list[tuple[int, str, frozenset[str], int]]:
    """(offset, role head, the role's other words, mention) for each person the article
    introduces with a role: «قال اللواء أسامة عسكر، قائد الجيش الثالث» (after the name), «وزير
    الخارجية الألماني، جيدو فيسترفيلي» and «الدكتور سامى طه نقيب الأطباء» (before or right after
    it). The head is the role's first word without its article (قائد، وزير، نقيب), the other
    words likewise («رئيس اللجنة العامة لشباب الوفد»: رئيس; لجنة، عامة، …), none when the name
    follows the head."""
    out: list[tuple[int, str, frozenset[str], int]] = []
    for i, m in enumerate(r.mentions):
        if m.type != "PER":
            continue
        after = [t for t in r.tokens_between(m.end, m.end + 80)][:MAX_ROLE_TOKENS + 2]
        if after and after[0].text in ("\u060c", ",", "-", "\u2013"):
            after = after[1:]
        if after and r.lex.is_title(after[0].text):
            out.append((m.start, _role_head(after[0].text), _role_words(after[1:]), i))
        before = r.tokens_between(max(0, m.start - 80), m.start)
        for k in range(len(before) - 1, max(-1, len(before) - 7), -1):
            t = before[k]
            if t.text in ("\u060c", ","):
                continue
            if r.lex.is_title(t.text):
                out.append((m.start, _role_head(t.text), _role_words(before[k + 1 :]), i))
            if r.first_mention_meeting(t.start, t.end) is not None:
                break
    return sorted(out)


def _role_words(toks: list[Token]) -> frozenset[str]:
    """The words of a role after its head, up to a mark (without their article and a joined
    لـ/بـ: «لشباب» is شباب)."""
    words: list[str] = []
    for t in toks[:MAX_ROLE_TOKENS]:
        if not t.text[:1].isalpha():
            break
        key = _role_head(t.text)
        words += [key, key[1:]] if key[:1] in (_LAM, _BEH) else [key]
    return frozenset(words)


def _role_head(word: str) -> str:
    key = match_key(word)
    return key[2:] if key.startswith(_ARTICLE_KEY) and len(key) > 4 else key


def _roles_to_names(events: list[tuple[int, Quote, _Speaker | None]], r: _Reader) -> None:
    """A speaker given only as a role («وأضاف وزير المرافق», «وأشار النقيب») is the person the
    article introduced with that role before (the nearest one), when it introduced one."""
    intro = _appositions(r)
    # Names so far, as (offset, head, name, mention): «المصادر» later is the «مصادر حدودية
    # عسكرية أردنية» named before, «الهيئة» the «هيئة الرقابة الإدارية», «الحزب» the party.
    named: list[tuple[int, str, str, int | None]] = [
        (m.start, _role_head(m.text.split()[0]), m.text, i) for i, m in enumerate(r.mentions) if m.type == "ORG" and len(m.text.split()) > 1
    ]
    for k, (start, q, speaker) in enumerate(events):
        if q.speaker_mention is None and q.speaker_name:
            words = q.speaker_name.split()
            head = _role_head(words[0])
            # A head in construct names its office by the next word («رئيس لجنة الشباب» is not
            # «الرئيس»): the introduction's role must hold that word too («رئيس الزمالك» is the
            # «رئيس مجلس إدارة نادي الزمالك» introduced before).
            construct = _role_head(words[1]) if len(words) > 1 and match_key(words[0]) == head else None
            # an anonymous source («مصدر أمني») is never a person the article names
            fits = [(o, i) for o, h, nxt, i in intro if h == head and (construct is None or construct in nxt)]
            person = next((i for o, i in reversed(fits) if o < start), None)
            if person is None and len({r.mentions[i].key for _, i in fits}) == 1:
                # «ونذكر أن رئيس الوزراء كان قد أكد» before «هشام قنديل، رئيس الوزراء»: the
                # one person the article gives that role, even when it names him further on
                person = fits[0][1]
            if head in r.lex.anonymous:
                person = None
            # a fuller name holds every word of the short one («جبهة الإنقاذ» is «جبهة الإنقاذ
            # الوطني», never the «جبهة الخراب الوطني» an article mocks it as)
            keys = {_role_head(w) for w in words}
            fuller = next(
                (n for n in sorted(named, reverse=True) if n[0] < start and n[1] == head and len(n[2].split()) > len(words) and keys <= {_role_head(w) for w in n[2].split()}),
                None,
            )
            if person is not None:
                q.speaker_mention, q.speaker_name = person, r.mentions[person].text
            elif fuller is not None:
                q.speaker_mention, q.speaker_name = fuller[3], fuller[2]
            if person is not None or fuller is not None:
                events[k] = (start, q, _Speaker(q.speaker_mention, q.speaker_name, speaker.sentence if speaker else r.sentence_of(start)))
        if q.speaker_name:
            named.append((start, _role_head(q.speaker_name.split()[0]), q.speaker_name, q.speaker_mention))


def _inside(offset: int, opens: list[int], closes: list[int]) -> bool:
    """`offset` lies within a quote, from its opening mark to its closing one (ascending,
    non-overlapping quotes)."""
    k = bisect_right(opens, offset) - 1
    return k >= 0 and offset < closes[k]


def _carry_speakers(events: list[tuple[int, Quote, _Speaker | None]], markers: list[tuple[int, _Speaker]], r: _Reader) -> list[Quote]:
    """In text order: a statement whose verb names no speaker of its own (a continuation such
    as وأضاف، مضيفا, or a verb whose subject is the last speaker) takes the previous speaker,
    within CARRY_SENTENCES sentences. A marker (a verb that named its subject, its statement
    unread) makes its subject the last speaker."""
    last: _Speaker | None = None
    pending = iter(markers)
    marker = next(pending, None)
    for start, q, speaker in events:
        while marker is not None and marker[0] < start:
            last, marker = marker[1], next(pending, None)
        sentence = r.sentence_of(q.start)
        # No subject of its own was found for the verb (the readers above look for a name, a
        # role, a phrase and a name before it): «وأوضح في تصريحات … أنه», «واستدرك "…"» continue
        # the last speaker, as a reader takes them.
        if speaker is None and q.speaker_name is None and q.cue is not None and last is not None and sentence - last.sentence <= CARRY_SENTENCES:
            q.speaker_name, q.speaker_mention = last.name, last.mention
            speaker = _Speaker(last.mention, last.name, sentence)
        if speaker is not None or q.speaker_name is not None:
            last = speaker or _Speaker(q.speaker_mention, q.speaker_name or "", sentence)
    return [q for _, q, _ in events]
