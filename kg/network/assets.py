"""The network's data files: SPARQL queries, node types and colours, the page template
and the vendored vis-network library (see ``assets/VENDORED.md``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "kg.network"


def _text(folder: str, name: str) -> str:
    return resources.files(_PACKAGE).joinpath(folder).joinpath(name).read_text(encoding="utf-8")


def network_query(name: str) -> str:
    """The SPARQL text of ``queries/NAME.rq``."""
    return _text("queries", f"{name}.rq")


def asset(name: str) -> str:
    """The text of ``assets/NAME``."""
    return _text("assets", name)


@cache
def _node_types_file() -> dict[str, Any]:
    return json.loads(asset("node-types.json"))


def node_types() -> list[dict[str, str]]:
    """Node types, most specific first: key, class IRI, colour and legend label."""
    return list(_node_types_file()["types"])


def type_colors() -> dict[str, str]:
    return {t["key"]: t["color"] for t in node_types()}


def tie_kinds() -> dict[str, str]:
    """Tie kind → what it means, in the order the page lists them."""
    return {k["key"]: k["label"] for k in _node_types_file()["tie_kinds"]}
