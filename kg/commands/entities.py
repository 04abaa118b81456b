"""``kg entities``: list the dataset's persons and organizations with their names."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.commands.common import EXIT_OK, EXIT_UNREADABLE, add_data_format, err
from kg.names.listing import KINDS, format_table, list_entities
from kg.names.overrides import OverrideError, Overrides
from kg.query import QueryError
from kg.rdf.dataset import DataError
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store import StoreError, open_dataset


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "entities",
        help="list persons and organizations with their names, mentions and merges",
        description="List every person and organization of DATA (or --store DIR) with its "
        "preferred label per language, the names merged into it and why, and how often "
        "the articles mention it.",
    )
    p.add_argument("data", metavar="DATA", nargs="?")
    p.add_argument("--store", metavar="DIR", help="use the embedded store in DIR instead of DATA")
    p.add_argument(
        "--type",
        choices=(*KINDS, "all"),
        default="all",
        help="which entities (default: persons and organizations; 'country' lists states)",
    )
    p.add_argument("--name", help="only entities with a name containing this (case-insensitive)")
    p.add_argument("--merged", action="store_true", help="only entities with merged variants")
    p.add_argument("--overrides", type=Path, metavar="FILE", help="the override file of the build")
    p.add_argument("--base", default=DEFAULT_BASE, help="base IRI of the data")
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_data_format(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kinds = ("person", "organization") if args.type == "all" else (args.type,)
    try:
        overrides = Overrides.load(args.overrides) if args.overrides else None
        dataset = open_dataset(args.data, args.data_format, args.store, union_view=True)
        listings = list_entities(
            dataset.store,
            args.base,
            kinds=kinds,
            default_graph_is_union=dataset.union_view,
            overrides=overrides,
        )
    except (OverrideError, DataError, StoreError, QueryError) as exc:
        err(f"kg entities: {exc}")
        return EXIT_UNREADABLE
    if args.name:
        wanted = args.name.casefold()
        listings = [e for e in listings if any(wanted in n.name.casefold() for n in e.names)]
    if args.merged:
        listings = [e for e in listings if any(n.why for n in e.names)]
    if args.format == "json":
        json.dump([e.as_dict() for e in listings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_table(listings, args.base.rstrip("/") + "/"))
    return EXIT_OK
