"""Russian mapper: lower-case descriptions of organizations (a country's government,
parliament, authorities or national team; an organization word referring back), posts
of the state itself, and name forms that agree with a singular post.  Own sentences
only."""

from __future__ import annotations

import pytest

from kg.lang import ru
from kg.mappers.ru import RussianMapper
from kg.model import Article, Extraction, OrgKind


@pytest.fixture(scope="module")
def mapper() -> RussianMapper:
    return RussianMapper()


def run(mapper: RussianMapper, body: str) -> Extraction:
    return mapper.extract(Article(id="t", source="test", title="", body=body, language="ru"))


def mentioned(ex: Extraction) -> dict[str, tuple[str, OrgKind | None, str | None]]:
    """Surface text of every organization mention → (entity name, kind, parent name)."""
    found = {}
    for m in ex.mentions:
        entity = ex.entities[m.entity]
        if m.evidence.mention is None:
            continue
        parent = ex.entities[entity.parent].name if entity.parent else None
        surface = ex.article.text[m.evidence.mention.start : m.evidence.mention.end]
        found[surface] = (entity.name, entity.kind, parent)
    return found


def test_body_with_country_in_genitive_or_adjective(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Правительство Норвегии одобрило проект. Позже японское правительство выразило сомнения.",
    )
    found = mentioned(ex)
    assert found["Правительство Норвегии"][1] == OrgKind.GOVERNMENT_BODY
    assert found["Правительство Норвегии"][2] == "Норвегия"
    assert found["японское правительство"][2] == "Япония"


def test_bare_body_is_the_article_countrys(mapper: RussianMapper) -> None:
    ex = run(mapper, "В Норвегии прошли выборы. Новый состав парламента утвердил бюджет.")
    found = mentioned(ex)
    assert found["парламента"][2] == "Норвегия"


def test_bare_body_of_someone_else_or_a_city_names_nothing(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "В Норвегии прошли выборы. Министр сказал, что его правительство подаст "
        "в отставку. Правительство Москвы молчит. Московские власти тоже.",
    )
    found = mentioned(ex)
    assert "правительство" not in found
    assert "власти" not in found
    assert not any(name.startswith("Правительство Норвеги") for name, *_ in found.values())


def test_authorities_only_with_a_country(mapper: RussianMapper) -> None:
    ex = run(mapper, "В Норвегии партия пришла к власти. Норвежские власти это подтвердили.")
    found = mentioned(ex)
    assert "власти" not in found
    assert found["Норвежские власти"][2] == "Норвегия"


def test_organization_word_refers_back(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Ассоциация северных фермеров провела съезд. Решение ассоциации поддержали. "
        "Новая ассоциация появилась рядом.",
    )
    keys = {m.entity for m in ex.mentions if ex.entities[m.entity].name.startswith("Ассоциация")}
    surfaces = [
        ex.article.text[m.evidence.mention.start : m.evidence.mention.end]
        for m in ex.mentions
        if m.entity in keys and m.evidence.mention is not None
    ]
    assert "ассоциации" in surfaces
    assert "ассоциация" not in surfaces  # ``новая ассоциация`` is another one


def test_post_of_the_state(mapper: RussianMapper) -> None:
    ex = run(mapper, "Норвегия ввела пошлины. Глава государства Улаф Хансен подписал указ.")
    posts = {
        (ex.entities[m.member].name, m.role.label, ex.entities[m.organization].name)
        for m in ex.memberships
    }
    assert ("Улаф Хансен", "глава государства", "Норвегия") in posts


def test_name_agrees_with_a_singular_post() -> None:
    assert ru.word_case("директора", singular=True) == {"gent", "accs"}
    cases = frozenset(ru.word_case("директора", singular=True))
    assert ru.person_nominative(["Евгения", "Минченко"], cases) == "Евгений Минченко"
    assert ru.person_nominative(["Сейджи", "Маехары"], frozenset({"gent"})) == "Сейджи Маехара"
