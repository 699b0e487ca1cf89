"""Score the NER tagger on a CoNLL-style file (one `token TAG` per line, blank line between
sentences, BIO tags with PERS/LOC/ORG/MISC; PERS counts as PER; or NewsFANE Gold's fine classes
with `--data FILE:newsfane`, mapped by src/marsad/data/ner_newsfane_types.json) with exact-span
CoNLL scoring.
Prints per-type precision, recall and F1, tokens per second on one core, and last
`micro F1: 0.xxxx` over PER, LOC and ORG.

The product tags whole articles and makes each consistent (a name found once is a name where the
article repeats it: NerTagger.tag_document). A CoNLL file has no article boundaries, so the
sentences are read as documents of --document-sentences consecutive sentences (25 by default,
about one news article; 1 scores every sentence alone). Both scores are printed; the last line is
the document-level one.

    .venv/bin/python bench/ner_eval.py --data FILE [--model PATH]
    # the development set: the last 10% of ANERcorp's training portion, as tools/train_ner.py cuts it
    .venv/bin/python bench/ner_eval.py --data ../shared/data/ner/anercorp-train.txt --dev-split
    # NewsFANE's development split (its last 10%, never trained on)
    .venv/bin/python bench/ner_eval.py --data ../shared/data/ner/newsfane/NewsFANE_Gold_2014_170K.txt:newsfane --dev-split
"""

from __future__ import annotations

import argparse
import os
import time

from marsad.nlp.conll import Sentence, SpanScore, parse_source, read_corpus, split_dev
from marsad.nlp.ner import MODEL_PATH, NerTagger


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, metavar="FILE[:FORMAT]", help="FORMAT: conll (default) or newsfane")
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--dev-split", action="store_true", help="score only the last 10%% of the file (the development set)")
    ap.add_argument("--document-sentences", type=int, default=25, help="consecutive sentences read as one document")
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target is stated
    sentences = read_corpus(*parse_source(args.data))
    if args.dev_split:
        sentences = split_dev(sentences)[1]
    tagger = NerTagger(args.model, threads=1)
    tokens = sum(len(s) for s in sentences)
    words = [[t for t, _ in s] for s in sentences]
    step = max(1, args.document_sentences)
    start = time.perf_counter()
    alone = tagger.tag_batch(words)
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    in_documents = [tags for i in range(0, len(words), step) for tags in tagger.tag_document(words[i : i + step])]
    elapsed_documents = time.perf_counter() - start
    by_sentence, by_document = score_of(sentences, alone), score_of(sentences, in_documents)
    print(f"sentence by sentence: micro F1 {by_sentence.prf(['PER', 'LOC', 'ORG'])[2]:.4f}")
    print(f"documents of {step} sentences:")
    for kind in ("PER", "LOC", "ORG", "MISC"):
        p, r, f = by_document.prf([kind])
        print(f"{kind:5} precision {p:.4f} recall {r:.4f} F1 {f:.4f}")
    print(f"{tokens} tokens in {elapsed:.1f} s: {tokens / elapsed:.0f} tokens/s on one core (sentences alone)")
    print(f"{tokens} tokens in {elapsed_documents:.1f} s: {tokens / elapsed_documents:.0f} tokens/s on one core (documents)")
    print(f"micro F1: {by_document.prf(['PER', 'LOC', 'ORG'])[2]:.4f}")


def score_of(sentences: list[Sentence], predicted: list[list[str]]) -> SpanScore:
    score = SpanScore()
    for s, tags in zip(sentences, predicted, strict=True):
        score.add([tag for _, tag in s], tags)
    return score


if __name__ == "__main__":
    main()
