"""The build pipeline: read → detect language → map → resolve → build RDF → validate.

``build_dataset`` is what ``kg build`` runs; it reports every problem with the input it
concerns and goes on with the other inputs.  Writing the output is left to the caller,
which decides (from ``BuildResult.ok``) whether a run with problems may replace it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef

from kg.gazetteer import Gazetteer
from kg.mappers import UnsupportedLanguage, get_mapper
from kg.model import Article, Extraction
from kg.names.overrides import Overrides
from kg.rdf.build import EntityIndex, build_article_graph
from kg.rdf.dataset import from_ox_triple, graph_quads
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE, ORG, SCHEMA
from kg.readers import DEFAULT_MAX_BYTES, ReadProblem, read_inputs
from kg.resolve import ResolvedExtraction, Resolver
from kg.validate import ValidationReport, format_report, merged_shapes_graph, validate_graph


@dataclass(frozen=True)
class BuildOptions:
    base: str = DEFAULT_BASE
    lang: str | None = None  # None: detect per article
    validate: bool = True
    max_bytes: int | None = None
    overrides: Overrides = field(default_factory=Overrides)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input; ``fatal`` ones mean the input was skipped."""

    source: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class BuildResult:
    quads: list[ox.Quad] = field(default_factory=list)
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    dataset_report: ValidationReport | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def failed_inputs(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]

    @property
    def ok(self) -> bool:
        dataset_ok = self.dataset_report is None or self.dataset_report.conforms
        return not self.failed_inputs and dataset_ok


# (stage, source): "read" as each input is read and mapped, "built" as each article is
# resolved, built and validated at the end
ProgressCallback = Callable[[str, str], None]
VALIDATION_BATCH = 32
# what the build summary counts: distinct nodes of these classes
_COUNTED = {
    "persons": SCHEMA.Person,
    "organizations": ORG.Organization,
    "memberships": ORG.Membership,
    "events": SCHEMA.Event,
}


@dataclass(frozen=True)
class BuiltArticle:
    article: Article
    resolved: ResolvedExtraction
    graph: Graph


class Builder:
    """Maps articles as they come, then resolves and builds them all at the end.

    Resolution needs every article's names first (``Ә.Байменов`` in one article is
    ``Alikhan Baimenov`` of another only if the dataset has no other A. Baimenov), so
    ``add`` maps and keeps the extraction, and ``finish`` resolves, builds and validates.
    """

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.minter = IriMinter(options.base)
        self.gazetteer = Gazetteer.default()
        self.resolver = Resolver(self.minter, self.gazetteer, options.overrides)
        self._extracted: list[Extraction] = []
        self.progress: ProgressCallback | None = None
        self.index = EntityIndex()
        self.result = BuildResult()
        self._seen: set[str] = set()
        self._occurrences: Counter[URIRef] = Counter()  # article graphs describing a node
        self._pending: list[BuiltArticle] = []
        self._distinct: dict[str, set[URIRef]] = {name: set() for name in _COUNTED}

    def extract(self, article: Article) -> Extraction:
        lang = self.options.lang or article.language
        if not lang:
            raise UnsupportedLanguage("could not detect language (use --lang)")
        return get_mapper(lang).extract(article)

    def add(self, article: Article) -> None:
        """Map one article; it is resolved, built and validated by ``finish``."""
        if article.id in self._seen:
            self.result.problems.append(
                Problem(
                    article.source,
                    f"same article as an earlier input (id {article.id}); skipped",
                    fatal=False,
                )
            )
            return
        self._seen.add(article.id)
        try:
            extraction = self.extract(article)
        except UnsupportedLanguage as exc:
            self.result.problems.append(Problem(article.source, str(exc)))
            return
        if article.published is None:
            self.result.problems.append(
                Problem(
                    article.source,
                    "no publication date: its events are undated unless the text dates them",
                    fatal=False,
                )
            )
        self.resolver.observe(extraction)
        self._extracted.append(extraction)

    def _build_all(self) -> None:
        """Resolve and build the mapped articles; each joins the dataset once its batch
        has been validated (or at once with validation off)."""
        extracted, self._extracted = self._extracted, []
        for extraction in extracted:
            resolved = self.resolver.resolve(extraction)
            graph = build_article_graph(resolved, self.minter)
            built = BuiltArticle(extraction.article, resolved, graph)
            if self.progress:
                self.progress("built", extraction.article.source)
            if not self.options.validate:
                self._accept(built)
                continue
            self._pending.append(built)
            if len(self._pending) >= VALIDATION_BATCH:
                self._flush()

    def _flush(self) -> None:
        """Validate the pending article graphs together (pySHACL's cost per triple is
        about half on one larger graph); only when the batch fails is each article
        validated alone, to name the one at fault."""
        batch, self._pending = self._pending, []
        if not batch:
            return
        union = Graph()
        for built in batch:
            union += built.graph
        if validate_graph(union).conforms:
            for built in batch:
                self._accept(built)
            return
        for built in batch:
            report = validate_graph(built.graph)
            if report.conforms:
                self._accept(built)
                continue
            detail = format_report(report, limit=5).replace("\n", "\n    ")
            message = f"article graph fails SHACL validation:\n    {detail}"
            self.result.problems.append(Problem(built.article.source, message))

    def _accept(self, built: BuiltArticle) -> None:
        graph = built.graph
        self.index.add(built.resolved)
        self.result.quads.extend(graph_quads(graph, self.minter.article_graph(built.article.id)))
        self._occurrences.update({s for s in graph.subjects() if isinstance(s, URIRef)})
        self._count(graph)

    def _count(self, graph: Graph) -> None:
        """Count the article and the distinct nodes it adds, for the build summary."""
        self.result.articles += 1
        for name, cls in _COUNTED.items():
            self._distinct[name].update(
                s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)
            )

    def finish(self) -> BuildResult:
        """Build the articles, add the entities graph and validate the whole dataset."""
        self._build_all()
        self._flush()
        entities = self.index.graph(set(self._occurrences), self.minter, self.gazetteer)
        self.result.quads.extend(graph_quads(entities, self.minter.entities_graph()))
        if self.options.validate and self.result.articles:
            self.result.dataset_report = self._validate_merged(entities)
        counts = {name: len(nodes) for name, nodes in self._distinct.items()}
        self.result.counts = dict(counts, articles=self.result.articles)
        return self.result

    def _validate_merged(self, entities: Graph) -> ValidationReport:
        """Validate what merging the graphs can change.

        Every node described by one article graph only was validated with exactly the
        triples it has in the dataset.  What remains are the nodes several graphs
        describe (the entities graph included): they are validated with all their
        triples against the constraints merging can break (``merged_shapes_graph``).
        The cost grows with the number of shared entities, not with the corpus.
        """
        merged = {s for s, n in self._occurrences.items() if n > 1}
        merged.update(s for s in entities.subjects() if isinstance(s, URIRef))
        merged_ox = {ox.NamedNode(str(iri)) for iri in merged}
        delta = Graph()
        for quad in self.result.quads:
            if quad.subject in merged_ox:
                delta.add(from_ox_triple(quad))
        return validate_graph(delta, merged_shapes_graph())


def build_dataset(
    inputs: Sequence[str],
    options: BuildOptions,
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
    builder: Builder | None = None,
) -> BuildResult:
    """Run the whole pipeline over ``inputs`` (files, directories, ``-``); ``builder``
    decides where the graphs go (default: ``BuildResult.quads``)."""
    builder = builder or Builder(options)
    builder.progress = progress
    max_bytes = DEFAULT_MAX_BYTES if options.max_bytes is None else options.max_bytes
    for item in read_inputs(inputs, lang=options.lang, stdin=stdin, max_bytes=max_bytes):
        if isinstance(item, ReadProblem):
            builder.result.problems.append(Problem(item.location, item.message, item.fatal))
            continue
        builder.add(item)
        if progress:
            progress("read", item.source)
    return builder.finish()
