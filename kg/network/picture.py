"""Static pictures of the network (PNG, SVG) for reports, drawn with matplotlib.

Readable rather than complete: when the graph is crowded only the ``LABELLED`` nodes of
highest degree carry their names (a label per node would cover the picture); nodes are
coloured by type with a legend, sized by degree, and edges drawn in one
``LineCollection`` (so 50,000 edges take seconds, not minutes).  DejaVu Sans, which
matplotlib ships, has Cyrillic and the Kazakh letters, so no system font is needed.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from kg.network.assets import node_types
from kg.rdf.dataset import atomic_write

LABELLED = 40
_FORMATS = ("png", "svg")


def draw_picture(
    graph: nx.Graph,
    positions: dict[str, tuple[float, float]],
    path: Path,
    title: str = "",
) -> None:
    """Write the picture to ``path``; the format is the extension (``.png`` or ``.svg``)."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in _FORMATS:
        raise ValueError(f"{path}: a picture must end in .png or .svg")
    with rc_context({"font.family": "DejaVu Sans", "svg.hashsalt": "kg", "svg.id": "kg"}):
        figure = Figure(figsize=(16, 12), dpi=120)
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0.01, 0.01, 0.98, 0.94 if title else 0.98))
        axes.set_axis_off()
        if title:
            figure.suptitle(title, fontsize=16)
        _draw(axes, graph, positions)
        atomic_write(path, lambda out: figure.savefig(out, format=fmt, metadata=_metadata(fmt)))


def _metadata(fmt: str) -> dict[str, str | None]:
    """No creation date or software version, so the same graph gives the same file."""
    return {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}


def _draw(axes: Axes, graph: nx.Graph, positions: dict[str, tuple[float, float]]) -> None:
    nodes = sorted(graph.nodes, key=lambda n: (graph.degree(n), n))
    largest = max((graph.degree(n) for n in nodes), default=1) or 1
    many = graph.number_of_edges() > 2000
    segments = [(positions[a], positions[b]) for a, b in graph.edges]
    widths = [0.4 + min(w, 10) * 0.3 for _, _, w in graph.edges(data="weight", default=1)]
    axes.add_collection(
        LineCollection(
            segments,
            colors="#8c8c8c",
            alpha=0.15 if many else 0.5,
            linewidths=[0.3] * len(segments) if many else widths,
            zorder=1,
        )
    )
    colors = {t["key"]: t["color"] for t in node_types()}
    xs = [positions[n][0] for n in nodes]
    ys = [positions[n][1] for n in nodes]
    sizes = [15 + 400 * graph.degree(n) / largest for n in nodes]
    fill = [colors[graph.nodes[n]["type"]] for n in nodes]
    axes.scatter(xs, ys, s=sizes, c=fill, edgecolors="white", linewidths=0.5, zorder=2)
    labelled = nodes if len(nodes) <= LABELLED else nodes[-LABELLED:]
    for node in labelled:
        x, y = positions[node]
        axes.annotate(
            _short(graph.nodes[node]["label"]),
            (x, y),
            xytext=(0, 6),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
        )
    present = {graph.nodes[n]["type"] for n in nodes}
    handles = [
        Line2D([], [], marker="o", ls="", color=t["color"], label=t["label"], markersize=8)
        for t in node_types()
        if t["key"] in present
    ]
    if handles:
        axes.legend(handles=handles, loc="lower left", frameon=False, fontsize=9)
    axes.set_xlim(-1.1, 1.1)
    axes.set_ylim(-1.1, 1.1)
    axes.set_aspect("equal")


def _short(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
