"""Kazakh base forms: case, possessive and plural endings go; names that only look
inflected stay.  The pairs live in ``tests/data/kk_base_forms.tsv`` (written by us)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer
from kg.lang import kk

PROTECTED = kk.protected_names(Gazetteer.default().protected_words("kk"))
PAIRS_FILE = Path(__file__).parent / "data" / "kk_base_forms.tsv"


def _pairs() -> list[tuple[str, str, str]]:
    rows = []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            inflected, base, kind = line.split("\t")
            rows.append((inflected, base, kind))
    return rows


PAIRS = _pairs()


def test_enough_distinct_pairs() -> None:
    assert len({(w, b) for w, b, _ in PAIRS}) >= 200
    assert {kind for *_, kind in PAIRS} == {"proper", "common"}


@pytest.mark.parametrize(("word", "base", "kind"), PAIRS)
def test_base_form(word: str, base: str, kind: str) -> None:
    if kind == "proper":
        assert kk.base_form(word, protected=PROTECTED) == base
    else:
        assert kk.base_form(word, proper=False) == base


def test_inflected_words_of_multiword_names_are_not_protected() -> None:
    # countries.json holds "Францияның оңтүстік аймақтары"; its genitive must still go.
    assert "францияның" in Gazetteer.default().protected_words("kk")
    assert "францияның" not in PROTECTED and "франция" in PROTECTED


def test_sy_possessive_after_deverbal_nouns() -> None:
    assert kk.base_form("отырысы", proper=False) == "отырыс"
    assert kk.base_form("басшысы", proper=False) == "басшы"


def test_strip_case_keeps_possessive() -> None:
    assert kk.strip_case("форумында") == "форумы"
    assert kk.strip_case("Ассамблеясының") == "Ассамблеясы"
    assert kk.strip_case("Нұр-Сұлтанда") == "Нұр-Сұлтан"


def test_base_phrase_inflects_last_word_only() -> None:
    assert kk.base_phrase(["Пан", "Сук", "Кимге"]) == ["Пан", "Сук", "Ким"]


def test_stem_unifies_voicing() -> None:
    assert kk.stem("хатшылығы") == kk.stem("хатшылық")
