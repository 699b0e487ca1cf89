"""marsad's whole run against trafilatura's CLI on the same realistic pages, side by side.

Pages: N distinct egypt2013 articles (../shared/data/news) poured into the real page templates of
../shared/corpus/real-html (CNN Arabic, LBCI), so every page carries a real site's furniture
(menus, related links, scripts, footers) around a real article: the template's headline, title
and description are replaced, and its article paragraphs give way to the article's. The pages
are written to `--work` (build/versus by default; never committed).

Then, alternately and `--rounds` times, each on all cores:
- `marsad analyze PAGES --out OUT` (a fresh store each time: pages, articles, entities, stories,
  dossiers, export and report), and
- `trafilatura --input-dir PAGES --output-dir OUT --parallel CORES` (text only),
and prints both times, their ratio and each one's peak memory (the largest process).

Then (`--profile-pages`, 200 by default, 0 to skip) where marsad's time goes: the first pages
analysed in this process on one core, stage by stage (milliseconds per page), then stored, the
cross-document stages run and exported, each timed.

    .venv/bin/python bench/versus_trafilatura.py --pages 2000 [--rounds 2] [--profile-pages 200]

Run it on an idle machine: both sides use every core.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from lxml import html as lhtml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EGYPT = SHARED / "data" / "news" / "egypt2013" / "articles.jsonl"
TEMPLATES = [SHARED / "corpus" / "real-html" / "cnn-arabic.html", SHARED / "corpus" / "real-html" / "lbc.html"]


def _body_container(doc: lhtml.HtmlElement) -> lhtml.HtmlElement:
    """The element whose direct <p> children hold the most text: the template's article body."""
    best, best_len = None, 0
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        n = sum(len(p.text_content()) for p in el if isinstance(p.tag, str) and p.tag == "p")
        if n > best_len:
            best, best_len = el, n
    if best is None:  # a site that writes its body as text and <br> in a <div> (LBCI)
        best = max((el for el in doc.iter() if isinstance(el.tag, str)), key=lambda el: len(el.text or "") + sum(len(c.tail or "") for c in el))
    return best


def pour(template: lhtml.HtmlElement, headline: str, text: str) -> str:
    doc = copy.deepcopy(template)
    body = _body_container(doc)
    paragraphs = [p for p in body if isinstance(p.tag, str) and p.tag == "p"]
    index = body.index(paragraphs[0]) if paragraphs else 0
    for p in paragraphs:
        body.remove(p)
    if not paragraphs:  # text and <br>: the body's own text goes
        body.text = None
        for child in list(body):
            if child.tag == "br":
                body.remove(child)
            else:
                child.tail = None
    for k, para in enumerate(x for x in text.split("\n") if x.strip()):
        el = lhtml.Element("p")
        el.text = para
        body.insert(index + k, el)
    for h in doc.iter("h1"):
        h.text = headline
        for child in list(h):
            h.remove(child)
    for t in doc.iter("title"):
        t.text = headline
    for m in doc.iter("meta"):
        if m.get("property") in ("og:title", "twitter:title") or m.get("name") in ("title", "twitter:title"):
            m.set("content", headline)
        if m.get("property") == "og:description" or m.get("name") in ("description", "twitter:description"):
            m.set("content", text[:150])
    out: str = lhtml.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>")
    return out


def make_pages(n: int, folder: Path) -> None:
    if not EGYPT.exists():
        sys.exit(f"{EGYPT} is missing (../shared beside the repo)")
    templates = [lhtml.fromstring(p.read_bytes()) for p in TEMPLATES]
    folder.mkdir(parents=True, exist_ok=True)
    with EGYPT.open(encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k == n:
                break
            r = json.loads(line)
            page = pour(templates[k % len(templates)], r["headline"], r["text"])
            (folder / f"{k:05d}.html").write_text(page, encoding="utf-8")
    made = len(list(folder.glob("*.html")))
    if made < n:
        print(f"only {made} articles in {EGYPT}: {made} pages")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak resident memory (MB) of the largest process the command ran."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def stage_profile(pages_dir: Path, n: int) -> None:
    """Milliseconds per page of each stage, the first `n` pages in this process on one core."""
    from marsad.context import Context, Settings
    from marsad.engine.cross import update_entities, update_stories
    from marsad.export import write_articles_jsonl, write_entities_json, write_stories_json
    from marsad.ingest.errors import InputProblem
    from marsad.ingest.readers import read_file
    from marsad.pipeline import ARTICLE_STAGES, PIPELINE_VERSION, page_to_articles
    from marsad.report.html import write_report
    from marsad.store import open_store

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    spent: dict[str, float] = defaultdict(float)

    def clock(name: str, start: float) -> float:
        now = time.perf_counter()
        spent[name] += now - start
        return now

    t = time.perf_counter()
    ctx = Context.load(Settings(workers=1, progress=False))
    ctx.tagger.model()
    t = clock("startup (context and tagger load, once per process)", t)
    files = sorted(pages_dir.glob("*.html"))[:n]
    done = []
    for path in files:
        for page in read_file(str(path), ctx.settings):
            if isinstance(page, InputProblem):
                sys.exit(f"bench page unreadable: {page}")
            t = clock("read and decode", t)
            articles = page_to_articles(page, ctx)
            t = clock("page_to_articles (HTML, lines, boilerplate, segments)", t)
            for stage in ARTICLE_STAGES:
                articles = [stage(a, ctx) for a in articles]
                t = clock(stage.__name__, t)
            for a in articles:
                a.blocks = []
            done.append((page, articles))
    with tempfile.TemporaryDirectory() as tmp, open_store(os.path.join(tmp, "p.db")) as store:
        t = time.perf_counter()
        run_id = store.start_run([str(pages_dir)])
        store.begin()
        for seq, (page, articles) in enumerate(done):
            store.save_page(page, articles, PIPELINE_VERSION)
            store.add_run_page(run_id, seq, page)
        store.commit()
        t = clock("store (save pages)", t)
        touched = update_entities(store, ctx.registry)
        t = clock("entities (resolution across the store)", t)
        update_stories(store, ctx.tagger.vocabulary(), touched=touched)
        t = clock("stories (vectors, placement, dossiers)", t)
        write_articles_jsonl(store, run_id, os.path.join(tmp, "a.jsonl"))
        write_entities_json(store, run_id, os.path.join(tmp, "e.json"))
        write_stories_json(store, run_id, os.path.join(tmp, "s.json"))
        write_report(store, run_id, os.path.join(tmp, "r.html"), {"run_id": run_id})
        clock("export and report", t)
    startup = next(iter(spent))
    per_page = {k: v for k, v in spent.items() if k != startup}
    total = sum(per_page.values())
    print(f"per-stage profile, {len(done)} pages in one process on one core ({spent[startup]:.2f} s {startup}):")
    for name, seconds in per_page.items():
        print(f"  {name:58s} {1000 * seconds / len(done):7.1f} ms/page  {100 * seconds / total:5.1f}%")
    print(f"  {'total':58s} {1000 * total / len(done):7.1f} ms/page")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--work", default="build/versus")
    ap.add_argument("--profile-pages", type=int, default=200, help="pages in the per-stage profile (0: none)")
    args = ap.parse_args()
    work = Path(args.work)
    pages = work / f"pages-{args.pages}"
    if not pages.exists():
        make_pages(args.pages, pages)
    cores = os.cpu_count() or 1
    bin_dir = Path(sys.executable).parent
    results: dict[str, list[tuple[float, float]]] = {"marsad": [], "trafilatura": []}
    for r in range(args.rounds):
        for name in ("marsad", "trafilatura"):
            out = work / f"out-{name}"
            shutil.rmtree(out, ignore_errors=True)
            if name == "marsad":
                cmd = [str(bin_dir / "marsad"), "analyze", str(pages), "--out", str(out), "--no-progress", "--workers", str(cores)]
            else:
                cmd = [str(bin_dir / "trafilatura"), "--input-dir", str(pages), "--output-dir", str(out), "--parallel", str(cores)]
            seconds, peak = timed(cmd)
            results[name].append((seconds, peak))
            print(f"round {r + 1}: {name} {seconds:.1f} s, peak {peak:.0f} MB", flush=True)
    m = [s for s, _ in results["marsad"]]
    t = [s for s, _ in results["trafilatura"]]
    print(f"{args.pages} pages, {cores} cores: marsad {min(m):.1f}-{max(m):.1f} s, trafilatura {min(t):.1f}-{max(t):.1f} s")
    print(f"ratio marsad / trafilatura per round: {', '.join(f'{a / b:.2f}' for a, b in zip(m, t, strict=True))}")
    print(f"peak memory: marsad {max(p for _, p in results['marsad']):.0f} MB, trafilatura {max(p for _, p in results['trafilatura']):.0f} MB")
    if args.profile_pages:
        stage_profile(pages, args.profile_pages)


if __name__ == "__main__":
    main()
