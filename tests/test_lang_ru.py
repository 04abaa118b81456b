"""Russian base forms: names and organization names in the nominative."""

from __future__ import annotations

import pytest

from kg.lang import ru


@pytest.mark.parametrize(
    ("inflected", "nominative"),
    [
        ("Алиханом Байменовым", "Алихан Байменов"),
        ("Алихана Байменова", "Алихан Байменов"),
        ("Муратом Нуртлеу", "Мурат Нуртлеу"),
        ("Юанем Цзифу", "Юань Цзифу"),
        ("Сугионо", "Сугионо"),
        ("Айгерим Жумабековой", "Айгерим Жумабекова"),
        ("Сауле Жаксыбекова", "Сауле Жаксыбекова"),
        ("Ивану Ивановичу Петрову", "Иван Иванович Петров"),
        ("Петром Ковальским", "Петр Ковальский"),
        ("Кассым-Жомартом Токаевым", "Кассым-Жомарт Токаев"),
        ("А. Байменовым", "А. Байменов"),
    ],
)
def test_person_nominative(inflected: str, nominative: str) -> None:
    assert ru.person_nominative(inflected.split()) == nominative


@pytest.mark.parametrize(
    ("inflected", "nominative"),
    [
        (
            "Регионального хаба в сфере государственной службы",
            "Региональный хаб в сфере государственной службы",
        ),
        ("Министерства иностранных дел", "Министерство иностранных дел"),
        ("Организации Объединённых Наций", "Организация Объединённых Наций"),
        ("департамента международного сотрудничества", "департамент международного сотрудничества"),
        ("Астанинском международном форуме", "Астанинский международный форум"),
        ("Генеральной ассамблеи EROPA", "Генеральная ассамблея EROPA"),
        ("министром иностранных дел", "министр иностранных дел"),
    ],
)
def test_phrase_nominative_keeps_dependent_genitive(inflected: str, nominative: str) -> None:
    assert ru.phrase_nominative(inflected.split(), "gent") == nominative


def test_acronyms_and_genitive_target() -> None:
    assert ru.is_acronym("ОЭСР") and ru.is_acronym("ПРООН") and not ru.is_acronym("Хаб")
    assert ru.inflect_phrase(["меморандум", "о", "сотрудничестве"], "gent") == (
        "меморандума о сотрудничестве"
    )


def test_surname_readings_give_both_genders() -> None:
    assert set(ru.surname_nominative("Байменова")) >= {"Байменов", "Байменова"}


def test_female_given_name_not_read_as_a_plural() -> None:
    # ``Гульнар`` is also the plural genitive of ``Гульнара``; a given name is singular
    assert ru.person_nominative(["Гульнар", "Жаксыбекова"]) == "Гульнар Жаксыбекова"


def test_name_agrees_with_the_case_of_its_post() -> None:
    assert ru.person_nominative(["Дин", "Чжаояном"]) == "Дин Чжаояном"
    assert ru.person_nominative(["Дин", "Чжаояном"], frozenset({"ablt"})) == "Дин Чжаоян"


def test_unknown_names_in_i_o_e_do_not_decline() -> None:
    # the analyser guesses ``Сейдзи`` and ``Пелоси`` as genitives of ``Сейдзь``/``Пелося``
    assert ru.person_nominative(["Нэнси", "Пелоси"]) == "Нэнси Пелоси"
    assert ru.person_nominative(["Сейдзи", "Маэхара"], frozenset({"nomn"})) == "Сейдзи Маэхара"
    assert ru.person_nominative(["Синдзи", "Харадой"]) == "Синдзи Харада"
    # the analyser calls ``Такаси`` masculine and ``Ямадой`` feminine: the surname,
    # which declines, decides (``с послом … Такаси Ямадой``)
    assert ru.person_nominative(["Такаси", "Ямадой"], frozenset({"ablt"})) == "Такаси Ямада"
    # a known word keeps its declension: ``Дмитрия`` is a genitive
    assert ru.person_nominative(["Дмитрия", "Медведева"]) == "Дмитрий Медведев"
