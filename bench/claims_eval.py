"""Claim precision on real news: does every sentence grouped under a claim state the same fact?

The 2,000 egypt2013 articles of ../shared/data/news (13 outlets, one day) go through `marsad
analyze` as dated pages; the claims of stories covered by at least two outlets are what is judged.
Judgements live in bench/data/claims_egypt2013.jsonl, one line per judged pair: the claim's first
sentence and one of its other sentences, each named by article id and the SHA-1 of its text (no
text is kept here: it stays in ../shared), with `same` true or false and a note. A claim is
precise when every judged pair of it is the same fact; its precision counts only claims whose
pairs are all judged.

    .venv/bin/python bench/claims_eval.py                 # analyse (once), then score
    .venv/bin/python bench/claims_eval.py --sample 50     # write the next claims to judge to
                                                          # build/claims/to_judge.jsonl (with texts)
    .venv/bin/python bench/claims_eval.py --disagreements 30   # the same for the disagreements
                                                          # flagged: build/claims/disagreements_to_judge.jsonl
    .venv/bin/python bench/claims_eval.py --collection EGYPT2013.jsonl.gz --day 2013-03-12 [...]
                                                          # another day of the whole 2013 collection
                                                          # (bench/scale.py says how to get it): a set
                                                          # no rule was written on, judged in files of
                                                          # its own (claims_egypt2013_2013-03-12.jsonl …)
    .venv/bin/python bench/claims_eval.py --collection SAUDINEWSNET.jsonl.gz --set saudinewsnet --day 2015-08-02
                                                          # a day of another collection, of 14 Saudi
                                                          # outlets in 2015 (bench/build_saudinewsnet.sh)
    .venv/bin/python bench/claims_eval.py --collection ANTCORPUS.jsonl.gz --set antcorpus --day 2018-04-1
                                                          # ten days (a prefix: April 10 to 19) of a third,
                                                          # five pan-Arab outlets in 2018 (bench/build_antcorpus.sh)
    .venv/bin/python bench/claims_eval.py --judged-again --collection EGYPT2013.jsonl.gz
                                                          # every disagreement judged on any day, read
                                                          # by the code as it is now: which it flags
    PYTHONPATH=OLD/src .venv/bin/python bench/claims_eval.py --collection … --day … --flags-now old.jsonl
                                                          # what a version of the rules flags in a day's
                                                          # stored run (then the same with the new code):
                                                          # the pairs a change drops or adds

How the set was made is written in bench/data/claims_egypt2013.md. The same run's disagreements
(between outlets of every story) are judged in bench/data/disagreements_egypt2013.jsonl, one line
per flagged pair (the two sentences by article id and SHA-1, `kind`, `real`, a note): disagreement
precision is the share judged real; bench/data/disagreements_egypt2013.md says how.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import random
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EGYPT = ROOT.parent / "shared" / "data" / "news" / "egypt2013" / "articles.jsonl"
JUDGED = ROOT / "bench" / "data" / "claims_egypt2013.jsonl"
JUDGED_DISAGREEMENTS = ROOT / "bench" / "data" / "disagreements_egypt2013.jsonl"


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def articles(collection: Path | None, day: str | None) -> Iterator[dict[str, str]]:
    """The articles of ../shared's one day, or of `day` in the whole collection."""
    if collection is None or day is None:
        with EGYPT.open(encoding="utf-8") as f:
            yield from map(json.loads, f)
        return
    with gzip.open(collection, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["datetime"].startswith(day):
                yield r


def pages(path: Path, collection: Path | None = None, day: str | None = None) -> None:
    """Each article as the page a scraper keeps: headline, paragraphs, and the time the collection
    records in the page's metadata."""
    lines = [json.dumps(page_json(r), ensure_ascii=False) for r in articles(collection, day)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def page_json(r: dict[str, str]) -> dict[str, str]:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in r["text"].split("\n") if p.strip())
    page = (
        f'<html><head><meta property="article:published_time" content="{r["datetime"].replace(" ", "T")}">'
        f"<title>{html.escape(r['headline'])}</title></head><body><h1>{html.escape(r['headline'])}</h1>{body}</body></html>"
    )
    return {"url": f"https://{r['outlet']}.example/{r['id']}", "html": page}


def article_id(page: dict[str, str]) -> str:
    """The id marsad gives the page's first article (article.Page.page_id, then Article.make_id)."""
    from marsad.article import Article, Page

    return Article.make_id(Page(source="", content=page["html"], format="html", url=page["url"]).page_id, 0)


def stories(work: Path, collection: Path | None = None, day: str | None = None) -> list[dict[str, Any]]:
    """The stories of a run kept in `work` (analysed once)."""
    source = collection if collection and day else EGYPT
    if not source.exists():
        sys.exit(f"{source} is missing: the egypt2013 articles live in ../shared/data/news (the whole collection: bench/scale.py)")
    out = work / "out"
    if not (out / "stories.json").exists():
        work.mkdir(parents=True, exist_ok=True)
        pages(work / "pages.jsonl", collection, day)
        subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(work / "pages.jsonl"), "--out", str(out), "--no-progress"], check=True)
    found: list[dict[str, Any]] = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    return found


def claims(stories: list[dict[str, Any]]) -> list[dict[str, object]]:
    """The claims of multi-outlet stories."""
    found = []
    for s in stories:
        if len(s["outlets"]) < 2:
            continue
        for c in s["claims"]:
            found.append({"story": s["id"], **c})
    return found


def pairs(claim: dict[str, object]) -> list[tuple[dict[str, str], dict[str, str]]]:
    variants = claim["variants"]
    assert isinstance(variants, list)
    return [(variants[0], v) for v in variants[1:]]


def key(a: dict[str, str], b: dict[str, str]) -> tuple[str, str, str, str]:
    return (a["article"], sha(a["text"]), b["article"], sha(b["text"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", help="where the run is kept (build/claims, or build/claims-DAY)")
    ap.add_argument("--collection", help="the whole 2013 collection (.jsonl.gz), with --day")
    ap.add_argument("--day", help="YYYY-MM-DD: that day of --collection instead of ../shared's day (a prefix of days reads them all: 2018-04-1)")
    ap.add_argument("--set", default="egypt2013", help="the collection's name in the judged files' names (egypt2013, saudinewsnet: bench/build_saudinewsnet.sh, antcorpus: bench/build_antcorpus.sh)")
    ap.add_argument("--sample", type=int, help="write this many unjudged claims to judge")
    ap.add_argument("--disagreements", type=int, metavar="N", help="write this many unjudged disagreements to judge")
    ap.add_argument("--judged-again", action="store_true", help="which of every judged disagreement (all days) the code flags now")
    ap.add_argument("--flags-now", metavar="FILE", help="write every disagreement the code flags now in the run's multi-outlet stories")
    args = ap.parse_args()
    if args.judged_again:
        if not args.collection:
            sys.exit("--judged-again needs --collection: the judged days come from the whole 2013 collection")
        judged_again(Path(args.collection), Path(args.work or "build/claims-judged"))
        return
    if bool(args.collection) != bool(args.day):
        sys.exit("--collection and --day go together")
    day = args.day if args.collection else None
    work = Path(args.work or ("build/claims" + (f"-{day}" if day else "")))
    judged_claims, judged_disagreements = judged_files(day, args.set)
    run = stories(work, Path(args.collection) if args.collection else None, day)
    if args.flags_now:
        flags_now(run, work, Path(args.flags_now))
        return
    flagged = disagreement_pairs(run)
    if args.disagreements:
        draw_disagreements(flagged, args.disagreements, work / "disagreements_to_judge.jsonl", judged_disagreements)
        return
    found = claims(run)
    judged: dict[tuple[str, str, str, str], bool] = {}
    if judged_claims.exists():
        for line in judged_claims.read_text(encoding="utf-8").splitlines():
            j = json.loads(line)
            judged[(j["first_article"], j["first_sha1"], j["other_article"], j["other_sha1"])] = bool(j["same"])
    if args.sample:
        todo = [c for c in found if any(key(a, b) not in judged for a, b in pairs(c))]
        random.Random(2013).shuffle(todo)  # a fixed draw: the same run gives the same sample
        with (work / "to_judge.jsonl").open("w", encoding="utf-8") as f:
            for c in todo[: args.sample]:
                for a, b in pairs(c):
                    row = {"first_article": a["article"], "first_sha1": sha(a["text"]), "other_article": b["article"], "other_sha1": sha(b["text"])}
                    f.write(json.dumps({**row, "first_text": a["text"], "other_text": b["text"]}, ensure_ascii=False) + "\n")
        print(f"{min(args.sample, len(todo))} claims to judge written to {work / 'to_judge.jsonl'}")
        return
    complete = [c for c in found if pairs(c) and all(key(a, b) in judged for a, b in pairs(c))]
    precise = [c for c in complete if all(judged[key(a, b)] for a, b in pairs(c))]
    pair_total = sum(len(pairs(c)) for c in complete)
    pair_same = sum(judged[key(a, b)] for c in complete for a, b in pairs(c))
    print(f"{len(found)} claims in multi-outlet stories; {len(complete)} fully judged")
    if complete:
        print(f"claim precision {len(precise) / len(complete):.3f} ({len(precise)}/{len(complete)}); pairs the same fact {pair_same}/{pair_total}")
    real = disagreement_judgements(judged_disagreements)
    seen = [real[k] for k, _ in flagged if k in real]
    print(f"{len(flagged)} disagreements flagged; {len(seen)} judged", end="")
    print(f", precision {sum(seen) / len(seen):.3f} ({sum(seen)}/{len(seen)})" if seen else "")


def disagreement_pairs(run: list[dict[str, Any]]) -> list[tuple[tuple[str, str, str, str], dict[str, Any]]]:
    """Every flagged disagreement of the run, keyed by its two sentences (article id, SHA-1)."""
    out = []
    for s in run:
        for d in s["disagreements"]:
            a, b = d["sides"]
            out.append(((a["article"], sha(a["text"]), b["article"], sha(b["text"])), d))
    return out


def judged_files(day: str | None, collection: str = "egypt2013") -> tuple[Path, Path]:
    """Where the claims and the disagreements of a set are judged: ../shared's day, or another
    day of a collection (`collection`: its name)."""
    if day is None:
        return JUDGED, JUDGED_DISAGREEMENTS
    return (JUDGED.with_name(f"claims_{collection}_{day}.jsonl"), JUDGED_DISAGREEMENTS.with_name(f"disagreements_{collection}_{day}.jsonl"))


def disagreement_judgements(path: Path) -> dict[tuple[str, str, str, str], bool]:
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {(j["a_article"], j["a_sha1"], j["b_article"], j["b_sha1"]): bool(j["real"]) for j in rows}


def draw_disagreements(flagged: list[tuple[tuple[str, str, str, str], dict[str, Any]]], n: int, path: Path, judged: Path) -> None:
    real = disagreement_judgements(judged)
    todo = [(k, d) for k, d in flagged if k not in real]
    random.Random(2013).shuffle(todo)  # a fixed draw, as for claims
    with path.open("w", encoding="utf-8") as f:
        for (a_article, a_sha1, b_article, b_sha1), d in todo[:n]:
            a, b = d["sides"]
            row = {"a_article": a_article, "a_sha1": a_sha1, "b_article": b_article, "b_sha1": b_sha1, "kind": d["kind"]}
            f.write(json.dumps({**row, "a_outlet": a["outlet"], "a_text": a["text"], "b_outlet": b["outlet"], "b_text": b["text"]}, ensure_ascii=False) + "\n")
    print(f"{min(n, len(todo))} disagreements to judge written to {path}")


def flags_now(run: list[dict[str, Any]], work: Path, path: Path) -> None:
    """Every disagreement the code as imported finds in the run's multi-outlet stories, each story's
    members read again from the run's store (in story order), one JSON line each as
    `--disagreements` writes them. Run by two versions of the rules (PYTHONPATH) on one store, the
    two files show which pairs a change drops or adds: those not judged yet are judged blind."""
    from marsad.store import open_store
    from marsad.stories.dossier import ClaimSearch

    store = open_store(str(work / "out" / "marsad.db"), readonly=True)
    try:
        with path.open("w", encoding="utf-8") as f:
            for s in run:
                if len(s["outlets"]) < 2:
                    continue
                members = store.records(set(s["articles"]))
                search = ClaimSearch(_weights(store, members))
                search.read(sorted(members.values(), key=lambda x: (x.published or "9999", x.id)))
                for d in search.found:
                    a, b = d.sides
                    row = {"a_article": a.article, "a_sha1": sha(a.text), "b_article": b.article, "b_sha1": sha(b.text), "kind": d.kind}
                    f.write(json.dumps({**row, "a_outlet": a.outlet, "a_text": a.text, "b_outlet": b.outlet, "b_text": b.text}, ensure_ascii=False) + "\n")
    finally:
        store.close()
    print(f"flags written to {path}")


def _weights(store: Any, records: Mapping[str, Any]) -> dict[str, float]:
    """The story word weights for these stored articles, their entities named as the store names them."""
    from marsad.stories.weights import story_weights

    return story_weights(store.entity_names({m.entity_id for a in records.values() for m in a.mentions if m.entity_id}))


def judged_again(collection: Path, work: Path) -> None:
    """Every disagreement judged on any day (bench/data/disagreements_egypt2013*.jsonl), read by
    the code as it is now. A flag between two sentences depends only on their two articles (the
    rules read the sentences and their own articles), so each judged pair's two articles, analysed
    once together, are set against each other alone: the precision of what the code still flags
    among the judged, by kind. A development figure: the rules were written on these days."""
    from marsad.store import open_store
    from marsad.stories.dossier import ClaimSearch

    rows = [json.loads(line) for f in sorted(JUDGED_DISAGREEMENTS.parent.glob("disagreements_egypt2013*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]
    wanted = {r[side] for r in rows for side in ("a_article", "b_article")}
    out = work / "out"
    records = open_store(str(out / "marsad.db"), readonly=True).records(wanted) if (out / "marsad.db").exists() else {}
    if wanted - records.keys():
        # Days judged since the store was made: their pages are analysed into it (a run adds
        # only the pages it has not stored).
        work.mkdir(parents=True, exist_ok=True)
        days = {f.stem.rsplit("_", 1)[1] for f in JUDGED_DISAGREEMENTS.parent.glob("disagreements_egypt2013_*.jsonl")}
        lines = {}
        for r in [*articles(None, None), *(r for r in articles(collection, "") if r["datetime"][:10] in days)]:
            page = page_json(r)
            if (found := article_id(page)) in wanted:
                lines[found] = json.dumps(page, ensure_ascii=False)
        (work / "pages.jsonl").write_text("\n".join(lines.values()) + "\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(work / "pages.jsonl"), "--out", str(out), "--no-progress"], check=True)
    store = open_store(str(out / "marsad.db"), readonly=True)
    records = store.records(wanted)
    if missing := wanted - records.keys():
        print(f"{len(missing)} judged articles are not in the collection's judged days: their pairs are left out")
    idf = _weights(store, records)
    tally: dict[str, list[int]] = {}
    for r in rows:
        a, b = records.get(r["a_article"]), records.get(r["b_article"])
        if a is None or b is None:
            continue
        search = ClaimSearch(idf)
        search.read(sorted([a, b], key=lambda x: (x.published or "9999", x.id)))
        flagged = any(d.kind == r["kind"] and {sha(d.sides[0].text), sha(d.sides[1].text)} == {r["a_sha1"], r["b_sha1"]} for d in search.found)
        # The two articles set against each other through other sentences (a story flags one pair
        # of sentences per two articles and kind): not scored, the judgement is of the sentences.
        other = not flagged and any(d.kind == r["kind"] for d in search.found)
        counts = tally.setdefault(r["kind"], [0, 0, 0, 0, 0, 0])  # judged, judged real, flagged now, flagged now and real, other sentences, of a real pair
        counts[0] += 1
        counts[1] += bool(r["real"])
        counts[2] += flagged
        counts[3] += flagged and bool(r["real"])
        counts[4] += other
        counts[5] += other and bool(r["real"])
    for kind, c in sorted(tally.items()):
        print(f"{kind}: " + _judged_line(*c))
    print("all: " + _judged_line(*(sum(c[i] for c in tally.values()) for i in range(6))))


def _judged_line(n: int, real: int, now: int, now_real: int, other: int, other_real: int) -> str:
    return (
        f"{n} judged, {real} real; flagged now {now}, {now_real} real"
        + (f" (precision {now_real / now:.2f})" if now else "")
        + (f"; {other} more flagged through other sentences of the same two articles ({other_real} of them judged real pairs)" if other else "")
    )


if __name__ == "__main__":
    main()
