"""Russian organization mentions as a reader delimits them
(kg.mappers.ru.organization_mentions): names with their genitive places, bodies of
places, bracketed aliases, Latin-script and domain names, a name found again, and the
quoted or Latin names of things that are no organization.  Own sentences only."""

from __future__ import annotations

import pytest

from kg.mappers.ru import RussianMapper
from kg.mappers.ru.organization_mentions import cue_before, is_alias, latin_runs
from kg.model import Article, EntityType, Extraction, OrgKind
from kg.text import tokenize


@pytest.fixture(scope="module")
def mapper() -> RussianMapper:
    return RussianMapper()


def run(mapper: RussianMapper, body: str) -> Extraction:
    return mapper.extract(Article(id="t", source="test", title="", body=body, language="ru"))


def organizations(ex: Extraction) -> dict[str, str]:
    """Surface text of every organization mention (states left out) → entity name."""
    found = {}
    for m in ex.mentions:
        entity = ex.entities[m.entity]
        if entity.type == EntityType.ORGANIZATION and entity.kind != OrgKind.STATE:
            found[m.surface] = entity.name
    return found


def parent_of(ex: Extraction, surface: str) -> str | None:
    mention = next(m for m in ex.mentions if m.surface == surface)
    parent = ex.entities[mention.entity].parent
    return ex.entities[parent].name if parent else None


# -- token helpers ---------------------------------------------------------------------


def test_latin_runs_join_function_words_but_not_cyrillic() -> None:
    tokens = tokenize("доклад Committee to Protect Journalists и компании Nordtek AS")
    runs = [" ".join(t.text for t in tokens[a:b]) for a, b in latin_runs(tokens)]
    assert runs == ["Committee to Protect Journalists", "Nordtek AS"]


def test_alias_is_one_acronym_or_a_latin_run() -> None:
    tokens = tokenize("( КЗЖ ) ( СМИ ) ( Fjord Industries ) ( это )")
    texts = [t.text for t in tokens]
    assert is_alias(tokens, 1, 2)
    assert not is_alias(tokens, 4, 5)  # a common noun, no alias
    assert is_alias(tokens, 7, 9)
    assert not is_alias(tokens, texts.index("это"), texts.index("это") + 1)


def test_cue_before_skips_the_opening_quote() -> None:
    tokens = tokenize("на шаттле «Аврора» и Nordtek")
    texts = [t.text for t in tokens]
    assert cue_before(tokens, texts.index("Аврора")) == texts.index("шаттле")
    assert cue_before(tokens, texts.index("Nordtek")) == texts.index("и")


# -- spans -----------------------------------------------------------------------------


def test_name_runs_over_its_country_in_the_genitive(mapper: RussianMapper) -> None:
    ex = run(mapper, "Национальный банк Норвегии снизил ставку.")
    assert "Национальный банк Норвегии" in organizations(ex)


def test_lower_case_body_of_a_place(mapper: RussianMapper) -> None:
    ex = run(mapper, "Представители мэрии Осло встретились с журналистами.")
    assert organizations(ex)["мэрии Осло"] == "Мэрия Осло"


def test_described_body_belongs_to_the_adjectives_country(mapper: RussianMapper) -> None:
    ex = run(mapper, "В российском министерстве финансов это подтвердили.")
    assert "российском министерстве финансов" in organizations(ex)
    assert parent_of(ex, "российском министерстве финансов") == "Россия"
    ex = run(mapper, "Глава официальной делегации выступил первым.")
    assert not organizations(ex)  # ``официальной`` does not say whose


def test_descriptor_phrase_belongs_to_the_name(mapper: RussianMapper) -> None:
    ex = run(mapper, "Делегаты международной шахматной федерации ФИДЕ собрались в Париже.")
    assert "международной шахматной федерации ФИДЕ" in organizations(ex)


def test_bracketed_acronym_is_a_mention_of_the_same_organization(
    mapper: RussianMapper,
) -> None:
    ex = run(mapper, "Об этом сообщает Комитет защиты журналистов (КЗЖ).")
    found = organizations(ex)
    assert found["КЗЖ"] == found["Комитет защиты журналистов"]


# -- names the NER model misses or mistypes --------------------------------------------


def test_latin_and_domain_names_are_organizations(mapper: RussianMapper) -> None:
    ex = run(mapper, "Рабочие завода Nordtek объявили забастовку, сообщает nordnews.ru.")
    found = organizations(ex)
    assert "Nordtek" in found.values()
    assert found["nordnews.ru"] == "nordnews.ru"


def test_latin_spelling_of_a_person_is_no_organization(mapper: RussianMapper) -> None:
    ex = run(mapper, "Об этом сказал Томас Берг (Thomas Berg) на пресс-конференции.")
    assert not organizations(ex)


def test_names_of_things_and_titles_are_no_organizations(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Корабль «Аврора» пристыковался к станции. Об этом пишут СМИ. "
        "Подробнее читайте в статье Северного обозревателя «Жаркое лето».",
    )
    found = organizations(ex)
    assert "Аврора" not in found and "СМИ" not in found
    assert "Жаркое лето" not in found.values()
    assert found["Северного обозревателя"] == "Северный обозреватель"  # the outlet


def test_a_building_is_a_place(mapper: RussianMapper) -> None:
    ex = run(mapper, "Концерт прошёл во Дворце спорта.")
    assert not organizations(ex)
    places = {e.name for e in ex.entities.values() if e.type == EntityType.PLACE}
    assert "Дворец спорта" in places


def test_quoted_name_inside_a_unit_is_found_again_unquoted(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Журналист рассказал Русской службе «Голоса Севера» о поездке. "
        "Голос Севера: Что вы видели?",
    )
    found = organizations(ex)
    assert found["Голоса Севера"] == found["Голос Севера"] == "Голос Севера"


def test_one_word_after_a_team_word_is_the_team_not_a_person(mapper: RussianMapper) -> None:
    ex = run(mapper, "Гонщики команды Ламборгини финишировали первыми.")
    assert organizations(ex)["команды Ламборгини"] == "Ламборгини"
    assert not [e for e in ex.entities.values() if e.type == EntityType.PERSON]
    ex = run(mapper, "Директор компании Петров подписал приказ.")
    persons = {e.name for e in ex.entities.values() if e.type == EntityType.PERSON}
    assert persons == {"Петров"}  # a Russian surname stays a person
