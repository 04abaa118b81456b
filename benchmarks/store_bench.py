"""Triple-store benchmark: bulk-load time of the embedded store and push throughput to a
local Oxigraph server.  (Shipped-query latency, pyoxigraph vs rdflib: query_latency.py,
which reuses ``template`` and ``replicate`` from here.)

The data is the examples' dataset replicated: copy k renames every article-specific node
(articles, graphs, sentences, evidence, memberships, events) and spreads persons over
``copies / 10`` variants, so graphs, joins and shared entities keep the shapes of real
builds.  Run from the repository root with the dev extra installed:

    python benchmarks/store_bench.py --triples 1000000 10000000
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test suite's Oxigraph server helper

from oxigraph_server import OxigraphServer, oxigraph_binary  # noqa: E402

from kg.rdf.dataset import Dataset  # noqa: E402
from kg.remote.client import HttpClient  # noqa: E402
from kg.remote.endpoints import derive  # noqa: E402
from kg.remote.push import push  # noqa: E402

_PER_COPY = re.compile(r"(/id/(?:article|graph/article|sentence|evidence|membership|event)/[^>/]+)")
_PERSON = re.compile(r"(/id/person/[^>/]+)")


def template(tmp: Path) -> list[str]:
    out = tmp / "examples.nq"
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(ROOT / "examples"), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out.read_text(encoding="utf-8").splitlines()


def replicate(lines: list[str], triples: int, path: Path) -> int:
    """Write about ``triples`` quads as N-Quads; the number written."""
    copies = max(1, triples // len(lines))
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            variant = k % max(1, copies // 10)
            for line in lines:
                line = _PER_COPY.sub(lambda m, k=k: f"{m.group(1)}-c{k}", line)
                out.write(_PERSON.sub(lambda m, v=variant: f"{m.group(1)}-v{v}", line) + "\n")
    return copies * len(lines)


def bench_push(store: ox.Store, tmp: Path) -> list[str]:
    binary = oxigraph_binary()
    if binary is None:
        return ["push: skipped (oxigraph server not installed)"]
    lines = []
    for method in ("gsp", "update"):
        server = OxigraphServer(binary, tmp / f"server-{method}")
        server.start()
        try:
            endpoints = derive(f"{server.url}/query")
            first = push(Dataset(store), endpoints, HttpClient(), method)
            count = server.count()
            again = push(Dataset(store), endpoints, HttpClient(), method)
            lines.append(
                f"push {method}: {first.triples} triples, {first.graphs} graphs, "
                f"{first.seconds:.1f} s = {first.rate:,.0f} triples/s; re-push "
                f"{again.rate:,.0f} triples/s, server count {count} → {server.count()}"
            )
        finally:
            server.stop()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--push-triples", type=int, default=1_000_000, help="0: skip push")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        lines = template(tmp)
        for size in sorted({*args.triples, *([args.push_triples] if args.push_triples else [])}):
            nq = tmp / f"data-{size}.nq"
            written = replicate(lines, size, nq)
            store = ox.Store(str(tmp / f"store-{size}"))
            started = time.perf_counter()
            store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            loaded = time.perf_counter() - started
            print(f"\n## {len(store):,} quads ({written:,} lines): store loaded in {loaded:.1f} s")
            if size == args.push_triples:
                for line in bench_push(store, tmp):
                    print("  " + line)
            del store
            nq.unlink()


if __name__ == "__main__":
    main()
