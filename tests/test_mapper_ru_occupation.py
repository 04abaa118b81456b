"""Russian mapper: the ways news style tells who holds which post — posts stacked with
commas before the name, appositions after it, two posts in a row, organizations joined
by ``и``, names with ``по …`` and ``и``, a head noun referring to an organization named
before, leading participles, and posts that belong to someone else (``указом главы
государства …``).  Own sentences only."""

from __future__ import annotations

import pytest
from ru_mapping import memberships, posts, run

from kg.mappers.ru import RussianMapper
from kg.model import PostStatus

NOW = PostStatus.CURRENT


@pytest.fixture(scope="module")
def mapper() -> RussianMapper:
    return RussianMapper()


def test_decree_of_the_head_of_state_is_not_the_appointees_post(mapper: RussianMapper) -> None:
    ex = run(mapper, "Указом главы государства Арман Тулегенов назначен послом Казахстана в Корее.")
    assert memberships(ex) == {
        ("Арман Тулегенов", "посол", "Казахстан", PostStatus.NEWLY_APPOINTED)
    }


def test_post_after_a_relative_names_someone_else(mapper: RussianMapper) -> None:
    assert not posts(mapper, "Цветы вручили супруге первого президента — Наине Петровне.")


def test_invitation_by_a_post_holder_in_the_genitive_keeps_the_post(
    mapper: RussianMapper,
) -> None:
    found = posts(
        mapper, "По приглашению президента Казахстана Нурсултана Назарбаева прибыл гость."
    )
    assert found == {("Нурсултан Назарбаев", "президент", "Казахстан")}


def test_posts_stacked_with_commas_before_the_name(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "В зале выступил депутат парламента Грузии, председатель комитета Академии наук "
        "Грузии Леван Чантурия.",
    )
    assert {(label, org.split()[0]) for _p, label, org in found} == {
        ("депутат", "Парламент"),
        ("председатель комитета", "Академия"),
    }


def test_comma_post_after_another_persons_apposition_is_not_stacked(
    mapper: RussianMapper,
) -> None:
    found = posts(
        mapper,
        "Выступили Анна Орлова - директор Института истории, Павел Ким - ректор Университета "
        "дружбы народов.",
    )
    assert {(p, label) for p, label, _org in found} == {
        ("Анна Орлова", "директор"),
        ("Павел Ким", "ректор"),
    }


def test_post_after_the_name_past_another_apposition(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Об этом сказал Олег Зуев, известный историк, член Общественной палаты и "
        "Экспертного совета по архивам.",
    )
    assert {(label, org) for _p, label, org in found} == {
        ("член", "Общественная палата"),
        ("член", "Экспертный совет по архивам"),
    }


def test_post_followed_by_another_name_is_that_persons(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Защитник клуба «Ротор» Игорь Лосев, капитан клуба «Сокол» Андрей Фомин и тренер "
        "Пётр Белов снялись в фильме.",
    )
    assert ("Игорь Лосев", "капитан", "Сокол") not in found
    assert ("Андрей Фомин", "капитан", "Сокол") in found


def test_second_post_in_a_row_without_a_comma(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Как сообщил наблюдатель от ОБСЕ португальский парламентарий Жоао Мартинш, выборы прошли.",
    )
    assert found == {
        ("Жоао Мартинш", "наблюдатель", "Организация по безопасности и сотрудничеству в Европе"),
        ("Жоао Мартинш", "парламентарий", "Португалия"),
    }


def test_post_in_another_case_in_a_row_is_another_persons(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Об этом сказал в беседе с корреспондентом газеты «Вечер» лидер движения «Рассвет» "
        "Семён Гуров.",
    )
    assert {label for _p, label, _org in found} == {"лидер"}


def test_post_and_name_joined_by_and(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Министр связи и коммуникаций России Игорь Лаптев и глава отдела корпоративных "
        "серверов и сетей компании «Орион» Дейв Кларк провели встречу.",
    )
    assert ("Игорь Лаптев", "министр связи и коммуникаций") in {(p, r) for p, r, _o in found}
    assert ("Дейв Кларк", "глава", "Отдел корпоративных серверов и сетей") in found


def test_unit_named_by_its_purpose_keeps_its_adjective(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Службу провёл Андрей Котов, глава синодального отдела по делам молодёжи и общества.",
    )
    assert found == {("Андрей Котов", "глава", "Синодальный отдел по делам молодёжи и общества")}


def test_acronym_after_an_organization_is_also_its_name(mapper: RussianMapper) -> None:
    ex = run(mapper, "Выступил Пётр Серов - директор Института истории и археологии РАН.")
    (membership,) = ex.memberships
    institute = ex.entities[membership.organization]
    assert institute.name == "Институт истории и археологии"
    assert "Институт истории и археологии РАН" in institute.aliases


def test_outlet_named_in_quotes_after_its_kind(mapper: RussianMapper) -> None:
    found = posts(mapper, "Иван Рябов, редактор еженедельной газеты «Северный край», уволен.")
    assert found == {("Иван Рябов", "редактор", "Северный край")}


def test_bare_head_noun_refers_to_the_organization_it_introduced(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Автомобильный концерн «Вектор» построит завод. Об этом заявил шеф концерна Карл Браун.",
    )
    assert found == {("Карл Браун", "шеф", "Вектор")}


def test_leading_participles_make_heads(mapper: RussianMapper) -> None:
    ex = run(
        mapper,
        "Арестованы активисты Народной партии, возглавляемой Ахмедом Шахом. Его сменит посол "
        "Японии Кэндзи Мори, ранее возглавлявший отдел Китая в японском МИДе.",
    )
    found = memberships(ex)
    assert ("Ахмед Шах", "руководитель", "Народная партия", NOW) in found
    assert ("Кэндзи Мори", "руководитель", "Отдел Китая", PostStatus.FORMER) in found


def test_countrys_post_told_later_replaces_the_guessed_country(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Турция и Россия обсудили транзит. Турция ждёт ответа. Встреча с президентом Олегом "
        "Гусевым прошла в Анкаре. Президент России Олег Гусев вернулся в Москву.",
    )
    assert found == {("Олег Гусев", "президент", "Россия")}


def test_member_of_a_chamber_from_a_state(mapper: RussianMapper) -> None:
    found = posts(
        mapper,
        "Тогда член Палаты представителей Конгресса США от штата Аризона Джейн Миллер "
        "получила ранение.",
    )
    assert {(p, label) for p, label, _org in found} == {("Джейн Миллер", "член")}
