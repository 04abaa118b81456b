"""``kg push`` and ``kg query`` against a real Oxigraph server (``oxigraph serve``) on a
loopback port: counts per graph, idempotent re-push, a server killed mid-push, wrong
credentials through an authenticating proxy, and an endpoint that is down."""

from __future__ import annotations

import base64
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from oxigraph_server import OxigraphServer, free_port

from kg.cli import main
from kg.rdf.dataset import Dataset
from kg.remote.client import Credentials, EndpointError, HttpClient
from kg.remote.endpoints import EndpointConfigError, derive
from kg.remote.push import push

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "en_hub_korea_memorandum.txt"
GRAPHS, TRIPLES_PER_GRAPH = 40, 25
SECRET = "s3cret-Pa55word"


def synthetic(version: int) -> ox.Store:
    """``GRAPHS`` graphs; version 2 has one triple more per graph than version 1."""
    store = ox.Store()
    p = ox.NamedNode("https://e.org/p")
    store.extend(
        ox.Quad(
            ox.NamedNode(f"https://e.org/s/{g}/{i}"),
            p,
            ox.Literal(f"v{i} «{g}»"),
            ox.NamedNode(f"https://e.org/graph/{g:03d}"),
        )
        for g in range(GRAPHS)
        for i in range(TRIPLES_PER_GRAPH + version - 1)
    )
    return store


def counts(server: OxigraphServer) -> list[int]:
    return [server.count(f"https://e.org/graph/{g:03d}") for g in range(GRAPHS)]


def client(**kwargs: object) -> HttpClient:
    return HttpClient(sleep=lambda _s: None, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["gsp", "update"])
def test_push_counts_and_idempotent_repush(oxigraph_server: OxigraphServer, method: str) -> None:
    endpoints = derive(f"{oxigraph_server.url}/query")
    data = Dataset(synthetic(1))
    report = push(data, endpoints, client(), method, batch_triples=300)
    assert report.graphs == GRAPHS and report.triples == len(data.store)
    assert counts(oxigraph_server) == [TRIPLES_PER_GRAPH] * GRAPHS
    push(data, endpoints, client(), method, batch_triples=300)
    assert counts(oxigraph_server) == [TRIPLES_PER_GRAPH] * GRAPHS  # nothing doubled
    if method == "update":
        assert report.requests == 4  # 1000 triples in batches of ≥ 300


def test_server_killed_mid_push_then_rerun(oxigraph_server: OxigraphServer) -> None:
    endpoints = derive(f"{oxigraph_server.url}/query")
    push(Dataset(synthetic(1)), endpoints, client())

    def kill_after_ten(graphs_sent: int) -> None:
        if graphs_sent == 10:
            oxigraph_server.stop()

    with pytest.raises(EndpointError, match="gave up after 2 attempts"):
        push(Dataset(synthetic(2)), endpoints, client(retries=1), progress=kill_after_ten)
    oxigraph_server.start()
    after_kill = counts(oxigraph_server)
    assert after_kill[:10] == [TRIPLES_PER_GRAPH + 1] * 10  # new, complete
    assert after_kill[10:] == [TRIPLES_PER_GRAPH] * (GRAPHS - 10)  # old, complete
    push(Dataset(synthetic(2)), endpoints, client())
    assert counts(oxigraph_server) == [TRIPLES_PER_GRAPH + 1] * GRAPHS
    assert oxigraph_server.count() == GRAPHS * (TRIPLES_PER_GRAPH + 1)


class _AuthProxy(BaseHTTPRequestHandler):
    """Forwards to the server only requests with the right basic credentials."""

    upstream: str
    expected = "Basic " + base64.b64encode(f"analyst:{SECRET}".encode()).decode()

    def _forward(self) -> None:
        if self.headers.get("Authorization") != self.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        request = urllib.request.Request(
            self.upstream + self.path,
            data=body or None,
            method=self.command,
            headers={"Content-Type": self.headers.get("Content-Type", "")},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as exc:
            status, payload = exc.code, exc.read()
        self.send_response(status)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_PUT = do_POST = do_GET = _forward

    def log_message(self, *args: object) -> None:
        """Keep the test output free of the server's request log."""


@pytest.fixture()
def auth_proxy(oxigraph_server: OxigraphServer) -> Iterator[str]:
    handler = type("Proxy", (_AuthProxy,), {"upstream": oxigraph_server.url})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}"
    finally:
        proxy.shutdown()
        proxy.server_close()


@pytest.fixture(scope="module")
def example_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("push") / "example.nq"
    assert main(["build", str(EXAMPLE), "-o", str(out)]) == 0
    return out


def test_credentials_from_environment_never_shown(
    auth_proxy: str,
    oxigraph_server: OxigraphServer,
    example_data: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("KG_ENDPOINT_USER", "analyst")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "wrong-" + SECRET)
    assert main(["push", str(example_data), "--endpoint", f"{auth_proxy}/query"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 401" in err and "check the credentials" in err
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", SECRET)
    assert main(["push", str(example_data), "--endpoint", f"{auth_proxy}/query"]) == 0
    assert oxigraph_server.count() == len(
        list(ox.parse(path=example_data, format=ox.RdfFormat.N_QUADS))
    )
    output = capsys.readouterr()
    for text in (output.out, output.err, caplog.text, repr(Credentials.resolve())):
        assert SECRET not in text and "analyst" not in text


def test_endpoint_down_is_a_clear_error(
    example_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    assert main(["push", str(example_data), "--endpoint", url, "--retries", "1"]) == 1
    err = capsys.readouterr().err
    assert "cannot connect" in err and "gave up after 2 attempts" in err


def test_endpoint_layouts() -> None:
    oxigraph = derive("http://127.0.0.1:7878/query")
    assert (oxigraph.update, oxigraph.graph_store) == (
        "http://127.0.0.1:7878/update",
        "http://127.0.0.1:7878/store",
    )
    fuseki = derive("http://localhost:3030/ds/query")
    assert (fuseki.update, fuseki.graph_store) == (
        "http://localhost:3030/ds/update",
        "http://localhost:3030/ds/data",
    )
    graphdb = derive("http://localhost:7200/repositories/kg")
    assert graphdb.graph_store == "http://localhost:7200/repositories/kg/rdf-graphs/service"
    with pytest.raises(EndpointConfigError, match="--update-endpoint"):
        derive("http://localhost:8890/sparql/")
    with pytest.raises(EndpointConfigError, match="must not contain credentials") as info:
        derive(f"http://analyst:{SECRET}@localhost:7878/query")
    assert SECRET not in str(info.value)


def test_query_shipped_query_with_param_on_the_server(
    oxigraph_server: OxigraphServer, example_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["push", str(example_data), "--endpoint", f"{oxigraph_server.url}/query"]) == 0
    capsys.readouterr()
    local = ["query", str(example_data), "persons-roles", "--param", "org=Hub", "--format", "csv"]
    assert main(local) == 0
    expected = capsys.readouterr().out
    assert len(expected.splitlines()) > 1
    assert main(["query", f"{oxigraph_server.url}/query", *local[2:]]) == 0
    assert capsys.readouterr().out == expected


def test_a_query_longer_than_a_url_reaches_the_server(
    oxigraph_server: OxigraphServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Queries go in a POST body: one of 20 kB (servers refuse URLs over 8 kB) runs."""
    push(Dataset(synthetic(1)), derive(f"{oxigraph_server.url}/query"), client())
    query = tmp_path / "long.rq"
    padding = "".join(f"# {'padding ' * 12}\n" for _ in range(210))
    query.write_text(f"{padding}SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}\n")
    assert len(query.read_bytes()) > 20_000
    capsys.readouterr()
    assert main(["query", f"{oxigraph_server.url}/query", str(query), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == str(GRAPHS * TRIPLES_PER_GRAPH)
    construct = tmp_path / "construct.rq"
    construct.write_text("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }\n")
    assert main(["query", f"{oxigraph_server.url}/query", str(construct)]) == 2
    assert "only SELECT queries are supported" in capsys.readouterr().err
