"""The shipped SPARQL queries (queries/*.rq): syntax, header, parameters and results.

Every query is run with pyoxigraph over the union of the named graphs of a small,
hand-written dataset (two articles, kk and ru, plus the entities graph) that follows
docs/data-model.md.  Parameters are bound exactly the way ``kg query --param`` binds
them: ``kg.query.parse_params`` turns ``NAME=VALUE`` into RDF terms (``<…>`` for an IRI)
and ``kg.query.run_local`` inserts them as a ``VALUES`` block at the start of the WHERE
clause, so parameters are never projected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph

from kg.query import parse_params, run_local

ROOT = Path(__file__).parents[1]
QUERY_DIR = ROOT / "queries"
SHAPES_PATH = ROOT / "shapes" / "kg-shapes.ttl"
QUERIES = sorted(QUERY_DIR.glob("*.rq"))
ID = "https://w3id.org/intergov-kg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

REQUIRED = {
    "persons-roles",
    "co-attendance",
    "events",
    "meetings",
    "person-timeline",
    "provenance",
    "org-centrality",
    "quality-report",
    "quality-person-coverage",
    "quality-event-dates",
    "quality-low-confidence",
    "suborganizations",
}

SAMPLE_TRIG = """\
@base    <https://w3id.org/intergov-kg/id/> .
@prefix kgo:     <https://w3id.org/intergov-kg/ontology#> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix schema:  <https://schema.org/> .
@prefix foaf:    <http://xmlns.com/foaf/0.1/> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

# ----------------------------------------------------------------- Kazakh article, 2017
<graph/article/kz1> {
  <article/kz1> a schema:NewsArticle ;
      schema:headline "Алихан Байменов Сеулдегі форумға қатысты"@kk ;
      schema:inLanguage "kk" ; schema:datePublished "2017-09-23"^^xsd:date ;
      dcterms:identifier "kz1" ; dcterms:source "examples/kz1.json" .
  <sentence/kz1/0> a kgo:Sentence ; dcterms:isPartOf <article/kz1> ;
      rdf:value "Астана хабының Басқарушы комитетінің төрағасы Алихан Байменов \
Сеулде өткен конференцияға қатысты."@kk ;
      kgo:startOffset 0 ; kgo:endOffset 98 .

  <evidence/kz1/p1> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.95 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "Алихан Байменов" ;
      kgo:startOffset 46 ; kgo:endOffset 61 .
  <evidence/kz1/o1> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.9 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/kz1/o2> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.8 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/kz1/o3> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.7 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/kz1/o4> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.7 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/kz1/l1> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.9 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "Сеулде" ;
      kgo:startOffset 62 ; kgo:endOffset 68 .
  <evidence/kz1/m1> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.85 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/kz1/e1> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.75 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/kz1/e0> a kgo:Evidence ; kgo:sentence <sentence/kz1/0> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:confidence 0.7 ; kgo:extractor "kk" ;
      kgo:extractorVersion "0.1.0" .

  <person/alikhan-baimenov> a schema:Person , foaf:Person ;
      rdfs:label "Алихан Байменов"@kk ; foaf:name "Алихан Байменов"@kk ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/p1> .
  <org/astana-hub> a org:Organization , kgo:IntergovernmentalOrganization ;
      rdfs:label "Астана халықаралық мемлекеттік қызмет хабы"@kk ; skos:notation "ACSH" ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/o1> .
  <org/astana-hub/steering-committee> a org:Organization , org:OrganizationalUnit ;
      rdfs:label "Басқарушы комитет"@kk ; org:subOrganizationOf <org/astana-hub> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/o2> .
  <country/kr> a org:Organization , kgo:State , schema:Country ;
      rdfs:label "Корея Республикасы"@kk ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/o3> .
  <org/oecd> a org:Organization , kgo:IntergovernmentalOrganization ;
      rdfs:label "ЭЫДҰ"@kk ; skos:notation "OECD" ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/o4> .
  <place/seoul> a schema:Place , schema:City ; rdfs:label "Сеул"@kk ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/l1> .
  <role/chair> a org:Role ; rdfs:label "төраға"@kk , "chair"@en ; skos:notation "chair" .
  <membership/m1> a org:Membership ;
      org:member <person/alikhan-baimenov> ;
      org:organization <org/astana-hub/steering-committee> ; org:role <role/chair> ;
      kgo:roleLabel "төраға"@kk ; kgo:postStatus kgo:CurrentPost ;
      rdfs:label "Алихан Байменов — Басқарушы комитет, төраға"@kk ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/m1> .
  <event/e1> a schema:Event , kgo:Conference ;
      schema:name "Мемлекеттік қызмет жөніндегі конференция"@kk ;
      rdfs:label "Мемлекеттік қызмет жөніндегі конференция"@kk ;
      schema:startDate "2017-09-22"^^xsd:date ; kgo:dateSource "text" ;
      schema:location <place/seoul> ; schema:superEvent <event/e0> ;
      schema:attendee <person/alikhan-baimenov> , <org/astana-hub> , <country/kr> , <org/oecd> ;
      schema:organizer <org/astana-hub> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/e1> .
  <event/e0> a schema:Event , kgo:Conference ;
      schema:name "Жаһандық форум"@kk ; rdfs:label "Жаһандық форум"@kk ;
      schema:startDate "2017-09-23"^^xsd:date ; kgo:dateSource "article" ;
      schema:location <country/kr> ; schema:attendee <country/kr> , <org/oecd> ;
      prov:wasDerivedFrom <article/kz1> ; kgo:evidence <evidence/kz1/e0> .
}

# ----------------------------------------------------------------- Russian article, 2018
<graph/article/ru1> {
  <article/ru1> a schema:NewsArticle ;
      schema:headline "Бывший председатель комитета встретился с министром Кореи"@ru ;
      schema:inLanguage "ru" ; schema:datePublished "2018-03-16"^^xsd:date ;
      dcterms:identifier "ru1" ; schema:url <https://example.org/ru1> .
  <sentence/ru1/0> a kgo:Sentence ; dcterms:isPartOf <article/ru1> ;
      rdf:value "15 марта в Астане бывший председатель Руководящего комитета хаба \
Алихан Байменов встретился с министром внутренних дел и безопасности Кореи Ким Бу Гёмом."@ru ;
      kgo:startOffset 0 ; kgo:endOffset 150 .
  <sentence/ru1/151> a kgo:Sentence ; dcterms:isPartOf <article/ru1> ;
      rdf:value "Ожидается визит делегации ОЭСР; на встрече присутствовал Анхель Гурриа."@ru ;
      kgo:startOffset 151 ; kgo:endOffset 222 .

  <evidence/ru1/p1> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.9 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "Алихан Байменов" .
  <evidence/ru1/p2> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.9 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "Ким Бу Гёмом" .
  <evidence/ru1/p3> a kgo:Evidence ; kgo:sentence <sentence/ru1/151> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "Анхель Гурриа" .
  <evidence/ru1/o1> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/ru1/o2> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/ru1/o3> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/ru1/o4> a kgo:Evidence ; kgo:sentence <sentence/ru1/151> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "ОЭСР" .
  <evidence/ru1/l1> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.9 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "Астане" .
  <evidence/ru1/m1> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/ru1/m2> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/ru1/e1> a kgo:Evidence ; kgo:sentence <sentence/ru1/0> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.8 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" .
  <evidence/ru1/e2> a kgo:Evidence ; kgo:sentence <sentence/ru1/151> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:confidence 0.3 ; kgo:extractor "ru" ;
      kgo:extractorVersion "0.1.0" ; kgo:mentionText "визит" .

  <person/alikhan-baimenov> a schema:Person , foaf:Person ;
      rdfs:label "Алихан Байменов"@ru ; foaf:name "Алихан Байменов"@ru ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/p1> .
  <person/kim-boo-kyum> a schema:Person , foaf:Person ;
      rdfs:label "Ким Бу Гём"@ru ; foaf:name "Ким Бу Гём"@ru ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/p2> .
  <person/angel-gurria> a schema:Person , foaf:Person ;
      rdfs:label "Анхель Гурриа"@ru ; foaf:name "Анхель Гурриа"@ru ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/p3> .
  <org/astana-hub/steering-committee> a org:Organization , org:OrganizationalUnit ;
      rdfs:label "Руководящий комитет"@ru ; org:subOrganizationOf <org/astana-hub> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/o1> .
  <org/kr-mois> a org:Organization , kgo:GovernmentBody ;
      rdfs:label "Министерство внутренних дел и безопасности"@ru ;
      org:subOrganizationOf <country/kr> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/o2> .
  <country/kr> a org:Organization , kgo:State , schema:Country ;
      rdfs:label "Корея"@ru ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/o3> .
  <org/oesr> a org:Organization , kgo:IntergovernmentalOrganization ;
      rdfs:label "ОЭСР"@ru ; skos:altLabel "OECD"@en ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/o4> .
  <place/astana> a schema:Place , schema:City ; rdfs:label "Астана"@ru ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/l1> .
  <role/chair> a org:Role ; rdfs:label "председатель"@ru , "chair"@en ; skos:notation "chair" .
  <role/minister> a org:Role ; rdfs:label "министр"@ru , "minister"@en ;
      skos:notation "minister" .
  <membership/m1> a org:Membership ;
      org:member <person/alikhan-baimenov> ;
      org:organization <org/astana-hub/steering-committee> ; org:role <role/chair> ;
      kgo:roleLabel "председатель"@ru ; kgo:postStatus kgo:FormerPost ;
      rdfs:label "Алихан Байменов — Руководящий комитет, председатель"@ru ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/m1> .
  <membership/m2> a org:Membership ;
      org:member <person/kim-boo-kyum> ; org:organization <org/kr-mois> ;
      org:role <role/minister> ; kgo:roleLabel "министр"@ru ;
      kgo:postStatus kgo:CurrentPost ;
      rdfs:label "Ким Бу Гём — Министерство внутренних дел и безопасности, министр"@ru ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/m2> .
  <event/e2> a schema:Event , kgo:Meeting ;
      schema:name "Встреча Байменова и Ким Бу Гёма"@ru ;
      rdfs:label "Встреча Байменова и Ким Бу Гёма"@ru ;
      schema:startDate "2018-03-15"^^xsd:date ; kgo:dateSource "text" ;
      schema:location <place/astana> ;
      schema:attendee <person/alikhan-baimenov> , <person/kim-boo-kyum> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/e1> .
  <event/e3> a schema:Event , kgo:Visit ;
      schema:name "Визит делегации ОЭСР"@ru ; rdfs:label "Визит делегации ОЭСР"@ru ;
      schema:location <place/astana> ; schema:attendee <org/oesr> ;
      prov:wasDerivedFrom <article/ru1> ; kgo:evidence <evidence/ru1/e2> .
}

# ----------------------------------------------------------------- entities graph
<graph/entities> {
  <person/alikhan-baimenov> skos:prefLabel "Alikhan Baimenov"@en , "Алихан Байменов"@kk ,
      "Алихан Байменов"@ru .
  <person/kim-boo-kyum> skos:prefLabel "Kim Boo-kyum"@en .
  <org/astana-hub> skos:prefLabel "Astana Civil Service Hub"@en .
  <org/oecd> skos:prefLabel "OECD"@en ; owl:sameAs <http://www.wikidata.org/entity/Q41550> .
  <country/kr> skos:prefLabel "Republic of Korea"@en .
  <place/seoul> skos:prefLabel "Seoul"@en .
}
"""


def rows(store: ox.Store, query_name: str, /, **params: str) -> list[dict[str, str]]:
    """Run queries/{name}.rq with ``--param``-style values (``"<https://…>"`` is an IRI)."""
    query = (QUERY_DIR / f"{query_name}.rq").read_text(encoding="utf-8")
    result = run_local(store, query, parse_params([f"{k}={v}" for k, v in params.items()]))
    assert not set(result.variables) & set(params), "a parameter is projected"
    return [
        {n: term.value for n, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]


def header(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def documented_params(path: Path) -> dict[str, str]:
    params = {}
    for line in header(path):
        match = re.match(r"^# param: \?(\w+) — (.+) \(default: (.+)\)$", line)
        if match:
            params[match.group(1)] = match.group(3)
    return params


def query_body(query: str) -> str:
    """The query without its comment lines."""
    return "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))


def select_clause(query: str) -> str:
    body = query_body(query)
    return body[body.index("SELECT") : body.index("WHERE")]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(SAMPLE_TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return s


# ----------------------------------------------------------------------------- inventory


def test_required_queries_exist() -> None:
    names = {p.stem for p in QUERIES}
    assert names >= REQUIRED
    assert len(names) >= 10


def test_readme_lists_every_query() -> None:
    readme = (QUERY_DIR / "README.md").read_text(encoding="utf-8")
    for path in QUERIES:
        assert f"`{path.stem}`" in readme or path.name in readme, path.name
        for param in documented_params(path):
            assert f"?{param}" in readme or f"`{param}`" in readme, (path.name, param)


def test_sample_data_follows_the_shapes() -> None:
    """Keep the query fixture honest: its union conforms to shapes/kg-shapes.ttl."""
    quads = ox.parse(SAMPLE_TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    ntriples = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    union = Graph().parse(data=ntriples, format="nt")
    conforms, _, text = pyshacl.validate(
        union,
        shacl_graph=Graph().parse(SHAPES_PATH, format="turtle"),
        inference="none",
        allow_warnings=True,
        allow_infos=True,
    )
    assert conforms, text


# ----------------------------------------------------------------------------- every query


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_header_documents_query(path: Path) -> None:
    lines = header(path)
    assert lines, "missing header comment"
    assert re.match(rf"^# {re.escape(path.name)} — \S.+", lines[0]), lines[0]
    text = "\n".join(lines)
    assert "# columns:" in text
    # Every parameter read by the query (BIND(COALESCE(STR(?p) ...))) is documented,
    # every documented parameter appears in the query body, and none is projected
    # (parameters are bound by a VALUES block; a projected one would be an echo column).
    query = path.read_text(encoding="utf-8")
    params = set(documented_params(path))
    used = set(re.findall(r"COALESCE\(STR\(\?(\w+)\)", query))
    assert used == params
    body, projection = query_body(query), select_clause(query)
    for param in params:
        assert re.search(rf"\?{param}\b", body), f"?{param} not used in the query"
        assert not re.search(rf"[?$]{param}\b", projection), f"?{param} projected"
    # The query's own GROUP BY starts a line; a sub-select's (indented) may group by a
    # parameter it receives on a `# @bind` line.
    group_by = body.rfind("\nGROUP BY")
    assert group_by < 0 or not any(
        re.search(rf"[?$]{param}\b", body[group_by:].split("ORDER BY")[0]) for param in params
    ), "a parameter is grouped by"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_parses_and_runs_on_empty_store(path: Path) -> None:
    query = path.read_text(encoding="utf-8")
    assert run_local(ox.Store(), query, {}).rows == []
    bound = parse_params([f"{p}=x" for p in documented_params(path)])
    assert run_local(ox.Store(), query, bound).rows == []


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_runs_on_sample_with_every_param_bound(store: ox.Store, path: Path) -> None:
    values = {"lang": "ru", "from": "2000-01-01", "to": "2100-01-01", "threshold": "0.5"}
    params = {p: values.get(p, "zzz-no-such-thing") for p in documented_params(path)}
    rows(store, path.stem, **params)  # must not raise; no parameter is projected
    unbound = run_local(store, path.read_text(encoding="utf-8"), {})
    assert not set(unbound.variables) & set(documented_params(path))


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_query_returns_rows_on_the_sample(store: ox.Store, path: Path) -> None:
    """Every shipped query, the quality checks included, is a report with rows on
    non-empty data (the data-quality queries list problems first, not only problems)."""
    assert len(rows(store, path.stem)) >= 1


# Values that match nothing in the sample, per filtering parameter (``lang`` and
# ``threshold`` only change labels and the cut-off, they do not filter by themselves).
NO_MATCH = {"from": "2100-01-01", "to": "1900-01-01"}
NOT_FILTERS = {"lang", "threshold"}


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_unbound_params_do_not_filter_and_bound_ones_do(store: ox.Store, path: Path) -> None:
    everything = rows(store, path.stem)
    for param in set(documented_params(path)) - NOT_FILTERS:
        value = NO_MATCH.get(param, "zzz-no-such-thing")
        assert rows(store, path.stem, **{param: value}) == [], (param, value)
        # An IRI that names nothing filters too.
        if param not in NO_MATCH:
            assert rows(store, path.stem, **{param: f"<{ID}no/such-node>"}) == [], param
    if everything and "lang" in documented_params(path):
        assert len(rows(store, path.stem, lang="ru")) == len(everything)


# ----------------------------------------------------------------------------- semantics


def test_persons_roles_filter_by_org(store: ox.Store) -> None:
    everyone = rows(store, "persons-roles")
    assert {r["person"] for r in everyone} == {
        ID + "person/alikhan-baimenov",
        ID + "person/kim-boo-kyum",
    }
    # The hub matches through its unit (org:subOrganizationOf*), by label or by acronym.
    for org in ("civil service hub", "ACSH", f"<{ID}org/astana-hub>"):
        hub = rows(store, "persons-roles", org=org)
        assert [r["person"] for r in hub] == [ID + "person/alikhan-baimenov"], org
        assert hub[0]["organization"] == ID + "org/astana-hub/steering-committee"
        assert "org" not in hub[0]
    ministry = rows(store, "persons-roles", org="внутренних дел")
    assert [r["personLabel"] for r in ministry] == ["Kim Boo-kyum"]
    assert ministry[0]["roleLabel"] == "minister"
    assert rows(store, "persons-roles", org="no such organization") == []
    ministers = rows(store, "persons-roles", post="minister")
    assert [r["person"] for r in ministers] == [ID + "person/kim-boo-kyum"]
    assert [r["person"] for r in rows(store, "persons-roles", post="төраға")] == [
        ID + "person/alikhan-baimenov"
    ]


def test_persons_roles_labels_follow_lang(store: ox.Store) -> None:
    (en,) = rows(store, "persons-roles", name="Baimenov")
    assert en["personLabel"] == "Alikhan Baimenov"
    assert en["roleLabel"] == "chair"
    assert en["organizationLabel"] in {"Басқарушы комитет", "Руководящий комитет"}
    assert en["statuses"] == "CurrentPost, FormerPost" or set(en["statuses"].split(", ")) == {
        "CurrentPost",
        "FormerPost",
    }
    assert en["articleCount"] == "2"
    (ru,) = rows(store, "persons-roles", name="Baimenov", lang="ru")
    assert ru["roleLabel"] == "председатель"
    assert ru["organizationLabel"] == "Руководящий комитет"


def test_co_attendance(store: ox.Store) -> None:
    pairs = {
        (r["organization1"], r["organization2"]): int(r["sharedEvents"])
        for r in rows(store, "co-attendance")
    }
    kr, oecd, hub = ID + "country/kr", ID + "org/oecd", ID + "org/astana-hub"
    assert pairs[tuple(sorted((kr, oecd)))] == 2
    assert pairs[tuple(sorted((hub, oecd)))] == 1
    filtered = rows(store, "co-attendance", org="OECD")
    assert {r["organization1"] for r in filtered} == {oecd}
    # the committee takes part through its chair, who attended
    committee = ID + "org/astana-hub/steering-committee"
    assert {r["organization2"] for r in filtered} == {kr, hub, committee}
    assert rows(store, "co-attendance", org="OECD", **{"from": "2018-01-01"}) == []


def test_events_filters(store: ox.Store) -> None:
    assert len({r["event"] for r in rows(store, "events")}) == 4
    later = rows(store, "events", **{"from": "2018-01-01"})
    assert [r["event"] for r in later] == [ID + "event/e2"]
    assert [r["eventType"] for r in later] == ["Meeting"]
    seoul = rows(store, "events", place="seoul")
    assert [r["event"] for r in seoul] == [ID + "event/e1"]
    assert seoul[0]["superEvent"] == ID + "event/e0"
    assert seoul[0]["date"] == "2017-09-22"
    window = rows(store, "events", **{"from": "2017-09-22", "to": "2017-09-22"})
    assert [r["event"] for r in window] == [ID + "event/e1"]
    assert [r["event"] for r in rows(store, "events", type="visit")] == [ID + "event/e3"]
    assert [r["event"] for r in rows(store, "events", name="визит")] == [ID + "event/e3"]
    assert [r["event"] for r in rows(store, "events", name=f"<{ID}event/e2>")] == [ID + "event/e2"]
    (meeting,) = rows(store, "events", type="Meeting", lang="ru")
    assert meeting["locationLabel"] == "Астана"
    assert "place" not in meeting and "lang" not in meeting


def test_events_one_row_per_location_when_graphs_repeat_a_triple() -> None:
    """Over the union of named graphs a triple stated by two articles comes twice: the
    event still has one row per location, with its counts and labels."""
    event = """
    @prefix schema: <https://schema.org/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <https://x.org/e> a schema:Event ; rdfs:label "Forum"@en ;
        schema:location <https://x.org/astana> ; schema:attendee <https://x.org/p> .
    <https://x.org/astana> rdfs:label "Astana"@en .
    """
    store = ox.Store()
    for graph in ("https://x.org/a1", "https://x.org/a2"):
        store.load(event.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    query = (QUERY_DIR / "events.rq").read_text(encoding="utf-8")
    result = run_local(store, query, {})
    assert [[t.value for t in row if t is not None] for row in result.rows] == [
        ["https://x.org/e", "Forum", "Event", "https://x.org/astana", "Astana", "1", "0"]
    ]


def test_events_place_keeps_the_matching_locations_rows_only() -> None:
    """?place is tested per location (events are selected first, rows after): an event
    at two locations keeps only the row of the one that matches, by any label or by IRI,
    and an event without location never matches; ?name matches any name of the event."""
    events = """
    @prefix schema: <https://schema.org/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    <https://x.org/forum> a schema:Event ; rdfs:label "Forum"@en ; schema:name "Форум" ;
        schema:location <https://x.org/seoul>, <https://x.org/kr> .
    <https://x.org/visit> a schema:Event ; rdfs:label "Visit to Seoul"@en .
    <https://x.org/seoul> rdfs:label "Seoul"@en ; skos:altLabel "Сеул"@ru .
    <https://x.org/kr> skos:prefLabel "South Korea"@en .
    """
    store = ox.Store()
    store.load(
        events.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://x.org/a")
    )
    query = (QUERY_DIR / "events.rq").read_text(encoding="utf-8")

    def event_locations(*params: str) -> list[tuple[str, str | None]]:
        result = run_local(store, query, parse_params(list(params)))
        event, location = result.variables.index("event"), result.variables.index("location")
        return [(row[event].value, row[location] and row[location].value) for row in result.rows]

    assert event_locations("place=korea") == [("https://x.org/forum", "https://x.org/kr")]
    assert event_locations("place=СЕУЛ") == [("https://x.org/forum", "https://x.org/seoul")]
    assert event_locations("place=<https://x.org/kr>") == [
        ("https://x.org/forum", "https://x.org/kr")
    ]
    assert event_locations("place=visit") == []
    assert event_locations("name=форум", "place=") == [
        ("https://x.org/forum", "https://x.org/seoul"),
        ("https://x.org/forum", "https://x.org/kr"),
    ]
    assert event_locations("name=seoul") == [("https://x.org/visit", None)]


def test_meetings_pairs(store: ox.Store) -> None:
    (meeting,) = rows(store, "meetings")
    assert {meeting["participant1"], meeting["participant2"]} == {
        ID + "person/alikhan-baimenov",
        ID + "person/kim-boo-kyum",
    }
    assert meeting["date"] == "2018-03-15"
    assert meeting["locationLabel"] == "Астана"
    assert len(rows(store, "meetings", name="kim boo")) == 1
    assert rows(store, "meetings", name="Gurria") == []
    assert len(rows(store, "meetings", **{"from": "2018-03-15", "to": "2018-03-15"})) == 1
    assert rows(store, "meetings", to="2018-03-14") == []


def test_person_timeline_orders_by_article_date(store: ox.Store) -> None:
    timeline = rows(store, "person-timeline", name="baimenov")
    assert [(r["published"], r["status"]) for r in timeline] == [
        ("2017-09-23", "CurrentPost"),
        ("2018-03-16", "FormerPost"),
    ]
    assert [r["postAsWritten"] for r in timeline] == ["төраға", "председатель"]
    assert rows(store, "person-timeline", name="nobody at all") == []
    by_iri = rows(store, "person-timeline", name=f"<{ID}person/alikhan-baimenov>")
    assert by_iri == timeline
    assert {
        r["personLabel"] for r in rows(store, "person-timeline", name="baimenov", lang="kk")
    } == {"Алихан Байменов"}


def test_provenance_by_name_and_iri(store: ox.Store) -> None:
    by_name = rows(store, "provenance", entity="Сеул")
    assert {r["node"] for r in by_name} == {ID + "place/seoul"}
    assert by_name[0]["mention"] == "Сеулде"
    assert by_name[0]["sentenceText"].startswith("Астана хабының")
    assert by_name[0]["published"] == "2017-09-23"
    by_iri = rows(store, "provenance", entity=f"<{ID}person/alikhan-baimenov>")
    assert {r["article"] for r in by_iri} == {ID + "article/kz1", ID + "article/ru1"}
    # The query compares IRI(?entity) with the node (not the node's text): an IRI given
    # as a plain string names the same node, and a string that is no IRI names none.
    assert rows(store, "provenance", entity=f"{ID}person/alikhan-baimenov") == by_iri
    assert rows(store, "provenance", entity="person/alikhan-baimenov") == []


def test_org_centrality(store: ox.Store) -> None:
    ranking = rows(store, "org-centrality")
    by_org = {r["organization"]: r for r in ranking}
    kr = by_org[ID + "country/kr"]
    # kr: events → hub, oecd; hierarchy → ministry.
    assert (kr["partners"], kr["viaEvents"], kr["viaHierarchy"]) == ("3", "2", "1")
    assert int(ranking[0]["partners"]) >= int(ranking[-1]["partners"])
    states = rows(store, "org-centrality", type="State")
    assert [r["organization"] for r in states] == [ID + "country/kr"]


def test_suborganizations(store: ox.Store) -> None:
    tree = {(r["unit"], r["parent"], r["depth"]) for r in rows(store, "suborganizations")}
    assert tree == {
        (ID + "org/astana-hub/steering-committee", ID + "org/astana-hub", "1"),
        (ID + "org/kr-mois", ID + "country/kr", "1"),
    }
    korea = rows(store, "suborganizations", org="Republic of Korea")
    assert [r["unit"] for r in korea] == [ID + "org/kr-mois"]
    assert korea[0]["rootLabel"] == "Republic of Korea"


# quality-report on the sample: the checks in their fixed order, with the expected
# count and examples.  The sample has one person without membership (Gurria), one
# undated event (e3, the visit, supported only by 0.3 evidence), one event dated from
# its article (e0), no event without location, three organizations without an English
# label and one name shared by two organizations ("OECD": org/oecd and org/oesr).
QUALITY_CHECKS = {
    "persons-without-membership": ("warning", 1, "Анхель Гурриа"),
    "events-without-date": ("warning", 1, "Визит делегации ОЭСР"),
    "events-dated-from-article": ("info", 1, "Жаһандық форум"),
    "events-without-location": ("info", 0, ""),
    "low-confidence-evidence": ("warning", 1, "Визит делегации ОЭСР (0.3)"),
    "organizations-without-english-label": (
        "info",
        3,
        "Басқарушы комитет | Министерство внутренних дел и безопасности | ОЭСР",
    ),
    "duplicate-name-candidates": ("warning", 1, "OECD"),
}


def test_quality_report_has_every_check_with_its_count(store: ox.Store) -> None:
    report = rows(store, "quality-report")
    assert len(report) == len(QUALITY_CHECKS)
    found = {r["check"]: (r["severity"], int(r["count"]), r["examples"]) for r in report}
    assert found == QUALITY_CHECKS
    assert all(r["description"].endswith(".") for r in report)
    # Problems first: non-zero warnings, non-zero infos, then the checks that found nothing.
    assert [r["check"] for r in report] == [
        "persons-without-membership",
        "events-without-date",
        "low-confidence-evidence",
        "duplicate-name-candidates",
        "events-dated-from-article",
        "organizations-without-english-label",
        "events-without-location",
    ]


def test_quality_report_lists_checks_that_find_nothing() -> None:
    """On the Kazakh article alone (and the entities graph) most counts are 0, and every
    check is still reported, with empty examples."""
    clean = ox.Store()
    for quad in ox.parse(SAMPLE_TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG):
        if quad.graph_name.value in (ID + "graph/article/kz1", ID + "graph/entities"):
            clean.add(quad)
    report = {r["check"]: r for r in rows(clean, "quality-report")}
    assert set(report) == set(QUALITY_CHECKS)
    counts = {check: int(r["count"]) for check, r in report.items()}
    assert counts == {
        "persons-without-membership": 0,
        "events-without-date": 0,
        "events-dated-from-article": 1,
        "events-without-location": 0,
        "low-confidence-evidence": 0,
        "organizations-without-english-label": 1,
        "duplicate-name-candidates": 0,
    }
    assert all(r["examples"] == "" for r in report.values() if r["count"] == "0")
    assert report["organizations-without-english-label"]["examples"] == "Басқарушы комитет"


def test_quality_report_shows_at_most_three_examples() -> None:
    many = ox.Store()
    person = ox.NamedNode("https://schema.org/Person")
    for name in ("Epsilon", "Delta", "Alpha", "Gamma", "Beta"):
        node = ox.NamedNode(f"{ID}person/{name.lower()}")
        many.add(ox.Quad(node, ox.NamedNode(RDF_TYPE), person, ox.NamedNode(ID + "graph/g")))
        many.add(ox.Quad(node, ox.NamedNode(RDFS_LABEL), ox.Literal(name, language="en")))
    (lonely,) = [r for r in rows(many, "quality-report") if r["check"].startswith("persons")]
    assert (lonely["count"], lonely["examples"]) == ("5", "Alpha | Beta | Delta")


def test_quality_person_coverage(store: ox.Store) -> None:
    coverage = rows(store, "quality-person-coverage")
    assert [(r["person"], r["memberships"], r["events"], r["articles"]) for r in coverage] == [
        (ID + "person/angel-gurria", "0", "0", "1"),
        (ID + "person/alikhan-baimenov", "1", "2", "2"),
        (ID + "person/kim-boo-kyum", "1", "1", "1"),
    ]
    assert coverage[1]["personLabel"] == "Alikhan Baimenov"
    (kim,) = rows(store, "quality-person-coverage", name="ким бу")
    assert kim["person"] == ID + "person/kim-boo-kyum"
    by_iri = rows(store, "quality-person-coverage", name=f"<{ID}person/angel-gurria>")
    assert [r["personLabel"] for r in by_iri] == ["Анхель Гурриа"]


def test_quality_event_dates(store: ox.Store) -> None:
    dates = rows(store, "quality-event-dates")
    assert [(r["event"], r["dateSource"], r.get("date", "")) for r in dates] == [
        (ID + "event/e3", "missing", ""),
        (ID + "event/e0", "article", "2017-09-23"),
        (ID + "event/e1", "text", "2017-09-22"),
        (ID + "event/e2", "text", "2018-03-15"),
    ]
    assert (dates[0]["eventType"], dates[0]["earliestPublished"]) == ("Visit", "2018-03-16")
    for source in ("missing", "article", "text", "TEXT"):
        filtered = rows(store, "quality-event-dates", source=source)
        assert filtered == [r for r in dates if r["dateSource"] == source.lower()], source


def test_quality_event_dates_rules() -> None:
    """How an event is dated, event by event: no date is "missing" whatever its
    kgo:dateSource; "text" from any article wins over "article"; a date without a
    source counts as read in the text."""
    data = """
    @prefix kgo: <https://w3id.org/intergov-kg/ontology#> .
    @prefix schema: <https://schema.org/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <https://x.org/both> a schema:Event ; schema:startDate "2020-01-02"^^xsd:date ;
        kgo:dateSource "article", "text" .
    <https://x.org/article> a schema:Event ; schema:startDate "2020-01-03"^^xsd:date ;
        kgo:dateSource "article" .
    <https://x.org/unsourced> a schema:Event ; schema:startDate "2020-01-01"^^xsd:date .
    <https://x.org/undated> a schema:Event ; kgo:dateSource "text" .
    """
    store = ox.Store()
    graph = ox.NamedNode("https://x.org/g")
    store.load(data.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=graph)
    query = (QUERY_DIR / "quality-event-dates.rq").read_text(encoding="utf-8")
    by_event = {row[0].value: row[4].value for row in run_local(store, query, {}).rows}
    assert by_event == {
        "https://x.org/undated": "missing",
        "https://x.org/article": "article",
        "https://x.org/unsourced": "text",
        "https://x.org/both": "text",
    }


def test_quality_low_confidence(store: ox.Store) -> None:
    evidence = rows(store, "quality-low-confidence")
    confidences = [float(r["confidence"]) for r in evidence]
    assert confidences == sorted(confidences)
    assert len(evidence) == 9 + 12  # every kgo:evidence link of the two articles
    weakest = evidence[0]
    assert (weakest["node"], weakest["confidence"], weakest["extractor"]) == (
        ID + "event/e3",
        "0.3",
        "ru",
    )
    assert weakest["evidence"] == ID + "evidence/ru1/e2"
    assert weakest["article"] == ID + "article/ru1"
    assert weakest["sentenceText"].startswith("Ожидается визит")
    assert rows(store, "quality-low-confidence", threshold="0.5") == [weakest]
    below = rows(store, "quality-low-confidence", threshold="0.75")
    assert [r["confidence"] for r in below] == ["0.3", "0.7", "0.7", "0.7"]
    assert rows(store, "quality-low-confidence", threshold="0.3") == []
    # The records to list are found through ?threshold first: an empty one lists all.
    assert rows(store, "quality-low-confidence", threshold="") == evidence


def test_quality_duplicate_candidates(store: ox.Store) -> None:
    names = rows(store, "quality-duplicate-candidates")
    shared = names[0]
    assert (shared["kindName"], shared["label"], shared["language"]) == (
        "Organization",
        "OECD",
        "en",
    )
    assert (shared["nodeCount"], shared["nodes"]) == ("2", f"{ID}org/oecd {ID}org/oesr")
    assert all(r["nodeCount"] == "1" for r in names[1:])
    # Without duplicates (persons) the query still lists every name, once each.
    persons = rows(store, "quality-duplicate-candidates", kind="Person")
    assert persons and all(r["nodeCount"] == "1" for r in persons)
    assert {r["label"] for r in persons} >= {"Alikhan Baimenov", "Анхель Гурриа"}
    assert [r["label"] for r in rows(store, "quality-duplicate-candidates", name="oecd")] == [
        "OECD"
    ]


def test_article_summary(store: ox.Store) -> None:
    summary = {r["article"]: r for r in rows(store, "article-summary")}
    assert summary[ID + "article/ru1"]["persons"] == "3"
    assert summary[ID + "article/ru1"]["events"] == "2"
    assert summary[ID + "article/kz1"]["memberships"] == "1"
    assert rows(store, "article-summary", language="ru") == [summary[ID + "article/ru1"]]
    window = rows(store, "article-summary", **{"from": "2017-09-23", "to": "2017-12-31"})
    assert [r["article"] for r in window] == [ID + "article/kz1"]


# ------------------------------------------------------------------ sort keys (speed)

# The sort keys the large listings use instead of sorting on stored terms (whose text
# Oxigraph reads from disk at every comparison): see the comment above their ORDER BY.
LABEL_KEY = '(CONCAT("~", STR(?x))) (IF(LANG(?x) = "", 1, 0)) (LANG(?x))'
IRI_KEY = '(CONCAT("~", STR(?x)))'
_SORTS_AS = re.compile(r"Sorts as `(ORDER BY [^`]+)` would")


def sorted_as(query: str) -> str | None:
    """The plain ORDER BY a query's final ORDER BY is documented to be equivalent to."""
    comments = " ".join(line.lstrip("# ") for line in query.splitlines() if line.startswith("#"))
    match = _SORTS_AS.search(comments)
    return match.group(1) if match else None


def term_rows(store: ox.Store, query: str, **params: str) -> list[list[str | None]]:
    """Rows as N-Triples terms: language tags and datatypes are compared too."""
    result = run_local(store, query, parse_params([f"{k}={v}" for k, v in params.items()]))
    return [[None if t is None else str(t) for t in row] for row in result.rows]


@pytest.mark.parametrize(
    "path", [p for p in QUERIES if sorted_as(p.read_text(encoding="utf-8"))], ids=lambda p: p.stem
)
def test_sort_keys_give_the_documented_order(store: ox.Store, path: Path) -> None:
    query = path.read_text(encoding="utf-8")
    plain = query[: query.rindex("\nORDER BY")] + "\n" + sorted_as(query)
    for lang in ("en", "ru"):
        assert term_rows(store, query, lang=lang) == term_rows(store, plain, lang=lang)


def test_label_and_iri_sort_keys_order_terms_as_oxigraph_does() -> None:
    """Same lexical form in several languages and plain, prefixes, case, non-ASCII and
    unbound values: the keys must reproduce ``ORDER BY ?x`` exactly."""
    literals = [
        '"a"', '"a"@en', '"a"@kk', '"a"@en-gb', '"A"@ru', '"ab"@en', '"a b"', '"a-"@kk',
        '"Ä"@kk', '"ä"', '"Астана"@kk', '"Астана"@ru', '"Астана"', '"астана"@en', '"b"',
    ]  # fmt: skip
    iris = ["<https://x.org/a>", "<https://x.org/a/b>", "<https://x.org/A>", "<https://x.org/ä>"]
    store = ox.Store()
    for terms, key in ((literals, LABEL_KEY), (iris, IRI_KEY)):
        values = " ".join(f"({t})" for t in reversed(terms)) + " (UNDEF)"
        query = f"SELECT ?x WHERE {{ VALUES (?x) {{ {values} }} }} ORDER BY "
        by_term = [[str(t) for t in row] for row in store.query(query + "?x")]
        by_key = [[str(t) for t in row] for row in store.query(query + key)]
        assert by_key == by_term


def test_provenance_plans_agree(store: ox.Store) -> None:
    """`provenance` runs one plan with ?entity and another without (see the query):
    an empty ?entity names every node and gives what no ?entity gives."""
    assert rows(store, "provenance", entity="") == rows(store, "provenance")
    assert rows(store, "provenance", entity="", lang="ru") == rows(store, "provenance", lang="ru")


def test_meetings_plans_agree(store: ox.Store) -> None:
    """`meetings` runs one plan with ?name and another without (see the query): an
    empty ?name names every attendee and gives what no ?name gives."""
    assert rows(store, "meetings", name="") == rows(store, "meetings")
    by_iri = rows(store, "meetings", name=f"<{ID}person/alikhan-baimenov>")
    assert by_iri and by_iri == rows(store, "meetings", name="Baimenov")
