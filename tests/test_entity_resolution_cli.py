"""End to end: cross-article resolution in `kg build` (file and store), the override
file, `kg entities`, and the `kg eval names` / `kg eval identities` measurements."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main

REPO = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/intergov-kg/id/"
ARTICLES = {
    "a1.txt": "Hub chairman meets Korean minister\n5 March 2024\n"
    "Alikhan Baimenov, Chairman of the Steering Committee of the Astana Civil Service Hub, "
    "met Pan Suk Kim, Minister of Personnel Management of Korea, in Astana on 5 March 2024.\n",
    "a2.txt": "Lecture at the Academy\n12 April 2024\n"
    "Mr. Baimenov gave a lecture at the Academy of Public Administration on 12 April 2024. "
    "Kairat Sadykov, Rector of the Academy, thanked A.Baimenov for the lecture.\n",
    "a3.txt": "Встреча в Астане\n20 мая 2024\n"
    "Председатель Управляющего комитета Регионального хаба в сфере государственной службы "
    "А. Байменов встретился с послом Республики Корея Ким Мин Су.\n",
}


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def _persons(path: Path) -> dict[str, set[str]]:
    """Person IRI → the graphs (articles) that describe it."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    found: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(
        None,
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode("https://schema.org/Person"),
        None,
    ):
        found.setdefault(quad.subject.value, set()).add(quad.graph_name.value)
    return found


def test_one_node_per_person_across_articles_and_languages(
    tmp_path: Path, articles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.trig"
    assert main(["build", *articles, "-o", str(out)]) == 0
    persons = _persons(out)
    baimenov = persons[BASE + "person/alikhan-baimenov"]
    assert len(baimenov) == 3  # "Alikhan Baimenov", "Mr. Baimenov"/"A.Baimenov", "А. Байменов"
    assert not any("baimenov" in iri and iri != BASE + "person/alikhan-baimenov" for iri in persons)
    capsys.readouterr()
    assert main(["entities", str(out), "--type", "person", "--format", "json"]) == 0
    listing = {e["entity"]: e for e in json.loads(capsys.readouterr().out)}
    names = {n["name"]: n for n in listing[BASE + "person/alikhan-baimenov"]["names"]}
    assert names["Alikhan Baimenov"]["label"] == "preferred"
    assert names["Baimenov"] == {
        "name": "Baimenov",
        "lang": "en",
        "label": "variant",
        "why": "surname only",
    }
    assert listing[BASE + "person/alikhan-baimenov"]["articles"] == 3


def test_override_file_separates_and_renames(
    tmp_path: Path, articles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = tmp_path / "overrides.toml"
    overrides.write_text(
        "# the lecturer is another Baimenov\n"
        '[[distinct]]\nnames = ["Alikhan Baimenov", "Baimenov"]\n'
        '[[alias]]\nname = "Kairat Sadykov"\nentity = "person/sadykov-kairat"\n'
        '[[same]]\nentities = ["org/kz-apa", "org/academy"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.trig"
    assert main(["build", *articles, "-o", str(out), "--overrides", str(overrides)]) == 0
    persons = _persons(out)
    assert len(persons[BASE + "person/alikhan-baimenov"]) == 2
    assert BASE + "person/baimenov" in persons
    assert BASE + "person/sadykov-kairat" in persons
    capsys.readouterr()
    args = ["entities", str(out), "--overrides", str(overrides), "--name", "sadykov"]
    assert main(args) == 0
    assert "person/sadykov-kairat" in capsys.readouterr().out


def test_bad_override_file_fails_before_building(
    tmp_path: Path, articles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = tmp_path / "overrides.toml"
    overrides.write_text('[[alias]]\nname = "x"\n', encoding="utf-8")
    out = tmp_path / "out.trig"
    assert main(["build", *articles, "-o", str(out), "--overrides", str(overrides)]) == 2
    assert "overrides.toml: [[alias]] #1: missing entity" in capsys.readouterr().err
    assert not out.exists()


def test_store_resolves_new_names_to_existing_nodes(tmp_path: Path, articles: list[str]) -> None:
    store = tmp_path / "store"
    assert main(["build", articles[0], "--store", str(store)]) == 0
    assert main(["build", articles[2], "--store", str(store)]) == 0
    out = tmp_path / "out.trig"
    assert main(["export", "--store", str(store), "-o", str(out)]) == 0
    assert len(_persons(out)[BASE + "person/alikhan-baimenov"]) == 2


@pytest.mark.parametrize("pair_file", ["name_pairs.tsv", "name_pairs_heldout.tsv"])
def test_name_pairs_meet_the_targets(pair_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = REPO / "tests" / "data" / pair_file
    assert main(["eval", "names", str(pairs), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)["scores"]
    assert scores["all"]["pairs"] >= 300
    assert scores["all"]["precision"] >= 0.99
    assert scores["all"]["recall"] >= 0.95


def test_gold_entities_are_one_node_each(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "identities", str(REPO / "tests" / "gold"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["entities"] >= 30
    assert report["split"] == {}
    assert report["merged"] == {}


def test_the_dataset_does_not_depend_on_the_order_of_the_inputs(
    tmp_path: Path, articles: list[str]
) -> None:
    forward, backward = tmp_path / "f.nq", tmp_path / "b.nq"
    assert main(["build", *articles, "-o", str(forward)]) == 0
    assert main(["build", *reversed(articles), "-o", str(backward)]) == 0
    assert forward.read_bytes() == backward.read_bytes()
