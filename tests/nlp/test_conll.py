from pathlib import Path

import pytest

from marsad.nlp.conll import SpanScore, newsfane_types, normalise_tag, parse_source, read_conll, read_corpus, spans
from marsad.nlp.features import CLITIC_VALUES, CUE_VALUES, GAZETTEER_VALUES, SHAPE_VALUES, token_features


def test_conll_reads_anercorp_noise(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("فرانكفورت B-LOC\n O\nأعلن O\nاتحاد B-ORG\nصناعة I-ORG\n. Oالإصابة O\nبوتين B-PERS\nقال O\n.\tO\n", encoding="utf-8")
    sents = read_conll(f)
    assert sents[0] == [("فرانكفورت", "B-LOC"), ("أعلن", "O"), ("اتحاد", "B-ORG"), ("صناعة", "I-ORG"), (".", "O")]
    assert sents[1] == [("الإصابة", "O"), ("بوتين", "B-PER"), ("قال", "O"), (".", "O")]


def test_conll_maps_types_and_repairs_bio(tmp_path: Path) -> None:
    assert normalise_tag("B-GPE") == "B-LOC" and normalise_tag("I-NORP") == "O" and normalise_tag("B-PERS") == "B-PER"
    f = tmp_path / "w.txt"
    f.write_text("روسيا I-ORG\nو O\n\nموسكو B-GPE\n", encoding="utf-8")
    assert read_conll(f) == [[("روسيا", "B-ORG"), ("و", "O")], [("موسكو", "B-LOC")]]


def test_conll_reads_newsfane_with_its_class_mapping(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    lines = [
        "\ufeff\u200eفرانكفورت\tB-Population-Center",
        "(\tO",
        "\u200eد\tB-Media",
        "\u200eب\tI-Media",
        ")\tO",
        "\t",
        "\u200eالعرب\tB-Group",
        "\u200eمطار\tB-Airport",
        "\u200eدمشق\tI-Airport",
        "\u200eبوش\tB-Politician",
        "\t",
    ]
    f.write_bytes("\r\n".join(lines).encode("utf-8"))
    assert read_corpus(f, "newsfane") == [
        [("فرانكفورت", "B-LOC"), ("(", "O"), ("د", "B-ORG"), ("ب", "I-ORG"), (")", "O")],
        [("العرب", "O"), ("مطار", "B-MISC"), ("دمشق", "I-MISC"), ("بوش", "B-PER")],
    ]
    assert parse_source(f"{f}:newsfane") == (str(f), "newsfane") and parse_source("c:/a.txt") == ("c:/a.txt", "conll")
    types = newsfane_types()
    assert {types[c] for c in ("Nation", "Water-Body", "Politician", "Police", "Sports", "Group")} == {"LOC", "PER", "ORG", "O"}
    f.write_text("\u200eس\tB-Unlisted\n", encoding="utf-8")
    with pytest.raises(KeyError):
        read_corpus(f, "newsfane")  # a class the mapping lacks is an error, not O


def test_conll_exact_span_scoring() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]
    pred = ["B-PER", "O", "O", "B-LOC", "O", "B-LOC"]
    assert spans(gold) == {(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "ORG")}
    score = SpanScore()
    score.add(gold, pred)
    assert score.prf(["LOC"]) == (0.5, 1.0, 2 / 3)
    assert score.prf(["PER"]) == (0.0, 0.0, 0.0)  # a partial span is wrong, as in CoNLL
    p, r, _ = score.prf(["PER", "LOC", "ORG"])
    assert (p, r) == (1 / 3, 1 / 3)


def test_ner_features_see_clitics_gazetteers_and_cues() -> None:
    gaz, cue, _, shape, clitic = range(5)
    a = token_features(["وبوتين", "قال"])
    assert CLITIC_VALUES[a[0][clitic]] == "و" and CLITIC_VALUES[a[1][clitic]] == ""
    assert GAZETTEER_VALUES[token_features(["في", "لروسيا"])[1][gaz]] == "B-LOC"
    assert GAZETTEER_VALUES[token_features(["كوريا", "الشمالية"])[1][gaz]] == "I-LOC"
    assert CUE_VALUES[token_features(["الرئيس", "بوتين"])[1][cue]] == "title"
    assert SHAPE_VALUES[token_features(["CNN"])[0][shape]] == "latin"


def test_gazetteer_organisations_behind_proclitics_and_given_names() -> None:
    gaz, given = 0, 5
    tags = [GAZETTEER_VALUES[f[gaz]] for f in token_features(["وقال", "الأمين", "العام", "للأمم", "المتحدة", "إن", "بنفيكا", "وحماس"])]
    # للأمم المتحدة is the organisation (CLDR also lists it among territories); بنفيكا keeps its ب
    assert tags == ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "B-ORG"]
    flags = [f[given] for f in token_features(["قال", "محمد", "وجوزيه", "الأمين"])]
    assert flags == [0, 1, 1, 0]  # «الأمين» is no «أمين»


def test_tag_document_makes_the_tags_consistent() -> None:
    from marsad.nlp.consistency import spread_names
    from marsad.nlp.ner import NerTagger

    tagger = NerTagger()
    doc = [["وصل", "فلاديمير", "بوتين", "إلى", "موسكو", "."], ["وقال", "بوتين", "إن", "الزيارة", "ناجحة", "."]]
    assert tagger.tag_document(doc) == spread_names(doc, tagger.tag_batch(doc))
    assert tagger.tag_document(doc)[1][1] == "B-PER"


def test_a_model_built_with_other_features_is_refused_with_its_file_named(tmp_path: Path) -> None:
    from marsad.nlp.model_file import read_model, write_model
    from marsad.nlp.ner import MODEL_PATH, NerTagger

    data = read_model(MODEL_PATH)
    for config in data.configs:
        config["feature_sizes"] = config["feature_sizes"][:-1]
    path = tmp_path / "old.npz"
    write_model(path, data)
    with pytest.raises(ValueError, match=r"old\.npz: trained with other token features"):
        NerTagger(path)
