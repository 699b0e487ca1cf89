"""Cross-document stage run after each analysis: place the store's articles that have no story
yet into stories (existing members stay where they are), then rebuild the dossier of every story
that changed."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from marsad.store.sqlite import Store
from marsad.stories.cluster import Clusterer, Doc, idf_of, make_doc
from marsad.stories.dates import InferredDate, infer_published
from marsad.stories.dossier import build_dossier

KNOWN_RANGE_DAYS = 10


def _day(record: dict[str, Any]) -> date | None:
    p = record.get("published")
    return date.fromisoformat(p[:10]) if p else None


def _doc(record: dict[str, Any]) -> Doc:
    entities = [e["entity_id"] for e in record.get("entities", []) if e.get("entity_id")]
    return make_doc(record["id"], record.get("outlet"), _day(record), record["text"], record.get("headline"), entities, bool(record.get("appended_to")))


def update_stories(store: Store) -> int:
    """Returns the number of stories rebuilt."""
    records = {r["id"]: r for r in store.iter_all_records() if r.get("text")}
    docs = {i: _doc(r) for i, r in records.items()}
    idf = idf_of(docs.values())
    assigned = store.story_assignments()
    clusterer = Clusterer(idf)
    members: dict[str, list[str]] = defaultdict(list)
    copies: dict[str, str] = {}
    for article_id, (story_id, copy_of) in assigned.items():
        if article_id in docs:
            members[story_id].append(article_id)
            if copy_of:
                copies[article_id] = copy_of
    for story_id, ids in sorted(members.items()):
        clusterer.restore(story_id, [docs[i] for i in ids])
    changed: set[str] = set()
    new = sorted((d for i, d in docs.items() if i not in assigned), key=lambda d: (d.day or date.max, d.id))
    for doc in new:
        story_id = clusterer.place(doc)
        members[story_id].append(doc.id)
        if doc.copy_of:
            copies[doc.id] = doc.copy_of
        changed.add(story_id)
    dossiers = []
    for story_id in sorted(changed):
        recs = [records[i] for i in members[story_id]]
        story_copies = {a: b for a, b in copies.items() if a in members[story_id]}
        dossiers.append(build_dossier(story_id, recs, story_copies, _inferred(recs), idf))
    store.save_stories(dossiers, {d.id: (s, d.copy_of) for s in changed for d in (docs[i] for i in members[s])})
    return len(dossiers)


def _inferred(records: list[dict[str, Any]]) -> list[InferredDate]:
    """Publication dates implied for undated articles by what the dated ones say."""
    known: set[date] = set()
    for r in records:
        if r.get("published"):
            own = date.fromisoformat(r["published"][:10])
            known.add(own)
            # Days the article names near its own date (not a date in its background paragraph).
            for t in r.get("times", []):
                if t.get("value") and len(t["value"]) == 10 and abs((date.fromisoformat(t["value"]) - own).days) <= KNOWN_RANGE_DAYS:
                    known.add(date.fromisoformat(t["value"]))
    out = []
    for r in records:
        if not r.get("published") and (found := infer_published(r["id"], r["text"], known)):
            out.append(found)
    return out
