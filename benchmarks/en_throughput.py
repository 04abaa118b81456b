"""English mapper throughput: articles per second in one process.

Reads the English articles of ``examples/`` and ``tests/gold/en`` once, then runs the
English mapper over them repeatedly and reports articles/s (mapping only: reading and RDF
building are measured by ``bench_build.py``).  Usage::

    python benchmarks/en_throughput.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.mappers.en import EnglishMapper
from kg.model import Article
from kg.readers import ReadProblem, read_inputs

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "examples").glob("en_*")),
    *sorted((ROOT / "tests/gold/en").glob("*.txt")),
]


def load_articles() -> list[Article]:
    articles = [
        a
        for a in read_inputs([str(p) for p in SOURCES], lang="en")
        if not isinstance(a, ReadProblem)
    ]
    if not articles:
        raise SystemExit("no English articles found under examples/ or tests/gold/en")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to measure")
    args = parser.parse_args()
    articles = load_articles()
    mapper = EnglishMapper()
    mapper.extract(articles[0])  # warm caches (gazetteer, stemmer)
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < args.seconds:
        for article in articles:
            mapper.extract(article)
        done += len(articles)
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(
        f"{done} articles ({len(articles)} distinct, {chars:.0f} characters on average) "
        f"in {elapsed:.2f} s: {done / elapsed:.0f} articles/s, single process"
    )


if __name__ == "__main__":
    main()
