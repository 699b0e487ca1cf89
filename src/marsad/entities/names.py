"""When two spellings name the same person, place or organisation.

Foreign names reach Arabic by many roads: ج or غ for a hard g (جونج / جونغ, شويجو / شويغو),
تش or ش (فوستوتشني / فوستوشني), long vowels written or not (ترمب / ترامب, دميتري / ديمتري),
one word or two (بيونغيانغ / بيونغ يانغ). A name's *skeleton* folds the first kind of variation
away; vowels are compared loosely only for long, non-native names, because Arabic names of one
root differ exactly by their vowels (محمد / محمود, سامر / سمير) and are different people.
The letter groups and the native names are data (data/name_spelling.json)."""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from typing import NamedTuple

from marsad.arabic.normalize import match_key, phrase_key
from marsad.arabic.tokens import strip_proclitics
from marsad.data import load_data

MIN_LOOSE_CONSONANTS = 4  # shorter skeletons look like Arabic root-and-pattern words


class _Spelling(NamedTuple):
    digraphs: tuple[tuple[str, str], ...]
    letters: dict[int, str]
    vowels: str  # the long vowels, keyed
    article: str
    native: frozenset[str]  # skeletons of native names, matched exactly
    ending: str  # a feminine word's ending, keyed: not a consonant of the name


@cache
def _spelling() -> _Spelling:
    data = load_data("name_spelling.json")
    digraphs = tuple((match_key(a), match_key(b)) for a, b in data["digraphs"].items())
    letters = str.maketrans({match_key(a): match_key(b) for a, b in data["letters"].items()})
    native = frozenset(token_skeleton_raw(w, digraphs, letters, match_key(data["article"])) for w in data["native_names"])
    return _Spelling(digraphs, letters, data["long_vowels"], match_key(data["article"]), native, match_key(data["ending"]))


def _undoubled(key: str) -> str:
    """Doubled letters once: شويغو / شوييغو."""
    out: list[str] = []
    for ch in key:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def token_skeleton_raw(word: str, digraphs: tuple[tuple[str, str], ...], letters: dict[int, str], article: str) -> str:
    key = match_key(word)
    if key.startswith(article) and len(key) > len(article) + 2:
        key = key[len(article) :]
    # Undoubled before the digraphs as well as after: «تتش» must not leave a «تش» to read again
    # (the skeleton of a skeleton is itself; found by the property test).
    key = _undoubled(key)
    for a, b in digraphs:
        key = key.replace(a, b)
    return _undoubled(key.translate(letters))


@lru_cache(maxsize=1 << 17)
def token_skeleton(word: str) -> str:
    spelling = _spelling()
    return token_skeleton_raw(word, spelling.digraphs, spelling.letters, spelling.article)


@lru_cache(maxsize=1 << 17)  # resolution asks it of every stored spelling it reads, run after run
def name_skeleton(name: str) -> tuple[str, ...]:
    """The skeleton of each word of a name."""
    return tuple(token_skeleton(w) for w in phrase_key(name).split())


# Resolution asks for the same few thousand skeletons millions of times; the cache is bounded so a
# long-lived process (the web server's uploads) does not grow with every name it has seen.
@lru_cache(maxsize=1 << 16)
def consonants(skeleton: str) -> str:
    """The skeleton without its long vowels after the first letter: ترمب and ترامب -> ترمب."""
    vowels = _spelling().vowels
    return skeleton[:1] + "".join(c for c in skeleton[1:] if c not in vowels)


@lru_cache(maxsize=1 << 17)  # resolution meets the same pairs of spellings run after run
def same_word(a: str, b: str) -> bool:
    """Two name words (skeletons) spell the same name: the same skeleton, or for a foreign name the
    same consonants with long vowels added, dropped or moved (ترمب / ترامب, دميتري / ديمتري).
    Arabic words of one root are told apart (read on the names of 15,000 egypt2013 articles,
    where loose vowels had made «مبروك» Mubarak, «المغربي» Morocco and «هولاند» the
    Netherlands): a vowel changed is another word (مبارك / مبروك, محافظ / محفوظ), so is another
    ending (المغرب / المغربي, هولندا / هولاند: the last letter differs), and a feminine ending
    is no consonant (جمعة / جماعة have three)."""
    if a == b:
        return True
    spelling = _spelling()
    ca = consonants(a)
    if ca != consonants(b) or a[-1] != b[-1]:
        return False
    root = ca[: -len(spelling.ending)] if a.endswith(spelling.ending) else ca  # both end so, or neither
    if len(root) < MIN_LOOSE_CONSONANTS:
        return False
    va = Counter(c for c in a[1:] if c in spelling.vowels)
    vb = Counter(c for c in b[1:] if c in spelling.vowels)
    if va - vb and vb - va:
        return False  # a vowel changed: neither's long vowels are among the other's
    return not (_native(a, spelling.native) or _native(b, spelling.native))


def _native(word: str, native: frozenset[str]) -> bool:
    """A native name, or one with the clitics the tagger left on it («ومحمد», «لمحمود»,
    «والمحمدي»)."""
    return word in native or token_skeleton(strip_proclitics(word)) in native


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of at most one (جونغ / يونغ)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (tuples of word skeletons) name one entity: word by word alike, or written
    as one word against two (بيونغيانغ / بيونغ يانغ), or for names of three words or more the
    same first and last word with the middle words one letter apart (كيم جونغ أون / كيم يونغ أون)."""
    if len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b, strict=True)):
        return True
    if len(a) != len(b) and "".join(a) == "".join(b):
        return True
    if len(a) == len(b) >= 3 and same_word(a[0], b[0]) and same_word(a[-1], b[-1]):
        return all(within_one_edit(x, y) and min(len(x), len(y)) >= 3 for x, y in zip(a[1:-1], b[1:-1], strict=True))
    return False
