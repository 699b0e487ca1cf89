"""Document-level consistency for the NER tagger's output: what it finds once in a document holds
wherever the document repeats it. Used on every article (marsad.entities.mentions) and by
`NerTagger.tag_document`, which bench/ner_eval.py scores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.arabic.normalize import match_key
from marsad.nlp.conll import spans
from marsad.nlp.features import cue_words, stem_readings

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
    keys = [[match_key(t) for t in s] for s in sents]
    known: dict[tuple[str, ...], Counter[str]] = {}
    parts: set[str] = set()
    for ks, tags in zip(keys, tags_of, strict=True):
        for i, j, kind in spans(tags):
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
    longest = max(len(k) for k in known)
    out = []
    for ks, tags in zip(keys, tags_of, strict=True):
        tags = list(tags)
        i = 0
        while i < len(ks):
            if tags[i] != "O":
                i += 1
                continue
            readings = stem_readings(ks[i])
            found = None
            for n in range(min(longest, len(ks) - i), 0, -1):
                rest = tuple(ks[i + 1 : i + n])
                if all(t == "O" for t in tags[i : i + n]):
                    for r in readings:
                        if (r, *rest) in known:
                            found = (n, known[(r, *rest)].most_common(1)[0][0])
                            break
                if found:
                    break
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
