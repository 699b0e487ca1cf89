"""CoNLL-style NER data (`token TAG` per line, blank line between sentences) and exact-span scoring."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
_TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC"}
_GLUED_TAG_RE = re.compile(r"^(O|[BI]-[A-Z]+)(.+)$")  # «Oالإصابة»: a tag glued to the next word
_SENTENCE_END = {".", "!", "?", "\u061f"}  # full stop, exclamation, question marks (Latin, Arabic U+061F)

Sentence = list[tuple[str, str]]


def normalise_tag(tag: str, keep: tuple[str, ...] = ENTITY_TYPES) -> str:
    """BIO tag with marsad's type names (PERS -> PER, GPE -> LOC); unknown or unwanted types -> O."""
    if tag in ("", "O") or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    mapped = _TYPE_MAP.get(kind)
    return f"{prefix}-{mapped}" if mapped in keep and prefix in ("B", "I") else "O"


def read_conll(path: str | Path, keep: tuple[str, ...] = ENTITY_TYPES) -> list[Sentence]:
    """Sentences of (token, tag). Tolerates the known noise of ANERcorp: lines with no token
    (skipped) and a tag glued to the next word on one line (split into two tokens). Files with
    no blank lines are split after sentence-final punctuation."""
    sentences: list[Sentence] = []
    current: Sentence = []
    saw_blank = False
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        parts = raw.split()
        if not parts:
            saw_blank = True
            if current:
                sentences.append(current)
                current = []
            continue
        for token, tag in _pairs(parts):
            current.append((token, normalise_tag(tag, keep)))
            if not saw_blank and token in _SENTENCE_END:
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return [_repair_bio(s) for s in sentences]


def split_dev(sentences: list[Sentence], dev_share: float = 0.10) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): the last `dev_share` of the tokens, cut at a sentence boundary, is the dev set."""
    total = sum(len(s) for s in sentences)
    seen = 0
    for i, s in enumerate(sentences):
        if seen >= total * (1 - dev_share):
            return sentences[:i], sentences[i:]
        seen += len(s)
    return sentences, []


def _pairs(parts: list[str]) -> Iterable[tuple[str, str]]:
    if len(parts) == 1:
        return []  # a tag with no token
    if len(parts) == 3 and (m := _GLUED_TAG_RE.match(parts[1])):
        return [(parts[0], m.group(1)), (m.group(2), parts[2])]
    return [(parts[0], parts[1])]


def _repair_bio(sentence: Sentence) -> Sentence:
    """An I- tag that does not continue an entity of its type starts one (IOB1 leftovers)."""
    out: Sentence = []
    prev = "O"
    for token, tag in sentence:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append((token, tag))
        prev = tag
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact entity spans (start, end, type) of a BIO sequence."""
    out: set[tuple[int, int, str]] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            out.add((start, i, kind or ""))
            start, kind = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return out


@dataclass
class SpanScore:
    """CoNLL exact-span precision, recall and F1 per type."""

    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)

    def add(self, gold: list[str], predicted: list[str]) -> None:
        g, p = spans(gold), spans(predicted)
        for _, _, k in p & g:
            self.tp[k] = self.tp.get(k, 0) + 1
        for _, _, k in p - g:
            self.fp[k] = self.fp.get(k, 0) + 1
        for _, _, k in g - p:
            self.fn[k] = self.fn.get(k, 0) + 1

    def prf(self, kinds: Iterable[str]) -> tuple[float, float, float]:
        kinds = list(kinds)
        tp = sum(self.tp.get(k, 0) for k in kinds)
        fp = sum(self.fp.get(k, 0) for k in kinds)
        fn = sum(self.fn.get(k, 0) for k in kinds)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
