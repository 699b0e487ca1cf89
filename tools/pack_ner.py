"""Write the shipped NER model file (marsad.nlp.model_file: plain arrays, loaded without
pickled objects) from networks trained by tools/train_ner.py or tools/distill_ner.py, or from a
pair merged by tools/ensemble_ner.py (.pt). Several inputs must share their vocabularies; the
tagger then averages them.

    .venv/bin/python tools/pack_ner.py build/ner_student.pt --out src/marsad/data/models/ner.npz
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.nlp.model_file import ModelData, read_model, write_model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    parts = [read_model(p) for p in args.models]
    first = parts[0]
    for path, part in zip(args.models[1:], parts[1:], strict=True):
        for field in ("words", "pretrained_words", "chars"):
            if getattr(part, field) != getattr(first, field):
                raise SystemExit(f"{path}: its {field} vocabulary differs from {args.models[0]}'s; train the networks on the same files")
    merged = ModelData(
        first.words,
        first.pretrained_words,
        first.chars,
        [c for p in parts for c in p.configs],
        [s for p in parts for s in p.states],
    )
    write_model(args.out, merged)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB, {len(merged.configs)} network(s))")


if __name__ == "__main__":
    main()
