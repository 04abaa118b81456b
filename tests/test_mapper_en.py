"""English mapper: the constructions it must read, and the shipped English examples.

All test texts are written for these tests."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from kg.mappers.base import Mapper
from kg.mappers.en import EnglishMapper
from kg.model import Article, EntityType, EventType, Extraction, OrgKind, PostStatus
from kg.readers import read_inputs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DATE = dt.date(2017, 9, 22)


@pytest.fixture(scope="module")
def mapper() -> EnglishMapper:
    return EnglishMapper()


def run(mapper: EnglishMapper, body: str, title: str = "") -> Extraction:
    article = Article(id="t", source="test", title=title, body=body, language="en", published=DATE)
    return mapper.extract(article)


def person(ex: Extraction, name: str) -> str:
    keys = [k for k, e in ex.entities.items() if e.type is EntityType.PERSON and e.name == name]
    assert keys, f"no person {name!r} in {[e.name for e in ex.entities.values()]}"
    return keys[0]


def memberships(ex: Extraction, member: str) -> dict[str, tuple[str | None, PostStatus]]:
    return {m.organization: (m.role.key, m.status) for m in ex.memberships if m.member == member}


def test_protocol(mapper: EnglishMapper) -> None:
    assert isinstance(mapper, Mapper)
    assert mapper.languages == ("en",)


def test_title_before_name_with_unit_of_gazetteer_org(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Chairman of the Steering Committee of the Astana Civil Service Hub "
        "Alikhan Baimenov opened the meeting.",
    )
    baimenov = person(ex, "Alikhan Baimenov")
    unit = ex.entities[next(iter(memberships(ex, baimenov)))]
    assert (unit.name, unit.kind, unit.parent) == ("Steering Committee", OrgKind.UNIT, "gaz:acsh")
    assert memberships(ex, baimenov)[unit.key] == ("chair", PostStatus.CURRENT)
    assert ex.memberships[0].role.label == "chairman"


def test_apposition_former_minister_of_country(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Pan Suk Kim, former Minister of Personnel Management of the Republic of Korea, "
        "spoke about merit-based recruitment.",
    )
    kim = person(ex, "Pan Suk Kim")
    assert memberships(ex, kim) == {"gaz:kr-mpm": ("minister", PostStatus.FORMER)}


def test_unknown_ministry_is_government_body_of_country(mapper: EnglishMapper) -> None:
    ex = run(
        mapper, "Aibek Toktogulov, acting Minister of Digital Development of Kyrgyzstan, said."
    )
    toktogulov = person(ex, "Aibek Toktogulov")
    ((org_key, (role, status)),) = memberships(ex, toktogulov).items()
    ministry = ex.entities[org_key]
    assert ministry.name == "Ministry of Digital Development of Kyrgyzstan"
    assert (ministry.kind, ministry.parent) == (OrgKind.GOVERNMENT_BODY, "gaz:kg")
    assert (role, status) == ("minister", PostStatus.ACTING)


def test_honorifics_capitals_and_stacked_posts(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "H.E. Mr. Larbi DJACTA, Under-Secretary-General of the United Nations and Chairman "
        "of the International Civil Service Commission, welcomed the guests.",
    )
    djacta = person(ex, "Larbi Djacta")
    assert memberships(ex, djacta) == {
        "gaz:un": ("deputy-secretary-general", PostStatus.CURRENT),
        "gaz:icsc": ("chair", PostStatus.CURRENT),
    }


def test_possessive_unit_and_newly_appointed(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "The newly appointed Deputy Chairperson of the Hub's Steering Committee "
        "Dana Serikova met the press.",
    )
    serikova = person(ex, "Dana Serikova")
    ((org_key, (role, status)),) = memberships(ex, serikova).items()
    assert ex.entities[org_key].parent == "gaz:acsh"
    assert (role, status) == ("deputy-chair", PostStatus.NEWLY_APPOINTED)


def test_acronym_short_reference_and_surname(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Ms. Jane Whitfield, Executive Director of the Global Governance Institute (GGI), "
        "arrived in Astana. The GGI will open an office. Mr. Baimenov thanked "
        "Whitfield. Alikhan Baimenov heads the Hub. The Organisation was praised.",
    )
    whitfield = person(ex, "Jane Whitfield")
    institute = "organization:global governance institute"
    assert "GGI" in ex.entities[institute].aliases
    assert sum(m.entity == institute for m in ex.mentions) == 3
    assert sum(m.entity == whitfield for m in ex.mentions) == 2
    assert memberships(ex, whitfield) == {institute: ("executive-director", PostStatus.CURRENT)}


def test_surname_mentions_resolve_to_full_name(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Alikhan Baimenov, Chairman of the Steering Committee of the Hub, said the forum "
        "was a success. Mr. Baimenov added that Baimenov's team would return.",
    )
    key = person(ex, "Alikhan Baimenov")
    assert [e.name for e in ex.entities.values() if e.type is EntityType.PERSON] == [
        "Alikhan Baimenov"
    ]
    assert sum(m.entity == key for m in ex.mentions) == 3
    assert "Baimenov" in ex.entities[key].aliases


def test_meeting_with_place_date_and_parent_event(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "The Leaders' Forum was held within the framework of the EROPA General Assembly. "
        "On the sidelines of the Forum, Mr. Larbi Djacta met Alikhan Baimenov in Seoul "
        "on 21 September 2017.",
    )
    forum = next(e for e in ex.events if e.name == "Leaders' Forum")
    assembly = next(e for e in ex.events if e.name == "EROPA General Assembly")
    assert forum.parent == assembly.key
    assert (forum.type, assembly.type) == (EventType.CONFERENCE, EventType.CONFERENCE)
    assert "gaz:eropa" in assembly.organizers
    meeting = next(e for e in ex.events if e.type is EventType.MEETING)
    assert meeting.participants == (person(ex, "Larbi Djacta"), person(ex, "Alikhan Baimenov"))
    assert (meeting.date, meeting.date_from_article) == (dt.date(2017, 9, 21), False)
    assert (meeting.place, meeting.parent) == ("gaz:seoul", forum.key)


def test_signing_title_and_body_are_one_event(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "The Hub and the OECD signed a memorandum of understanding in Astana. The document "
        "was signed by Alikhan Baimenov and Maria Lopez.",
        title="Hub and OECD sign memorandum",
    )
    (signing,) = [e for e in ex.events if e.type is EventType.SIGNING]
    assert signing.name == "Signing of the memorandum of understanding"
    assert {"gaz:acsh", "gaz:oecd", person(ex, "Alikhan Baimenov")} <= set(signing.participants)
    assert (signing.place, signing.date, signing.date_from_article) == ("gaz:astana", DATE, True)


def test_visit_and_organizer(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Kazakh Foreign Minister Daniyar Saparov paid an official visit to Tokyo. "
        "The Astana International Forum, organized by the Hub, opened in Astana.",
    )
    saparov = person(ex, "Daniyar Saparov")
    assert memberships(ex, saparov) == {
        "gaz:kz-mfa": ("minister-foreign-affairs", PostStatus.CURRENT)
    }
    visit = next(e for e in ex.events if e.type is EventType.VISIT)
    assert (visit.place, visit.participants) == ("gaz:tokyo", (saparov,))
    forum = next(e for e in ex.events if e.name == "Astana International Forum")
    assert (forum.organizers, forum.place) == (("gaz:acsh",), "gaz:astana")


def test_bare_mentions_make_no_events_or_people(mapper: EnglishMapper) -> None:
    ex = run(mapper, "The Annual Report says that Civil Service Reform matters for the region.")
    assert not ex.events
    assert not [e for e in ex.entities.values() if e.type is EntityType.PERSON]


def test_every_entity_has_a_mention(mapper: EnglishMapper) -> None:
    for article in _examples():
        ex = mapper.extract(article)
        mentioned = {m.entity for m in ex.mentions}
        assert set(ex.entities) <= mentioned, set(ex.entities) - mentioned
        for mention in ex.mentions:
            span = mention.evidence.mention
            assert span is not None and article.text[span.start : span.end] == mention.surface


def test_appositions_in_a_list_belong_to_the_name_before_them(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Darkhan Omarov, Chairman of the Agency for Civil Service Affairs of Kazakhstan, "
        "Almaz Bekov, Director of the State Personnel Service of the Kyrgyz Republic, and "
        "Sherzod Karimov met in Tashkent.",
    )
    omarov, bekov = person(ex, "Darkhan Omarov"), person(ex, "Almaz Bekov")
    assert memberships(ex, omarov) == {"gaz:kz-civil-service-agency": ("chair", PostStatus.CURRENT)}
    ((org, (role, _)),) = memberships(ex, bekov).items()
    assert ex.entities[org].name.startswith("State Personnel Service") and role == "director"


def test_posts_without_an_organization_nearby_and_appointments(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Darkhan Omarov was appointed Chairman of the Agency for Civil Service Affairs. "
        "The outgoing Chairman, Askar Nurov, will head a new department. "
        "Acting Deputy Chairman Marat Sadykov will oversee recruitment.",
    )
    agency = "gaz:kz-civil-service-agency"  # "of Kazakhstan" left out: the gazetteer's
    assert memberships(ex, person(ex, "Darkhan Omarov")) == {
        agency: ("chair", PostStatus.NEWLY_APPOINTED)
    }
    assert memberships(ex, person(ex, "Askar Nurov")) == {agency: ("chair", PostStatus.FORMER)}
    assert memberships(ex, person(ex, "Marat Sadykov")) == {
        agency: ("deputy-chair", PostStatus.ACTING)
    }


def test_a_name_after_an_organization_is_not_part_of_it(mapper: EnglishMapper) -> None:
    ex = run(mapper, "The guests met Rector of the Academy Aigerim Sultanova presented the plans.")
    assert person(ex, "Aigerim Sultanova")
    assert not [
        e for e in ex.entities.values() if "Sultanova" in e.name and e.type is not EntityType.PERSON
    ]


def test_undated_events_take_their_parents_date_and_announced_ones_are_no_events(
    mapper: EnglishMapper,
) -> None:
    ex = run(
        mapper,
        "The Regional Forum on Civil Service opened in Almaty on 30 April 2024. "
        "On the sidelines of the Forum, Ms. Claire Dupont met Erlan Seitov. "
        "The next Regional Forum will be held in Baku.",
    )
    meeting = next(e for e in ex.events if e.type is EventType.MEETING)
    forum = next(e for e in ex.events if e.key == meeting.parent)
    assert meeting.date == forum.date == dt.date(2024, 4, 30)
    assert not meeting.date_from_article and meeting.place == forum.place
    assert len(ex.events) == 2


def _examples() -> list[Article]:
    found = [a for a in read_inputs([str(p) for p in sorted(EXAMPLES.glob("en_*"))])]
    articles = [a for a in found if isinstance(a, Article)]
    assert len(articles) == 3, found
    return articles


def _example(stem: str) -> Extraction:
    (article,) = [a for a in _examples() if Path(a.source).stem == stem]
    return EnglishMapper().extract(article)


def test_example_memorandum() -> None:
    ex = _example("en_hub_korea_memorandum")
    assert memberships(ex, person(ex, "Alikhan Baimenov")) == {
        "gaz:acsh/organization:steering committee": ("chair", PostStatus.CURRENT)
    }
    assert memberships(ex, person(ex, "Min-jun Park")) == {
        "gaz:kr-mpm": ("deputy-minister", PostStatus.CURRENT)
    }
    assert memberships(ex, person(ex, "Dana Serikova")) == {
        "gaz:kz-civil-service-agency": ("deputy-chair", PostStatus.NEWLY_APPOINTED)
    }
    (signing,) = [e for e in ex.events if e.type is EventType.SIGNING]
    assert signing.date == dt.date(2024, 3, 12) and signing.place == "gaz:astana"
    assert {"gaz:acsh", "gaz:kr-mpm", person(ex, "Min-jun Park")} <= set(signing.participants)
    (meeting,) = [e for e in ex.events if e.type is EventType.MEETING]
    assert set(meeting.participants) == {person(ex, "Min-jun Park"), person(ex, "Dana Serikova")}
    (visit,) = [e for e in ex.events if e.type is EventType.VISIT]
    assert "gaz:kz-apa" in visit.participants


def test_example_forum_html() -> None:
    ex = _example("en_oecd_forum_almaty")
    forum = next(e for e in ex.events if e.name == "Regional Forum on Public Sector Innovation")
    assert (forum.date, forum.place) == (dt.date(2024, 4, 30), "gaz:almaty")
    assert set(forum.organizers) == {"gaz:acsh", "gaz:oecd"}
    fontaine = person(ex, "Claire Fontaine")
    assert fontaine in forum.participants
    assert memberships(ex, fontaine) == {
        "gaz:oecd/organization:public sector reform division": ("head", PostStatus.CURRENT)
    }
    assert memberships(ex, person(ex, "Tomasz Wierzbicki")) == {
        "gaz:pl": ("ambassador", PostStatus.CURRENT)
    }
    assert memberships(ex, person(ex, "Gulnara Abenova")) == {
        "gaz:kz-civil-service-agency": ("chair", PostStatus.ACTING)
    }
    dzhaksybekov = person(ex, "Erlan Dzhaksybekov")
    assert memberships(ex, dzhaksybekov) == {
        "organization:central asian institute of governance": (
            "executive-director",
            PostStatus.CURRENT,
        )
    }
    meeting = next(e for e in ex.events if e.type is EventType.MEETING)
    assert (meeting.participants, meeting.parent) == ((fontaine, dzhaksybekov), forum.key)
    signing = next(e for e in ex.events if e.type is EventType.SIGNING)
    assert set(signing.participants) == {"gaz:acsh", "gaz:undp"} and signing.parent == forum.key


def test_example_assembly_json() -> None:
    ex = _example("en_eropa_assembly")
    assembly = next(e for e in ex.events if e.name == "EROPA General Assembly")
    assert (assembly.date, assembly.place, assembly.organizers) == (
        dt.date(2023, 10, 16),
        "gaz:tokyo",
        ("gaz:eropa",),
    )
    forum = next(e for e in ex.events if e.name.startswith("Leaders' Forum"))
    assert (forum.date, forum.parent) == (dt.date(2023, 10, 17), assembly.key)
    baimenov, santos = person(ex, "Alikhan Baimenov"), person(ex, "Ricardo Santos")
    assert {person(ex, "Hiroshi Tanaka"), baimenov} <= set(forum.participants)
    assert memberships(ex, santos) == {"gaz:eropa": ("secretary-general", PostStatus.CURRENT)}
    ((ministry, (role, status)),) = memberships(ex, person(ex, "Hiroshi Tanaka")).items()
    assert ex.entities[ministry].parent == "gaz:jp"
    assert (role, status) == ("deputy-minister", PostStatus.FORMER)
    meeting = next(e for e in ex.events if e.type is EventType.MEETING)
    assert (set(meeting.participants), meeting.parent) == ({baimenov, santos}, assembly.key)


def test_speed(mapper: EnglishMapper) -> None:
    articles = _examples()
    mapper.extract(articles[0])
    start = time.perf_counter()
    for _ in range(20):
        for article in articles:
            mapper.extract(article)
    per_article = (time.perf_counter() - start) / (20 * len(articles))
    assert per_article < 0.01, per_article


def test_uncapitalised_gathering_with_coordinated_hosts(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "The OECD and the Astana Civil Service Hub held a regional seminar on ethics in Almaty "
        "on 5 May 2024. The seminar was opened by Aliya Karimova.",
    )
    (seminar,) = ex.events
    assert (seminar.type, seminar.name) == (EventType.CONFERENCE, "regional seminar")
    assert (seminar.date, seminar.place) == (dt.date(2024, 5, 5), "gaz:almaty")
    assert set(seminar.organizers) == {"gaz:oecd", "gaz:acsh"}
    assert seminar.participants == (person(ex, "Aliya Karimova"),)


def test_uncapitalised_gathering_takes_its_owner_not_its_place(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "Ruslan Abdrakhmanov addressed the annual conference of the OECD in Astana on 2 June 2024.",
    )
    (conference,) = ex.events
    assert conference.name == "annual conference of the OECD"
    assert (conference.place, conference.organizers) == ("gaz:astana", ("gaz:oecd",))
    assert conference.participants == (person(ex, "Ruslan Abdrakhmanov"),)


def test_mere_mention_of_uncapitalised_gathering_is_no_event(mapper: EnglishMapper) -> None:
    ex = run(mapper, "Experts discussed the role of a national conference in reforms.")
    assert not ex.events


def test_post_with_duty_station_before_name(mapper: EnglishMapper) -> None:
    ex = run(mapper, "UNDP Resident Representative in Uzbekistan Maria Lopez spoke.")
    lopez = person(ex, "Maria Lopez")
    assert memberships(ex, lopez) == {"gaz:undp": ("representative", PostStatus.CURRENT)}


def test_deputy_prime_minister_belongs_to_the_named_government(mapper: EnglishMapper) -> None:
    ex = run(
        mapper,
        "The Government of Kazakhstan approved the plan. "
        "Deputy Prime Minister Yerlan Sadykov presented it.",
    )
    sadykov = person(ex, "Yerlan Sadykov")
    assert memberships(ex, sadykov) == {
        "gaz:kz-government": ("deputy-prime-minister", PostStatus.CURRENT)
    }


def test_demonym_delegation_is_not_the_visitor(mapper: EnglishMapper) -> None:
    article = Article(
        id="t", source="test", title="Japanese delegation visits the Academy",
        body="The Japanese delegation led by Hiroshi Tanaka visited the Academy of Public "
        "Administration on 3 May 2024.",
        language="en", published=DATE,
    )  # fmt: skip
    ex = mapper.extract(article)
    (visit,) = ex.events
    assert visit.participants == (person(ex, "Hiroshi Tanaka"), "gaz:kz-apa")
    assert visit.date == dt.date(2024, 5, 3)
