"""Scale figures (issue 14): how marsad's engines and cross-document stages grow with the data.

    .venv/bin/python bench/scale.py collection [PATH] [--engine local|dask|both]   # (a)
    .venv/bin/python bench/scale.py assign [--articles 1000000]                   # (b) target: < 10 min, < 4 GB
    .venv/bin/python bench/scale.py efficiency [--pages 4000]                     # (c) target: >= 0.8
    .venv/bin/python bench/scale.py day [--store 1000000] [--day 5000] [--db URL] # (d) target: < 2 min

(a) The 2013 Egyptian collection (about 150,000 real articles: fetch github:ibraaaa/news-credibility
    and run ../shared/data/news/build_egypt2013.sh; PATH is its .jsonl or .jsonl.gz, by default the
    smaller ../shared/data/news/egypt2013/articles.jsonl) written as JSONL pages and analysed by
    `marsad analyze` with each engine: pages per second and the peak memory of the process tree.
(b) Story assignment (stories/build.assign, the ordered part of clustering) of generated articles:
    events of a few days, each told by several outlets in words drawn from the event's and from a
    shared vocabulary, naming the event's entities, some near-copies. Vectors are generated (they
    are computed once per article at ingest, on the workers); seconds and the process's peak memory.
(c) The Dask engine on a generated corpus (bench/throughput.generate) with one worker, then two:
    efficiency = time(1) / (2 × time(2)).
(d) A store of generated articles (names and words drawn as in (b); no tagging: the articles are
    made, not analysed) built through the engine's run loop (engine/local.run_with), then one day
    of new articles added as one run: the seconds of that run (storing, entity resolution, story
    placement, dossiers) and its peak memory.

Prints its figures; never run it on a machine other work shares (the figures would be noise)."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from marsad.article import Article, Mention, Page
from marsad.context import Context, Settings
from marsad.engine.local import in_order, run_with
from marsad.store import open_store
from marsad.store.base import Store
from marsad.stories.build import StoryArticle, assign
from marsad.stories.cluster import PERMUTATIONS
from throughput import MARSAD, generate, run_measured  # bench/ is on the path when a bench script runs

ROOT = Path(__file__).resolve().parent.parent
EGYPT2013 = ROOT.parent / "shared" / "data" / "news" / "egypt2013" / "articles.jsonl"
LETTERS = [chr(c) for c in range(0x0628, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]  # ba .. ghain, fa .. ya
OUTLETS = [f"outlet {i}" for i in range(40)]
START = date(2024, 1, 1)


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class World:
    """A generated news world: a vocabulary, people, and events that outlets report."""

    def __init__(self, seed: int = 14, words: int = 50_000, people: int = 20_000) -> None:
        rng = random.Random(seed)
        self.words = sorted({self._word(rng, 3, 7) for _ in range(words)})
        firsts = [self._word(rng, 3, 5) for _ in range(people // 20)]
        self.people = sorted({f"{rng.choice(firsts)} {self._word(rng, 4, 7)}" for _ in range(people)})
        self.seed = seed

    @staticmethod
    def _word(rng: random.Random, lo: int, hi: int) -> str:
        return "".join(rng.choice(LETTERS) for _ in range(rng.randint(lo, hi)))

    def event(self, e: int) -> tuple[date, list[str], list[str]]:
        """Event e: its first day, its own words and its people."""
        rng = random.Random(self.seed * 1_000_003 + e)
        return START + timedelta(days=e // 300), rng.sample(self.words, 30), rng.sample(self.people, 3)

    def article(self, i: int, events: int, first_event: int = 0) -> tuple[int, date, str, list[str]]:
        """Article i: (its event, day, text, people named), on an event from first_event to
        events - 1. Events are told over a few days."""
        rng = random.Random(self.seed * 7_919 + i)
        e = rng.randrange(first_event, events)
        first, own, people = self.event(e)
        day = first + timedelta(days=rng.randint(0, 3))
        sentences = []
        for k in range(6):
            words = rng.sample(own, 6) + rng.sample(self.words, 4)
            rng.shuffle(words)
            name = people[k % len(people)] if k < 3 else people[k % len(people)].split()[-1]
            sentences.append(f"{' '.join(words[:5])} {name} {' '.join(words[5:])}.")
        return e, day, " ".join(sentences), list(people)


def story_articles(world: World, n: int) -> list[StoryArticle]:
    """n articles as assignment sees them (vectors generated; one in ten a near-copy of the one before)."""
    events = max(1, n // 8)
    rng = np.random.default_rng(world.seed)
    out: list[StoryArticle] = []
    for i in range(n):
        _, day, text, people = world.article(i, events)
        if i % 10 == 9 and out:  # a near-copy: the article before, syndicated
            words, counts, signature = out[-1].words, out[-1].counts, out[-1].signature
        else:
            terms = Counter(sys.intern(w) for w in text.replace(".", " ").split() if len(w) >= 3)  # interned, as the store reads them
            words, counts = tuple(terms), tuple(terms.values())
            signature = rng.integers(0, 1 << 61, PERMUTATIONS, dtype=np.uint64)
        entities = tuple(sys.intern(f"e-{p}") for p in people)
        out.append(StoryArticle(f"a{i:08d}", words, counts, signature, OUTLETS[i % len(OUTLETS)], sys.intern(day.isoformat()), entities, False))
    return out


def bench_assign(args: argparse.Namespace) -> None:
    world = World()
    articles = story_articles(world, args.articles)
    print(f"(b) {len(articles)} generated articles, peak memory so far {peak_mb():.0f} MB")
    start = time.perf_counter()
    result = assign(articles, {})
    # The sums a run keeps, made one at a time as the store writes them (engine/cross.py).
    kept = sum(len(text) for _, text in result.sums.values())
    elapsed = time.perf_counter() - start
    stories = len({s for s, _ in result.members.values()})
    print(f"(b) assignment: {elapsed:.1f} s, {stories} stories ({len(result.sums)} with sums kept, {kept / 1e6:.0f} MB of text), "
          f"peak memory {peak_mb():.0f} MB (target: < 600 s, < 4096 MB)")


def _generated_run(store: Store, world: World, first: int, n: int, events_of: Callable[[int], range], ctx: Context) -> float:
    """Add articles first..first+n-1 (article i on an event of events_of(i)) to the store as one
    run of the engine's loop; seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        with pages.open("w", encoding="utf-8") as f:
            for i in range(first, first + n):
                events = events_of(i)
                f.write(json.dumps({"url": f"https://bench.invalid/{i}", "text": world.article(i, events.stop, events.start)[2]}, ensure_ascii=False) + "\n")

        def analyse(todo: list[Page]) -> list[list[Article] | str]:
            return [[_made_article(world, p, events_of)] for p in todo]

        start = time.perf_counter()
        run_with([str(pages)], store, ctx.settings, ctx, in_order(analyse))
        return time.perf_counter() - start


def _made_article(world: World, page: Page, events_of: Callable[[int], range]) -> Article:
    """The article a page of _generated_run stands for: its text, date, outlet and names."""
    i = int((page.url or "").rsplit("/", 1)[1])
    events = events_of(i)
    _, day, text, people = world.article(i, events.stop, events.start)
    mentions = []
    for name in people + [p.split()[-1] for p in people]:
        at = text.find(f" {name} ")
        if at >= 0:
            mentions.append(Mention(name, "PER", at + 1, at + 1 + len(name), name))
    mentions.sort(key=lambda m: m.start)
    return Article(
        Article.make_id(page.page_id, 0),
        page.page_id,
        page.source,
        0,
        outlet=OUTLETS[i % len(OUTLETS)],
        headline=text.split(".")[0],
        published=day.isoformat(),
        language="ar",
        text=text,
        mentions=mentions,
    )


def _archived_event(i: int) -> range:
    """The events stored article i may tell: i/8 and the 150 before it (half a day's). With a store
    of a multiple of 8 articles, none tells a day's new event (the first is store/8)."""
    return range(max(0, i // 8 - 150), i // 8 + 1)


def bench_day(args: argparse.Namespace) -> None:
    """The store's articles tell events 0 .. store/8 (300 a day, each over four days) in the order
    an archive grows: article i tells one of the events from i/8 - 150 to i/8, so a run of the build
    reaches the stories of its own weeks, as a day's run does. The day's articles are on the next
    day's new events, and one in five follows an event of the store's last three days. --db keeps
    the store (a file or a postgresql:// URL): a later call with the same --db builds only what is
    missing (--build-only stops there)."""
    world = World()
    ctx = Context.load(Settings(workers=1, progress=False))
    stored_events = max(1, args.store // 8)
    with tempfile.TemporaryDirectory() as tmp, open_store(args.db or str(Path(tmp) / "scale.db")) as store:
        have = store.count_articles()
        built = sum(
            _generated_run(store, world, i, min(args.batch, args.store - i), _archived_event, ctx) for i in range(have, args.store, args.batch)
        )
        print(f"(d) store of {store.count_articles()} generated articles ({have} already there) built in {built:.0f} s")
        if args.build_only:
            return
        before = peak_mb()
        follow = args.day // 5
        recent = range(max(0, stored_events - 3 * 300), stored_events)
        new_events = range(stored_events, stored_events + max(1, args.day // 8))
        elapsed = _generated_run(store, world, args.store, args.day, lambda i: recent if i < args.store + follow else new_events, ctx)
        print(f"(d) one day of {args.day} new articles ({follow} following recent events): {elapsed:.1f} s (target: < 120 s), peak memory {max(before, peak_mb()):.0f} MB")


def bench_efficiency(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        generate(args.pages, corpus)
        times = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            cmd = [str(MARSAD), "analyze", str(corpus), "--out", str(out), "--no-progress", "--engine", "dask", "--workers", str(workers)]
            times[workers], peak, code = run_measured(cmd)
            print(f"(c) dask, {workers} worker(s): {args.pages / times[workers]:.1f} pages/s, peak memory {peak:.0f} MB, exit {code}")
        print(f"(c) efficiency with 2 workers against 1: {times[1] / (2 * times[2]):.2f} (target: >= 0.8)")


def bench_collection(args: argparse.Namespace) -> None:
    source = Path(args.path)
    if not source.is_file():
        print(f"(a) {source} not found: build it with ../shared/data/news/build_egypt2013.sh (see the docstring)")
        return
    opener = gzip.open if source.suffix == ".gz" else open
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        n = 0
        with opener(source, "rt", encoding="utf-8") as f, pages.open("w", encoding="utf-8") as out:
            for line in islice(f, args.limit):
                a = json.loads(line)
                page = {
                    "url": f"https://egypt2013.invalid/{a['outlet']}/{a['id']}",
                    "text": f"{a['headline']}\n\n{a['text']}",
                    "outlet": a["outlet"],
                    "fetched_at": a["datetime"],
                    "published": a["datetime"],  # the feed's time (the pages state no date)
                }
                out.write(json.dumps(page, ensure_ascii=False) + "\n")
                n += 1
        for engine in ("local", "dask") if args.engine == "both" else (args.engine,):
            cmd = [str(MARSAD), "analyze", str(pages), "--out", str(Path(tmp) / engine), "--no-progress", "--engine", engine]
            log = Path(tmp) / f"{engine}.log"
            elapsed, peak, code = run_measured(cmd, log)
            print(f"(a) {n} articles, --engine {engine}: {n / elapsed:.1f} pages/s ({elapsed:.0f} s), peak memory {peak:.0f} MB, exit {code}")
            # The run's own summary: counts, and the pages it could not analyse (exit 1 says there were some).
            lines = log.read_text(encoding="utf-8").splitlines()
            errors = [line for line in lines if line.startswith("error:")]
            print(f"    {lines[0] if lines else '(no summary)'}; {len(errors)} errors", *errors[:20], sep="\n    ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("collection")
    a.add_argument("path", nargs="?", default=str(EGYPT2013))
    a.add_argument("--engine", choices=("local", "dask", "both"), default="both")
    a.add_argument("--limit", type=int, help="only the first LIMIT articles (a quick check that the script works)")
    b = sub.add_parser("assign")
    b.add_argument("--articles", type=int, default=1_000_000)
    c = sub.add_parser("efficiency")
    c.add_argument("--pages", type=int, default=4_000)
    d = sub.add_parser("day")
    d.add_argument("--store", type=int, default=1_000_000)
    d.add_argument("--day", type=int, default=5_000)
    d.add_argument("--batch", type=int, default=50_000, help="articles per run while building the store")
    d.add_argument("--db", help="a SQLite file or a postgresql:// URL, kept (default: a SQLite file in a temporary folder)")
    d.add_argument("--build-only", action="store_true", help="build (or complete) the store in --db and stop")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today()}")
    {"collection": bench_collection, "assign": bench_assign, "efficiency": bench_efficiency, "day": bench_day}[args.what](args)


if __name__ == "__main__":
    main()
