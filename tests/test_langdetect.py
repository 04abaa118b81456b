"""Language detection for kk/ru/en (kg.langdetect)."""

from __future__ import annotations

import pytest

from kg.langdetect import detect_language

KAZAKH = (
    "Астанада екі елдің сыртқы істер министрлері кездесті. Тараптар сауда және "
    "инвестиция салаларындағы ынтымақтастықты талқылады."
)
RUSSIAN = (
    "В Астане прошли переговоры министров иностранных дел двух стран. Стороны обсудили "
    "развитие торговли и подписали меморандум о сотрудничестве."
)
ENGLISH = (
    "The foreign ministers of the two countries met in Astana. They discussed trade and "
    "signed a memorandum on cooperation in education."
)


@pytest.mark.parametrize(("text", "lang"), [(KAZAKH, "kk"), (RUSSIAN, "ru"), (ENGLISH, "en")])
def test_the_three_languages(text: str, lang: str) -> None:
    detected, confidence = detect_language(text)
    assert detected == lang
    assert 0.5 <= confidence <= 1.0


def test_kazakh_without_kazakh_letters_falls_back_to_function_words() -> None:
    text = "Астана мен Алматы арасында жол салу жоспары бойынша жиналыс болды"
    assert not set(text) & set("әғқңөұүһі")
    assert detect_language(text)[0] == "kk"


def test_russian_quoting_kazakh_names_stays_russian() -> None:
    text = (
        "Министр Қайрат Әбенов провёл встречу с послами и обсудил с ними вопросы "
        "экономики, а также планы на следующий год."
    )
    assert detect_language(text)[0] == "ru"


def test_short_kazakh_title_with_kazakh_letters() -> None:
    assert detect_language("Форум өтті")[0] == "kk"


def test_short_english_title() -> None:
    assert detect_language("Kazakhstan and Korea sign a trade deal")[0] == "en"


@pytest.mark.parametrize(
    "text",
    [
        # German is Latin script but not English: unknown, not mis-read as English
        "Die Außenminister beider Länder trafen sich in Astana und sprachen über Handel "
        "und Bildung. Die nächste Sitzung ist für das Frühjahr geplant.",
        "两国外交部长在阿斯塔纳举行会谈，讨论了贸易与教育合作。",
        "Міністри обговорили питання торгівлі та їхньої співпраці.",  # Ukrainian
        "12345 67 -- !!",
        "",
    ],
)
def test_unknown_languages(text: str) -> None:
    assert detect_language(text) == (None, 0.0)


def test_mixed_script_text_follows_the_majority() -> None:
    text = KAZAKH + " EROPA ASEAN OECD"
    lang, confidence = detect_language(text)
    assert lang == "kk"
    assert confidence < detect_language(KAZAKH)[1]  # foreign letters lower the confidence
