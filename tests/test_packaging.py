"""The installed package must carry every module and every declarative asset."""

from __future__ import annotations

import re
from pathlib import Path

from kg.assets import ontology_files, query_files, shapes_files

REPO = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(kg(?:\.\w+)*)"', pyproject.split("[tool.setuptools]", 1)[1]))
    on_disk = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "kg").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert on_disk <= listed, f"missing from [tool.setuptools] packages: {on_disk - listed}"
    assert {"kg.ontology", "kg.shapes", "kg.queries"} <= listed


def test_assets_are_reachable_through_the_package() -> None:
    assert [f.name for f in ontology_files()] == ["kg.ttl"]
    assert [f.name for f in shapes_files()] == ["kg-shapes.ttl"]
    assert {"persons-roles", "meetings", "events", "provenance"} <= set(query_files())
