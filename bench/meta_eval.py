"""How right marsad describes real pages: outlet, headline, author(s) and publication day against
a gold set written by reading each page (bench/data/meta_devset.jsonl, its guide in
bench/data/meta_devset.md), reported per split (dev / holdout), and against the published gold
of ../shared/corpus/real-html.

The pages themselves are third-party and are not in the repository: the gold names the public
repository, commit and path each came from; fetch them into one folder (file names as in the
gold's "file" field) and pass it as --pages.

    .venv/bin/python bench/meta_eval.py --pages /work/devset/pages [--gold bench/data/meta_devset.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from marsad.arabic.normalize import phrase_key
from marsad.article import Article
from marsad.context import Context, Settings
from marsad.ingest.errors import InputProblem
from marsad.ingest.readers import read_file
from marsad.pipeline import analyze_page

ROOT = Path(__file__).resolve().parent.parent
REAL_HTML = ROOT.parent / "shared" / "corpus" / "real-html"
FIELDS = ("outlet", "headline", "author", "published")


def _same_outlet(ours: str | None, gold: str | None, ctx: Context) -> bool:
    if ours is None or gold is None:
        return ours is None and gold is None
    if phrase_key(ours) == phrase_key(gold):
        return True
    a, b = ctx.registry.resolve_site_name(ours), ctx.registry.resolve_site_name(gold)
    return a is not None and a == b


def _judge(article: Article, gold: dict[str, object], ctx: Context) -> dict[str, bool]:
    verdict: dict[str, bool] = {}
    if "outlet" in gold:
        verdict["outlet"] = _same_outlet(article.outlet, gold["outlet"], ctx)  # type: ignore[arg-type]
    if "headline" in gold:
        verdict["headline"] = phrase_key(article.headline or "") == phrase_key(str(gold["headline"] or ""))
    if "author" in gold:
        gold_authors = [phrase_key(a) for a in gold["author"]]  # type: ignore[union-attr]
        verdict["author"] = [phrase_key(a) for a in article.authors] == gold_authors
    if "published" in gold:
        verdict["published"] = (article.published or "")[:10] == (gold["published"] or "")
    return verdict


def _analyse(path: Path, ctx: Context) -> Article | None:
    for item in read_file(str(path), ctx.settings):
        if isinstance(item, InputProblem):
            print(f"  problem: {item}", file=sys.stderr)
            continue
        return analyze_page(item, ctx)[0]
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT / "bench" / "data" / "meta_devset.jsonl"))
    ap.add_argument("--pages", required=True, help="folder holding the gold's pages")
    ap.add_argument("--show", action="store_true", help="print every wrong field")
    args = ap.parse_args()
    ctx = Context.load(Settings(workers=1, progress=False))
    tally: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    outlets: dict[str, set[str]] = defaultdict(set)
    mojibake = 0
    for line in Path(args.gold).read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        article = _analyse(Path(args.pages) / gold["file"], ctx)
        split = gold.get("split", "dev")
        outlets[split].add(gold["outlet"])
        if article is None:
            for f in FIELDS:
                tally[split][f].append(False)
            continue
        mojibake += "\u00d8" in (article.headline or "") + article.text[:500]  # Ø: UTF-8 read as Latin-1
        for f, ok in _judge(article, gold, ctx).items():
            tally[split][f].append(ok)
            if not ok and args.show:
                ours = article.authors if f == "author" else getattr(article, f)
                print(f"  {gold['file']} {f}: ours {ours!r}, gold {gold.get(f)!r}")
    if REAL_HTML.is_dir():
        cnn = _analyse(REAL_HTML / "cnn-arabic.html", ctx)
        lbc = _analyse(REAL_HTML / "lbc.html", ctx)
        cnn_gold = json.loads((REAL_HTML / "cnn-arabic.gold.json").read_text(encoding="utf-8"))
        if cnn is not None:
            tally["real-html"]["headline"].append(phrase_key(cnn.headline or "") == phrase_key(cnn_gold["title"]))
            tally["real-html"]["author"].append([phrase_key(a) for a in cnn.authors] == [phrase_key(a) for a in cnn_gold["authors"]])
        if lbc is not None:
            tally["real-html"]["published"].append((lbc.published or "")[:10] == "2026-01-08")
            tally["real-html"]["author"].append(not lbc.authors)  # the page credits no writer (its author tag names the site)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today().isoformat()}")
    for split, fields in sorted(tally.items()):
        n = max(len(v) for v in fields.values())
        shown = ", ".join(f"{f} {sum(v)}/{len(v)}" for f, v in fields.items())
        print(f"{split}: {n} pages" + (f" from {len(outlets[split])} outlets" if outlets.get(split) else "") + f": {shown}")
    print(f"pages with mojibake: {mojibake}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
