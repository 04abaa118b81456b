"""``kg ner``: tag a CoNLL file with the shipped (or a given) NER model.

Each input line comes back with the predicted IOB2 tag appended as the last column, so
a file with a gold column can be scored by any CoNLL scorer (gold, then predicted)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from kg.commands.common import EXIT_OK, EXIT_UNREADABLE, err
from kg.ner.conll import ConllError, format_sentence, read_conll
from kg.ner.tagger import MODEL_FILES, ModelError, NerTagger


def register(sub: argparse._SubParsersAction) -> None:
    n = sub.add_parser(
        "ner",
        help="tag a CoNLL file with named entities",
        description="Read CoNLL (one token per line, optional further columns such as a gold "
        "tag, a blank line between sentences) and write the same lines with the predicted "
        "IOB2 tag appended.",
    )
    n.add_argument("input", metavar="FILE", help="CoNLL file, or - for standard input")
    n.add_argument("--lang", required=True, choices=sorted(MODEL_FILES), help="text language")
    n.add_argument("--model", type=Path, help="a CRFsuite model (default: the shipped one)")
    n.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        tagger = (
            NerTagger(args.model, args.lang) if args.model else NerTagger.for_language(args.lang)
        )
    except ModelError as exc:
        err(f"kg ner: {exc}")
        return EXIT_UNREADABLE
    name = "<stdin>" if args.input == "-" else args.input
    try:
        if args.input == "-":
            _tag(tagger, sys.stdin, name)
        else:
            with open(args.input, encoding="utf-8") as lines:
                _tag(tagger, lines, name)
    except (OSError, UnicodeDecodeError, ConllError) as exc:
        err(f"kg ner: {name}: {exc}" if not isinstance(exc, ConllError) else f"kg ner: {exc}")
        return EXIT_UNREADABLE
    return EXIT_OK


def _tag(tagger: NerTagger, lines: Iterable[str], name: str) -> None:
    out = sys.stdout
    for sentence in read_conll(lines, name):
        out.write(format_sentence(sentence, tagger.tag(sentence.tokens)))
