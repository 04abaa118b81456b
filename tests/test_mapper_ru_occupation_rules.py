"""Russian mapper: more ways news style tells a post — taken (``занял пост``), set off
by commas at the start of a sentence, in a signature line, described by a country's
adjective and referring back to a person, posts of a region's adjective, bodies with
``при …`` or a territory (``по Алматы``), a remit after the organization, quoted names in
any quote style, and one post's country carried to the next.  Own sentences only."""

from __future__ import annotations

import pytest
from ru_mapping import memberships, posts, run

from kg.mappers.ru import RussianMapper
from kg.model import EntityType, PostStatus

NOW = PostStatus.CURRENT


@pytest.fixture(scope="module")
def mapper() -> RussianMapper:
    return RussianMapper()


def test_taking_a_post_after_the_verb_and_before_it(mapper: RussianMapper) -> None:
    assert posts(mapper, "Иван Петров займёт пост министра финансов Казахстана.") == {
        ("Иван Петров", "министр финансов", "Министерство финансов Казахстана")
    }
    assert posts(mapper, "Место председателя правления банка занял Аскар Нуров.") == {
        ("Аскар Нуров", "председатель правления", "Банк")
    }


def test_a_place_in_a_contest_is_no_post(mapper: RussianMapper) -> None:
    assert not posts(mapper, "Спортсмен Иван Петров занял первое место.")


def test_post_opening_the_sentence_with_the_name_set_off_by_commas(
    mapper: RussianMapper,
) -> None:
    ex = run(mapper, "Бывший министр финансов Казахстана, Ерлан Сапаров, отметил рост.")
    assert memberships(ex) == {
        (
            "Ерлан Сапаров",
            "министр финансов",
            "Министерство финансов Казахстана",
            PostStatus.FORMER,
        )
    }


def test_signature_line_without_a_verb(mapper: RussianMapper) -> None:
    body = "Желаем удачи всем участникам.\n\nМарат Бекетов Президент Федерации тенниса"
    assert posts(mapper, body) == {("Марат Бекетов", "президент", "Федерация тенниса")}


def test_country_post_without_a_name_refers_back_to_the_one_person(
    mapper: RussianMapper,
) -> None:
    body = (
        "Касым-Жомарт Токаев прибыл в Астану. "
        "Казахстанский президент заявил, что переговоры прошли успешно."
    )
    assert posts(mapper, body) == {("Касым-Жомарт Токаев", "президент", "Казахстан")}


def test_country_post_without_a_name_is_nobodys_when_two_may_hold_it(
    mapper: RussianMapper,
) -> None:
    body = (
        "Касым-Жомарт Токаев и Шавкат Мирзиёев прибыли в Астану. "
        "Казахстанский президент заявил, что переговоры прошли успешно."
    )
    assert not posts(mapper, body)


def test_region_adjective_before_a_post(mapper: RussianMapper) -> None:
    assert posts(mapper, "Мы требуем отставки подмосковного губернатора Ивана Сидорова.") == {
        ("Иван Сидоров", "губернатор", "Подмосковье")
    }


def test_body_attached_to_an_office_keeps_it_in_its_name(mapper: RussianMapper) -> None:
    body = "Об этом сообщил председатель Общественного совета при акиме Алматы Марат Жумабаев."
    assert posts(mapper, body) == {
        ("Марат Жумабаев", "председатель", "Общественный совет при акиме Алматы")
    }


def test_territorial_branch_of_a_body(mapper: RussianMapper) -> None:
    body = (
        "Об этом сообщил заместитель начальника пресс-службы МВД по Алматы и Алматинской "
        "области Руслан Иманкулов."
    )
    ex = run(mapper, body)
    ((member, label, org, _),) = memberships(ex)
    assert (member, label, org) == (
        "Руслан Иманкулов",
        "заместитель начальника пресс-службы",
        "МВД по Алматы и Алматинской области",
    )
    branch = next(e for e in ex.entities.values() if e.name == org)
    assert ex.entities[branch.parent or ""].name == "МВД"


def test_an_international_bodys_po_is_a_remit_not_a_branch(mapper: RussianMapper) -> None:
    found = posts(mapper, "Спецпредставитель ЕС по Центральной Азии Пьер Моррель прибыл.")
    assert found == {("Пьер Моррель", "спецпредставитель", "Европейский союз")}


def test_remit_after_the_organization(mapper: RussianMapper) -> None:
    found = posts(mapper, "Директор ЮНЕСКО по образованию Анна Смит заявила о росте.")
    assert {(p, label) for p, label, _org in found} == {("Анна Смит", "директор")}


def test_countrys_adjective_makes_a_body_that_countrys(mapper: RussianMapper) -> None:
    ex = run(mapper, "Глава японского МИДа Таро Коно прибыл в Москву.")
    ((member, label, org, _),) = memberships(ex)
    assert (member, label, org) == ("Таро Коно", "глава", "Министерство иностранных дел Японии")
    ministry = next(e for e in ex.entities.values() if e.name == org)
    assert "японский МИД" in ministry.aliases


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Руководитель корпорации „Прогресс“ Игорь Волков сообщил о планах.",
            ("Игорь Волков", "руководитель", "Прогресс"),
        ),
        (
            "Андрей Макаров, солист питерского «Аквариума», выступит в субботу.",
            ("Андрей Макаров", "солист", "Аквариум"),
        ),
        (
            "Петр Орлов, фотограф журнала «Столичный обозреватель», был задержан.",
            ("Петр Орлов", "фотограф", "Столичный обозреватель"),
        ),
    ],
    ids=["low-9 quotes", "adjective before a quoted name", "post word inside quotes"],
)
def test_quoted_organizations(
    mapper: RussianMapper, body: str, expected: tuple[str, str, str]
) -> None:
    assert posts(mapper, body) == {expected}


def test_plural_post_before_the_name_is_no_ones(mapper: RussianMapper) -> None:
    body = "На заседании совета министров глава правительства Казахстана Олжас Бектенов выступил."
    assert posts(mapper, body) == {("Олжас Бектенов", "глава", "Правительство Казахстана")}


def test_members_word_inside_a_units_name(mapper: RussianMapper) -> None:
    ex = run(mapper, "Председатель совета директоров компании «Казмунайгаз» Ерлан Петров заявил.")
    ((_member, label, org, _),) = memberships(ex)
    assert (label, org) == ("председатель", "Совет директоров")
    unit = next(e for e in ex.entities.values() if e.name == org)
    assert ex.entities[unit.parent or ""].name == "Казмунайгаз"


def test_stacked_post_without_organization_keeps_the_countrys(mapper: RussianMapper) -> None:
    body = (
        "Глава представительства Франции в регионе помощник министра иностранных дел "
        "Жан Дюпон заявил о поддержке."
    )
    assert posts(mapper, body) == {
        ("Жан Дюпон", "глава представительства", "Франция"),
        ("Жан Дюпон", "помощник министра иностранных дел", "Франция"),
    }


def test_delegation_at_talks(mapper: RussianMapper) -> None:
    body = "Глава казахстанской делегации на переговорах Роман Василенко заявил о прогрессе."
    ex = run(mapper, body)
    assert posts(mapper, body) == {("Роман Василенко", "глава", "Казахстанская делегация")}
    assert all(
        e.type != EntityType.PERSON or e.name == "Роман Василенко" for e in ex.entities.values()
    )
