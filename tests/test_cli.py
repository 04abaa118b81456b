"""End-to-end tests of the ``kg`` command on real files: the bundled examples, the
user's seed article (when ../shared is present) and every kind of bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEED = REPO.parent / "shared" / "seeds" / "000_f22f3348edfb279b.txt"

GOOD_EN = """Kazakhstan and Korea discuss civil service reform
22 September 2017

Alikhan Baimenov, Chairman of the Steering Committee of the Astana Civil Service Hub, met Pan Suk Kim, Minister of Personnel Management of the Republic of Korea, in Seoul.
"""


def run(*args: str) -> int:
    return main(list(args))


def quads(path: Path) -> list[ox.Quad]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    return list(store)


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_EN, encoding="utf-8")
    return path


def test_version_and_help_from_the_installed_script() -> None:
    exe = shutil.which("kg") or str(Path(sys.executable).with_name("kg"))
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("kg ")
    helped = subprocess.run([exe, "build", "--help"], capture_output=True, text=True, check=True)
    assert "--keep-going" in helped.stdout


def test_build_examples_validate_query_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "examples.trig"
    assert run("build", str(EXAMPLES), "-o", str(out)) == 0
    data = quads(out)
    graphs = {q.graph_name.value for q in data}
    article_graphs = [g for g in graphs if "/graph/article/" in g]
    assert len(article_graphs) == len(
        [p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix != ".md"]
    )
    assert run("validate", str(out)) == 0
    capsys.readouterr()
    assert run("query", str(out), "persons-roles", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert len(rows) >= 9
    ttl = tmp_path / "examples.ttl"
    assert run("export", str(out), "-o", str(ttl)) == 0
    text = ttl.read_text(encoding="utf-8")
    assert text.startswith("@prefix") and "GRAPH" not in text
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    assert len(store) == len({q.triple for q in data})


def test_every_shipped_query_returns_rows_on_the_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "examples.trig"
    assert run("build", str(EXAMPLES), "-o", str(out)) == 0
    from kg.assets import query_files

    empty = []
    for name in query_files():
        capsys.readouterr()
        assert run("query", str(out), name, "--format", "json") == 0, name
        if not json.loads(capsys.readouterr().out)["results"]["bindings"]:
            empty.append(name)
    assert not empty, f"queries without rows on the examples: {empty}"


def test_same_input_gives_identical_nquads_and_rerun_adds_nothing(
    tmp_path: Path, good: Path
) -> None:
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    assert run("build", str(good), str(EXAMPLES), "-o", str(a)) == 0
    assert run("build", str(EXAMPLES), str(good), "-o", str(b)) == 0
    assert a.read_bytes() == b.read_bytes()
    lines = a.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_same_article_given_twice_is_built_once(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(GOOD_EN, encoding="utf-8")
    out = tmp_path / "out.nq"
    assert run("build", str(good), str(copy), "-o", str(out)) == 0
    assert "same article" in capsys.readouterr().err
    single = tmp_path / "single.nq"
    assert run("build", str(good), "-o", str(single)) == 0
    assert out.read_bytes() == single.read_bytes()


def test_later_article_reuses_entity_iris(tmp_path: Path, good: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(
        "Hub steering committee meets\n23 September 2017\n\n"
        "Alikhan Baimenov, Chairman of the Steering Committee of the Astana Civil Service Hub, "
        "opened the meeting in Astana.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.trig"
    assert run("build", str(good), str(other), "-o", str(out)) == 0
    persons = {
        q.subject.value
        for q in quads(out)
        if q.predicate.value.endswith("22-rdf-syntax-ns#type")
        and q.object.value == "https://schema.org/Person"
    }
    assert persons == {
        "https://w3id.org/intergov-kg/id/person/alikhan-baimenov",
        "https://w3id.org/intergov-kg/id/person/pan-suk-kim",
    }


def test_base_iri_option(tmp_path: Path, good: Path) -> None:
    out = tmp_path / "out.nq"
    assert run("build", str(good), "-o", str(out), "--base", "https://data.example.gov/kg/") == 0
    subjects = {q.subject.value for q in quads_nq(out)}
    assert all(s.startswith("https://data.example.gov/kg/") for s in subjects)


def quads_nq(path: Path) -> list[ox.Quad]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return list(store)


def test_output_formats(tmp_path: Path, good: Path) -> None:
    for ext, fmt in (
        ("trig", ox.RdfFormat.TRIG),
        ("nq", ox.RdfFormat.N_QUADS),
        ("jsonld", ox.RdfFormat.JSON_LD),
        ("ttl", ox.RdfFormat.TURTLE),
    ):
        out = tmp_path / f"out.{ext}"
        assert run("build", str(good), "-o", str(out)) == 0, ext
        store = ox.Store()
        store.load(path=str(out), format=fmt)
        assert len(store) > 50, ext


def test_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exe = Path(sys.executable)
    out = tmp_path / "stdin.trig"
    done = subprocess.run(
        [str(exe), "-m", "kg", "build", "-", "-o", str(out)],
        input=GOOD_EN.encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    sources = [
        q.object.value for q in quads(out) if q.predicate.value == "http://purl.org/dc/terms/source"
    ]
    assert sources == ["-"]


# -- bad input ---------------------------------------------------------------------------


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "in"
    d.mkdir()
    files = {
        "empty": d / "empty.txt",
        "binary": d / "binary.txt",
        "badjson": d / "records.jsonl",
        "nobody": d / "page.html",
        "unknown": d / "deutsch.txt",
        "big": d / "big.txt",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 20)
    files["badjson"].write_text(
        json.dumps(
            {
                "id": "r1",
                "title": "Kazakhstan and OECD",
                "text": GOOD_EN,
                "date": "2017-09-22",
                "lang": "en",
            }
        )
        + "\n{ this is not json\n",
        encoding="utf-8",
    )
    files["nobody"].write_text(
        "<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>",
        encoding="utf-8",
    )
    files["unknown"].write_text(
        "Die Regierung traf sich gestern\n\nDer Minister sprach mit den Vertretern der Organisation über die Zusammenarbeit und die Reform.",
        encoding="utf-8",
    )
    with open(files["big"], "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return files


def test_bad_inputs_are_named_and_the_rest_still_processed(
    tmp_path: Path, good: Path, bad_inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.trig"
    out.write_text("existing output")
    code = run("build", str(good), *(str(p) for p in bad_inputs.values()), "-o", str(out))
    err = capsys.readouterr().err
    assert code == 1
    assert out.read_text() == "existing output"  # a failed run does not replace the output
    assert f"{bad_inputs['empty']}: empty" in err
    assert f"{bad_inputs['binary']}: binary" in err
    assert f"{bad_inputs['badjson']}:2: invalid JSON" in err
    assert f"{bad_inputs['nobody']}: no article text" in err
    assert f"{bad_inputs['unknown']}: could not detect language" in err
    assert f"{bad_inputs['big']}: file is 52.4 MB" in err
    assert "--keep-going" in err

    code = run(
        "build", str(good), *(str(p) for p in bad_inputs.values()), "-o", str(out), "--keep-going"
    )
    assert code == 0
    ids = {
        q.object.value
        for q in quads(out)
        if q.predicate.value == "http://purl.org/dc/terms/identifier"
    }
    assert len(ids) == 2  # the good file and the good JSON line


def test_windows_1251_russian_is_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cp1251.txt"
    text = (
        "Казахстан и ОЭСР обсудили реформу\n22 сентября 2017\n\n"
        "Председатель управляющего комитета Регионального хаба в сфере государственной службы "
        "Алихан Байменов встретился в Сеуле с представителями ОЭСР.\n"
    )
    path.write_bytes(text.encode("cp1251"))
    out = tmp_path / "out.trig"
    assert run("build", str(path), "-o", str(out)) == 0
    assert "cp1251" in capsys.readouterr().err
    headlines = [
        q.object.value for q in quads(out) if q.predicate.value == "https://schema.org/headline"
    ]
    assert headlines == ["Казахстан и ОЭСР обсудили реформу"]


def test_missing_date_is_a_warning_and_events_stay_undated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text(GOOD_EN.replace("22 September 2017\n", ""), encoding="utf-8")
    out = tmp_path / "out.trig"
    assert run("build", str(path), "-o", str(out)) == 0
    assert "no publication date" in capsys.readouterr().err
    assert not [q for q in quads(out) if q.predicate.value == "https://schema.org/startDate"]
    assert run("validate", str(out)) == 0  # undated events are a warning, not a violation


def test_validate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix org: <http://www.w3.org/ns/org#> .\n<https://e.org/m> a org:Membership .\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.ttl"
    assert run("validate", str(broken), "--report", str(report)) == 1
    assert "Violation" in capsys.readouterr().out
    assert "ValidationReport" in report.read_text(encoding="utf-8")
    unreadable = tmp_path / "bad.trig"
    unreadable.write_text("not rdf at all {", encoding="utf-8")
    assert run("validate", str(unreadable)) == 2
    assert run("validate", str(tmp_path / "missing.trig")) == 2


def test_query_errors_exit_2(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.trig"
    assert run("build", str(good), "-o", str(out)) == 0
    assert run("query", str(out), "no-such-query") == 2
    assert "no such query" in capsys.readouterr().err
    assert run("query", str(out), "persons-roles", "--param", "oops") == 2


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article in ../shared is not available")
def test_seed_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.trig"
    assert run("build", str(SEED), "-o", str(out)) == 0
    assert run("validate", str(out)) == 0
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.TRIG)

    def select(query: str) -> list[tuple[str, ...]]:
        prefixes = (
            "PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <https://schema.org/> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX prov: <http://www.w3.org/ns/prov#> "
            "PREFIX kgo: <https://w3id.org/intergov-kg/ontology#> "
        )
        return [
            tuple(t.value for t in row)
            for row in store.query(prefixes + query, use_default_graph_as_union=True)
        ]

    persons = {row[0] for row in select("SELECT ?l WHERE { ?p a schema:Person ; rdfs:label ?l }")}
    assert {"Алихан Байменов", "Пан Сук Ким", "Эдвин Лау"} <= persons
    orgs = {
        row[0].rsplit("/id/", 1)[1] for row in select("SELECT ?o WHERE { ?o a org:Organization }")
    }
    assert {
        "org/eropa",
        "org/oecd",
        "org/acsh",
        "org/acsh/steering-committee",
        "country/kr",
    } <= orgs
    assert any(o.startswith("org/oecd/") for o in orgs)  # the public-sector reform division
    assert "org/kr-mpm" in orgs or any(o.startswith("org/kr/") for o in orgs)
    memberships = set(
        select(
            "SELECT ?p ?r ?o WHERE { ?m org:member/rdfs:label ?p ; org:role ?role ; org:organization ?org . "
            "BIND(STRAFTER(STR(?role), '/role/') AS ?r) BIND(STRAFTER(STR(?org), '/id/') AS ?o) }"
        )
    )
    assert ("Алихан Байменов", "chair", "org/acsh/steering-committee") in memberships
    assert any(p == "Пан Сук Ким" and r == "minister" for p, r, _ in memberships)
    assert any(
        p == "Эдвин Лау" and r == "head" and o.startswith("org/oecd/") for p, r, o in memberships
    )
    forum = select(
        "SELECT ?date ?place ?parent WHERE { ?e a kgo:Conference ; schema:startDate ?date ; "
        "schema:location ?place ; schema:superEvent ?parent . FILTER(CONTAINS(STR(?place), 'seoul')) }"
    )
    assert forum and forum[0][0] == "2017-09-22"
    meetings = select(
        "SELECT ?e (GROUP_CONCAT(?n; separator='|') AS ?names) WHERE { ?e a kgo:Meeting ; schema:attendee/rdfs:label ?n } GROUP BY ?e"
    )
    pairs = {frozenset(names.split("|")) for _, names in meetings}
    assert frozenset({"Пан Сук Ким", "Алихан Байменов"}) in pairs
    assert frozenset({"Эдвин Лау", "Алихан Байменов"}) in pairs
    unsourced = select(
        "SELECT ?x WHERE { { ?x a org:Membership } UNION { ?x a schema:Event } UNION { ?x a schema:Person } "
        "FILTER NOT EXISTS { ?x prov:wasDerivedFrom ?a ; kgo:evidence/kgo:sentence ?s } }"
    )
    assert unsourced == []
    labels = {row[0] for row in select("SELECT ?l WHERE { ?x a org:Organization ; rdfs:label ?l }")}
    assert not any(label.endswith(("-ның", "тың", "пен", "мен")) for label in labels)


def test_output_without_known_extension_is_trig(tmp_path: Path, good: Path) -> None:
    out = tmp_path / "dataset"
    assert run("build", str(good), "-o", str(out)) == 0
    assert len(quads(out)) > 50


def test_missing_output_directory_is_reported(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("build", str(good), "-o", str(tmp_path / "nowhere" / "out.trig")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_output_piped_into_a_closed_reader_stops_quietly(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kg query … | head`: the reader has gone; kg stops with 141, no traceback."""
    out = tmp_path / "out.trig"
    assert run("build", str(good), "-o", str(out)) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    closed = os.fdopen(write_end, "w", buffering=1)  # line-buffered: writes reach the pipe
    monkeypatch.setattr(sys, "stdout", closed)
    try:
        assert run("query", str(out), "provenance") == 141
    finally:
        monkeypatch.undo()
