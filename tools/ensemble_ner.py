"""Merge NER models trained by tools/train_ner.py on the same data into one model file whose
networks the tagger averages (marsad.nlp.ner.NerTagger). The members must share their
vocabularies (same training files: the vocabularies do not depend on the seed or the learning
rate: tools/train_ner.py --vocab-extra lets a network trained on fewer files share them); the
frozen word table, the same in every member, is stored once, and the rest in half precision.

    .venv/bin/python tools/ensemble_ner.py build/ner_13.pt build/ner_29.pt --out build/ner_pair.pt
    .venv/bin/python tools/pack_ner.py build/ner_pair.pt --out src/marsad/data/models/ner.npz
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch

SHARED = ("pretrained.weight",)  # the frozen e5 word table


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    blobs = [torch.load(p, weights_only=True, map_location="cpu") for p in args.models]
    first = blobs[0]
    for path, blob in zip(args.models[1:], blobs[1:], strict=True):
        for field in ("words", "pretrained_words", "chars"):
            if blob[field] != first[field]:
                raise SystemExit(f"{path}: its {field} vocabulary differs from {args.models[0]}'s; train the members on the same files")
        if not torch.equal(blob["state"]["pretrained.weight"], first["state"]["pretrained.weight"]):
            raise SystemExit(f"{path}: its word table differs from {args.models[0]}'s")
    merged = {
        "words": first["words"],
        "pretrained_words": first["pretrained_words"],
        "chars": first["chars"],
        "shared_state": {k: first["state"][k] for k in SHARED},
        # Half precision halves the file; the tagger computes in single precision.
        "members": [{"config": b["config"], "state": {k: v.half() for k, v in b["state"].items() if k not in SHARED}} for b in blobs],
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    torch.save(merged, args.out)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB, {len(blobs)} networks)")


if __name__ == "__main__":
    main()
