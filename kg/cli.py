"""The ``kg`` command: a thin layer over the library.

Results go to stdout or files, progress and problems to stderr.  Exit codes: 0 success;
1 problems found (bad inputs without ``--keep-going``, SHACL violations); 2 unusable
invocation or unreadable data.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.assets import query_files
from kg.pipeline import BuildOptions, BuildResult, build_dataset
from kg.query import (
    OUTPUT_FORMATS,
    QueryError,
    format_result,
    load_query,
    parse_params,
    run_endpoint,
    run_local,
)
from kg.rdf.dataset import (
    FORMATS,
    DataError,
    atomic_write,
    format_for,
    load_store,
    serialize,
    store_to_rdflib,
    write_dataset,
)
from kg.rdf.namespaces import DEFAULT_BASE, prefixes_with_base
from kg.validate import format_report, validate_graph

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _Progress:
    """A one-line counter on stderr when it is a terminal; silent otherwise."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.count = 0
        self.started = time.monotonic()

    def __call__(self, source: str) -> None:
        self.count += 1
        if self.enabled:
            rate = self.count / max(time.monotonic() - self.started, 1e-6)
            print(
                f"\r\033[K[{self.count}] {rate:.1f} articles/s  {source[-60:]}",
                end="",
                file=sys.stderr,
                flush=True,
            )

    def close(self) -> None:
        if self.enabled and self.count:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


# -- build ------------------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    try:
        fmt = format_for(args.output, args.format, default="trig")
    except DataError as exc:
        _err(f"kg build: {exc}")
        return EXIT_UNREADABLE
    out_dir = Path(args.output).parent
    if str(out_dir) and not out_dir.is_dir():
        _err(f"kg build: {args.output}: directory {out_dir} does not exist")
        return EXIT_UNREADABLE
    options = BuildOptions(
        base=args.base,
        lang=None if args.lang == "auto" else args.lang,
        validate=not args.no_validate,
        max_bytes=args.max_bytes,
    )
    progress = _Progress()
    result = build_dataset(args.inputs, options, stdin=sys.stdin.buffer, progress=progress)
    progress.close()
    _report_problems(result)
    failed = result.failed_inputs
    if result.articles == 0:
        _err(f"kg build: no article could be built; {args.output} was not written")
        return EXIT_PROBLEMS
    if result.dataset_report is not None and not result.dataset_report.conforms:
        _err(format_report(result.dataset_report, limit=20))
        _err(f"kg build: the dataset fails SHACL validation; {args.output} was not written")
        return EXIT_PROBLEMS
    if failed and not args.keep_going:
        _err(
            f"kg build: {len(failed)} input(s) failed; {args.output} was not written "
            f"(use --keep-going to write the {result.articles} good article(s))"
        )
        return EXIT_PROBLEMS
    write_dataset(result.quads, args.output, fmt, prefixes_with_base(args.base))
    counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
    _err(f"kg build: wrote {args.output} ({len(set(result.quads))} quads; {counts})")
    if failed:
        _err(f"kg build: skipped {len(failed)} input(s) (--keep-going)")
    return EXIT_OK


def _report_problems(result: BuildResult) -> None:
    for problem in result.problems:
        level = "error" if problem.fatal else "warning"
        _err(f"{level}: {problem}")


# -- validate ---------------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        store = load_store(args.data, args.data_format)
    except DataError as exc:
        _err(f"kg validate: {exc}")
        return EXIT_UNREADABLE
    report = validate_graph(store_to_rdflib(store))
    print(format_report(report, limit=args.limit))
    if args.report:
        data = report.report_graph.serialize(format="turtle").encode()
        atomic_write(args.report, lambda out: out.write(data))
    return EXIT_OK if report.conforms else EXIT_PROBLEMS


# -- query ------------------------------------------------------------------------------


def cmd_query(args: argparse.Namespace) -> int:
    try:
        query = load_query(args.query)
        params = parse_params(args.param)
        if args.data.startswith(("http://", "https://")):
            result = run_endpoint(args.data, query, params)
        else:
            result = run_local(load_store(args.data, args.data_format), query, params)
    except (QueryError, DataError) as exc:
        _err(f"kg query: {exc}")
        return EXIT_UNREADABLE
    sys.stdout.write(format_result(result, args.format, prefixes_with_base(DEFAULT_BASE)))
    return EXIT_OK


def cmd_queries(_args: argparse.Namespace) -> int:
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


# -- export -----------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    try:
        fmt = format_for(args.output, args.format)
        store = load_store(args.data, args.data_format)
    except DataError as exc:
        _err(f"kg export: {exc}")
        return EXIT_UNREADABLE
    quads = list(store.quads_for_pattern(None, None, None, None))
    prefixes = prefixes_with_base(args.base)
    atomic_write(args.output, lambda out: serialize(quads, out, fmt, prefixes))
    _err(f"kg export: wrote {args.output} ({fmt}, {len(quads)} quads)")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph of persons, organizations, events and memberships "
        "from news articles in Kazakh, Russian and English.",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    rdf_formats = ", ".join(FORMATS)

    b = sub.add_parser(
        "build",
        help="articles → validated RDF dataset",
        description="Read articles (files, directories, - for stdin), extract facts, "
        "write an RDF dataset with one named graph per article.",
    )
    b.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="file, directory (recursive) or - for standard input",
    )
    b.add_argument("-o", "--output", required=True, help="output file (.trig, .nq, .ttl, .jsonld)")
    b.add_argument(
        "--format",
        choices=list(FORMATS),
        help=f"output format ({rdf_formats}); default from the extension, else trig",
    )
    b.add_argument(
        "--lang",
        default="auto",
        choices=["auto", "kk", "ru", "en"],
        help="article language (default: detect per article)",
    )
    b.add_argument(
        "--base", default=DEFAULT_BASE, help=f"base IRI of the data (default {DEFAULT_BASE})"
    )
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument(
        "--keep-going",
        action="store_true",
        help="write the output even if some inputs fail, and exit 0",
    )
    b.add_argument(
        "--max-bytes", type=int, default=None, help="largest input file accepted (default 20 MB)"
    )
    b.set_defaults(func=cmd_build)

    v = sub.add_parser(
        "validate",
        help="check a dataset against the SHACL shapes",
        description="Exit 0 if the data conforms, 1 on violations, 2 if it cannot be read.",
    )
    v.add_argument("data", metavar="DATA", help="dataset file")
    v.add_argument("--report", metavar="FILE", help="also write the SHACL report graph (Turtle)")
    v.add_argument(
        "--data-format", choices=list(FORMATS), help="format of DATA if its extension does not tell"
    )
    v.add_argument(
        "--limit", type=int, default=200, help="show at most this many results (default 200)"
    )
    v.set_defaults(func=cmd_validate)

    q = sub.add_parser(
        "query",
        help="run a SPARQL query (file or shipped name)",
        description="DATA is a dataset file or an http(s) SPARQL endpoint; QUERY a .rq file "
        "or the name of a shipped query (see `kg queries`).",
    )
    q.add_argument("data", metavar="DATA")
    q.add_argument("query", metavar="QUERY")
    q.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind ?NAME to VALUE (a string, or <IRI>); repeatable",
    )
    q.add_argument("--format", choices=OUTPUT_FORMATS, default="table")
    q.add_argument(
        "--data-format", choices=list(FORMATS), help="format of DATA if its extension does not tell"
    )
    q.set_defaults(func=cmd_query)

    ql = sub.add_parser("queries", help="list the shipped queries")
    ql.set_defaults(func=cmd_queries)

    e = sub.add_parser(
        "export",
        help="convert a dataset between RDF formats",
        description="Turtle and N-Triples merge all named graphs into one graph.",
    )
    e.add_argument("data", metavar="DATA")
    e.add_argument("-o", "--output", required=True)
    e.add_argument(
        "--format", choices=list(FORMATS), help="output format; default from the extension"
    )
    e.add_argument(
        "--data-format", choices=list(FORMATS), help="format of DATA if its extension does not tell"
    )
    e.add_argument("--base", default=DEFAULT_BASE, help="base IRI for the id: prefix in the output")
    e.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("kg: interrupted; no output was written")
        return 130


if __name__ == "__main__":
    sys.exit(main())
