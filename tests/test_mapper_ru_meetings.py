"""Russian mapper: meetings — receptions, talks, ``встреча между``, one meeting told
twice, and what is no meeting (a stage, a match, an adopted decision, a place or a
country next to its own ministry taken for a party).  Own sentences only."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.mappers.ru import RussianMapper
from kg.model import Article, EventType, Extraction

DATE = dt.date(2024, 5, 2)


@pytest.fixture(scope="module")
def mapper() -> RussianMapper:
    return RussianMapper()


def meetings(mapper: RussianMapper, body: str) -> list[tuple[set[str], str | None]]:
    """(participant names, place name) of every meeting the mapper reads in ``body``."""
    article = Article(
        id="t", source="test", title="Новости", body=body, language="ru", published=DATE
    )
    ex: Extraction = mapper.extract(article)
    return [
        (
            {ex.entities[p].name for p in e.participants},
            ex.entities[e.place].name if e.place else None,
        )
        for e in ex.events
        if e.type == EventType.MEETING
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Министр иностранных дел Ержан Ашикбаев принимает в Астане своего финского "
            "коллегу Пекку Хаависто.",
            {"Ержан Ашикбаев", "Пекка Хаависто"},
        ),
        (
            "Премьер-министр Монголии Лувсаннамсрайн Оюун-Эрдэнэ договорился с президентом "
            "Казахстана Касым-Жомартом Токаевым о совместных проектах.",
            {"Лувсаннамсрайн Оюун-Эрдэнэ", "Касым-Жомарт Токаев"},
        ),
        (
            "Глава МИД Казахстана Мурат Нуртлеу провёл переговоры с министром иностранных "
            "дел Венгрии Петером Сийярто.",
            {"Мурат Нуртлеу", "Петер Сийярто"},
        ),
        (
            "Этот вопрос обсуждался во время встречи между министром энергетики Ильёй "
            "Петровым и послом Японии Кэндзи Ямадой, сообщил пресс-секретарь ведомства "
            "Анна Смирнова.",
            {"Илья Петров", "Кэндзи Ямада"},
        ),
        (
            "Казахстан и Европейский союз провели переговоры в Брюсселе.",
            {"Казахстан", "Европейский союз"},
        ),
    ],
    ids=["reception", "agreement", "talks", "between", "two-states"],
)
def test_meeting_parties(mapper: RussianMapper, body: str, expected: set[str]) -> None:
    assert [parties for parties, _place in meetings(mapper, body)] == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "Известные гитаристы Иван Соколов и Пётр Орлов встретятся на одной сцене в декабре.",
        "Матч Иванов — Петров состоится после долгих переговоров с обоими гроссмейстерами.",
        "Решение о создании фонда приняли министры финансов стран СНГ на совещании в Минске.",
        "Союз не может принять новых членов до завершения реформы, заявил комиссар Марта Коста.",
    ],
    ids=["stage", "match", "decision-adopted", "members-admitted"],
)
def test_no_meeting(mapper: RussianMapper, body: str) -> None:
    assert meetings(mapper, body) == []


def test_one_meeting_told_twice_is_one(mapper: RussianMapper) -> None:
    body = (
        "Министр энергетики Илья Петров побеседовал с послом Японии Кэндзи Ямадой. "
        "Во время встречи между Ильёй Петровым и Кэндзи Ямадой стороны обсудили поставки урана."
    )
    assert [parties for parties, _place in meetings(mapper, body)] == [
        {"Илья Петров", "Кэндзи Ямада"}
    ]


def test_organizations_of_a_follow_up_sentence_are_context(mapper: RussianMapper) -> None:
    body = (
        "Президент Иван Петров принял в своей резиденции премьер-министра Сергея Орлова. "
        "Встреча прошла накануне саммита ШОС в Астане."
    )
    assert meetings(mapper, body) == [({"Иван Петров", "Сергей Орлов"}, "Астана")]


def test_the_place_is_no_party(mapper: RussianMapper) -> None:
    body = "В Казахстане мы встречались с Министерством финансов, рассказал инвестор."
    assert meetings(mapper, body) == [({"Министерство финансов"}, "Казахстан")]


def test_a_country_meeting_its_own_ministry_is_no_second_party(mapper: RussianMapper) -> None:
    body = "Представители Японии встретились с Министерством финансов Японии."
    assert meetings(mapper, body) == [({"Министерство финансов Японии"}, None)]
