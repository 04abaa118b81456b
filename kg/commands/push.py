"""``kg push``: send a dataset (file or store) to a SPARQL 1.1 server, graph by graph."""

from __future__ import annotations

import argparse

from kg.commands.common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, add_data_format, err
from kg.rdf.dataset import DataError
from kg.remote.client import (
    ENV_PASSWORD,
    ENV_TOKEN,
    ENV_USER,
    Credentials,
    EndpointError,
    HttpClient,
)
from kg.remote.endpoints import EndpointConfigError, derive
from kg.remote.push import METHODS, push
from kg.store import open_dataset


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "push",
        help="send a dataset to a SPARQL 1.1 server (each graph replaced atomically)",
        description="Replace each named graph on the server with the dataset's: Graph Store "
        "Protocol PUT per graph, or SPARQL Update (DROP + INSERT DATA) where the server has "
        "no graph store.  Re-running a push is safe.  Oxigraph (/query → /update, /store), "
        "Fuseki (/DS/query → /DS/update, /DS/data) and GraphDB (/repositories/R → "
        "/statements, /rdf-graphs/service) URLs are derived from --endpoint.  Credentials: "
        f"--user/--password or --token, or {ENV_USER}, {ENV_PASSWORD}, {ENV_TOKEN}.",
    )
    p.add_argument("data", metavar="DATA", nargs="?", help="dataset file")
    p.add_argument("--store", metavar="DIR", help="push the embedded store in DIR instead of DATA")
    add_data_format(p)
    p.add_argument("--endpoint", required=True, metavar="QUERY_URL", help="SPARQL query URL")
    p.add_argument("--graph-store", metavar="URL", help="Graph Store Protocol URL")
    p.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update URL")
    p.add_argument("--method", choices=METHODS, default="auto", help="default: gsp if known")
    p.add_argument(
        "--batch-triples",
        type=int,
        default=50_000,
        help="SPARQL Update: triples per request (default 50000)",
    )
    p.add_argument("--retries", type=int, default=5, help="retries on 5xx/connection errors")
    p.add_argument("--user", help=f"basic-auth user (or {ENV_USER})")
    p.add_argument("--password", help=f"basic-auth password (better: {ENV_PASSWORD})")
    p.add_argument("--token", help=f"bearer token (better: {ENV_TOKEN})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        endpoints = derive(args.endpoint, args.update_endpoint, args.graph_store)
        dataset = open_dataset(args.data, args.data_format, args.store)
    except (EndpointConfigError, DataError) as exc:
        err(f"kg push: {exc}")
        return EXIT_UNREADABLE
    credentials = Credentials.resolve(args.user, args.password, args.token)
    client = HttpClient(credentials, retries=args.retries)
    try:
        report = push(dataset, endpoints, client, args.method, args.batch_triples)
    except EndpointError as exc:
        err(f"kg push: {exc}")
        err("kg push: graphs already sent are complete; run the same command again to finish")
        return EXIT_PROBLEMS
    err(
        f"kg push: {report.graphs} graphs, {report.triples} triples in {report.seconds:.2f} s "
        f"({report.rate:,.0f} triples/s, {report.requests} requests) by {report.method}"
    )
    return EXIT_OK
