"""Score the NER tagger on a CoNLL-style file (one `token TAG` per line, blank line between
sentences, BIO tags with PERS/LOC/ORG/MISC; PERS counts as PER; or NewsFANE Gold's fine classes
with `--data FILE:newsfane`, mapped by src/marsad/data/ner_newsfane_types.json) with exact-span
CoNLL scoring, and time it on one core.
Prints per-type precision, recall and F1, tokens per second on one core, and last
`micro F1: 0.xxxx` over PER, LOC and ORG.

The product tags whole articles and makes each consistent (a name found once is a name where the
article repeats it: NerTagger.tag_document). A CoNLL file has no article boundaries, so the
sentences are read as documents of --document-sentences consecutive sentences (25 by default,
about one news article; 1 scores every sentence alone). Both scores are printed; the last line is
the document-level one.

Speed is the document pass on one core and one thread, timed three ways: one `tag_document` call
per document as the analysis calls the tagger per article, from a cold start (the tagger's
per-word memos cleared before each pass: the figure quoted); the same with the memos a worker
keeps warm; and --window documents per call (`tag_documents`, sentences of several articles in
one packed pass). The range over --rounds passes is printed, and the model's load time.
`--against REV` also loads the tagger code and model of a git revision (e.g. `main`) and times
both in turn in this one process, round after round, so that a shared machine slows both alike;
it prints each one's range.

    .venv/bin/python bench/ner_eval.py --data FILE [--model PATH]
    # the development set: the last 10% of ANERcorp's training portion, as tools/train_ner.py cuts it
    .venv/bin/python bench/ner_eval.py --data ../shared/data/ner/anercorp-train.txt --dev-split
    # NewsFANE's development split (its last 10%, never trained on)
    .venv/bin/python bench/ner_eval.py --data ../shared/data/ner/newsfane/NewsFANE_Gold_2014_170K.txt:newsfane --dev-split
    # side by side with the tagger of another revision
    .venv/bin/python bench/ner_eval.py --data ../shared/data/ner/anercorp-train.txt --dev-split --against main --rounds 5
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from marsad.nlp.conll import Sentence, SpanScore, parse_source, read_corpus, split_dev
from marsad.nlp.ner import MODEL_PATH, NerTagger

ROOT = Path(__file__).resolve().parent.parent
NLP_MODULES = ("ner", "network", "bilstm_crf", "features", "consistency", "conll", "model_file")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, metavar="FILE[:FORMAT]", help="FORMAT: conll (default) or newsfane")
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--dev-split", action="store_true", help="score only the last 10%% of the file (the development set)")
    ap.add_argument("--document-sentences", type=int, default=25, help="consecutive sentences read as one document")
    ap.add_argument("--rounds", type=int, default=3, help="timed passes (the best is printed; with --against, each one's range)")
    ap.add_argument("--window", type=int, default=16, help="documents per call in the batched pass (tag_documents)")
    ap.add_argument("--against", metavar="REV", help="also time the tagger (code and model) of this git revision, in turn")
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target is stated
    sentences = read_corpus(*parse_source(args.data))
    if args.dev_split:
        sentences = split_dev(sentences)[1]
    start = time.perf_counter()
    tagger = NerTagger(args.model)
    print(f"model loaded in {time.perf_counter() - start:.2f} s ({args.model})")
    tokens = sum(len(s) for s in sentences)
    words = [[t for t, _ in s] for s in sentences]
    step = max(1, args.document_sentences)
    documents = [words[i : i + step] for i in range(0, len(words), step)]

    alone = tagger.tag_batch(words)
    in_documents = [tags for doc in documents for tags in tagger.tag_document(doc)]
    by_sentence, by_document = score_of(sentences, alone), score_of(sentences, in_documents)
    print(f"sentence by sentence: micro F1 {by_sentence.prf(['PER', 'LOC', 'ORG'])[2]:.4f}")
    print(f"documents of {step} sentences:")
    for kind in ("PER", "LOC", "ORG", "MISC"):
        p, r, f = by_document.prf([kind])
        print(f"{kind:5} precision {p:.4f} recall {r:.4f} F1 {f:.4f}")

    taggers: dict[str, Any] = {"this tree": tagger}
    if args.against:
        start = time.perf_counter()
        taggers[args.against] = reference_tagger(args.against)
        print(f"{args.against}'s tagger loaded in {time.perf_counter() - start:.2f} s")
    window = max(1, args.window)
    runs: dict[str, Any] = {}
    for name, t in taggers.items():
        runs[f"{name}: one call per document, cold"] = (t, True, lambda t: [t.tag_document(d) for d in documents])
        if hasattr(t, "tag_documents"):
            runs[f"{name}: one call per document, warm"] = (t, False, lambda t: [t.tag_document(d) for d in documents])
            runs[f"{name}: {window} documents per call, cold"] = (
                t,
                True,
                lambda t: [t.tag_documents(documents[i : i + window]) for i in range(0, len(documents), window)],
            )
    speeds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(max(1, args.rounds)):
        for name, (t, cold, run) in runs.items():
            if cold and hasattr(t, "clear_memos"):
                t.clear_memos()  # per-word results are remembered for the life of a worker; start without them
            start = time.perf_counter()
            run(t)
            speeds[name].append(tokens / (time.perf_counter() - start))
    for name, values in speeds.items():
        print(f"{name}: {min(values):,.0f}–{max(values):,.0f} tokens/s on one core ({len(values)} rounds, {tokens} tokens)")
    print(f"{tokens} tokens: {max(speeds['this tree: one call per document, cold']):.0f} tokens/s on one core (documents)")
    print(f"micro F1: {by_document.prf(['PER', 'LOC', 'ORG'])[2]:.4f}")


def reference_tagger(rev: str) -> Any:
    """The NerTagger of git revision `rev` with its own model file: its marsad.nlp modules copied
    into a temporary package (imports rewritten to it), so both versions live in this process."""
    tmp = Path(tempfile.mkdtemp(prefix="marsad_ref_"))
    package = tmp / "marsad_ref_nlp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in NLP_MODULES:
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:src/marsad/nlp/{name}.py"], capture_output=True, text=True)
        if shown.returncode == 0:
            (package / f"{name}.py").write_text(shown.stdout.replace("marsad.nlp.", "marsad_ref_nlp."))
    models = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "src/marsad/data/models/"], capture_output=True, text=True)
    model_name = next(n for n in models.stdout.split() if n.endswith((".pt", ".npz")))
    model = tmp / Path(model_name).name
    model.write_bytes(subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{model_name}"], capture_output=True, check=True).stdout)
    sys.path.insert(0, str(tmp))
    module = importlib.import_module("marsad_ref_nlp.ner")
    return module.NerTagger(model, threads=1)


def score_of(sentences: list[Sentence], predicted: list[list[str]]) -> SpanScore:
    score = SpanScore()
    for s, tags in zip(sentences, predicted, strict=True):
        score.add([tag for _, tag in s], tags)
    return score


if __name__ == "__main__":
    main()
