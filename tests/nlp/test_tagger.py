"""The fast tagger path (issue 16) against the plain computations it replaces: memoised features
and vectorised encoding against a token-by-token reference, the numpy network's packed tagging
and Viterbi against the padded torch network it was trained as and torch's Viterbi, tagging
without torch, and the model file format."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.names import given_name_keys
from marsad.arabic.normalize import match_key
from marsad.arabic.tokens import strip_proclitics
from marsad.nlp.bilstm_crf import BiLstmCrf, Crf, NetConfig, TorchTagger
from marsad.nlp.features import (
    CLITIC_VALUES,
    CUE_VALUES,
    FEATURE_SIZES,
    GAZETTEER_VALUES,
    SHAPE_VALUES,
    _cues,
    _shape,
    feature_array,
    gazetteer_tags,
    stem_readings,
    token_features,
)
from marsad.nlp.model_file import ModelData, read_model, write_model
from marsad.nlp.ner import MAX_CHARS, MAX_TOKENS, MODEL_PATH, Encoder, NerTagger, Vocabulary
from marsad.nlp.network import viterbi_packed

SHARED_NER = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner" / "anercorp-train.txt"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
# Written for these tests: names behind clitics, gazetteer names, titles, Latin and digits,
# a long run, an empty sentence.
SENTENCES = [
    ["وقال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو", "إن", "روسيا", "لن", "تتراجع", "."],
    ["وأعلنت", "وزارة", "الخارجية", "المصرية", "أن", "الوزير", "سامح", "شكري", "سيزور", "واشنطن", "يوم", "12", "مارس", "."],
    ["ونقلت", "وكالة", "رويترز", "عن", "مصدر", "في", "الأمم", "المتحدة", "قوله", "إن", "CNN", "أخطأت", "."],
    [],
    ["وقال", "المرصد", "السوري", "لحقوق", "الإنسان", "إن", "الاشتباكات", "استمرت", "في", "حلب", "وإدلب", "."],
    ["قال", "محمد", "بن", "سلمان", "ولي", "العهد", "السعودي", "لصحيفة", "الشرق", "الأوسط", "«", "نعم", "»", "."] * 16,
]


def reference_features(tokens: list[str]) -> list[tuple[int, ...]]:
    """The features token by token, as the tagger computed them before they were memoised."""
    keys = [match_key(t) for t in tokens]
    stems = [strip_proclitics(k) for k in keys]
    gaz = gazetteer_tags(keys)
    cues, given_names = _cues(), given_name_keys()
    out = []
    for i, tok in enumerate(tokens):
        before = cues.get(stems[i - 1], "none") if i >= 1 else "none"
        before2 = cues.get(stems[i - 2], "none") if i >= 2 else "none"
        clitic = keys[i][: len(keys[i]) - len(stems[i])]
        out.append(
            (
                GAZETTEER_VALUES.index(gaz[i]),
                CUE_VALUES.index(before),
                CUE_VALUES.index(before2),
                SHAPE_VALUES.index(_shape(tok)),
                CLITIC_VALUES.index(clitic) if clitic in CLITIC_VALUES else 0,
                int(any(r in given_names for r in stem_readings(keys[i]) if len(keys[i]) - len(r) <= 1)),
            )
        )
    return out


def reference_encode(encoder: Encoder, sentences: list[list[str]]) -> tuple[torch.Tensor, ...]:
    """Padded tensors built one token at a time (the tagger's earlier encoder)."""
    batch, length = len(sentences), max(1, max(len(s) for s in sentences))
    words = torch.zeros(batch, length, dtype=torch.long)
    pre = torch.zeros(batch, length, dtype=torch.long)
    chars = torch.zeros(batch, length, MAX_CHARS, dtype=torch.long)
    feats = torch.zeros(batch, length, len(FEATURE_SIZES), dtype=torch.long)
    mask = torch.zeros(batch, length, dtype=torch.bool)
    for b, sentence in enumerate(sentences):
        if not sentence:
            mask[b, 0] = True
            continue
        keys = [match_key(t) or t for t in sentence]
        words[b, : len(keys)] = torch.tensor([encoder.words.get(k) for k in keys])
        pre[b, : len(keys)] = torch.tensor([encoder.pretrained_id(k) for k in keys])
        for i, k in enumerate(keys):
            ids = [encoder.chars.get(c) for c in k[:MAX_CHARS]]
            chars[b, i, : len(ids)] = torch.tensor(ids, dtype=torch.long)
        feats[b, : len(keys)] = torch.tensor(reference_features(sentence))
        mask[b, : len(keys)] = True
    return words, pre, chars, feats, mask


@cache
def real_sentences() -> list[list[str]]:
    """Some of ANERcorp's development sentences when ../shared is there, else the written ones."""
    if not SHARED_NER.exists():
        return [s for s in SENTENCES if s]
    from marsad.nlp.conll import read_conll, split_dev

    return [[t for t, _ in s] for s in split_dev(read_conll(SHARED_NER))[1][:150]]


@cache
def shipped() -> NerTagger:
    return NerTagger()


def tiny_model(path: Path, seed: int = 0) -> ModelData:
    """A small random network with a vocabulary of the test sentences, written to `path`."""
    torch.manual_seed(seed)
    words = sorted({match_key(t) for s in SENTENCES for t in s})
    chars = sorted({c for w in words for c in w})
    cfg = NetConfig(
        n_words=len(words) + 2,
        n_pretrained=len(words) + 2,
        pretrained_dim=6,
        n_chars=len(chars) + 2,
        feature_sizes=FEATURE_SIZES,
        tags=TAGS,
        word_dim=5,
        char_dim=4,
        char_filters=3,
        char_widths=(2, 3),
        hidden=7,
    )
    net = BiLstmCrf(cfg)
    with torch.no_grad():
        for p in net.crf.parameters():
            p.normal_()
    data = ModelData(words, words, chars, [cfg.to_dict()], [{k: v.half().numpy() for k, v in net.state_dict().items()}])
    write_model(path, data)
    return data


def test_memoised_features_equal_the_token_by_token_ones() -> None:
    for sentence in [*SENTENCES, *real_sentences()]:
        assert token_features(sentence) == reference_features(sentence)
        assert feature_array(sentence).tolist() == [list(f) for f in reference_features(sentence)]


def test_encoder_builds_the_same_tensors_as_the_loop(tmp_path: Path) -> None:
    tiny_model(tmp_path / "m.npz")
    for tagger in (NerTagger(tmp_path / "m.npz"), shipped()):
        batch = [*SENTENCES, *real_sentences()[:40]]
        for fast, slow in zip(tagger.encoder.encode(batch), reference_encode(tagger.encoder, batch), strict=True):
            assert np.array_equal(fast, slow.numpy())


def padded_tags(trained: TorchTagger, sentences: list[list[str]]) -> list[list[str]]:
    """Tags through the padded torch network and torch's Viterbi (the training path)."""
    with torch.inference_mode():
        words, pre, chars, feats, mask = (torch.from_numpy(a) for a in trained.encoder.encode(sentences))
        paths = trained.crf.decode(trained.emissions(words, pre, chars, feats, mask), mask)
    tags = trained.nets[0].cfg.tags
    return [[tags[t] for t in path[: len(s)]] for s, path in zip(sentences, paths, strict=True)]


def test_numpy_tagging_equals_the_trained_torch_network(tmp_path: Path) -> None:
    tiny_model(tmp_path / "m.npz")
    for path in (tmp_path / "m.npz", MODEL_PATH):
        tagger, trained = NerTagger(path), TorchTagger(path)
        # (a run longer than MAX_TOKENS is tagged in pieces, which the padded path does not do)
        batch = [s for s in [*SENTENCES, *real_sentences()[:60]] if 0 < len(s) <= MAX_TOKENS]
        expected = padded_tags(trained, batch)
        assert tagger.tag_batch(batch) == expected
        # memos warm, cleared, or a sentence alone: the same tags
        assert tagger.tag_batch(batch) == expected
        tagger.clear_memos()
        assert [tagger.tag(s) for s in batch[:5]] == expected[:5]


def test_numpy_scores_equal_the_torch_network_s(tmp_path: Path) -> None:
    """Not only the best path: the LSTM's tag scores themselves, token by token."""
    tiny_model(tmp_path / "m.npz")
    for path in (tmp_path / "m.npz", MODEL_PATH):
        tagger, trained = NerTagger(path), TorchTagger(path)
        batch = [s for s in SENTENCES if 0 < len(s) <= MAX_TOKENS] + real_sentences()[:20]
        arrays = trained.encoder.encode(batch)
        with torch.inference_mode():
            expected = trained.emissions(*(torch.from_numpy(a) for a in arrays)).numpy()
        words, pre, chars, feats, mask = arrays
        lengths = mask.sum(1)
        order = np.argsort(-lengths, kind="stable")
        steps = np.arange(int(lengths.max()))
        live = steps[:, None] < lengths[order][None, :]
        rows, cols = np.nonzero(live)  # time-major: (step, rank)
        b, t = order[cols], rows
        net = tagger.nets[0]
        x = net.token_vectors(words[b, t], pre[b, t], net.char_features(chars[b, t]), feats[b, t])
        got = net.packed_emissions(x, live.sum(axis=1))
        assert np.allclose(got, expected[b, t], atol=1e-4)


def test_tagging_runs_without_torch() -> None:
    code = (
        "import sys\n"
        "from marsad.nlp.ner import NerTagger\n"
        "tags = NerTagger().tag(['وقال', 'الرئيس', 'فلاديمير', 'بوتين', 'في', 'موسكو'])\n"
        "assert tags[2:4] == ['B-PER', 'I-PER'], tags\n"
        "assert 'torch' not in sys.modules, 'tagging imported torch'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_long_and_empty_sentences_keep_their_lengths() -> None:
    tags = shipped().tag_batch(SENTENCES)
    assert [len(t) for t in tags] == [len(s) for s in SENTENCES]  # the long one is tagged in pieces
    assert shipped().tag_batch([]) == [] and shipped().tag([]) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=7), st.integers(min_value=0, max_value=10**6))
def test_numpy_viterbi_equals_torch_viterbi(lengths: list[int], seed: int) -> None:
    gen = torch.Generator().manual_seed(seed)
    crf = Crf(TAGS)
    with torch.no_grad():
        for p in crf.parameters():
            p.copy_(torch.randn(p.shape, generator=gen))
    batch, length = len(lengths), max(lengths)
    emissions = torch.randn(batch, length, len(TAGS), generator=gen)
    mask = torch.arange(length)[None, :] < torch.tensor(lengths)[:, None]
    expected = crf.decode(emissions, mask)
    order = sorted(range(batch), key=lambda b: -lengths[b])
    packed = torch.nn.utils.rnn.pack_padded_sequence(emissions[order], torch.tensor([lengths[b] for b in order]), batch_first=True)
    trans, start = crf._trans()
    flat = viterbi_packed(packed.data.numpy(), packed.batch_sizes.numpy(), trans.detach().numpy(), start.detach().numpy(), crf.end.detach().numpy())
    back = torch.nn.utils.rnn.pad_packed_sequence(
        torch.nn.utils.rnn.PackedSequence(torch.from_numpy(flat)[:, None], packed.batch_sizes), batch_first=True
    )[0][:, :, 0]
    for rank, b in enumerate(order):
        assert back[rank, : lengths[b]].tolist() == expected[b]


def test_model_file_round_trip_and_errors(tmp_path: Path) -> None:
    data = tiny_model(tmp_path / "m.npz")
    back = read_model(tmp_path / "m.npz")
    assert (back.words, back.pretrained_words, back.chars) == (data.words, data.pretrained_words, data.chars)
    assert back.configs == json.loads(json.dumps(data.configs))  # tuples come back as lists
    assert set(back.states[0]) == set(data.states[0])
    assert all(np.array_equal(back.states[0][k], data.states[0][k]) for k in data.states[0])
    # two networks share the frozen word table, stored once
    write_model(tmp_path / "pair.npz", ModelData(data.words, data.words, data.chars, data.configs * 2, data.states * 2))
    with np.load(tmp_path / "pair.npz") as z:
        assert sum(k.endswith("pretrained.weight") for k in z.files) == 1
    assert len(NerTagger(tmp_path / "pair.npz").nets) == 2
    with pytest.raises(ValueError, match="newline"):
        write_model(tmp_path / "bad.npz", ModelData(["a\nb"], [], [], data.configs, data.states))
    (tmp_path / "junk.npz").write_bytes(b"not a model")
    with pytest.raises(ValueError, match=r"junk\.npz"):
        read_model(tmp_path / "junk.npz")
    with pytest.raises(FileNotFoundError, match=r"missing\.npz"):
        NerTagger(tmp_path / "missing.npz")


def test_the_shipped_model_is_one_plain_array_file() -> None:
    assert MODEL_PATH.suffix == ".npz" and MODEL_PATH.exists()
    with np.load(MODEL_PATH, allow_pickle=False) as z:  # no pickled objects inside
        assert "config" in z.files and "words" in z.files
    tagger = shipped()
    assert tagger.tag(["وقال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو"])[2:4] == ["B-PER", "I-PER"]
    assert len(tagger.encoder.pretrained) == len(tagger.encoder.pretrained.index) > 10000
    assert isinstance(Vocabulary(["a"]).get("b"), int)


def test_documents_tagged_together_as_one_by_one() -> None:
    docs = [SENTENCES[:2], SENTENCES[2:5], [["وقال", "بوتين", "إن", "موسكو", "لن", "تتراجع"]], []]
    tagger = shipped()
    assert tagger.tag_documents(docs) == [tagger.tag_document(d) for d in docs]


def test_character_features_of_short_words_equal_the_full_width_ones() -> None:
    net = shipped().nets[0]
    words = sorted({match_key(t) for s in [*SENTENCES, *real_sentences()] for t in s} | {"ا" * 19, "ب" * 25, "و"})
    ids = shipped().encoder.char_ids(words)
    full = net.char_features(ids)
    for longest in range(1, MAX_CHARS + 1):
        rows = [i for i, w in enumerate(words) if len(w) <= longest]
        if rows:
            assert np.allclose(net.char_features(ids[rows], longest), full[rows], atol=1e-5), longest
    # the same arithmetic as the Conv1d layers the network was trained with
    trained = TorchTagger(MODEL_PATH).nets[0]
    with torch.inference_mode():
        letters = trained.chars(torch.from_numpy(ids)).transpose(1, 2)
        conv = torch.cat([torch.relu(cnn(letters)).max(dim=2).values for cnn in trained.char_cnns], dim=1)
    assert np.allclose(full, conv.numpy(), atol=1e-5)


def test_memos_that_overflow_start_afresh_with_the_same_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.nlp.ner as ner

    tiny_model(tmp_path / "m.npz")
    batch = [s for s in SENTENCES if 0 < len(s) <= MAX_TOKENS] + real_sentences()[:30]
    expected = NerTagger(tmp_path / "m.npz").tag_batch(batch)
    monkeypatch.setattr(ner, "_MEMO_LIMIT", 40)  # far fewer words than the batch has
    tagger = NerTagger(tmp_path / "m.npz")
    assert [tagger.tag_batch([s])[0] for s in batch] == expected
    assert tagger.tag_batch(batch) == expected
    # the memos were emptied on the way (a call's own words are always all kept)
    assert len(tagger.encoder._ids) <= 40
    assert len(tagger._char_rows[0]) <= max(40, len({match_key(t) or t for s in batch for t in s}))
