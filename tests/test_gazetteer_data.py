"""Checks of the shipped gazetteer data: the intergovernmental organizations and the
Kazakh state bodies are hand-written, so these tests guard what a typo would break
(ids, parents, QIDs, names in all three languages) and that mentions resolve."""

import json
import re
from collections import Counter
from importlib import resources

import pytest

from kg.gazetteer import DATA_FILES, Gazetteer, GazetteerEntry, _key, _words, load_entries
from kg.text import tokenize

IGO_FILE = "intergovernmental.json"
KZ_FILE = "kazakhstan_government.json"
LANGS = ("kk", "ru", "en")
QID = re.compile(r"^Q[1-9][0-9]*$")
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def _payload(name: str) -> dict:
    return json.loads(resources.files("kg.gazetteers").joinpath(name).read_text("utf-8"))


@pytest.fixture(scope="module")
def entries() -> list[GazetteerEntry]:
    return load_entries(DATA_FILES)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_new_files_are_loaded_and_name_their_source() -> None:
    assert {IGO_FILE, KZ_FILE} <= set(DATA_FILES)
    for name in (IGO_FILE, KZ_FILE):
        assert _payload(name)["source"], name


def test_ids_are_unique_across_all_files() -> None:
    counts = Counter(item["id"] for name in DATA_FILES for item in _payload(name)["entries"])
    assert [key for key, n in counts.items() if n > 1] == []


def test_at_least_150_intergovernmental_organizations() -> None:
    entries = _payload(IGO_FILE)["entries"]
    kinds = Counter(item["kind"] for item in entries)
    assert kinds["intergovernmental"] >= 150
    assert set(kinds) <= {"intergovernmental", "unit"}
    ids = {item["id"] for item in entries}
    units = [item for item in entries if item["kind"] == "unit"]
    assert all(item.get("parent") in ids for item in units), "a unit hangs under an IGO"


def test_kazakh_bodies_belong_to_kazakhstan() -> None:
    """A body hangs under ``kz`` or another Kazakh body, or names its country: the
    Russian mapper finds a country's ministries through ``parent``/``country``."""
    items = {item["id"]: item for item in _payload(KZ_FILE)["entries"]}
    for key, item in items.items():
        owner = item.get("parent")
        assert owner == "kz" or item.get("country") == "kz", key
        assert owner in (None, "kz") or owner in items, key
        assert item["kind"] in ("government_body", "other"), key


@pytest.mark.parametrize("name", [IGO_FILE, KZ_FILE])
def test_every_entry_has_kk_ru_and_en_names(name: str) -> None:
    for item in _payload(name)["entries"]:
        for lang in LANGS:
            names = item["names"].get(lang, [])
            assert names and all(n.strip() == n and n for n in names), (item["id"], lang)
            assert len(names) == len(set(names)), (item["id"], lang, "repeated name")


@pytest.mark.parametrize("name", [IGO_FILE, KZ_FILE])
def test_kazakh_names_are_kazakh(name: str) -> None:
    """Kazakh names are written in Kazakh, not copied from Russian: a Kazakh name equal to
    a Russian one is only allowed for one-word brand names (БРИКС, Интерпол)."""
    items = _payload(name)["entries"]
    kk_names = [n for item in items for n in item["names"]["kk"]]
    assert sum(bool(KAZAKH_LETTERS.search(n)) for n in kk_names) > len(kk_names) / 2
    for item in items:
        shared = set(item["names"]["kk"]) & set(item["names"]["ru"])
        assert all(len(_words(n)) == 1 for n in shared), (item["id"], shared)


def test_wikidata_ids_are_well_formed_and_unique(entries: list[GazetteerEntry]) -> None:
    qids = [e.wikidata for e in entries if e.wikidata]
    assert all(QID.match(q) for q in qids), [q for q in qids if not QID.match(q)]
    assert [q for q, n in Counter(qids).items() if n > 1] == []


def test_well_known_wikidata_ids(gaz: Gazetteer) -> None:
    assert gaz.entries["un"].wikidata == "Q1065"
    assert gaz.entries["nato"].wikidata == "Q7184"
    assert gaz.entries["fao"].wikidata == "Q82151"


def test_parents_exist(entries: list[GazetteerEntry]) -> None:
    ids = {e.id for e in entries}
    assert [(e.id, e.parent) for e in entries if e.parent and e.parent not in ids] == []


def test_no_acronym_names_two_organizations(entries: list[GazetteerEntry]) -> None:
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for acronym in entry.acronyms:
            owners.setdefault(acronym, set()).add(entry.id)
    assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


def test_no_name_names_two_organizations(entries: list[GazetteerEntry]) -> None:
    """Two organizations with the same (stemmed) name in one language: the gazetteer
    would silently pick the first."""
    owners: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for entry in entries:
        if entry.category != "organization":
            continue
        for lang, names in entry.names.items():
            for name in names:
                key = (lang, tuple(_key(w, lang) for w in _words(name)))
                owners.setdefault(key, set()).add(entry.id)
    assert {k: ids for k, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Астанада ЕҚЫҰ-ның кеңесі өтті", "kk", ["osce"]),
        ("ҰҚШҰ мен ШЫҰ өкілдері", "kk", ["csto", "sco"]),
        ("Еуразиялық даму банкінің басқарма төрағасы", "kk", ["edb"]),
        ("Қазақстан Республикасының Денсаулық сақтау министрлігі", "kk", ["kz-moh"]),
        ("Шанхайская организация сотрудничества", "ru", ["sco"]),
        ("саммит Организации Договора о коллективной безопасности", "ru", ["csto"]),
        ("эксперты ЕЭК ООН и ЕЭК", "ru", ["unece", "eec"]),
        ("в Министерстве здравоохранения Республики Казахстан", "ru", ["kz-moh"]),
        ("the Eurasian Development Bank", "en", ["edb"]),
        ("the Food and Agriculture Organization of the United Nations", "en", ["fao"]),
        ("UNDP and the UN Office at Geneva", "en", ["undp", "unog"]),
        ("the Mazhilis of the Parliament of the Republic of Kazakhstan", "en", ["kz-mazhilis"]),
    ],
)
def test_mentions_resolve(gaz: Gazetteer, text: str, lang: str, expected: list[str]) -> None:
    found = [m.entry.id for m in gaz.match(tokenize(text), lang, ("organization",))]
    assert found == expected


def test_parents_of_new_entries(gaz: Gazetteer) -> None:
    assert gaz.entries["unog"].parent == "un"
    assert gaz.entries["eec"].parent == "eaeu"
    assert gaz.entries["kz-senate"].parent == "kz-parliament"
