import io

import pyoxigraph as ox
from helpers import kazakh_article, kazakh_extraction
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS

from kg.rdf.build import EntityIndex, build_article_graph
from kg.rdf.dataset import graph_quads, serialize
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import KGO, SCHEMA
from kg.resolve import Resolver
from kg.validate import validate_graph

BASE = "https://example.org/id/"
MINTER = IriMinter(BASE)


def _graph(article=None):
    resolved = Resolver(MINTER).resolve(kazakh_extraction(article))
    return resolved, build_article_graph(resolved, MINTER)


def test_article_graph_conforms_to_the_shapes() -> None:
    _, graph = _graph()
    report = validate_graph(graph)
    assert report.conforms, report.summary()


def test_every_fact_node_points_to_its_article_and_sentence() -> None:
    _, graph = _graph()
    article = URIRef(BASE + "article/test-kk-1")
    facts = set(graph.subjects(RDF.type, ORG.Membership)) | set(
        graph.subjects(RDF.type, SCHEMA.Event)
    )
    assert len(facts) == 4  # three memberships and one meeting
    for node in facts:
        assert (node, PROV.wasDerivedFrom, article) in graph
        evidence = graph.value(node, KGO.evidence)
        sentence = graph.value(evidence, KGO.sentence)
        assert "кездесті" in str(graph.value(sentence, RDF.value)) or "бұрын" in str(
            graph.value(sentence, RDF.value)
        )


def test_unit_is_sub_organization_of_the_hub_and_labels_are_language_tagged() -> None:
    _, graph = _graph()
    unit = URIRef(BASE + "org/acsh/steering-committee")
    assert (unit, ORG.subOrganizationOf, URIRef(BASE + "org/acsh")) in graph
    assert (unit, RDF.type, ORG.OrganizationalUnit) in graph
    for label in graph.objects(None, RDFS.label):
        assert isinstance(label, Literal) and label.language


def test_former_post_is_marked() -> None:
    _, graph = _graph()
    former = [m for m in graph.subjects(KGO.postStatus, KGO.FormerPost)]
    assert len(former) == 1
    assert graph.value(former[0], ORG.organization) == URIRef(BASE + "org/oecd")


def test_event_takes_the_article_date_and_says_so() -> None:
    _, graph = _graph()
    meeting = next(graph.subjects(RDF.type, KGO.Meeting))
    assert str(graph.value(meeting, SCHEMA.startDate)) == "2017-09-22"
    assert str(graph.value(meeting, KGO.dateSource)) == "article"
    assert graph.value(meeting, SCHEMA.location) == URIRef(BASE + "place/seoul")


def _nquads(article=None) -> bytes:
    _, graph = _graph(article)
    out = io.BytesIO()
    serialize(graph_quads(graph, MINTER.article_graph("test-kk-1")), out, "nq", {})
    return out.getvalue()


def test_same_input_gives_byte_identical_nquads() -> None:
    assert _nquads() == _nquads()


def test_entities_graph_has_one_preferred_label_per_language() -> None:
    resolved, graph = _graph()
    index = EntityIndex()
    index.add(resolved)
    index.add(Resolver(MINTER).resolve(kazakh_extraction(kazakh_article(id="other"))))
    present = {s for s in graph.subjects() if isinstance(s, URIRef)}
    from kg.gazetteer import Gazetteer

    entities = index.graph(present, MINTER, Gazetteer.default())
    oecd = URIRef(BASE + "org/oecd")
    pref = {lit.language: str(lit) for lit in entities.objects(oecd, SKOS.prefLabel)}
    assert pref["en"] == "Organisation for Economic Co-operation and Development"
    assert pref["kk"] == "Экономикалық ынтымақтастық және даму ұйымы"
    assert str(entities.value(oecd, URIRef("http://www.w3.org/2002/07/owl#sameAs"))).endswith(
        "Q41550"
    )
    for node in set(entities.subjects()):
        langs = [lit.language for lit in entities.objects(node, SKOS.prefLabel)]
        assert len(langs) == len(set(langs))


def test_quads_load_into_oxigraph() -> None:
    store = ox.Store()
    store.load(_nquads(), format=ox.RdfFormat.N_QUADS)
    assert len(store) > 50


def test_mention_offsets_lie_inside_their_sentence() -> None:
    _, graph = _graph()
    checked = 0
    for evidence in graph.subjects(RDF.type, KGO.Evidence):
        start = graph.value(evidence, KGO.startOffset)
        if start is None:
            continue
        sentence = graph.value(evidence, KGO.sentence)
        assert int(graph.value(sentence, KGO.startOffset)) <= int(start)
        assert int(graph.value(evidence, KGO.endOffset)) <= int(
            graph.value(sentence, KGO.endOffset)
        )
        checked += 1
    assert checked >= 8
