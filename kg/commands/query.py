"""``kg query`` (a dataset file or an HTTP endpoint) and ``kg queries`` (the shipped ones)."""

from __future__ import annotations

import argparse
import sys

from kg.assets import query_files
from kg.commands.common import EXIT_OK, EXIT_UNREADABLE, add_data_format, err
from kg.query import (
    OUTPUT_FORMATS,
    QueryError,
    format_result,
    load_query,
    parse_params,
    run_endpoint,
    run_local,
)
from kg.rdf.dataset import DataError
from kg.rdf.namespaces import DEFAULT_BASE, prefixes_with_base
from kg.store import open_dataset


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser(
        "query",
        help="run a SPARQL query (file or shipped name)",
        description="DATA is a dataset file or an http(s) SPARQL endpoint; QUERY a .rq file "
        "or the name of a shipped query (see `kg queries`).",
    )
    q.add_argument("data", metavar="DATA", nargs="?")
    q.add_argument("--store", metavar="DIR", help="use the embedded store in DIR instead of DATA")
    q.add_argument("query", metavar="QUERY")
    q.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind ?NAME to VALUE (a string, or <IRI>); repeatable",
    )
    q.add_argument("--format", choices=OUTPUT_FORMATS, default="table")
    add_data_format(q)
    q.set_defaults(func=run)

    listing = sub.add_parser("queries", help="list the shipped queries")
    listing.set_defaults(func=list_queries)


def run(args: argparse.Namespace) -> int:
    try:
        query = load_query(args.query)
        params = parse_params(args.param)
        if args.data and args.data.startswith(("http://", "https://")):
            result = run_endpoint(args.data, query, params)
        else:
            dataset = open_dataset(args.data, args.data_format, args.store, union_view=True)
            result = run_local(
                dataset.store, query, params, default_graph_is_union=dataset.union_view
            )
    except (QueryError, DataError) as exc:
        err(f"kg query: {exc}")
        return EXIT_UNREADABLE
    sys.stdout.write(format_result(result, args.format, prefixes_with_base(DEFAULT_BASE)))
    return EXIT_OK


def list_queries(_args: argparse.Namespace) -> int:
    for name, item in sorted(query_files().items()):
        first = next(
            (
                line.lstrip("# ").strip()
                for line in item.read_text(encoding="utf-8").splitlines()
                if line.startswith("#") and line.lstrip("# ").strip()
            ),
            "",
        )
        print(f"{name:<40} {first}")
    return EXIT_OK
