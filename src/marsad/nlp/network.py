"""The NER network at tagging time, in numpy alone: the same arithmetic as the torch module that
trains it (marsad.nlp.bilstm_crf.BiLstmCrf), read from the model file's arrays. Tagging needs no
torch: a worker starts in a fraction of a second instead of the 1.7 s torch's import costs, and
holds a few tens of MB less (issue 16).

Each token is its word vector (a frozen multilingual-e5 word table plus a trained embedding of
training words), a character CNN over its letters and embeddings of the features in
marsad.nlp.features; a bidirectional LSTM reads the sentence and a linear-chain CRF picks the best
BIO sequence (Viterbi, all sentences at once)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

NEG_INF = -1e4  # score of a forbidden tag transition (I-X after anything but B-X/I-X)


@dataclass
class NetConfig:
    n_words: int
    n_pretrained: int
    pretrained_dim: int
    n_chars: int
    feature_sizes: tuple[int, ...]
    tags: tuple[str, ...]
    word_dim: int = 64
    char_dim: int = 32
    char_filters: int = 64  # per window width
    char_widths: tuple[int, ...] = (3,)
    layers: int = 1
    feature_dim: int = 8
    hidden: int = 128
    dropout: float = 0.5

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> NetConfig:
        """The config as the model file's JSON gives it (lists where the fields hold tuples)."""
        return cls(**{**raw, **{k: tuple(raw[k]) for k in ("feature_sizes", "tags", "char_widths")}})

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def allowed_transitions(tags: tuple[str, ...]) -> np.ndarray:
    """(from, to) mask of BIO-valid transitions, plus a start row: I-X may only follow B-X or I-X."""
    n = len(tags)
    mask = np.ones((n + 1, n), dtype=bool)  # row n is the sentence start
    for j, to in enumerate(tags):
        if to.startswith("I-"):
            for i in range(n + 1):
                if i == n or tags[i][2:] != to[2:] or tags[i] == "O":
                    mask[i, j] = False
    return mask


def _sigmoid_in_place(x: np.ndarray) -> None:
    # tanh form: one vectorised call, no overflow warning for large negative x; in place, as the
    # LSTM step allocates nothing it can avoid.
    x *= 0.5
    np.tanh(x, out=x)
    x *= 0.5
    x += 0.5


class Network:
    """One trained network's weights (float32) and its tagging-time arithmetic."""

    def __init__(self, cfg: NetConfig, state: Mapping[str, np.ndarray]) -> None:
        if cfg.layers != 1:
            raise ValueError(f"the numpy tagger reads one LSTM layer; this network has {cfg.layers}")
        self.cfg = cfg

        def w(name: str) -> np.ndarray:
            return np.ascontiguousarray(state[name], dtype=np.float32)

        self.words, self.pretrained, self.chars = w("words.weight"), w("pretrained.weight"), w("chars.weight")
        self.features = [w(f"features.{i}.weight") for i in range(len(cfg.feature_sizes))]
        # Each width's convolution as one matrix over the flattened (letter dim, width) window.
        self.char_cnns = [
            (w(f"char_cnns.{i}.weight").reshape(cfg.char_filters, -1).T.copy(), w(f"char_cnns.{i}.bias")) for i in range(len(cfg.char_widths))
        ]
        h = cfg.hidden
        # torch orders an LSTM's gates i, f, g, o; here i, f, o, g, so one call squashes the three gates.
        order = np.r_[0:h, h : 2 * h, 3 * h : 4 * h, 2 * h : 3 * h]
        self.w_in = np.concatenate([w(f"lstm.weight_ih_l0{s}")[order] for s in ("", "_reverse")]).T.copy()  # (in, 8h)
        self.b_in = np.concatenate([(w(f"lstm.bias_ih_l0{s}") + w(f"lstm.bias_hh_l0{s}"))[order] for s in ("", "_reverse")])
        self.w_hh = [w(f"lstm.weight_hh_l0{s}")[order].T.copy() for s in ("", "_reverse")]  # (h, 4h) each
        self.w_out, self.b_out = w("out.weight").T.copy(), w("out.bias")
        trans, start, end = w("crf.transitions"), w("crf.start"), w("crf.end")
        allowed = allowed_transitions(cfg.tags)
        n = len(cfg.tags)
        self.crf = (trans + np.where(allowed[:n], 0.0, NEG_INF), start + np.where(allowed[n], 0.0, NEG_INF), end)

    @property
    def char_width(self) -> int:
        return self.cfg.char_filters * len(self.cfg.char_widths)

    def char_features(self, chars: np.ndarray, longest: int | None = None) -> np.ndarray:
        """(U, C) letter ids of U words -> (U, F) their character-CNN features. With `longest`
        (no word has more letters), only the columns the windows of such words reach are read,
        and the windows of padding alone (value relu(bias)) are taken into the max as the full
        width would have them."""
        reach = chars.shape[1] if longest is None else longest + max(w - w // 2 - 1 for w in self.cfg.char_widths)
        with_padding_windows = reach < chars.shape[1]
        letters = self.chars[chars[:, :reach] if with_padding_windows else chars]  # (U, L, dim)
        n_words = letters.shape[0]
        out = []
        for width, (weight, bias) in zip(self.cfg.char_widths, self.char_cnns, strict=True):
            pad = width // 2
            padded = np.pad(letters, ((0, 0), (pad, pad), (0, 0)))
            windows = sliding_window_view(padded, width, axis=1)  # (U, L', dim, width), as torch's unfold
            n_windows = windows.shape[1]
            scores = windows.reshape(n_words * n_windows, -1) @ weight + bias
            best = np.maximum(scores, 0.0).reshape(n_words, n_windows, -1).max(axis=1)
            out.append(np.maximum(best, np.maximum(bias, 0.0)) if with_padding_windows else best)
        return np.concatenate(out, axis=1)

    def token_vectors(self, words: np.ndarray, pretrained: np.ndarray, char_features: np.ndarray, feats: np.ndarray) -> np.ndarray:
        """The LSTM's input of n tokens: word ids, e5 ids, (n, F) character features, (n, 6) feature values."""
        parts = [self.words[words], self.pretrained[pretrained], char_features]
        parts += [table[feats[:, i]] for i, table in enumerate(self.features)]
        return np.concatenate(parts, axis=1)

    def packed_emissions(self, x: np.ndarray, batch_sizes: np.ndarray) -> np.ndarray:
        """Tag scores (n, N) of n token vectors laid out as a PackedSequence (time-major,
        sentences longest first: step t holds token t of the first batch_sizes[t] sentences)."""
        h = self.cfg.hidden
        offsets = np.concatenate(([0], np.cumsum(batch_sizes)))
        hidden = np.empty((len(x), 2 * h), dtype=np.float32)
        n_sent = int(batch_sizes[0])
        for direction, steps in ((0, range(len(batch_sizes))), (1, range(len(batch_sizes) - 1, -1, -1))):
            # The input's part of every gate, for every token at once (one large product).
            gates_in = x @ self.w_in[:, 4 * h * direction : 4 * h * (direction + 1)]
            gates_in += self.b_in[4 * h * direction : 4 * h * (direction + 1)]
            w_hh, out = self.w_hh[direction], hidden[:, h * direction : h * (direction + 1)]
            state_h = np.zeros((n_sent, h), dtype=np.float32)
            state_c = np.zeros((n_sent, h), dtype=np.float32)
            for t in steps:
                # Going backwards, a sentence joins at its last token with a zero state: rows not
                # yet live have never been written.
                b, rows = int(batch_sizes[t]), slice(offsets[t], offsets[t + 1])
                gates = state_h[:b] @ w_hh
                gates += gates_in[rows]
                ifo, g = gates[:, : 3 * h], gates[:, 3 * h :]
                _sigmoid_in_place(ifo)
                np.tanh(g, out=g)
                c = state_c[:b]
                c *= ifo[:, h : 2 * h]
                g *= ifo[:, :h]
                c += g
                new_h = state_h[:b]
                np.tanh(c, out=new_h)
                new_h *= ifo[:, 2 * h :]
                out[rows] = new_h
        scores: np.ndarray = hidden @ self.w_out + self.b_out
        return scores


def viterbi_packed(
    emissions: np.ndarray, batch_sizes: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Viterbi over sentences laid out as a PackedSequence. Returns the best tag index of every
    token in that same order. All sentences advance together, one numpy step per time step; the
    backtrace too. `transitions` and `start` already hold the forbidden moves."""
    offsets = np.concatenate(([0], np.cumsum(batch_sizes)))
    n_sent = int(batch_sizes[0])
    score = start + emissions[:n_sent]
    back = []
    for t in range(1, len(batch_sizes)):
        b = int(batch_sizes[t])
        candidates = score[:b, :, None] + transitions  # (b, from, to)
        back.append(candidates.argmax(axis=1))
        score[:b] = candidates.max(axis=1) + emissions[offsets[t] : offsets[t + 1]]
    current = (score + end).argmax(axis=1)
    out = np.empty(int(offsets[-1]), dtype=np.int64)
    rows = np.arange(n_sent)
    for t in range(len(batch_sizes) - 1, -1, -1):
        b = int(batch_sizes[t])
        out[offsets[t] : offsets[t + 1]] = current[:b]
        if t:
            current[:b] = back[t - 1][rows[:b], current[:b]]
    return out
