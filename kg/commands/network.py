"""``kg network``: the network of organizations as a page, pictures, Gephi files, metrics."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from kg.commands.common import EXIT_OK, EXIT_UNREADABLE, add_data_format, err
from kg.network.assets import node_types
from kg.network.export import write_gexf, write_graphml
from kg.network.graph import NetworkError, NetworkOptions, build_network
from kg.network.layout import force_layout
from kg.network.metrics import compute_metrics, stats_json, stats_table
from kg.network.page import write_page
from kg.network.source import read_source
from kg.rdf.dataset import DataError
from kg.store import open_dataset


def register(sub: argparse._SubParsersAction) -> None:
    n = sub.add_parser(
        "network",
        help="network of organizations: interactive page, pictures, GEXF/GraphML, metrics",
        description="Organizations tied by shared events, shared people, agreements, "
        "sub-organization and membership; an edge's weight is its number of supporting "
        "facts. Writes a self-contained offline HTML page (-o), PNG/SVG pictures, GEXF and "
        "GraphML files, and/or prints degree, betweenness and communities (--stats).",
    )
    n.add_argument(
        "data", metavar="DATA", nargs="?", help="dataset file (TriG, N-Quads, Turtle, JSON-LD)"
    )
    n.add_argument("--store", metavar="DIR", help="use the embedded store in DIR instead of DATA")
    n.add_argument("-o", "--output", type=Path, metavar="FILE.html", help="interactive page")
    n.add_argument("--png", type=Path, metavar="FILE", help="static picture (PNG)")
    n.add_argument("--svg", type=Path, metavar="FILE", help="static picture (SVG)")
    n.add_argument("--gexf", type=Path, metavar="FILE", help="GEXF file for Gephi")
    n.add_argument("--graphml", type=Path, metavar="FILE", help="GraphML file for Cytoscape")
    n.add_argument(
        "--from", dest="date_from", metavar="DATE", help="keep facts dated on or after YYYY-MM-DD"
    )
    n.add_argument("--to", dest="date_to", metavar="DATE", help="keep facts dated up to YYYY-MM-DD")
    n.add_argument(
        "--types",
        metavar="T,...",
        help="keep nodes of these types: " + ", ".join(t["key"] for t in node_types()[:-1]),
    )
    n.add_argument(
        "--min-weight", type=int, default=1, metavar="N", help="drop edges with fewer facts"
    )
    n.add_argument(
        "--rollup", action="store_true", help="merge sub-units into their top organization"
    )
    n.add_argument("--persons", action="store_true", help="add persons, tied to their posts")
    n.add_argument("--stats", action="store_true", help="print degree, betweenness, communities")
    n.add_argument("--format", choices=("table", "json"), default="table", help="of --stats")
    n.add_argument("--lang", default="en", help="language of the labels (default: en)")
    n.add_argument("--seed", type=int, default=0, help="seed of the layout and communities")
    add_data_format(n)
    n.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    outputs = [args.output, args.png, args.svg, args.gexf, args.graphml]
    if not any(outputs) and not args.stats:
        wanted = "-o FILE.html, --png, --svg, --gexf, --graphml or --stats"
        err(f"kg network: nothing to do; give {wanted}")
        return EXIT_UNREADABLE
    try:
        options = _options(args)
        started = time.monotonic()
        dataset = open_dataset(args.data, args.data_format, args.store, union_view=True)
        source = read_source(dataset.store, default_graph_is_union=dataset.union_view)
        graph = build_network(source, options)
    except (DataError, NetworkError) as exc:
        err(f"kg network: {exc}")
        return EXIT_UNREADABLE
    if graph.number_of_nodes() == 0:
        err(f"kg network: {args.data or args.store}: no organization matches the options")
    stats = compute_metrics(graph, seed=args.seed)
    if any(outputs):
        positions = force_layout(graph, seed=args.seed)
        title = f"Network of organizations — {Path(args.data or args.store).name}"
        note = _describe(options)
        if args.output:
            size = write_page(graph, positions, args.output, title, note)
            err(f"kg network: wrote {args.output} ({size / 1e6:.1f} MB)")
        for picture in (args.png, args.svg):
            if picture:
                from kg.network.picture import draw_picture  # matplotlib: only when drawing

                draw_picture(graph, positions, picture, title)
                err(f"kg network: wrote {picture}")
        if args.gexf:
            write_gexf(graph, positions, args.gexf)
            err(f"kg network: wrote {args.gexf}")
        if args.graphml:
            write_graphml(graph, positions, args.graphml)
            err(f"kg network: wrote {args.graphml}")
    err(
        f"kg network: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
        f"in {time.monotonic() - started:.1f} s"
    )
    if args.stats:
        sys.stdout.write(stats_json(stats) if args.format == "json" else stats_table(stats))
    return EXIT_OK


def _options(args: argparse.Namespace) -> NetworkOptions:
    if args.min_weight < 1:
        raise NetworkError(f"--min-weight {args.min_weight}: must be 1 or more")
    return NetworkOptions(
        date_from=_date("--from", args.date_from),
        date_to=_date("--to", args.date_to),
        types=_types(args.types),
        min_weight=args.min_weight,
        rollup=args.rollup,
        persons=args.persons,
        lang=args.lang,
    )


def _date(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise NetworkError(f"{option} {value!r}: not a date (expected YYYY-MM-DD)") from None


def _types(value: str | None) -> frozenset[str]:
    if not value:
        return frozenset()
    known = {t["key"].lower(): t["key"] for t in node_types() if t["key"] != "Person"}
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [part for part in chosen if part.lower() not in known]
    if unknown:
        raise NetworkError(
            f"--types: unknown type {', '.join(unknown)} (choose from {', '.join(known.values())})"
        )
    return frozenset(known[part.lower()] for part in chosen)


def _describe(options: NetworkOptions) -> str:
    """The options that shaped the network, for the page's header."""
    parts = []
    if options.date_from or options.date_to:
        parts.append(f"facts dated {options.date_from or '…'} to {options.date_to or '…'}")
    if options.types:
        parts.append("types " + ", ".join(sorted(options.types)))
    if options.min_weight > 1:
        parts.append(f"ties with at least {options.min_weight} facts")
    if options.rollup:
        parts.append("units merged into their top organization")
    if options.persons:
        parts.append("with persons")
    return "; ".join(parts)
