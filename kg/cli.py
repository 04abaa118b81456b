"""The ``kg`` command: a thin layer over the library.

Each subcommand lives in ``kg.commands``; this module only assembles the parser.
Results go to stdout or files, progress and problems to stderr.  Exit codes: 0 success;
1 problems found (bad inputs without ``--keep-going``, SHACL violations); 2 unusable
invocation or unreadable data.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from kg import __version__
from kg.commands import (
    build,
    entities,
    evaluate,
    export,
    ner,
    network,
    push,
    query,
    train,
    validate,
)
from kg.commands.common import err

COMMANDS = (build, validate, query, export, entities, evaluate, push, ner, train, network)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph of persons, organizations, events and memberships "
        "from news articles in Kazakh, Russian and English.",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        err("kg: interrupted; no output was written")
        return 130
    except BrokenPipeError:
        # The reader went away (`kg query … | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
