"""Replace the server's copy of each graph with ours, one atomic step per graph.

With the Graph Store Protocol, each graph is one ``PUT`` (the server swaps the graph's
content in one transaction; re-sending it changes nothing).  With SPARQL Update, graphs
are grouped into requests of about ``batch_triples`` triples, each graph as
``DROP SILENT GRAPH`` followed by ``INSERT DATA``; a server applies one update request
atomically.  Either way a push cut short leaves every graph fully old or fully new, and
running it again completes it without duplicating anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox

from kg.rdf.dataset import Dataset
from kg.remote.client import EndpointError, HttpClient
from kg.remote.endpoints import Endpoints

METHODS = ("auto", "gsp", "update")
_FALLBACK_STATUSES = ("HTTP 404", "HTTP 405", "HTTP 415", "HTTP 501")


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    seconds: float = 0.0
    method: str = ""

    @property
    def rate(self) -> float:
        return self.triples / self.seconds if self.seconds else 0.0


GraphName = ox.NamedNode | ox.DefaultGraph


def push(
    dataset: Dataset,
    endpoints: Endpoints,
    client: HttpClient,
    method: str = "auto",
    batch_triples: int = 50_000,
    progress: Callable[[int], None] | None = None,
) -> PushReport:
    """Send every graph of ``dataset``; ``auto`` uses the Graph Store Protocol when its
    URL is known and falls back to SPARQL Update if the server does not offer it."""
    if method not in METHODS:
        raise ValueError(f"method {method!r}: choose from {', '.join(METHODS)}")
    graph_store, update = endpoints.graph_store, endpoints.update  # narrowed in the lambdas
    if method in ("auto", "gsp") and graph_store:
        try:
            return _timed(lambda r: _push_gsp(dataset, graph_store, client, r, progress))
        except EndpointError as exc:
            if method == "gsp" or not update or not _unsupported(exc):
                raise
    if not update:
        raise EndpointError("no SPARQL update endpoint (give --update-endpoint)")
    return _timed(lambda r: _push_update(dataset, update, client, batch_triples, r, progress))


def _timed(run: Callable[[PushReport], None]) -> PushReport:
    report = PushReport()
    started = time.perf_counter()
    run(report)
    report.seconds = time.perf_counter() - started
    return report


def _unsupported(exc: EndpointError) -> bool:
    """The graph-store URL answered as if there were no such service."""
    return any(status in str(exc) for status in _FALLBACK_STATUSES)


def graphs(dataset: Dataset) -> Iterator[GraphName]:
    """The named graphs in IRI order, then the default graph if it holds data (a union
    view is not sent: the server's own union of the named graphs stands for it)."""
    # pyoxigraph types graph names as NamedNode | BlankNode; kg names every graph by IRI
    yield from sorted(dataset.store.named_graphs(), key=lambda g: g.value)  # type: ignore[misc]
    if dataset.has_default_graph_data():
        yield ox.DefaultGraph()


def _triples(store: ox.Store, graph: GraphName) -> list[ox.Triple]:
    return [q.triple for q in store.quads_for_pattern(None, None, None, graph)]


def _push_gsp(
    dataset: Dataset,
    url: str,
    client: HttpClient,
    report: PushReport,
    progress: Callable[[int], None] | None,
) -> None:
    report.method = "Graph Store Protocol (PUT per graph)"
    for graph in graphs(dataset):
        triples = _triples(dataset.store, graph)
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        assert body is not None  # serialize() without an output returns the bytes
        target = (
            "default"
            if isinstance(graph, ox.DefaultGraph)
            else f"graph={quote(graph.value, safe='')}"
        )
        separator = "&" if "?" in url else "?"
        client.send("PUT", f"{url}{separator}{target}", body, "application/n-triples")
        _count(report, len(triples), 1, progress)
    report.requests = client.requests


def _push_update(
    dataset: Dataset,
    url: str,
    client: HttpClient,
    batch_triples: int,
    report: PushReport,
    progress: Callable[[int], None] | None,
) -> None:
    report.method = "SPARQL Update (DROP + INSERT DATA per graph)"
    batch: list[str] = []
    size = graphs_in_batch = 0
    for graph in graphs(dataset):
        triples = _triples(dataset.store, graph)
        batch.append(_replace_graph(graph, triples))
        size += len(triples)
        graphs_in_batch += 1
        if size >= batch_triples:
            _send_update(client, url, batch)
            _count(report, size, graphs_in_batch, progress)
            batch, size, graphs_in_batch = [], 0, 0
    if batch:
        _send_update(client, url, batch)
        _count(report, size, graphs_in_batch, progress)
    report.requests = client.requests


def _replace_graph(graph: GraphName, triples: list[ox.Triple]) -> str:
    body = "\n".join(f"{t} ." for t in triples)
    if isinstance(graph, ox.DefaultGraph):
        return f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{body}\n}}"
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"


def _send_update(client: HttpClient, url: str, operations: list[str]) -> None:
    body = " ;\n".join(operations).encode("utf-8")
    client.send("POST", url, body, "application/sparql-update")


def _count(
    report: PushReport, triples: int, graphs_sent: int, progress: Callable[[int], None] | None
) -> None:
    report.triples += triples
    report.graphs += graphs_sent
    if progress:
        progress(report.graphs)
