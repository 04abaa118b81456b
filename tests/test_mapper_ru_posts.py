"""Russian mapper: posts and parties told in less common ways — a minister's portfolio
(``министр по …``), an unnamed unit inside the post, a post put before the appointment
verb, ``работал`` as a past post, an organization of a country, a quoted organization
name, a signature told again (``Документ подписали …``).  Own sentences only."""

from __future__ import annotations

import pytest
from ru_mapping import memberships, org_names, run

from kg.mappers.ru import RussianMapper
from kg.model import EventType, PostStatus


@pytest.fixture(scope="module")
def mapper() -> RussianMapper:
    return RussianMapper()


def test_ministers_portfolio_belongs_to_the_post_and_names_the_ministry(
    mapper: RussianMapper,
) -> None:
    ex = run(mapper, "В Ташкенте выступил министр по делам молодёжи Узбекистана Бахтиёр Рахимов.")
    ((person, label, org, _status),) = memberships(ex)
    assert (person, label) == ("Бахтиёр Рахимов", "министр по делам молодёжи")
    assert org.startswith("Министерство по делам молодёжи")


def test_unnamed_unit_before_a_named_organization_is_part_of_the_post(
    mapper: RussianMapper,
) -> None:
    ex = run(
        mapper,
        "Павел Орлов, директор департамента Министерства финансов Германии, прибыл в Астану.",
    )
    assert (
        "Павел Орлов",
        "директор департамента",
        "Министерство финансов Германии",
        PostStatus.CURRENT,
    ) in memberships(ex)


def test_post_before_the_appointment_verb(mapper: RussianMapper) -> None:
    ex = run(mapper, "Ректором Академии государственного управления назначен Тимур Ахметов.")
    assert {(p, label, s) for p, label, _org, s in memberships(ex)} == {
        ("Тимур Ахметов", "ректор", PostStatus.NEWLY_APPOINTED)
    }


def test_worked_as_is_a_past_post(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Дипломат Пьер Леруа выступил с лекцией. Ранее Леруа работал послом Франции в Египте.",
    )
    assert ("Пьер Леруа", "посол", "Франция", PostStatus.FORMER) in memberships(ex)


def test_acting_post_with_an_adjective_keeps_its_status(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Форум открыла исполняющая обязанности регионального директора Азиатского банка "
        "развития по Центральной Азии Анна Белова.",
    )
    statuses = {(p, s) for p, _label, _org, s in memberships(ex)}
    assert statuses == {("Анна Белова", PostStatus.ACTING)}
    assert "Центральная Азия" not in org_names(ex)  # the region is no organization


def test_organization_followed_by_a_country_is_that_countrys(mapper: RussianMapper) -> None:
    ex = run(mapper, "С речью выступил председатель Исламского комитета Франции Карим Бенали.")
    ((_person, _label, org, _status),) = memberships(ex)
    assert org == "Исламский комитет Франции"
    entity = next(e for e in ex.entities.values() if e.name == org)
    assert entity.parent == "gaz:fr"


def test_quoted_name_after_a_cue_is_an_organization(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Об этом он сказал в интервью «Голосу Европы». Участники акции «Тихий вечер» разошлись.",
    )
    names = org_names(ex)
    assert "Голос Европы" in names
    assert not any("вечер" in name.lower() for name in names)  # no cue word: a slogan


def test_signature_told_again_adds_the_signatories(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "10 апреля 2024 года в Астане Академия государственного управления и Агентство "
        "по делам государственной службы Кыргызской Республики подписали меморандум о "
        "сотрудничестве. Документ подписали ректор академии Ирина Павлова и директор "
        "агентства Нурлан Садыков.",
    )
    signings = [e for e in ex.events if e.type == EventType.SIGNING]
    assert len(signings) == 1
    names = {ex.entities[p].name for p in signings[0].participants}
    assert {"Ирина Павлова", "Нурлан Садыков"} <= names
    assert not any(ex.entities[p].name.startswith("Кыргыз") for p in signings[0].participants)
