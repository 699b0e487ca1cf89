"""Three ways to analyse one corpus — SQLite with the local engine, PostgreSQL with the local
engine, SQLite with the Dask engine — give the same export: the same articles, entities and
stories (so the same story memberships), byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import main

from ..conftest import DEMO_CORPUS, DEMO_REGISTRY, SAMPLE_CORPUS

EXPORTS = ("articles.jsonl", "entities.json", "stories.json")


def _analyse(corpus: Path, out: Path, *extra: str) -> dict[str, str]:
    registry = ["--registry", str(DEMO_REGISTRY)] if corpus == DEMO_CORPUS else []
    assert main(["analyze", str(corpus), *registry, "--out", str(out), "--no-progress", "--workers", "2", *extra]) == 0
    return {name: (out / name).read_text(encoding="utf-8") for name in EXPORTS}


def _memberships(stories_json: str) -> list[list[str]]:
    return sorted(sorted(s["articles"]) for s in json.loads(stories_json))


CORPORA = [pytest.param(SAMPLE_CORPUS, marks=pytest.mark.shared, id="summit-2023"), pytest.param(DEMO_CORPUS, id="demo")]


@pytest.mark.parametrize("corpus", CORPORA)
def test_sqlite_with_dask_exports_what_sqlite_local_does(corpus: Path, tmp_path: Path) -> None:
    local = _analyse(corpus, tmp_path / "local")
    dask = _analyse(corpus, tmp_path / "dask", "--engine", "dask")
    assert _memberships(dask["stories.json"]) == _memberships(local["stories.json"])
    assert dask == local


@pytest.mark.parametrize("corpus", CORPORA)
def test_postgres_local_exports_what_sqlite_local_does(corpus: Path, tmp_path: Path, pg_url: str) -> None:
    local = _analyse(corpus, tmp_path / "local")
    pg = _analyse(corpus, tmp_path / "pg", "--db", pg_url)
    assert _memberships(pg["stories.json"]) == _memberships(local["stories.json"])
    assert pg == local


def test_postgres_reruns_add_only_new_pages(tmp_path: Path, pg_url: str) -> None:
    """A second run over the same corpus reuses every page and leaves the export unchanged."""
    first = _analyse(DEMO_CORPUS, tmp_path / "one", "--db", pg_url)
    again = _analyse(DEMO_CORPUS, tmp_path / "two", "--db", pg_url)
    assert again == first
    assert json.loads((tmp_path / "two" / "run.json").read_text(encoding="utf-8"))["pages_analysed"] == 0


@pytest.mark.parametrize("corpus", CORPORA)
def test_dossiers_rebuilt_in_small_batches_export_the_same(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dossiers are rebuilt a batch of stories at a time (bounded memory): the batch size changes
    nothing in what is stored."""
    whole = _analyse(corpus, tmp_path / "whole")
    monkeypatch.setattr("marsad.engine.cross.DOSSIER_BATCH_ARTICLES", 1)
    batched = _analyse(corpus, tmp_path / "batched")
    assert batched == whole
