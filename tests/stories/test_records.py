"""The dossier as a typed record: its JSON form reads back to the same record (any dossier, and
the real ones of the sample and demo corpora as the store keeps them), and the dossiers built from
typed articles export what the dict-reading dossier exported (tests/golden/demo_stories.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.context import Settings
from marsad.engine.local import run_analysis
from marsad.export import write_stories_json
from marsad.store.sqlite import Store
from marsad.stories.records import Dossier

from ..conftest import DEMO_CORPUS, DEMO_REGISTRY, SAMPLE_CORPUS

# stories.json of the demo corpus as written before the dossier became a typed record (commit
# ff474ca: `marsad analyze demo/corpus --registry demo/registry.json --out OUT`, OUT/stories.json).
# When a change to the stages is meant to change the dossiers, regenerate it the same way and
# review its diff.
GOLDEN_STORIES = Path(__file__).resolve().parents[1] / "golden" / "demo_stories.json"


def _json_round_trip(d: Dossier) -> Dossier:
    return Dossier.from_json(json.loads(json.dumps(d.to_json(), ensure_ascii=False)))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.from_type(Dossier))
def test_any_dossier_reads_back_from_its_json(dossier: Dossier) -> None:
    assert _json_round_trip(dossier) == dossier
    plain = dossier.to_json()
    assert json.loads(json.dumps(plain, ensure_ascii=False)) == plain  # only JSON values: lists, not tuples


def test_a_dossier_saved_before_variants_were_capped_still_reads() -> None:
    """A store keeps a dossier until its story changes: one written before quote and claim
    variants were counted, and before disagreement sides carried their sources, reads with the
    count of the variants it lists and no sources."""
    variant = {"text": "نص", "article": "a", "outlet": "الأفق"}
    old = {
        "id": "s",
        "title": "عنوان",
        "articles": ["a", "b"],
        "outlets": ["الأفق"],
        "copies": [],
        "inferred_published": [],
        "entities": [],
        "quotes": [{"speaker_id": "e-1", "speaker": "كيم", "variants": [{**variant, "kind": "direct"}] * 2}],
        "claims": [
            {
                "text": "نص",
                "articles": ["a", "b"],
                "outlets": ["الأفق"],
                "variants": [variant, {**variant, "article": "b"}],
                "independent_sources": ["الأفق"],
                "independent_source_count": 1,
            }
        ],
        "disagreements": [{"kind": "denial", "sides": [variant, {**variant, "article": "b"}]}],
        "summary": [],
        "timeline": [],
    }
    d = Dossier.from_json(old)
    assert d.quotes[0].variant_count == 2 and d.claims[0].variant_count == 2
    assert [s.sources for s in d.disagreements[0].sides] == [(), ()]


def _analyse(corpus: Path, folder: Path) -> tuple[str, int]:
    registry = (str(DEMO_REGISTRY),) if corpus == DEMO_CORPUS else ()
    db = str(folder / "marsad.db")
    with Store(db) as store:
        summary = run_analysis([str(corpus)], store, Settings(registry_files=registry, workers=1, progress=False))
    return db, summary.run_id


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    return _analyse(DEMO_CORPUS, tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    return _analyse(SAMPLE_CORPUS, tmp_path_factory.mktemp("sample"))


def _check_stored_dossiers(db: str, run_id: int) -> None:
    """Every stored dossier: the store holds exactly its JSON form, which reads back to it, and
    its card is the dossier's."""
    with Store(db, readonly=True) as store:
        stored = {r[0]: json.loads(r[1]) for r in store.execute("SELECT id, record FROM stories").fetchall()}
        dossiers = store.run_stories(run_id)
        cards = {c.id: c for c in store.list_stories(limit=len(stored))}
        assert dossiers and {d.id for d in dossiers} == set(stored)
        for d in dossiers:
            assert d.to_json() == stored[d.id]
            assert _json_round_trip(d) == d
            assert store.get_story(d.id) == d
            assert cards[d.id] == d.card()


@pytest.mark.shared
def test_sample_corpus_dossiers_read_back_from_the_store(sample_store: tuple[str, int]) -> None:
    _check_stored_dossiers(*sample_store)


def test_demo_corpus_dossiers_read_back_from_the_store(demo_store: tuple[str, int]) -> None:
    _check_stored_dossiers(*demo_store)


def test_demo_stories_export_as_before(demo_store: tuple[str, int], tmp_path: Path) -> None:
    """Dossiers built from typed articles, through the store and the export, byte for byte."""
    db, run_id = demo_store
    with Store(db, readonly=True) as store:
        write_stories_json(store, run_id, str(tmp_path / "stories.json"))
    assert (tmp_path / "stories.json").read_text(encoding="utf-8") == GOLDEN_STORIES.read_text(encoding="utf-8")


def test_a_dossier_shows_the_names_its_entities_have_now() -> None:
    """Dossier.named: entities and speakers take the names given (an entity's display name turns
    as spellings arrive); quotes are listed again in the dossier's order, speakers by name among
    those of as many articles; an entity not named keeps its own."""
    from marsad.stories.records import DossierEntity, QuoteCluster, QuoteVariant

    def said(speaker_id: str, speaker: str) -> QuoteCluster:
        return QuoteCluster(speaker_id, speaker, (QuoteVariant("نص", "o", f"a-{speaker_id}", "direct"),), 1)

    d = Dossier("s", "t", ("a",), (), (), (), (DossierEntity("e-1", "غالى", "PER", 3), DossierEntity("e-2", "مصر", "LOC", 2)), (said("e-1", "أ غالى"), said("e-3", "ب سعيد")), (), (), (), ())
    shown = d.named({"e-1": "ي غالي", "e-3": "ب سعيد"})
    assert [e.name for e in shown.entities] == ["ي غالي", "مصر"]
    assert [q.speaker for q in shown.quotes] == ["ب سعيد", "ي غالي"]
    assert shown.card().entities == shown.entities
    assert d.named({}) == d
