"""A page's analysis does not depend on the process's string hash seed (PYTHONHASHSEED): every
worker of a run, and every run, reads the same names with the same types. Two builds of the same
15,000 egypt2013 pages once differed in 21 mentions because ties were broken in a set's order:
which of a repeated name's types wins (nlp/consistency.spread_names), and which reading of a
word with a clitic gives it its vector (nlp/features.clitic_readings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import SHARED

EGYPT = SHARED / "data" / "news" / "egypt2013" / "articles.jsonl"
# An egypt2013 article whose mentions turned with the seed (seeds 0, 3 and 4 against the others)
ARTICLE = "4e69f796-089e-4372-9024-cdb07426c53d"
SEEDS = (0, 1, 3)

_SCRIPT = """
import json, sys
from marsad.context import Context
from marsad.pipeline import annotate_text
ctx = Context.load()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["id"] == sys.argv[2]:
        a = annotate_text(r["text"], r["datetime"], ctx)
        print(json.dumps([(m.start, m.end, m.type, m.text) for m in a.mentions], ensure_ascii=False))
"""


def test_the_mentions_of_a_real_article_are_the_same_under_any_hash_seed() -> None:
    if not EGYPT.exists():
        pytest.skip(f"needs {EGYPT} (../shared beside the repo); not found")
    found = []
    for seed in SEEDS:
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run([sys.executable, "-c", _SCRIPT, str(EGYPT), ARTICLE], env=env, capture_output=True, text=True, check=True)
        found.append(json.loads(done.stdout))
    assert found[0], "the article was not found or has no mentions"
    assert all(f == found[0] for f in found[1:])
