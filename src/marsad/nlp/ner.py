"""marsad's Arabic named-entity tagger (PER, LOC, ORG, MISC): a BiLSTM-CRF (marsad.nlp.bilstm_crf)
trained by tools/train_ner.py on ANERcorp's training portion and shipped as one small file under
src/marsad/data/models/; nothing is downloaded at run time.

`NerTagger.tag_batch` takes tokenised sentences and returns a BIO tag per token. The model file
holds the network's weights and the vocabularies it was trained with, and is loaded with torch's
weights-only loader (no pickled code)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import torch

from marsad.arabic.normalize import match_key
from marsad.nlp.bilstm_crf import BiLstmCrf, Crf, NetConfig
from marsad.nlp.consistency import spread_names
from marsad.nlp.features import FEATURE_SIZES, stem_readings, token_features

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "ner.pt"
PAD, UNK = 0, 1
MAX_CHARS = 20  # letters of a word the character CNN reads
MAX_TOKENS = 200  # longer runs (no sentence punctuation) are tagged in pieces


class Vocabulary:
    """Index of strings, with 0 for padding and 1 for unknown."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = ["<pad>", "<unk>", *items]
        self.index = {s: i for i, s in enumerate(self.items)}

    def get(self, item: str) -> int:
        return self.index.get(item, UNK)

    def __len__(self) -> int:
        return len(self.items)


class Encoder:
    """Turns tokenised sentences into the tensors BiLstmCrf reads."""

    def __init__(self, words: Vocabulary, pretrained: Vocabulary, chars: Vocabulary) -> None:
        self.words, self.pretrained, self.chars = words, pretrained, chars

    def pretrained_id(self, key: str) -> int:
        for reading in stem_readings(key):
            if reading in self.pretrained.index:
                return self.pretrained.index[reading]
        return UNK

    def encode(self, sentences: Sequence[Sequence[str]]) -> tuple[torch.Tensor, ...]:
        batch, length = len(sentences), max(1, max(len(s) for s in sentences))
        words = torch.zeros(batch, length, dtype=torch.long)
        pre = torch.zeros(batch, length, dtype=torch.long)
        chars = torch.zeros(batch, length, MAX_CHARS, dtype=torch.long)
        feats = torch.zeros(batch, length, len(FEATURE_SIZES), dtype=torch.long)
        mask = torch.zeros(batch, length, dtype=torch.bool)
        for b, sentence in enumerate(sentences):
            if not sentence:
                mask[b, 0] = True  # an empty sentence still needs one step; its tag is dropped
                continue
            keys = [match_key(t) or t for t in sentence]
            words[b, : len(keys)] = torch.tensor([self.words.get(k) for k in keys])
            pre[b, : len(keys)] = torch.tensor([self.pretrained_id(k) for k in keys])
            for i, k in enumerate(keys):
                ids = [self.chars.get(c) for c in k[:MAX_CHARS]]
                chars[b, i, : len(ids)] = torch.tensor(ids)
            feats[b, : len(keys)] = torch.tensor(token_features(sentence))
            mask[b, : len(keys)] = True
        return words, pre, chars, feats, mask


class NerTagger:
    """Loads the shipped model once; `tag_batch` returns a BIO tag per token of each sentence.

    A model file holds one network or several trained on the same data and vocabularies (made by
    tools/ensemble_ner.py); several are averaged: their tag scores and their CRF transitions."""

    def __init__(self, model_path: str | Path = MODEL_PATH, threads: int = 1) -> None:
        if not Path(model_path).exists():
            raise FileNotFoundError(f"{model_path}: NER model missing; build it with tools/train_ner.py")
        # One thread by default: the analysis already runs one process per core.
        torch.set_num_threads(threads)
        blob = torch.load(model_path, weights_only=True, map_location="cpu")
        members = blob.get("members") or [{"config": blob["config"], "state": blob["state"]}]
        shared = blob.get("shared_state", {})
        self.encoder = Encoder(Vocabulary(blob["words"]), Vocabulary(blob["pretrained_words"]), Vocabulary(blob["chars"]))
        self.nets: list[BiLstmCrf] = []
        for member in members:
            raw = member["config"]
            cfg = NetConfig(**{**raw, **{k: tuple(raw[k]) for k in ("feature_sizes", "tags", "char_widths")}})
            if cfg.feature_sizes != FEATURE_SIZES:
                raise ValueError(
                    f"{model_path}: trained with other token features than marsad.nlp.features has; rebuild it (tools/train_ner.py)"
                )
            net = BiLstmCrf(cfg)
            net.load_state_dict({k: v.float() for k, v in {**shared, **member["state"]}.items()})
            if self.nets:
                net.pretrained = self.nets[0].pretrained  # one copy of the frozen word table
            net.eval()
            self.nets.append(net)
        self.tags = self.nets[0].cfg.tags
        self.crf = self.nets[0].crf
        if len(self.nets) > 1:
            self.crf = Crf(self.tags)
            with torch.no_grad():
                for name in ("transitions", "start", "end"):
                    getattr(self.crf, name).copy_(torch.stack([getattr(n.crf, name) for n in self.nets]).mean(0))

    def _emissions(
        self, words: torch.Tensor, pre: torch.Tensor, chars: torch.Tensor, feats: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        scores = [net.emissions(words, pre, chars, feats, mask) for net in self.nets]
        return scores[0] if len(scores) == 1 else torch.stack(scores).mean(0)

    def tag_batch(self, sentences: Sequence[Sequence[str]], batch_size: int = 64) -> list[list[str]]:
        pieces: list[Sequence[str]] = []
        owners: list[int] = []
        for n, sentence in enumerate(sentences):
            for i in range(0, max(len(sentence), 1), MAX_TOKENS):
                pieces.append(sentence[i : i + MAX_TOKENS])
                owners.append(n)
        tagged: list[list[str]] = [[] for _ in sentences]
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))  # similar lengths pad less
        results: dict[int, list[str]] = {}
        with torch.inference_mode():
            for i in range(0, len(order), batch_size):
                chunk = [pieces[j] for j in order[i : i + batch_size]]
                words, pre, chars, feats, mask = self.encoder.encode(chunk)
                paths = self.crf.decode(self._emissions(words, pre, chars, feats, mask), mask)
                for j, piece, path in zip(order[i : i + batch_size], chunk, paths, strict=True):
                    results[j] = [self.tags[t] for t in path[: len(piece)]]
        for j in range(len(pieces)):
            tagged[owners[j]].extend(results[j])
        return tagged

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for the sentences of one document, made consistent across it (what is a name
        once is a name where the document repeats it: marsad.nlp.consistency)."""
        return spread_names(sentences, self.tag_batch(sentences))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_batch([tokens])[0] if tokens else []
