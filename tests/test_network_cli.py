"""``kg network`` end to end: every output from one run, stats, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from test_network import BROKERS, KINDS

from kg.cli import main


@pytest.fixture()
def kinds_file(tmp_path: Path) -> Path:
    path = tmp_path / "kinds.trig"
    path.write_text(KINDS, encoding="utf-8")
    return path


def test_one_run_writes_every_format(kinds_file: Path, tmp_path: Path, capsys) -> None:
    out = {ext: tmp_path / f"net.{ext}" for ext in ("html", "png", "svg", "gexf", "graphml")}
    code = main(
        [
            "network",
            str(kinds_file),
            "-o",
            str(out["html"]),
            "--png",
            str(out["png"]),
            "--svg",
            str(out["svg"]),
            "--gexf",
            str(out["gexf"]),
            "--graphml",
            str(out["graphml"]),
        ]
    )
    assert code == 0
    assert all(path.stat().st_size > 0 for path in out.values())
    assert nx.read_gexf(out["gexf"]).number_of_nodes() == 5
    assert nx.read_graphml(out["graphml"]).number_of_edges() == 6
    assert "5 nodes, 6 edges" in capsys.readouterr().err


def test_stats_as_json_and_table(tmp_path: Path, capsys) -> None:
    data = tmp_path / "brokers.trig"
    data.write_text(BROKERS, encoding="utf-8")
    assert main(["network", str(data), "--stats", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["nodes"] == 6 and len(report["communities"]) == 2
    assert [o["label"] for o in report["ranking"][:2]] == ["Delta", "Gamma"]
    assert main(["network", str(data), "--stats"]) == 0
    assert "top brokers: Delta, Gamma" in capsys.readouterr().out


def test_options_reach_the_graph(kinds_file: Path, tmp_path: Path, capsys) -> None:
    gexf = tmp_path / "rolled.gexf"
    args = ["network", str(kinds_file), "--rollup", "--min-weight", "2", "--gexf", str(gexf)]
    assert main(args) == 0
    assert sorted(nx.read_gexf(gexf).nodes) == [
        "https://w3id.org/intergov-kg/id/country/s",
        "https://w3id.org/intergov-kg/id/org/i",
    ]
    args = [
        "network",
        str(kinds_file),
        "--from",
        "2024-02-01",
        "--types",
        "state,IntergovernmentalOrganization",
        "--stats",
        "--format",
        "json",
    ]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["edges"] == 1
    args = [
        "network",
        str(kinds_file),
        "--to",
        "2024-01-31",
        "--persons",
        "--stats",
        "--format",
        "json",
    ]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["nodes"], report["edges"]) == (6, 6)
    assert "https://w3id.org/intergov-kg/id/person/p" in {o["iri"] for o in report["ranking"]}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "2024-13-01", "--stats"], "--from '2024-13-01': not a date"),
        (["--types", "Galaxy", "--stats"], "--types: unknown type Galaxy"),
        (["--min-weight", "0", "--stats"], "--min-weight 0: must be 1 or more"),
        ([], "nothing to do"),
    ],
)
def test_bad_options_are_named(kinds_file: Path, capsys, extra: list[str], message: str) -> None:
    assert main(["network", str(kinds_file), *extra]) == 2
    assert message in capsys.readouterr().err


def test_missing_and_broken_data_are_named(tmp_path: Path, capsys) -> None:
    assert main(["network", str(tmp_path / "none.trig"), "--stats"]) == 2
    assert "none.trig: no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.trig"
    broken.write_text("this is not TriG {", encoding="utf-8")
    assert main(["network", str(broken), "--stats"]) == 2
    assert "broken.trig: not valid TRIG" in capsys.readouterr().err


def test_a_store_gives_the_network_its_dataset_file_gives(tmp_path: Path, capsys) -> None:
    """``--store``: the network of a store equals that of a file build of the same
    articles (the store's union view counts each fact once, as the file does)."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    data, store = tmp_path / "all.nq", tmp_path / "store"
    assert main(["build", str(examples), "-o", str(data)]) == 0
    assert main(["build", str(examples), "--store", str(store)]) == 0
    files = {name: tmp_path / f"{name}.gexf" for name in ("file", "store")}
    assert main(["network", str(data), "--persons", "--gexf", str(files["file"])]) == 0
    args = ["network", "--store", str(store), "--persons", "--gexf", str(files["store"])]
    assert main(args) == 0
    from_file, from_store = (nx.read_gexf(path) for path in files.values())
    assert from_file.number_of_edges() > 10
    assert sorted(from_store.nodes(data=True)) == sorted(from_file.nodes(data=True))
    assert sorted(from_store.edges(data=True)) == sorted(from_file.edges(data=True))
    capsys.readouterr()
    assert main(["network", "--store", str(tmp_path / "nowhere"), "--stats"]) == 2
    assert "not a kg store" in capsys.readouterr().err
