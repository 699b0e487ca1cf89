"""CoNLL-style NER data (`token TAG` per line, blank line between sentences) and exact-span scoring.

Two formats are read: `conll` (ANERcorp, Wojood: PERS/PER, LOC, GPE, ORG, MISC) and `newsfane`
(NewsFANE Gold: fine classes such as `B-Population-Center`, mapped to marsad's types by
data/ner_newsfane_types.json)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
_TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC"}
_GLUED_TAG_RE = re.compile(r"^(O|[BI]-[A-Z]+)(.+)$")  # «Oالإصابة»: a tag glued to the next word
_SENTENCE_END = {".", "!", "?", "\u061f"}  # full stop, exclamation, question marks (Latin, Arabic U+061F)
# Byte-order mark U+FEFF, left-to-right and right-to-left marks U+200E/U+200F: NewsFANE starts
# its file with a BOM and puts an LRM before every token.
_INVISIBLE_RE = re.compile("[\ufeff\u200e\u200f]")
NEWSFANE_TYPES_PATH = Path(__file__).resolve().parent.parent / "data" / "ner_newsfane_types.json"
FORMATS = ("conll", "newsfane")

Sentence = list[tuple[str, str]]


def normalise_tag(tag: str, keep: tuple[str, ...] = ENTITY_TYPES, type_map: dict[str, str] | None = None) -> str:
    """BIO tag with marsad's type names (PERS -> PER, GPE -> LOC, or as `type_map` says); unknown
    or unwanted types -> O."""
    if tag in ("", "O") or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    mapped = _TYPE_MAP.get(kind) if type_map is None else type_map[kind]
    return f"{prefix}-{mapped}" if mapped in keep and prefix in ("B", "I") else "O"


def newsfane_types(path: str | Path = NEWSFANE_TYPES_PATH) -> dict[str, str]:
    """NewsFANE fine class -> marsad type (PER, LOC, ORG, MISC or O), from the mapping file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = {fine: data["types"][coarse] for coarse, fines in data["coarse"].items() for fine in fines}
    out.update({fine: kind for fine, kind in data["fine"].items() if not fine.startswith("_")})
    return out


def read_corpus(
    path: str | Path, fmt: str = "conll", keep: tuple[str, ...] = ENTITY_TYPES, newsfane_map: str | Path = NEWSFANE_TYPES_PATH
) -> list[Sentence]:
    """Sentences of a file in one of FORMATS (`conll` or `newsfane`), tags in marsad's types;
    `newsfane_map` is the mapping file the `newsfane` format reads its classes with."""
    if fmt == "newsfane":
        return read_conll(path, keep, type_map=newsfane_types(newsfane_map))
    if fmt != "conll":
        raise ValueError(f"unknown NER data format {fmt!r}: one of {', '.join(FORMATS)}")
    return read_conll(path, keep)


def parse_source(spec: str) -> tuple[str, str]:
    """`FILE` or `FILE:FORMAT` (FORMAT one of FORMATS, `conll` when absent) -> (file, format)."""
    path, sep, fmt = spec.rpartition(":")
    return (path, fmt) if sep and fmt in FORMATS else (spec, "conll")


def read_conll(path: str | Path, keep: tuple[str, ...] = ENTITY_TYPES, type_map: dict[str, str] | None = None) -> list[Sentence]:
    """Sentences of (token, tag). Tolerates the known noise of ANERcorp: lines with no token
    (skipped) and a tag glued to the next word on one line (split into two tokens). Files with
    no blank lines are split after sentence-final punctuation. Byte-order and direction marks
    are dropped from tokens. `type_map` (entity class -> marsad type) replaces the built-in names;
    a class it lacks raises KeyError rather than being read as O."""
    sentences: list[Sentence] = []
    current: Sentence = []
    saw_blank = False
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        parts = _INVISIBLE_RE.sub("", raw).split()
        if not parts:
            saw_blank = True
            if current:
                sentences.append(current)
                current = []
            continue
        for token, tag in _pairs(parts):
            current.append((token, normalise_tag(tag, keep, type_map)))
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
