"""The Kazakh mapper on texts written for these tests, the examples and the seed article."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from kg.mappers.base import Mapper
from kg.mappers.kk import KazakhMapper
from kg.model import Article, EventType, Extraction, PostStatus

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_f22f3348edfb279b.txt"
MAPPER = KazakhMapper()


def _article(title: str, body: str, published: dt.date = dt.date(2024, 3, 14)) -> Article:
    return Article(
        id="t", source="test", title=title, body=body, language="kk", published=published
    )


def _from_layout(path: Path, published: dt.date) -> Article:
    """Plain-text layout: title, date line, counter lines, paragraphs."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 2
    while i < len(lines) and lines[i].strip().isdigit():
        i += 1
    return _article(lines[0], "\n".join(lines[i:]).strip(), published)


def _person(ex: Extraction, name: str) -> str:
    keys = [k for k, e in ex.entities.items() if e.name == name]
    assert keys, f"no person {name}: {[e.name for e in ex.entities.values()]}"
    return keys[0]


def _has_membership(ex: Extraction, member: str, org: str, role_key: str) -> PostStatus:
    for ms in ex.memberships:
        if (ms.member, ms.organization, ms.role.key) == (member, org, role_key):
            return ms.status
    raise AssertionError(f"no membership {member} {role_key} {org}: {ex.memberships}")


def _events(ex: Extraction, type_: EventType) -> list:
    return [e for e in ex.events if e.type == type_]


def _check_evidence(ex: Extraction) -> None:
    text = ex.article.text
    for key in ex.entities:
        assert any(m.entity == key for m in ex.mentions), key
    for m in ex.mentions:
        span = m.evidence.mention
        assert span is not None and text[span.start : span.end] == m.surface
        assert m.evidence.sentence.start <= span.start <= span.end <= m.evidence.sentence.end
    for e in ex.events:
        assert 0 <= e.evidence.confidence <= 1


def test_protocol() -> None:
    assert isinstance(MAPPER, Mapper)
    assert MAPPER.languages == ("kk",)


def test_post_before_name_with_unit_chain() -> None:
    ex = MAPPER.extract(
        _article(
            "Хаб өкілдері Алматыда кездесті",
            "Өңірлік хабтың басқару комитетінің төрағасы Серік Нұрланұлы Алматыда "
            "Шанхай ынтымақтастық ұйымының Бас хатшысы Ержан Болатовпен кездесті.",
        )
    )
    serik = _person(ex, "Серік Нұрланұлы")
    bolatov = _person(ex, "Ержан Болатов")
    committee = ex.entities["gaz:acsh/organization:басқару комитеті"]
    assert committee.parent == "gaz:acsh"
    _has_membership(ex, serik, committee.key, "chair")
    _has_membership(ex, bolatov, "gaz:sco", "secretary-general")
    (meeting,) = _events(ex, EventType.MEETING)
    assert set(meeting.participants) == {serik, bolatov}
    assert meeting.place == "gaz:almaty"
    _check_evidence(ex)


def test_name_then_post_and_statuses() -> None:
    ex = MAPPER.extract(
        _article(
            "Тағайындаулар",
            "Әсел Нұрова, ЭЫДҰ-ның хатшылығы басшысы, Бішкекке келді. "
            "Қазақстан сыртқы істер министрінің міндетін атқарушы Бауыржан Темірханов келді. "
            "БҰҰ-ның бұрынғы бас хатшысы Азамат Серікбаев та қатысты. "
            "Тимур Жақыпов Еуразиялық экономикалық одақтың төрағасы болып тағайындалды.",
        )
    )
    nurova = _person(ex, "Әсел Нұрова")
    unit = ex.entities["gaz:oecd/organization:хатшылық"]
    assert _has_membership(ex, nurova, unit.key, "head") == PostStatus.CURRENT
    temirkhanov = _person(ex, "Бауыржан Темірханов")
    assert _has_membership(ex, temirkhanov, "gaz:kz-mfa", "minister-foreign-affairs") == (
        PostStatus.ACTING
    )
    former = _has_membership(ex, _person(ex, "Азамат Серікбаев"), "gaz:un", "secretary-general")
    assert former == PostStatus.FORMER
    new = _has_membership(ex, _person(ex, "Тимур Жақыпов"), "gaz:eaeu", "chair")
    assert new == PostStatus.NEWLY_APPOINTED


def test_unknown_ministry_of_a_country() -> None:
    ex = MAPPER.extract(
        _article(
            "Сапар",
            "Моңғолияның білім министрі Батбаяр Ганзориг Астанаға ресми сапармен келді. "
            "Сапар барысында тараптар ынтымақтастық туралы меморандумға қол қойды.",
        )
    )
    ganzorig = _person(ex, "Батбаяр Ганзориг")
    ministry = next(e for e in ex.entities.values() if e.name == "Білім министрлігі")
    assert ministry.parent == "gaz:mn" and ministry.kind.value == "government_body"
    _has_membership(ex, ganzorig, ministry.key, "minister")
    (visit,) = _events(ex, EventType.VISIT)
    assert visit.place == "gaz:astana" and visit.participants == (ganzorig,)
    (signing,) = _events(ex, EventType.SIGNING)
    assert signing.parent == visit.key and signing.participants == (ganzorig,)


def test_forum_with_organizer_date_and_surname_coreference() -> None:
    ex = MAPPER.extract(
        _article(
            "Дүниежүзілік банк форум өткізді",
            "2024 жылғы 2 мамырда Ташкентте Дүниежүзілік банк ұйымдастырған Орталық Азия "
            "цифрлық форумы өтті. Форумда Азия даму банкінің директоры Ә. Қалиев сөз сөйледі. "
            "«Біз бірге жұмыс істейміз», – деді Қалиев.",
        )
    )
    (forum,) = _events(ex, EventType.CONFERENCE)
    assert forum.name == "Орталық Азия цифрлық форумы"
    assert forum.date == dt.date(2024, 5, 2) and not forum.date_from_article
    assert forum.place == "gaz:tashkent"
    assert forum.organizers == ("gaz:worldbank",)
    kaliev = _person(ex, "Ә. Қалиев")
    assert kaliev in forum.participants
    assert [m.surface for m in ex.mentions if m.entity == kaliev] == ["Ә. Қалиев", "Қалиев"]


def test_speed() -> None:
    body = (ROOT / "examples" / "kk_civil_service_conference.txt").read_text(encoding="utf-8")
    article = _article("Тест", body * 2)
    MAPPER.extract(article)
    start = time.perf_counter()
    for _ in range(5):
        MAPPER.extract(article)
    assert (time.perf_counter() - start) / 5 < 0.05


# -- examples -------------------------------------------------------------------------


def test_example_conference() -> None:
    ex = MAPPER.extract(
        _from_layout(ROOT / "examples" / "kk_civil_service_conference.txt", dt.date(2024, 3, 14))
    )
    petrova = _person(ex, "Мария Петрова")
    zhumabekov = _person(ex, "Дархан Жұмабеков")
    sodiqov = _person(ex, "Бахтиёр Содиқов")
    sarsenova = _person(ex, "Алия Сәрсенова")
    _has_membership(ex, petrova, "gaz:undp", "representative")
    _has_membership(ex, zhumabekov, "gaz:kz-civil-service-agency", "chair")
    ministry = next(e for e in ex.entities.values() if e.name == "Әділет министрлігі")
    assert ministry.parent == "gaz:uz"
    _has_membership(ex, sodiqov, ministry.key, "minister")
    status = _has_membership(ex, sarsenova, "gaz:kz-civil-service-agency", "chair")
    assert status == PostStatus.FORMER
    (conference,) = _events(ex, EventType.CONFERENCE)
    assert conference.name == "Еуразиялық мемлекеттік қызмет конференциясы"
    assert conference.place == "gaz:astana" and conference.organizers == ("gaz:acsh",)
    assert {petrova, sarsenova} <= set(conference.participants)
    (meeting,) = _events(ex, EventType.MEETING)
    assert set(meeting.participants) == {zhumabekov, sodiqov}
    (signing,) = _events(ex, EventType.SIGNING)
    assert signing.parent == meeting.key
    _check_evidence(ex)


def test_example_visit() -> None:
    ex = MAPPER.extract(
        _from_layout(ROOT / "examples" / "kk_visit_tashkent.txt", dt.date(2023, 5, 5))
    )
    zhumabekov = _person(ex, "Дархан Жұмабеков")
    akhmedov = _person(ex, "Шерзод Ахмедов")
    _has_membership(ex, zhumabekov, "gaz:kz-civil-service-agency", "chair")
    (post,) = [ms for ms in ex.memberships if ms.member == akhmedov]
    agency = ex.entities[post.organization]
    assert agency.name.endswith("Мемлекеттік қызметті дамыту агенттігі")
    assert agency.parent == "gaz:uz" and post.role.key == "director"
    (visit,) = _events(ex, EventType.VISIT)
    assert visit.place == "gaz:tashkent" and visit.participants == (zhumabekov,)
    (meeting,) = _events(ex, EventType.MEETING)
    assert meeting.parent == visit.key
    assert set(meeting.participants) == {zhumabekov, akhmedov}
    (signing,) = _events(ex, EventType.SIGNING)
    assert signing.parent == meeting.key
    (forum,) = _events(ex, EventType.CONFERENCE)
    assert forum.name == "Астана халықаралық форумы"
    assert forum.date == dt.date(2023, 9, 20) and forum.place == "gaz:astana"
    _check_evidence(ex)


def test_example_json_record() -> None:
    record = json.loads((ROOT / "examples" / "kk_oecd_appointment.json").read_text("utf-8"))
    ex = MAPPER.extract(
        _article(record["title"], record["text"], dt.date.fromisoformat(record["date"]))
    )
    omarova = _person(ex, "Гүлнар Омарова")
    division = ex.entities["gaz:oecd/organization:еуразия бөлімі"]
    assert _has_membership(ex, omarova, division.key, "head") == PostStatus.NEWLY_APPOINTED
    cormann = _person(ex, "Матиас Корман")
    _has_membership(ex, cormann, "gaz:oecd", "secretary-general")
    assert "Корман" in ex.entities[cormann].aliases
    sarsenbaev = _person(ex, "Ерлан Сәрсенбаев")
    _has_membership(ex, sarsenbaev, "gaz:kz", "deputy-prime-minister")
    (forum,) = _events(ex, EventType.CONFERENCE)
    assert forum.place == "gaz:almaty"
    (meeting,) = _events(ex, EventType.MEETING)
    assert set(meeting.participants) == {omarova, sarsenbaev}
    _check_evidence(ex)


# -- the seed article -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Extraction:
    if not SEED.exists():
        pytest.skip(f"seed article not available at {SEED}")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    body = "\n".join(lines[4:]).strip()
    return MAPPER.extract(_article(lines[0], body, dt.date(2017, 9, 22)))


def test_seed_entities(seed: Extraction) -> None:
    baimenov = _person(seed, "Алихан Байменов")
    assert "Байменов" in seed.entities[baimenov].aliases
    surfaces = {m.surface for m in seed.mentions if m.entity == baimenov}
    assert {"Алихан Байменов", "Байменов", "Алихан Байменовпен"} <= surfaces
    _person(seed, "Пан Сук Ким")
    lau = _person(seed, "Эдвин Лау")
    assert "Эдвин Лаумен" in {m.surface for m in seed.mentions if m.entity == lau}
    for key in ("gaz:eropa", "gaz:oecd", "gaz:acsh", "gaz:kr", "gaz:kr-mpm"):
        assert key in seed.entities, key
    assert seed.entities["gaz:kr-mpm"].parent == "gaz:kr"
    assert seed.entities["gaz:acsh/organization:басқару комитеті"].parent == "gaz:acsh"
    division = "gaz:oecd/organization:мемлекеттік қызметті реформалау бөлімі"
    assert seed.entities[division].parent == "gaz:oecd"
    oecd_surfaces = {m.surface for m in seed.mentions if m.entity == "gaz:oecd"}
    assert {"ЭЫДҰ", "Экономикалық ынтымақтастық және даму ұйымы"} <= oecd_surfaces
    _check_evidence(seed)


def test_seed_memberships(seed: Extraction) -> None:
    baimenov = _person(seed, "Алихан Байменов")
    committee = "gaz:acsh/organization:басқару комитеті"
    _has_membership(seed, baimenov, committee, "chair")
    _has_membership(seed, _person(seed, "Пан Сук Ким"), "gaz:kr-mpm", "minister")
    division = "gaz:oecd/organization:мемлекеттік қызметті реформалау бөлімі"
    _has_membership(seed, _person(seed, "Эдвин Лау"), division, "head")
    assert len(seed.memberships) == 3  # the Hub's chair is not Lau


def test_seed_events(seed: Extraction) -> None:
    baimenov = _person(seed, "Алихан Байменов")
    kim = _person(seed, "Пан Сук Ким")
    lau = _person(seed, "Эдвин Лау")
    conferences = _events(seed, EventType.CONFERENCE)
    forum = next(e for e in conferences if "көшбасшылар форумы" in e.name.lower())
    assembly = next(e for e in conferences if "Бас Ассамблеясы" in e.name)
    assert forum.place == "gaz:seoul" and forum.date == dt.date(2017, 9, 22)
    assert forum.parent == assembly.key
    assert assembly.organizers == ("gaz:eropa",)
    assert {"gaz:oecd", baimenov} <= set(forum.participants)
    meetings = {frozenset(e.participants): e for e in _events(seed, EventType.MEETING)}
    assert meetings[frozenset({kim, baimenov})].parent == assembly.key
    assert frozenset({baimenov, lau}) in meetings
    assert len(seed.events) == 4


# -- constructions that the NER and the rules handle together ---------------------------


def test_surname_first_order_is_one_person() -> None:
    ex = MAPPER.extract(
        _article(
            "Тізім",
            "Тізімде Байменов Алихан бар. Алихан Байменовпен ЭЫДҰ-ның бас хатшысы Матиас "
            "Корман кездесті.",
        )
    )
    persons = [e.name for e in ex.entities.values() if e.type.value == "person"]
    assert persons.count("Алихан Байменов") == 1 and "Байменов Алихан" not in persons


def test_names_without_post_or_surname_ending_come_from_the_ner() -> None:
    ex = MAPPER.extract(
        _article(
            "Форум",
            "2024 жылғы 5 наурызда Алматыда цифрлық форум өтті. Форумда Айгерім Сейіт "
            "баяндама жасады.",
        )
    )
    seit = _person(ex, "Айгерім Сейіт")
    (forum,) = _events(ex, EventType.CONFERENCE)
    assert seit in forum.participants and forum.place == "gaz:almaty"


def test_speakers_join_the_conference_reported_last() -> None:
    ex = MAPPER.extract(
        _article(
            "Екі жиын",
            "5 наурызда Алматыда Азия даму банкі ұйымдастырған Орталық Азия энергетика "
            "форумы өтті. Форумда Айгерім Сейіт баяндама жасады. Ал 7 наурызда Астанада "
            "цифрлық саммит өтті. «Біз дайынбыз», – деді Жанар Әбдіқалық.",
        )
    )
    forum = next(e for e in ex.events if "форум" in e.name)
    summit = next(e for e in ex.events if "саммит" in e.name)
    speaker = _person(ex, "Жанар Әбдіқалық")
    assert speaker in summit.participants and speaker not in forum.participants
    assert forum.organizers == ("gaz:adb",) and summit.place == "gaz:astana"


def test_invited_people_are_not_attendees() -> None:
    ex = MAPPER.extract(
        _article(
            "Шақыру",
            "Астанада халықаралық форум өтті. Ерлан Қарин Матиас Корманды келесі форумға шақырды.",
        )
    )
    forum = next(e for e in ex.events if e.type == EventType.CONFERENCE)
    assert _person(ex, "Матиас Корман") not in forum.participants


def test_apposition_post_without_comma_after_it() -> None:
    ex = MAPPER.extract(
        _article(
            "Саммит",
            "Ерлан Қарин, ЭЫДҰ-ның кеңесшісі Бішкекте ШЫҰ саммитіне қатысты.",
        )
    )
    _has_membership(ex, _person(ex, "Ерлан Қарин"), "gaz:oecd", "adviser")
    (summit,) = _events(ex, EventType.CONFERENCE)
    assert summit.name == "ШЫҰ саммиті" and summit.place == "gaz:bishkek"


def test_signing_between_parties_within_a_visit() -> None:
    ex = MAPPER.extract(
        _article(
            "Сапар",
            "Жаңадан тағайындалған ЭЫДҰ-ның бас хатшысы Матиас Корман Астанаға ресми сапармен "
            "келді. Сапар аясында Қазақстан мен ЭЫДҰ арасында меморандумға қол қойылды.",
        )
    )
    status = _has_membership(ex, _person(ex, "Матиас Корман"), "gaz:oecd", "secretary-general")
    assert status == PostStatus.NEWLY_APPOINTED
    (signing,) = _events(ex, EventType.SIGNING)
    (visit,) = _events(ex, EventType.VISIT)
    assert signing.name == "Меморандум" and signing.parent == visit.key
    assert {"gaz:kz", "gaz:oecd"} <= set(signing.participants)


def test_meeting_within_a_summit() -> None:
    ex = MAPPER.extract(
        _article(
            "Саммит",
            "Душанбеде ШЫҰ саммиті өтті. Саммит шеңберінде Қазақстан Президенті Қасым-Жомарт "
            "Тоқаев Тәжікстан Президенті Эмомали Рахмонмен кездесті.",
        )
    )
    tokayev = _person(ex, "Қасым-Жомарт Тоқаев")
    rahmon = _person(ex, "Эмомали Рахмон")
    _has_membership(ex, tokayev, "gaz:kz", "president")
    _has_membership(ex, rahmon, "gaz:tj", "president")
    (summit,) = _events(ex, EventType.CONFERENCE)
    (meeting,) = _events(ex, EventType.MEETING)
    assert summit.place == "gaz:dushanbe" and meeting.parent == summit.key
    assert set(meeting.participants) == {tokayev, rahmon}


def test_later_participant_joins_the_meeting() -> None:
    ex = MAPPER.extract(
        _article(
            "Кездесу",
            "Алихан Байменов пен Эдвин Лау кездесті. Кездесуге Пан Сук Ким де қатысты.",
        )
    )
    (meeting,) = _events(ex, EventType.MEETING)
    names = {ex.entities[k].name for k in meeting.participants}
    assert names == {"Алихан Байменов", "Эдвин Лау", "Пан Сук Ким"}


def test_organizations_unknown_to_the_gazetteer_come_from_the_ner() -> None:
    ex = MAPPER.extract(
        _article(
            "Кездесу",
            "Астанада «Самұрық-Қазына» ұлттық әл-ауқат қоры мен Халықаралық валюта қоры "
            "кездесу өткізді. Назарбаев Университетінде халықаралық конференция өтті. "
            "Конференцияға Еуразиялық даму банкінің өкілдері қатысты.",
        )
    )
    orgs = {e.name for e in ex.entities.values() if e.type.value == "organization"}
    assert {"Самұрық-Қазына ұлттық әл-ауқат қоры", "Еуразиялық даму банкі"} <= orgs
    assert not any(name.startswith("Конференция") for name in orgs)
    assert not [e.name for e in ex.entities.values() if e.type.value == "person"]
    (meeting,) = _events(ex, EventType.MEETING)
    assert len(meeting.participants) == 2 and meeting.place == "gaz:astana"
    (conference,) = _events(ex, EventType.CONFERENCE)
    assert conference.name == "Халықаралық конференция"


def test_qualified_post_after_parenthesised_acronym() -> None:
    ex = MAPPER.extract(
        _article(
            "Сарапшы дәріс оқыды",
            "Экономикалық ынтымақтастық және даму ұйымының (ЭЫДҰ) жетекші сарапшысы "
            "Ханс Мюллер Астанада дәріс оқыды.",
        )
    )
    _has_membership(ex, _person(ex, "Ханс Мюллер"), "gaz:oecd", "expert")
    assert not any(ms.role.key == "head" for ms in ex.memberships)


def test_appointed_after_bolyp_and_former_posts() -> None:
    ex = MAPPER.extract(
        _article(
            "Тағайындау",
            "Шанхай ынтымақтастық ұйымының Бас хатшысы болып Нұрлан Әбенов тағайындалды. "
            "Әбенов бұған дейін Еуразиялық экономикалық одақтың төрағасы болып істеген. "
            "Бұрынғы бас хатшы Бекзат Оразов зейнетке шықты.",
        )
    )
    abenov = _person(ex, "Нұрлан Әбенов")
    assert _has_membership(ex, abenov, "gaz:sco", "secretary-general") == (
        PostStatus.NEWLY_APPOINTED
    )
    assert _has_membership(ex, abenov, "gaz:eaeu", "chair") == PostStatus.FORMER
    orazov = _person(ex, "Бекзат Оразов")
    assert _has_membership(ex, orazov, "gaz:sco", "secretary-general") == PostStatus.FORMER


def test_ministry_in_genitive_before_an_unnamed_department() -> None:
    ex = MAPPER.extract(
        _article(
            "Қонақ",
            "Франция Қаржы министрлігінің департамент директоры Пьер Дюбуа Астанаға келді.",
        )
    )
    dubois = _person(ex, "Пьер Дюбуа")
    (ms,) = [m for m in ex.memberships if m.member == dubois]
    ministry = ex.entities[ms.organization]
    assert ministry.name == "Қаржы министрлігі"
    assert ms.role.key == "director"


def test_name_before_men_keeps_an_ending_like_tail() -> None:
    ex = MAPPER.extract(
        _article("Кездесу", "Министр Кэнта Мацуда мен Ержан Сейітов Астанада кездесті.")
    )
    _person(ex, "Кэнта Мацуда")


def test_later_mention_gives_date_and_coordinated_organizers() -> None:
    ex = MAPPER.extract(
        _article(
            "Шымкентте өңірлік семинар өтті",
            "2024 жылғы 5 наурызда Шымкентте Дүниежүзілік банк пен Астана мемлекеттік "
            "қызмет хабы өңірлік семинар өткізді.",
        )
    )
    (seminar,) = _events(ex, EventType.CONFERENCE)
    assert seminar.date == dt.date(2024, 3, 5)
    assert set(seminar.organizers) == {"gaz:worldbank", "gaz:acsh"}
    assert not set(seminar.participants) & {"gaz:worldbank", "gaz:acsh"}


def test_sub_events_take_the_date_and_place_of_their_parent() -> None:
    ex = MAPPER.extract(
        _article(
            "Форум",
            "2024 жылғы 9 қыркүйекте Түркістанда Шанхай ынтымақтастық ұйымы ұйымдастырған "
            "жастар форумы өтті. "
            "Форумның пленарлық сессиясын Мемлекеттік қызмет істері агенттігінің төрағасы "
            "Серік Жұманов ашты. "
            "Форум аясында Жұманов пен Әлия Бекова екіжақты кездесу өткізді.",
        )
    )
    (forum,) = [e for e in _events(ex, EventType.CONFERENCE) if e.parent is None]
    (session,) = [e for e in _events(ex, EventType.CONFERENCE) if e.parent == forum.key]
    (meeting,) = _events(ex, EventType.MEETING)
    assert meeting.parent == forum.key
    for sub in (session, meeting):
        assert (sub.date, sub.place) == (dt.date(2024, 9, 9), forum.place)
    assert forum.organizers == ("gaz:sco",)
    zhumanov = _person(ex, "Серік Жұманов")
    assert zhumanov in session.participants
    assert "gaz:kz-civil-service-agency" not in forum.participants + session.participants


def test_headline_and_body_name_one_summit_by_its_organization() -> None:
    ex = MAPPER.extract(
        _article(
            "ШЫҰ саммиті аясында кездесу өтті",
            "2024 жылғы 3 шілдеде Астанада өткен Шанхай ынтымақтастық ұйымының (ШЫҰ) "
            "саммиті аясында Олжас Бекенов Ван Лимен кездесті.",
        )
    )
    (summit,) = _events(ex, EventType.CONFERENCE)
    assert summit.date == dt.date(2024, 7, 3)
    assert summit.place == "gaz:astana"


# -- constructions added for issues 3 and 5 ---------------------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Мемлекеттік кеңесінің", "Мемлекеттік кеңес"),  # adjective: no possessive
        ("басқару комитет", "Басқару комитеті"),  # noun modifier: possessive added
        ("Ішкі істер министрлігінің", "Ішкі істер министрлігі"),
        ("істері жөніндегі агенттігі", "Істері жөніндегі агенттік"),
        ("агенттіктің", "Агенттік"),
    ],
)
def test_organization_names_in_the_nominative(written: str, name: str) -> None:
    from kg.mappers.kk.words import _org_name

    assert _org_name(written.split()) == name


def test_short_names_refer_to_the_organization_named_before() -> None:
    ex = MAPPER.extract(
        _article(
            "Академия мен агенттік келісті",
            "Мемлекеттік басқару академиясы Моңғолияның Мемлекеттік қызмет жөніндегі "
            "агенттігімен келісімге қол қойды. Құжатқа академия ректоры Самат Ержанов пен "
            "агенттіктің жаңадан тағайындалған директоры Батбаяр Ганбат қол қойды.",
        )
    )
    orgs = [e for e in ex.entities.values() if e.type.value == "organization"]
    assert not [e.name for e in orgs if e.name in ("Академия", "Агенттік")]
    agency = next(e for e in orgs if e.name == "Мемлекеттік қызмет жөніндегі агенттік")
    assert agency.parent == "gaz:mn"
    erzhanov, ganbat = _person(ex, "Самат Ержанов"), _person(ex, "Батбаяр Ганбат")
    academy = next(ms.organization for ms in ex.memberships if ms.member == erzhanov)
    assert "академия" in ex.entities[academy].name.lower()
    assert _has_membership(ex, erzhanov, academy, "rector") == PostStatus.CURRENT
    assert _has_membership(ex, ganbat, agency.key, "director") == PostStatus.NEWLY_APPOINTED
    (signing,) = _events(ex, EventType.SIGNING)
    assert {erzhanov, ganbat, agency.key} <= set(signing.participants)
    _check_evidence(ex)


def test_a_body_named_after_another_countrys_genitive_is_that_countrys() -> None:
    ex = MAPPER.extract(
        _article(
            "Келісім",
            "Тәжікстан Республикасының Мемлекеттік қызмет істері жөніндегі агенттігі "
            "хабпен меморандумға қол қойды.",
        )
    )
    assert "gaz:kz-civil-service-agency" not in ex.entities
    agency = next(e for e in ex.entities.values() if e.name.endswith("жөніндегі агенттік"))
    assert agency.parent == "gaz:tj"


def test_arrival_reception_and_a_continued_series_of_meetings() -> None:
    ex = MAPPER.extract(
        _article(
            "Сапар",
            "Моңғолияның білім министрі Батбаяр Ганзориг 2024 жылғы 3 наурызда Астанаға "
            "келді. Сапар барысында Ерлан Қарин Батбаяр Ганзоригті қабылдады. Ганзориг "
            "Айгүл Сейітпен де кездесті.",
        )
    )
    ganzorig, karin = _person(ex, "Батбаяр Ганзориг"), _person(ex, "Ерлан Қарин")
    (visit,) = _events(ex, EventType.VISIT)
    assert visit.name == "Сапар" and visit.place == "gaz:astana"
    assert visit.date == dt.date(2024, 3, 3) and visit.participants == (ganzorig,)
    meetings = {frozenset(e.participants): e for e in _events(ex, EventType.MEETING)}
    reception = meetings[frozenset({karin, ganzorig})]
    assert reception.parent == visit.key and reception.date == dt.date(2024, 3, 3)
    later = meetings[frozenset({ganzorig, _person(ex, "Айгүл Сейіт")})]
    assert later.parent == visit.key and later.place == "gaz:astana"


def test_received_is_a_meeting_only_when_a_person_is_received() -> None:
    ex = MAPPER.extract(_article("Заң", "Ерлан Қарин мен Айгүл Сейіт жаңа заң жобасын қабылдады."))
    assert not _events(ex, EventType.MEETING)


def test_a_place_qualifier_inside_a_post_chain() -> None:
    ex = MAPPER.extract(
        _article(
            "Семинар",
            "Семинарды Дүниежүзілік банктің Оңтүстік Кавказдағы өңірлік директорының "
            "міндетін атқарушы Анна Смит ашты.",
        )
    )
    status = _has_membership(ex, _person(ex, "Анна Смит"), "gaz:worldbank", "director")
    assert status == PostStatus.ACTING


def test_the_owner_of_an_event_organizes_it_and_is_represented_by_its_people() -> None:
    ex = MAPPER.extract(
        _article(
            "Хаб EROPA Бас Ассамблеясына қатысты",
            "2024 жылғы 5 қарашада Манилада EROPA Бас Ассамблеясы өтті. Ассамблеяға "
            "хабтың басқару комитетінің төрағасы Алихан Байменов қатысты. Ассамблея "
            "барысында Байменов Хосе Сантоспен кездесті. Байменов Сантоспен бірге "
            "Токиода да кездесті.",
        )
    )
    assert not any(e.name == "Бас Ассамблея" for e in ex.entities.values())
    (assembly,) = _events(ex, EventType.CONFERENCE)
    assert assembly.name == "EROPA Бас ассамблеясы"
    assert assembly.organizers == ("gaz:eropa",)
    assert assembly.participants == (_person(ex, "Алихан Байменов"),)  # not the Hub


def test_a_parent_event_takes_the_place_its_parts_agree_on() -> None:
    ex = MAPPER.extract(
        _article(
            "Форум",
            "Бішкектегі жастар форумы ЕҚЫҰ конференциясы аясында өтті. Конференция "
            "ауқымында Алихан Байменов Эдвин Лаумен кездесті.",
        )
    )
    conferences = _events(ex, EventType.CONFERENCE)
    forum = next(e for e in conferences if "форум" in e.name.lower())
    parent = next(e for e in conferences if e.key == forum.parent)
    assert parent.place == forum.place == "gaz:bishkek"
    (meeting,) = _events(ex, EventType.MEETING)
    assert meeting.place == "gaz:bishkek"


def test_talk_about_an_event_is_no_attendance() -> None:
    ex = MAPPER.extract(
        _article(
            "Саммит",
            "2024 жылғы 3 шілдеде Астанада ШЫҰ саммиті өтті. Саммитке Олжас Бектенов "
            "қатысты. Сарапшы Ерлан Қарин саммиттің қорытындысы бойынша мәлімдеме жасады. "
            "Айгүл Сейіт ынтымақтастық жалғасатынын айтты.",
        )
    )
    (summit,) = _events(ex, EventType.CONFERENCE)
    assert summit.participants == (_person(ex, "Олжас Бектенов"),)


def test_ner_events_and_phrases_are_no_organizations() -> None:
    ex = MAPPER.extract(
        _article(
            "Форум",
            "Сеулдегі Көшбасшылар форумында Тұрақты даму мақсаттарымен үйлестіру талқыланды.",
        )
    )
    names = {e.name for e in ex.entities.values() if e.type.value == "organization"}
    assert not {n for n in names if "форум" in n.lower() or "даму" in n.lower()}


def test_a_subject_before_an_event_noun_names_the_event_not_an_organization() -> None:
    ex = MAPPER.extract(
        _article(
            "Семинар",
            "Ақтауда Өңірлік хаб ұйымдастырған Азиялық мемлекеттік қызмет семинары өтті.",
        )
    )
    (seminar,) = _events(ex, EventType.CONFERENCE)
    assert seminar.name == "Азиялық мемлекеттік қызмет семинары"
    assert seminar.organizers == ("gaz:acsh",)
    names = {e.name for e in ex.entities.values() if e.type.value == "organization"}
    assert "Азиялық мемлекеттік қызмет" not in names


def test_a_name_before_the_particle_da_keeps_its_ending_like_tail() -> None:
    ex = MAPPER.extract(
        _article("Кездесу", "Кездесуге Тәжікстанның еңбек министрі Гулнора Ҳасанзода да қатысты.")
    )
    _person(ex, "Гулнора Ҳасанзода")
