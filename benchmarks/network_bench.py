"""Benchmark of ``kg network`` on a large synthetic network, in Python and in Chromium.

Usage::

    python benchmarks/network_bench.py [--orgs 5000] [--edges 50000] [--seed 0]
        [--workdir DIR] [--no-browser] [--results FILE]

1. Generates a dataset in the data model of docs/data-model.md: ``--orgs``
   organizations (states, IGOs, government bodies, units; names in en/ru/kk) in 50
   regional clusters, and meetings of two to four of them (mostly inside a cluster)
   until the co-attendance network has ``--edges`` distinct ties.
2. Runs ``kg network DATA -o PAGE.html --stats --format json`` as a child process, as a
   user would: wall time and peak memory (``os.wait4``), HTML size; then the same
   stages in-process to time each one.
3. Opens the page in headless Chromium (the harness of tests/test_network_browser.py):
   time until the first frame is drawn, and the time of what a user does next —
   redraw after a zoom, a search, selecting a node, the date filter, the size toggle.

Results are printed as Markdown (and written to ``--results`` when given).  Needs
/usr/bin/chromium and websocket-client for step 3 (``--no-browser`` skips it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/intergov-kg/id/"
KGO = "https://w3id.org/intergov-kg/ontology#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
KINDS = (  # share of organizations, class, English name pattern, Russian, Kazakh
    (0.04, KGO + "State", "State {i}", "Государство {i}", "Мемлекет {i}"),
    (0.06, KGO + "IntergovernmentalOrganization", "Union {i}", "Союз {i}", "Одақ {i}"),
    (0.60, KGO + "GovernmentBody", "Ministry {i}", "Министерство {i}", "Министрлік {i}"),
    (0.30, ORG + "OrganizationalUnit", "Department {i}", "Департамент {i}", "Департамент {i}"),
)
CLUSTERS = 50


def generate(path: Path, orgs: int, edges: int, seed: int) -> dict[str, int]:
    """Write the synthetic dataset as N-Quads; return what it holds."""
    rng = random.Random(seed)
    quads: list[ox.Quad] = []
    entities = ox.NamedNode(ID + "graph/entities")
    nodes = []
    for i in range(orgs):
        _, cls, en, ru, kk = rng.choices(KINDS, weights=[k[0] for k in KINDS])[0]
        node = ox.NamedNode(f"{ID}org/bench-{i}")
        nodes.append(node)
        quads += [
            ox.Quad(node, RDF_TYPE, ox.NamedNode(ORG + "Organization"), entities),
            ox.Quad(node, RDF_TYPE, ox.NamedNode(cls), entities),
            ox.Quad(node, PREF, ox.Literal(en.format(i=i), language="en"), entities),
            ox.Quad(node, PREF, ox.Literal(ru.format(i=i), language="ru"), entities),
            ox.Quad(node, PREF, ox.Literal(kk.format(i=i), language="kk"), entities),
        ]
    cluster_of = [rng.randrange(CLUSTERS) for _ in nodes]
    members = [
        [n for n, c in zip(nodes, cluster_of, strict=True) if c == k] for k in range(CLUSTERS)
    ]
    pairs: set[tuple[str, str]] = set()
    events = 0
    start = dt.date(2015, 1, 1)
    while len(pairs) < edges:
        pool = members[rng.randrange(CLUSTERS)] if rng.random() < 0.8 else nodes
        size = min(len(pool), rng.choice((2, 2, 3, 4)))
        attendees = rng.sample(pool, size)
        new = {(a.value, b.value) for a in attendees for b in attendees if a.value < b.value}
        if len(pairs) + len(new - pairs) > edges:  # the last meeting: one more tie
            attendees = attendees[:2]
            new = {tuple(sorted((attendees[0].value, attendees[1].value)))}
        pairs |= new
        date = start + dt.timedelta(days=rng.randrange(3650))
        article = ox.NamedNode(f"{ID}article/bench-{events}")
        graph = ox.NamedNode(f"{ID}graph/article/bench-{events}")
        event = ox.NamedNode(f"{ID}event/bench-{events}")
        quads += [
            ox.Quad(article, RDF_TYPE, ox.NamedNode(SCHEMA + "NewsArticle"), graph),
            ox.Quad(
                article,
                ox.NamedNode(SCHEMA + "headline"),
                ox.Literal(f"Meeting {events}", language="en"),
                graph,
            ),
            ox.Quad(
                article,
                ox.NamedNode(SCHEMA + "datePublished"),
                ox.Literal(date.isoformat(), datatype=XSD_DATE),
                graph,
            ),
            ox.Quad(event, RDF_TYPE, ox.NamedNode(SCHEMA + "Event"), graph),
            ox.Quad(event, RDF_TYPE, ox.NamedNode(KGO + "Meeting"), graph),
            ox.Quad(event, LABEL, ox.Literal(f"Meeting {events}", language="en"), graph),
            ox.Quad(
                event,
                ox.NamedNode(SCHEMA + "startDate"),
                ox.Literal(date.isoformat(), datatype=XSD_DATE),
                graph,
            ),
            ox.Quad(event, DERIVED, article, graph),
        ]
        quads += [ox.Quad(event, ox.NamedNode(SCHEMA + "attendee"), a, graph) for a in attendees]
        events += 1
    with path.open("wb") as out:
        ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    return {"organizations": orgs, "ties": len(pairs), "events": events, "quads": len(quads)}


def run_command(data: Path, page: Path, stats: Path) -> dict[str, float]:
    """``kg network`` as a child process: wall time, CPU time, peak RSS."""
    command = [
        sys.executable,
        "-m",
        "kg",
        "network",
        str(data),
        "-o",
        str(page),
        "--stats",
        "--format",
        "json",
    ]
    started = time.monotonic()
    with stats.open("wb") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - started
    error = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{error}")
    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "html_mb": round(page.stat().st_size / 1e6, 2),
    }


def time_stages(data: Path) -> dict[str, float]:
    """The same work in-process, stage by stage."""
    from kg.network.graph import NetworkOptions, build_network
    from kg.network.layout import force_layout
    from kg.network.metrics import compute_metrics
    from kg.network.page import render_page
    from kg.network.source import read_source
    from kg.rdf.dataset import load_store

    timings: dict[str, float] = {}

    def timed(name: str, work):
        started = time.monotonic()
        result = work()
        timings[name] = round(time.monotonic() - started, 2)
        return result

    store = timed("load_s", lambda: load_store(data))
    source = timed("read_facts_s", lambda: read_source(store))
    graph = timed("build_graph_s", lambda: build_network(source, NetworkOptions()))
    timed("metrics_s", lambda: compute_metrics(graph))
    positions = timed("layout_s", lambda: force_layout(graph))
    timed("page_s", lambda: render_page(graph, positions, "bench"))
    timings["nodes"] = graph.number_of_nodes()
    timings["edges"] = graph.number_of_edges()
    return timings


_DRAWN = """new Promise(resolve => {{
  const t0 = performance.now();
  kg.network.once('afterDrawing', () => resolve(performance.now() - t0));
  {action};
  kg.network.redraw();
}})"""


def measure_browser(page: Path, profile: Path) -> dict[str, float]:
    """Open the page in Chromium and time what a user does."""
    sys.path.insert(0, str(REPO / "tests"))
    from test_network_browser import READY, Chromium

    browser = Chromium(profile, 1600, 1000)
    try:
        load = browser.open(page.as_uri(), READY, timeout=600)
        result = {
            "open_to_first_frame_s": round(load, 2),
            "script_to_first_frame_ms": round(browser.evaluate("kg.timings.firstDraw")),
            "rendered_nodes": int(browser.evaluate("document.documentElement.dataset.kgNodes")),
            "rendered_edges": int(browser.evaluate("document.documentElement.dataset.kgEdges")),
        }
        result["redraw_ms"] = round(browser.evaluate(_DRAWN.format(action="")))
        result["zoom_redraw_ms"] = round(
            browser.evaluate(_DRAWN.format(action="kg.network.moveTo({scale: 0.5})"))
        )
        result["search_ms"] = round(
            browser.evaluate(
                "(() => { const t = performance.now(); kg.find('Министрлік 42'); "
                "return performance.now() - t; })()"
            ),
            1,
        )
        result["select_node_ms"] = round(browser.evaluate(_DRAWN.format(action="kg.select(42)")))
        result["date_filter_ms"] = round(
            browser.evaluate(
                _DRAWN.format(
                    action="document.getElementById('date-from').value = '2020-01-01';"
                    " kg.applyDates()"
                )
            )
        )
        result["size_toggle_ms"] = round(
            browser.evaluate(
                _DRAWN.format(action="document.querySelector('input[value=betweenness]').click()")
            )
        )
        result["console_errors"] = len(browser.errors)
        browser.screenshot(page.with_suffix(".png"))
        return result
    finally:
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--results", type=Path)
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-network-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    data, page = workdir / "network.nq", workdir / "network.html"
    dataset = generate(data, args.orgs, args.edges, args.seed)
    command = run_command(data, page, workdir / "stats.json")
    stages = time_stages(data)
    browser = {} if args.no_browser else measure_browser(page, workdir / "chromium-profile")
    lines = [
        f"## kg network: {args.orgs} organizations, {dataset['ties']} ties",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {dt.date.today().isoformat()}; seed {args.seed}.",
        f"Command: `python benchmarks/network_bench.py --orgs {args.orgs} --edges {args.edges}`; "
        f"files in {workdir}.",
        "",
        "| measure | value |",
        "| --- | --- |",
    ]
    for name, value in {**dataset, **command, **stages, **browser}.items():
        lines.append(f"| {name} | {value} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.results:
        args.results.write_text(report, encoding="utf-8")
    print(json.dumps({**dataset, **command, **stages, **browser}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
