"""A story's members depend on its own articles: the sample corpus gives the same stories alone
and mixed with hundreds of unrelated real articles (egypt2013: another country, another year),
whatever order the inputs come in."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from marsad.cli import main
from tests.conftest import SAMPLE_CORPUS, SHARED

EGYPT = SHARED / "data" / "news" / "egypt2013" / "articles.jsonl"
UNRELATED = 300

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def _egypt_pages(path: Path, dated: bool) -> Path:
    """The first UNRELATED egypt2013 articles as pages a scraper would keep: headline and text,
    with the publication time the collection records in the page's metadata when `dated` (an
    undated text dump otherwise: undated articles are the ones compared with every story)."""
    if not EGYPT.exists():
        pytest.skip(f"needs {EGYPT} (../shared beside the repo); not found")
    lines = []
    with EGYPT.open(encoding="utf-8") as f:
        for line, _ in zip(f, range(UNRELATED), strict=False):
            r = json.loads(line)
            url = f"https://example.org/{r['outlet']}/{r['id']}"
            if not dated:
                lines.append(json.dumps({"url": url, "text": f"{r['headline']}\n{r['text']}"}, ensure_ascii=False))
                continue
            body = "".join(f"<p>{html.escape(p)}</p>" for p in r["text"].split("\n") if p.strip())
            page = (
                f'<html><head><meta property="article:published_time" content="{r["datetime"].replace(" ", "T")}">'
                f"<title>{html.escape(r['headline'])}</title></head><body><h1>{html.escape(r['headline'])}</h1>{body}</body></html>"
            )
            lines.append(json.dumps({"url": url, "html": page}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _stories(out: Path) -> dict[str, frozenset[str]]:
    """article -> the set of articles of its story."""
    stories = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    return {a: frozenset(s["articles"]) for s in stories for a in s["articles"]}


def _run(tmp_path: Path, name: str, inputs: list[Path]) -> dict[str, frozenset[str]]:
    out = tmp_path / name
    assert main(["analyze", *map(str, inputs), "--out", str(out), "--no-progress", "--workers", "2"]) == 0
    return _stories(out)


@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_sample_stories_do_not_change_when_unrelated_articles_arrive(tmp_path: Path, dated: bool) -> None:
    unrelated = _egypt_pages(tmp_path / "egypt2013.jsonl", dated)
    alone = _run(tmp_path, "alone", [SAMPLE_CORPUS])
    mixed = _run(tmp_path, "mixed", [SAMPLE_CORPUS, unrelated])
    reversed_order = _run(tmp_path, "reversed", [unrelated, SAMPLE_CORPUS])
    assert alone, "the sample corpus gave no story"
    for article, members in alone.items():
        assert mixed[article] == members, f"{article}: its story changed when unrelated articles arrived"
    # The same input in another order gives the same stories, for every article.
    assert mixed == reversed_order
