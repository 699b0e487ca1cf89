"""The engine loop keeps two windows in flight (the next analysed while this one is written):
whatever the window size, every page is stored once, a page repeated in the next window (analysed
again before its first copy was written) is counted as reused, and the store holds what one
window at a time gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.article import Article, Page
from marsad.context import Context
from marsad.engine.local import _analyze_safely, in_order, run_with
from marsad.store import open_store

from ..conftest import DEMO_CORPUS


def _pages_file(tmp_path: Path) -> Path:
    """The demo's JSONL pages, made distinct, with page 3 repeated right after itself and page 0
    again at the end (windows of 2: the same window, the next one, and far apart)."""
    pages = [json.loads(line) for line in (DEMO_CORPUS / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [{**pages[i % len(pages)], "url": f"{pages[i % len(pages)]['url']}?n={i}"} for i in range(6)]
    rows = [rows[0], rows[1], rows[2], rows[3], rows[3], rows[4], rows[5], rows[0]]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("window", [1, 2, 3, 100])
def test_every_page_stored_once_whatever_the_window(tmp_path: Path, window: int) -> None:
    ctx = Context.load()
    analysed: list[str] = []

    def analyse(todo: list[Page]) -> list[list[Article] | str]:
        analysed.extend(p.page_id for p in todo)
        return [_analyze_safely(p, ctx) for p in todo]

    with open_store(str(tmp_path / "m.db")) as store:
        summary = run_with([str(_pages_file(tmp_path))], store, ctx.settings, ctx, in_order(analyse), window=window)
        stored = [r[0] for r in store.execute("SELECT id FROM pages").fetchall()]
        run_pages = store.execute("SELECT COUNT(*) FROM run_pages").fetchone()[0]
    assert summary.pages == 8 and run_pages == 8
    assert len(stored) == len(set(stored)) == 6
    assert summary.pages_analysed == 6 and summary.pages_reused == 2
    assert set(analysed) == set(stored)
