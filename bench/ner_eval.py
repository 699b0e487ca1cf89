"""Score the NER tagger on a CoNLL-style file (one `token TAG` per line, blank line between
sentences, BIO tags with PERS/LOC/ORG/MISC; PERS counts as PER) with exact-span CoNLL scoring.
Prints per-type precision, recall and F1, tokens per second on one core, and last
`micro F1: 0.xxxx` over PER, LOC and ORG.

    .venv/bin/python bench/ner_eval.py --data FILE [--model PATH]
    # the development set: the last 10% of ANERcorp's training portion, as tools/train_ner.py cuts it
    .venv/bin/python bench/ner_eval.py --data ../shared/data/ner/anercorp-train.txt --dev-split
"""

from __future__ import annotations

import argparse
import os
import time

from marsad.nlp.conll import SpanScore, read_conll, split_dev
from marsad.nlp.ner import MODEL_PATH, NerTagger


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--dev-split", action="store_true", help="score only the last 10%% of the file (the development set)")
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target is stated
    sentences = read_conll(args.data)
    if args.dev_split:
        sentences = split_dev(sentences)[1]
    tagger = NerTagger(args.model, threads=1)
    tokens = sum(len(s) for s in sentences)
    start = time.perf_counter()
    predicted = tagger.tag_batch([[t for t, _ in s] for s in sentences])
    elapsed = time.perf_counter() - start
    score = SpanScore()
    for s, tags in zip(sentences, predicted, strict=True):
        score.add([tag for _, tag in s], tags)
    for kind in ("PER", "LOC", "ORG", "MISC"):
        p, r, f = score.prf([kind])
        print(f"{kind:5} precision {p:.4f} recall {r:.4f} F1 {f:.4f}")
    print(f"{tokens} tokens in {elapsed:.1f} s: {tokens / elapsed:.0f} tokens/s on one core")
    print(f"micro F1: {score.prf(['PER', 'LOC', 'ORG'])[2]:.4f}")


if __name__ == "__main__":
    main()
