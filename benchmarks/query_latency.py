"""Shipped-query latency: pyoxigraph (as ``kg query`` runs them) vs rdflib in memory.

Every query in ``queries/`` runs without parameters on the examples' dataset replicated
to about N quads (``store_bench.replicate``: per-article nodes renamed per copy, persons
spread over ``copies / 10`` variants, organizations, places and roles shared, as in a
real build).  pyoxigraph: loaded once per size with the union view in the default graph
— ``--where disk`` (default) into an on-disk Oxigraph store, closed and reopened, as
``kg query --store DIR`` reads the view a kg store maintains; ``--where memory`` into an
in-memory store, as ``kg query DATA`` adds it to a dataset file
(``kg.rdf.dataset.add_union_view``); the median of ``--repeat`` runs per query.
Queries are also run as an analyst typically calls them (``TYPICAL``): for the most
mentioned person of the replicated data, one organization or place of the examples, or
below a confidence threshold.  ``--keep DIR`` keeps the generated data and stores for
the next run (a 10M store takes about 8 minutes to load).
rdflib: a ``Dataset(default_union=True)`` parsed once per size; each query runs once
in a forked child, killed after ``--timeout`` seconds (reported as "> T s"); POSIX only.
Run from the repository root with the dev extra:

    python benchmarks/query_latency.py --triples 1000000 10000000 --rdflib-triples 100000
    python benchmarks/query_latency.py --triples 10000000 --rdflib-triples --keep /tmp/ql
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shutil
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

# The typical invocations: query name → (parameter name, value) calls, where "PERSON"
# stands for the IRI of the most mentioned person.  The queries whose full listing is
# large also run without parameters; the others are called as an analyst asks about one
# organization, place or person of the examples (present at every size).
TYPICAL: dict[str, list[tuple[str, str]]] = {
    "provenance": [("entity", "PERSON")],
    "person-timeline": [("name", "PERSON")],
    "quality-low-confidence": [("threshold", "0.5")],
    "co-attendance": [("org", "OECD")],
    "events": [("place", "Seoul")],
    "meetings": [("name", "baimenov")],
    "persons-roles": [("org", "OECD")],
}
_PERSON_EVIDENCE = re.compile(r"^<([^>]*/id/person/[^>]*)> <[^>]*#evidence> ")

Params = dict[str, ox.NamedNode | ox.Literal]


def most_mentioned_person(nq: Path) -> str:
    """IRI of the person with the most evidence records in ``nq`` (the smallest IRI among
    equals), read from the N-Quads lines rather than queried, so that picking it costs
    no query time."""
    counts: dict[str, int] = {}
    with nq.open(encoding="utf-8") as lines:
        for line in lines:
            match = _PERSON_EVIDENCE.match(line)
            if match:
                counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    if not counts:
        raise SystemExit(f"{nq}: no person with evidence records to run the typical queries for")
    return min(counts, key=lambda iri: (-counts[iri], iri))


def cases(person: str) -> list[tuple[str, str, Params]]:
    """(label, query name, parameters) for every shipped query without parameters, and
    for the ``TYPICAL`` ones also with their typical parameters."""
    result: list[tuple[str, str, Params]] = []
    for name in sorted(query_files()):
        for param, value in TYPICAL.get(name, []):
            term = ox.NamedNode(person) if value == "PERSON" else ox.Literal(value)
            shown = f"<…{person.rsplit('/', 1)[-1]}>" if value == "PERSON" else f'"{value}"'
            result.append((f"{name} ({param}={shown})", name, {param: term}))
        result.append((f"{name} (all)" if name in TYPICAL else name, name, {}))
    return result


def oxigraph_latency(
    nq: Path, repeat: int, directory: Path | None
) -> tuple[float | None, dict[str, tuple[float, int]]]:
    """Load time (``None`` when a kept store was reused), and per case (``cases``) the
    median seconds of ``repeat`` runs and the row count; the store is on disk in
    ``directory``, or in memory when it is ``None``."""
    loaded: float | None = None
    marker = None if directory is None else directory.with_name(directory.name + ".loaded")
    if marker is not None and marker.exists():
        store = ox.Store(str(directory))
    else:
        store = ox.Store(None if directory is None else str(directory))
        started = time.perf_counter()
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        add_union_view(store)
        if directory is not None:
            store.flush()
            del store
            store = ox.Store(str(directory))  # a new process's view of the store
        loaded = time.perf_counter() - started
        if marker is not None:
            marker.touch()
    texts = {name: path.read_text(encoding="utf-8") for name, path in query_files().items()}
    results = {}
    for label, name, params in cases(most_mentioned_person(nq)):
        times, rows = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            rows = len(run_local(store, texts[name], params, default_graph_is_union=True).rows)
            times.append(time.perf_counter() - started)
        results[label] = (statistics.median(times), rows)
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
    parser.add_argument("--where", choices=("disk", "memory"), default="disk")
    parser.add_argument("--timeout", type=float, default=60.0, help="rdflib, per query")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the generated data and the on-disk stores in this directory and reuse "
        "them on the next run with the same directory (delete it after changing the "
        "examples or the builder)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        work = args.keep or Path(name)
        work.mkdir(parents=True, exist_ok=True)
        lines = template(Path(name))
        for size in sorted({*args.triples, *args.rdflib_triples}):
            nq = work / f"data-{size}.nq"
            if not (args.keep and nq.exists()):
                replicate(lines, size, nq)
            copies = max(1, size // len(lines))  # as replicate writes them
            print(f"\n## {copies * len(lines):,} quads (examples × {copies})\n")
            if size in args.triples:
                directory = work / f"store-{size}" if args.where == "disk" else None
                loaded, oxigraph = oxigraph_latency(nq, args.repeat, directory)
                how = f"loaded with the union view in {loaded:.1f} s" if loaded else "reused"
                print(f"pyoxigraph ({args.where}): {how}\n")
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
            if not args.keep:
                nq.unlink()
                shutil.rmtree(work / f"store-{size}", ignore_errors=True)


if __name__ == "__main__":
    main()
