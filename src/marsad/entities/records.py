"""What the store gives back about an entity: its record (names, spellings, the articles naming
it) and the places it is named. Typed, as the stages' own records are; `to_json` is the shape of
the JSON export and of the web API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Spelling:
    """One way the entity is written, how often, and by which outlets (outlet -> count)."""

    text: str
    count: int
    outlets: dict[str, int]


@dataclass(frozen=True, slots=True)
class EntityRecord:
    id: str
    name: str
    type: str
    variants: tuple[Spelling, ...]  # spellings of its name, most frequent first
    references: tuple[Spelling, ...]  # roles standing for it (الرئيس الروسي for بوتين)
    articles: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "variants": [asdict(v) for v in self.variants],
            "references": [asdict(r) for r in self.references],
            "articles": list(self.articles),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> EntityRecord:
        def spellings(items: list[Mapping[str, Any]]) -> tuple[Spelling, ...]:
            return tuple(Spelling(str(s["text"]), int(s["count"]), {str(k): int(v) for k, v in s["outlets"].items()}) for s in items)

        articles = tuple(d.get("articles", ()))  # the store keeps none: its mentions say them
        return cls(str(d["id"]), str(d["name"]), str(d["type"]), spellings(d["variants"]), spellings(d["references"]), articles)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """Where an entity is named: the article (its outlet, headline, date), the spelling used and
    the text around it."""

    article: str
    outlet: str | None
    headline: str | None
    published: str | None
    text: str
    context: str
