"""Story clustering quality on marsad's labelled set (bench/data/cluster_eval.jsonl: short
articles written for it, several per event, with events that share people, places and dates but
are different stories), and clustering speed and memory on generated articles.

Quality: each article goes through the text stages (entities) and store-wide entity resolution,
then the clusterer places them oldest first, as a run does. Prints pairwise precision, recall
and F1, and B-cubed precision, recall and F1 (last line).

Speed: `--generate N` clusters N generated articles (events of 1-12 articles over a year, each
with its own people and words drawn from a shared vocabulary, so candidate lookup has real
collisions) and prints articles per second and peak memory.

    .venv/bin/python bench/cluster_eval.py [--data FILE] [--show]
    .venv/bin/python bench/cluster_eval.py --generate 100000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from marsad.context import Context
from marsad.entities.resolve import MentionRow, resolve
from marsad.pipeline import annotate_text
from marsad.stories.cluster import Clusterer, Doc, idf_of, make_doc

DATA = Path(__file__).resolve().parent / "data" / "cluster_eval.jsonl"


def scores(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    ids = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for a in ids:
        by_gold[gold[a]].add(a)
        by_pred[predicted[a]].add(a)
    bp = sum(len(by_gold[gold[a]] & by_pred[predicted[a]]) / len(by_pred[predicted[a]]) for a in ids) / len(ids)
    br = sum(len(by_gold[gold[a]] & by_pred[predicted[a]]) / len(by_gold[gold[a]]) for a in ids) / len(ids)
    pp = tp / (tp + fp) if tp + fp else 1.0
    pr = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pair_p": pp,
        "pair_r": pr,
        "pair_f1": 2 * pp * pr / (pp + pr) if pp + pr else 0.0,
        "b3_p": bp,
        "b3_r": br,
        "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
    }


def quality(path: Path, show: bool) -> None:
    ctx = Context.load()
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = {it["id"]: annotate_text(f"{it['headline']}\n{it['text']}", it["published"], ctx) for it in items}
    rows = [MentionRow(i, n, m.type, m.key, m.text, None) for i, a in articles.items() for n, m in enumerate(a.mentions)]
    ids, _ = resolve(rows, ctx.registry)
    docs = []
    for it in items:
        entities = [ids[(it["id"], n)] for n in range(len(articles[it["id"]].mentions))]
        docs.append(make_doc(it["id"], it["outlet"], date.fromisoformat(it["published"]), it["text"], it["headline"], entities))
    clusterer = Clusterer(idf_of(docs))
    predicted = {d.id: clusterer.place(d) for d in sorted(docs, key=lambda d: (d.day or date.max, d.id))}
    gold = {it["id"]: it["event"] for it in items}
    if show:
        for story in sorted(set(predicted.values())):
            print(story, sorted((a, gold[a]) for a in predicted if predicted[a] == story))
    # Articles with a "split" were written after the clusterer was tuned on what came before them
    # ("holdout" after the first round, "holdout2" after the second); they are clustered with
    # everything else and also scored on their own.
    for split in sorted({it["split"] for it in items if it.get("split")}):
        part = {it["id"] for it in items if it.get("split") == split}
        h = scores({a: gold[a] for a in part}, {a: predicted[a] for a in part})
        print(f"{split} ({len(part)} articles): B-cubed precision {h['b3_p']:.3f} recall {h['b3_r']:.3f} F1 {h['b3_f1']:.3f}")
    s = scores(gold, predicted)
    print(f"{len(items)} articles, {len(set(gold.values()))} events, {len(set(predicted.values()))} stories")
    print(f"pairwise precision {s['pair_p']:.3f} recall {s['pair_r']:.3f} F1 {s['pair_f1']:.3f}")
    print(f"B-cubed precision {s['b3_p']:.3f} recall {s['b3_r']:.3f} F1 {s['b3_f1']:.3f}")


def generated(n: int, seed: int = 7) -> list[tuple[str, Doc]]:
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(30000)]
    people = [f"e-p{i}" for i in range(20000)]
    start = date(2024, 1, 1)
    out: list[tuple[str, Doc]] = []
    event = 0
    while len(out) < n:
        event += 1
        topic = rng.sample(vocabulary, 40)
        cast = rng.sample(people, 4)
        day = start + timedelta(days=rng.randrange(365))
        for k in range(rng.randint(1, 12)):
            words = Counter(rng.choices(topic, k=60) + rng.choices(vocabulary, k=90))
            ents = Counter(rng.choices(cast, k=8) + rng.choices(people, k=2))
            doc = Doc(
                f"g{event}-{k}",
                f"o{rng.randrange(40)}",
                day + timedelta(days=rng.randrange(4)),
                words,
                ents,
                np.array(rng.sample(range(1 << 30), 64), dtype=np.uint64),
            )
            out.append((f"ev{event}", doc))
    return out[:n]


def speed(n: int) -> None:
    data = generated(n)
    docs = [d for _, d in data]
    t0 = time.perf_counter()
    clusterer = Clusterer(idf_of(docs))
    predicted = {d.id: clusterer.place(d) for d in sorted(docs, key=lambda d: (d.day, d.id))}
    elapsed = time.perf_counter() - t0
    s = scores({d.id: g for g, d in data}, predicted) if n <= 20000 else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} generated articles clustered in {elapsed:.0f} s ({n / elapsed:.0f} articles/s), peak memory {peak:.0f} MB")
    if s:
        print(f"B-cubed F1 on the generated events {s['b3_f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--generate", type=int, help="time clustering on this many generated articles")
    args = ap.parse_args()
    if args.generate:
        speed(args.generate)
    else:
        quality(Path(args.data), args.show)


if __name__ == "__main__":
    main()
