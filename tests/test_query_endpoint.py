"""``kg query`` against an HTTP SPARQL endpoint.

The endpoint is a small SPARQL-protocol server on a loopback port that answers with
pyoxigraph, so the test exercises SPARQLWrapper, the HTTP round trip, the VALUES binding
of parameters and the JSON results parsing — without any external server.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox
import pytest

from kg.cli import main

DATA = """
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://e.org/g> {
  <https://e.org/p1> a schema:Person ; rdfs:label "Алихан Байменов"@kk .
  <https://e.org/p2> a schema:Person ; rdfs:label "Edwin Lau"@en .
}
"""
QUERY = """PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?person ?label WHERE {
  ?person a schema:Person ; rdfs:label ?label .
  FILTER(!BOUND(?name) || CONTAINS(LCASE(STR(?label)), LCASE(STR(?name))))
} ORDER BY ?label
"""


class _Endpoint(BaseHTTPRequestHandler):
    store: ox.Store
    received: list[str]

    def _answer(self, query: str) -> None:
        self.received.append(query)
        try:
            solutions = self.store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            self.send_error(400, str(exc))
            return
        body = solutions.serialize(format=ox.QueryResultsFormat.JSON)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(parse_qs(urlparse(self.path).query)["query"][0])

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length).decode()
        if self.headers.get("Content-Type", "").startswith("application/sparql-query"):
            self._answer(raw)
        else:
            self._answer(parse_qs(raw)["query"][0])

    def log_message(self, *args: object) -> None:
        """Keep the test output free of the server's request log."""


@pytest.fixture()
def endpoint() -> Iterator[tuple[str, list[str]]]:
    store = ox.Store()
    store.load(DATA.encode(), format=ox.RdfFormat.TRIG)
    received: list[str] = []
    handler = type("Handler", (_Endpoint,), {"store": store, "received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/query", received
    finally:
        server.shutdown()
        server.server_close()


def test_query_endpoint_with_bound_parameter(
    endpoint: tuple[str, list[str]], tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, received = endpoint
    query = tmp_path / "persons.rq"
    query.write_text(QUERY, encoding="utf-8")
    assert main(["query", url, str(query), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["Edwin Lau", "Алихан Байменов"]
    assert rows[1]["label"]["xml:lang"] == "kk"

    hostile = 'бай") || true || ("'
    assert main(["query", url, str(query), "--param", f"name={hostile}", "--format", "csv"]) == 0
    assert capsys.readouterr().out.strip() == "person,label"  # no row matches the literal text
    assert main(["query", url, str(query), "--param", "name=бай", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["https://e.org/p1,Алихан Байменов"]
    assert 'VALUES (?name) { ("бай") }' in received[-1]


def test_unreachable_endpoint_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "http://127.0.0.1:9/query", "persons-roles"]) == 2
    assert "127.0.0.1:9/query: query failed" in capsys.readouterr().err
