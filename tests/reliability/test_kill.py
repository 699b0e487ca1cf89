"""kill -9 at several moments of a run, then a re-run: the output is the clean run's output, with
nothing lost and nothing twice (the store commits whole windows; the store-wide stages are
idempotent)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import DEMO_CORPUS, DEMO_REGISTRY


def _args(out: Path) -> list[str]:
    return [sys.executable, "-m", "marsad.cli", "analyze", str(DEMO_CORPUS), "--registry", str(DEMO_REGISTRY), "--out", str(out), "--workers", "2"]


def _outputs(out: Path) -> tuple[list[dict[str, object]], list[object]]:
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    stories = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    # Story ids are numbered in the order stories were made; membership is what must match.
    return articles, sorted(sorted(s["articles"]) for s in stories)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, object]], list[object]]:
    out = tmp_path_factory.mktemp("clean")
    subprocess.run(_args(out), check=True, capture_output=True, timeout=600)
    return _outputs(out)


@pytest.mark.parametrize("after_seconds", [0.8, 2.5, 5.0])
def test_kill_minus_nine_then_rerun_gives_the_clean_output(tmp_path: Path, clean: tuple[list[dict[str, object]], list[object]], after_seconds: float) -> None:
    out = tmp_path / "out"
    p = subprocess.Popen(_args(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(after_seconds)
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGKILL)  # the run and its workers, with no chance to clean up
    p.wait(timeout=60)
    rerun = subprocess.run(_args(out), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    articles, stories = _outputs(out)
    clean_articles, clean_stories = clean
    assert [a["id"] for a in articles] == [a["id"] for a in clean_articles]
    assert articles == clean_articles
    assert stories == clean_stories
