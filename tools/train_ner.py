"""Train marsad's NER model (a BiLSTM-CRF, marsad.nlp.bilstm_crf) on ANERcorp's training portion
(../shared/data/ner), keeping the last 10% of the file (cut at a sentence boundary) as the
development set, and on the first 90% of each `--extra-train FILE:FORMAT` (NewsFANE Gold as
`FILE:newsfane`, its classes mapped by data/ner_newsfane_types.json; the last 10% is its own
development split, scored by bench/ner_eval.py --dev-split, never trained on), and write one
network (to build/ner.pt unless --out says otherwise). The epoch with the best development micro
F1 (PER/LOC/ORG) is kept and its per-type scores printed. Two such networks (seeds 13 and 29,
merged by tools/ensemble_ner.py) are the teacher that tools/distill_ner.py distils into the shipped
network, which tools/pack_ner.py writes as the model file (README: NER).

Needs the word-vector table from tools/embed_vocab.py (build/word_vectors.npz), reduced here by
PCA to `--pretrained-dim` dimensions and shipped inside the model.

    .venv/bin/python tools/embed_vocab.py
    .venv/bin/python tools/train_ner.py [--seed 13] [--out build/ner_13.pt] \
        [--extra-train ../shared/data/ner/newsfane/NewsFANE_Gold_2014_170K.txt:newsfane]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch

from marsad.arabic.normalize import match_key
from marsad.nlp.bilstm_crf import BiLstmCrf, NetConfig
from marsad.nlp.conll import NEWSFANE_TYPES_PATH, Sentence, SpanScore, parse_source, read_conll, read_corpus, split_dev
from marsad.nlp.features import FEATURE_SIZES
from marsad.nlp.ner import UNK, Encoder, NerTagger, Vocabulary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.txt"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")


def pretrained_table(path: Path, dim: int) -> tuple[list[str], np.ndarray]:
    """Word keys and their e5 vectors reduced by PCA to `dim`, scaled to unit average norm.
    Row order follows the file; a key seen twice (two spellings, one key) keeps its first vector."""
    data = np.load(path)
    keys: dict[str, int] = {}
    for i, w in enumerate(data["words"]):
        keys.setdefault(match_key(str(w)), i)
    vectors = data["vectors"][list(keys.values())].astype(np.float32)
    vectors -= vectors.mean(axis=0)
    _, _, components = np.linalg.svd(vectors[:: max(1, len(vectors) // 20000)], full_matrices=False)
    reduced = vectors @ components[:dim].T
    reduced /= np.linalg.norm(reduced, axis=1).mean()
    return list(keys), reduced


def evaluate(net: BiLstmCrf, batches: list[tuple[torch.Tensor, ...]], gold: list[list[str]]) -> SpanScore:
    net.eval()
    score = SpanScore()
    k = 0
    with torch.inference_mode():
        for words, pre, chars, feats, mask, _ in batches:
            for path in net.crf.decode(net.emissions(words, pre, chars, feats, mask), mask):
                score.add(gold[k], [TAGS[t] for t in path])
                k += 1
    net.train()
    return score


def make_batches(encoder: Encoder, sentences: list[Sentence], size: int) -> list[tuple[torch.Tensor, ...]]:
    out = []
    for i in range(0, len(sentences), size):
        chunk = sentences[i : i + size]
        words, pre, chars, feats, mask = (torch.from_numpy(a) for a in encoder.encode([[t for t, _ in s] for s in chunk]))
        tags = torch.zeros_like(words)
        for b, s in enumerate(chunk):
            tags[b, : len(s)] = torch.tensor([TAGS.index(t) for _, t in s])
        out.append((words, pre, chars, feats, mask, tags))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--vectors", default=str(ROOT / "build" / "word_vectors.npz"))
    ap.add_argument("--out", default=str(ROOT / "build" / "ner.pt"))
    ap.add_argument("--extra", action="append", default=[], help="more CoNLL training files, types mapped to PER/LOC/ORG")
    ap.add_argument(
        "--extra-train",
        action="append",
        default=[],
        metavar="FILE[:FORMAT]",
        help="more training data in a format of marsad.nlp.conll.FORMATS (conll, newsfane); its first 90%% is trained on, "
        "the last 10%% (its development split) is not",
    )
    ap.add_argument("--newsfane-types", default=str(NEWSFANE_TYPES_PATH), help="the class mapping the newsfane format is read with")
    ap.add_argument(
        "--vocab-extra",
        action="append",
        default=[],
        metavar="FILE[:FORMAT]",
        help="files whose words count toward the vocabularies without being trained on: networks trained on different "
        "files then share vocabularies and can be merged by tools/ensemble_ner.py",
    )
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--pretrained-dim", type=int, default=100)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--lr-decay", type=float, default=0.5, help="learning rate factor after --decay-patience epochs without gain")
    ap.add_argument("--decay-patience", type=int, default=0, help="0: no decay (the shipped networks were trained without)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--char-widths", default="2,3,4,5")
    ap.add_argument("--char-filters", type=int, default=32)
    ap.add_argument("--dropout", type=float, default=0.5)
    args = ap.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    train, dev = split_dev(read_conll(args.data))
    for extra in args.extra:
        train += read_conll(extra, keep=("PER", "LOC", "ORG"))
    for spec in args.extra_train:
        path, fmt = parse_source(spec)
        train += split_dev(read_corpus(path, fmt, newsfane_map=args.newsfane_types))[0]
    # Long runs without sentence punctuation are trained on in pieces, as the tagger reads them.
    train = [s[i : i + 120] for s in train for i in range(0, len(s), 120)]
    print(f"train {len(train)} sentences / {sum(map(len, train))} tokens, dev {len(dev)} / {sum(map(len, dev))}")

    counts = Counter(match_key(t) or t for s in train for t, _ in s)
    trained_words = set(counts)
    for extra in args.vocab_extra:
        counts.update(match_key(t) or t for s in read_corpus(*parse_source(extra)) for t, _ in s)
    words = Vocabulary(sorted(w for w, n in counts.items() if n >= 2))
    chars = Vocabulary(sorted({c for w in counts for c in w}))
    untrained_words = [words.index[w] for w in words.items[2:] if w not in trained_words]
    trained_chars = {c for w in trained_words for c in w}
    untrained_chars = [chars.index[c] for c in chars.items[2:] if c not in trained_chars]
    pre_words, pre_vectors = pretrained_table(Path(args.vectors), args.pretrained_dim)
    pretrained = Vocabulary(pre_words)
    encoder = Encoder(words, pretrained, chars)
    cfg = NetConfig(
        n_words=len(words),
        n_pretrained=len(pretrained),
        pretrained_dim=args.pretrained_dim,
        n_chars=len(chars),
        feature_sizes=FEATURE_SIZES,
        tags=TAGS,
        hidden=args.hidden,
        layers=args.layers,
        char_widths=tuple(int(w) for w in args.char_widths.split(",")),
        char_filters=args.char_filters,
        dropout=args.dropout,
    )
    net = BiLstmCrf(cfg)
    with torch.no_grad():
        net.pretrained.weight[2:] = torch.from_numpy(pre_vectors)
        net.pretrained.weight[:2] = 0
    t0 = time.perf_counter()
    random.shuffle(train)
    train_batches = make_batches(encoder, sorted(train, key=len), args.batch)
    dev_batches = make_batches(encoder, dev, 64)
    dev_gold = [[t for _, t in s] for s in dev]
    coverage = sum(int(encoder.pretrained_id(match_key(t) or t) != UNK) for s in dev for t, _ in s) / sum(map(len, dev))
    print(f"encoded in {time.perf_counter() - t0:.0f} s; dev tokens with a word vector: {coverage:.1%}")

    optimiser = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=args.lr)
    scheduler = (
        torch.optim.lr_scheduler.ReduceLROnPlateau(optimiser, mode="max", factor=args.lr_decay, patience=args.decay_patience)
        if args.decay_patience
        else None
    )
    best, best_state, stale = -1.0, None, 0
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        random.shuffle(train_batches)
        total = 0.0
        for words_t, pre, chars_t, feats, mask, tags in train_batches:
            if args.word_dropout:
                drop = (torch.rand(words_t.shape) < args.word_dropout) & mask
                words_t = words_t.masked_fill(drop, UNK)
            optimiser.zero_grad()
            loss = net.crf.neg_log_likelihood(net.emissions(words_t, pre, chars_t, feats, mask), tags, mask)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        with torch.no_grad():  # words and letters only --vocab-extra brought in read as unknown
            net.words.weight[untrained_words] = net.words.weight[UNK].clone()
            net.chars.weight[untrained_chars] = net.chars.weight[UNK].clone()
        f1 = evaluate(net, dev_batches, dev_gold).prf(["PER", "LOC", "ORG"])[2]
        if scheduler:
            scheduler.step(f1)
        print(f"epoch {epoch}: loss {total / len(train_batches):.3f} dev micro F1 {f1:.4f} ({time.perf_counter() - t0:.0f} s)", flush=True)
        if f1 > best:
            best, stale = f1, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        else:
            stale += 1
            if stale >= args.patience:
                break
    assert best_state is not None
    # The frozen word table is most of the file; half precision keeps the model small.
    best_state["pretrained.weight"] = best_state["pretrained.weight"].half()
    blob = {
        "config": cfg.to_dict(),
        "state": best_state,
        "words": words.items[2:],
        "pretrained_words": pretrained.items[2:],
        "chars": chars.items[2:],
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    torch.save(blob, args.out)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB)")
    tagger = NerTagger(args.out)
    score = SpanScore()
    for s, tags in zip(dev, tagger.tag_batch([[t for t, _ in s] for s in dev]), strict=True):
        score.add([t for _, t in s], tags)
    for kind in ("PER", "LOC", "ORG", "MISC"):
        p, r, f = score.prf([kind])
        print(f"{kind:5} P {p:.4f} R {r:.4f} F1 {f:.4f}")
    print(f"dev micro F1 (PER/LOC/ORG): {score.prf(['PER', 'LOC', 'ORG'])[2]:.4f}")


if __name__ == "__main__":
    main()
