"""SHACL shapes (shapes/kg-shapes.ttl) and ontology (ontology/kg.ttl) against hand-written data.

The valid sample follows docs/data-model.md: one Kazakh article graph in which a person
chairs a committee of an intergovernmental organization and attends a conference in
Seoul that is part of a larger forum.  Each broken variant changes one thing and must
produce the shape's message with the expected severity.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SH

from kg.validate import hoist_property_shapes

ROOT = Path(__file__).parents[1]
SHAPES_PATH = ROOT / "shapes" / "kg-shapes.ttl"
ONTOLOGY_PATH = ROOT / "ontology" / "kg.ttl"

KGO = Namespace("https://w3id.org/intergov-kg/ontology#")
ID = Namespace("https://w3id.org/intergov-kg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

PREFIXES = """\
@base <https://w3id.org/intergov-kg/id/> .
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
"""

# Contents of <graph/article/kz-2017-0922> (one article graph, valid on its own).
# Text = title + "\n\n" + body; sentence 0 is the title (0..49), sentence 51 the body.
ARTICLE_TTL = (
    PREFIXES
    + """
<article/kz-2017-0922> a schema:NewsArticle ;
    schema:headline "Алихан Байменов Сеулдегі жаһандық форумға қатысты"@kk ;
    schema:inLanguage "kk" ;
    schema:datePublished "2017-09-23"^^xsd:date ;
    dcterms:identifier "kz-2017-0922" ;
    dcterms:source "examples/kk/2017-09-23-hub.json" ;
    schema:url <https://example.kz/news/2017/09/23/hub> .

<sentence/kz-2017-0922/0> a kgo:Sentence ;
    rdf:value "Алихан Байменов Сеулдегі жаһандық форумға қатысты"@kk ;
    kgo:startOffset 0 ; kgo:endOffset 49 ;
    dcterms:isPartOf <article/kz-2017-0922> .

<sentence/kz-2017-0922/51> a kgo:Sentence ;
    rdf:value "Астана халықаралық хабының Басқарушы комитетінің төрағасы Алихан Байменов \
2017 жылғы 22 қыркүйекте Сеулде өткен конференцияға қатысты."@kk ;
    kgo:startOffset 51 ; kgo:endOffset 185 ;
    dcterms:isPartOf <article/kz-2017-0922> .

# --- evidence (one per extracted node) ---------------------------------------
<evidence/kz-2017-0922/p1> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/51> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.95 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" ;
    kgo:mentionText "Алихан Байменов" ; kgo:startOffset 109 ; kgo:endOffset 124 .
<evidence/kz-2017-0922/o1> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/51> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.9 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" ;
    kgo:mentionText "Астана халықаралық хабының" ; kgo:startOffset 51 ; kgo:endOffset 77 .
<evidence/kz-2017-0922/o2> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/51> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.8 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" ;
    kgo:mentionText "Басқарушы комитетінің" ; kgo:startOffset 78 ; kgo:endOffset 99 .
<evidence/kz-2017-0922/o3> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/51> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.7 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" .
<evidence/kz-2017-0922/l1> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/51> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.9 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" ;
    kgo:mentionText "Сеулде" ; kgo:startOffset 150 ; kgo:endOffset 156 .
<evidence/kz-2017-0922/m1> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/51> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.85 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" .
<evidence/kz-2017-0922/e1> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/51> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.75 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" .
<evidence/kz-2017-0922/e0> a kgo:Evidence ;
    kgo:sentence <sentence/kz-2017-0922/0> ; prov:wasDerivedFrom <article/kz-2017-0922> ;
    kgo:confidence 0.7 ; kgo:extractor "kk" ; kgo:extractorVersion "0.1.0" ;
    kgo:mentionText "жаһандық форумға" ; kgo:startOffset 25 ; kgo:endOffset 41 .

# --- entities -----------------------------------------------------------------
<person/alikhan-baimenov> a schema:Person , foaf:Person ;
    rdfs:label "Алихан Байменов"@kk ; foaf:name "Алихан Байменов"@kk ;
    skos:altLabel "Байменов"@kk ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/p1> .

<org/astana-hub> a org:Organization , kgo:IntergovernmentalOrganization ;
    rdfs:label "Астана халықаралық мемлекеттік қызмет хабы"@kk ;
    skos:notation "ACSH" ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/o1> .

<org/astana-hub/steering-committee> a org:Organization , org:OrganizationalUnit ;
    rdfs:label "Басқарушы комитет"@kk ;
    org:subOrganizationOf <org/astana-hub> ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/o2> .

<country/kr> a org:Organization , kgo:State , schema:Country ;
    rdfs:label "Корея Республикасы"@kk ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/o3> .

<place/seoul> a schema:Place , schema:City ;
    rdfs:label "Сеул"@kk ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/l1> .

<role/chair> a org:Role ;
    rdfs:label "төраға"@kk , "chair"@en ; skos:notation "chair" .

<membership/3f2a9c> a org:Membership ;
    org:member <person/alikhan-baimenov> ;
    org:organization <org/astana-hub/steering-committee> ;
    org:role <role/chair> ;
    kgo:roleLabel "төраға"@kk ;
    kgo:postStatus kgo:CurrentPost ;
    rdfs:label "Алихан Байменов — Басқарушы комитет, төраға"@kk ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/m1> .

<event/9d41e0> a schema:Event , kgo:Conference ;
    schema:name "Мемлекеттік қызмет жөніндегі конференция"@kk ;
    rdfs:label "Мемлекеттік қызмет жөніндегі конференция"@kk ;
    schema:startDate "2017-09-22"^^xsd:date ; kgo:dateSource "text" ;
    schema:location <place/seoul> ;
    schema:attendee <person/alikhan-baimenov> , <org/astana-hub> , <country/kr> ;
    schema:organizer <org/astana-hub> ;
    schema:superEvent <event/51c7aa> ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/e1> .

<event/51c7aa> a schema:Event , kgo:Conference ;
    schema:name "Жаһандық форум"@kk ; rdfs:label "Жаһандық форум"@kk ;
    schema:startDate "2017-09-22"^^xsd:date ; kgo:dateSource "article" ;
    schema:location <country/kr> ;
    prov:wasDerivedFrom <article/kz-2017-0922> ; kgo:evidence <evidence/kz-2017-0922/e0> .
"""
)

# Contents of <graph/entities> for the same dataset (only valid in the union).
ENTITIES_TTL = (
    PREFIXES
    + """
<person/alikhan-baimenov> skos:prefLabel "Алихан Байменов"@kk , "Alikhan Baimenov"@en ,
    "Алихан Байменов"@ru ; owl:sameAs <http://www.wikidata.org/entity/Q4092227> .
<org/astana-hub> skos:prefLabel "Astana Civil Service Hub"@en ;
    skos:altLabel "Астанинский хаб государственной службы"@ru .
<place/seoul> skos:prefLabel "Seoul"@en , "Сеул"@kk ;
    owl:sameAs <http://www.wikidata.org/entity/Q8684> .
"""
)

PERSON = ID["person/alikhan-baimenov"]
ARTICLE = ID["article/kz-2017-0922"]
MEMBERSHIP = ID["membership/3f2a9c"]
EVENT = ID["event/9d41e0"]
PLACE = ID["place/seoul"]
EVIDENCE = ID["evidence/kz-2017-0922/p1"]


@pytest.fixture(scope="module", params=["as-written", "hoisted"])
def shapes(request: pytest.FixtureRequest) -> Graph:
    """The shapes as written, and as kg.validate runs them (property shapes given their
    node shapes' targets): every test runs on both, so the two must agree."""
    graph = Graph().parse(SHAPES_PATH, format="turtle")
    return graph if request.param == "as-written" else hoist_property_shapes(graph)


def article_graph() -> Graph:
    return Graph().parse(data=ARTICLE_TTL, format="turtle")


def validate(data: Graph, shapes: Graph) -> tuple[bool, set[tuple[URIRef, str]], Graph]:
    """Validate; return conforms, {(severity, English message)} and the report graph."""
    conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
    )
    results = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        for message in report.objects(result, SH.resultMessage):
            if isinstance(message, Literal) and message.language in (None, "en"):
                results.add((severity, str(message)))
    return bool(conforms), results, report


def severities(results: set[tuple[URIRef, str]]) -> set[URIRef]:
    return {severity for severity, _ in results}


# ----------------------------------------------------------------------------- files


def test_shapes_file_parses_and_is_valid_shacl(shapes: Graph) -> None:
    assert len(shapes) > 100
    # Validate the shapes graph against the SHACL-SHACL meta-shapes.
    conforms, _report, text = pyshacl.validate(
        article_graph(), shacl_graph=shapes, inference="none", meta_shacl=True
    )
    assert conforms, text


def test_every_shape_constraint_has_a_message(shapes: Graph) -> None:
    parameters = {
        SH.minCount,
        SH.maxCount,
        SH.datatype,
        SH["class"],
        SH.nodeKind,
        SH["or"],
        SH["in"],
        SH.hasValue,
        SH.uniqueLang,
        SH.minInclusive,
        SH.maxInclusive,
        SH.lessThan,
        SH.equals,
        SH.disjoint,
        SH.pattern,
        SH.minLength,
        SH.select,
    }
    constrained = {s for p in parameters for s in shapes.subjects(p, None)}
    # Shapes nested inside sh:or lists are blank nodes: their parent shape has the message.
    named = {s for s in constrained if isinstance(s, URIRef)}
    assert len(named) > 40
    missing = sorted(str(s) for s in named if (s, SH.message, None) not in shapes)
    assert missing == []


def test_ontology_loads_in_rdflib_and_pyoxigraph() -> None:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    assert (URIRef("https://w3id.org/intergov-kg/ontology"), RDF.type, OWL.Ontology) in g
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)


def test_ontology_terms_are_labelled_in_three_languages() -> None:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and s.startswith(str(KGO))}
    expected = {
        "IntergovernmentalOrganization",
        "GovernmentBody",
        "State",
        "Meeting",
        "Conference",
        "Visit",
        "AgreementSigning",
        "Sentence",
        "Evidence",
        "PostStatus",
        "CurrentPost",
        "FormerPost",
        "NewlyAppointed",
        "ActingPost",
        "evidence",
        "sentence",
        "confidence",
        "extractor",
        "extractorVersion",
        "mentionText",
        "startOffset",
        "endOffset",
        "roleLabel",
        "postStatus",
        "dateSource",
    }
    assert {KGO[name] for name in expected} <= terms
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(term, prop)}
            assert {"en", "ru", "kk"} <= langs, f"{term} {prop}"


# ----------------------------------------------------------------------------- valid data


def test_valid_article_graph_conforms(shapes: Graph) -> None:
    conforms, results, report = validate(article_graph(), shapes)
    assert conforms, report.serialize(format="turtle")
    assert results == set()


def test_valid_union_with_entities_graph_conforms(shapes: Graph) -> None:
    union = article_graph()
    union.parse(data=ENTITIES_TTL, format="turtle")
    conforms, results, report = validate(union, shapes)
    assert conforms, report.serialize(format="turtle")
    assert results == set()


# ----------------------------------------------------------------------------- broken data


def assert_result(shapes: Graph, data: Graph, message: str, severity: URIRef) -> None:
    conforms, results, report = validate(data, shapes)
    assert (severity, message) in results, report.serialize(format="turtle")
    assert conforms is (severity != SH.Violation)


def test_membership_member_must_not_be_a_place(shapes: Graph) -> None:
    g = article_graph()
    g.set((MEMBERSHIP, ORG.member, PLACE))
    assert_result(
        shapes, g, "org:member must be a schema:Person or an org:Organization.", SH.Violation
    )


def test_event_date_must_be_xsd_date(shapes: Graph) -> None:
    g = article_graph()
    g.set((EVENT, SCHEMA.startDate, Literal("2017-09-22")))
    assert_result(shapes, g, "schema:startDate must be a single xsd:date.", SH.Violation)


def test_label_needs_language_tag(shapes: Graph) -> None:
    g = article_graph()
    g.add((PERSON, RDFS.label, Literal("Alikhan Baimenov")))
    assert_result(
        shapes,
        g,
        "rdfs:label must be a non-empty language-tagged string (rdf:langString).",
        SH.Violation,
    )


def test_fact_needs_prov_was_derived_from(shapes: Graph) -> None:
    g = article_graph()
    g.remove((MEMBERSHIP, PROV.wasDerivedFrom, None))
    assert_result(
        shapes,
        g,
        "An extracted node needs at least one prov:wasDerivedFrom link to its article.",
        SH.Violation,
    )


def test_fact_derived_from_must_be_an_article(shapes: Graph) -> None:
    g = article_graph()
    g.set((EVENT, PROV.wasDerivedFrom, PLACE))
    assert_result(
        shapes, g, "prov:wasDerivedFrom must point to a schema:NewsArticle IRI.", SH.Violation
    )


def test_article_needs_source_or_url(shapes: Graph) -> None:
    g = article_graph()
    g.remove((ARTICLE, DCTERMS.source, None))
    g.remove((ARTICLE, SCHEMA.url, None))
    assert_result(
        shapes,
        g,
        "An article needs dcterms:source or schema:url (at least one of the two).",
        SH.Violation,
    )


@pytest.mark.parametrize("drop", [DCTERMS.source, SCHEMA.url])
def test_article_with_only_one_locator_conforms(shapes: Graph, drop: URIRef) -> None:
    g = article_graph()
    g.remove((ARTICLE, drop, None))
    conforms, results, _ = validate(g, shapes)
    assert conforms and results == set()


def test_confidence_must_be_at_most_one(shapes: Graph) -> None:
    g = article_graph()
    g.set((EVIDENCE, KGO.confidence, Literal("1.7", datatype=XSD_DECIMAL)))
    assert_result(shapes, g, "kgo:confidence must be between 0 and 1 inclusive.", SH.Violation)


def test_two_pref_labels_in_one_language(shapes: Graph) -> None:
    g = article_graph()
    g.add((PERSON, SKOS.prefLabel, Literal("Alikhan Baimenov", lang="en")))
    g.add((PERSON, SKOS.prefLabel, Literal("Alikhan Baymenov", lang="en")))
    assert_result(shapes, g, "At most one skos:prefLabel per language.", SH.Violation)


def test_blank_node_person_is_rejected(shapes: Graph) -> None:
    g = Graph().parse(
        data=PREFIXES + "[] a schema:Person, foaf:Person ; rdfs:label 'X'@en ; foaf:name 'X'@en .",
        format="turtle",
    )
    assert_result(shapes, g, "A person must be an IRI, not a blank node.", SH.Violation)


def test_subclass_typed_event_needs_base_type(shapes: Graph) -> None:
    g = article_graph()
    g.remove((EVENT, RDF.type, SCHEMA.Event))
    assert_result(
        shapes,
        g,
        "A node typed with an event subclass must also be typed schema:Event explicitly.",
        SH.Violation,
    )


def test_event_without_date_is_only_a_warning(shapes: Graph) -> None:
    g = article_graph()
    g.remove((EVENT, SCHEMA.startDate, None))
    g.remove((EVENT, KGO.dateSource, None))
    conforms, results, _ = validate(g, shapes)
    assert conforms is True
    assert results == {(SH.Warning, "The event has no schema:startDate.")}


def test_date_source_without_date_is_a_violation(shapes: Graph) -> None:
    g = article_graph()
    g.remove((EVENT, SCHEMA.startDate, None))
    assert_result(
        shapes, g, "An event with kgo:dateSource must have a schema:startDate.", SH.Violation
    )


def test_event_without_location_is_info(shapes: Graph) -> None:
    g = article_graph()
    g.remove((EVENT, SCHEMA.location, None))
    conforms, results, _ = validate(g, shapes)
    assert conforms is True
    assert results == {(SH.Info, "The event has no schema:location.")}


def test_article_without_date_is_a_warning(shapes: Graph) -> None:
    g = article_graph()
    g.remove((ARTICLE, SCHEMA.datePublished, None))
    assert_result(
        shapes,
        g,
        "The article has no schema:datePublished; post statuses and event dates cannot be "
        "anchored in time.",
        SH.Warning,
    )


def test_post_status_must_be_a_known_individual(shapes: Graph) -> None:
    g = article_graph()
    g.set((MEMBERSHIP, KGO.postStatus, KGO.Retired))
    assert_result(
        shapes,
        g,
        "kgo:postStatus is required and must be one of kgo:CurrentPost, kgo:FormerPost, "
        "kgo:NewlyAppointed, kgo:ActingPost.",
        SH.Violation,
    )


def test_negative_or_reversed_offsets(shapes: Graph) -> None:
    g = article_graph()
    sentence = ID["sentence/kz-2017-0922/51"]
    g.set((sentence, KGO.endOffset, Literal(10)))
    assert_result(shapes, g, "kgo:startOffset must be less than kgo:endOffset.", SH.Violation)
