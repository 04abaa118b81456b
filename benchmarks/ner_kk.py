"""Kazakh NER benchmark: exact-span P/R/F1 per class on the held-out part of KazNERD,
tagging speed and model load time.

Usage::

    python benchmarks/ner_kk.py [--corpus ../shared/data/kaznerd/IOB2_valid.txt]
        [--model MODEL] [--repeat 3]

The held-out part is the dev split of ``kg train ner`` (``kg.ner.corpus``: de-duplicated
sentences, 15 % by hash), so the scores are on sentences the shipped model never saw.
Load time is measured in a fresh child process (importing the tagger, reading the model
and building the featurizer's gazetteer tables), because in this process the modules are
already imported.  Speed is single-process tokens per second including feature
extraction, from empty word caches (as for a new article's unseen words), best of
``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from kg.lang import stem
from kg.ner.conll import read_conll
from kg.ner.corpus import split
from kg.ner.scoring import format_scores
from kg.ner.tagger import NerTagger, default_model_path
from kg.ner.training import evaluate

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/kaznerd/IOB2_valid.txt"
REPORTED = ("PERSON", "ORGANISATION", "GPE", "LOCATION", "POSITION", "EVENT", "DATE", "micro")

_LOAD_SNIPPET = """
import sys, time
started = time.perf_counter()
from pathlib import Path
from kg.ner.tagger import NerTagger
tagger = NerTagger(Path(sys.argv[1]), "kk")
tagger.tag(["Астана"])
print(time.perf_counter() - started)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", type=Path, default=default_model_path("kk"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"ner_kk: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with args.corpus.open(encoding="utf-8") as lines:
        train_part, dev = split(read_conll(lines, str(args.corpus)))
    tokens = sum(len(s.tokens) for s in dev)
    print(
        f"corpus {args.corpus}: {len(train_part)} train / {len(dev)} dev sentences, "
        f"{tokens} dev tokens"
    )
    scores = evaluate(NerTagger(args.model, "kk"), dev)
    print(format_scores({k: scores[k] for k in REPORTED if k in scores}))
    print("\nall classes:")
    print(format_scores(scores))

    best = float("inf")
    for _ in range(args.repeat):
        stem.cache_clear()  # cold caches: every word's features are computed again
        tagger = NerTagger(args.model, "kk")
        started = time.perf_counter()
        for sentence in dev:
            tagger.tag(sentence.tokens)
        best = min(best, time.perf_counter() - started)
    print(f"\nspeed: {tokens / best:,.0f} tokens/s (single process, features included)")

    load = subprocess.run(
        [sys.executable, "-c", _LOAD_SNIPPET, str(args.model)],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"model load (fresh process, imports included): {float(load.stdout):.2f} s")
    print(f"model size: {args.model.stat().st_size / 1e6:.1f} MB ({args.model})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
