"""The network of organizations on hand-built datasets whose answers are known: facts
and their kinds, filters, roll-up, metrics, layout, and the files written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.network.assets import asset, network_query
from kg.network.export import write_gexf, write_graphml
from kg.network.graph import NetworkError, NetworkOptions, build_network, roots
from kg.network.layout import force_layout
from kg.network.metrics import compute_metrics, stats_json, stats_table
from kg.network.page import render_page
from kg.network.picture import draw_picture
from kg.network.source import NetworkSource, read_source
from kg.rdf.dataset import load_store

PREFIXES = """
@prefix id: <https://w3id.org/intergov-kg/id/> .
@prefix kgo: <https://w3id.org/intergov-kg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Two triangles (A, B, C met at one meeting; D, E, F at a conference) bridged by one
# person holding posts in C and D.  Known values: degrees 2,2,3,3,2,2; betweenness of C
# and D = 6 of the 10 pairs of the other nodes = 0.6; communities {A,B,C} and {D,E,F};
# modularity 2 · (3/7 − (7/14)²) = 5/14.
BROKERS = (
    PREFIXES
    + """
id:graph\\/article\\/a1 {
  id:article\\/a1 a schema:NewsArticle ; schema:headline "Meeting"@en ;
      schema:datePublished "2024-01-10"^^xsd:date .
  id:event\\/e1 a schema:Event, kgo:Meeting ; schema:name "Meeting of three"@en ;
      schema:startDate "2024-01-10"^^xsd:date ; prov:wasDerivedFrom id:article\\/a1 ;
      schema:attendee id:org\\/a, id:org\\/b, id:org\\/c .
  id:org\\/a a org:Organization ; rdfs:label "Alpha"@en .
  id:org\\/b a org:Organization ; rdfs:label "Beta"@en .
  id:org\\/c a org:Organization ; rdfs:label "Gamma"@en .
}
id:graph\\/article\\/a2 {
  id:article\\/a2 a schema:NewsArticle ; schema:headline "Conference"@en ;
      schema:datePublished "2024-02-01"^^xsd:date .
  id:event\\/e2 a schema:Event, kgo:Conference ; schema:name "Conference of three"@en ;
      schema:startDate "2024-02-01"^^xsd:date ; prov:wasDerivedFrom id:article\\/a2 ;
      schema:attendee id:org\\/d, id:org\\/e, id:org\\/f .
  id:org\\/d a org:Organization ; rdfs:label "Delta"@en .
  id:org\\/e a org:Organization ; rdfs:label "Epsilon"@en .
  id:org\\/f a org:Organization ; rdfs:label "Zeta"@en .
}
id:graph\\/article\\/a3 {
  id:article\\/a3 a schema:NewsArticle ; schema:headline "Appointment"@en ;
      schema:datePublished "2023-05-05"^^xsd:date .
  id:person\\/p a schema:Person ; rdfs:label "Pat Broker"@en .
  id:membership\\/pc a org:Membership ; org:member id:person\\/p ; org:organization id:org\\/c ;
      kgo:roleLabel "adviser"@en ; prov:wasDerivedFrom id:article\\/a3 .
  id:membership\\/pd a org:Membership ; org:member id:person\\/p ; org:organization id:org\\/d ;
      kgo:roleLabel "director"@en ; kgo:postStatus kgo:FormerPost ;
      prov:wasDerivedFrom id:article\\/a3 .
}
"""
)

# Every kind of tie.  S is a state with ministry M and unit U (M ⊂ S, U ⊂ M); I an IGO
# with an acronym; X a plain organization; person P heads U and formerly worked at X.
# Facts: M–S and U–M sub-organization (a1, 2024-01-10); I–U agreement (P, who heads
# U, signed with I; a1); I–X event (a2, 2024-06-01); S–I membership (a2); U–X person
# (P holds posts in both; dated by the earliest article, a3, 2023-01-01).
KINDS = (
    PREFIXES
    + """
id:graph\\/entities {
  id:country\\/s skos:prefLabel "Testland"@en, "Тестелі"@kk, "Тестландия"@ru .
  id:org\\/i skos:notation "TIO" .
}
id:graph\\/article\\/a1 {
  id:article\\/a1 a schema:NewsArticle ; schema:headline "Signing"@en ;
      schema:datePublished "2024-01-10"^^xsd:date .
  id:country\\/s a org:Organization, kgo:State ; rdfs:label "Testland"@en ;
      prov:wasDerivedFrom id:article\\/a1 .
  id:org\\/m a org:Organization, kgo:GovernmentBody ; rdfs:label "Ministry of Tests"@en ;
      org:subOrganizationOf id:country\\/s ; prov:wasDerivedFrom id:article\\/a1 .
  id:org\\/m\\/u a org:Organization, org:OrganizationalUnit ; rdfs:label "Test Unit"@en ;
      org:subOrganizationOf id:org\\/m ; prov:wasDerivedFrom id:article\\/a1 .
  id:org\\/i a org:Organization, kgo:IntergovernmentalOrganization ;
      rdfs:label "Test International Organization"@en ; prov:wasDerivedFrom id:article\\/a1 .
  id:person\\/p a schema:Person ; rdfs:label "Pat Head"@en .
  id:membership\\/pu a org:Membership ; org:member id:person\\/p ; org:organization id:org\\/m\\/u ;
      kgo:roleLabel "head"@en ; prov:wasDerivedFrom id:article\\/a1 .
  id:event\\/sign a schema:Event, kgo:AgreementSigning ; schema:name "Signing"@en ;
      schema:startDate "2024-01-10"^^xsd:date ; prov:wasDerivedFrom id:article\\/a1 ;
      schema:attendee id:org\\/i, id:person\\/p .
}
id:graph\\/article\\/a2 {
  id:article\\/a2 a schema:NewsArticle ; schema:headline "Session"@en ;
      schema:datePublished "2024-06-01"^^xsd:date ; schema:url <https://example.org/a2> .
  id:org\\/x a org:Organization ; rdfs:label "Example Agency"@en .
  id:org\\/i a org:Organization, kgo:IntergovernmentalOrganization .
  id:event\\/session a schema:Event, kgo:Meeting ; schema:name "Session"@en ;
      schema:startDate "2024-06-01"^^xsd:date ; prov:wasDerivedFrom id:article\\/a2 ;
      schema:attendee id:org\\/i, id:org\\/x .
  id:membership\\/si a org:Membership ; org:member id:country\\/s ; org:organization id:org\\/i ;
      kgo:roleLabel "member state"@en ; prov:wasDerivedFrom id:article\\/a2 .
}
id:graph\\/article\\/a3 {
  id:article\\/a3 a schema:NewsArticle ; schema:headline "Career"@en ;
      schema:datePublished "2023-01-01"^^xsd:date .
  id:membership\\/px a org:Membership ; org:member id:person\\/p ; org:organization id:org\\/x ;
      kgo:roleLabel "analyst"@en ; kgo:postStatus kgo:FormerPost ;
      prov:wasDerivedFrom id:article\\/a3 .
}
"""
)

ID = "https://w3id.org/intergov-kg/id/"


def _source(tmp_path: Path, text: str) -> NetworkSource:
    path = tmp_path / "data.trig"
    path.write_text(text, encoding="utf-8")
    return read_source(load_store(path))


def _edges(graph: nx.Graph) -> dict[frozenset[str], dict[str, int]]:
    short = {n: n.removeprefix(ID) for n in graph}
    return {frozenset((short[a], short[b])): d["kinds"] for a, b, d in graph.edges(data=True)}


@pytest.fixture()
def kinds(tmp_path: Path) -> NetworkSource:
    return _source(tmp_path, KINDS)


@pytest.fixture()
def brokers(tmp_path: Path) -> NetworkSource:
    return _source(tmp_path, BROKERS)


def test_every_kind_of_tie_becomes_an_edge_with_its_articles(kinds: NetworkSource) -> None:
    graph = build_network(kinds, NetworkOptions())
    assert _edges(graph) == {
        frozenset({"org/m", "country/s"}): {"sub-organization": 1},
        frozenset({"org/m/u", "org/m"}): {"sub-organization": 1},
        frozenset({"org/i", "org/m/u"}): {"agreement": 1},
        frozenset({"org/i", "org/x"}): {"event": 1},
        frozenset({"country/s", "org/i"}): {"membership": 1},
        frozenset({"org/m/u", "org/x"}): {"person": 1},
    }
    (fact,) = graph.edges[ID + "org/i", ID + "org/x"]["facts"]
    assert fact.articles == {ID + "article/a2"} and fact.date == dt.date(2024, 6, 1)
    (person,) = graph.edges[ID + "org/m/u", ID + "org/x"]["facts"]
    assert person.date == dt.date(2023, 1, 1)  # the earliest article stating a post
    state = graph.nodes[ID + "country/s"]
    assert state["type"] == "State" and state["label"] == "Testland"
    assert {(n.text, n.lang) for n in state["names"]} >= {("Тестелі", "kk"), ("Тестландия", "ru")}
    assert [(p.name, p.role) for p in graph.nodes[ID + "org/m/u"]["people"]] == [
        ("Pat Head", "head")
    ]


def test_a_former_post_links_organizations_but_represents_none_at_events(
    kinds: NetworkSource,
) -> None:
    # P attended the signing and formerly worked at X: X did not sign anything.
    assert set(kinds.participants[ID + "event/sign"]) == {ID + "org/i", ID + "org/m/u"}


def test_rollup_merges_units_into_the_root_and_adds_up_the_facts(kinds: NetworkSource) -> None:
    assert roots(kinds)[ID + "org/m/u"] == ID + "country/s"
    graph = build_network(kinds, NetworkOptions(rollup=True))
    assert _edges(graph) == {
        frozenset({"country/s", "org/i"}): {"agreement": 1, "membership": 1},
        frozenset({"org/i", "org/x"}): {"event": 1},
        frozenset({"country/s", "org/x"}): {"person": 1},
    }
    assert graph.edges[ID + "country/s", ID + "org/i"]["weight"] == 2
    state = graph.nodes[ID + "country/s"]
    assert state["members"] == [ID + "org/m", ID + "org/m/u"]
    assert "Test Unit" in {n.text for n in state["names"]}  # found by a unit's name


def test_roots_stop_at_a_cycle() -> None:
    source = NetworkSource({}, {}, {}, [], {}, {"a": {"b"}, "b": {"a"}, "c": {"a"}}, [])
    found = roots(source)
    assert found["c"] in {"a", "b"} and found["a"] == found["b"] == found["c"]


def test_date_range_keeps_the_dated_facts_inside_it(kinds: NetworkSource) -> None:
    graph = build_network(kinds, NetworkOptions(date_from=dt.date(2024, 2, 1)))
    assert _edges(graph) == {
        frozenset({"org/i", "org/x"}): {"event": 1},
        frozenset({"country/s", "org/i"}): {"membership": 1},
    }
    earlier = build_network(kinds, NetworkOptions(date_to=dt.date(2023, 12, 31)))
    assert _edges(earlier) == {frozenset({"org/m/u", "org/x"}): {"person": 1}}
    with pytest.raises(NetworkError, match="after"):
        build_network(
            kinds, NetworkOptions(date_from=dt.date(2025, 1, 1), date_to=dt.date(2024, 1, 1))
        )


def test_types_min_weight_and_persons(kinds: NetworkSource) -> None:
    typed = build_network(
        kinds, NetworkOptions(types=frozenset({"State", "IntergovernmentalOrganization"}))
    )
    assert set(typed) == {ID + "country/s", ID + "org/i"} and typed.number_of_edges() == 1
    strong = build_network(kinds, NetworkOptions(rollup=True, min_weight=2))
    assert _edges(strong) == {frozenset({"country/s", "org/i"}): {"agreement": 1, "membership": 1}}
    with_people = build_network(kinds, NetworkOptions(persons=True))
    assert with_people.nodes[ID + "person/p"]["type"] == "Person"
    assert set(with_people[ID + "person/p"]) == {ID + "org/m/u", ID + "org/x"}
    assert with_people.number_of_edges() == 8


def test_metrics_on_two_bridged_triangles(brokers: NetworkSource) -> None:
    graph = build_network(brokers, NetworkOptions())
    stats = compute_metrics(graph, seed=1)
    by_label = {s.label: s for s in stats.ranking}
    assert {k: s.degree for k, s in by_label.items()} == {
        "Alpha": 2,
        "Beta": 2,
        "Gamma": 3,
        "Delta": 3,
        "Epsilon": 2,
        "Zeta": 2,
    }
    assert by_label["Gamma"].betweenness == pytest.approx(0.6)
    assert by_label["Delta"].betweenness == pytest.approx(0.6)
    assert by_label["Alpha"].betweenness == 0
    assert [s.label for s in stats.brokers] == ["Delta", "Gamma"]
    communities = [{graph.nodes[n]["label"] for n in c} for c in stats.communities]
    assert sorted(communities, key=sorted) == [
        {"Alpha", "Beta", "Gamma"},
        {"Delta", "Epsilon", "Zeta"},
    ]
    assert stats.modularity == pytest.approx(5 / 14, abs=1e-6)
    assert (stats.nodes, stats.edges, stats.components) == (6, 7, 1)
    report = json.loads(stats_json(stats))
    assert report["brokers"] == [ID + "org/d", ID + "org/c"]
    assert report["ranking"][0]["betweenness"] == pytest.approx(0.6)
    table = stats_table(stats)
    assert "top brokers: Delta, Gamma" in table and "community 1 (3)" in table


def test_layout_is_seeded_and_keeps_ties_short(brokers: NetworkSource) -> None:
    graph = build_network(brokers, NetworkOptions())
    first, again = force_layout(graph, seed=3), force_layout(graph, seed=3)
    assert first == again
    assert all(-1.0 <= c <= 1.0 for xy in first.values() for c in xy)

    def distance(a: str, b: str) -> float:
        (x1, y1), (x2, y2) = first[ID + a], first[ID + b]
        return ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5

    inside = max(distance("org/a", "org/b"), distance("org/e", "org/f"))
    across = min(distance("org/a", "org/e"), distance("org/b", "org/f"))
    assert inside < across


def test_gexf_and_graphml_are_read_back_with_their_attributes(
    kinds: NetworkSource, tmp_path: Path
) -> None:
    graph = build_network(kinds, NetworkOptions())
    compute_metrics(graph)
    positions = force_layout(graph)
    write_gexf(graph, positions, tmp_path / "n.gexf")
    write_graphml(graph, positions, tmp_path / "n.graphml")
    for reread in (nx.read_gexf(tmp_path / "n.gexf"), nx.read_graphml(tmp_path / "n.graphml")):
        assert reread.number_of_nodes() == 5 and reread.number_of_edges() == 6
        state = reread.nodes[ID + "country/s"]
        assert state["type"] == "State" and "Тестелі@kk" in state["names"]
        assert state["degree"] == 2
        edge = reread.edges[ID + "org/i", ID + "org/x"]
        assert float(edge["weight"]) == 1
        assert edge["kinds"] == "event:1" and edge["articles"] == "https://example.org/a2"
    gexf = (tmp_path / "n.gexf").read_text(encoding="utf-8")
    assert "viz:position" in gexf and "viz:color" in gexf


def test_pictures_have_cyrillic_labels_and_are_reproducible(
    kinds: NetworkSource, tmp_path: Path
) -> None:
    graph = build_network(kinds, NetworkOptions(lang="kk"))
    assert graph.nodes[ID + "country/s"]["label"] == "Тестелі"
    positions = force_layout(graph)
    draw_picture(graph, positions, tmp_path / "a.svg", "Желі")
    draw_picture(graph, positions, tmp_path / "b.svg", "Желі")
    draw_picture(graph, positions, tmp_path / "a.png", "Желі")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        draw_picture(graph, positions, tmp_path / "a.pdf")


def test_page_is_self_contained_and_carries_the_graph(kinds: NetworkSource) -> None:
    graph = build_network(kinds, NetworkOptions())
    compute_metrics(graph)
    page = render_page(graph, force_layout(graph), "Test <network>")
    assert "<title>Test &lt;network&gt;</title>" in page
    assert "default-src 'none'" in page  # the browser may load nothing
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "<!--KG:" not in page and "sourceMappingURL" not in page
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 6
    names = {name for row in data["nodes"] for name, _ in row[8]}
    assert {"Тестелі", "Тестландия", "TIO"} <= names
    assert "Permission is hereby granted" in page  # the MIT licence travels with the code


def test_vendored_library_matches_its_recorded_checksum() -> None:
    recorded = re.search(r"SHA-256 `([0-9a-f]{64})`", asset("VENDORED.md")).group(1)
    digest = hashlib.sha256(asset("vis-network.min.js").encode("utf-8")).hexdigest()
    assert digest == recorded


def test_network_queries_ship_with_the_package() -> None:
    for name in ("names", "articles", "events", "participation", "memberships", "suborganizations"):
        assert "SELECT" in network_query(name)
