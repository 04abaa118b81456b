import json

import pytest

from kg.gazetteer import DATA_FILES, Gazetteer, load_entries
from kg.text import tokenize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _ids(
    gaz: Gazetteer, text: str, lang: str, categories: tuple[str, ...] | None = None
) -> list[str]:
    return [m.entry.id for m in gaz.match(tokenize(text), lang, categories)]


def test_inflected_kazakh_names_match(gaz: Gazetteer) -> None:
    text = "Экономикалық даму және ынтымақтастық ұйымының өкілі ЭЫДҰ-ның хатшылығы"
    assert _ids(gaz, text, "kk", ("organization",)) == ["oecd", "oecd"]


def test_inflected_russian_names_match(gaz: Gazetteer) -> None:
    text = "представители Организации экономического сотрудничества и развития и ОЭСР"
    assert _ids(gaz, text, "ru", ("organization",)) == ["oecd", "oecd"]


def test_a_shorter_word_with_a_names_stem_is_no_form_of_it(gaz: Gazetteer) -> None:
    # ``Дан`` stems like ``Дания`` but is two letters short of it: a first name
    assert _ids(gaz, "глава комиссии Дан Меридор", "ru", ("country",)) == []
    assert _ids(gaz, "в Дании и Кубы", "ru", ("country",)) == ["dk", "cu"]


def test_latin_names_match_inside_kazakh_text(gaz: Gazetteer) -> None:
    assert "eropa" in _ids(gaz, "Форум EROPA-мен бірге өтті", "kk")


def test_longest_match_wins(gaz: Gazetteer) -> None:
    matches = gaz.match(tokenize("United Nations Development Programme office"), "en")
    assert [m.entry.id for m in matches] == ["undp"]
    assert (matches[0].start, matches[0].end) == (0, 4)


def test_short_names_only_match_as_written(gaz: Gazetteer) -> None:
    assert _ids(gaz, "Хабпен ынтымақтастық", "kk", ("organization",)) == ["acsh"]
    assert _ids(gaz, "the hub of logistics", "en", ("organization",)) == []


def test_protected_words_keep_place_names(gaz: Gazetteer) -> None:
    words = gaz.protected_words("kk")
    assert {"астана", "алматы"} <= words


def test_labels_fall_back_to_english() -> None:
    entry = Gazetteer.default().entries["oecd"]
    assert entry.label("kk") == "Экономикалық ынтымақтастық және даму ұйымы"
    assert entry.label("de") == "Organisation for Economic Co-operation and Development"


def test_every_data_file_names_its_source_and_entries_are_unique() -> None:
    from importlib import resources

    ids: set[str] = set()
    for name in DATA_FILES:
        payload = json.loads(resources.files("kg.gazetteers").joinpath(name).read_text("utf-8"))
        assert payload["source"], name
        for item in payload["entries"]:
            key = item["id"]  # one namespace: Gazetteer.entries is keyed by id
            assert key not in ids, key
            ids.add(key)
    assert len(load_entries(DATA_FILES)) == len(ids)
