"""The Kazakh NER: CoNLL handling, scoring, the split, training, and ``kg ner``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.cli import main
from kg.ner.conll import ConllError, ConllSentence, format_sentence, read_conll
from kg.ner.corpus import sentence_key, split
from kg.ner.features import (
    Featurizer,
    gazetteer_sidecar,
    gazetteer_words,
    save_gazetteer_words,
)
from kg.ner.scoring import score, spans
from kg.ner.tagger import ModelError, NerTagger, default_model_path
from kg.ner.training import CrfParams, evaluate, train

KAZNERD = Path(__file__).resolve().parents[2] / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"

# Sentences written for these tests (not from any corpus), gold tags in KazNERD classes.
OWN_CONLL = """\
Қазақстан B-GPE
Президенті B-POSITION
Қасым-Жомарт B-PERSON
Тоқаев I-PERSON
Астанада B-GPE
Жапония B-GPE
Премьер-министрімен B-POSITION
кездесті O
. O

Біріккен B-ORGANISATION
Ұлттар I-ORGANISATION
Ұйымының I-ORGANISATION
Бас B-POSITION
хатшысы I-POSITION
Антониу B-PERSON
Гутерриш I-PERSON
Женевада B-GPE
сөз O
сөйледі O
. O
"""


def _sentences(text: str) -> list[ConllSentence]:
    return list(read_conll(io.StringIO(text), "own"))


def test_read_and_format_conll_round_trip() -> None:
    sentences = _sentences(OWN_CONLL)
    assert [len(s.tokens) for s in sentences] == [9, 11]
    assert sentences[0].gold is not None and sentences[0].gold[2] == "B-PERSON"
    lines = format_sentence(sentences[0], ["O"] * 9).splitlines()
    assert lines[0] == "Қазақстан B-GPE O" and lines[-1] == ""


def test_read_conll_names_the_line_of_a_ragged_column() -> None:
    with pytest.raises(ConllError, match=r"bad\.conll:2: expected 2 columns"):
        list(read_conll(io.StringIO("Астана B-GPE\nқаласы\n"), "bad.conll"))


def test_tokens_without_tags_have_no_gold() -> None:
    (sentence,) = _sentences("Астана\nқаласы\n")
    assert sentence.gold is None and sentence.columns == ((), ())


def test_spans_follow_conll_conventions() -> None:
    assert spans(["B-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE"]) == {
        ("PERSON", 0, 2),
        ("GPE", 3, 4),
        ("GPE", 4, 5),
    }
    assert spans(["B-PERSON", "I-GPE"]) == {("PERSON", 0, 1), ("GPE", 1, 2)}


def test_score_is_exact_span_match() -> None:
    gold = [["B-PERSON", "I-PERSON", "O", "B-GPE"]]
    predicted = [["B-PERSON", "O", "O", "B-GPE"]]  # half a name is a miss
    result = score(gold, predicted)
    assert result["PERSON"].f1 == 0.0 and result["GPE"].f1 == 1.0
    assert result["micro"].precision == 0.5 and result["micro"].recall == 0.5


def test_split_is_deterministic_and_deduplicates_variants() -> None:
    variant = OWN_CONLL.replace("Гутерриш I-PERSON", "ГУТЕРРИШ I-PERSON").replace(". O", "! O")
    corpus = _sentences(OWN_CONLL) + _sentences(variant)
    train_a, dev_a = split(corpus, dev_percent=50)
    train_b, dev_b = split(list(reversed(corpus)), dev_percent=50)
    assert len(train_a) + len(dev_a) == 2
    assert {sentence_key(s.tokens) for s in train_a} == {sentence_key(s.tokens) for s in train_b}
    assert {sentence_key(s.tokens) for s in dev_a} == {sentence_key(s.tokens) for s in dev_b}


def test_features_use_stem_gazetteer_and_neighbours() -> None:
    (features,) = [Featurizer("kk").sentence(["ЭЫДҰ-ның", "төрағасы"])[:1]]
    first = set(features[0])
    assert {"s=эыдұ", "gz=organization", "BOS", "1:gz=role"} <= first


def test_train_and_tag_a_tiny_model(tmp_path: Path) -> None:
    sentences = _sentences(OWN_CONLL)
    model = tmp_path / "tiny.crfsuite"
    train(sentences, model, "kk", CrfParams(max_iterations=30))
    tagger = NerTagger(model, "kk")
    assert evaluate(tagger, sentences)["micro"].f1 > 0.9
    # the gazetteer words of training are frozen beside the model and used to tag
    assert gazetteer_sidecar(model).is_file()
    assert tagger.featurizer.gazetteer == gazetteer_words("kk")


def test_a_model_sees_the_gazetteer_it_was_trained_with(tmp_path: Path) -> None:
    """Gazetteers grow after a model is trained; its features must not change."""
    model = tmp_path / "tiny.crfsuite"
    train(_sentences(OWN_CONLL), model, "kk", CrfParams(max_iterations=5))
    save_gazetteer_words({"organization": frozenset({"эыдұ"})}, model)
    features = NerTagger(model, "kk").featurizer.sentence(["ЭЫДҰ-ның", "Астана"])
    assert "gz=organization" in features[0]
    assert not any(f.startswith("gz=") for f in features[1] if ":" not in f)


def test_shipped_model_has_its_frozen_gazetteer() -> None:
    assert gazetteer_sidecar(default_model_path("kk")).is_file()


def test_model_errors_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.crfsuite"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelError, match=r"broken\.crfsuite"):
        NerTagger(broken, "kk")
    with pytest.raises(ModelError, match="no NER model ships for language 'xx'"):
        default_model_path("xx")


def test_shipped_model_is_small() -> None:
    assert default_model_path("kk").stat().st_size <= 25 * 1024 * 1024


def test_kg_ner_appends_a_tag_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "own.conll"
    path.write_text(OWN_CONLL, encoding="utf-8")
    assert main(["ner", "--lang", "kk", str(path)]) == 0
    out = capsys.readouterr().out
    input_lines = OWN_CONLL.splitlines()
    output_lines = out.splitlines()
    assert len(output_lines) == len(input_lines) + 1  # a blank line ends every sentence
    for line_in, line_out in zip(input_lines, output_lines, strict=False):
        assert (line_out.rsplit(" ", 1)[0] if line_in else line_out) == line_in
    predicted = [line.split()[-1] for line in output_lines if line]
    assert all(tag == "O" or tag[:2] in ("B-", "I-") for tag in predicted)
    by_token = {line.split()[0]: line.split()[-1] for line in output_lines if line}
    assert by_token["Қасым-Жомарт"] == "B-PERSON" and by_token["Тоқаев"] == "I-PERSON"
    assert by_token["Астанада"] == "B-GPE" and by_token["Женевада"] == "B-GPE"
    assert by_token["Гутерриш"] == "I-PERSON"


def test_kg_ner_reads_stdin_without_gold(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Алихан\nБайменов\nСеулге\nбарды\n.\n"))
    assert main(["ner", "--lang", "kk", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["Алихан B-PERSON", "Байменов I-PERSON"]
    assert lines[2] == "Сеулге B-GPE" and lines[-1] == ""


def test_kg_train_ner_writes_a_model_and_prints_dev_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.conll"
    corpus.write_text(
        OWN_CONLL + "\nАқтөбеде B-GPE\nжиын O\nөтті O\n. O\n\n"
        "Марат B-PERSON\nСейітов I-PERSON\nсөз O\nсөйледі O\n. O\n",
        encoding="utf-8",
    )
    model = tmp_path / "model.crfsuite"
    argv = ["train", "ner", "--lang", "kk", str(corpus), "-o", str(model)]
    assert main([*argv, "--dev-percent", "50", "--iterations", "20"]) == 0
    captured = capsys.readouterr()
    assert model.stat().st_size > 0 and "2 train / 2 dev sentences" in captured.err
    assert captured.out.splitlines()[-1].startswith("micro")
    assert main([*argv, "--dev-percent", "0"]) == 2
    assert "--dev-percent must be between 1 and 99" in capsys.readouterr().err


def test_kg_ner_reports_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ner", "--lang", "kk", "no/such.conll"]) == 2
    assert "no/such.conll" in capsys.readouterr().err


@pytest.mark.skipif(not KAZNERD.exists(), reason=f"KazNERD not available at {KAZNERD}")
def test_shipped_model_meets_targets_on_held_out_kaznerd() -> None:
    with KAZNERD.open(encoding="utf-8") as lines:
        _, dev = split(read_conll(lines, str(KAZNERD)))
    result = evaluate(NerTagger.for_language("kk"), dev)
    assert result["micro"].f1 >= 0.89
    assert result["PERSON"].f1 >= 0.94 and result["GPE"].f1 >= 0.93
    assert result["ORGANISATION"].f1 >= 0.80 and result["POSITION"].f1 >= 0.88


def test_tagged_lines_keep_tab_separated_columns() -> None:
    (sentence,) = _sentences("Астана\tB-GPE\nқаласы\tO\n")
    assert format_sentence(sentence, ["B-GPE", "O"]) == "Астана\tB-GPE\tB-GPE\nқаласы\tO\tO\n\n"
