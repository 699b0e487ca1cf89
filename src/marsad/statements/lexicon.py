"""The speech lexicon (data/speech.json) as match keys, and reading a word as a reporting verb."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.arabic.normalize import match_key
from marsad.data import load_data

_CONJUNCTIONS = ("\u0648", "\u0641")  # waw, feh: و ف
_FEMININE_T = "\u062a"  # teh: قالت، أضافت
_KAMA = "\u0643\u0645\u0627"  # kaf meem alef: كما (كما قال)


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    verbs: frozenset[str]
    continuations: frozenset[str]
    that: frozenset[str]
    work_titles: frozenset[str]
    person_titles: frozenset[str]
    source_cues: frozenset[str]
    media_nouns: frozenset[str]
    official_media: tuple[str, ...]
    anonymous: frozenset[str]
    role_stops: frozenset[str]
    relay_verbs: frozenset[str]
    nominal: dict[str, tuple[str, ...]]  # verb form -> the prepositions that open its statement
    noun_homographs: frozenset[str]  # verb forms that are also nouns (طالب، طلب)
    before_verb: frozenset[str]  # words after which such a form is a verb (كما، ثم، قد)
    noun_after: frozenset[str]  # prepositions after which any verb form is a verbal noun (في نقل)
    nominal_adjuncts: frozenset[str]  # ب words that never open a statement (برئاسة، بحضور)
    object_openers: frozenset[str]  # function words that may open an object statement (أي، كل، عدم)
    denial_verbs: frozenset[str]  # a sentence with one denies what another asserts (نفى، كذب، دحض)
    denial_negators: frozenset[str]  # before a verb another sentence asserts: «لم يوقع» against «وقع»
    denial_relatives: frozenset[str]  # «التي لم يسيطر عليها»: a negator after one negates another thing
    denial_conditionals: frozenset[str]  # «إذا لم يقدم»: a negator after one sets a condition
    denial_auxiliaries: frozenset[str]  # «لن أكون سعيدا»: a negated «to be» denies no act
    negations: frozenset[str]  # «لم تؤكد الأمم المتحدة الموعد»: a verb denied is no statement
    spoken_for: frozenset[str] = frozenset()  # «في تصريحات لمتحدثه الإعلامي X»: X speaks
    weekdays: frozenset[str] = frozenset()  # «أعلنت الجبهة الإثنين رفض …»: a day, never who speaks
    documents: frozenset[str] = frozenset()  # «وقال بيان لمجلس الوزراء»: the issuer speaks
    issued_by: frozenset[str] = frozenset()  # «بيان صادر عن …»
    issue_verbs: frozenset[str] = frozenset()  # «أصدر مجلس الوزراء بيانا»
    resumptive: frozenset[str] = frozenset()  # «تقريرا أوضح فيه أن»: a relative clause
    before_that: frozenset[str] = frozenset()  # «بعد أن», «قبل أن»: a clause of time, not speech
    group_nouns: frozenset[str] = frozenset()  # «مجموعة من المتظاهرين», «عدد من المنظمات»
    group_alone: frozenset[str] = frozenset()  # «كثيرون في مصر», «البعض»

    def is_title(self, word: str) -> bool:
        """A word that opens a role (الرئيس، وزير، المتحدث، الأمين), with or without the article."""
        key = match_key(word)
        return key in self.person_titles or key.removeprefix(_AL) in self.person_titles or _AL + key in self.person_titles

    def verb_kind(self, word: str) -> str | None:
        """ "verb" for a reporting verb (وقال، فقالت، أكدت), "continuation" for a cue that carries
        the last speaker on (وأضاف، مضيفا، قائلا), else None."""
        key = match_key(word)
        for k in _readings(key):
            if k in self.continuations:
                return "continuation"
            if k in self.verbs or (k.endswith(_FEMININE_T) and k[:-1] in self.verbs):
                return "verb"
        return None

    def nominal_preps(self, word: str) -> tuple[str, ...] | None:
        """The prepositions a noun-phrase statement opens with after this verb (طالب -> بـ,
        وأعربت -> عن); an empty tuple for a verb whose object is the statement (نفى); None for
        any other word."""
        for k in _readings(match_key(word)):
            for form in (k, k[:-1] if k.endswith(_FEMININE_T) else None):
                if form and form in self.nominal:
                    return self.nominal[form]
        return None

    def is_feminine_verb(self, word: str) -> bool:
        """A reporting or statement verb in its feminine past form (أكدت، طلبت، وأعلنت)."""
        for k in _readings(match_key(word)):
            stem = k[:-1]
            if k.endswith(_FEMININE_T) and (stem in self.verbs or stem in self.continuations or stem in self.nominal):
                return True
        return False

    def is_relay(self, word: str) -> bool:
        """نقل / ونقلت: a verb whose subject passes on what the one after «عن» said."""
        return any(k in self.relay_verbs or (k.endswith(_FEMININE_T) and k[:-1] in self.relay_verbs) for k in _readings(match_key(word)))

    def is_that(self, word: str) -> bool:
        """إن / أن / بأن…, the particle that opens reported speech; not آن (a name, or "now"),
        which folds to the same key."""
        return match_key(word) in self.that and not word.startswith(_ALEF_MADDA)


_ALEF_MADDA = "\u0622"  # alef with madda above: آ
_AL = "\u0627\u0644"  # alef lam: the article ال


def _readings(key: str) -> list[str]:
    out = [key]
    if key[:1] in _CONJUNCTIONS and len(key) >= 3:  # ورد -> رد
        out.append(key[1:])
    return out


@cache
def speech_lexicon() -> SpeechLexicon:
    d = load_data("speech.json")
    cues = load_data("ner_cues.json")

    def keys(*path: str, data: dict[str, Any] = d) -> frozenset[str]:
        """The match keys of the word list at `path` («nominal_verbs», «adjuncts»)."""
        words: Any = data
        for step in path:
            words = words[step]
        return frozenset(match_key(w) for w in words)

    return SpeechLexicon(
        verbs=keys("reporting_verbs"),
        continuations=keys("continuation_cues"),
        that=keys("that_particles"),
        work_titles=keys("work_title_nouns"),
        person_titles=keys("person_titles", data=cues) | keys("role_words"),
        source_cues=keys("source_cues"),
        media_nouns=keys("media_nouns"),
        official_media=tuple(sorted((match_key(w) for w in d["official_media"]), key=len, reverse=True)),
        anonymous=keys("anonymous_sources"),
        role_stops=keys("role_stops"),
        relay_verbs=keys("relay_verbs"),
        nominal={match_key(f): tuple(match_key(p) for p in ps) for f, ps in d["nominal_verbs"]["forms"].items()},
        noun_homographs=keys("noun_homographs", "forms"),
        before_verb=keys("noun_homographs", "before_verb"),
        noun_after=keys("noun_homographs", "after_prepositions"),
        nominal_adjuncts=keys("nominal_verbs", "adjuncts"),
        object_openers=keys("nominal_verbs", "object_openers"),
        denial_verbs=keys("denial", "verbs"),
        denial_negators=keys("denial", "negators"),
        denial_relatives=keys("denial", "relatives"),
        denial_conditionals=keys("denial", "conditionals", "words"),
        denial_auxiliaries=keys("denial", "auxiliaries", "words"),
        negations=keys("negations"),
        spoken_for=keys("spoken_for", "nouns"),
        weekdays=frozenset(match_key(w) for names in load_data("dates.json")["weekdays"].values() for w in names),
        documents=keys("documents", "nouns"),
        issued_by=keys("documents", "issued_by"),
        issue_verbs=keys("documents", "issue_verbs"),
        resumptive=keys("resumptive_after_verb", "words"),
        before_that=keys("conjunctions_before_that", "words"),
        group_nouns=keys("group_subjects", "nouns"),
        group_alone=keys("group_subjects", "alone"),
    )
