"""Article stage: find the people, places and organisations an article mentions.

The tagger reads whitespace words, so a mention's first word may carry proclitics (وبوتين،
لروسيا). The mention's span starts after them, so its offsets point at the name itself in the
stored text; the clitic is only dropped when the bare word is known to be a name or a word on its
own (another mention in the article starts with it, a gazetteer holds it, or the tagger's
vocabulary knows it and not the whole word), because many names start with a clitic letter
(بوتين، بيونغ يانغ، فلاديمير، واشنطن)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from marsad.arabic.chars import SENTENCE_END_CHARSET
from marsad.arabic.names import is_given_name
from marsad.arabic.normalize import match_key
from marsad.arabic.stopwords import stopwords
from marsad.arabic.tokens import Token, strip_proclitics, tokenize
from marsad.article import Mention
from marsad.entities.names import consonants, same_word
from marsad.nlp.conll import spans
from marsad.nlp.consistency import NAME_TYPES, not_name_parts, spread_names
from marsad.nlp.features import cue_words, gazetteer_stems, stem_readings
from marsad.statements.lexicon import speech_lexicon

if TYPE_CHECKING:
    from marsad.nlp.ner import NerTagger

_ARTICLE = "\u0627\u0644"  # alef lam: ال
_LAM_LAM = "\u0644\u0644"  # lam lam: لل (li + al, the alef not written)
_WAW = "\u0648"  # waw: و, the conjunction
_FEH = "\u0641"  # feh: ف, the conjunction «then»


@cache
def tagger():  # type: ignore[no-untyped-def]
    """The NER tagger, loaded once per process."""
    from marsad.nlp.ner import NerTagger

    return NerTagger()


def sentences(text: str) -> list[list[Token]]:
    """Tokens of each sentence: split at sentence-final punctuation and at line breaks."""
    out: list[list[Token]] = []
    offset = 0
    for line in text.split("\n"):
        current: list[Token] = []
        for tok in tokenize(line):
            current.append(Token(tok.text, tok.start + offset, tok.end + offset))
            if tok.text in SENTENCE_END_CHARSET:
                out.append(current)
                current = []
        if current:
            out.append(current)
        offset += len(line) + 1
    return out


class _NameWords:
    """The first and last words of the article's names, indexed by their consonants
    (names.same_word only holds between words of equal consonants), so that asking whether a
    word spells another name costs the few candidates, not every name of the page."""

    def __init__(self, starts: set[str], ends: set[str]) -> None:
        self.starts, self.ends = starts, ends
        self.by_consonants: dict[str, set[str]] = {}
        for w in starts | ends:
            self.by_consonants.setdefault(consonants(w), set()).add(w)

    def spelled_by(self, key: str) -> bool:
        """Another name's first word, or any name's last word, spells `key` (names.same_word)."""
        return any(
            same_word(key, other)
            for other in self.by_consonants.get(consonants(key), ())
            if other != key or key in self.ends  # the word's own start does not count
        )


def _bare_reading(key: str, names: _NameWords, vocabulary: frozenset[str], kind: str = "PER") -> str:
    """The reading of a mention's first word without proclitics, or the word itself. `names`
    holds the first and last words of the article's names; the word's own start is not counted.
    A person's known given name keeps its first letter (فراس is not ف + راس, وائل not و + ائل)."""
    if kind == "PER" and is_given_name(key):
        return key
    readings = stem_readings(key)[1:]  # never `key` itself
    bare_is_named = any(r in names.starts or r in names.ends for r in readings)  # وبوتين beside بوتين
    if not bare_is_named and names.spelled_by(key):
        return key  # «وأضاف فتريني» after «كارلو فتريني» (or فيتريني): a name, not ف + تريني
    for reading in readings:
        if key.endswith(reading) and len(key) - len(reading) <= 2:
            if key[: len(key) - len(reading)].endswith(_ARTICLE):
                continue  # the article is part of the name (القاهرة, not ال + قاهرة)
            stripped = reading
        elif key.startswith(_LAM_LAM) and reading == _ARTICLE + key[2:]:
            stripped = reading  # للكرملين -> الكرملين
        else:
            continue
        # A word the vocabulary lacks whose remainder it knows is a proclitic + word (وللكرملين),
        # except after فـ before a person: فـ rarely joins a name, and names start with it (فراس).
        by_vocabulary = key not in vocabulary and stripped in vocabulary and not (kind == "PER" and key.startswith(_FEH))
        if stripped in names.starts or stripped in gazetteer_stems() or by_vocabulary:
            return stripped
    # An unknown word after the conjunction و is most often a name the vocabulary lacks
    # (وفوستوتشني); a remainder starting with و again is a name of its own (ووهان).
    rest = key[1:]
    if key.startswith(_WAW) and key not in vocabulary and len(rest) >= 4 and not rest.startswith(_WAW):
        return rest
    return key


def _skip_letters(surface: str, n: int) -> int:
    """Characters of `surface` taken by its first `n` letters (marks after a letter go with it)."""
    seen = 0
    for i, ch in enumerate(surface):
        if ch.isalpha():
            if seen == n:
                return i
            seen += 1
    return len(surface)


def find_mentions(
    text: str, tags_of: list[list[str]] | None = None, model: NerTagger | None = None, vocabulary: frozenset[str] | None = None
) -> list[Mention]:
    """The mentions in `text`, in order. `tags_of` (BIO tags per sentence) skips the tagger.
    `model` and `vocabulary`: the tagger and its words, as the caller's Context holds them
    (Context.tagger); without them, this process's own copy is loaded (evaluation scripts, tests)."""
    sents = sentences(text)
    if tags_of is None:
        tags_of = (model or tagger()).tag_batch([[t.text for t in s] for s in sents])
    tags_of = spread_names([[t.text for t in s] for s in sents], tags_of)
    raw: list[tuple[list[Token], str]] = []
    sent_of = {t.start: s for s in sents for t in s}
    for sent, tags in zip(sents, tags_of, strict=True):
        for i, j, kind in sorted(spans(tags)):
            words = sent[i:j]
            if kind in NAME_TYPES and any(ch.isalpha() for w in words for ch in w.text):
                raw.append((words, kind))
    name_starts = {match_key(words[0].text) for words, _ in raw}
    name_ends = {match_key(words[-1].text) for words, _ in raw if len(words) > 1}
    name_parts = name_starts | name_ends
    names = _NameWords(name_starts, name_ends)
    raw = [piece for words, kind in raw for piece in _split_at_conjunction(words, kind, name_parts)]
    raw = [(_trim_object(words) if kind == "PER" else words, kind) for words, kind in raw]
    raw = [(_after_comma(words, sent_of[words[0].start]) if kind == "PER" else words, kind) for words, kind in raw]
    raw = [piece for words, kind in raw for piece in _split_state_name(words, kind, sent_of[words[0].start])]
    raw = [(_with_kunya(words, sent_of[words[0].start]) if kind == "PER" else words, kind) for words, kind in raw]
    raw = [(_before_non_name_word(words) if kind == "PER" else words, kind) for words, kind in raw]
    raw = [(words, kind) for words, kind in raw if words]
    if vocabulary is None:
        vocabulary = tagger_vocabulary()
    out: list[Mention] = []
    taken: set[int] = set()  # token starts inside a mention
    for words, _ in raw:
        taken |= {w.start for w in words}
    for words, kind in raw:
        first = words[0]
        key = match_key(first.text)
        bare = _bare_reading(key, names, vocabulary, kind)
        clitic_letters = len(key) - len(bare) if not (key.startswith(_LAM_LAM) and bare.startswith(_ARTICLE)) else 1
        start = first.start + _skip_letters(first.text, clitic_letters)
        end = words[-1].end
        rest = [match_key(w.text) for w in words[1:]]
        out.append(Mention(text[start:end], kind, start, end, " ".join([bare, *rest])))
    out = _split_name_pairs(out)
    _retype_name_parts(out)
    out += role_references(text, sents, out, taken)
    return sorted(out, key=lambda m: m.start)


def _before_non_name_word(words: list[Token]) -> list[Token]:
    """A person's name ends before a word no name holds (data/ner_cues.json not_person_words):
    «يسرا بفيروس كورونا» is يسرا; «فيروس كورونا», «برد قاس», «img src» are no person at all."""
    banned = cue_words("not_person_words")
    for n, w in enumerate(words):
        key = match_key(w.text).lower()
        if key in banned or strip_proclitics(key) in banned:
            return words[:n]
    return words


_OBJECT_RE = re.compile(
    "^[\u0644\u0628][\u0621-\u064a]{2,}(?:\u0647|\u0647\u0627|\u0647\u0645)$"
)  # lam/beh + word + heh / heh alef / heh meem


def _trim_object(words: list[Token]) -> list[Token]:
    """«ستارمر لأنصاره»: a last word of the form لـ/بـ + noun + his/her/their is the object of
    the sentence, not part of a name."""
    while len(words) > 1 and _OBJECT_RE.match(match_key(words[-1].text)):
        words = words[:-1]
    return words


_COMMAS = ("\u060c", ",")  # Arabic comma, comma
MAX_NAME_SYLLABLE = 4  # the left-out word is a short name part (آن، باك، جو، لي), not a verb or noun


def _after_comma(words: list[Token], sent: list[Token]) -> list[Token]:
    """«…، آن تشان إيل.»: a name in apposition, set off by a comma before and punctuation after,
    starts right after the comma. A person whose tag left out one or two short words between the
    comma and it gets them back when the whole name is then three words or more, unless a left-out
    word is a title, a reporting verb or a function word («، الرئيس فلاديمير بوتين.», «، قال كيم
    جونغ أون.»)."""
    i = _position(words, sent)
    if i is None:
        return words
    after = i + len(words)
    if after < len(sent) and sent[after].text[0].isalnum():
        return words  # not set off: «، زار فلاديمير بوتين موسكو» has a verb before the name
    for gap in (1, 2):
        comma = i - gap - 1
        if comma < 0 or len(words) + gap < 3:
            continue
        if sent[comma].text in _COMMAS:
            left_out = sent[comma + 1 : i]
            return [*left_out, *words] if all(_name_syllable(t) for t in left_out) else words
    return words


def _position(words: list[Token], sent: list[Token]) -> int | None:
    """Index in its sentence of a span's first token (a sentence's tokens are in text order;
    a line without sentence punctuation can be long, so this is a search, not a scan)."""
    k = bisect_left(sent, words[0].start, key=_token_start_of)
    return k if k < len(sent) and sent[k].start == words[0].start else None


def _token_start_of(token: Token) -> int:
    return token.start


def _name_syllable(token: Token) -> bool:
    """A short word that can be part of a name (آن، باك، جو، لي), not a verb, title or function word."""
    if len(token.text) > MAX_NAME_SYLLABLE or not token.text.isalpha() or speech_lexicon().verb_kind(token.text):
        return False
    key = match_key(token.text)
    function_word = key in stopwords() and not token.text.startswith("\u0622")  # alef madda: آن is no إن / أن
    return not (key in cue_words("person_titles") or function_word or key in not_name_parts())


def _split_state_name(words: list[Token], kind: str, sent: list[Token]) -> list[tuple[list[Token], str]]:
    """«رئيس جمهورية برقان ماهر دغمان»: after a state noun (data/ner_cues.json state_nouns), a
    person of three words or more starts with the country the tagger glued to it."""
    if kind != "PER" or len(words) < 3:
        return [(words, kind)]
    i = _position(words, sent) or 0
    if i == 0 or strip_proclitics(match_key(sent[i - 1].text)) not in cue_words("state_nouns"):
        return [(words, kind)]
    return [(words[:1], "LOC"), (words[1:], "PER")]


def _with_kunya(words: list[Token], sent: list[Token]) -> list[Token]:
    """«وتقول أم خالد»: a kunya word (data/ner_cues.json kunya) right before a person the tagger
    found without it is part of the name."""
    i = _position(words, sent) or 0
    if i > 0 and match_key(sent[i - 1].text) in cue_words("kunya") and match_key(words[0].text) not in cue_words("kunya"):
        return [sent[i - 1], *words]
    return words


def _split_at_conjunction(words: list[Token], kind: str, name_starts: set[str]) -> list[tuple[list[Token], str]]:
    """«كيم وبوتين», «دغمان وفيتريني» tagged as one name are two: split before a word that is
    و + the first or last word of a name the article mentions elsewhere."""
    for i in range(1, len(words)):
        key = match_key(words[i].text)
        if key.startswith(_WAW) and key[1:] in name_starts:
            return [(words[:i], kind), *_split_at_conjunction(words[i:], kind, name_starts)]
    return [(words, kind)]


def _split_name_pairs(mentions: list[Mention]) -> list[Mention]:
    """«قمة كيم بوتين» tagged as one person is two: a two-word person whose words are each the
    first or last word of two different full names in the article, and never written as a full
    name itself elsewhere, is split into its words."""
    full = [tuple(m.key.split()) for m in mentions if m.type == "PER" and len(m.key.split()) >= 2]
    times_written = Counter(full)
    # word -> the full names (by index) it starts or ends, so a word's owners are looked up,
    # not searched for among every name of the page
    owning: dict[str, list[int]] = {}
    for i, f in enumerate(full):
        for w in {f[0], f[-1]}:
            owning.setdefault(w, []).append(i)

    def owners(w: str, words: tuple[str, ...]) -> list[int]:
        """Up to two full names other than `words` that `w` starts or ends: two already decide
        the test below, and `words` is written once, so at most three are looked at."""
        return list(islice((i for i in owning.get(w, ()) if full[i] != words), 2))

    out: list[Mention] = []
    for m in mentions:
        words = tuple(m.key.split())
        if m.type == "PER" and len(words) == 2 and times_written[words] == 1 and m.text.count(" ") == 1:
            first, last = owners(words[0], words), owners(words[1], words)
            # Split unless both words belong to one and the same other name (كيم جونغ أون: كيم … أون).
            if first and last and not (len(first) == len(last) == 1 and first == last):
                gap = m.text.index(" ")
                out += [
                    Mention(m.text[:gap], "PER", m.start, m.start + gap, words[0]),
                    Mention(m.text[gap + 1 :], "PER", m.start + gap + 1, m.end, words[1]),
                ]
                continue
        out.append(m)
    return out


def _retype_name_parts(mentions: list[Mention]) -> None:
    """A one-word mention that is the first or last word of a person's full name in the same
    article is that person, whatever type the tagger gave it («شويجو» after «سيرجي شويجو»)."""
    parts = set()
    for m in mentions:
        words = m.key.split()
        if m.type == "PER" and len(words) >= 2:
            parts |= {words[0], words[-1]} - not_name_parts()
    for m in mentions:
        if m.type != "PER" and " " not in m.key and m.key in parts:
            m.type = "PER"


def role_references(text: str, sents: list[list[Token]], found: list[Mention], taken: set[int]) -> list[Mention]:
    """A role written before a person's name (الرئيس الروسي فلاديمير بوتين, المتحدث باسم
    الكرملين دميتري بيسكوف) names that person when the article uses it again on its own. Only
    roles that precede one person in the article count; the reference gets the person's key,
    so resolution gives it the person's entity."""
    tokens = [t for s in sents for t in s]
    keys = [match_key(t.text) for t in tokens]
    index = {t.start: i for i, t in enumerate(tokens)}
    titles = cue_words("person_titles")
    roles: dict[tuple[str, ...], set[str]] = {}
    for m in found:
        i = index.get(m.start)
        if i is None:
            i = index.get(_token_start(tokens, m.start), -1)
        if m.type != "PER" or len(m.key.split()) < 2 or i <= 0:
            continue
        for n in range(min(MAX_ROLE_WORDS, i), 1, -1):
            words = keys[i - n : i]
            if any(t.start in taken for t in tokens[i - n + 1 : i]) or not any(r in titles for r in stem_readings(words[0])):
                continue
            if all(any(ch.isalpha() for ch in w) for w in words):
                roles.setdefault(tuple(words), set()).add(m.key)
                break
    # Each unambiguous role, found by its words after the first (the first may carry a
    # proclitic: «والرئيس الروسي»), in one pass over the tokens.
    by_rest: dict[int, dict[tuple[str, ...], list[tuple[int, tuple[str, ...], str]]]] = {}
    for order, (role, people) in enumerate(roles.items()):
        if len(people) != 1:
            continue  # two people under one role: ambiguous
        (person,) = people
        by_rest.setdefault(len(role), {}).setdefault(role[1:], []).append((order, role, person))
    hits: list[tuple[int, int, Mention]] = []
    for n, wanted in by_rest.items():
        for i in range(len(tokens) - n + 1):
            candidates = wanted.get(tuple(keys[i + 1 : i + n]))
            if candidates is None:
                continue
            span = tokens[i : i + n]
            if any(t.start in taken for t in span) or (i + n < len(tokens) and tokens[i + n].start in taken):
                continue  # the defining use, or the role before another name
            for order, role, person in candidates:
                if role[0] in stem_readings(keys[i]):
                    start = span[0].start + _skip_letters(span[0].text, len(keys[i]) - len(role[0]))
                    hits.append((order, i, Mention(text[start : span[-1].end], "PER", start, span[-1].end, person)))
    hits.sort(key=lambda h: (h[0], h[1]))  # role by role, each in text order
    return [m for _, _, m in hits]


MAX_ROLE_WORDS = 4  # وزير الدفاع الروسي, المتحدث باسم الكرملين


def _token_start(tokens: list[Token], offset: int) -> int:
    """The start of the token containing `offset` (a mention may start after a proclitic);
    `tokens` are in text order and do not overlap."""
    k = bisect_right(tokens, offset, key=_token_start_of) - 1
    if k >= 0 and tokens[k].start <= offset < tokens[k].end:
        return tokens[k].start
    return offset


@cache
def tagger_vocabulary() -> frozenset[str]:
    """Words the tagger has a vector for: a wide list of known Arabic words (and names), read
    from the model file alone (the story stages need the words, not the network)."""
    from marsad.nlp.model_file import read_vocabulary
    from marsad.nlp.ner import MODEL_PATH

    return frozenset(read_vocabulary(MODEL_PATH))
