"""The embedded store (``--store DIR``): incremental builds equal a build of everything,
re-processing and removal keep the entities graph consistent, and a process killed in
the middle of a change leaves the store as it was before or after it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.query import query_files
from kg.store import KgStore, StoreError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ENGLISH = sorted(str(p) for p in EXAMPLES.glob("en_*"))
OTHERS = sorted(str(p) for p in EXAMPLES.iterdir() if not p.name.startswith("en_"))


def export(tmp_path: Path, store: Path, name: str) -> bytes:
    out = tmp_path / name
    assert main(["export", "--store", str(store), "-o", str(out)]) == 0
    return out.read_bytes()


def build_file(tmp_path: Path, inputs: list[str], name: str) -> bytes:
    out = tmp_path / name
    assert main(["build", *inputs, "-o", str(out)]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """File builds of all examples and of the non-English ones (canonical N-Quads)."""
    tmp = tmp_path_factory.mktemp("reference")
    return {
        "all": build_file(tmp, [str(EXAMPLES)], "all.nq"),
        "others": build_file(tmp, OTHERS, "others.nq"),
    }


def article_ids(store: Path) -> list[str]:
    with KgStore.open(store) as kg_store:
        prefix = kg_store.minter.article_graph("")
        return sorted(
            g.value.removeprefix(str(prefix))
            for g in kg_store.data.named_graphs()
            if g.value.startswith(str(prefix))
        )


def assert_union_view_exact(store: Path) -> None:
    """The store's default graph is the union of its named graphs, each triple once."""
    with KgStore.open(store) as kg_store:
        named = {q.triple for q in kg_store.dataset().quads()}
        default = [
            q.triple for q in kg_store.data.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ]
    assert named and len(default) == len(set(default)) and set(default) == named


def test_incremental_build_reprocess_and_remove_equal_full_builds(
    tmp_path: Path, references: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    assert main(["build", *ENGLISH, "--store", str(store)]) == 0
    assert main(["build", str(EXAMPLES), "--store", str(store)]) == 0  # adds 6, re-does 3
    assert export(tmp_path, store, "grown.nq") == references["all"]
    assert_union_view_exact(store)

    assert main(["build", ENGLISH[0], "--store", str(store)]) == 0  # re-processed: no change
    assert export(tmp_path, store, "again.nq") == references["all"]
    assert_union_view_exact(store)

    english = [a for a in article_ids(store) if a not in _ids_of(references["others"])]
    assert len(english) == 3
    removal = [arg for article in english for arg in ("--remove", article)]
    capsys.readouterr()
    assert main(["build", "--store", str(store), *removal]) == 0
    assert "removed 3 article(s)" in capsys.readouterr().err
    # entities only the English articles named are gone; shared ones lost their names
    assert export(tmp_path, store, "removed.nq") == references["others"]
    assert_union_view_exact(store)  # triples only the English graphs held left the view

    assert main(["build", "--store", str(store), "--remove", "no-such-article"]) == 2
    assert "no article no-such-article in the store" in capsys.readouterr().err


def _ids_of(nquads: bytes) -> set[str]:
    marker = b"/graph/article/"
    return {
        line.split(marker, 1)[1].split(b">", 1)[0].decode()
        for line in nquads.splitlines()
        if marker in line
    }


def test_query_validate_export_read_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    assert main(["build", ENGLISH[1], "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["query", "--store", str(store), "persons-roles", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("person,") and len(rows) > 1
    assert main(["validate", "--store", str(store)]) == 0
    assert main(["query", str(tmp_path / "nowhere"), "persons-roles"]) == 2
    assert main(["query", "--store", str(tmp_path / "nowhere"), "persons-roles"]) == 2
    assert "not a kg store" in capsys.readouterr().err


# parameters for the shipped queries that need one (IRIs of the examples' dataset)
_PARAMS = {
    "person-timeline": ["person=<https://w3id.org/intergov-kg/id/person/alikhan-baimenov>"],
    "provenance": ["entity=<https://w3id.org/intergov-kg/id/person/alikhan-baimenov>"],
}


def test_every_shipped_query_gives_the_same_rows_from_store_and_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The store's union view counts each triple once, as a file's does: same rows."""
    store, data = tmp_path / "store", tmp_path / "all.nq"
    assert main(["build", str(EXAMPLES), "--store", str(store)]) == 0
    assert main(["build", str(EXAMPLES), "-o", str(data)]) == 0
    capsys.readouterr()
    for name in sorted(query_files()):
        params = [arg for p in _PARAMS.get(name, []) for arg in ("--param", p)]
        assert main(["query", str(data), name, *params, "--format", "csv"]) == 0
        from_file = capsys.readouterr().out
        assert main(["query", "--store", str(store), name, *params, "--format", "csv"]) == 0
        assert capsys.readouterr().out == from_file, name
        assert len(from_file.splitlines()) > 1, f"{name}: no rows to compare"


def clear_default_graph(store: Path) -> None:
    with KgStore.open(store) as kg_store:  # released when the function returns
        kg_store.data.update("CLEAR DEFAULT")


def test_a_format_1_store_gains_its_union_view(tmp_path: Path) -> None:
    """A store written before the union view existed is upgraded when opened."""
    store = tmp_path / "store"
    assert main(["build", ENGLISH[1], "--store", str(store)]) == 0
    clear_default_graph(store)
    meta = store / "kg-store.json"
    meta.write_text(json.dumps(dict(json.loads(meta.read_text()), format=1)))
    assert_union_view_exact(store)
    assert json.loads(meta.read_text())["format"] == 2
    with KgStore.open(store), pytest.raises(StoreError, match="another kg process"):
        KgStore.open(store)


def test_store_keeps_its_base_iri(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert main(["build", ENGLISH[1], "--store", str(store), "--base", "https://e.org/"]) == 0
    assert main(["build", ENGLISH[1], "--store", str(store)]) == 2
    assert "holds data under the base IRI https://e.org/" in capsys.readouterr().err


# A build killed at a chosen point of the write protocol: just before the Oxigraph
# transaction (the change must vanish) or just after it, before the entity index has
# recorded it (the change must be kept and the index completed on the next open).
_KILLED_BUILD = """
import os, signal, sys
from kg.cli import main
from kg.store import dataset_store, entity_index
point = sys.argv[1]
die = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
if point == "before-oxigraph":
    dataset_store.KgStore._update = die
else:
    entity_index.EntityLabelIndex.commit = die
main(["build", *sys.argv[3:], "--store", sys.argv[2]])
"""


@pytest.mark.parametrize("point", ["before-oxigraph", "after-oxigraph"])
def test_killed_build_leaves_the_store_before_or_after_the_batch(
    tmp_path: Path, references: dict[str, bytes], point: str
) -> None:
    store = tmp_path / "store"
    assert main(["build", *OTHERS, "--store", str(store)]) == 0
    before = export(tmp_path, store, "before.nq")
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_BUILD, point, str(store), *ENGLISH], check=False
    )
    assert killed.returncode == -9
    expected = before if point == "before-oxigraph" else references["all"]
    assert export(tmp_path, store, "after-kill.nq") == expected
    assert_union_view_exact(store)
    # the entity index agrees with the data: finishing the build gives the full dataset
    assert main(["build", *ENGLISH, "--store", str(store)]) == 0
    assert export(tmp_path, store, "completed.nq") == references["all"]
