"""Shared fixtures: a real Oxigraph server for the triple-store tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from oxigraph_server import OxigraphServer, oxigraph_binary


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install '.[dev]')")
    server = OxigraphServer(binary, tmp_path / "oxigraph-server")
    server.start()
    try:
        yield server
    finally:
        server.stop()
