"""Vocabularies used in the data (see docs/data-model.md)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

KGO = Namespace("https://w3id.org/intergov-kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")

DEFAULT_BASE = "https://w3id.org/intergov-kg/id/"

PREFIXES: dict[str, str] = {
    "kgo": str(KGO),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "time": str(TIME),
    "wd": str(WD),
}


def prefixes_with_base(base: str) -> dict[str, str]:
    """All prefixes plus ``id:`` for the dataset's base IRI."""
    return {**PREFIXES, "id": base}
