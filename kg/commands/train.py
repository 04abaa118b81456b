"""``kg train ner``: reproduce a shipped NER model from an annotated CoNLL corpus.

The corpus is de-duplicated and split into train/dev deterministically
(``kg.ner.corpus``); the model is trained on the train part and its dev scores are
printed, so the numbers in the project notes can be re-measured with one command."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.commands.common import EXIT_OK, EXIT_UNREADABLE, err
from kg.ner.conll import ConllError, read_conll
from kg.ner.corpus import split
from kg.ner.scoring import format_scores
from kg.ner.tagger import MODEL_FILES, ModelError, NerTagger, default_model_path
from kg.ner.training import CrfParams, evaluate, train


def register(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser(
        "train", help="train a model", description="Train a model from annotated data."
    )
    what = t.add_subparsers(dest="model_kind", required=True, metavar="MODEL")
    n = what.add_parser(
        "ner",
        help="the CRF named-entity tagger",
        description="Train the CRF NER model on the train part of FILE (CoNLL with gold IOB2 "
        "tags) and print exact-span scores on the held-out dev part.",
    )
    n.add_argument("corpus", metavar="FILE", help="annotated CoNLL corpus (e.g. KazNERD)")
    n.add_argument("--lang", required=True, choices=sorted(MODEL_FILES), help="corpus language")
    n.add_argument(
        "-o", "--output", type=Path, help="model file (default: the shipped model in kg/models)"
    )
    defaults = CrfParams()
    n.add_argument("--dev-percent", type=int, default=15, help="held-out share (default 15)")
    n.add_argument("--c1", type=float, default=defaults.c1, help="L1 regularisation")
    n.add_argument("--c2", type=float, default=defaults.c2, help="L2 regularisation")
    n.add_argument(
        "--iterations", type=int, default=defaults.max_iterations, help="L-BFGS iterations"
    )
    n.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.dev_percent < 100:
        err(f"kg train ner: --dev-percent must be between 1 and 99, not {args.dev_percent}")
        return EXIT_UNREADABLE
    try:
        with open(args.corpus, encoding="utf-8") as lines:
            train_part, dev_part = split(read_conll(lines, args.corpus), args.dev_percent)
    except (OSError, UnicodeDecodeError, ConllError) as exc:
        err(f"kg train ner: {exc}")
        return EXIT_UNREADABLE
    if not train_part or not dev_part:
        err(f"kg train ner: {args.corpus}: too few annotated sentences to split")
        return EXIT_UNREADABLE
    output = args.output or default_model_path(args.lang)
    err(f"kg train ner: {len(train_part)} train / {len(dev_part)} dev sentences → {output}")
    started = time.monotonic()
    params = CrfParams(args.c1, args.c2, args.iterations)
    train(train_part, output, args.lang, params)
    err(f"kg train ner: trained in {time.monotonic() - started:.0f} s")
    try:
        tagger = NerTagger(output, args.lang)
    except ModelError as exc:
        err(f"kg train ner: {exc}")
        return EXIT_UNREADABLE
    print(format_scores(evaluate(tagger, dev_part)))
    return EXIT_OK
