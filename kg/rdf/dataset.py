"""Reading and writing RDF datasets: formats, canonical order, atomic files.

pyoxigraph does the parsing and serialization (it loads a million triples in seconds
where rdflib needs a minute); rdflib graphs from the builder are converted term by term.
Quads are always written sorted, with no blank nodes, so the same input gives a
byte-identical file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
EXTENSIONS = {
    ".trig": "trig",
    ".nq": "nq",
    ".nquads": "nq",
    ".ttl": "ttl",
    ".turtle": "ttl",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
GRAPH_FORMATS = ("ttl", "nt")  # formats without named graphs: graphs are merged


class DataError(Exception):
    """A dataset file cannot be read."""


@dataclass(frozen=True)
class Dataset:
    """What a reading command works on: an Oxigraph store whose named graphs hold the
    data.  With ``union_view`` its default graph is derived, the union of the named
    graphs as a set (``add_union_view``, or the one a kg store maintains): queries read
    it, while exports, pushes and validation leave it out, so that no triple is written
    or checked twice.  Without it the default graph, if any, is data like the others."""

    store: ox.Store
    union_view: bool = False

    def quads(self) -> Iterator[ox.Quad]:
        """The quads of the data, the derived union view excluded."""
        quads = self.store.quads_for_pattern(None, None, None, None)
        if not self.union_view:
            return iter(quads)
        return (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))

    def has_default_graph_data(self) -> bool:
        """Whether the default graph holds data of its own (not the union view)."""
        default = self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        return not self.union_view and next(iter(default), None) is not None

    def union_triples(self) -> Iterator[ox.Triple]:
        """The triples of all graphs; each once when the union view is there to read."""
        if self.union_view:
            default = self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            return (q.triple for q in default)
        return (q.triple for q in self.quads())


def format_for(
    path: str | os.PathLike[str], explicit: str | None = None, default: str | None = None
) -> str:
    """The format name given, else guessed from the file extension, else ``default``."""
    if explicit:
        if explicit not in FORMATS:
            raise DataError(f"unknown format {explicit!r} (choose from {', '.join(FORMATS)})")
        return explicit
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS and default:
        return default
    if suffix not in EXTENSIONS:
        raise DataError(
            f"{path}: cannot tell the RDF format from the extension {suffix or '(none)'!r}; "
            f"use --format ({', '.join(FORMATS)})"
        )
    return EXTENSIONS[suffix]


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """rdflib term → pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"unsupported term {term!r}")


def from_ox(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> Node:
    """pyoxigraph term → rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # rdflib tells "x" from "x"^^xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value)


def from_ox_triple(quad: ox.Quad | ox.Triple) -> tuple[Node, Node, Node]:
    # pyoxigraph types a subject or object as possibly an RDF-star triple: kg has none
    return (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))  # type: ignore[arg-type]


def graph_quads(graph: Graph, name: URIRef) -> list[ox.Quad]:
    """The triples of an rdflib graph as quads in the named graph ``name``."""
    g = ox.NamedNode(str(name))
    # rdflib types every position of a triple as any Node; kg's graphs are well formed
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]  # type: ignore[arg-type]


def sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def serialize(quads: Iterable[ox.Quad], out: BinaryIO, fmt: str, prefixes: dict[str, str]) -> None:
    """Write quads in ``fmt``, sorted (N-Quads line by line, the others grouped by graph
    and subject); triple-only formats get the union of the graphs."""
    if fmt in GRAPH_FORMATS:
        triples = sorted(
            {q.triple for q in quads},
            key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
        )
        ox.serialize(triples, out, FORMATS[fmt], prefixes=prefixes if fmt == "ttl" else None)
        return
    if fmt == "nq":  # canonical: one quad a line, lines in code-point order
        data = ox.serialize(set(quads), format=FORMATS[fmt])
        assert data is not None  # serialize() without an output returns the bytes
        lines = data.decode("utf-8").splitlines()
        out.write("".join(line + "\n" for line in sorted(lines)).encode("utf-8"))
        return
    ordered = sorted(set(quads), key=sort_key)
    use_prefixes = prefixes if fmt in ("trig", "jsonld") else None
    ox.serialize(ordered, out, FORMATS[fmt], prefixes=use_prefixes)


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Write through a temporary file in the same directory, then rename: readers never
    see a half-written file, and a failure leaves an existing file as it was."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(tmp, _file_mode(target))
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode(target: Path) -> int:
    """The mode a plainly created file would get (mkstemp makes 0600): the existing
    file's mode, else 0666 less the umask."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_dataset(
    quads: Iterable[ox.Quad], path: str | os.PathLike[str], fmt: str, prefixes: dict[str, str]
) -> None:
    quads = list(quads)
    atomic_write(path, lambda out: serialize(quads, out, fmt, prefixes))


def load_store(
    path: str | os.PathLike[str], fmt: str | None = None, *, union_view: bool = False
) -> ox.Store:
    """Load a dataset file into an in-memory Oxigraph store.

    With ``union_view`` the default graph receives the union of all named graphs, as a
    set (see ``add_union_view``): what queries should read.
    """
    p = Path(path)
    if not p.is_file():
        raise DataError(f"{path}: no such file")
    name = format_for(p, fmt)
    store = ox.Store()
    try:
        store.bulk_load(path=str(p), format=FORMATS[name])
    except (SyntaxError, ValueError, OSError) as exc:
        raise DataError(f"{path}: not valid {name.upper()}: {exc}") from exc
    if union_view:
        add_union_view(store)
    return store


def add_union_view(store: ox.Store) -> None:
    """Copy every triple of every named graph into the default graph, once.

    Oxigraph's union default graph yields a triple once per graph that holds it, and an
    entity's type and labels sit in every article graph that mentions it: joins over
    them multiply rows with the number of articles (a 96k-quad dataset made a shipped
    query run for minutes).  The default graph is a set, so querying it gives each
    triple once; GRAPH clauses still see the article graphs.
    """
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def dataset_to_rdflib(dataset: Dataset) -> Graph:
    """The union of all graphs of ``dataset`` as one rdflib graph (for pySHACL)."""
    data = ox.serialize(dataset.union_triples(), format=ox.RdfFormat.N_TRIPLES)
    graph = Graph()
    graph.parse(data=data, format="nt")
    return graph
