"""``kg build --store``: the build pipeline writing into an embedded store.

Articles are validated in batches as in a file build; each validated batch is then
written to the store in one transaction (its graphs and the entities it names), so an
interrupted build keeps every batch written before the interruption and nothing of the
batch it was in.  At the end, the nodes that other graphs of the store also describe are
validated with all their triples — what merging can break — as a file build does.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.pipeline import VALIDATION_BATCH, Builder, BuildOptions, BuildResult, BuiltArticle
from kg.rdf.build import EntityIndex
from kg.rdf.dataset import from_ox_triple, graph_quads
from kg.store.dataset_store import ArticleGraph, KgStore
from kg.store.entity_index import Contribution
from kg.validate import merged_shapes_graph, validate_graph


class StoreBuilder(Builder):
    """A ``Builder`` whose accepted articles go to a ``KgStore`` batch by batch."""

    def __init__(self, options: BuildOptions, store: KgStore) -> None:
        super().__init__(options)
        self.store = store
        self._batch: list[ArticleGraph] = []
        self._written: set[URIRef] = set()  # nodes described by the articles of this run
        # the persons already in the store keep their nodes; new names join them
        prefix = str(self.minter.person("x"))[:-1]
        for entity, name, count in store.index.names_under(prefix):
            self.resolver.persons.pin(name, entity.removeprefix(prefix), count)

    def _accept(self, built: BuiltArticle) -> None:
        article_index = EntityIndex()
        article_index.add(built.resolved)
        subjects = {s for s in built.graph.subjects() if isinstance(s, URIRef)}
        graph_iri = self.minter.article_graph(built.article.id)
        self._batch.append(
            ArticleGraph(
                built.article.id,
                graph_quads(built.graph, graph_iri),
                Contribution.of(article_index, subjects),
            )
        )
        self._written |= subjects
        self._count(built.graph)
        if len(self._batch) >= VALIDATION_BATCH:
            self._write()

    def _flush(self) -> None:
        super()._flush()
        self._write()

    def _write(self) -> None:
        batch, self._batch = self._batch, []
        self.store.apply(batch)

    def finish(self) -> BuildResult:
        self._build_all()
        self._flush()
        if self.options.validate and self.result.articles:
            self.result.dataset_report = validate_graph(self._merged_nodes(), merged_shapes_graph())
        counts = {name: len(nodes) for name, nodes in self._distinct.items()}
        self.result.counts = dict(counts, articles=self.result.articles)
        return self.result

    def _merged_nodes(self) -> Graph:
        """All triples of the nodes this run wrote that another graph also describes."""
        delta = Graph()
        for node in self._written:
            quads = [
                q
                for q in self.store.data.quads_for_pattern(ox.NamedNode(str(node)), None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph)  # the union view
            ]
            if len({q.graph_name for q in quads}) > 1:
                for quad in quads:
                    delta.add(from_ox_triple(quad))
        return delta
