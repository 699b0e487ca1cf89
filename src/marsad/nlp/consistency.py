"""Document-level consistency for the NER tagger's output: what it finds once in a document holds
wherever the document repeats it. Used on every article (marsad.entities.mentions) and by
`NerTagger.tag_document`, which bench/ner_eval.py scores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.nlp.conll import spans
from marsad.nlp.features import clitic_readings, cue_words, word_facts

NAME_TYPES = ("PER", "LOC", "ORG", "MISC")


def not_name_parts() -> frozenset[str]:
    """Words that are never a person's name on their own (titles, kinship words) although they
    can start or end a tagged span."""
    return cue_words("not_name_parts")


def spread_names(sents: Sequence[Sequence[str]], tags_of: list[list[str]]) -> list[list[str]]:
    """Document-level consistency: a name the tagger found once is a name wherever the article
    repeats it (behind any proclitic), and the last word of a person's full name (or the first,
    of a name of three words or more) is that person when it stands alone later (كيم جونغ أون ...
    وقال أون ... كيم). Only untagged words change."""
    keys = [[word_facts(t)[0] for t in s] for s in sents]  # match keys, memoised
    known: dict[tuple[str, ...], Counter[str]] = {}
    parts: set[str] = set()
    for ks, tags in zip(keys, tags_of, strict=True):
        # In text order: a name tagged as many times with two types takes the first one read
        # (Counter.most_common), the same in every process (a set's order follows the hash seed).
        for i, j, kind in sorted(spans(tags)):
            if kind not in NAME_TYPES:
                continue
            seq = tuple(ks[i:j])
            known.setdefault(seq, Counter())[kind] += 1
            if kind == "PER" and j - i >= 2:
                # The last word (a family name) always; the first word only from a name of three
                # words or more (كيم جونغ أون), where a mis-cut span is unlikely: a two-word span
                # the tagger took for a name (صفر X) would otherwise spread a common word.
                ends = (ks[i], ks[j - 1]) if j - i >= 3 else (ks[j - 1],)
                parts |= {w for w in ends if len(w) >= 3 and w not in not_name_parts()}
    if not known:
        return tags_of
    trie = _Node.of(known)
    starters = set(trie.next) | parts  # a word none of whose readings is here changes nothing
    out = []
    for ks, tags in zip(keys, tags_of, strict=True):
        tags = list(tags)
        untagged_run = _untagged_runs(tags)  # from the tagger's tags; only words before i change
        i = 0
        while i < len(ks):
            if tags[i] != "O":
                i += 1
                continue
            readings = clitic_readings(ks[i])
            if starters.isdisjoint(readings):
                i += 1
                continue
            found = trie.longest_at(readings, ks, i, untagged_run[i])
            if found is None and any(r in parts for r in readings):
                found = (1, "PER")
            if found:
                n, kind = found
                tags[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                i += n
            else:
                i += 1
        out.append(tags)
    return out


@dataclass(slots=True)
class _Node:
    """The document's names word by word (a trie): a word's longest known name is found by
    walking as far as the text goes on matching one, so the cost per word is the length of the
    match, not the number (or the length) of the names the tagger found on a long page."""

    next: dict[str, _Node] = field(default_factory=dict)
    kind: str | None = None  # the name ending here: its most frequent type

    @classmethod
    def of(cls, known: dict[tuple[str, ...], Counter[str]]) -> _Node:
        root = cls()
        for seq, kinds in known.items():
            node = root
            for word in seq:
                node = node.next.setdefault(word, cls())
            node.kind = kinds.most_common(1)[0][0]
        return root

    def longest_at(self, readings: Sequence[str], keys: Sequence[str], i: int, limit: int) -> tuple[int, str] | None:
        """(words, type) of the longest name starting at word i (its first word read as any of
        `readings`, the earlier reading winning a tie) within `limit` words."""
        best: tuple[int, str] | None = None
        for first in readings:
            node, n = self.next.get(first), 1
            while node is not None:
                if node.kind is not None and (best is None or n > best[0]):
                    best = (n, node.kind)
                if n == limit:
                    break
                node, n = node.next.get(keys[i + n]), n + 1
        return best


def _untagged_runs(tags: Sequence[str]) -> list[int]:
    """For each position, how many words from it on are untagged ("O") in a row."""
    runs = [0] * (len(tags) + 1)
    for i in range(len(tags) - 1, -1, -1):
        runs[i] = runs[i + 1] + 1 if tags[i] == "O" else 0
    return runs[: len(tags)]
