"""The record types that flow through marsad: a Page read from input, and the Article made of it."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

PageFormat = Literal["text", "html"]


@dataclass(slots=True)
class Page:
    """One page as a scraper left it, decoded to text. `content` is plain text or HTML."""

    source: str  # the input file the page came from
    content: str
    format: PageFormat
    locator: str | None = None  # where in a container file: "line 3" (JSONL), "record 2" (WARC)
    url: str | None = None
    fetched_at: str | None = None
    outlet_hint: str | None = None  # an outlet the input itself names (JSONL "outlet")
    published_hint: str | None = None  # the publication date the input itself states (JSONL "published", ISO 8601)
    encoding: str = "utf-8"

    @property
    def page_id(self) -> str:
        """Content identity: the same bytes from the same URL are the same page, wherever read."""
        h = hashlib.sha256()
        h.update((self.url or "").encode())
        h.update(b"\0")
        h.update(self.content.encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:24]


@dataclass(slots=True)
class Evidence:
    """Where a metadata value came from: the text it was read from and the rule that read it."""

    text: str
    rule: str
    line: int | None = None  # 1-based line in the page (text pages) or extracted text (HTML)
    note: str | None = None  # why this reading was chosen, when another source said otherwise


@dataclass(slots=True)
class Block:
    """A line of the page as it moves through cleaning: body text, or removed with a reason."""

    text: str
    line: int
    reason: str | None = None  # None while the block is body text

    @property
    def is_body(self) -> bool:
        return self.reason is None


@dataclass(slots=True)
class Removed:
    text: str
    reason: str
    line: int | None = None


@dataclass(slots=True)
class Mention:
    """A name in an article's text: `text` is text[start:end], without attached proclitics;
    `key` is its normalised reading, which may differ (للكرملين: text لكرملين, key الكرملين).
    The entity it names is decided across the whole store, after analysis (entities/resolve.py),
    and filled in when the article is read back from the store."""

    text: str
    type: str  # PER | LOC | ORG | MISC
    start: int
    end: int
    key: str
    entity_id: str | None = None
    entity_name: str | None = None


@dataclass(slots=True)
class Quote:
    """A statement: the quoted (direct) or reported (indirect) words, the reporting verb or cue,
    and the speaker as written. `speaker_mention` indexes the article's mentions; its entity id
    and name are filled in when the record is read back from the store (`speaker_id`, and
    `speaker_name` becomes the entity's display name)."""

    text: str
    kind: str  # direct | indirect | nominal (a noun phrase after the verb: طالب بـ …، نفى …) | colon (after «X:», unquoted)
    start: int
    end: int
    cue: str | None
    speaker_name: str | None
    speaker_mention: int | None = None
    speaker_id: str | None = None


@dataclass(slots=True)
class SourceRef:
    """Where the article says information comes from: a canonical name, its id and kind
    (agency | outlet | official | anonymous), and the span that names it."""

    name: str
    source_id: str
    kind: str
    start: int
    end: int


@dataclass(slots=True)
class TimeRef:
    """A time expression: its text and span, the date it stands for (ISO day, month, year or an
    interval of days; null when it needs a publication date the article lacks) and the date it
    was resolved against (null for absolute dates)."""

    text: str
    start: int
    end: int
    value: str | None
    anchor: str | None


@dataclass(slots=True)
class Repair:
    """A change the cleaner made to a line's layout (never to its words)."""

    kind: str
    line: int
    detail: str


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """What a list or a link shows of an article."""

    id: str
    headline: str | None
    outlet: str | None
    published: str | None


@dataclass(slots=True)
class Article:
    """One article cut from a page. Stages fill it in order; `text` is final after assembly."""

    id: str
    page_id: str
    source: str
    seq: int  # 0 for the page's own article, 1.. for articles split off it
    locator: str | None = None
    url: str | None = None
    appended_to: str | None = None
    blocks: list[Block] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)  # page-level facts: url, input outlet, HTML meta tags
    outlet: str | None = None
    outlet_evidence: Evidence | None = None
    headline: str | None = None
    author: str | None = None  # the writers as one string, joined with «، »
    authors: list[str] = field(default_factory=list)  # each writer, in the page's order
    author_evidence: Evidence | None = None
    published: str | None = None
    published_evidence: Evidence | None = None
    updated: str | None = None
    updated_evidence: Evidence | None = None
    language: str | None = None
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)

    @staticmethod
    def make_id(page_id: str, seq: int) -> str:
        return f"{page_id[:16]}-{seq}"

    def to_record(self) -> dict[str, Any]:
        """The stored form: working fields and what resolution decides later left out."""
        d = self._plain()
        d["quotes"] = [{k: v for k, v in q.items() if k != "speaker_id"} for q in d["quotes"]]
        d["entities"] = [{k: v for k, v in m.items() if k not in ("key", "entity_id", "entity_name")} for m in d.pop("mentions")]
        return d

    def to_export(self) -> dict[str, Any]:
        """The exported form (see data/article.schema.json) of an article read back from the
        store: each name with its entity, each quote with its speaker's entity."""
        d = self._plain()
        d["quotes"] = [{k: v for k, v in q.items() if k != "speaker_mention"} for q in d["quotes"]]
        d["entities"] = [{k: v for k, v in m.items() if k != "key"} for m in d.pop("mentions")]
        return d

    def _plain(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("blocks", "hints", "page_id", "seq"):
            d.pop(k)
        return d

    @classmethod
    def from_record(cls, record: dict[str, Any], page_id: str, seq: int, mentions: list[Mention]) -> Article:
        """The article a stored record (to_record) holds, with its mentions as the store keeps
        them (their keys and entities)."""

        def evidence(name: str) -> Evidence | None:
            value = record.get(name)
            return None if value is None else _make(Evidence, value)

        return cls(
            id=record["id"],
            page_id=page_id,
            source=record["source"],
            seq=seq,
            locator=record.get("locator"),
            url=record.get("url"),
            appended_to=record.get("appended_to"),
            outlet=record.get("outlet"),
            outlet_evidence=evidence("outlet_evidence"),
            headline=record.get("headline"),
            author=record.get("author"),
            authors=list(record.get("authors", [])),
            author_evidence=evidence("author_evidence"),
            published=record.get("published"),
            published_evidence=evidence("published_evidence"),
            updated=record.get("updated"),
            updated_evidence=evidence("updated_evidence"),
            language=record.get("language"),
            text=record.get("text", ""),
            removed=[_make(Removed, r) for r in record.get("removed", [])],
            repairs=[_make(Repair, r) for r in record.get("repairs", [])],
            mentions=mentions,
            quotes=[_make(Quote, q) for q in record.get("quotes", [])],
            sources=[_make(SourceRef, r) for r in record.get("sources", [])],
            times=[_make(TimeRef, t) for t in record.get("times", [])],
        )


_T = TypeVar("_T")


def _make(kind: type[_T], values: dict[str, Any]) -> _T:
    """A record type from its stored fields (fields it no longer has are left out)."""
    names = {f.name for f in fields(kind)}  # type: ignore[arg-type]
    return kind(**{k: v for k, v in values.items() if k in names})
