"""A story's dossier as typed records (what stories/dossier.py builds and the store keeps), its
list card, and their JSON form.

The JSON form is what the store saves, the export writes (stories.json) and the web API returns:
`to_json` writes a record's fields in the order they are declared here, so declaring a field
elsewhere reorders every one of those outputs. `from_json` reads that form back; it also reads
dossiers saved by earlier versions, which a store keeps until their story changes (noted where a
field was added later)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import Field, dataclass, fields, is_dataclass, replace
from typing import Any, ClassVar

from marsad.stories.dates import InferredDate

Json = Mapping[str, Any]  # a record's JSON object, as json.loads gives it


class _JsonRecord:
    """`to_json` for the frozen dataclasses below: records become objects (fields in declared
    order), tuples become lists, everything else is already a JSON value."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # set by @dataclass on each record

    def to_json(self) -> dict[str, Any]:
        return {f.name: _json_value(getattr(self, f.name)) for f in fields(self)}


def _json_value(value: object) -> Any:
    # Any dataclass, not only these records: a dossier holds stories/dates.InferredDate as is.
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _json_value(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def _strs(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@dataclass(frozen=True, slots=True)
class StoryCopy(_JsonRecord):
    """A member that is a near-copy of another member: it adds no independent source."""

    article: str
    copy_of: str

    @classmethod
    def from_json(cls, d: Json) -> StoryCopy:
        return cls(d["article"], d["copy_of"])


@dataclass(frozen=True, slots=True)
class DossierEntity(_JsonRecord):
    """One of the entities the story's articles name most, with how many mentions name it."""

    id: str
    name: str
    type: str  # PER | LOC | ORG | MISC
    mentions: int

    @classmethod
    def from_json(cls, d: Json) -> DossierEntity:
        return cls(d["id"], d["name"], d["type"], int(d["mentions"]))


def _renamed(entities: tuple[DossierEntity, ...], names: Mapping[str, str]) -> tuple[DossierEntity, ...]:
    return tuple(replace(e, name=names[e.id]) if names.get(e.id, e.name) != e.name else e for e in entities)


@dataclass(frozen=True, slots=True)
class QuoteVariant(_JsonRecord):
    """One outlet's wording of an utterance."""

    text: str
    outlet: str | None
    article: str
    kind: str  # direct | indirect | nominal | colon (article.Quote.kind)

    @classmethod
    def from_json(cls, d: Json) -> QuoteVariant:
        return cls(d["text"], d["outlet"], d["article"], d["kind"])


@dataclass(frozen=True, slots=True)
class QuoteCluster(_JsonRecord):
    """What one speaker said once, as each article words it. `variants` lists at most
    dossier.MAX_VARIANTS of them; `variant_count` says how many there are."""

    speaker_id: str
    speaker: str | None  # the entity's display name
    variants: tuple[QuoteVariant, ...]
    variant_count: int

    @classmethod
    def from_json(cls, d: Json) -> QuoteCluster:
        variants = tuple(QuoteVariant.from_json(v) for v in d["variants"])
        # Dossiers saved before the variants were capped listed every one, and no count.
        return cls(d["speaker_id"], d["speaker"], variants, int(d.get("variant_count", len(variants))))


def quote_order(c: QuoteCluster) -> tuple[int, str]:
    """How a dossier lists its quotes: those of the most articles first, counted over the variants
    listed (what a reader sees side by side), then by speaker."""
    return (-len({v.article for v in c.variants}), c.speaker or "")


@dataclass(frozen=True, slots=True)
class ClaimVariant(_JsonRecord):
    """A sentence of one article stating the claim."""

    text: str
    article: str
    outlet: str | None

    @classmethod
    def from_json(cls, d: Json) -> ClaimVariant:
        return cls(d["text"], d["article"], d["outlet"])


@dataclass(frozen=True, slots=True)
class Claim(_JsonRecord):
    """A fact stated by more than one article, worded as its first sentence, with the original
    sources behind it (agencies cited, or the outlet itself; near-copies add none)."""

    text: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    variants: tuple[ClaimVariant, ...]  # at most dossier.MAX_VARIANTS
    variant_count: int
    independent_sources: tuple[str, ...]
    independent_source_count: int  # len(independent_sources), kept in the JSON for its readers

    @classmethod
    def from_json(cls, d: Json) -> Claim:
        variants = tuple(ClaimVariant.from_json(v) for v in d["variants"])
        sources = _strs(d["independent_sources"])
        return cls(
            d["text"],
            _strs(d["articles"]),
            _strs(d["outlets"]),
            variants,
            int(d.get("variant_count", len(variants))),  # absent from dossiers saved before the variants were capped
            sources,
            int(d["independent_source_count"]),
        )


@dataclass(frozen=True, slots=True)
class DisagreementSide(_JsonRecord):
    """One side of a disagreement: the sentence, where it is, and the agencies behind it."""

    text: str
    article: str
    outlet: str | None
    sources: tuple[str, ...]

    @classmethod
    def from_json(cls, d: Json) -> DisagreementSide:
        # Sides saved before they carried their sources have none to show.
        return cls(d["text"], d["article"], d["outlet"], _strs(d.get("sources") or ()))


@dataclass(frozen=True, slots=True)
class Disagreement(_JsonRecord):
    """Two articles of other outlets at odds: one denies what the other asserts ("denial"), or
    they count one thing differently ("numbers")."""

    kind: str
    sides: tuple[DisagreementSide, ...]

    @classmethod
    def from_json(cls, d: Json) -> Disagreement:
        return cls(d["kind"], tuple(DisagreementSide.from_json(s) for s in d["sides"]))


@dataclass(frozen=True, slots=True)
class SummarySentence(_JsonRecord):
    """A sentence of the sourced summary: a well-supported claim with who states it."""

    text: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: tuple[str, ...]  # its independent sources

    @classmethod
    def from_json(cls, d: Json) -> SummarySentence:
        return cls(d["text"], _strs(d["articles"]), _strs(d["outlets"]), _strs(d["sources"]))


@dataclass(frozen=True, slots=True)
class TimelineEvent(_JsonRecord):
    """A day the articles name, with the first sentence naming it and every article that does.
    `inferred`: known only through publication dates the story implies (stories/dates.py)."""

    date: str  # ISO day
    text: str
    articles: tuple[str, ...]
    inferred: bool

    @classmethod
    def from_json(cls, d: Json) -> TimelineEvent:
        return cls(d["date"], d["text"], _strs(d["articles"]), bool(d["inferred"]))


@dataclass(frozen=True, slots=True)
class StoryCard(_JsonRecord):
    """What a list of stories shows of one, small enough that a list reads no dossier."""

    id: str
    title: str
    articles: int
    outlets: tuple[str, ...]
    entities: tuple[DossierEntity, ...]
    first_date: str | None
    last_date: str | None

    @classmethod
    def from_json(cls, d: Json) -> StoryCard:
        entities = tuple(DossierEntity.from_json(e) for e in d["entities"])
        return cls(d["id"], d["title"], int(d["articles"]), _strs(d["outlets"]), entities, d["first_date"], d["last_date"])

    def entity_ids(self) -> set[str]:
        return {e.id for e in self.entities}

    def named(self, names: Mapping[str, str]) -> StoryCard:
        """The card with its entities called as `names` (entity id -> display name) says."""
        return replace(self, entities=_renamed(self.entities, names))


CARD_ENTITIES = 6  # entities a story card shows (the dossier keeps dossier.TOP_ENTITIES)


@dataclass(frozen=True, slots=True)
class Dossier(_JsonRecord):
    """A story's dossier: its members (oldest first), near-copies, inferred publication dates,
    top entities, matched quotes, corroborated claims, disagreements, summary and timeline."""

    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    copies: tuple[StoryCopy, ...]
    inferred_published: tuple[InferredDate, ...]
    entities: tuple[DossierEntity, ...]
    quotes: tuple[QuoteCluster, ...]
    claims: tuple[Claim, ...]
    disagreements: tuple[Disagreement, ...]
    summary: tuple[SummarySentence, ...]
    timeline: tuple[TimelineEvent, ...]

    def entity_ids(self) -> set[str]:
        """The entities the dossier shows by name: its top entities and its speakers."""
        return {e.id for e in self.entities} | {q.speaker_id for q in self.quotes}

    def named(self, names: Mapping[str, str]) -> Dossier:
        """The dossier with its entities and speakers called as `names` (entity id -> display
        name) says, its quotes listed in the order that gives. The store shows a dossier so: an
        entity's display name is its most written spelling, which turns as spellings arrive, and
        a new name is no reason to rebuild the stories naming it (engine/cross._touched)."""
        quotes = tuple(replace(q, speaker=names[q.speaker_id]) if names.get(q.speaker_id, q.speaker) != q.speaker else q for q in self.quotes)
        return replace(self, entities=_renamed(self.entities, names), quotes=tuple(sorted(quotes, key=quote_order)))

    def card(self) -> StoryCard:
        days = [e.date for e in self.timeline]
        return StoryCard(
            self.id, self.title, len(self.articles), self.outlets, self.entities[:CARD_ENTITIES], min(days, default=None), max(days, default=None)
        )

    @classmethod
    def from_json(cls, d: Json) -> Dossier:
        return cls(
            id=d["id"],
            title=d["title"],
            articles=_strs(d["articles"]),
            outlets=_strs(d["outlets"]),
            copies=tuple(StoryCopy.from_json(c) for c in d["copies"]),
            inferred_published=tuple(InferredDate(i["article"], i["date"], _strs(i["evidence"])) for i in d["inferred_published"]),
            entities=tuple(DossierEntity.from_json(e) for e in d["entities"]),
            quotes=tuple(QuoteCluster.from_json(q) for q in d["quotes"]),
            claims=tuple(Claim.from_json(c) for c in d["claims"]),
            disagreements=tuple(Disagreement.from_json(x) for x in d["disagreements"]),
            summary=tuple(SummarySentence.from_json(s) for s in d["summary"]),
            timeline=tuple(TimelineEvent.from_json(e) for e in d["timeline"]),
        )


__all__ = [
    "Claim",
    "ClaimVariant",
    "Disagreement",
    "DisagreementSide",
    "Dossier",
    "DossierEntity",
    "QuoteCluster",
    "QuoteVariant",
    "StoryCard",
    "StoryCopy",
    "SummarySentence",
    "TimelineEvent",
]
