"""``kg eval``: measure extraction quality against an annotated collection.

Each benchmark is one sub-command (``kg eval factrueval DIR``); to add one, write a
``register_NAME(sub)`` function that adds its parser and sets ``func``, and list it in
``_SUBCOMMANDS``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.commands.common import EXIT_OK, EXIT_UNREADABLE, err


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval",
        help="measure extraction quality on an annotated collection",
        description="Run the mappers on an annotated collection and print the scores.",
    )
    benchmarks = parser.add_subparsers(dest="benchmark", required=True, metavar="BENCHMARK")
    for add in _SUBCOMMANDS:
        add(benchmarks)


def register_factrueval(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "factrueval",
        help="Russian: Occupation and Meeting facts, NER per/org/loc (factRuEval-2016)",
        description="Run the Russian mapper on every book_N.txt of DIR and print precision, "
        "recall and F1 per fact type (Occupation, Meeting) and per NER type (per, org, "
        "loc), matched as in the factRuEval-2016 campaign.",
    )
    parser.add_argument("directory", metavar="DIR", type=Path, help="a factRuEval folder")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--show-errors",
        nargs="?",
        const="all",
        metavar="KINDS",
        help="list the missed (-) and spurious (+) facts and mentions per document; "
        "KINDS limits them to a comma-separated list of rows (e.g. 'Occupation,NER org')",
    )
    parser.set_defaults(func=run_factrueval)


def run_factrueval(args: argparse.Namespace) -> int:
    from kg.eval.factrueval import FormatError, evaluate, read_collection, row_names
    from kg.mappers import get_mapper

    kinds = None
    if args.show_errors not in (None, "all"):
        kinds = [kind.strip() for kind in args.show_errors.split(",") if kind.strip()]
        unknown = sorted(set(kinds) - set(row_names()))
        if unknown or not kinds:
            err(
                f"kg eval factrueval: --show-errors {args.show_errors!r}: use a comma-separated "
                f"list of {', '.join(row_names())}"
            )
            return EXIT_UNREADABLE
    try:
        documents = read_collection(args.directory)
    except FormatError as exc:
        err(f"kg eval factrueval: {exc}")
        return EXIT_UNREADABLE
    scores = evaluate(documents, get_mapper("ru").extract)
    errors = scores.error_lines(kinds) if args.show_errors else []
    if args.json:
        result = scores.as_dict()
        if args.show_errors:
            result["errors"] = errors
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"factRuEval: {scores.documents} documents from {args.directory}")
    print(scores.table())
    if args.show_errors:
        print()
        print("(- missed: in the gold, not extracted; + spurious: extracted, not in the gold)")
        print("\n".join(errors))
    return EXIT_OK


def register_articles(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "articles",
        help="all languages: persons, organizations, memberships, events against gold files",
        description="Run the mapper of each article's language on every article with a "
        "NAME.gold.json beside it under GOLD_DIR, and print precision, recall and F1 per fact "
        "kind and per language (format: docs/gold-format.md).",
    )
    parser.add_argument("gold", metavar="GOLD_DIR", type=Path, help="folder of gold files")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--lang", default="kk,ru,en", help="comma-separated languages to score (default: all)"
    )
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="list the missed and spurious facts of every article",
    )
    parser.set_defaults(func=run_articles)


def run_articles(args: argparse.Namespace) -> int:
    from kg.eval.articles import GoldFormatError, evaluate
    from kg.model import LANGUAGES

    languages = [code.strip() for code in args.lang.split(",") if code.strip()]
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown or not languages:
        err(f"kg eval articles: --lang {args.lang!r}: use a list of {', '.join(LANGUAGES)}")
        return EXIT_UNREADABLE
    try:
        report = evaluate(args.gold, languages)
    except GoldFormatError as exc:
        err(f"kg eval articles: {exc}")
        return EXIT_UNREADABLE
    if not report.articles:
        err(f"kg eval articles: {args.gold}: no gold article in {', '.join(languages)}")
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(report.table())
    if args.show_errors:
        print()
        print(report.errors())
    return EXIT_OK


def register_names(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "names",
        help="entity resolution: merge precision and recall on same/different name pairs",
        description="Resolve both names of every pair in PAIRS_TSV (format: "
        "tests/data/README.md) and print the precision and recall of the merges per kind.",
    )
    parser.add_argument("pairs", metavar="PAIRS_TSV", type=Path)
    parser.add_argument("--overrides", type=Path, metavar="FILE", help="override file to honour")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong pair")
    parser.set_defaults(func=run_names)


def run_names(args: argparse.Namespace) -> int:
    from kg.eval.names import PairFileError, evaluate, read_pairs
    from kg.names.overrides import OverrideError, Overrides

    try:
        overrides = Overrides.load(args.overrides) if args.overrides else None
        report = evaluate(read_pairs(args.pairs), overrides)
    except (PairFileError, OverrideError) as exc:
        err(f"kg eval names: {exc}")
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(report.table())
    if args.show_errors and report.errors:
        print()
        print("\n".join(report.error_lines()))
    return EXIT_OK


def register_identities(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "identities",
        help="entity resolution: one node per entity named in several gold articles",
        description="Map and resolve the gold articles under GOLD_DIR together and check "
        "that every entity of the identities file (default GOLD_DIR/entities.json) gets "
        "exactly one node, and no node stands for two entities.",
    )
    parser.add_argument("gold", metavar="GOLD_DIR", type=Path)
    parser.add_argument("--entities", type=Path, metavar="FILE", help="the identities file")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run_identities)


def run_identities(args: argparse.Namespace) -> int:
    from kg.eval.articles import GoldFormatError
    from kg.eval.identities import evaluate_identities, read_identities

    try:
        identities = read_identities(args.entities or args.gold / "entities.json")
        report = evaluate_identities(args.gold, identities)
    except GoldFormatError as exc:
        err(f"kg eval identities: {exc}")
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines()))
    return EXIT_OK


_SUBCOMMANDS = (register_factrueval, register_articles, register_names, register_identities)
