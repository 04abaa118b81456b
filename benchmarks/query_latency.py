"""Shipped-query latency: pyoxigraph (as ``kg query DATA`` runs them) vs rdflib in memory.

Every query in ``queries/`` runs without parameters on the examples' dataset replicated
to about N quads (``store_bench.replicate``: per-article nodes renamed per copy, persons
spread over ``copies / 10`` variants, organizations, places and roles shared, as in a
real build).  pyoxigraph: an in-memory store loaded once per size, with the union view
``kg query`` adds for a dataset file (``kg.rdf.dataset.add_union_view``); the median of
``--repeat`` runs per query.  rdflib: a ``Dataset(default_union=True)`` parsed once per
size; each query runs once in a forked child, killed after ``--timeout`` seconds
(reported as "> T s"); POSIX only.  Run from the repository root with the dev extra:

    python benchmarks/query_latency.py --triples 1000000 --rdflib-triples 100000
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import replicate, template

from kg.assets import query_files
from kg.query import run_local
from kg.rdf.dataset import add_union_view
from kg.rdf.namespaces import PREFIXES


def oxigraph_latency(nq: Path, repeat: int) -> tuple[float, dict[str, tuple[float, int]]]:
    """Load time, and per query the median seconds of ``repeat`` runs and the row count."""
    store = ox.Store()
    started = time.perf_counter()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    add_union_view(store)
    loaded = time.perf_counter() - started
    results = {}
    for name, path in sorted(query_files().items()):
        text = path.read_text(encoding="utf-8")
        times, rows = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            rows = len(run_local(store, text, {}, default_graph_is_union=True).rows)
            times.append(time.perf_counter() - started)
        results[name] = (statistics.median(times), rows)
    return loaded, results


def rdflib_latency(nq: Path, timeout: float) -> tuple[float, dict[str, float | str | None]]:
    """Parse time, and per query the seconds of one run (``None``: killed at ``timeout``;
    ``"error: …"``: rdflib failed on the query)."""
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    started = time.perf_counter()
    dataset.parse(str(nq), format="nquads")
    parsed = time.perf_counter() - started
    return parsed, {
        name: _run_forked(dataset, path.read_text(encoding="utf-8"), timeout)
        for name, path in sorted(query_files().items())
    }


def _run_forked(dataset: object, query: str, timeout: float) -> float | str | None:
    """Run ``query`` in a forked child (which shares the parsed dataset), so that a slow
    query can be killed without parsing the dataset again."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into the caller's code
        try:
            os.close(read_end)
            started = time.perf_counter()
            list(dataset.query(query, initNs=PREFIXES))  # type: ignore[attr-defined]
            os.write(write_end, f"{time.perf_counter() - started}".encode())
        except Exception as exc:
            os.write(write_end, f"error: {type(exc).__name__}".encode())
        finally:
            os._exit(0)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], timeout)
    answer = os.read(read_end, 200).decode() if ready else None
    if answer is None:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_end)
    return answer if answer is None or answer.startswith("error") else float(answer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--rdflib-triples", type=int, nargs="*", default=[100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0, help="rdflib, per query")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        lines = template(tmp)
        for size in sorted({*args.triples, *args.rdflib_triples}):
            nq = tmp / f"data-{size}.nq"
            written = replicate(lines, size, nq)
            print(f"\n## {written:,} quads (examples × {max(1, size // len(lines))})\n")
            if size in args.triples:
                loaded, oxigraph = oxigraph_latency(nq, args.repeat)
                print(f"pyoxigraph: loaded with the union view in {loaded:.1f} s\n")
                print(f"| query | rows | pyoxigraph (median of {args.repeat}) |")
                print("| --- | ---: | ---: |")
                for query, (seconds, rows) in oxigraph.items():
                    print(f"| `{query}` | {rows:,} | {seconds:.3f} s |")
            if size in args.rdflib_triples:
                parsed, rdflib = rdflib_latency(nq, args.timeout)
                print(f"\nrdflib: parsed in {parsed:.1f} s\n")
                print("| query | rdflib (one run) |")
                print("| --- | ---: |")
                for query, took in rdflib.items():
                    if took is None:
                        shown = f"> {args.timeout:.0f} s"
                    else:
                        shown = took if isinstance(took, str) else f"{took:.3f} s"
                    print(f"| `{query}` | {shown} |")
            nq.unlink()


if __name__ == "__main__":
    main()
