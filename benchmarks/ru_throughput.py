"""Throughput of the Russian mapper alone: articles/s and tokens/s, one process.

Usage::

    OPENBLAS_NUM_THREADS=1 python benchmarks/ru_throughput.py [DIR_OR_FILES...] [--repeat 3]

Without arguments it reads the factRuEval devset from ``../shared`` (the research data,
absent on users' machines) and, failing that, the bundled ``examples/`` articles.  Every
text is mapped once to warm the caches and load the models (reported separately), then
``--repeat`` timed passes run over all texts; the best pass is reported, so that another
process's burst on a shared machine does not count.  ``OPENBLAS_NUM_THREADS=1`` (set
here when absent) keeps the NER model's matrix code on one core, as on a busy server.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy is imported (by kg's NER)

import argparse
import time
from pathlib import Path

from kg.model import Article
from kg.text import split_sentences, tokenize

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO.parent / "shared" / "data" / "factrueval" / "devset"


def _texts(paths: list[Path]) -> list[str]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return [f.read_text(encoding="utf-8") for f in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="text files or directories")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    args = parser.parse_args()
    inputs = args.inputs or [DEVSET if DEVSET.is_dir() else REPO / "examples"]
    texts = _texts(inputs)
    if not texts:
        parser.error(f"no .txt files in {', '.join(map(str, inputs))}")
    articles = [
        Article(id=str(n), source="bench", title="", body=text, language="ru")
        for n, text in enumerate(texts)
    ]
    tokens = sum(
        sum(t.is_word for t in tokenize(text, span))
        for text in texts
        for span in split_sentences(text)
    )

    started = time.perf_counter()
    from kg.mappers.ru import RussianMapper

    mapper = RussianMapper()
    for article in articles:
        mapper.extract(article)
    warm = time.perf_counter() - started

    best = min(_timed_pass(mapper, articles) for _ in range(max(1, args.repeat)))
    print(f"inputs: {', '.join(map(str, inputs))}")
    print(f"articles: {len(articles)}, word tokens: {tokens}")
    print(f"first pass (model loading, cold caches): {warm:.2f} s")
    print(f"best of {args.repeat} passes: {best:.2f} s")
    print(f"articles/s: {len(articles) / best:.1f}")
    print(f"tokens/s: {tokens / best:.0f}")
    print(f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")


def _timed_pass(mapper: object, articles: list[Article]) -> float:
    start = time.perf_counter()
    for article in articles:
        mapper.extract(article)  # type: ignore[attr-defined]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
