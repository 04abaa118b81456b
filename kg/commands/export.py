"""``kg export``: convert a dataset between RDF formats."""

from __future__ import annotations

import argparse

from kg.commands.common import EXIT_OK, EXIT_UNREADABLE, add_data_format, err
from kg.rdf.dataset import FORMATS, DataError, atomic_write, format_for, serialize
from kg.rdf.namespaces import DEFAULT_BASE, prefixes_with_base
from kg.store import open_dataset


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser(
        "export",
        help="convert a dataset between RDF formats",
        description="Turtle and N-Triples merge all named graphs into one graph.",
    )
    e.add_argument("data", metavar="DATA", nargs="?")
    e.add_argument("--store", metavar="DIR", help="use the embedded store in DIR instead of DATA")
    e.add_argument("-o", "--output", required=True)
    e.add_argument(
        "--format", choices=list(FORMATS), help="output format; default from the extension"
    )
    add_data_format(e)
    e.add_argument("--base", default=DEFAULT_BASE, help="base IRI for the id: prefix in the output")
    e.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        fmt = format_for(args.output, args.format)
        dataset = open_dataset(args.data, args.data_format, args.store)
    except DataError as exc:
        err(f"kg export: {exc}")
        return EXIT_UNREADABLE
    quads = list(dataset.quads())
    prefixes = prefixes_with_base(args.base)
    atomic_write(args.output, lambda out: serialize(quads, out, fmt, prefixes))
    err(f"kg export: wrote {args.output} ({fmt}, {len(quads)} quads)")
    return EXIT_OK
