"""Score quote detection, speaker attribution, cited sources and relative-date resolution on
marsad's hand-annotated statement set (bench/data/statements_eval.jsonl: paragraphs of the demo
corpus and texts written for it; nothing from ../shared).

A gold quote is found when a predicted quote's text contains its snippet. Speaker precision is
over found quotes that were given a speaker; speaker recall over gold quotes that have one. A
speaker is right when its display name (after resolving the text's own mentions, as a run does)
and the gold name are the same name or one contains the other (بوتين / فلاديمير بوتين), the
article ال of each word aside (a second mention is definite: «المتحدث باسم اللجنة» after «متحدث
باسم اللجنة»), or two names of one registered outlet (فرانس برس / وكالة الصحافة الفرنسية).
A gold null speaker counts a predicted one as wrong. The annotations are exhaustive, so a
predicted quote matching no annotated statement (a quoted title or name, say) is a false detection.

Items marked "split": "holdout" were written after the rules were tuned on the others and not
tuned on since; `--split holdout` scores them alone.

`--real` scores real news instead: every reported statement of 68 articles of egypt2013
(bench/data/statements_real.jsonl, its guide in statements_real.md; the texts are read from
../shared/data/news/egypt2013). A predicted statement matches a gold one when their spans overlap
by at least half the gold span or four fifths of the predicted one (one to one, best overlap
first); speakers as above. Reported per split (the holdout third is kept for the end) and per kind.

    .venv/bin/python bench/quotes_eval.py [--data FILE] [--split dev|holdout|all] [--show]
    .venv/bin/python bench/quotes_eval.py --real [--split dev|holdout|all] [--show]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.arabic.normalize import phrase_key
from marsad.context import Context
from marsad.entities.resolve import MentionRow, resolve
from marsad.meta.registry import Registry
from marsad.pipeline import annotate_text

DATA = Path(__file__).resolve().parent / "data" / "statements_eval.jsonl"
REAL = Path(__file__).resolve().parent / "data" / "statements_real.jsonl"
EGYPT2013 = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news" / "egypt2013" / "articles.jsonl"


def _indefinite(key: str) -> str:
    """The phrase with each word's article ال dropped: a second mention is definite
    («المتحدث باسم اللجنة» after «متحدث باسم اللجنة»), the speaker is the same."""
    out = []
    for w in key.split():
        while w.startswith("\u0627\u0644") and len(w) > 4:  # alef lam; twice in «الألماني» (hamza folded)
            w = w[2:]
        out.append(w)
    return " ".join(out)


def same_speaker(predicted: str | None, gold: str | None, registry: Registry | None = None) -> bool:
    """The predicted speaker names the gold one: the same words (articles aside), one inside the
    other, or two names of one registered outlet (فرانس برس / وكالة الصحافة الفرنسية)."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = _indefinite(phrase_key(predicted)), _indefinite(phrase_key(gold))
    if bool(p) and (p == g or f" {p} " in f" {g} " or f" {g} " in f" {p} "):
        return True
    if registry is not None:
        a, b = registry.lookup(predicted), registry.lookup(gold)
        return a is not None and a == b
    return False


def _predicted(text: str, published: str | None, ctx: Context) -> list[tuple[int, int, str | None]]:
    """(start, end, speaker name) of each statement marsad finds, speakers resolved as a run does."""
    article = annotate_text(text, published, ctx)
    ids, entities = resolve([MentionRow("a", i, m.type, m.key, m.text, None) for i, m in enumerate(article.mentions)], ctx.registry)
    names = {e.id: e.name for e in entities}
    out = []
    for q in article.quotes:
        name = names[ids[("a", q.speaker_mention)]] if q.speaker_mention is not None else q.speaker_name
        out.append((q.start, q.end, name))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_real(split: str, show: bool) -> None:
    ctx = Context.load()
    texts = {}
    for line in EGYPT2013.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    by_article: dict[str, list[dict[str, object]]] = {}
    for line in REAL.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if split == "all" or g["split"] == split:
            by_article.setdefault(g["article_id"], []).append(g)
    found = gold_n = pred_n = with_speaker = right = gold_speakers = 0
    kinds: dict[str, list[int]] = {}
    for aid, golds in by_article.items():
        text = texts[aid]
        predicted = _predicted(text, "2013-01-29", ctx)
        pred_n += len(predicted)
        pairs = sorted(
            ((_overlap((int(g["start"]), int(g["end"])), (p[0], p[1])), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(predicted)),  # type: ignore[call-overload]
            reverse=True,
        )
        match: dict[int, int] = {}
        used: set[int] = set()
        for ov, gi, pi in pairs:
            g, p = golds[gi], predicted[pi]
            glen, plen = int(g["end"]) - int(g["start"]), p[1] - p[0]  # type: ignore[call-overload]
            if ov == 0 or gi in match or pi in used or not (ov >= 0.5 * glen or ov >= 0.8 * plen):
                continue
            match[gi] = pi
            used.add(pi)
        for gi, g in enumerate(golds):
            gold_n += 1
            gold_speakers += g["speaker"] is not None
            k = kinds.setdefault(str(g["kind"]), [0, 0])
            k[1] += 1
            if gi not in match:
                if show:
                    print(f"{aid[:8]} missed ({g['kind']}): {text[int(g['start']):int(g['end'])][:70]!r}")  # type: ignore[call-overload]
                continue
            found += 1
            k[0] += 1
            name = predicted[match[gi]][2]
            if name is not None:
                with_speaker += 1
                ok = same_speaker(name, str(g["speaker"]) if g["speaker"] else None, ctx.registry)
                right += ok
                if show and not ok:
                    print(f"{aid[:8]} speaker {name!r}, want {g['speaker']!r}")
            elif show:
                print(f"{aid[:8]} no speaker, want {g['speaker']!r}")
        if show:
            for pi, p in enumerate(predicted):
                if pi not in used:
                    print(f"{aid[:8]} not a statement: {text[p[0]:p[1]][:70]!r}")
    print(f"real statements ({split}): {len(by_article)} articles, {gold_n} statements")
    print(f"detection: precision {found / pred_n if pred_n else 0:.3f} ({found}/{pred_n}), recall {found / gold_n:.3f} ({found}/{gold_n})")
    print(
        f"speaker: precision {right / with_speaker if with_speaker else 0:.3f} ({right}/{with_speaker}),"
        f" recall {right / gold_speakers if gold_speakers else 0:.3f} ({right}/{gold_speakers})"
    )
    print("recall by kind: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(kinds.items())))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--real", action="store_true", help="score the real-news set (needs ../shared)")
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--show", action="store_true", help="print each miss")
    ap.add_argument(
        "--split", choices=("dev", "holdout", "all"), default="all", help="dev: items the rules were tuned on; holdout: written after"
    )
    args = ap.parse_args()
    if args.real:
        score_real(args.split, args.show)
        return
    ctx = Context.load()
    found = gold_quotes = predicted_quotes = false_quotes = 0
    with_speaker = right = gold_speakers = 0
    times_total = times_right = 0
    sources_total = sources_found = 0
    for line in Path(args.data).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if args.split != "all" and item.get("split", "dev") != args.split:
            continue
        article = annotate_text(item["text"], item["published"], ctx)
        ids, entities = resolve([MentionRow("a", i, m.type, m.key, m.text, None) for i, m in enumerate(article.mentions)], ctx.registry)
        names = {e.id: e.name for e in entities}
        predicted = []
        for q in article.quotes:
            name = q.speaker_name
            if q.speaker_mention is not None:
                name = names[ids[("a", q.speaker_mention)]]
            predicted.append((q.text, name))
        predicted_quotes += len(predicted)
        matched: set[int] = set()
        for g in item["quotes"]:
            gold_quotes += 1
            gold_speakers += g["speaker"] is not None
            hit = next((i for i, (text, _) in enumerate(predicted) if g["snippet"] in text and i not in matched), None)
            if hit is None:
                if args.show:
                    print(f"{item['id']}: missed quote {g['snippet']!r}")
                continue
            matched.add(hit)
            found += 1
            name = predicted[hit][1]
            if name is not None:
                with_speaker += 1
                ok = same_speaker(name, g["speaker"])
                right += ok and g["speaker"] is not None
                if args.show and not ok:
                    print(f"{item['id']}: {g['snippet']!r} speaker {name!r}, want {g['speaker']!r}")
            elif args.show and g["speaker"] is not None:
                print(f"{item['id']}: {g['snippet']!r} has no speaker, want {g['speaker']!r}")
        # Annotations are exhaustive: a predicted quote that is no annotated statement is a false one.
        for i, (text, _) in enumerate(predicted):
            if i not in matched:
                false_quotes += 1
                if args.show:
                    print(f"{item['id']}: {text[:50]!r} is not an annotated statement")
        for s in item.get("sources", []):
            sources_total += 1
            sources_found += any(s in src.name or phrase_key(s) in phrase_key(article.text[src.start : src.end]) for src in article.sources)
        for t in item["times"]:
            times_total += 1
            got = next((x.value for x in article.times if t["text"] in x.text), "missing")
            times_right += got == t["value"]
            if args.show and got != t["value"]:
                print(f"{item['id']}: time {t['text']!r} -> {got!r}, want {t['value']!r}")
    precision = (found / (found + false_quotes)) if found + false_quotes else 0.0
    print(
        f"quote detection: precision {precision:.3f} ({found}/{found + false_quotes}), recall {found / gold_quotes:.3f} ({found}/{gold_quotes})"
    )
    print(
        f"speaker attribution: precision {right / with_speaker if with_speaker else 0:.3f} ({right}/{with_speaker}),"
        f" recall {right / gold_speakers:.3f} ({right}/{gold_speakers})"
    )
    print(f"sources: {sources_found}/{sources_total} found")
    print(f"time expressions resolved correctly: {times_right}/{times_total} ({times_right / times_total:.3f})")


if __name__ == "__main__":
    main()
