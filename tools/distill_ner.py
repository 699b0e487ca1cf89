"""Distil the shipped pair of NER networks into one smaller network that tags several times
faster (issue 16): the student reads the same inputs (vocabularies, frozen word table, token
features) and is trained on the same sentences as the pair (ANERcorp's training portion and the
first 90% of NewsFANE Gold) with two losses: the CRF's negative log-likelihood of the gold tags,
and the squared distance between its tag scores and the pair's averaged ones (each token's
scores centred first: a CRF does not change when one token's scores all move together). The
student starts from the first teacher's embeddings and character CNN, and its CRF from the
pair's averaged transitions; only its smaller LSTM and output layer start from scratch.

The epoch with the best development micro F1 (PER/LOC/ORG) in documents of 25 sentences, the
way bench/ner_eval.py scores the product, is kept. Output: a network in tools/train_ner.py's
format; tools/pack_ner.py turns it into the shipped model file.

    .venv/bin/python tools/distill_ner.py --teacher build/ner_pair.pt --hidden 128 --threads 1 --out build/ner_student.pt
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from marsad.nlp.bilstm_crf import BiLstmCrf, NetConfig, TorchTagger
from marsad.nlp.conll import SpanScore, parse_source, read_conll, read_corpus, split_dev
from marsad.nlp.consistency import spread_names
from marsad.nlp.ner import UNK
from train_ner import DEFAULT_DATA, TAGS, make_batches

DOCUMENT_SENTENCES = 25  # as bench/ner_eval.py reads the development set


def dev_scores(net: BiLstmCrf, batches: list[tuple[torch.Tensor, ...]], dev_words: list[list[str]], gold: list[list[str]]) -> tuple[float, float, float]:
    """(sentence micro F1, document micro F1, document ORG recall) on the development set."""
    net.eval()
    tags: list[list[str]] = []
    with torch.inference_mode():
        for words, pre, chars, feats, mask, _ in batches:
            for path in net.crf.decode(net.emissions(words, pre, chars, feats, mask), mask):
                tags.append([TAGS[t] for t in path])
    net.train()
    alone, docs = SpanScore(), SpanScore()
    in_docs = [t for i in range(0, len(dev_words), DOCUMENT_SENTENCES) for t in spread_names(dev_words[i : i + DOCUMENT_SENTENCES], tags[i : i + DOCUMENT_SENTENCES])]
    for g, a, d in zip(gold, tags, in_docs, strict=True):
        alone.add(g, a)
        docs.add(g, d)
    return alone.prf(["PER", "LOC", "ORG"])[2], docs.prf(["PER", "LOC", "ORG"])[2], docs.prf(["ORG"])[1]


def centred(scores: torch.Tensor) -> torch.Tensor:
    return scores - scores.mean(dim=-1, keepdim=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--teacher", required=True, help="the pair of networks (tools/ensemble_ner.py's output)")
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--extra-train", action="append", default=[], metavar="FILE[:FORMAT]")
    ap.add_argument("--out", required=True)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--alpha", type=float, default=0.5, help="weight of the score-matching loss (per token)")
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    teacher = TorchTagger(args.teacher, threads=args.threads)
    encoder = teacher.encoder
    train, dev = split_dev(read_conll(args.data))
    for spec in args.extra_train:
        train += split_dev(read_corpus(*parse_source(spec)))[0]
    train = [s[i : i + 120] for s in train for i in range(0, len(s), 120)]
    print(f"train {len(train)} sentences / {sum(map(len, train))} tokens, dev {len(dev)} / {sum(map(len, dev))}", flush=True)

    t0 = time.perf_counter()
    random.shuffle(train)
    train_batches = make_batches(encoder, sorted(train, key=len), args.batch)
    dev_batches = make_batches(encoder, dev, 64)
    dev_words = [[t for t, _ in s] for s in dev]
    dev_gold = [[t for _, t in s] for s in dev]
    with torch.inference_mode():
        targets = [centred(teacher.emissions(w, p, c, f, m)).clone() for w, p, c, f, m, _ in train_batches]
    print(f"encoded and scored by the teacher in {time.perf_counter() - t0:.0f} s", flush=True)

    first = teacher.nets[0]
    cfg = NetConfig(**{**first.cfg.to_dict(), "hidden": args.hidden, "dropout": args.dropout})
    net = BiLstmCrf(cfg)
    inherited = {k: v for k, v in first.state_dict().items() if not k.startswith(("lstm.", "out.", "crf."))}
    net.load_state_dict(inherited, strict=False)
    net.crf.load_state_dict(teacher.crf.state_dict())
    net.pretrained.weight.requires_grad = False
    print(f"teacher dev: sentence/document micro F1, document ORG recall {dev_scores(first, dev_batches, dev_words, dev_gold)} (first network)", flush=True)

    optimiser = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=args.lr)
    best, best_state, stale = -1.0, None, 0
    order = list(range(len(train_batches)))
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        random.shuffle(order)
        total_nll = total_match = 0.0
        for k in order:
            words_t, pre, chars_t, feats, mask, tags = train_batches[k]
            if args.word_dropout:
                drop = (torch.rand(words_t.shape) < args.word_dropout) & mask
                words_t = words_t.masked_fill(drop, UNK)
            optimiser.zero_grad()
            scores = net.emissions(words_t, pre, chars_t, feats, mask)
            nll = net.crf.neg_log_likelihood(scores, tags, mask)
            diff = (centred(scores) - targets[k]).pow(2).sum(-1)
            match = (diff * mask).sum() / mask.sum()
            loss = nll + args.alpha * match
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total_nll += nll.item()
            total_match += match.item()
        f_alone, f_docs, org_recall = dev_scores(net, dev_batches, dev_words, dev_gold)
        n = len(order)
        print(
            f"epoch {epoch}: nll {total_nll / n:.3f} match {total_match / n:.3f} dev micro F1 sentences {f_alone:.4f} "
            f"documents {f_docs:.4f} ORG recall {org_recall:.4f} ({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
        if f_docs > best:
            best, stale = f_docs, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            save(args.out, cfg, best_state, teacher)
        else:
            stale += 1
            if stale >= args.patience:
                break
    print(f"best dev micro F1 in documents {best:.4f}; wrote {args.out}")


def save(path: str, cfg: NetConfig, state: dict[str, torch.Tensor], teacher: TorchTagger) -> None:
    state = dict(state)
    state["pretrained.weight"] = state["pretrained.weight"].half()
    blob = {
        "config": cfg.to_dict(),
        "state": state,
        "words": teacher.encoder.words.items[2:],
        "pretrained_words": teacher.encoder.pretrained.items[2:],
        "chars": teacher.encoder.chars.items[2:],
    }
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    torch.save(blob, path)


if __name__ == "__main__":
    main()
