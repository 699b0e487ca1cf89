"""Where the outlet says its information comes from: agencies and media (وفق رويترز، نقلته وكالة
«فرانس برس»، حسبما ذكرت وكالة تاس، شبكة "سي. إن. إن"، صحيفة "فاينانشال تايمز")، official media
(التلفزيون الرسمي الروسي، وسائل إعلام رسمية) and unnamed sources (مصدر في …، مصادر مطلعة).

A name counts as a source only next to a cue that attributes information to it (وفق، بحسب،
نقلا عن، ذكرت، قالت، أفادت، إلى …): an article *about* an outlet does not cite it. Agencies and
media resolve through the outlet registry to one canonical name, so «الوكالة الفرنسية»,
«أ ف ب» and «فرانس برس» are one source. The article's own outlet is not a source of itself."""

from __future__ import annotations

from marsad.arabic.normalize import match_key, phrase_key
from marsad.arabic.tokens import Token, tokenize
from marsad.article import SourceRef
from marsad.meta.registry import Registry, RegistryEntry
from marsad.statements.lexicon import speech_lexicon

CUE_BEFORE = 4  # tokens before a name where an attribution cue may stand
CUE_AFTER = 2  # tokens after it (رويترز ذكرت)
ANONYMOUS_WORDS = 5  # longest unnamed-source phrase: مصدر في وزارة الدفاع الكورية
_QUOTE_MARKS = "\u00ab\u201c\"'"  # «, “, straight quotes: a quoted name is a name


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.text[0].isalnum()]


def _has_cue(words: list[Token], i: int, j: int, after: int = CUE_AFTER) -> bool:
    lex = speech_lexicon()
    window = words[max(0, i - CUE_BEFORE) : i] + words[j : j + after]
    for t in window:
        key = match_key(t.text)
        if key in lex.source_cues or lex.verb_kind(t.text) or (key[:1] == "\u0644" and key[1:] in lex.media_nouns):  # lam: لوكالة
            return True
    return False


def find_sources(text: str, registry: Registry, own_outlet: str | None = None) -> list[SourceRef]:
    lex = speech_lexicon()
    words = _words(tokenize(text))
    keys = [match_key(t.text) for t in words]
    out: list[SourceRef] = []
    i = 0
    while i < len(words):
        found = _registry_name(text, words, i, registry)
        if found is not None:
            entry, j = found
            after_noun = i > 0 and keys[i - 1] in lex.media_nouns
            quoted = words[i].start > 0 and text[words[i].start - 1] in _QUOTE_MARKS
            # A one-word outlet name is often a plain word too (الشرق، الخليج، البيان): it needs
            # «صحيفة» before it or quote marks around it to be read as a name.
            distinct = entry.is_agency or j - i > 1 or not words[i].text[0].isalpha() or after_noun or quoted
            distinct = distinct and (j - i > 1 or match_key(words[i].text) not in lex.media_nouns)
            if entry.name != own_outlet and distinct and _has_cue(words, i, j):
                start = words[i - 1].start if after_noun else words[i].start
                role = "agency" if entry.is_agency else "outlet"  # the export's source kinds, whatever the registry kind
                out.append(SourceRef(entry.name, f"{role}:{entry.name}", role, start, words[j - 1].end))
            i = j
            continue
        official = next((o for o in lex.official_media if " ".join(keys[i : i + len(o.split())]) == o), None)
        if official is not None:
            j = i + len(official.split())
            if _has_cue(words, i, j):
                out.append(
                    SourceRef(text[words[i].start : words[j - 1].end], f"official:{official}", "official", words[i].start, words[j - 1].end)
                )
            i = j
            continue
        if keys[i] in lex.anonymous and _has_cue(words, i, i + 1, after=ANONYMOUS_WORDS + 1):
            end = i + 1
            while end < min(len(words), i + ANONYMOUS_WORDS) and text[words[end - 1].end : words[end].start].strip() == "":
                k = keys[end]
                if k in lex.source_cues or lex.verb_kind(words[end].text) or lex.is_that(words[end].text):
                    break
                end += 1
            out.append(SourceRef(text[words[i].start : words[end - 1].end], "anonymous", "anonymous", words[i].start, words[end - 1].end))
            i = end
            continue
        i += 1
    return out


def _registry_name(text: str, words: list[Token], i: int, registry: Registry) -> tuple[RegistryEntry, int] | None:
    """The registry entry whose name starts at word i (quotes and dots inside are ignored), and
    the index after its last word."""
    chunk = text[words[i].start : words[min(len(words), i + registry.max_words + 3) - 1].end]
    hit = registry.lookup_prefix(chunk)
    if hit is None:
        return None
    entry, n = hit
    # n counts words of the phrase key; map back to tokens (a dotted abbreviation is one word each).
    consumed, j = 0, i
    while j < len(words) and consumed < n:
        consumed += len(phrase_key(words[j].text).split()) or 1
        j += 1
    return entry, j
