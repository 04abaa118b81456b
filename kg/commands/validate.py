"""``kg validate``: a readable SHACL report; exit 0 conforms, 1 violations, 2 unreadable."""

from __future__ import annotations

import argparse

from kg.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNREADABLE,
    add_data_format,
    err,
)
from kg.rdf.dataset import DataError, atomic_write, dataset_to_rdflib
from kg.store import open_dataset
from kg.validate import format_report, validate_graph


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser(
        "validate",
        help="check a dataset against the SHACL shapes",
        description="Exit 0 if the data conforms, 1 on violations, 2 if it cannot be read.",
    )
    v.add_argument("data", metavar="DATA", nargs="?", help="dataset file")
    v.add_argument("--store", metavar="DIR", help="use the embedded store in DIR instead of DATA")
    v.add_argument("--report", metavar="FILE", help="also write the SHACL report graph (Turtle)")
    add_data_format(v)
    v.add_argument(
        "--limit", type=int, default=200, help="show at most this many results (default 200)"
    )
    v.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        dataset = open_dataset(args.data, args.data_format, args.store)
    except DataError as exc:
        err(f"kg validate: {exc}")
        return EXIT_UNREADABLE
    report = validate_graph(dataset_to_rdflib(dataset))
    print(format_report(report, limit=args.limit))
    if args.report:
        data = report.report_graph.serialize(format="turtle").encode()
        atomic_write(args.report, lambda out: out.write(data))
    return EXIT_OK if report.conforms else EXIT_PROBLEMS
