"""A CRF named-entity tagger for Arabic news (PER, LOC, ORG, MISC), trained by tools/train_ner.py
on ANERcorp's training portion and shipped as a small model file; nothing is downloaded.

Features are clitic-aware: each word is seen as written, as its normalised key, and as its key
without proclitics (وبوتين -> بوتين), with affixes, shape, cue words around it (titles, place and
institution nouns), and membership in gazetteers (CLDR Arabic territory names from babel, the
outlet and agency registry)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.tokens import strip_proclitics
from marsad.data import load_data

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "ner.crfsuite"
_LATIN_RE = re.compile(r"[A-Za-z]")
_DIGIT_RE = re.compile(r"\d")
_PUNCT_RE = re.compile(r"^[^\w]+$")


@cache
def _cues() -> dict[str, frozenset[str]]:
    data = load_data("ner_cues.json")
    return {
        k: frozenset(strip_proclitics(match_key(w)) for w in data[k]) for k in ("person_titles", "location_nouns", "organization_nouns")
    }


@cache
def _gazetteers() -> tuple[frozenset[str], frozenset[str], int]:
    """(place keys, organisation keys, longest name in words): CLDR territories and the registry."""
    from babel import Locale

    from marsad.meta.registry import Registry

    places = {strip_proclitics(match_key(n)) for n in Locale("ar").territories.values()}
    places |= {" ".join(strip_proclitics(w) for w in match_key(n).split()) for n in Locale("ar").territories.values()}
    reg = Registry.load()
    orgs = {" ".join(strip_proclitics(w) for w in k.split()) for k in reg.by_key}
    longest = max(len(n.split()) for n in places | orgs)
    return frozenset(places), frozenset(orgs), longest


def _gazetteer_tags(stems: list[str]) -> list[str]:
    """B-/I- gazetteer membership of each token, longest match first."""
    places, orgs, longest = _gazetteers()
    out = ["O"] * len(stems)
    i = 0
    while i < len(stems):
        for n in range(min(longest, len(stems) - i), 0, -1):
            key = " ".join(stems[i : i + n])
            kind = "LOC" if key in places else ("ORG" if key in orgs else None)
            if kind:
                out[i] = f"B-{kind}"
                for j in range(i + 1, i + n):
                    out[j] = f"I-{kind}"
                i += n
                break
        else:
            i += 1
    return out


def token_features(tokens: Sequence[str]) -> list[list[str]]:
    """CRF features for each token of a sentence."""
    keys = [match_key(t) for t in tokens]
    stems = [strip_proclitics(k) for k in keys]
    gaz = _gazetteer_tags(stems)
    cues = _cues()
    feats: list[list[str]] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        k, s = keys[i], stems[i]
        f = [
            "b",
            f"w={k}",
            f"s={s}",
            f"p2={k[:2]}",
            f"p3={k[:3]}",
            f"sfx2={s[-2:]}",
            f"sfx3={s[-3:]}",
            f"sp2={s[:2]}",
            f"len={min(len(s), 8)}",
            f"clitic={k[: len(k) - len(s)]}",
            f"gaz={gaz[i]}",
        ]
        if _LATIN_RE.search(tok):
            f.append("latin")
        if _DIGIT_RE.search(tok):
            f.append("digit")
        if _PUNCT_RE.match(tok):
            f.append("punct")
        if k.startswith("ال"):
            f.append("al")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.append(f"{off}:s={stems[j]}")
                f.append(f"{off}:gaz={gaz[j]}")
                if stems[j] in cues["person_titles"]:
                    f.append(f"{off}:title")
                if stems[j] in cues["location_nouns"]:
                    f.append(f"{off}:placenoun")
                if stems[j] in cues["organization_nouns"]:
                    f.append(f"{off}:orgnoun")
            else:
                f.append(f"{off}:edge")
        if i > 0:
            f.append(f"-1|0={stems[i - 1]}|{s}")
        if i + 1 < n:
            f.append(f"0|+1={s}|{stems[i + 1]}")
        feats.append(f)
    return feats


class NerTagger:
    """Loads the shipped model once; `tag` returns a BIO tag per token."""

    def __init__(self, model_path: str | Path = MODEL_PATH) -> None:
        import pycrfsuite

        if not Path(model_path).exists():
            raise FileNotFoundError(f"{model_path}: NER model missing; build it with tools/train_ner.py")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self._tagger.tag(token_features(tokens)))
