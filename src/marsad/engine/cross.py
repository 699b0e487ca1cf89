"""The cross-document stages, run by an engine once a run's pages are in the store: the engine
reads their inputs from the store, calls the pure stage functions and hands the results back.
`Vectorise` is where an engine spreads the per-article part of story clustering (the Dask engine
runs it on its workers); the rest is ordered (articles are placed oldest first) and runs here."""

from __future__ import annotations

from collections.abc import Callable, Collection

from marsad.entities.resolve import complete_names, resolve
from marsad.meta.registry import Registry
from marsad.store.base import Store
from marsad.stories.build import StoryVector, assign, build_dossiers, vectorise

# (id, headline, text) of articles -> their story vectors.
Vectorise = Callable[[list[tuple[str, str | None, str]]], list[StoryVector]]


def vectorise_here(articles: list[tuple[str, str | None, str]]) -> list[StoryVector]:
    return [vectorise(*a) for a in articles]


def update_entities(store: Store, registry: Registry) -> int:
    """Complete the person names the tagger cut short, then resolve every mention to an entity.
    Deterministic: the same mentions give the same ids. Returns the number of entities."""
    texts: dict[str, str] = {}

    def text_of(article_id: str) -> str:
        if article_id not in texts:
            texts[article_id] = store.article_text(article_id)
        return texts[article_id]

    changes = complete_names(store.person_spans(), text_of)
    store.update_mention_spans([(new, text_of(new.article_id)[new.start : new.end]) for _, new in changes])
    assignment, entities = resolve(store.mention_rows(), registry)
    store.replace_entities(assignment, entities)
    return len(entities)


def update_stories(store: Store, vocabulary: Collection[str], vectorise_with: Vectorise = vectorise_here) -> int:
    """Vectorise the articles that have no story vector yet, place the articles without a story,
    and rebuild the dossiers of the stories that changed (reading only their members' records);
    returns how many were rebuilt. `vocabulary`: the tagger's words (Context.tagger.vocabulary())."""
    todo = store.unvectorised()
    if todo:
        store.save_story_vectors(vectorise_with(todo))
    assignment = assign(store.story_articles(), store.story_assignments(), store.entity_names())
    records = store.records(a for ids in assignment.changed.values() for a in ids)
    store.save_stories(build_dossiers(assignment, records, vocabulary), assignment.members)
    return len(assignment.changed)
