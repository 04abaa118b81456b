"""A real Oxigraph server (``oxigraph serve`` from the PyPI package ``oxigraph``) on a
free loopback port, with its data in a given directory; stopped and restarted by tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command next to this Python (the dev extra installs it)."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    def __init__(self, binary: str, location: Path) -> None:
        self.binary = binary
        self.location = location
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "serve",
                "--location",
                str(self.location),
                "--union-default-graph",
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1).close()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph serve did not start within 20 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def count(self, graph: str | None = None) -> int:
        """Triples in ``graph`` (all named graphs when ``None``)."""
        pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        query = urllib.parse.quote(f"SELECT (COUNT(*) AS ?n) {{ {pattern} }}")
        request = urllib.request.Request(
            f"{self.url}/query?query={query}", headers={"Accept": "text/csv"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.read().decode().splitlines()[1])
