"""Fuzz the readers and the pipeline longer than the test suite does, and print how many inputs
were tried and how many failed.

Each input is a hostile file made from a seed (tests/reliability/hostile.py: demo pages cut,
spliced with control characters, bidi overrides, quote marks, markers, deep nesting and bad
bytes, in every input format and encoding, and raw random bytes), read by marsad's readers;
every `--analyse-every`-th input that yields pages also goes through the whole pipeline (the
tagger makes that 10-20 times dearer than reading). A failure is an exception anywhere, or a
problem message that is not one bounded line; each is written with its seed and traceback to
`--failures`, and the same seed remakes the same input.

    .venv/bin/python bench/fuzz.py [--inputs 100000] [--analyse-every 10] [--workers N] [--start 0]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.hostile import check_input, hostile_input  # noqa: E402

from marsad.context import Context, Settings  # noqa: E402

_ctx: Context | None = None
_dir: str | None = None


def _init() -> None:
    global _ctx, _dir
    _ctx = Context.load(Settings(workers=1, progress=False))
    _dir = tempfile.mkdtemp(prefix="marsad-fuzz-")


def _one(job: tuple[int, bool]) -> tuple[int, str | None]:
    seed, analyse = job
    assert _ctx is not None and _dir is not None
    if seed % 7 == 6:  # raw random bytes in a random format, as well as mutated pages
        rng = random.Random(seed)
        suffix = rng.choice([".txt", ".html", ".jsonl", ".warc", ".warc.gz"])
        data = rng.randbytes(rng.randrange(0, 5000))
    else:
        suffix, data = hostile_input(seed)
    path = Path(_dir) / f"input{suffix}"
    path.write_bytes(data)
    return seed, check_input(path, _ctx, analyse=analyse)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--analyse-every", type=int, default=10)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--start", type=int, default=0, help="first seed")
    ap.add_argument("--failures", default="fuzz-failures.txt")
    args = ap.parse_args()
    jobs = [(s, (s - args.start) % args.analyse_every == 0) for s in range(args.start, args.start + args.inputs)]
    started = time.perf_counter()
    failures: list[tuple[int, str]] = []
    done = 0
    with mp.get_context("forkserver").Pool(args.workers, initializer=_init) as pool:
        for seed, failure in pool.imap_unordered(_one, jobs, chunksize=50):
            done += 1
            if failure is not None:
                failures.append((seed, failure))
            if done % 10_000 == 0:
                print(f"  {done:,} inputs, {len(failures)} failures, {time.perf_counter() - started:.0f} s", flush=True)
    elapsed = time.perf_counter() - started
    if failures:
        with open(args.failures, "w", encoding="utf-8") as f:
            for seed, failure in sorted(failures):
                f.write(f"--- seed {seed}\n{failure}\n")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today().isoformat()}")
    print(f"inputs tried: {len(jobs):,} (seeds {args.start}..{args.start + args.inputs - 1}); through the whole pipeline: {sum(a for _, a in jobs):,}")
    print(f"failures: {len(failures)}" + (f" (written to {args.failures})" if failures else ""))
    print(f"time: {elapsed:.0f} s ({len(jobs) / elapsed:.0f} inputs/s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
