"""The interactive page: one self-contained HTML file that works offline.

The template, style and script are data files in ``assets/``; the vis-network library
(vendored from npm, see ``assets/VENDORED.md``) and its licences are inlined, and a
Content-Security-Policy forbids the page to load anything, so it opens the same from a
USB stick on an air-gapped machine.  Positions come from Python
(:mod:`kg.network.layout`) and the browser runs no physics, which is what keeps
5,000 organizations and 50,000 ties responsive.  The data is one JSON block of arrays
indexed into shared tables (articles, events, labels), which keeps the file small.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import networkx as nx

from kg.network.assets import asset, node_types, tie_kinds
from kg.rdf.dataset import atomic_write

_PIXELS_PER_UNIT = 100  # the layout's unit square becomes about ±100 px × sqrt(n)


def render_page(
    graph: nx.Graph, positions: dict[str, tuple[float, float]], title: str, note: str = ""
) -> str:
    """The HTML text of the page."""
    payload = _payload(graph, positions, note)
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    parts = {
        "TITLE": html.escape(title),
        "STYLE": asset("page.css"),
        "DATA": data.replace("<", "\\u003c"),
        "LIBRARY": _library(),
        "APP": asset("page.js"),
        "LICENCES": html.escape(
            asset("vis-network.LICENSE-MIT") + "\n" + asset("vis-network.LICENSE-APACHE-2.0")
        ),
    }
    page = asset("page.html")
    for name, text in parts.items():
        page = page.replace(f"<!--KG:{name}-->", text)
    return page


def write_page(
    graph: nx.Graph,
    positions: dict[str, tuple[float, float]],
    path: Path,
    title: str,
    note: str = "",
) -> int:
    """Write the page; return its size in bytes."""
    text = render_page(graph, positions, title, note).encode("utf-8")
    atomic_write(path, lambda out: out.write(text))
    return len(text)


def _library() -> str:
    """vis-network without its source-map comment (the map is not shipped)."""
    code = asset("vis-network.min.js")
    return "\n".join(line for line in code.splitlines() if not line.startswith("//# sourceMap"))


def _payload(graph: nx.Graph, positions: dict[str, tuple[float, float]], note: str) -> dict:
    types = node_types()
    type_index = {t["key"]: i for i, t in enumerate(types)}
    kinds = list(tie_kinds())
    articles = graph.graph["articles"]
    events = graph.graph["events"]
    lang = graph.graph["lang"]
    nodes = list(graph.nodes)
    node_index = {node: i for i, node in enumerate(nodes)}
    article_rows: list[list[str]] = []
    article_index: dict[str, int] = {}
    event_rows: list[list[str]] = []
    event_index: dict[str, int] = {}
    refs: list[str] = [""]
    ref_index: dict[str, int] = {"": 0}

    def article(iri: str) -> int:
        if iri not in article_index:
            ref = articles.get(iri)
            article_index[iri] = len(article_rows)
            article_rows.append(
                [ref.title, ref.link, ref.date.isoformat() if ref.date else ""]
                if ref
                else [iri, "", ""]
            )
        return article_index[iri]

    def event(iri: str) -> int:
        if iri not in event_index:
            ref = events.get(iri)
            event_index[iri] = len(event_rows)
            event_rows.append(
                [ref.label(lang), ref.date.isoformat() if ref.date else "", ref.type]
                if ref
                else [iri, "", ""]
            )
        return event_index[iri]

    def ref(text: str) -> int:
        if text not in ref_index:
            ref_index[text] = len(refs)
            refs.append(text)
        return ref_index[text]

    def fact_ref(kind: str, key: str) -> int:
        if kind in ("event", "agreement") and key in events:
            return ref(events[key].label(lang))
        if kind == "person":
            return ref(_label_of(graph, key))
        return 0

    scale = _PIXELS_PER_UNIT * max(len(nodes), 4) ** 0.5
    node_rows = []
    for node in nodes:
        data = graph.nodes[node]
        x, y = positions.get(node, (0.0, 0.0))
        node_rows.append(
            [
                data["iri"],
                data["label"],
                type_index[data["type"]],
                round(x * scale, 1),
                round(y * scale, 1),
                data.get("degree", graph.degree(node)),
                data.get("betweenness", 0.0),
                data.get("community", -1),
                [[n.text, n.lang] for n in data["names"]],
                [[p.name, p.role, p.former] for p in data["people"]]
                if data["type"] != "Person"
                else [[_label_of(graph, p.organization), p.role, p.former] for p in data["people"]],
                sorted(
                    (event(e) for e in data["events"]),
                    key=lambda i: (event_rows[i][1], event_rows[i][0]),
                ),
                sorted(
                    (article(a) for a in data["articles"]),
                    key=lambda i: (article_rows[i][2], article_rows[i][0]),
                ),
                [_label_of(graph, m) for m in data["members"]],
            ]
        )
    edge_rows = []
    for a, b, data in graph.edges(data=True):
        facts = [
            [
                kinds.index(f.kind),
                fact_ref(f.kind, f.key),
                f.date.isoformat() if f.date else "",
                sorted(article(x) for x in f.articles),
            ]
            for f in data["facts"]
        ]
        edge_rows.append([node_index[a], node_index[b], facts])
    return {
        "note": note,
        "types": [{"key": t["key"], "label": t["label"], "color": t["color"]} for t in types],
        "kinds": [tie_kinds()[k] for k in kinds],
        "refs": refs,
        "articles": article_rows,
        "events": event_rows,
        "nodes": node_rows,
        "edges": edge_rows,
    }


def _label_of(graph: nx.Graph, iri: str) -> str:
    """The display label of any entity, including persons and the organizations that
    --rollup merged away."""
    return graph.graph["labels"].get(iri, iri.rstrip("/").rpartition("/")[2])
