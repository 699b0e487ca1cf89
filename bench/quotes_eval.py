"""Score quote detection, speaker attribution, cited sources and relative-date resolution on
marsad's hand-annotated statement set (bench/data/statements_eval.jsonl: paragraphs of the demo
corpus and texts written for it; nothing from ../shared).

A gold quote is found when a predicted quote's text contains its snippet. Speaker precision is
over found quotes that were given a speaker; speaker recall over gold quotes that have one. A
speaker is right when its display name (after resolving the text's own mentions, as a run does)
and the gold name are the same name or one contains the other (بوتين / فلاديمير بوتين).
A gold null speaker counts a predicted one as wrong. The annotations are exhaustive, so a
predicted quote matching no annotated statement (a quoted title or name, say) is a false detection.

Items marked "split": "holdout" were written after the rules were tuned on the others and not
tuned on since; `--split holdout` scores them alone.

    .venv/bin/python bench/quotes_eval.py [--data FILE] [--split dev|holdout|all] [--show]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.arabic.normalize import phrase_key
from marsad.context import Context
from marsad.entities.resolve import MentionRow, resolve
from marsad.pipeline import annotate_text

DATA = Path(__file__).resolve().parent / "data" / "statements_eval.jsonl"


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = phrase_key(predicted), phrase_key(gold)
    return bool(p) and (p == g or f" {p} " in f" {g} " or f" {g} " in f" {p} ")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--show", action="store_true", help="print each miss")
    ap.add_argument(
        "--split", choices=("dev", "holdout", "all"), default="all", help="dev: items the rules were tuned on; holdout: written after"
    )
    args = ap.parse_args()
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
