"""The cross-document stages, run by an engine once a run's pages are in the store: the engine
reads their inputs from the store, calls the pure stage functions and hands the results back.
`Vectorise` is where an engine spreads the per-article part of story clustering (the Dask engine
runs it on its workers); the rest is ordered (articles are placed oldest first) and runs here."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta

from marsad.engine.memory import release_freed_memory
from marsad.entities.names import consonants, name_skeleton, same_word
from marsad.entities.resolve import (
    MIN_NAME_SUPPORT,
    Entity,
    MentionRow,
    NeedsEntities,
    Tally,
    TallyKey,
    UnionFind,
    block_text,
    complete_names,
    completion_names,
    dominant,
    most_frequent,
    name_keys,
    name_support,
    person_group,
    registry_fingerprint,
    registry_name,
    resolve,
    tally_key,
)
from marsad.meta.registry import Registry
from marsad.store.base import Store
from marsad.stories.build import Assignment, StoryArticle, StoryVector, StoryWork, assign, dossier_of, story_work, vectorise
from marsad.stories.cluster import MAX_CANDIDATES, WINDOW_DAYS, StorySums, shares_enough, story_keys, top_words
from marsad.stories.dossier import search_format
from marsad.stories.records import Dossier
from marsad.stories.weights import reference_weights

DOSSIER_BATCH_ARTICLES = 500  # member records held at once while dossiers are rebuilt
VECTORISE_CHUNK = 1000  # new articles whose texts are read and vectorised at once

# (id, headline, text) of articles -> their story vectors.
Vectorise = Callable[[list[tuple[str, str | None, str]]], list[StoryVector]]


def vectorise_here(articles: list[tuple[str, str | None, str]]) -> list[StoryVector]:
    return [vectorise(*a) for a in articles]


# Stories to rebuild and the word weights -> their dossiers and claim searches to keep
# (stories/build.dossier_of), to collect when wanted (an engine may build them elsewhere
# meanwhile: the Dask engine on its workers).
Built = list[tuple[Dossier, str | None]]
BuildDossiers = Callable[[list[StoryWork], dict[str, float]], Callable[[], Built]]


def dossiers_here(vocabulary: Collection[str]) -> BuildDossiers:
    """Dossiers built in this process. `vocabulary`: the tagger's words."""

    def build(work: list[StoryWork], idf: dict[str, float]) -> Callable[[], Built]:
        dossiers = [dossier_of(w, idf, vocabulary) for w in work]
        return lambda: dossiers

    return build


def update_entities(store: Store, registry: Registry) -> set[str]:
    """Complete the person names the tagger cut short, then resolve the mentions no run has
    resolved yet against the stored entities they may join (as resolve's `tallies`, and their
    mentions in the articles where something is decided as its `known`), rebuilding only the
    entities they touch: a run reads the new mentions and those entities' spellings (and
    rewrites those entities, whose records list their articles).
    A store resolved with another registry (or made before the name keys) is resolved in full.
    Deterministic: the same mentions give the same ids. Returns the articles whose entities
    changed (their stories' dossiers are rebuilt)."""
    texts: dict[str, str] = {}

    def text_of(article_id: str) -> str:
        if article_id not in texts:
            texts[article_id] = store.article_text(article_id)
        return texts[article_id]

    # One write transaction from the first read to the last write: a concurrent run (PostgreSQL)
    # waits for the writer lock instead of resolving the same mentions against entities that
    # are being rewritten.
    with store.transaction():
        touched = _update_entities(store, registry, text_of)
        # With the entities they change, not later: a run stopped after this transaction would
        # leave the next one no `touched`, and a story's kept sums naming the entities as they were.
        store.drop_story_sums_of(touched)
        return touched


def _update_entities(store: Store, registry: Registry, text_of: Callable[[str], str]) -> set[str]:
    fingerprint = registry_fingerprint(registry)
    store.fill_completion_blocks()
    if store.needs_full_resolution(fingerprint):
        return resolve_in_full(store, registry, text_of, fingerprint)
    _complete_new_names(store, text_of)
    new = store.unresolved_mentions()
    stale = store.stale_entities()
    if not new and not stale:
        return set()
    ids, recheck, wide = _neighbourhood(store, new, registry)
    ids |= stale
    people = _People(store)
    # Where a mention is decided (a new one's article, a rechecked one's), every stored mention
    # of the entities read is read one by one; elsewhere an entity is its tally (a stale one,
    # whose tally no longer matches its mentions, is read whole).
    here: dict[str, list[MentionRow]] = defaultdict(list)  # entity -> its mentions in those articles
    read_in: set[str] = set()
    whole = store.entity_mention_rows(stale)
    # A stale entity as the last resolution left it (its tally): what the bare words it took were
    # decided by; its rows now lack the mentions a completion or a page analysed again took away.
    was_stale = {t.entity_id: t.counts for t in store.entity_tallies(stale)}
    while True:
        deciding = ({m.article_id for m in new} | {a for a, _ in recheck}) - read_in
        for m in store.resolved_mentions_in(deciding):
            if m.entity_id and m.entity_id not in stale:
                here[m.entity_id].append(m)
        read_in |= deciding
        known = [m for e in sorted(ids & here.keys()) for m in here[e]] + whole
        # The people a bare word decided here may belong to through the store-wide rule: read
        # when one or two (one may be the one, or a read one may turn), else only counted.
        namesakes = {w: people.ending(w) for w in _bare_words(new, known, recheck)}
        if few := {e for found in namesakes.values() if len(found) <= 2 for e in found} - ids:
            ids |= few
            continue
        tallies = [t.without(here[t.entity_id]) if t.entity_id in here else t for t in store.entity_tallies(ids - stale)]
        unread = {w: found - ids for w, found in namesakes.items() if found - ids}
        try:
            assignment, entities = resolve(new, registry, known, recheck, tallies, unread)
        except NeedsEntities as needed:
            ids |= needed.entity_ids
            continue
        # An entity built here may have the id of a stored one it did not read (the same name
        # and type reached by another road): a full resolution makes them one, so read it too.
        if same_id := set(store.entity_names(e.id for e in entities)) - ids:
            ids |= same_id
            continue
        # The stored bare words the new full names may have decided otherwise, now that the
        # people they belong to are known: resolve again with them, as a full resolution would.
        more = [w for w in wide.affected(store, people, ids, new, known, tallies, assignment, entities, was_stale) if w[:2] not in recheck]
        if not more:
            break
        more_recheck, more_ids = _rechecked(store, more)
        recheck |= more_recheck
        ids |= more_ids
    touched = _touched(known + new, assignment, entities, tallies, store.articles_naming)
    store.update_resolution(assignment, entities, ids, fingerprint)
    return touched


def resolve_in_full(store: Store, registry: Registry, text_of: Callable[[str], str], fingerprint: str) -> set[str]:
    """Complete names and resolve every mention in the store (a first run on an older store, or
    a change of registry), inside the caller's transaction; returns the articles whose entities
    changed."""
    changes = complete_names(store.person_spans(), text_of)
    store.update_mention_spans([(new, text_of(new.article_id)) for _, new in changes])
    rows = store.mention_rows()
    assignment, entities = resolve(rows, registry)
    touched = _touched(rows, assignment, entities)
    store.replace_entities(assignment, entities, fingerprint)
    return touched


def _touched(
    rows: list[MentionRow],
    assignment: dict[tuple[str, int], str],
    entities: list[Entity],
    tallies: Collection[Tally] = (),
    articles_naming: Callable[[set[str]], set[str]] = lambda _: set(),
) -> set[str]:
    """The articles a resolution changes: a mention's entity is another (a row's, or a tallied
    entity's whose id is no longer built). A tallied entity's articles are asked of the store
    (`articles_naming`: the articles naming these stored entities), only when it changes. An
    entity that is only called otherwise now (its most written spelling turned) changes no
    article: the store shows dossiers with the names entities have when read (Dossier.named)."""
    out = {m.article_id for m in rows if assignment.get((m.article_id, m.seq)) != m.entity_id}
    built = {e.id for e in entities}
    changed = {t.entity_id for t in tallies if t.entity_id not in built}
    return out | (articles_naming(changed) if changed else set())


def _complete_new_names(store: Store, text_of: Callable[[str], str]) -> None:
    """Lengthen the new person mentions the tagger cut short, and the stored ones that the new
    full names complete (a name is known once the store holds it MIN_NAME_SUPPORT times), as a
    completion over the whole store would."""
    new = store.person_spans(unresolved=True)
    if not new:
        return
    # Stored names one word short of a new full name may now be completed by it, if that name is
    # known only from this run on (seen MIN_NAME_SUPPORT times with the new mentions, fewer
    # before): a name the store knew already completed them when it became known.
    full = {p.key: name_keys(p.key) for p in new if " " in p.key}
    blocks = {(k.words, k.first, k.last) for k in full.values() if k.first and k.last}
    before = name_support(store.person_names_in(blocks, resolved=True))
    now = before + name_support(Counter(p.key for p in new))
    newly_known = {form for form, n in now.items() if n >= MIN_NAME_SUPPORT > before[form]}
    # The stored mentions one word short of a newly known name: those that with the word after
    # or before them make a name of its block (a name known before completed its mentions when it
    # became known). The others in their articles only hold their words.
    new_ids = {p.article_id for p in new}
    short = [p for p in store.person_spans_completed_by({block_text(form) for form in newly_known}) if p.article_id not in new_ids]
    others = [p for p in store.person_spans_of({p.article_id for p in short}) if p.article_id not in new_ids]
    known_names = completion_names(new + short, text_of, store.person_names_in)
    changes = complete_names(new + others, text_of, known_names, new + short)
    store.update_mention_spans([(after, text_of(after.article_id)) for _, after in changes])


def _neighbourhood(store: Store, new: list[MentionRow], registry: Registry) -> tuple[set[str], set[tuple[str, int]], _BareWords]:
    """The stored entities the new mentions may join or change, and the stored bare words they
    may decide again (resolve's `recheck`). A bare word only ever joins a person's full name:
    in its article, the one full name there whose first or last word it spells (of several, one
    named three times as often as the others); else the one full name in the store ending in it.
    - spellings in the same resolution block: the same consonants, or for names of three words
      or more the same length and first and last word; the same registry organisation;
    - for a new bare word, the full names ending in it when one or two (_People);
    - for a new full name spelt as a stored name of another type, only the stored bare words of
      the entities it does turn into a person or out of one, once the run's entities are known
      (_BareWords.affected, which weighs what resolve weighs: person_group); rechecking every
      stored bare word of its last word beforehand re-read a third of a 1,500-article store for
      150 new articles (2,710 bare words in 538 articles, most of them for an odd tag of a
      familiar name);
    - for a new full name spelt as no stored name is, which stored bare words it decides again
      (the people a bare word may belong to change in number, in size or in type) is known
      once the run's people are (_BareWords);
    - for a new full name spelt as a stored person's name is (a person as resolve weighs its
      entity; the new mention of any type: a size counts them all), no group changes but by the
      turns above, only its size:
      the stored bare words it may concern are those whose article names several full names
      with their first or last word (the 3-to-1 rule weighs their sizes), of any spelling of
      that person, and of those only the ones whose 3-to-1 decision the new sizes turn
      (_BareWords); not every bare word of that sound in the archive;
    - the stored bare words of an article with new mentions (a name completed there may now be
      the one they belong to)."""
    keys = [(m, name_keys(m.key)) for m in new]
    ids = store.entities_sounding("sound", {k.sound for _, k in keys if k.sound})
    ids |= store.entities_with_ends({(k.words, k.first, k.last) for _, k in keys if k.words >= 3 and k.first and k.last})
    ids |= store.entities_named({n for m, _ in keys if (n := registry_name(m.key, registry))})
    # Of each stored spelling, the first and last words of all its entity's full names if they
    # are a person's as resolve weighs them (person_group, whatever type the entity is stored
    # as; one that a run turns into a person is found after resolving: _BareWords.affected): the
    # entities holding a new name's spelling have its sound, so they are among `ids` already.
    ends: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for tally in store.entity_tallies(ids):
        forms = [(name_skeleton(key), name_keys(key)) for key in {key for key, *_ in tally.counts}]
        full_ends = {s for _, k in forms if k.words >= 2 for s in (k.first, k.last) if s} if person_group(tally.counts)[0] else set()
        for form, _ in forms:
            ends[form] |= full_ends
    unseen: dict[str, list[MentionRow]] = defaultdict(list)  # last word -> new full names spelt as no stored name
    familiar: set[str] = set()
    for m, k in keys:
        if k.words >= 2 and k.last:
            if (form := name_skeleton(m.key)) not in ends:
                unseen[k.last].append(m)
            else:
                familiar |= ends[form]
    words = store.resolved_bare_words_in({m.article_id for m in new})
    recheck, more = _rechecked(store, words)
    return ids | more, recheck, _BareWords(unseen, familiar)


def _rechecked(store: Store, words: list[tuple[str, int, str]]) -> tuple[set[tuple[str, int]], set[str]]:
    """Stored bare words (article, seq, sound) to decide again, and the entities that takes:
    their own and the full names in their articles (those ending in them: _People)."""
    sounds = {s for *_, s in words}
    # Of any number of words: a full name written as the bare word (عبد الله for عبدالله) is in its
    # group, whose type decides whether it is a person's.
    ids = store.entities_sounding("sound", sounds)
    ids |= store.entities_of_full_names_in({(a, s) for a, _, s in words})
    return {(a, seq) for a, seq, _ in words}, ids


class _BareWords:
    """The stored bare words a run's new names may decide otherwise. Far from those names, a
    bare word is decided by resolve's store-wide rule: it joins the one person in the store with
    a full name ending in it. Its fate changes only if the number of such people was one, or is
    one now, and is not the same one: a new «أحمد محمد» changes nothing for a bare «محمد» when
    the store knew two people called «… محمد» already. Rechecking every bare word of a new full
    name's last word instead (19,131 of 20,266 stored words rechecked by 150 egypt2013 articles
    added to 15,000) made each run's cost grow with the archive.
    Where a bare word is decided between the full names of its article, a new name (a familiar
    one, or a new spelling joining a stored person) changes it through the size of a person
    named there (the 3-to-1 rule): it is decided again only when the new sizes turn that
    decision (rechecking every bare word between namesakes sent back 2,620 stored words for the
    same run). A stored entity that a new spelling of another type turns into a person, or out
    of being one, sends back every bare word of its first and last words, and so does a bare
    spelling whose group new mentions turn. "A person" and "its size" are what resolve weighs
    (resolve.person_group), never the entity's stored type."""

    def __init__(self, unseen: Mapping[str, list[MentionRow]], familiar: set[str]) -> None:
        self.unseen = unseen  # last word's sound -> the new full names ending in it
        self.familiar = familiar  # sounds of the familiar people's names (their size changed)
        self.between_read: set[str] = set()  # sounds whose bare words between names are read
        self.between: dict[tuple[str, int, str], set[str]] = {}  # bare word -> the people it is between
        self.decided: dict[tuple[str, int, str], str] = {}  # bare word -> the entity it joined
        self.sizes: dict[str, int] = {}  # stored person -> its size (person_group)

    def affected(
        self,
        store: Store,
        people: _People,
        ids: set[str],
        new: list[MentionRow],
        known: list[MentionRow],
        tallies: list[Tally],
        assignment: Mapping[tuple[str, int], str],
        entities: list[Entity],
        was_stale: Mapping[str, Mapping[TallyKey, int]] | None = None,
    ) -> list[tuple[str, int, str]]:
        """(article, seq, sound) of the stored bare words to decide again, given a resolution of
        the `new` mentions and the entities `ids` (its `known` rows, `tallies`, `assignment` and
        `entities`). `was_stale`: the stale entities' stored tallies (they were people or not,
        and of a size, by those: their known rows are what is left of them now)."""
        was_stale = was_stale or {}
        now = {t: e.id for e in entities for t in e.tallied}  # stored entity -> the entity it is part of now
        now |= {m.entity_id: assignment[(m.article_id, m.seq)] for m in known if m.entity_id and len(name_skeleton(m.key)) >= 2}
        person = {e.id: person_group(e.tally) for e in entities}  # (a person's?, size) as resolve weighs them
        words: list[tuple[str, int, str]] = []
        if self.unseen:
            read = _people_ending((e.id, "PER" if person[e.id][0] else "", {key for key, *_ in e.tally}) for e in entities)
            changing = []
            for key in sorted(store.bare_word_keys(self.unseen.keys())):
                word = name_skeleton(key)[0]
                before = people.ending(word)
                after = (before - ids) | _namesakes(word, read)  # an entity not read is as it was
                if 1 in (len(before), len(after)) and {now.get(e, e) for e in before} != after:
                    changing.append(key)
            words = store.resolved_bare_words_spelt(changing)
        # A person who is one no longer, or an entity that turned a person (new spellings of
        # another type joined it): every bare word of its last word may change (the store-wide
        # rule reads last words), and of its first word those in the articles naming it (a bare
        # word meets a full name's first word only there). Every bare word of its first word
        # («أبو …», «عبد …») sent back hundreds that no rule could change.
        stored: dict[str, Counter[TallyKey]] = defaultdict(Counter)
        for t in tallies:
            stored[t.entity_id].update(t.counts)
        for m in known:
            if m.entity_id:
                stored[m.entity_id][tally_key(m)] += 1
        parts: dict[str, set[str]] = defaultdict(set)
        for was, part_of in now.items():
            parts[part_of].add(was)
        as_decided: dict[str, Mapping[TallyKey, int]] = {**stored, **was_stale}
        turned: set[str] = set()
        beside: set[tuple[str, str]] = set()  # (a first word's sound, a stored entity naming it)
        for e in entities:
            if any(person_group(as_decided[x])[0] != person[e.id][0] for x in parts[e.id] if x in as_decided):
                firsts, lasts = _ends(e, first=True, last=False), _ends(e, first=False, last=True)
                turned |= lasts
                beside |= {(sound, x) for sound in firsts - lasts for x in parts[e.id]}
        words += store.resolved_bare_words(turned)
        words += store.resolved_bare_words_beside(beside)
        words += store.resolved_bare_words_spelt(_bare_spellings_turned(new, stored.values()))
        # The people whose size changed: those of a familiar name, those a new name joined, and
        # those a new one-word spelling of a full name joined («أبومازن» for «أبو مازن»).
        of_stored = {assignment[(m.article_id, m.seq)] for m in known if (m.article_id, m.seq) in assignment}
        joined = {assignment[(m.article_id, m.seq)] for ms in self.unseen.values() for m in ms}
        run_words: dict[str, set[str]] = defaultdict(set)  # entity -> the new one-word spellings it took
        for m in new:
            if len(sk := name_skeleton(m.key)) == 1:
                run_words[assignment[(m.article_id, m.seq)]].add(sk[0])
        sounds = set(self.familiar)
        for e in entities:
            if not ((e.id in of_stored or e.tallied) and person[e.id][0]):
                continue
            names = {"".join(sk) for key, *_ in e.tally if len(sk := name_skeleton(key)) >= 2}
            # (A stale part's size changed with the mentions taken from it.)
            if e.id in joined or any(x in was_stale for x in parts[e.id]) or any(same_word(w, name) for w in run_words.get(e.id, ()) for name in names):
                sounds |= _ends(e)
        return words + self._turned_by_size(store, sounds, ids, now, person)

    def _turned_by_size(
        self, store: Store, sounds: set[str], ids: set[str], now: Mapping[str, str], person: Mapping[str, tuple[bool, int]]
    ) -> list[tuple[str, int, str]]:
        """The stored bare words with these sounds placed by the 3-to-1 rule between the full
        names of their article whose decision the run's new sizes turn: the one named three
        times as often as any other before is not the one now (or none was, or none is)."""
        if sounds - self.between_read:
            self._read_between(store, sounds - self.between_read)
        out = []
        for bare, stored in self.between.items():
            if bare[2] not in sounds:
                continue
            current = {now.get(e, e) for e in stored if e not in ids or person.get(now.get(e, e), (False, 0))[0]}
            sizes = {e: person[e][1] if e in person else self.sizes.get(e, 0) for e in current}
            choice = current if len(current) <= 1 else dominant(current, sizes)
            mine = now.get(self.decided[bare], self.decided[bare])
            if (mine not in choice) if choice else (mine in current):
                out.append(bare)
        return out

    def _read_between(self, store: Store, sounds: set[str]) -> None:
        """The stored bare words of these sounds between two people's full names in their
        article, as stored: the people (whose last or first word each spells), their sizes
        (person_group: the 3-to-1 rule's counts), and the entity each word joined."""
        self.between_read |= sounds
        rows = store.bare_words_between_names(sounds)
        groups = {t.entity_id: person_group(t.counts) for t in store.entity_tallies({f for *_, f, _ in rows})}
        candidates: dict[tuple[str, int, str], set[str]] = defaultdict(set)
        for article, seq, sound, key, entity, full, spelt in rows:
            word, sk = name_skeleton(key)[0], name_skeleton(spelt)
            if groups.get(full, (False, 0))[0] and len(sk) >= 2 and (same_word(word, sk[0]) or same_word(word, sk[-1])):
                candidates[(article, seq, sound)].add(full)
                self.decided[(article, seq, sound)] = entity
        # One full name there: its size does not matter.
        between = {bare: people for bare, people in candidates.items() if len(people) >= 2}
        self.between |= between
        self.sizes |= {e: groups[e][1] for people in between.values() for e in people}


def _bare_spellings_turned(new: list[MentionRow], stored: Iterable[Mapping[TallyKey, int]]) -> list[str]:
    """The stored keys of one-word names whose group of spellings the new mentions turn into a
    person's or out of one (resolve takes a bare word for a person's, beside a full name of its
    article or store-wide, only if its group is read as a person's). The group of a spelling is
    the spellings of its sound it may be (names.same_word: ترمب، ترامب), one through another as
    resolve joins them (same_word does not carry over: ترامب ~ ترمب ~ تريمب, not ترامب ~ تريمب),
    with the full names written as one of them (عبد الله / عبدالله), the run's new spellings with
    the stored ones. Every stored mention of such a spelling is among `stored` (the entities read
    hold every mention of a new mention's sound)."""
    run: dict[str, Counter[str]] = defaultdict(Counter)  # new spelling (a full name joined) -> its types
    for m in new:
        if sk := name_skeleton(m.key):
            run["".join(sk)][m.type] += 1
    if not run:
        return []
    sounds = {consonants(word) for word in run}
    before: dict[str, Counter[str]] = defaultdict(Counter)  # spelling (joined) -> its stored types
    keys: dict[str, set[str]] = defaultdict(set)  # spelling -> its stored one-word keys
    for counts in stored:
        for (key, _, kind, _), n in counts.items():
            sk = name_skeleton(key)
            if sk and consonants(word := "".join(sk)) in sounds:
                before[word][kind] += n
                if len(sk) == 1:
                    keys[word].add(key)
    by_sound: dict[str, list[str]] = defaultdict(list)
    for word in sorted(before.keys() | run.keys()):
        by_sound[consonants(word)].append(word)
    groups = UnionFind()
    for words in by_sound.values():
        for i, a in enumerate(words):
            groups.find(a)
            for b in words[i + 1 :]:
                if same_word(a, b):
                    groups.union(a, b)
    was: dict[str, Counter[str]] = defaultdict(Counter)
    now: dict[str, Counter[str]] = defaultdict(Counter)
    spelt: dict[str, set[str]] = defaultdict(set)
    for word in before.keys() | run.keys():
        g = groups.find(word)
        was[g] += before.get(word, Counter())
        now[g] += before.get(word, Counter()) + run.get(word, Counter())
        spelt[g] |= keys.get(word, set())
    return sorted(key for g in {groups.find(w) for w in run} if spelt[g] and (most_frequent(was[g]) == "PER") != (most_frequent(now[g]) == "PER") for key in spelt[g])


def _ends(e: Entity, first: bool = True, last: bool = True) -> set[str]:
    """The sounds of the first and last words of an entity's full names (or of one of them)."""
    return {s for key, *_ in e.tally if (k := name_keys(key)).words >= 2 for s in (k.first if first else "", k.last if last else "") if s}


class _People:
    """The stored people with a full name ending in a word, asked of the store once per sound
    (their ids and spellings only: an archive holds thousands of «… محمد», and a run reads
    the tallies of those it must, resolve counts the others)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_sound: dict[str, _Ending] = {}

    def ending(self, word: str) -> set[str]:
        sound = consonants(word)
        if sound not in self.by_sound:
            # A person's as resolve reads one: by the types of its full names' mentions.
            counts: dict[str, Counter[TallyKey]] = defaultdict(Counter)
            for eid, key, kind, n in self.store.full_names_ending(sound):
                counts[eid][(key, key, kind, "")] += n
            self.by_sound[sound] = _people_ending((eid, "PER" if person_group(c)[0] else "", {k for k, *_ in c}) for eid, c in counts.items())
        return _namesakes(word, self.by_sound[sound])


def _bare_words(new: list[MentionRow], known: list[MentionRow], recheck: Collection[tuple[str, int]]) -> set[str]:
    """The one-word names (skeletons) a resolution decides: new ones and rechecked ones."""
    deciding = [*new, *(m for m in known if (m.article_id, m.seq) in recheck)]
    return {sk[0] for m in deciding if len(sk := name_skeleton(m.key)) == 1}


# last word's sound -> (last word, person) of each full name of a person
_Ending = dict[str, set[tuple[str, str]]]


def _people_ending(people: Iterable[tuple[str, str, Collection[str]]]) -> _Ending:
    """Of (id, type, the keys it is read as) of entities, the last words of the persons' names
    of two words or more, by sound (resolve's `by_last`)."""
    out: _Ending = defaultdict(set)
    for eid, kind, spelt in people:
        if kind != "PER":
            continue
        for key in spelt:
            sk = name_skeleton(key)
            if len(sk) >= 2:
                out[consonants(sk[-1])].add((sk[-1], eid))
    return out


def _namesakes(word: str, ending: _Ending) -> set[str]:
    """The people with a full name whose last word the bare word (a skeleton word) spells."""
    return {eid for last, eid in ending.get(consonants(word), ()) if same_word(word, last)}


def update_stories(
    store: Store,
    vocabulary: Collection[str],
    vectorise_with: Vectorise = vectorise_here,
    touched: Collection[str] = (),
    dossiers_with: BuildDossiers | None = None,
) -> tuple[int, int]:
    """Vectorise the articles that have no story vector yet, place the articles without a story,
    and rebuild the dossiers of the stories that changed, and of those whose members' entities
    changed (`touched`, from update_entities), reading only their members' records; returns how
    many stories were rebuilt and how many member articles they hold (what the run's dossiers
    cost in proportion to). `vocabulary`: the tagger's words (Context.tagger.vocabulary()).
    `dossiers_with`: where dossiers are built (by default here)."""
    build = dossiers_with or dossiers_here(vocabulary)
    # New articles are vectorised a chunk at a time: their texts are not all held at once.
    while todo := store.unvectorised(VECTORISE_CHUNK):
        store.save_story_vectors(vectorise_with(todo))
        release_freed_memory()
    # Only the stories the new articles can join are read: a dated article joins a story whose
    # last day is within the window before its own (articles are placed oldest first, so none
    # reaches further back than the oldest new one); an undated one may join a story of any day,
    # and is compared with those sharing the most of its keys (its names and top words): those
    # are read.
    dates = store.unplaced_dates()
    reachable: set[str] = set()
    if any(dates):
        oldest = min(date.fromisoformat(d[:10]) for d in dates if d)
        reachable = store.stories_since((oldest - timedelta(days=WINDOW_DAYS)).isoformat())
    if any(d is None for d in dates):
        reachable |= _candidates_of_undated(store, [a for a in store.story_articles(()) if a.published is None])
    placed = store.story_assignments(reachable | store.stories_of(touched))
    # A story's kept sums are gone on from only if every article they read is still stored in the
    # story as it was: none analysed again since (its place was dropped) and none whose entities
    # this run changed (its entity counts name others now). Its kept claim search is gone on from
    # as far as its members are still the story's first ones as they were (ClaimSearch.from_json).
    stale = {placed[a][0] for a in touched if a in placed}
    stored: dict[str, set[str]] = defaultdict(set)
    for article_id, (story_id, _) in placed.items():
        stored[story_id].add(article_id)
    sums = {
        s: StorySums.from_json(text) for s, (digest, text) in store.story_sums(reachable - stale).items() if digest == members_digest(stored[s])
    }
    articles = store.story_articles(reachable - sums.keys())
    names = store.entity_names({e for a in articles for e in a.entities} | {e for kept in sums.values() for e in kept.entities})
    assignment = with_stories_of(touched, assign(articles, placed, names, sums, store.story_signatures(sums.keys())), placed)
    del articles, sums
    store.save_story_sums((s, members_digest(ids), text) for s, (ids, text) in assignment.sums.items())
    assignment = replace(assignment, sums={})  # saved: the clusterer they are read from is not held through the dossiers
    # Dossiers are rebuilt a batch of stories at a time: the records held at once stay bounded
    # however many articles the run brought (a first run over an archive changes every story).
    # Two batches are in flight: the next one's records are read while this one's are built.
    batches: list[list[str]] = [[]]
    size = 0
    for story_id, ids in assignment.changed.items():
        batches[-1].append(story_id)
        size += len(ids)
        if size >= DOSSIER_BATCH_ARTICLES:
            batches.append([])
            size = 0
    in_flight: list[tuple[dict[str, tuple[str, str | None]], Callable[[], Built]]] = []
    for stories in filter(None, batches):
        kept = {s: search for s, (_, search) in store.claim_searches(set(stories)).items()}
        in_flight.append(_submit(store, assignment, stories, build, kept))
        if len(in_flight) > 1:
            _save(store, *in_flight.pop(0))
    for item in in_flight:
        _save(store, *item)
    # Last, not first: a page analysed again empties its story until its article is placed again,
    # mostly in the same story (the same id), whose row readers keep meanwhile; dropped first, a
    # story being rebuilt would be missing (404) to a reader until its dossier is saved.
    store.drop_empty_stories()
    return len(assignment.changed), len(assignment.members)


def _candidates_of_undated(store: Store, new: list[StoryArticle]) -> set[str]:
    """The stored stories these undated articles may be compared with, as the clusterer picks
    them (cluster.Clusterer._candidates): for each, the stories sharing enough of its keys, the
    MAX_CANDIDATES sharing the most and any as many as the last of them. A story left out shares
    fewer of its keys than that many stories read, and a run only adds keys to stories it read:
    it could never be among those compared. (A near-copy of a stored article shares its words,
    so the story of its original is read.)"""
    weights = reference_weights()
    keyed = [story_keys(a.entities, top_words(dict(zip(a.words, a.counts, strict=True)), weights)) for a in new]
    postings = store.stories_with_keys({k for keys in keyed for k in keys})
    out: set[str] = set()
    for keys in keyed:
        hits: Counter[str] = Counter()
        for k in keys:
            hits.update(postings.get(k, ()))
        enough = sorted((n for n in hits.values() if shares_enough(n, len(keys))), reverse=True)
        if enough:
            floor = enough[min(len(enough), MAX_CANDIDATES) - 1]
            out.update(s for s, n in hits.items() if n >= floor and shares_enough(n, len(keys)))
    return out


def _submit(
    store: Store, assignment: Assignment, stories: list[str], build: BuildDossiers, kept: Mapping[str, str]
) -> tuple[dict[str, tuple[str, str | None]], Callable[[], Built]]:
    """Read these changed stories' member records and hand them to `build`, with the claim
    searches kept for them (`kept`: story -> search); their members' places, and how to collect
    the dossiers."""
    changed = {s: assignment.changed[s] for s in stories}
    members = {a: assignment.members[a] for ids in changed.values() for a in ids}
    part = Assignment(changed, members, {a: b for a, b in assignment.copies.items() if a in members}, assignment.idf)
    records = store.records(members, with_removed=False)
    collect = build(story_work(part, records, kept), assignment.idf)
    del records
    return members, collect


def _save(store: Store, members: dict[str, tuple[str, str | None]], collect: Callable[[], Built]) -> None:
    built = collect()
    store.save_stories([d for d, _ in built], members, {d.id: (list(d.articles), search) for d, search in built if search is not None})
    release_freed_memory()  # else each batch's freed records stay resident and the run's size grows


def with_stories_of(articles: Collection[str], assignment: Assignment, placed: Mapping[str, tuple[str, str | None]]) -> Assignment:
    """`assignment` with the stories these articles were already in counted as changed too, their
    members in stored order (as assign gives a story's members)."""
    extra = {placed[a][0] for a in articles if a in placed} - set(assignment.changed)
    if not extra:
        return assignment
    changed = dict(assignment.changed)
    members = dict(assignment.members)
    copies = dict(assignment.copies)
    for article_id, (story_id, copy_of) in placed.items():
        if story_id in extra:
            changed.setdefault(story_id, []).append(article_id)
            members[article_id] = (story_id, copy_of)
            if copy_of:
                copies[article_id] = copy_of
    return Assignment(dict(sorted(changed.items())), members, copies, assignment.idf, assignment.sums)


def members_digest(articles: Iterable[str]) -> str:
    """What a story's kept sums were summed over, and how: its members (as a set; the order they
    were summed in moves the sums by float rounding only) and the code and data that read them
    (dossier.search_format: the weights, normalisation, clustering code), so sums kept by
    another version are not gone on from."""
    return hashlib.sha1((search_format() + "\n" + "\n".join(sorted(articles))).encode("utf-8")).hexdigest()
