"""Where to send updates and graphs, given the URL users know: the query endpoint.

Servers lay out their SPARQL 1.1 services differently; the common layouts are derived
here so that ``--endpoint`` alone is enough for them, and anything else needs
``--update-endpoint`` and/or ``--graph-store``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit


class EndpointConfigError(Exception):
    """The endpoints cannot be told from what was given."""


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str | None
    graph_store: str | None


# (pattern of the query URL's path, update path, graph-store path, server)
_LAYOUTS = (
    (re.compile(r"^/query$"), "/update", "/store", "Oxigraph"),
    (re.compile(r"^(?P<ds>/[^/]+)/(?:query|sparql)$"), "{ds}/update", "{ds}/data", "Fuseki"),
    (
        re.compile(r"^(?P<ds>.*/repositories/[^/]+)$"),
        "{ds}/statements",
        "{ds}/rdf-graphs/service",
        "GraphDB / RDF4J",
    ),
)


def derive(query: str, update: str | None = None, graph_store: str | None = None) -> Endpoints:
    """The endpoints for ``query``: those given, else derived from its path."""
    parts = urlsplit(query)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointConfigError(f"{query}: not an http(s) URL")
    for url in (query, update, graph_store):
        if url and "@" in urlsplit(url).netloc:  # never echo the URL: it holds a secret
            raise EndpointConfigError(
                "endpoint URLs must not contain credentials; use --user/--password/--token "
                "or KG_ENDPOINT_USER, KG_ENDPOINT_PASSWORD, KG_ENDPOINT_TOKEN"
            )
    if update is None or graph_store is None:
        for pattern, update_path, store_path, _server in _LAYOUTS:
            match = pattern.match(parts.path.rstrip("/") or "/")
            if match:
                groups = match.groupdict()
                update = update or _with_path(parts, update_path.format(**groups))
                graph_store = graph_store or _with_path(parts, store_path.format(**groups))
                break
    if update is None and graph_store is None:
        raise EndpointConfigError(
            f"{query}: cannot derive the update and graph-store URLs from this "
            "query URL; give --update-endpoint and/or --graph-store"
        )
    return Endpoints(query, update, graph_store)


def _with_path(parts: SplitResult, path: str) -> str:
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
