"""Russian mapper: facts that need the article's context or a disagreement settled —
posts of a place or of the article's country, organizations named earlier, bracketed
acronyms, past posts, coordinated organizers, and name forms.  Own sentences only."""

from __future__ import annotations

import pytest
from ru_mapping import memberships, org_names, run

from kg.lang import ru
from kg.mappers.ru import RussianMapper
from kg.model import EntityType, Extraction, OrgKind, PostStatus


@pytest.fixture(scope="module")
def mapper() -> RussianMapper:
    return RussianMapper()


def test_post_of_a_city_names_the_city(mapper: RussianMapper) -> None:
    ex = run(mapper, "Жители потребовали отставки мэра Москвы Петра Соколова.")
    assert ("Пётр Соколов", "мэр", "Москва", PostStatus.CURRENT) in {
        (p.replace("Петр", "Пётр"), r, o, s) for p, r, o, s in memberships(ex)
    }


def test_national_post_of_an_unlisted_country_makes_a_state(mapper: RussianMapper) -> None:
    ex = run(mapper, "Въезд запрещён президенту Приднестровья Игорю Петренко.")
    (membership,) = ex.memberships
    organization = ex.entities[membership.organization]
    assert (organization.name, organization.kind) == ("Приднестровье", OrgKind.STATE)
    assert ex.entities[membership.member].name == "Игорь Петренко"


def test_national_post_without_country_takes_the_articles_country(
    mapper: RussianMapper,
) -> None:
    ex = run(
        mapper,
        "Италия готовит новый бюджет. Премьер-министр Марко Бианки обсудил его с "
        "депутатами. Бюджет Италии вырастет.",
    )
    assert ("Марко Бианки", "премьер-министр", "Италия", PostStatus.CURRENT) in memberships(ex)


def test_no_country_is_guessed_when_the_article_names_none(mapper: RussianMapper) -> None:
    ex = run(mapper, "Премьер-министр Марко Бианки обсудил бюджет с депутатами.")
    assert ex.memberships == []


def parent_of(ex: Extraction, name: str) -> str | None:
    """The name of the parent of the organization called ``name``."""
    (entity,) = [e for e in ex.entities.values() if e.name == name]
    return ex.entities[entity.parent].name if entity.parent else None


@pytest.mark.parametrize(
    ("body", "name", "country"),
    [
        (
            "Прежде Отто Фишер руководил отделом Министерства финансов Австрии.",
            "Министерство финансов Австрии",
            "Австрия",
        ),
        (
            "В Астану прибыла делегация МИД Кыргызстана.",
            "Министерство иностранных дел Кыргызстана",
            "Киргизия",
        ),
        (
            "Министерство экономики Республики Узбекистан объявило тендер.",
            "Министерство экономики Республики Узбекистан",
            "Узбекистан",
        ),
        (
            "Советник Агентства по делам молодёжи Монголии Бат Эрдэнэ выступил.",
            "Агентство по делам молодёжи Монголии",
            "Монголия",
        ),
    ],
    ids=["unit-of-ministry", "abbreviation", "nominative-body", "agency-of-a-post"],
)
def test_government_body_before_a_country_in_the_genitive_is_that_countrys(
    mapper: RussianMapper, body: str, name: str, country: str
) -> None:
    assert parent_of(run(mapper, body), name) == country


def test_ministry_of_a_post_and_of_a_unit_is_one_body(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Министр внутренних дел Австрии Карл Хубер прибыл в Астану. Его сопровождал "
        "директор департамента Министерства внутренних дел Австрии Франц Майер.",
    )
    ministries = [e for e in ex.entities.values() if e.name.startswith("Министерство")]
    assert [(e.name, ex.entities[e.parent].name) for e in ministries] == [
        ("Министерство внутренних дел Австрии", "Австрия")
    ]


def test_listed_national_body_is_found_through_its_country(mapper: RussianMapper) -> None:
    ex = run(mapper, "Делегация МИД Казахстана прибыла в Ташкент.")
    assert "gaz:kz-mfa" in ex.entities
    assert "Министерство иностранных дел" not in org_names(ex)


def test_body_followed_by_a_country_in_another_case_keeps_no_parent(
    mapper: RussianMapper,
) -> None:
    ex = run(mapper, "Министерство финансов передало Казахстану отчёт.")
    assert parent_of(ex, "Министерство финансов") is None


def test_bracketed_acronym_does_not_break_the_apposition(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Ведущий эксперт Организации экономического сотрудничества и развития (ОЭСР) "
        "Анна Берг провела семинар.",
    )
    ((name, role, org, _),) = memberships(ex)
    assert (name, role, org) == (
        "Анна Берг",
        "ведущий эксперт",
        "Организация экономического сотрудничества и развития",
    )
    assert not any("ОЭСР" in n for n in org_names(ex) - {"ОЭСР"})


def test_unknown_organization_keeps_its_acronym_as_alias(mapper: RussianMapper) -> None:
    ex = run(mapper, "В Омске открылся Сибирский институт водных ресурсов (СИВР).")
    (institute,) = [e for e in ex.entities.values() if e.type == EntityType.ORGANIZATION]
    assert institute.name == "Сибирский институт водных ресурсов"
    assert institute.aliases == ("СИВР",)


def test_bare_head_noun_refers_to_the_organization_named_before(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Академия государственного управления при Президенте Республики Казахстан "
        "провела конференцию. Ректор академии Айгерим Садыкова открыла её.",
    )
    assert (
        "Айгерим Садыкова",
        "ректор",
        "Академия государственного управления при Президенте Республики Казахстан",
        PostStatus.CURRENT,
    ) in memberships(ex)
    assert "Академия" not in org_names(ex)


def test_longer_name_wins_over_a_gazetteer_prefix(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "В Бишкеке Агентство по делам государственной службы и местного самоуправления "
        "Кыргызской Республики подписало меморандум.",
    )
    assert "Агентство по делам государственной службы" not in org_names(ex)


def test_past_post_from_occupied_position(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Ранее Ербол Касымов занимал должность ректора Академии государственного "
        "управления при Президенте Республики Казахстан.",
    )
    ((_, role, _, status),) = memberships(ex)
    assert (role, status) == ("ректор", PostStatus.FORMER)


def test_every_organizer_of_a_coordinated_list(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "В Астане прошёл форум, организованный Агентством по делам государственной "
        "службы и Программой развития ООН.",
    )
    (forum,) = ex.events
    assert set(forum.organizers) == {"gaz:kz-civil-service-agency", "gaz:undp"}
    assert forum.participants == ()


def test_plural_post_is_nobodys_post(mapper: RussianMapper) -> None:
    ex = run(mapper, "Депутаты Мажилиса Ивана Сергеева поддержали закон.")
    assert ex.memberships == []


def test_transliteration_after_a_name_is_not_part_of_it(mapper: RussianMapper) -> None:
    ex = run(mapper, "Руководитель отдела Всемирного банка Джон Смит John Smith выступил.")
    persons = {e.name for e in ex.entities.values() if e.type == EntityType.PERSON}
    assert "Джон Смит" in persons
    assert not any("John" in p and "Джон" in p for p in persons)


def test_role_label_leaves_the_organizations_adjective(mapper: RussianMapper) -> None:
    ex = run(mapper, "Глава синодального Отдела внешних связей Пётр Лебедев выступил.")
    assert {role for _, role, _, _ in memberships(ex)} == {"глава"}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Дмитрия", "Медведева"], "Дмитрий Медведев"),  # the female reading is rare
        (["Алиханом", "Байменовым"], "Алихан Байменов"),
        (["Юлия", "Иванова"], "Юлия Иванова"),
        (["Валерия", "Иванова"], "Валерия Иванова"),  # undecided: the nominative stays
    ],
)
def test_name_case_settled_by_how_likely_the_first_name_is(words: list[str], expected: str) -> None:
    assert ru.person_nominative(words) == expected
