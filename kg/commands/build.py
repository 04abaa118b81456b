"""``kg build``: articles → validated RDF dataset."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands.common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, Progress, err
from kg.names.overrides import OverrideError, Overrides
from kg.pipeline import BuildOptions, BuildResult, build_dataset
from kg.rdf.dataset import FORMATS, DataError, format_for, write_dataset
from kg.rdf.namespaces import DEFAULT_BASE, prefixes_with_base
from kg.store import KgStore, StoreError
from kg.store.builder import StoreBuilder
from kg.validate import format_report


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser(
        "build",
        help="articles → validated RDF dataset",
        description="Read articles (files, directories, - for stdin), extract facts, "
        "write an RDF dataset with one named graph per article.",
    )
    b.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="file, directory (recursive) or - for stdin"
    )
    target = b.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", help="output file (.trig, .nq, .ttl, .jsonld)")
    target.add_argument(
        "--store",
        metavar="DIR",
        help="add the articles to the embedded store in DIR (created if absent); an article "
        "already there is replaced",
    )
    b.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="ARTICLE_ID",
        help="with --store: remove this article's graph (repeatable)",
    )
    b.add_argument(
        "--format",
        choices=list(FORMATS),
        help=f"output format ({', '.join(FORMATS)}); default from the extension, else trig",
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
    b.add_argument(
        "--overrides",
        type=Path,
        metavar="FILE",
        help="entity-resolution corrections: aliases, same, distinct "
        "(TOML; docs/entity-resolution.md)",
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
    b.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        args.overrides = Overrides.load(args.overrides) if args.overrides else Overrides()
    except OverrideError as exc:
        err(f"kg build: {exc}")
        return EXIT_UNREADABLE
    if args.store:
        return _run_store(args)
    if args.remove or not args.inputs:
        err("kg build: give INPUT files with -o; --remove works only with --store")
        return EXIT_UNREADABLE
    try:
        fmt = format_for(args.output, args.format, default="trig")
    except DataError as exc:
        err(f"kg build: {exc}")
        return EXIT_UNREADABLE
    out_dir = Path(args.output).parent
    if str(out_dir) and not out_dir.is_dir():
        err(f"kg build: {args.output}: directory {out_dir} does not exist")
        return EXIT_UNREADABLE
    progress = Progress()
    result = build_dataset(args.inputs, _options(args), stdin=sys.stdin.buffer, progress=progress)
    progress.close()
    _report_problems(result)
    failed = result.failed_inputs
    if result.articles == 0:
        err(f"kg build: no article could be built; {args.output} was not written")
        return EXIT_PROBLEMS
    if result.dataset_report is not None and not result.dataset_report.conforms:
        err(format_report(result.dataset_report, limit=20))
        err(f"kg build: the dataset fails SHACL validation; {args.output} was not written")
        return EXIT_PROBLEMS
    if failed and not args.keep_going:
        err(
            f"kg build: {len(failed)} input(s) failed; {args.output} was not written "
            f"(use --keep-going to write the {result.articles} good article(s))"
        )
        return EXIT_PROBLEMS
    write_dataset(result.quads, args.output, fmt, prefixes_with_base(args.base))
    counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
    err(f"kg build: wrote {args.output} ({len(set(result.quads))} quads; {counts})")
    if failed:
        err(f"kg build: skipped {len(failed)} input(s) (--keep-going)")
    return EXIT_OK


def _run_store(args: argparse.Namespace) -> int:
    """Remove ``--remove`` articles, then add the inputs, each batch one transaction."""
    if not args.inputs and not args.remove:
        err("kg build: nothing to do: give INPUT files and/or --remove ARTICLE_ID")
        return EXIT_UNREADABLE
    try:
        store = KgStore.open(args.store, base=args.base, create=True)
    except StoreError as exc:
        err(f"kg build: {exc}")
        return EXIT_UNREADABLE
    with store:
        missing = [a for a in args.remove if not store.has_article(a)]
        if missing:
            err(f"kg build: {args.store}: no article {', '.join(missing)} in the store")
            return EXIT_UNREADABLE
        store.apply([], removed=args.remove)
        if args.remove:
            err(f"kg build: removed {len(args.remove)} article(s) from {args.store}")
        if not args.inputs:
            return EXIT_OK
        builder = StoreBuilder(_options(args), store)
        progress = Progress()
        result = build_dataset(args.inputs, builder.options, sys.stdin.buffer, progress, builder)
        progress.close()
        _report_problems(result)
        counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
        err(f"kg build: {args.store}: wrote {counts}; the store holds {store.quad_count()} quads")
        if result.dataset_report is not None and not result.dataset_report.conforms:
            err(format_report(result.dataset_report, limit=20))
            err(f"kg build: nodes shared with other graphs of {args.store} fail SHACL validation")
            return EXIT_PROBLEMS
    failed = result.failed_inputs
    if failed and not args.keep_going:
        err(f"kg build: {len(failed)} input(s) failed; the other articles are in the store")
        return EXIT_PROBLEMS
    return EXIT_OK


def _options(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(
        base=args.base,
        lang=None if args.lang == "auto" else args.lang,
        validate=not args.no_validate,
        max_bytes=args.max_bytes,
        overrides=args.overrides,
    )


def _report_problems(result: BuildResult) -> None:
    for problem in result.problems:
        level = "error" if problem.fatal else "warning"
        err(f"{level}: {problem}")
