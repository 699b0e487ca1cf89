"""The JSON export of a run: OUT/articles.jsonl, one article record per line (see
data/article.schema.json), OUT/entities.json, the entities the run's articles mention, and
OUT/stories.json, the stories they belong to."""

from __future__ import annotations

import json
import os
from typing import Any

from marsad.store.base import Store


def write_articles_jsonl(store: Store, run_id: int, path: str) -> int:
    """Write the run's articles (streamed from the store); returns how many. Atomic: a partial
    file never replaces a complete one."""
    tmp = path + ".tmp"
    n = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for rec in store.iter_run_records(run_id):
            f.write(json.dumps(rec.to_export(), ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def write_stories_json(store: Store, run_id: int, path: str) -> int:
    """Write the stories the run's articles belong to, with their dossiers."""
    return _write_json([d.to_json() for d in store.run_stories(run_id)], path)


def write_entities_json(store: Store, run_id: int, path: str) -> int:
    """Write the run's entities (id, name, type, variants with counts per outlet, articles)."""
    return _write_json([e.to_json() for e in store.run_entities(run_id)], path)


def _write_json(items: list[dict[str, Any]], path: str) -> int:
    """A JSON list, written atomically; returns its length."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False, indent=1)
    os.replace(tmp, path)
    return len(items)
