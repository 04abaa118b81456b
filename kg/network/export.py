"""GEXF (Gephi) and GraphML (Cytoscape, yEd) files of the network.

Both formats take only scalar attributes, so lists are joined with `` | `` and facts are
summarized per edge.  Node attributes: ``label``, ``iri``, ``type``, ``names``,
``people``, ``articles``, ``degree``, ``strength``, ``betweenness``, ``community``,
``x``, ``y`` (and GEXF's own ``viz`` position, colour and size, which Gephi shows as
is).  Edge attributes: ``weight`` (number of facts), ``kinds`` (``event:2 | person:1``),
``first_date``, ``last_date``, ``articles`` (their URLs or paths).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.network.assets import type_colors
from kg.rdf.dataset import atomic_write

SEPARATOR = " | "


def flat_graph(graph: nx.Graph, positions: dict[str, tuple[float, float]]) -> nx.Graph:
    """A copy of ``graph`` whose attributes are strings and numbers only."""
    articles = graph.graph["articles"]
    flat: nx.Graph[str] = nx.Graph()
    for node, data in graph.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        flat.add_node(
            node,
            label=data["label"],
            iri=data["iri"],
            type=data["type"],
            names=SEPARATOR.join(f"{n.text}@{n.lang}" if n.lang else n.text for n in data["names"]),
            people=SEPARATOR.join(
                f"{p.name} ({p.role})" if p.role else p.name for p in data["people"]
            ),
            articles=SEPARATOR.join(_links(data["articles"], articles)),
            degree=data.get("degree", graph.degree(node)),
            strength=data.get("strength", int(graph.degree(node, weight="weight"))),
            betweenness=float(data.get("betweenness", 0.0)),
            community=data.get("community", -1),
            x=round(x, 6),
            y=round(y, 6),
        )
    for a, b, data in graph.edges(data=True):
        dates = sorted(f.date.isoformat() for f in data["facts"] if f.date)
        supporting = set().union(*(f.articles for f in data["facts"]))
        flat.add_edge(
            a,
            b,
            weight=data["weight"],
            kinds=SEPARATOR.join(f"{k}:{v}" for k, v in data["kinds"].items()),
            first_date=dates[0] if dates else "",
            last_date=dates[-1] if dates else "",
            articles=SEPARATOR.join(_links(supporting, articles)),
        )
    return flat


def _links(iris: set[str], articles: dict) -> list[str]:
    return sorted(articles[a].link or a if a in articles else a for a in iris)


def write_graphml(graph: nx.Graph, positions: dict[str, tuple[float, float]], path: Path) -> None:
    flat = flat_graph(graph, positions)
    atomic_write(path, lambda out: nx.write_graphml(flat, out, encoding="utf-8"))


def write_gexf(graph: nx.Graph, positions: dict[str, tuple[float, float]], path: Path) -> None:
    flat = flat_graph(graph, positions)
    colors = type_colors()
    largest = max((d for _, d in flat.degree()), default=1) or 1
    for _, data in flat.nodes(data=True):
        red, green, blue = (int(colors[data["type"]][i : i + 2], 16) for i in (1, 3, 5))
        data["viz"] = {
            "position": {"x": data["x"] * 1000, "y": data["y"] * 1000, "z": 0.0},
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "size": 5.0 + 25.0 * data["degree"] / largest,
        }
    atomic_write(path, lambda out: nx.write_gexf(flat, out, encoding="utf-8"))
