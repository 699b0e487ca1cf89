"""marsad's Arabic named-entity tagger (PER, LOC, ORG, MISC): a BiLSTM-CRF trained with torch
(marsad.nlp.bilstm_crf, tools/) and run in numpy alone (marsad.nlp.network), shipped as one small
file under src/marsad/data/models/ (marsad.nlp.model_file; how it is built: README, NER); nothing
is downloaded at run time.

`NerTagger.tag_batch` takes tokenised sentences and returns a BIO tag per token. It is written
for speed on one core (issue 16): a word's lookups and features are computed once per process
(memoised), the character CNN runs once per distinct word (and is remembered), all sentences of
a call go through the LSTM together as one packed sequence (no padding computed), and Viterbi
decodes them all at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from marsad.nlp.consistency import spread_names
from marsad.nlp.features import FEATURE_SIZES, feature_array, stem_readings, word_facts
from marsad.nlp.model_file import read_model
from marsad.nlp.network import NetConfig, Network, viterbi_packed

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "ner.npz"
PAD, UNK = 0, 1
MAX_CHARS = 20  # letters of a word the character CNN reads
MAX_TOKENS = 200  # longer runs (no sentence punctuation) are tagged in pieces
_MEMO_LIMIT = 1 << 17  # words remembered per process before the memos start afresh
_CHAR_GROUPS = (4, 6, 9, 1 << 30)  # word lengths grouped for the character CNN (the last: all)


class Vocabulary:
    """Index of strings, with 0 for padding and 1 for unknown."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = ["<pad>", "<unk>", *items]
        self.index = dict(zip(self.items, range(len(self.items)), strict=True))

    def get(self, item: str) -> int:
        return self.index.get(item, UNK)

    def __len__(self) -> int:
        return len(self.items)


class Encoder:
    """Turns tokenised sentences into the ids the network reads: `encode` as padded arrays (for
    training), `ids` token by token (memoised, for tagging)."""

    def __init__(self, words: Vocabulary, pretrained: Vocabulary, chars: Vocabulary) -> None:
        self.words, self.pretrained, self.chars = words, pretrained, chars
        self._ids: dict[str, tuple[int, int, str]] = {}

    def pretrained_id(self, key: str) -> int:
        for reading in stem_readings(key):
            if reading in self.pretrained.index:
                return self.pretrained.index[reading]
        return UNK

    def ids(self, token: str) -> tuple[int, int, str]:
        """(word id, e5 table id, the key the letters are read from) of a token."""
        found = self._ids.get(token)
        if found is None:
            key = word_facts(token)[0] or token
            if len(self._ids) >= _MEMO_LIMIT:
                self._ids.clear()
            found = self._ids[token] = (self.words.get(key), self.pretrained_id(key), key)
        return found

    def char_ids(self, keys: Sequence[str]) -> np.ndarray:
        """(len(keys), MAX_CHARS) letter ids, zero-padded."""
        out = np.zeros((len(keys), MAX_CHARS), dtype=np.int64)
        get = self.chars.get
        for i, key in enumerate(keys):
            ids = [get(c) for c in key[:MAX_CHARS]]
            out[i, : len(ids)] = ids
        return out

    def encode(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, ...]:
        """(words, e5 ids, letters, features, mask) of the sentences, padded to the longest."""
        batch, length = len(sentences), max(1, max(len(s) for s in sentences))
        words = np.zeros((batch, length), dtype=np.int64)
        pre = np.zeros((batch, length), dtype=np.int64)
        chars = np.zeros((batch, length, MAX_CHARS), dtype=np.int64)
        feats = np.zeros((batch, length, len(FEATURE_SIZES)), dtype=np.int64)
        mask = np.zeros((batch, length), dtype=bool)
        for b, sentence in enumerate(sentences):
            if not sentence:
                mask[b, 0] = True  # an empty sentence still needs one step; its tag is dropped
                continue
            n = len(sentence)
            ids = [self.ids(t) for t in sentence]
            words[b, :n] = [i[0] for i in ids]
            pre[b, :n] = [i[1] for i in ids]
            chars[b, :n] = self.char_ids([i[2] for i in ids])
            feats[b, :n] = feature_array(sentence)
            mask[b, :n] = True
        return words, pre, chars, feats, mask


class NerTagger:
    """Loads the shipped model once; `tag_batch` returns a BIO tag per token of each sentence.

    A model file holds one network or several trained on the same data and vocabularies;
    several are averaged: their tag scores and their CRF transitions. Each sentence's tags
    depend on that sentence alone, never on the sentences tagged with it."""

    def __init__(self, model_path: str | Path = MODEL_PATH, threads: int = 1) -> None:
        # One BLAS thread by default: the analysis already runs one process per core, and
        # OpenBLAS threads fighting over a core halve the tagger's speed.
        threadpool_limits(limits=threads, user_api="blas")
        data = read_model(model_path)
        self.encoder = Encoder(Vocabulary(data.words), Vocabulary(data.pretrained_words), Vocabulary(data.chars))
        self.nets: list[Network] = []
        shared: dict[int, np.ndarray] = {}
        for raw, state in zip(data.configs, data.states, strict=True):
            cfg = NetConfig.from_dict(raw)
            if cfg.feature_sizes != FEATURE_SIZES:
                raise ValueError(
                    f"{model_path}: trained with other token features than marsad.nlp.features has; rebuild it (tools/train_ner.py)"
                )
            net = Network(cfg, state)
            # One copy of the frozen word table however many networks read it.
            net.pretrained = shared.setdefault(id(state["pretrained.weight"]), net.pretrained)
            self.nets.append(net)
        self.tags = self.nets[0].cfg.tags
        trans, start, end = (np.mean([net.crf[k] for net in self.nets], axis=0) for k in range(3))
        self._viterbi = (trans, start, end)
        # Each network's character features by word key: row numbers into a table that grows by
        # doubling (filled in place, never copied whole per call).
        self._char_rows: list[dict[str, int]] = [{} for _ in self.nets]
        self._char_table: list[np.ndarray] = [np.zeros((1024, net.char_width), dtype=np.float32) for net in self.nets]

    def clear_memos(self) -> None:
        """Forget the per-word results (benchmarks measure a cold start with it)."""
        self.encoder._ids.clear()
        self._char_rows = [{} for _ in self.nets]

    def _char_features(self, n: int, keys: list[str]) -> np.ndarray:
        """Network n's character features of each distinct key (rows in `keys` order),
        computing only those not seen before."""
        rows = self._char_rows[n]
        new = [k for k in keys if k not in rows]
        if new:
            if len(rows) + len(new) > _MEMO_LIMIT:
                rows.clear()
                new = list(keys)
            # Short words first, in groups of similar length: the CNN reads only the columns
            # each group's letters reach (most words are far shorter than MAX_CHARS).
            new.sort(key=len)
            parts, start = [], 0
            for limit in _CHAR_GROUPS:
                end = start
                while end < len(new) and len(new[end]) <= limit:
                    end += 1
                if end > start:
                    ids = self.encoder.char_ids(new[start:end])
                    parts.append(self.nets[n].char_features(ids, min(limit, MAX_CHARS)))
                start = end
            fresh = np.concatenate(parts)
            base = len(rows)
            table = self._char_table[n]
            if base + len(new) > len(table):
                grown = np.zeros((max(2 * len(table), base + len(new)), table.shape[1]), dtype=np.float32)
                grown[:base] = table[:base]
                self._char_table[n] = table = grown
            table[base : base + len(new)] = fresh
            rows.update(zip(new, range(base, base + len(new)), strict=True))
        return self._char_table[n][np.fromiter((rows[k] for k in keys), dtype=np.int64, count=len(keys))]

    def tag_batch(self, sentences: Sequence[Sequence[str]], batch_size: int = 256) -> list[list[str]]:
        """BIO tags of each sentence. Sentences longer than MAX_TOKENS are tagged in pieces; the
        pieces, sorted by length, go through the network batch_size at a time (one packed pass
        each): bounded memory however long the page, and few LSTM steps for many sentences."""
        pieces: list[Sequence[str]] = []
        owners: list[int] = []
        for n, sentence in enumerate(sentences):
            for i in range(0, len(sentence), MAX_TOKENS):
                pieces.append(sentence[i : i + MAX_TOKENS])
                owners.append(n)
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        results: list[list[int]] = [[] for _ in pieces]
        for i in range(0, len(order), max(1, batch_size)):
            chunk = order[i : i + max(1, batch_size)]
            for j, path in zip(chunk, self._tag_pieces([pieces[j] for j in chunk]), strict=True):
                results[j] = path
        tagged: list[list[str]] = [[] for _ in sentences]
        for owner, path in zip(owners, results, strict=True):
            tagged[owner].extend(self.tags[t] for t in path)
        return tagged

    def _tag_pieces(self, pieces: list[Sequence[str]]) -> list[list[int]]:
        lengths = np.array([len(p) for p in pieces])
        order = np.argsort(-lengths, kind="stable")  # longest first, as a PackedSequence lies
        flat = [t for p in pieces for t in p]
        memo, lookup = self.encoder._ids, self.encoder.ids
        ids = [memo.get(t) or lookup(t) for t in flat]
        words = np.fromiter((i[0] for i in ids), dtype=np.int64, count=len(ids))
        pre = np.fromiter((i[1] for i in ids), dtype=np.int64, count=len(ids))
        feats = np.concatenate([feature_array(p) for p in pieces])
        distinct: dict[str, int] = {}
        key_row = np.fromiter((distinct.setdefault(i[2], len(distinct)) for i in ids), dtype=np.int64, count=len(ids))
        keys = list(distinct)
        # Token positions in packed (time-major) order: step t holds token t of every piece
        # longer than t, longest pieces first.
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[order]
        sorted_lengths = lengths[order]
        steps = np.arange(int(sorted_lengths[0]))
        live = steps[:, None] < sorted_lengths[None, :]  # (T, B)
        packed_order = (starts[None, :] + steps[:, None])[live]
        batch_sizes = live.sum(axis=1)
        scores = None
        for n, net in enumerate(self.nets):
            chars = self._char_features(n, keys)[key_row[packed_order]]
            x = net.token_vectors(words[packed_order], pre[packed_order], chars, feats[packed_order])
            s = net.packed_emissions(x, batch_sizes)
            scores = s if scores is None else scores + s
        assert scores is not None
        best = viterbi_packed(scores / len(self.nets), batch_sizes, *self._viterbi)
        flat_tags = np.empty(len(flat), dtype=np.int64)
        flat_tags[packed_order] = best
        bounds = np.cumsum(lengths)
        return [flat_tags[b - n : b].tolist() for b, n in zip(bounds, lengths, strict=True)]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for the sentences of one document, made consistent across it (what is a name
        once is a name where the document repeats it: marsad.nlp.consistency)."""
        return spread_names(sentences, self.tag_batch(sentences))

    def tag_documents(self, documents: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
        """tag_document for several documents in one pass through the network (the sentences of
        all of them packed together: fewer, fuller LSTM steps), each made consistent on its own."""
        flat = [s for doc in documents for s in doc]
        tags = self.tag_batch(flat)
        out, at = [], 0
        for doc in documents:
            out.append(spread_names(doc, tags[at : at + len(doc)]))
            at += len(doc)
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_batch([tokens])[0] if tokens else []
