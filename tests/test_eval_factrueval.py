"""factRuEval reader and scorer on a hand-written mini collection, and ``kg eval
factrueval`` on the shared devset when it is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.eval.factrueval import (
    Fact,
    FormatError,
    PersonName,
    Value,
    as_article,
    evaluate,
    fact_matches,
    normalise,
    predicted_facts,
    read_collection,
    read_document,
)
from kg.mappers.base import ExtractionBuilder
from kg.model import (
    Article,
    EntityType,
    EventType,
    Extraction,
    OrgKind,
    PostStatus,
    Role,
    Span,
)
from kg.text import Token, tokenize

MINI = Path(__file__).resolve().parent / "data" / "factrueval_mini"
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "data" / "factrueval" / "devset"


def test_reader_gives_mentions_and_facts_of_the_scored_types() -> None:
    doc = read_document(MINI / "book_1.txt")
    assert sorted(m.type for m in doc.mentions) == ["loc", "loc", "per", "per"]
    person = next(m for m in doc.mentions if m.type == "per")
    assert doc.text[person.start : person.end] == "Ерлан Сапаров"
    assert [doc.text[a:b] for a, b in person.core] == ["Сапаров"]
    assert [f.type for f in doc.facts] == ["Occupation", "Occupation", "Meeting"]  # no Deal
    where = doc.facts[1].slots["Where"][0]
    assert where.names == {"франция", "французский республика"}
    assert doc.facts[0].slots["Who"][0].person == PersonName(frozenset({("сапаров", "ерлан")}))


def test_reader_names_the_file_and_line_of_a_problem(tmp_path: Path) -> None:
    for path in MINI.iterdir():
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "book_1.spans").write_text("1 job zero 16\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"book_1\.spans:1: expected"):
        read_collection(tmp_path)
    with pytest.raises(FormatError, match=r"no book_N\.txt"):
        read_collection(tmp_path / "..")


def _person(name: str) -> Value:
    surname, first = name.lower().split()
    return Value(frozenset({name.lower()}), PersonName(frozenset({(surname, first)})))


def test_slot_rules() -> None:
    gold = Fact("Occupation", {"Who": (_person("сапаров ерлан"),)})
    gold.slots["Position"] = (Value(frozenset({normalise("министра финансов")})),)
    gold.slots["Where"] = (Value(frozenset({normalise("Министерства финансов Казахстана")})),)
    who = (Value(frozenset(), PersonName(frozenset({("сапаров", "е")}))),)
    post = (Value(frozenset({normalise("министр финансов")})),)
    country = (Value(frozenset({"казахстан"}), countries=frozenset({"казахстан"})),)
    assert fact_matches(Fact("Occupation", {"Who": who, "Position": post, "Where": country}), gold)
    deputy = (Value(frozenset({normalise("заместитель министра финансов")})),)
    assert not fact_matches(
        Fact("Occupation", {"Who": who, "Position": deputy, "Where": country}), gold
    )
    other = (Value(frozenset(), PersonName(frozenset({("сапаров", "нурлан")}))),)
    assert not fact_matches(
        Fact("Occupation", {"Who": other, "Position": post, "Where": country}), gold
    )


def _extraction(article: Article, *, two_meetings: bool) -> Extraction:
    """What a perfect mapper would say about the mini document, plus one wrong post and,
    optionally, a duplicate meeting (one-to-one matching must not count it twice)."""
    b = ExtractionBuilder(article, "test", "0")
    text = article.text
    sentence = Span(0, len(text))
    kz = b.entity(EntityType.ORGANIZATION, "Казахстан", kind=OrgKind.STATE)
    fr = b.entity(EntityType.ORGANIZATION, "Франция", kind=OrgKind.STATE)
    saparov = b.entity(EntityType.PERSON, "Ерлан Сапаров")
    duran = b.entity(EntityType.PERSON, "Пьер Дюран")
    for key, surface in ((saparov, "Ерлан Сапаров"), (kz, "Казахстана"), (duran, "Дюраном")):
        b.mention(key, _tokens(text, surface), sentence)
    b.membership(saparov, kz, Role("министр финансов", "ru"), sentence)
    b.membership(duran, fr, Role("посол", "ru"), sentence)
    b.membership(duran, kz, Role("советник", "ru"), sentence)
    for _ in range(2 if two_meetings else 1):
        b.event(EventType.MEETING, "Встреча", sentence, participants=(saparov, duran))
    return b.build()


def _tokens(text: str, surface: str) -> list[Token]:
    start = text.index(surface)
    return [t for t in tokenize(text) if start <= t.start < start + len(surface)]


@pytest.mark.parametrize("two_meetings", [False, True])
def test_scores_count_one_to_one(two_meetings: bool) -> None:
    docs = read_collection(MINI)
    scores = evaluate(docs, lambda a: _extraction(a, two_meetings=two_meetings))
    occupation, meeting = scores.facts["Occupation"], scores.facts["Meeting"]
    assert (occupation.matched, occupation.predicted, occupation.gold) == (2, 3, 2)
    assert occupation.precision == pytest.approx(2 / 3) and occupation.recall == 1.0
    assert (meeting.matched, meeting.gold) == (1, 1)
    assert meeting.predicted == (2 if two_meetings else 1)
    per, loc = scores.ner["per"], scores.ner["loc"]
    assert (per.matched, per.predicted, per.gold) == (2, 2, 2)
    assert (loc.matched, loc.predicted, loc.gold) == (1, 1, 2)
    assert as_article(docs[0]).text == docs[0].text


def test_cli_on_the_mini_collection(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "factrueval", str(MINI), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 1
    assert set(result["scores"]) == {"Occupation", "Meeting", "NER per", "NER org", "NER loc"}
    assert result["scores"]["NER per"]["gold"] == 2


def test_cli_reports_an_unusable_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "factrueval", str(tmp_path / "missing")]) == 2
    assert "missing: not a directory" in capsys.readouterr().err


@pytest.mark.skipif(not DEVSET.is_dir(), reason=f"factRuEval devset not found at {DEVSET}")
def test_cli_on_the_shared_devset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "factrueval", str(DEVSET)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("factRuEval: 122 documents")
    assert len(lines) == 7
    rows = {line[:12].strip(): line[12:].split() for line in lines[2:]}
    assert set(rows) == {"Occupation", "Meeting", "NER per", "NER org", "NER loc"}
    for row in rows.values():
        precision, recall, f1 = map(float, row[:3])
        matched, predicted, gold = map(int, row[3:])
        assert 0 <= matched <= min(predicted, gold) and 0 <= f1 <= 1
        assert precision == pytest.approx(matched / predicted if predicted else 0, abs=1e-3)
        assert recall == pytest.approx(matched / gold, abs=1e-3)
    assert rows["Occupation"][-1] == "211" and rows["Meeting"][-1] == "5"
    assert float(rows["NER per"][2]) >= 0.9
    assert float(rows["NER loc"][2]) >= 0.85
    # the target is 0.75 (measured 0.753); a little below it leaves room for
    # parallel work on the other Russian extractors
    assert float(rows["Occupation"][2]) >= 0.74


def test_build_plain_russian_text_without_title_or_date(tmp_path: Path) -> None:
    """A factRuEval-like document (no title or date line) yields its membership and
    meeting in the RDF, with the W3C ORG and schema.org terms."""
    import pyoxigraph as ox

    source = tmp_path / "book_7.txt"
    source.write_text((MINI / "book_1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.nq"
    assert main(["build", str(source), "-o", str(out), "--lang", "ru"]) == 0
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    query = """
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name ?orgname WHERE {
          ?m a org:Membership ; org:member ?p ; org:organization ?o .
          ?p skos:prefLabel ?name . ?o skos:prefLabel ?orgname .
        }"""
    found = {
        (r["name"].value, r["orgname"].value)
        for r in store.query(query, use_default_graph_as_union=True)
    }
    assert ("Ерлан Сапаров", "Министерство финансов Казахстана") in found
    assert ("Пьер Дюран", "Франция") in found
    meeting = """
        PREFIX schema: <https://schema.org/>
        PREFIX kgo: <https://w3id.org/intergov-kg/ontology#>
        SELECT (COUNT(?a) AS ?n) WHERE { ?e a kgo:Meeting ; schema:attendee ?a . }"""
    assert int(next(iter(store.query(meeting, use_default_graph_as_union=True)))["n"].value) == 2


def test_errors_list_missed_and_spurious_items_per_document() -> None:
    docs = read_collection(MINI)
    scores = evaluate(docs, lambda a: _extraction(a, two_meetings=True))
    lines = scores.error_lines(["Occupation", "Meeting"])
    assert lines == [
        "book_1\tOccupation\t+ Who=пьер дюрана; Position=советник; Where=казахстан",
        "book_1\tMeeting\t+ Participant=ерлан сапар / пьер дюрана",  # normalised as compared
    ]
    missed_loc = scores.error_lines(["NER loc"])
    assert len(missed_loc) == 1 and missed_loc[0].startswith("book_1\tNER loc\t- ")


def test_cli_show_errors_names_unknown_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "factrueval", str(MINI), "--show-errors", "Occupation,Deal"]) == 2
    assert "'Occupation,Deal'" in capsys.readouterr().err
    assert main(["eval", "factrueval", str(MINI), "--show-errors", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert all(line.startswith("book_1\t") for line in result["errors"])


def _gold(who: tuple[str, str], position: str, where: str) -> Fact:
    surname, first = who
    person = Value(frozenset(), PersonName(frozenset({(surname, first)})))
    return Fact(
        "Occupation",
        {
            "Who": (person,),
            "Position": (Value(frozenset({normalise(position)})),),
            "Where": (Value(frozenset({normalise(where)})),),
        },
    )


def _predicted(person: str, role: str, org: str, status: PostStatus = PostStatus.CURRENT) -> Fact:
    """The Occupation fact of one membership, as the scorer reads it."""
    article = Article(id="t", source="t", title="", body=".", language="ru")
    b = ExtractionBuilder(article, "test", "0")
    member = b.entity(EntityType.PERSON, person)
    organization = b.entity(EntityType.ORGANIZATION, org)
    b.membership(member, organization, Role(role, "ru"), Span(0, 1), status=status)
    (fact,) = predicted_facts(b.build())
    return fact


def test_a_unit_named_in_the_post_is_read_both_ways() -> None:
    fact = _predicted("Владимир Беспалов", "лидер фракции", "КПРФ")
    assert fact_matches(fact, _gold(("беспалов", "владимир"), "лидер", "фракции КПРФ"))
    assert fact_matches(fact, _gold(("беспалов", "владимир"), "лидер фракции", "КПРФ"))
    assert not fact_matches(fact, _gold(("беспалов", "владимир"), "лидер", "ЛДПР"))
    # an adjective goes with its unit, a hyphenated unit noun counts by its last part
    member = _predicted("Иван Орлов", "член бюджетного комитета", "Сенат")
    assert fact_matches(member, _gold(("орлов", "иван"), "член", "бюджетного комитета Сената"))
    press = _predicted("Анна Белова", "заместитель начальника пресс-службы", "МЧС")
    assert fact_matches(
        press, _gold(("белова", "анна"), "заместитель начальника", "пресс-службы МЧС")
    )
    # a unit with words of its own is an organisation by itself
    chair = _predicted("Джон Керри", "председатель комитета по иностранным делам", "Сенат")
    assert fact_matches(
        chair, _gold(("керри", "джон"), "председатель", "Комитет по иностранным делам")
    )
    # no unit noun, no second reading
    assert not _predicted("Иван Орлов", "посол", "Франция").readings


def test_an_acting_post_is_also_written_with_its_words() -> None:
    fact = _predicted(
        "Марк Тернер", "официальный представитель", "Госдепартамент", PostStatus.ACTING
    )
    gold = _gold(
        ("тернер", "марк"), "исполняющий обязанности официального представителя", "Госдепартамент"
    )
    assert fact_matches(fact, gold)
    current = _predicted("Марк Тернер", "официальный представитель", "Госдепартамент")
    assert not fact_matches(current, gold)


@pytest.mark.parametrize(
    ("ours", "gold_surname", "gold_first"),
    [
        ("Мэтью Брайза", "брайз", "мэтью"),  # the gold's surname in another case
        ("Хван Чжан Еп", "хван", "чжан"),  # a Korean name: surname first
        ("Марин Ле Пен", "ле пен", "марин"),  # a surname of two words
    ],
)
def test_person_readings(ours: str, gold_surname: str, gold_first: str) -> None:
    fact = _predicted(ours, "посол", "Франция")
    assert fact_matches(fact, _gold((gold_surname, gold_first), "посол", "Франция"))


def test_a_patronymic_is_no_first_name() -> None:
    fact = _predicted("Борис Николаевич Ельцин", "президент", "Россия")
    assert fact_matches(fact, _gold(("ельцин", "борис"), "президент", "Россия"))
    assert not fact_matches(fact, _gold(("борис", "николаевич"), "президент", "Россия"))
