"""The article record round trip: what the store keeps (to_record) reads back (from_record) as
the article the stages produced, and its export carries the entities resolution gives it."""

from __future__ import annotations

from dataclasses import replace

from marsad.article import Article, Mention
from marsad.context import Context

from .conftest import DEMO_CORPUS, analyze_text


def test_a_stored_record_reads_back_as_the_article(ctx: Context) -> None:
    text = (DEMO_CORPUS / "summit-almadar.txt").read_text(encoding="utf-8")
    articles = analyze_text(ctx, text)
    assert articles and any(a.mentions and a.quotes for a in articles)
    for a in articles:
        again = Article.from_record(a.to_record(), a.page_id, a.seq, list(a.mentions))
        assert again == replace(a, blocks=[], hints={})


def test_the_export_names_each_mention_and_speaker_entity(ctx: Context) -> None:
    a = Article("p-0", "p", "x.txt", 0, text="قال بوتين إن")
    a.mentions = [Mention("بوتين", "PER", 4, 9, "بوتين", "e-1", "فلاديمير بوتين")]
    stored = a.to_record()
    assert "entity_id" not in stored["entities"][0] and "key" not in stored["entities"][0]
    exported = a.to_export()
    assert list(exported)[-1] == "entities"
    assert exported["entities"] == [{"text": "بوتين", "type": "PER", "start": 4, "end": 9, "entity_id": "e-1", "entity_name": "فلاديمير بوتين"}]
