import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.dataset import DataError, atomic_write, format_for, load_store, serialize

QUADS = [
    ox.Quad(
        ox.NamedNode("https://e.org/b"),
        ox.NamedNode("https://e.org/p"),
        ox.Literal("2"),
        ox.NamedNode("https://e.org/g2"),
    ),
    ox.Quad(
        ox.NamedNode("https://e.org/a"),
        ox.NamedNode("https://e.org/p"),
        ox.Literal("1", language="kk"),
        ox.NamedNode("https://e.org/g1"),
    ),
    ox.Quad(
        ox.NamedNode("https://e.org/a"),
        ox.NamedNode("https://e.org/p"),
        ox.Literal("1", language="kk"),
        ox.NamedNode("https://e.org/g2"),
    ),
]


def _out(fmt: str, quads=QUADS) -> str:
    buffer = io.BytesIO()
    serialize(quads, buffer, fmt, {"e": "https://e.org/"})
    return buffer.getvalue().decode()


def test_nquads_are_sorted_whatever_the_input_order() -> None:
    assert _out("nq") == _out("nq", list(reversed(QUADS)))
    assert _out("nq").splitlines()[0].endswith("<https://e.org/g1> .")


def test_turtle_merges_graphs_and_declares_prefixes() -> None:
    text = _out("ttl")
    assert text.startswith("@prefix e: <https://e.org/> .")
    store = ox.Store()
    store.load(text.encode(), format=ox.RdfFormat.TURTLE)
    assert len(store) == 2  # the triple in two graphs is one triple


def test_trig_and_jsonld_keep_graphs() -> None:
    for fmt, rdf_format in (("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)):
        store = ox.Store()
        store.load(_out(fmt).encode(), format=rdf_format)
        assert len(store) == 3, fmt


def test_format_from_extension_and_errors() -> None:
    assert (
        format_for("x.trig") == "trig"
        and format_for("x.nq") == "nq"
        and format_for("x.jsonld") == "jsonld"
    )
    with pytest.raises(DataError, match="extension"):
        format_for("x.docx")


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.trig"
    target.write_text("old")

    def fail(out) -> None:
        out.write(b"partial")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        atomic_write(target, fail)
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_load_store_reports_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(DataError, match="not valid TTL"):
        load_store(bad)
    with pytest.raises(DataError, match="no such file"):
        load_store(tmp_path / "missing.trig")


def test_terms_round_trip_between_rdflib_and_oxigraph() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from kg.rdf.dataset import from_ox, to_ox

    for term in (
        URIRef("https://e.org/x"),
        Literal("plain"),
        Literal("тег", lang="kk"),
        Literal("2017-09-22", datatype=XSD.date),
        Literal(5),
    ):
        assert from_ox(to_ox(term)) == term


def test_atomic_write_gives_the_usual_file_mode(tmp_path: Path) -> None:
    import os

    new = tmp_path / "new.trig"
    atomic_write(new, lambda out: out.write(b"x"))
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    existing = tmp_path / "existing.trig"
    existing.write_text("old")
    existing.chmod(0o640)
    atomic_write(existing, lambda out: out.write(b"new"))
    assert existing.stat().st_mode & 0o777 == 0o640
