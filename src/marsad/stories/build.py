"""Cross-document stage run after each analysis: place the articles that have no story yet into
stories (existing members stay where they are), then rebuild the dossier of every story that
changed. Pure functions; the engine reads their inputs from the store and hands their results
back to it (engine/cross.py):

- `vectorise`: an article's story vector (content words, MinHash signature), computed once per
  article and kept in the store, so a run vectorises only its new articles;
- `assign(articles, candidate_stories)`: where each new article goes;
- `story_work`, `dossier_of`: the dossier of each story that changed, from its members' records
  (one story at a time, so an engine may build them on its workers)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from marsad.article import Article
from marsad.stories.cluster import Clusterer, Doc, StorySums, content_terms, minhash, near_copies, top_words
from marsad.stories.dates import InferredDate, infer_published
from marsad.stories.dossier import build_dossier_from
from marsad.stories.records import Dossier
from marsad.stories.weights import reference_weights, story_weights

KNOWN_RANGE_DAYS = 10
# A story's claim search is kept from this many members on: a smaller story is read again whole
# at little cost (a few tenths of a second at most), and keeping every story's made the store 42%
# larger on 1,500 egypt2013 articles, most of it for stories of one or two articles (most stories
# of an archive). Kept, compressed, from ten members on: 1.9% larger on 15,000 (2026-11-30).
KEEP_SEARCH_FROM = 10
# A story's sums (cluster.StorySums) are kept from this many members on: a story of one or two
# articles (most stories of an archive) is restored from their vectors at the same cost, and
# keeping every story's held them all in memory at once after a first run over an archive
# (15,000 egypt2013 articles: 19.6 MB of sums, 9.0 MB for the 923 stories of three or more).
KEEP_SUMS_FROM = 3


@dataclass(frozen=True, slots=True)
class StoryVector:
    """What clustering needs of an article's words, stored once per article."""

    article_id: str
    terms: Counter[str]
    signature: np.ndarray
    words: tuple[str, ...]  # its top words (cluster.top_words): the store's index of candidate stories


def vectorise(article_id: str, headline: str | None, text: str) -> StoryVector:
    terms = content_terms(f"{headline or ''}\n{text}")
    return StoryVector(article_id, terms, minhash(text), tuple(top_words(terms, reference_weights())))


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article as clustering sees it: its words and their counts (packed: an archive's million
    articles are held at once, so no dictionary each), signature, outlet, day and entities."""

    article_id: str
    words: tuple[str, ...]  # interned by whoever builds it: one copy of each word per archive
    counts: tuple[int, ...]
    signature: np.ndarray
    outlet: str | None
    published: str | None
    entities: tuple[str, ...]  # entity ids of its mentions, in text order
    appended: bool

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.published[:10]) if self.published else None

    def doc(self) -> Doc:
        return Doc(self.article_id, self.outlet, self.day, Counter(dict(zip(self.words, self.counts, strict=True))), Counter(self.entities), self.signature, appended=self.appended)


@dataclass(frozen=True, slots=True)
class Assignment:
    """The stories that changed, with all their members (in order), and where each member is."""

    changed: dict[str, list[str]]
    members: dict[str, tuple[str, str | None]]  # article -> (story, copy_of)
    copies: dict[str, str]  # article -> the article it is a near-copy of, over the changed stories
    idf: dict[str, float]
    # story -> (its members, its sums as StorySums.to_json) for the stories to keep sums of: those
    # of KEEP_SUMS_FROM members or more that changed or were restored from their members' vectors
    # (none kept, or kept for other members). Each made when read (KeptSums).
    sums: Mapping[str, tuple[list[str], str]] = field(default_factory=dict)


class KeptSums(Mapping[str, tuple[list[str], str]]):
    """story -> (its members, its sums as text), each text made from the clusterer when asked:
    a first run over an archive keeps sums for every story of a few members, and their texts held
    at once took a million generated articles' assignment from 2,951 MB to 4,173 MB
    (bench/scale.py assign); the store writes them one at a time."""

    def __init__(self, clusterer: Clusterer, members: dict[str, list[str]]) -> None:
        self._clusterer, self._members = clusterer, members

    def __getitem__(self, story_id: str) -> tuple[list[str], str]:
        return list(self._members[story_id]), self._clusterer.sums_of(story_id).to_json()

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)


def assign(
    articles: list[StoryArticle],
    candidate_stories: Mapping[str, tuple[str, str | None]],
    entity_names: Mapping[str, str] | None = None,
    sums: Mapping[str, StorySums] | None = None,
    signatures: Mapping[str, np.ndarray] | None = None,
) -> Assignment:
    """Place the articles that are in no story yet. `candidate_stories`: article -> (story,
    copy_of) for the articles already placed; new articles are placed oldest first.
    `entity_names`: entity id -> name, which weighs the entity. `sums`: story -> its kept sums
    (cluster.StorySums), for stories restored from them: their members need not be among
    `articles`, only their signatures in `signatures` (article -> MinHash signature), by which
    a new article is found to copy one of them. Inputs are not changed.

    Words and entities weigh what a fixed reference of Arabic says (stories/weights.py), not what
    the other stored articles say: a story's members do not change when unrelated articles
    arrive."""
    by_id = {a.article_id: a for a in articles}
    sums = sums or {}
    signed = {**(signatures or {}), **{a.article_id: a.signature for a in articles}}
    idf = story_weights(entity_names or {})
    clusterer = Clusterer(idf)
    members: dict[str, list[str]] = {}
    copies: dict[str, str] = {}
    for article_id, (story_id, copy_of) in candidate_stories.items():
        if article_id in by_id or story_id in sums:
            members.setdefault(story_id, []).append(article_id)
            if copy_of:
                copies[article_id] = copy_of
    restored = sorted(members.items())
    new = sorted((a for i, a in by_id.items() if i not in candidate_stories), key=lambda a: (a.day or date.max, a.article_id))
    # Near-copies among all of them, in the order stories are built: stored members first.
    order = [i for _, ids in restored for i in ids] + [a.article_id for a in new]
    first_new = len(order) - len(new)
    copied = near_copies([signed[i] for i in order], first_new)
    # Documents are made as they are placed and dropped after: only the stories are held.
    for story_id, ids in restored:
        if story_id in sums:
            clusterer.restore_sums(story_id, ids, sums[story_id])
        else:
            clusterer.restore(story_id, [by_id[i].doc() for i in ids])
    changed: set[str] = set()
    for n, article in enumerate(new, first_new):
        doc = article.doc()
        doc.copy_of = order[copied[n]] if n in copied else None
        story_id = clusterer.place(doc)
        members.setdefault(story_id, []).append(doc.id)
        if doc.copy_of:
            copies[doc.id] = doc.copy_of
        changed.add(story_id)
    changed_members = {s: list(members[s]) for s in sorted(changed)}
    in_changed = {a for ids in changed_members.values() for a in ids}
    return Assignment(
        changed_members,
        {a: (s, copies.get(a)) for s, ids in changed_members.items() for a in ids},
        {a: b for a, b in copies.items() if a in in_changed},
        idf,
        KeptSums(clusterer, {s: ids for s, ids in sorted(members.items()) if (s in changed or s not in sums) and len(ids) >= KEEP_SUMS_FROM}),
    )


# A story whose dossier is to be built: its id, its members' records (in story order, as the
# store returns them, entities resolved), the near-copies among them (copy -> original) and the
# claim search a run before kept for it (dossier.ClaimSearch.to_json), if it may be gone on from.
StoryWork = tuple[str, list[Article], dict[str, str], str | None]


def story_work(assignment: Assignment, records: Mapping[str, Article], kept: Mapping[str, str] | None = None) -> list[StoryWork]:
    """What building the dossier of each changed story needs, from its members' records and the
    claim searches kept for them (`kept`: story -> search)."""
    out = []
    for story_id, ids in assignment.changed.items():
        in_story = set(ids)
        copies = {a: b for a, b in assignment.copies.items() if a in in_story}
        out.append((story_id, [records[i] for i in ids], copies, (kept or {}).get(story_id)))
    return out


def dossier_of(work: StoryWork, idf: dict[str, float], vocabulary: Collection[str] = frozenset()) -> tuple[Dossier, str | None]:
    """One story's dossier (a pure function of its members: an engine may build it anywhere), and
    its claim search to keep for the next run (from KEEP_SEARCH_FROM members on). `vocabulary`:
    the tagger's words (Context.tagger.vocabulary()), for the times of undated articles."""
    story_id, members, copies, kept = work
    dossier, search = build_dossier_from(kept, story_id, members, copies, _inferred(members, vocabulary), idf, vocabulary)
    return dossier, search.to_json() if len(members) >= KEEP_SEARCH_FROM else None


def _inferred(articles: list[Article], vocabulary: Collection[str]) -> list[InferredDate]:
    """Publication dates implied for undated articles by what the dated ones say."""
    known: set[date] = set()
    for a in articles:
        if a.published:
            own = date.fromisoformat(a.published[:10])
            known.add(own)
            # Days the article names near its own date (not a date in its background paragraph).
            for t in a.times:
                if t.value and len(t.value) == 10 and abs((date.fromisoformat(t.value) - own).days) <= KNOWN_RANGE_DAYS:
                    known.add(date.fromisoformat(t.value))
    out = []
    for a in articles:
        if not a.published and (found := infer_published(a.id, a.text, known, vocabulary)):
            out.append(found)
    return out


__all__ = ["Assignment", "KeptSums", "StoryArticle", "StoryVector", "StoryWork", "assign", "dossier_of", "story_work", "vectorise"]
