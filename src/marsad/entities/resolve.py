"""Cross-document stage: one identity per person, place and organisation across the store.

Input is every mention of every article (its normalised key, type, article and outlet); output is
an entity id per mention and the entities themselves. Incrementally (engine/cross.py), the input
is a run's new mentions and the stored entities they may join, each read as its tally (mentions
counted by spelling) but for its mentions in the articles where something is decided. The steps,
in order:

1. Full names (and one-word names) that spell the same name are one entity (names.same_name):
   spellings are blocked by consonant skeleton, or by first and last word for long names, so the
   comparison stays linear in the number of distinct spellings.
2. Organisation aliases in the outlet and agency registry are one entity (فرانس برس = وكالة
   فرانس برس = الوكالة الفرنسية = أ ف ب).
3. A one-word mention of a person (بوتين، كيم، أون) joins the full name in the same article whose
   first or last word it is, when exactly one does; failing that, the one full name in the whole
   store whose last word it is. When several full names in the article fit, the one the store
   mentions at least three times as often as any other wins; when none wins, the store-wide rule
   decides, and when it finds several too, the word stays on its own: two people called كيم in
   two unrelated stories are not merged through a bare كيم.
4. An entity's type is the most frequent type of its mentions (the tagger may call one mention of
   a country an organisation); its display name is its most frequent spelling of the most words.

Ids are a hash of the entity's display name's skeleton (not of its type, which turns as mentions
arrive): the same data gives the same ids, whatever order the pages were read in."""

from __future__ import annotations

import hashlib
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from marsad.arabic.normalize import match_key, phrase_key
from marsad.entities.names import consonants, name_skeleton, same_name, same_word
from marsad.entities.records import EntityRecord, Spelling
from marsad.meta.registry import Registry, outlet_nouns


@dataclass(frozen=True, slots=True)
class MentionRow:
    article_id: str
    seq: int
    type: str
    key: str  # the mention's normalised reading (clitics off)
    text: str  # as written in the article
    outlet: str | None
    entity_id: str | None = None  # the entity a previous run resolved it to (known mentions only)


# What an entity's mentions are, counted: (key, text, type, outlet) -> how many mentions.
TallyKey = tuple[str, str, str, str]


def tally_key(m: MentionRow) -> TallyKey:
    return (m.key, m.text, m.type, m.outlet or "")


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    tally: Counter[TallyKey] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)  # of the mentions given one by one (a tally's are not read)
    tallied: set[str] = field(default_factory=set)  # the stored entities read as tallies it holds (resolve's `tallies`)

    def add(self, m: MentionRow) -> None:
        self.tally[tally_key(m)] += 1
        self.articles.add(m.article_id)

    def add_tally(self, t: Tally) -> None:
        self.tally.update(t.counts)
        self.tallied.add(t.entity_id)

    def _spellings(self, of_name: bool) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for (key, text, _, outlet), n in self.tally.items():
            if spells(text, key) == of_name:
                out.setdefault(text, Counter())[outlet] += n
        return out

    @property
    def variants(self) -> dict[str, Counter[str]]:
        """Spelling -> outlet -> count, of the mentions written as the name they read as."""
        return self._spellings(True)

    @property
    def references(self) -> dict[str, Counter[str]]:
        """The same, of the roles standing for the name (see spells)."""
        return self._spellings(False)

    def record(self) -> EntityRecord:
        def listed(spellings: dict[str, Counter[str]]) -> tuple[Spelling, ...]:
            return tuple(
                Spelling(text, sum(outlets.values()), dict(sorted(outlets.items())))
                for text, outlets in sorted(spellings.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
            )

        return EntityRecord(self.id, self.name, self.type, listed(self.variants), listed(self.references), tuple(sorted(self.articles)))

    def to_json(self) -> dict[str, Any]:
        return self.record().to_json()

    def stored_json(self) -> dict[str, Any]:
        """The record as the store keeps it: without its articles, which the store's mentions say
        (a famous entity's list would be rewritten whenever a run names it)."""
        return {k: v for k, v in self.to_json().items() if k != "articles"}

    def tally_json(self) -> list[list[str | int]]:
        """The tally as the store keeps it (sorted: the same entity gives the same text)."""
        return [[*k, n] for k, n in sorted(self.tally.items())]


@dataclass(frozen=True, slots=True)
class Tally:
    """A stored entity as an incremental resolution reads it instead of mention by mention: its
    mentions counted by (key, text, type, outlet). Reading an entity costs its distinct
    spellings, not a row per mention: an archive's famous names are named in thousands."""

    entity_id: str
    counts: Mapping[TallyKey, int]

    @classmethod
    def from_json(cls, entity_id: str, tally: list[list[Any]]) -> Tally:
        return cls(entity_id, {(str(k), str(t), str(y), str(o)): int(n) for k, t, y, o, n in tally})

    def without(self, rows: Iterable[MentionRow]) -> Tally:
        """The tally less `rows` (mentions of the entity read one by one)."""
        counts = Counter(self.counts)
        counts.subtract(Counter(map(tally_key, rows)))
        return Tally(self.entity_id, {k: n for k, n in counts.items() if n > 0})


@lru_cache(maxsize=1 << 17)  # asked of each spelling of each entity a run rewrites, run after run
def spells(text: str, key: str) -> bool:
    """A mention written `text` and read `key` is written as the name it reads as (not a role
    standing for it, as الرئيس الروسي for بوتين, nor a clitic-fused form, as لكرملين for الكرملين)."""
    return phrase_key(text) == phrase_key(key)


def person_group(counts: Mapping[TallyKey, int]) -> tuple[bool, int]:
    """What resolve weighs of an entity with a full name, from its mentions counted: whether its
    group of spellings is a person's and how many mentions that group has (the 3-to-1 rule's
    count). The group is its full names and the one-word spellings that are one of them written
    as one word, or spell such a word (أبومازن، أبومزن / أبو مازن); not the bare words that
    joined it, which the tagger types as it likes (an entity's own type counts them: a person
    named «كريم» as an organisation twice is stored as one while his full names are a
    person's)."""
    joined = {"".join(sk) for key, *_ in counts if len(sk := name_skeleton(key)) >= 2}
    kinds: Counter[str] = Counter()
    for (key, _, kind, _), n in counts.items():
        sk = name_skeleton(key)
        if len(sk) >= 2 or (sk and any(same_word(sk[0], j) for j in joined)):
            kinds[kind] += n
    return bool(kinds) and most_frequent(kinds) == "PER", kinds.total()


def most_frequent(counts: Mapping[str, int]) -> str:
    """The most frequent; of equals, the first in sorted order (never the order rows came in)."""
    return min(counts, key=lambda k: (-counts[k], k))


class UnionFind:
    """Groups of strings joined pairwise; each group's id is its least member."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@cache
def _org_prefixes() -> tuple[str, ...]:
    """Generic nouns an outlet's or agency's name may be written with or without (وكالة، صحيفة،
    قناة: the registry's entries are outlets and agencies). Not every organisation noun: «جامعة
    الدول العربية» is not «الدول العربية», and «جامعة العربية» (a clitic-cut «الجامعة العربية»)
    is not the channel العربية."""
    return tuple(sorted(p + " " for p in outlet_nouns()))


def _registry_name(key: str, registry: Registry, prefixes: tuple[str, ...]) -> str | None:
    entry = registry.lookup(key)
    if entry is None:
        for p in prefixes:
            if key.startswith(p) and (entry := registry.lookup(key[len(p) :])):
                break
    return entry.name if entry else None


def registry_name(key: str, registry: Registry) -> str | None:
    """The registry's name for the organisation this mention key names, if any (with or without
    a generic noun such as وكالة before it)."""
    return _registry_name(phrase_key(key), registry, _org_prefixes())


def resolve(
    mentions: Iterable[MentionRow],
    registry: Registry,
    known: Iterable[MentionRow] = (),
    recheck: Collection[tuple[str, int]] = (),
    tallies: Iterable[Tally] = (),
    unread: Mapping[str, Collection[str]] | None = None,
) -> tuple[dict[tuple[str, int], str], list[Entity]]:
    """Resolve `mentions` to entities. Alone, they are the whole store (a full resolution).

    Incrementally, `mentions` are a run's new ones, and the stored entities they may join (see
    engine/cross.py for how the store finds them) come as `known` mentions (entity_id set) and
    `tallies`: every stored mention in an article where a mention is decided (a new one's, or a
    rechecked one's) is a `known` row; the rest of an entity is its tally (Tally.without). A
    stored entity keeps its members (they are one group before anything else happens); a new
    spelling can extend it, or bridge two of them into one; a new mention is decided exactly as
    a full resolution decides it. A stored bare word keeps the full name it joined, unless it is
    in `recheck` (its article's candidate full names are then in `known`), when it is decided
    again: a new full name may be the one it belongs to, or make it ambiguous. `unread`: for a
    bare word decided here (its skeleton), the stored entities whose full names are a person's
    (person_group) with a full name ending in it that were not read: the store-wide rule counts
    them (a run need not read every «… محمد» of an archive to know a bare «محمد» is
    ambiguous); NeedsEntities is raised if the one person a bare word belongs to is among them.
    Returns the entity of every mention given one by one, and the entities they make, each
    rebuilt from all its members (the same as a full resolution would build it); an entity
    holds the tallied ones it absorbed in `tallied`."""
    # One order whatever order the rows came in, and ties broken by names, never by that order:
    # a run in two parts and a run in one give the same entities.
    stored = [m for m in known if m.entity_id]
    kept = {(m.article_id, m.seq) for m in stored} - set(recheck)
    rows = sorted([*(replace(m, entity_id=None) for m in mentions), *stored], key=lambda m: (m.article_id, m.seq))
    tallies = sorted(tallies, key=lambda t: t.entity_id)
    forms: dict[tuple[str, ...], list[MentionRow]] = defaultdict(list)
    for m in rows:
        sk = name_skeleton(m.key)
        if sk:
            forms[sk].append(m)
    # skeleton -> (tally, key, type, count) of each tallied spelling
    tallied_forms: dict[tuple[str, ...], list[tuple[Tally, str, str, int]]] = defaultdict(list)
    for t in tallies:
        for (key, _, kind, _), n in t.counts.items():
            if sk := name_skeleton(key):
                tallied_forms[sk].append((t, key, kind, n))
    skeletons = sorted(forms.keys() | tallied_forms.keys())
    uf = UnionFind()
    ident = {sk: "\u241f".join(sk) for sk in skeletons}  # a string id per spelling for the union-find

    # 0. A stored entity stays one: each of its spellings is in its group, but for a bare word
    # that joined a full name (that word belongs to the full name's group only in this article).
    with_full_name = {m.entity_id for m in rows if m.entity_id and len(name_skeleton(m.key)) >= 2}
    with_full_name |= {t.entity_id for sk, ts in tallied_forms.items() if len(sk) >= 2 for t, *_ in ts}
    stored_spellings = [(sk, m.entity_id) for sk, ms in forms.items() for m in ms if m.entity_id]
    stored_spellings += [(sk, t.entity_id) for sk, ts in tallied_forms.items() for t, *_ in ts]
    for sk, eid in stored_spellings:
        if len(sk) >= 2 or eid not in with_full_name:
            uf.union(ident[sk], "\u241fent:" + eid)

    # 1. Spellings of one name. Blocks: consonants of the whole name; first+last word for long names.
    blocks: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for sk in skeletons:
        blocks[("all", consonants("".join(sk)))].append(sk)
        if len(sk) >= 3:
            blocks[("ends", str(len(sk)), consonants(sk[0]), consonants(sk[-1]))].append(sk)
    for block in blocks.values():
        for i, a in enumerate(block):
            uf.find(ident[a])
            for b in block[i + 1 :]:
                if same_name(a, b):
                    uf.union(ident[a], ident[b])

    # 2. Registry aliases: a spelling is the organisation its first key (in sorted order) that
    # the registry knows names.
    prefixes = _org_prefixes()
    anchors: list[tuple[str, str]] = []
    for sk in skeletons:
        spelt = sorted({m.key for m in forms.get(sk, ())} | {key for _, key, _, _ in tallied_forms.get(sk, ())})
        name = next((found for k in spelt if (found := _registry_name(phrase_key(k), registry, prefixes))), None)
        if name:
            anchor = "\u241freg:" + name
            uf.union(ident[sk], anchor)
            anchors.append((anchor, name))
    canonical_org = {uf.find(anchor): name for anchor, name in anchors}

    # Groups of spellings (their types and sizes counted over rows and tallies), then step 3 per
    # one-word person mention.
    group_of = {sk: uf.find(ident[sk]) for sk in skeletons}
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for sk, ms in forms.items():
        types[group_of[sk]].update(m.type for m in ms)
    for sk, ts in tallied_forms.items():
        for _, _, kind, n in ts:
            types[group_of[sk]][kind] += n
    group_type = {g: most_frequent(c) for g, c in types.items()}
    group_size = {g: c.total() for g, c in types.items()}
    multiword_people = {sk: group_of[sk] for sk in skeletons if len(sk) >= 2 and group_type[group_of[sk]] == "PER"}
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)  # consonants -> (last word, group)
    for sk, g in multiword_people.items():
        by_last[consonants(sk[-1])].add((sk[-1], g))
    # article -> consonants -> (first or last word of a full name there, its group): a bare word
    # meets only the words it could spell (names.same_word needs equal consonants), once each,
    # instead of every full-name mention of its article (a long page has thousands). Tallies
    # hold no article a mention is decided in.
    in_article: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(dict)
    for sk, g in multiword_people.items():
        for m in forms.get(sk, ()):
            ends = in_article[m.article_id]
            for w in (sk[0], sk[-1]):
                ends.setdefault(consonants(w), set()).add((w, g))

    assignment: dict[tuple[str, int], str] = {}
    for sk, ms in forms.items():
        g = group_of[sk]
        lone_word = len(sk) == 1 and g not in canonical_org
        for m in ms:
            target = g
            if m.entity_id and (m.article_id, m.seq) in kept:
                target = uf.find("\u241fent:" + m.entity_id)  # a stored decision, kept
            # A word whose spellings are read as a place's or an organisation's is that, not a
            # name beside it («فرنسا» beside «فرنسوا هولاند», «الأزهر» beside «شيخ الأزهر»).
            elif lone_word and group_type[g] == "PER":
                word = sk[0]
                local = {pg for w, pg in in_article[m.article_id].get(consonants(word), ()) if same_word(word, w)}
                if len(local) > 1:
                    local = dominant(local, group_size)
                if len(local) == 1:
                    target = local.pop()
                elif not local:
                    wide = {pg for last, pg in by_last.get(consonants(word), set()) if same_word(word, last)}
                    away = unread.get(word, ()) if unread else ()
                    if len(wide) + len(away) == 1:
                        if not wide:
                            raise NeedsEntities(set(away))
                        target = wide.pop()
            assignment[(m.article_id, m.seq)] = target

    # 4. Entities: type, display name, id. A tally's mentions are all kept decisions.
    final: dict[str, Entity] = defaultdict(lambda: Entity("", "", ""))
    by_key = {(m.article_id, m.seq): m for m in rows}
    for k, g in assignment.items():
        final[g].add(by_key[k])
    for t in tallies:
        if t.counts:  # an entity whose every mention is among the rows is none
            final[uf.find("\u241fent:" + t.entity_id)].add_tally(t)
    entities: dict[str, Entity] = {}
    group_id: dict[str, str] = {}
    for g, group in final.items():
        kinds: Counter[str] = Counter()
        written: Counter[str] = Counter()
        read: Counter[str] = Counter()
        for (key, text, kind, _), n in group.tally.items():
            kinds[kind] += n
            read[key] += n
            if spells(text, key):
                written[text] += n
        spellings = written or read
        name = canonical_org.get(g) or _display_name(spellings)
        kind = most_frequent(kinds)
        eid = entity_id(name)
        group_id[g] = eid
        ent = entities.setdefault(eid, Entity(eid, name, kind))
        ent.tally.update(group.tally)
        ent.articles |= group.articles
        ent.tallied |= group.tallied
    return {k: group_id[g] for k, g in assignment.items()}, sorted(entities.values(), key=lambda e: (-len(e.articles), e.name))


class NeedsEntities(Exception):
    """A bare word belongs to the one person with a full name ending in it, a stored entity the
    resolution was not given: resolve again with it (engine/cross.py)."""

    def __init__(self, entity_ids: set[str]) -> None:
        super().__init__(f"resolution needs the stored entities {sorted(entity_ids)}")
        self.entity_ids = entity_ids


def _display_name(spellings: Counter[str]) -> str:
    """The fullest spelling («فلاديمير بوتين» over «بوتين»), the most written first; spellings
    that differ only in their spaces («الولايات المتحدة» and «الولايات المتحد ة», «سوتشي» and
    «سو تشي»: a page's broken word) stand for one, their most written. A broken spelling then
    neither names the entity nor, by renaming it, changes its id (which re-keyed every mention
    of the United States in a store of stance pages, and every story naming it)."""
    unbroken: dict[str, str] = {}
    for s in sorted(spellings, key=lambda s: (-spellings[s], s)):
        unbroken.setdefault(s.replace(" ", ""), s)
    return max(unbroken.values(), key=lambda s: (len(s.split()), spellings[s], s))


def entity_id(name: str) -> str:
    """An entity's id: a hash of its display name's skeleton. Not of its type: the type is its
    mentions' majority, and a group the tagger calls a place as often as an organisation (النصرة)
    turns with the next run's mentions; with the type in the id every mention of it was re-keyed
    then, and every story naming it rebuilt (the largest share of the stored articles a run of
    150 stance articles re-keyed: 110 of 244). Two groups never share a display name's skeleton
    (each skeleton is in one group), so the type is not needed to tell them apart."""
    return "e-" + hashlib.sha1("|".join(name_skeleton(name)).encode()).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class NameKeys:
    """What the store indexes a mention by so a run can find the stored names a new one may be
    (engine/cross.py): its number of words and the consonants (names.consonants) of its whole
    skeleton (resolution's "all" block), of its first word and of its last word."""

    words: int
    sound: str | None
    first: str | None
    last: str | None


def name_keys(key: str) -> NameKeys:
    sk = name_skeleton(key)
    if not sk:
        return NameKeys(0, None, None, None)
    return NameKeys(len(sk), consonants("".join(sk)), consonants(sk[0]), consonants(sk[-1]))


# Raised when what a resolution stores changes shape: a store resolved before is resolved again
# in full once. 2: entities keep their tally (Tally).
RESOLUTION_FORMAT = 5  # 3: spellings differing only in spaces name an entity as one (_display_name); 4: ids without the type (entity_id), only outlet nouns dropped before a registry name (_org_prefixes); 5: vowels compared as names.same_word compares them now, a bare word taken for a person only when its spellings are read as a person's


def registry_fingerprint(registry: Registry) -> str:
    """A hash of what resolution reads from the registry (its names and aliases) and of the
    shape of what it stores (RESOLUTION_FORMAT): stored entities resolved with another registry,
    or stored in another shape, are resolved again in full."""
    entries = sorted((k, e.name, e.kind, e.country or "") for k, e in registry.by_key.items())
    return hashlib.sha1(repr((RESOLUTION_FORMAT, entries)).encode()).hexdigest()


def dominant(candidates: Collection[str], size: Mapping[str, int]) -> set[str]:
    """Of several full names a bare word could belong to, the one mentioned at least
    DOMINANCE times as often as any other across the store («كيم جونغ أون», named again and
    again, over a one-off «كيم المارشال»); none when no name stands out that clearly."""
    ranked = sorted(candidates, key=lambda g: -size[g])
    return {ranked[0]} if size[ranked[0]] >= DOMINANCE * size[ranked[1]] else set()


DOMINANCE = 3


def name_slots(entity: Entity) -> list[tuple[str, str]]:
    """(word key, slot) for each word of each spelling of `entity`. A word's slot is the word of
    the display name it spells (شويجو and شويغو both fill the surname's slot), so a search can
    swap a word for its other spellings without swapping a surname for a given name."""
    canonical = name_skeleton(entity.name)
    out: list[tuple[str, str]] = []
    for text in entity.variants:
        words = phrase_key(text).split()
        skeleton = name_skeleton(text)
        for i, (word, sk) in enumerate(zip(words, skeleton, strict=True)):
            slot = next((str(j) for j, c in enumerate(canonical) if same_word(sk, c)), None)
            if slot is None:
                slot = str(i) if len(skeleton) == len(canonical) else f"w:{sk}"
            out.append((word, slot))
    return out


@dataclass(frozen=True, slots=True)
class Span:
    article_id: str
    seq: int
    start: int
    end: int
    key: str


_NEXT_WORD_RE = re.compile(r"^[ \t]+([^\W\d_]+)")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)[ \t]+$")
MIN_NAME_SUPPORT = 2  # a full name must be seen this often before it can complete a cut one
# Words a cut name may be lengthened by, one at a time, each step a name the store knows («طيب»
# -> «طيب اردوغان» -> «رجب طيب اردوغان»): one step only left a second for the next completion
# over the store, so completing twice gave other names than completing once.
MAX_LENGTHENING = 2


def complete_names(
    people: list[Span],
    text_of: Callable[[str], str],
    known_names: Mapping[str, int] | None = None,
    candidates: Collection[Span] | None = None,
) -> list[tuple[Span, Span]]:
    """Person mentions the tagger cut short, completed from full names seen elsewhere in the
    store: «كيم يونغ» followed by «أون» becomes «كيم يونغ أون» when «كيم جونغ أون» (or another
    spelling of it) is a name the store knows. `known_names`: the keys of the store's person
    mentions that could complete them (completion_names reads them), each with how many
    mentions have it; by default, `people` are the whole store and their own keys are the names
    known. `candidates`: the spans to try (by default all); the others only hold their words.
    Returns (old, new) spans."""
    blocks = _known_blocks(Counter(p.key for p in people) if known_names is None else known_names)
    taken: dict[str, _Spans] = defaultdict(_Spans)
    for p in people:
        taken[p.article_id].add(p.start, p.end)
    out = []
    for p in people if candidates is None else candidates:
        if not name_skeleton(p.key):
            continue
        text = text_of(p.article_id)
        now = p
        for _ in range(MAX_LENGTHENING):
            longer = next((q for q in _longer(now, text) if not taken[p.article_id].overlaps(q.start, q.end, besides=(p.start, p.end)) and _is_known(q.key, blocks)), None)
            if longer is None:
                break
            now = longer
        if now is not p:
            out.append((p, now))
    return out


def _longer(p: Span, text: str) -> list[Span]:
    return [Span(p.article_id, p.seq, start, end, key) for start, end, key in _lengthened(p, text)]


def _is_known(key: str, blocks: Mapping[tuple[int, str, str], list[tuple[str, ...]]]) -> bool:
    form = name_skeleton(key)
    return any(same_name(form, f) for f in blocks.get(_block(key), []))


def name_support(counts: Mapping[str, int]) -> Counter[tuple[str, ...]]:
    """How many mentions write each full name (two words or more), its spellings read as one
    (name_skeleton), from the mentions' keys and their counts."""
    support: Counter[tuple[str, ...]] = Counter()
    for key, n in counts.items():
        if " " in key:
            support[name_skeleton(key)] += n
    return support


def _lengthened(p: Span, text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of the span with the word after it, then with the word before it."""
    return [option for option in (_with_next(p, text), _with_previous(p, text)) if option]


def _with_next(p: Span, text: str) -> tuple[int, int, str] | None:
    after = _NEXT_WORD_RE.match(text[p.end : p.end + 40])
    return (p.start, p.end + after.end(), f"{p.key} {match_key(after.group(1))}") if after else None


def _with_previous(p: Span, text: str) -> tuple[int, int, str] | None:
    before = _PREV_WORD_RE.search(text[max(0, p.start - 40) : p.start])
    return (p.start - len(before.group(0)), p.end, f"{match_key(before.group(1))} {p.key}") if before else None


def completion_blocks(p: Span, text: str) -> tuple[str, str]:
    """The blocks (_block, written as text) of the person mention lengthened by the word after it
    and by the word before it ("" where there is none or it is no name): the store indexes its
    person mentions by them, so the stored names one word short of a full name the store comes to
    know are found by that name's block, not by reading every mention that begins or ends alike
    (a common first name reached a quarter of an archive)."""
    out = []
    for option in (_with_next(p, text), _with_previous(p, text)):
        form = name_skeleton(option[2]) if option else ()
        out.append(block_text(form) if form else "")
    return out[0], out[1]


def block_text(form: tuple[str, ...]) -> str:
    """A name's block (_form_block) as the store indexes it."""
    return "|".join(map(str, _form_block(form)))


def completion_names(people: list[Span], text_of: Callable[[str], str], names_in: Callable[[set[tuple[int, str, str]]], Mapping[str, int]]) -> Counter[str]:
    """The store's person names complete_names needs for `people` (each key with its number of
    mentions), asked of the store a step at a time: `names_in(blocks)` gives the names with these
    (words, consonants of the first word, of the last). First the names one word longer than each
    mention, then one word longer than those of them the store knows, up to MAX_LENGTHENING: a
    second word is only asked where the first makes a known name (asking every mention's every
    two-word lengthening tripled what a day's run asked)."""
    known: Counter[str] = Counter()
    asked: set[tuple[int, str, str]] = set()
    reach = [p for p in people if name_skeleton(p.key)]
    for _ in range(MAX_LENGTHENING):
        longer = [q for r in reach for q in _longer(r, text_of(r.article_id))]
        blocks = {_block(q.key) for q in longer} - asked
        asked |= blocks
        known.update(names_in(blocks))
        found = _known_blocks(known)
        reach = [q for q in longer if _is_known(q.key, found)]
        if not reach:
            break
    return known


def _block(key: str) -> tuple[int, str, str]:
    return _form_block(name_skeleton(key))


def _form_block(form: tuple[str, ...]) -> tuple[int, str, str]:
    """(words, consonants of the first word, of the last): where a name is looked up."""
    return (len(form), consonants(form[0]), consonants(form[-1]))


def _known_blocks(counts: Mapping[str, int]) -> dict[tuple[int, str, str], list[tuple[str, ...]]]:
    """The full names seen at least MIN_NAME_SUPPORT times, by block (_block)."""
    blocks: dict[tuple[int, str, str], list[tuple[str, ...]]] = defaultdict(list)
    for form, n in name_support(counts).items():
        if n >= MIN_NAME_SUPPORT:
            blocks[_form_block(form)].append(form)
    return blocks


class _Spans:
    """The (start, end) spans of an article's mentions, asked which overlap a stretch. A stretch
    only meets spans starting less than the longest span before it, so a query looks at the few
    spans near it (found by bisection), not at every mention of a long article."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0
        self.ordered = True

    def add(self, start: int, end: int) -> None:
        if self.spans and (start, end) < self.spans[-1]:
            self.ordered = False
        self.spans.append((start, end))
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int, besides: tuple[int, int]) -> bool:
        """A span other than `besides` overlaps [start, end)."""
        if not self.ordered:
            self.spans.sort()
            self.ordered = True
        lo = bisect_right(self.spans, (start - self.longest, sys.maxsize))
        hi = bisect_left(self.spans, (end, -sys.maxsize))
        return any(start < e and (s, e) != besides for s, e in self.spans[lo:hi])
