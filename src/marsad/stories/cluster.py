"""Story clustering: articles about one event, across outlets and days.

Each article is a weighted vector of its content words and one of the entities it names (weights
fixed by a reference of Arabic usage, stories/weights.py, so that what else is stored has no say
in a story; the tables are passed in as `idf`). An article
joins the story it is most similar to (words, and the names shared: see `similarity`) when that
similarity reaches JOIN_THRESHOLD and the story's dates are within WINDOW_DAYS of its own (an
undated article, which may join a story of any day, is also weighed by how much the story's
members agree, and joins at UNDATED_JOIN_THRESHOLD); otherwise it starts a story. Candidate
stories come from an inverted index of entities and top words, so an archive is clustered in one
pass, and a new run only places its new articles: stories already stored keep their members
(incremental, no re-clustering).

Near-copies (syndicated wire text, the same article on two sites) are found with MinHash over
word 5-shingles and marked as copies of the first (`near_copies`, for all documents of a run at
once, before they are placed); a copy still belongs to its story but does not count as
independent coverage.

Memory stays in proportion to the stories a dated article can still join: a story whose last day
is more than the window behind the newest dated article is retired, its word counts packed into
arrays and its index keys set aside (an undated article may still join it: the index of retired
stories is built the first time one needs it). Appended articles are clustered on their own text like any other:
the page they were glued to has no say."""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from heapq import heappop, heappush

import numpy as np

from marsad.arabic.chars import AR_LETTER_RE
from marsad.arabic.stopwords import stopwords
from marsad.arabic.tokens import search_terms, strip_proclitics, word_key, words

JOIN_THRESHOLD = 0.30  # with the reference weights and dampened counts; chosen on stance folds 1 and 2 only
# An undated article may join a story of any day, so a story grows from loosely related reports of
# a month into one whose centroid holds the words they all use, and draws any new report of that
# kind: such an article's score leans from the centroid's cosine (0) towards the mean of its
# cosines with each member (1, average link), and it joins at a threshold of its own (see
# `similarity`). Chosen together for the best B-cubed F1 on stance folds 1 and 2 (all undated;
# bench/cluster_eval.py --stance, 2026-12-01; link 0.5, 0.75, 1 and thresholds 0.25 to 0.37
# tried): 0.722 / 0.667 against 0.702 / 0.674 with the centroid alone at 0.30, the off-topic
# articles placed in their claim's story 11.2% / 5.6% against 16.9% / 8.2%, no story over 30
# members against 123 (fold 3, untouched: 0.704 against 0.691, 9.6% against 14.4%). At 0.37 each
# fold keeps under 10% off-topic, for F1 0.681 / 0.640. Re-run the folds after changing either.
UNDATED_LINK = 0.5
UNDATED_JOIN_THRESHOLD = 0.33
WINDOW_DAYS = 7
TOP_TERMS = 25  # words per article used to find candidate stories
MIN_SHARED_KEYS = 2  # entities or top words a candidate story must share with the article
MAX_CANDIDATES = 50  # stories compared per article, those sharing the most keys
COPY_JACCARD = 0.8  # MinHash estimate above which two articles are the same text
SHINGLE = 5
PERMUTATIONS = 64
BAND_ROWS = 4  # MinHash rows per locality-sensitive band: 16 bands find a pair at 0.8 with p > 0.999
ENTITY_TYPES_FOR_STORIES = ("PER", "ORG", "LOC", "MISC")


@dataclass(slots=True)
class Doc:
    id: str
    outlet: str | None
    day: date | None
    terms: Counter[str]
    entities: Counter[str]
    signature: np.ndarray
    copy_of: str | None = None
    # Split off another article's page («اقرأ أيضاً»): the page's date is no evidence of its own.
    appended: bool = False


@dataclass(slots=True)
class Reading:
    """A document read once with the weights: its words and entities (Weighted), and the keys
    that find candidate stories."""

    terms: Weighted
    entities: Weighted
    keys: list[str]


@dataclass(slots=True)
class Story:
    id: str
    members: list[str] = field(default_factory=list)
    # Sums of the members' dampened counts (see `dampened`)
    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    first: date | None = None
    last: date | None = None
    # Squared IDF-weighted norms of `terms` and `entities`, kept up to date as members join so a
    # similarity costs the size of the article, not of the story; and the sums of the members'
    # own (how much the members agree: see `similarity`). An entity's weight follows its name, so
    # the members' squared entity counts are summed by entity (`entity_squares`), from which
    # their norms are summed again with the weights of the day (`restore_sums`).
    terms_norm2: float = 0.0
    entities_norm2: float = 0.0
    terms_members2: float = 0.0
    entities_members2: float = 0.0
    entity_squares: dict[str, float] = field(default_factory=dict)
    keys: dict[str, None] = field(default_factory=dict)  # index keys of its members, in order
    # A retired story's counts, packed (words, counts, names, counts, squared counts in the names'
    # order: `entity_squares` has the keys of `entities`); the dictionaries are empty meanwhile.
    packed: tuple[tuple[str, ...], np.ndarray, tuple[str, ...], np.ndarray, np.ndarray] | None = None

    def add(self, doc: Doc, reading: Reading) -> None:
        self.members.append(doc.id)
        self.terms_norm2 += _grow(self.terms, reading.terms)
        self.entities_norm2 += _grow(self.entities, reading.entities)
        self.terms_members2 += reading.terms.norm**2
        self.entities_members2 += reading.entities.norm**2
        for e, v in reading.entities.counts.items():
            self.entity_squares[e] = self.entity_squares.get(e, 0.0) + v * v
        if doc.day:
            self.first = min(self.first or doc.day, doc.day)
            self.last = max(self.last or doc.day, doc.day)

    def pack(self) -> None:
        squares = np.fromiter((self.entity_squares[e] for e in self.entities), np.float64, len(self.entities))
        self.packed = (tuple(self.terms), np.fromiter(self.terms.values(), np.float64, len(self.terms)),
                       tuple(self.entities), np.fromiter(self.entities.values(), np.float64, len(self.entities)), squares)
        self.terms, self.entities, self.entity_squares = {}, {}, {}

    def unpack(self) -> None:
        if self.packed is not None:
            words, counts, names, times, squares = self.packed
            self.terms, self.entities = dict(zip(words, counts.tolist(), strict=True)), dict(zip(names, times.tolist(), strict=True))
            self.entity_squares = dict(zip(names, squares.tolist(), strict=True))
            self.packed = None


@dataclass(frozen=True, slots=True)
class StorySums:
    """A story as clustering holds it, without its members' vectors: the sums of their dampened
    word and entity counts, its first and last day, its words' weighted norm and the sum of its
    members' (the reference weights are fixed; the entities' norms are computed again, as their
    weights follow their names: from the sums, and from the members' squared entity counts summed
    by entity), and its index keys in the order its members brought them. Kept in the store for
    each story of a few members or more (stories/build.KEEP_SUMS_FROM), so a run reads a
    candidate story's sums, not every member's vector."""

    terms: dict[str, float]
    entities: dict[str, float]
    first: date | None
    last: date | None
    terms_norm2: float
    keys: tuple[str, ...]
    terms_members2: float
    entity_squares: dict[str, float]

    def to_json(self) -> str:
        return json.dumps(
            {
                "terms": self.terms, "entities": self.entities, "first": _iso(self.first), "last": _iso(self.last),
                "terms_norm2": self.terms_norm2, "keys": self.keys,
                "terms_members2": self.terms_members2, "entity_squares": self.entity_squares,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> StorySums:
        d = json.loads(text)
        return cls(
            d["terms"], d["entities"], _day(d["first"]), _day(d["last"]), d["terms_norm2"], tuple(map(sys.intern, d["keys"])),
            d["terms_members2"], d["entity_squares"],
        )  # fmt: skip


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def content_terms(text: str) -> Counter[str]:
    """Content words with their proclitics off (والأسر، الأسر -> أسر; بالوادي، الوادي -> وادي):
    two outlets telling one event rarely attach the same clitics to the same words. In a text
    whose words are mostly Arabic, a word with no Arabic letter («signInEmailAddress», «email»,
    «blog») is markup or site furniture a whole-page text dump kept (a login form, a licence,
    contact lines) far more often than a word of the story, and it weighs as a rare word (the
    reference holds Arabic only): it made one site's pages about different events one story. On
    the stance folds (bench/cluster_eval.py --stance, 2026-12-01; decided on folds 1 and 2):
    B-cubed F1 0.688 / 0.671 / 0.673 -> 0.702 / 0.678 / 0.694. A text in another language keeps
    its words."""
    stems = content_stems(text)
    arabic = [stem for stem in stems if _has_arabic_letter(stem)]
    return Counter(arabic if 2 * len(arabic) >= len(stems) else stems)


def content_stems(text: str) -> list[str]:
    """The text's content words with their proclitics off, in text order."""
    return [stem for w in words(text) if (stem := _content_stem(w))]




@lru_cache(maxsize=1 << 18)
def _has_arabic_letter(stem: str) -> bool:
    return bool(AR_LETTER_RE.search(stem))


@lru_cache(maxsize=1 << 18)
def _content_stem(word: str) -> str:
    """A word's content stem, or "" for a stop word, a number or a stem under three letters;
    remembered (a dossier's rebuild reads its stored members' sentences again)."""
    stop = stopwords()
    key = word_key(word)
    if key in stop or key.isdigit():
        return ""
    stem = strip_proclitics(key)
    return stem if len(stem) >= 3 and stem not in stop else ""


_PRIME = (1 << 61) - 1
_BAND_MIX = 0x9E3779B97F4A7C15  # an odd 64-bit multiplier (the golden ratio's): a band's rows folded into one hash
_rng = np.random.default_rng(20231013)
_A = _rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


def minhash(text: str) -> np.ndarray:
    """MinHash signature of the word 5-shingles of a text."""
    keys = search_terms(text)
    shingles = {" ".join(keys[i : i + SHINGLE]) for i in range(max(1, len(keys) - SHINGLE + 1))}
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") >> 4 for s in shingles], dtype=np.uint64
    )
    with np.errstate(over="ignore"):
        values = (hashes[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)
    signature: np.ndarray = values.min(axis=0)
    return signature


def make_doc(
    article_id: str, outlet: str | None, day: date | None, text: str, headline: str | None, entities: Iterable[str], appended: bool = False
) -> Doc:
    terms = content_terms(f"{headline or ''}\n{text}")
    return Doc(article_id, outlet, day, terms, Counter(entities), minhash(text), appended=appended)


@dataclass(frozen=True, slots=True)
class Weighted:
    """Counts read once with their weights: each term's squared weight and the weighted norm
    (summed in the counts' order), so comparing them with many others costs no weight lookups."""

    counts: Mapping[str, float]
    squares: dict[str, float]
    norm: float

    @classmethod
    def of(cls, counts: Mapping[str, float], idf: dict[str, float]) -> Weighted:
        weights = {t: idf.get(t, 1.0) for t in counts}
        return cls(counts, {t: w**2 for t, w in weights.items()}, math.sqrt(sum((v * weights[t]) ** 2 for t, v in counts.items())))


def weighted_cosine(a: Weighted, b: Weighted) -> float:
    """The IDF-weighted cosine of two vectors, summed over the smaller one."""
    if not a.counts or not b.counts:
        return 0.0
    small, big = (a, b) if len(a.counts) < len(b.counts) else (b, a)
    dot = sum(v * big.counts[t] * small.squares[t] for t, v in small.counts.items() if t in big.counts)
    return dot / (a.norm * b.norm) if a.norm and b.norm else 0.0


def _grow(total: dict[str, float], added: Weighted) -> float:
    """Add `added` into `total`; returns how much the squared weighted norm of `total` grew."""
    growth = 0.0
    for t, v in added.counts.items():
        old = total.get(t, 0.0)
        total[t] = old + v
        growth += ((old + v) ** 2 - old**2) * added.squares[t]
    return growth


def _cosine_to(a: Weighted, total: dict[str, float], total_norm2: float, agreement: float = 1.0, link: float = 0.0) -> float:
    """Weighted cosine of a document's vector with a story's, whose norm is known; times the
    story's `agreement` (see `similarity`) to the power `link`."""
    if not a.counts or total_norm2 <= 0:
        return 0.0
    dot = sum(v * total[t] * a.squares[t] for t, v in a.counts.items() if t in total)
    return float(dot / (a.norm * math.sqrt(total_norm2)) * (math.pow(agreement, link) if link else 1.0)) if a.norm else 0.0


def _agreement(members: int, total_norm2: float, members2: float) -> float:
    """How much a story's members agree, from the norm of their sum and the sum of their norms:
    1 when they are one vector, 1/sqrt(n) when n of them share nothing."""
    if members <= 1 or members2 <= 0:
        return 1.0
    return min(1.0, math.sqrt(total_norm2 / (members * members2)))


def top_words(terms: Mapping[str, float], idf: Mapping[str, float]) -> list[str]:
    """The words by which an article finds its candidate stories: its TOP_TERMS words by weighted
    count, ties in the text's order. Words weigh what the fixed reference says, so they are
    computed once per article and kept in the store (the index an undated article is looked up by)."""
    return sorted(terms, key=lambda t: -terms[t] * idf.get(t, 1.0))[:TOP_TERMS]


def story_keys(entities: Iterable[str], words: Iterable[str]) -> list[str]:
    """An article's index keys: the entities it names (each once) and its top words. Interned: a
    retired story keeps its keys, and an archive's stories share one copy."""
    return [sys.intern(f"e:{e}") for e in dict.fromkeys(entities)] + [sys.intern(f"w:{t}") for t in words]


def shares_enough(shared: int, keys: int) -> bool:
    """A story sharing `shared` of an article's `keys` keys is compared with it: one shared common
    word is not a reason to compare, unless the article has no more keys than that."""
    return shared >= MIN_SHARED_KEYS or keys <= MIN_SHARED_KEYS


def _read(doc: Doc, idf: dict[str, float]) -> Reading:
    keys = story_keys(doc.entities, top_words(doc.terms, idf))
    return Reading(Weighted.of(dampened(doc.terms), idf), Weighted.of(dampened(doc.entities), idf), keys)


def dampened(counts: Counter[str]) -> dict[str, float]:
    """Counts as clustering weighs them, 1 + ln(count) (sublinear term frequency): a word a long
    page repeats twenty times is telling, but not twenty times more than a word it says once, so
    one page's pet words (a roundup's, a site's furniture) do not pull a story's vector their
    way. On stance folds 1 and 2, end to end (bench/cluster_eval.py --stance, 2026-11-30): B-cubed
    F1 0.659 / 0.603 with raw counts, 0.688 / 0.671 dampened, the join threshold retuned from 0.35
    to 0.30 on those folds (fold 3, untouched: 0.654 -> 0.673)."""
    return {t: 1.0 + math.log(v) for t, v in counts.items()}


def similarity(doc: Doc, reading: Reading, story: Story) -> float:
    """Word cosine, or equal parts word and entity evidence when that is higher; both IDF-weighted:
    the entities every story of an archive shares (a country, its leader) weigh less than the
    ones that mark this event.

    For an undated article each cosine with the story's centroid is weighed by how much the
    story's members agree (sqrt(|sum|^2 / (n * sum of |member|^2)): 1 when they say the same,
    falling towards 1/sqrt(n) as n members share less) to the power UNDATED_LINK: at 1 that is,
    for members of one length, the mean of its cosines with each member (average link). A dated
    article meets only stories within the window of its day, which bounds how far theirs drift.

    Entity evidence is the entity cosine, discounted twice: when only one name is shared it counts
    half (a minister is in many stories; two shared names are a cast), and by the days between the
    article and the story (the same people days apart are more often a new event than the same
    one)."""
    n, link = len(story.members), 0.0 if doc.day else UNDATED_LINK
    agreement = _agreement(n, story.terms_norm2, story.terms_members2) if link else 1.0
    words = _cosine_to(reading.terms, story.terms, story.terms_norm2, agreement, link)
    if not doc.entities or not story.entities:
        return words  # no names on one side is no evidence either way
    shared = sum(1 for e in doc.entities if e in story.entities)
    if not shared:
        return words
    agreement = _agreement(n, story.entities_norm2, story.entities_members2) if link else 1.0
    evidence = _cosine_to(reading.entities, story.entities, story.entities_norm2, agreement, link) * (0.5 if shared == 1 else 1.0)
    if doc.day and story.first and story.last:
        gap = max(0, (doc.day - story.last).days, (story.first - doc.day).days)
        evidence *= max(0.0, 1 - gap / WINDOW_DAYS)
    # Shared names raise the score; names the tagger found on one side only do not lower it
    # below what the words say (the tagger misses many names it has not seen).
    return max(words, 0.5 * words + 0.5 * evidence)


class Clusterer:
    """Places documents into stories, one at a time, in the order given (oldest first). Near-copies
    are marked before (`near_copies`, `mark_copies`): a document's `copy_of` is read, not found."""

    def __init__(self, idf: dict[str, float]) -> None:
        self.idf = idf
        self.stories: dict[str, Story] = {}
        # entity or top word -> the stories a dated article can still reach (ordered)
        self.by_key: dict[str, dict[str, None]] = defaultdict(dict)
        # Stories out of every later dated article's reach (their last day more than the window
        # behind the newest one), in the order they were retired; only undated articles look at
        # them, through an index built the first time one does.
        self.retired: dict[str, None] = {}
        self._retired_index: dict[str, dict[str, None]] | None = None
        # Stories of undated articles only (no candidates for a dated article: `_candidates`),
        # so a dated article's candidates are not each looked up to find the few.
        self._undated: set[str] = set()
        self._last_days: list[tuple[date, str]] = []  # (a story's last day, story): a heap

    def restore(self, story_id: str, docs: list[Doc]) -> None:
        """A story already stored, with its members: new documents may join it."""
        story = self.stories.setdefault(story_id, Story(story_id))
        for doc in docs:
            self._add(story, doc, _read(doc, self.idf))

    def restore_sums(self, story_id: str, members: list[str], sums: StorySums) -> None:
        """A story already stored, from its sums (`sums_of`) rather than its members' vectors: the
        story `restore` makes of them but for float rounding (the sums were added in the order the
        members were placed, `restore` adds them in the order they were stored), read in the size
        of its vocabulary, not of its members' (a story of hundreds of articles is a candidate for
        many undated ones)."""
        story = Story(story_id, list(members), dict(sums.terms), dict(sums.entities), sums.first, sums.last, sums.terms_norm2)
        story.entities_norm2 = sum((v * self.idf.get(e, 1.0)) ** 2 for e, v in story.entities.items())
        story.terms_members2, story.entity_squares = sums.terms_members2, dict(sums.entity_squares)
        story.entities_members2 = sum(self.idf.get(e, 1.0) ** 2 * v for e, v in story.entity_squares.items())
        self.stories[story_id] = story
        if story.last is not None:
            heappush(self._last_days, (story.last, story.id))
        if story.first is None:
            self._undated.add(story_id)
        for k in sums.keys:
            story.keys[k] = None
            self.by_key[k][story_id] = None

    def sums_of(self, story_id: str) -> StorySums:
        """What `restore_sums` needs of a story to make it again."""
        story = self.stories[story_id]
        story.unpack()
        sums = StorySums(
            dict(story.terms), dict(story.entities), story.first, story.last, story.terms_norm2, tuple(story.keys),
            story.terms_members2, dict(story.entity_squares),
        )  # fmt: skip
        if story_id in self.retired:
            story.pack()
        return sums

    def _add(self, story: Story, doc: Doc, reading: Reading) -> None:
        story.unpack()
        last = story.last
        story.add(doc, reading)
        if story.first is None:
            self._undated.add(story.id)
        else:
            self._undated.discard(story.id)
        if story.last is not None and story.last != last:
            heappush(self._last_days, (story.last, story.id))
        for k in reading.keys:
            story.keys[k] = None
            if story.id in self.retired:
                if self._retired_index is not None:
                    self._retired_index.setdefault(k, {})[story.id] = None
            else:
                self.by_key[k][story.id] = None
        if story.id in self.retired:
            story.pack()

    def _retire_before(self, horizon: date) -> None:
        """Retire the stories whose last day is before `horizon`: no article of that day or later
        can join them. Documents come oldest first, so what one retires stays out of reach."""
        while self._last_days and self._last_days[0][0] < horizon:
            last, story_id = heappop(self._last_days)
            story = self.stories[story_id]
            if story.last != last or story_id in self.retired:
                continue  # a later day was pushed for it
            for k in story.keys:
                live = self.by_key[k]
                del live[story_id]
                if not live:
                    del self.by_key[k]
                if self._retired_index is not None:
                    self._retired_index.setdefault(k, {})[story_id] = None
            self.retired[story_id] = None
            story.pack()

    def _retired_by_key(self) -> dict[str, dict[str, None]]:
        if self._retired_index is None:
            self._retired_index = defaultdict(dict)
            for story_id in self.retired:
                for k in self.stories[story_id].keys:
                    self._retired_index[k][story_id] = None
        return self._retired_index

    def _candidates(self, doc: Doc, keys: list[str]) -> dict[str, None]:
        """Stories sharing a key with the document: those still in reach, and for an undated
        document the retired ones too. A story of undated articles only is no candidate for a
        dated one: it has no evidence of when it happened (in one run a dated article never meets
        one: undated articles are placed last), and a dated article's place would otherwise
        depend on whether its run also holds an undated one, for which such stories are read."""
        hits: Counter[str] = Counter()
        retired = self._retired_by_key() if doc.day is None and self.retired else None
        for k in keys:
            live = self.by_key.get(k)
            if live:
                hits.update(iter(live))
            if retired is not None and k in retired:
                hits.update(iter(retired[k]))
        if doc.day and self._undated:
            for s in [s for s in self._undated if s in hits] if len(self._undated) < len(hits) else [s for s in hits if s in self._undated]:
                del hits[s]
        # The stories sharing the most keys, and enough of them.
        return dict.fromkeys(s for s, n in hits.most_common(MAX_CANDIDATES) if shares_enough(n, len(keys)))

    def place(self, doc: Doc) -> str:
        if doc.day:
            self._retire_before(doc.day - timedelta(days=WINDOW_DAYS))
        reading = _read(doc, self.idf)
        best, best_score = None, JOIN_THRESHOLD if doc.day else UNDATED_JOIN_THRESHOLD
        # An article split off another's page with no date of its own has no evidence of when it
        # was written (a «read also» teaser may be years old): it joins a story only as a
        # near-copy of one of its articles, never by topic alone.
        undated_teaser = doc.appended and doc.day is None and doc.copy_of is None
        for sid in {} if undated_teaser else self._candidates(doc, reading.keys):
            story = self.stories[sid]
            if (
                doc.day
                and story.first
                and story.last
                and not ((story.first - doc.day).days <= WINDOW_DAYS and (doc.day - story.last).days <= WINDOW_DAYS)
            ):
                continue
            if story.packed is not None:  # a retired story, for an undated document: read, then packed again
                story.unpack()
                score = similarity(doc, reading, story)
                story.pack()
            else:
                score = similarity(doc, reading, story)
            if score > best_score:
                best, best_score = sid, score
        if best is None:
            best = "s-" + hashlib.sha1(doc.id.encode()).hexdigest()[:12]
            self.stories[best] = Story(best)
        self._add(self.stories[best], doc, reading)
        return best


def near_copies(signatures: Sequence[np.ndarray], first: int = 0) -> dict[int, int]:
    """For each document from index `first` on, the first earlier one it is a near-copy of
    (estimated Jaccard of their word shingles at least COPY_JACCARD), by index: earlier bands
    first, then earlier documents. Locality-sensitive hashing over bands of BAND_ROWS rows, for
    all documents at once (each band's hashes sorted, documents sharing one compared), so no
    index of every band of every document is held while stories are built."""
    n = len(signatures)
    if n - first <= 0:
        return {}
    matrix = np.stack(signatures)
    rows = matrix.reshape(n, PERMUTATIONS // BAND_ROWS, BAND_ROWS)
    with np.errstate(over="ignore"):
        hashes = rows[:, :, 0].copy()
        for r in range(1, BAND_ROWS):
            hashes = hashes * np.uint64(_BAND_MIX) + rows[:, :, r]
    # document -> (band, the documents before it with that band's hash), bands in order
    shared: dict[int, list[tuple[int, np.ndarray]]] = defaultdict(list)
    for band in range(hashes.shape[1]):
        column = hashes[:, band]
        order = np.argsort(column, kind="stable")  # equal hashes together, each run in index order
        ordered = column[order]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        ends = np.append(starts[1:], n)
        for start, end in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist(), strict=True):
            run = order[start:end]
            for j in range(1, len(run)):
                if run[j] >= first:
                    shared[int(run[j])].append((band, run[:j]))
    found: dict[int, int] = {}
    for i in sorted(shared):
        for band, earlier in shared[i]:
            match = next(
                (int(e) for e in earlier if np.array_equal(rows[e, band], rows[i, band]) and float(np.mean(matrix[e] == matrix[i])) >= COPY_JACCARD),
                None,
            )
            if match is not None:
                found[i] = match
                break
    return found


def mark_copies(docs: Sequence[Doc], first: int = 0) -> None:
    """Set `copy_of` of each document from index `first` on that is a near-copy of an earlier
    one (see near_copies)."""
    for i, j in near_copies([d.signature for d in docs], first).items():
        docs[i].copy_of = docs[j].id


def idf_of(docs: Iterable[Doc]) -> dict[str, float]:
    """Inverse document frequency of words and of entity ids (the two never collide: ids are Latin)."""
    df: Counter[str] = Counter()
    n = 0
    for d in docs:
        df.update(d.terms.keys())
        df.update(d.entities.keys())
        n += 1
    return {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
