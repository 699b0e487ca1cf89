"""Train marsad's NER model on ANERcorp's training portion (../shared/data/ner), keeping the last
10% of the file (by sentence, in file order) as the development set, and write
src/marsad/data/models/ner.crfsuite. Prints the development micro F1 (PER/LOC/ORG).

    .venv/bin/python tools/train_ner.py [--data ../shared/data/ner/anercorp-train.txt] [--c1 0.05 --c2 0.01 --iterations 150]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pycrfsuite

from marsad.nlp.conll import SpanScore, read_conll
from marsad.nlp.ner import MODEL_PATH, NerTagger, token_features

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.txt"


def split_dev(sentences: list, dev_share: float = 0.10) -> tuple[list, list]:
    """The last `dev_share` of the tokens, cut at a sentence boundary, is the development set."""
    total = sum(len(s) for s in sentences)
    seen = 0
    for i, s in enumerate(sentences):
        if seen >= total * (1 - dev_share):
            return sentences[:i], sentences[i:]
        seen += len(s)
    return sentences, []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument(
        "--extra", action="append", default=[], help="more CoNLL training files (e.g. the Wojood sample), types mapped to PER/LOC/ORG"
    )
    ap.add_argument("--min-freq", type=float, default=1, help="drop features seen fewer times (smaller model)")
    args = ap.parse_args()
    sentences = read_conll(args.data)
    train, dev = split_dev(sentences)
    for extra in args.extra:
        train += read_conll(extra, keep=("PER", "LOC", "ORG"))
    print(f"train {len(train)} sentences / {sum(map(len, train))} tokens, dev {len(dev)} / {sum(map(len, dev))}")
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in train:
        trainer.append(token_features([t for t, _ in s]), [tag for _, tag in s])
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
        }
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    trainer.train(args.out)
    print(f"trained in {time.perf_counter() - t0:.0f} s -> {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB)")
    tagger = NerTagger(args.out)
    score = SpanScore()
    for s in dev:
        score.add([tag for _, tag in s], tagger.tag([t for t, _ in s]))
    for kind in ("PER", "LOC", "ORG", "MISC"):
        p, r, f = score.prf([kind])
        print(f"{kind:5} P {p:.4f} R {r:.4f} F1 {f:.4f}")
    print(f"dev micro F1 (PER/LOC/ORG): {score.prf(['PER', 'LOC', 'ORG'])[2]:.4f}")


if __name__ == "__main__":
    main()
