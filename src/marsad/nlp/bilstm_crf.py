"""The NER network: each token is its word vector (a frozen multilingual-e5 word table plus a
trainable embedding of training words), a character CNN over its letters, and embeddings of the
features in `marsad.nlp.features`; a bidirectional LSTM reads the sentence and a linear-chain CRF
picks the best BIO sequence. This is the network as trained (tools/train_ner.py,
tools/distill_ner.py); tagging runs the same arithmetic in numpy (marsad.nlp.network)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch import nn

from marsad.nlp.network import NEG_INF, NetConfig, allowed_transitions

__all__ = ["BiLstmCrf", "Crf", "NetConfig", "TorchTagger"]


def _allowed(tags: tuple[str, ...]) -> torch.Tensor:
    return torch.from_numpy(allowed_transitions(tags))


class Crf(nn.Module):
    forbid: torch.Tensor
    forbid_start: torch.Tensor

    def __init__(self, tags: tuple[str, ...]) -> None:
        super().__init__()
        n = len(tags)
        self.transitions = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))
        allowed = _allowed(tags)
        self.register_buffer("forbid", (~allowed[:n]).float() * NEG_INF)
        self.register_buffer("forbid_start", (~allowed[n]).float() * NEG_INF)

    def _trans(self) -> tuple[torch.Tensor, torch.Tensor]:
        return self.transitions + self.forbid, self.start + self.forbid_start

    def neg_log_likelihood(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean over the batch of -log p(tags | sentence). emissions (B, T, N), tags/mask (B, T)."""
        trans, start = self._trans()
        length = emissions.shape[1]
        maskf = mask.float()
        # Score of the gold path.
        gold = start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for t in range(1, length):
            step = trans[tags[:, t - 1], tags[:, t]] + emissions[:, t].gather(1, tags[:, t : t + 1]).squeeze(1)
            gold = gold + step * maskf[:, t]
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + self.end[last]
        # Partition function by the forward algorithm.
        alpha = start + emissions[:, 0]
        for t in range(1, length):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + emissions[:, t]
            alpha = torch.where(mask[:, t : t + 1], nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end, dim=1)
        return (log_z - gold).mean()

    def decode(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """Viterbi: the best tag index sequence of each sentence (its own length)."""
        trans, start = self._trans()
        score = start + emissions[:, 0]
        history = []
        for t in range(1, emissions.shape[1]):
            best, idx = (score.unsqueeze(2) + trans.unsqueeze(0)).max(dim=1)
            nxt = best + emissions[:, t]
            score = torch.where(mask[:, t : t + 1], nxt, score)
            history.append(idx)
        score = score + self.end
        lengths = mask.sum(1).tolist()
        out = []
        for b, n in enumerate(lengths):
            tag = int(score[b].argmax())
            path = [tag]
            for t in range(n - 1, 0, -1):
                tag = int(history[t - 1][b, tag])
                path.append(tag)
            out.append(path[::-1])
        return out


class BiLstmCrf(nn.Module):
    def __init__(self, cfg: NetConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.words = nn.Embedding(cfg.n_words, cfg.word_dim, padding_idx=0)
        # The e5 word table is frozen: it is what lets the tagger judge words training never saw.
        self.pretrained = nn.Embedding(cfg.n_pretrained, cfg.pretrained_dim, padding_idx=0)
        self.pretrained.weight.requires_grad = False
        self.chars = nn.Embedding(cfg.n_chars, cfg.char_dim, padding_idx=0)
        self.char_cnns = nn.ModuleList(nn.Conv1d(cfg.char_dim, cfg.char_filters, kernel_size=w, padding=w // 2) for w in cfg.char_widths)
        self.features = nn.ModuleList(nn.Embedding(n, cfg.feature_dim) for n in cfg.feature_sizes)
        width = cfg.word_dim + cfg.pretrained_dim + cfg.char_filters * len(cfg.char_widths) + cfg.feature_dim * len(cfg.feature_sizes)
        self.dropout = nn.Dropout(cfg.dropout)
        self.lstm = nn.LSTM(
            width, cfg.hidden, num_layers=cfg.layers, batch_first=True, bidirectional=True, dropout=cfg.dropout if cfg.layers > 1 else 0.0
        )
        self.out = nn.Linear(2 * cfg.hidden, len(cfg.tags))
        self.crf = Crf(tuple(cfg.tags))

    def char_features(self, chars: torch.Tensor) -> torch.Tensor:
        """(U, C) letter ids of U words -> (U, F) their character-CNN features."""
        return self._char_cnn(self.chars(chars), with_padding_windows=False)

    def short_char_features(self, chars: torch.Tensor, longest: int) -> torch.Tensor:
        """char_features of words of at most `longest` letters, computed over only as many
        columns as their windows reach. The same features: at full width such words also have
        windows of padding alone, whose value, relu(bias), is taken into the max here."""
        reach = longest + max(w - w // 2 - 1 for w in self.cfg.char_widths)
        if reach >= chars.shape[1]:
            return self.char_features(chars)
        return self._char_cnn(self.chars(chars[:, :reach]), with_padding_windows=True)

    def _char_cnn(self, letters: torch.Tensor, with_padding_windows: bool) -> torch.Tensor:
        """Each width's convolution (padding w // 2, as nn.Conv1d has it) as one matrix product
        over the letter windows: the same arithmetic as the Conv1d layers, about twice as fast
        on one core for the many small batches of words the tagger sends."""
        out = []
        for width, layer in zip(self.cfg.char_widths, self.char_cnns, strict=True):
            assert isinstance(layer, nn.Conv1d) and layer.bias is not None
            weight, bias = layer.weight, layer.bias
            pad = width // 2
            windows = nn.functional.pad(letters, (0, 0, pad, pad)).unfold(1, width, 1)  # (U, L', dim, width)
            n_words, n_windows = windows.shape[0], windows.shape[1]
            scores = torch.addmm(bias, windows.reshape(n_words * n_windows, -1), weight.reshape(weight.shape[0], -1).t())
            best = torch.relu(scores).view(n_words, n_windows, -1).max(dim=1).values
            out.append(torch.maximum(best, torch.relu(bias)) if with_padding_windows else best)
        return torch.cat(out, dim=1)

    def token_vectors(self, words: torch.Tensor, pretrained: torch.Tensor, char_features: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        """The LSTM's input for tokens of any leading shape: word ids, e5 ids, character features
        (..., F), feature values (..., 6)."""
        parts = [self.words(words), self.pretrained(pretrained), char_features]
        parts += [emb(feats[..., i]) for i, emb in enumerate(self.features)]
        return torch.cat(parts, dim=-1)

    def emissions(
        self, words: torch.Tensor, pretrained: torch.Tensor, chars: torch.Tensor, feats: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        """words/pretrained (B, T), chars (B, T, C), feats (B, T, F) -> tag scores (B, T, N)."""
        batch, length, n_chars = chars.shape
        c = self.char_features(chars.view(batch * length, n_chars)).view(batch, length, -1)
        x = self.dropout(self.token_vectors(words, pretrained, c, feats))
        lengths = mask.sum(1).cpu()
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=length)
        scores: torch.Tensor = self.out(self.dropout(h))
        return scores

    def packed_emissions(self, x: nn.utils.rnn.PackedSequence) -> torch.Tensor:
        """Tag scores (n, N) of packed token vectors, in the packed (time-major) order: no
        padding is computed. For tagging only (no dropout)."""
        h, _ = self.lstm(x)
        scores: torch.Tensor = self.out(h.data)
        return scores


class TorchTagger:
    """The networks of a model file as torch modules, for the training tools (a teacher's tag
    scores, a network to start from): its encoder, networks and their averaged CRF."""

    def __init__(self, model_path: str | Path, threads: int = 1) -> None:
        from marsad.nlp.model_file import read_model
        from marsad.nlp.ner import Encoder, Vocabulary

        torch.set_num_threads(threads)
        data = read_model(model_path)
        self.encoder = Encoder(Vocabulary(data.words), Vocabulary(data.pretrained_words), Vocabulary(data.chars))
        self.nets: list[BiLstmCrf] = []
        for raw, state in zip(data.configs, data.states, strict=True):
            net = BiLstmCrf(NetConfig.from_dict(raw))
            net.load_state_dict({k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in state.items()})
            net.eval()
            self.nets.append(net)
        self.crf = Crf(self.nets[0].cfg.tags)
        with torch.no_grad():
            for name in ("transitions", "start", "end"):
                getattr(self.crf, name).copy_(torch.stack([getattr(n.crf, name) for n in self.nets]).mean(0))

    def emissions(self, words: torch.Tensor, pre: torch.Tensor, chars: torch.Tensor, feats: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Padded tag scores of encoded sentences, averaged over the networks."""
        scores = [net.emissions(words, pre, chars, feats, mask) for net in self.nets]
        return scores[0] if len(scores) == 1 else torch.stack(scores).mean(0)
