"""Deterministic IRIs: the same thing always gets the same IRI, in any run.

No blank nodes and no counters: identities are built from names, gazetteer ids and
hashes of the facts, so re-running a build, or building articles in another order,
gives the same dataset.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.translit import slugify


def short_hash(*parts: str, length: int = 16) -> str:
    """Hex digest of the parts (joined by a separator that cannot appear in them)."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:length]


class IriMinter:
    """Makes data IRIs under one base IRI (``--base``)."""

    def __init__(self, base: str) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def node(self, reference: str) -> URIRef:
        """A node named by the user: a full IRI, or a path under the base IRI
        (``person/alikhan-baimenov``)."""
        if "://" in reference or reference.startswith("urn:"):
            return URIRef(reference)
        return self._iri(reference.lstrip("/"))

    def article(self, article_id: str) -> URIRef:
        return self._iri(f"article/{article_id}")

    def article_graph(self, article_id: str) -> URIRef:
        return self._iri(f"graph/article/{article_id}")

    def entities_graph(self) -> URIRef:
        return self._iri("graph/entities")

    def sentence(self, article_id: str, start: int) -> URIRef:
        return self._iri(f"sentence/{article_id}/{start}")

    def evidence(self, article_id: str, node: str, start: int, end: int) -> URIRef:
        return self._iri(f"evidence/{article_id}/{short_hash(node, str(start), str(end))}")

    def person(self, name: str) -> URIRef:
        return self._iri(f"person/{slugify(name)}")

    def organization(self, key: str) -> URIRef:
        """``key`` is a gazetteer id or a slug path (``acsh/steering-committee``)."""
        return self._iri(f"org/{key}")

    def country(self, iso2: str) -> URIRef:
        return self._iri(f"country/{iso2.lower()}")

    def place(self, key: str) -> URIRef:
        return self._iri(f"place/{key}")

    def role(self, key: str) -> URIRef:
        return self._iri(f"role/{key}")

    def membership(self, member: str, organization: str, role: str) -> URIRef:
        return self._iri(f"membership/{short_hash(member, organization, role)}")

    def event(self, *identity: str) -> URIRef:
        return self._iri(f"event/{short_hash(*identity)}")
