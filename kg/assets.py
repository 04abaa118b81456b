"""The declarative assets shipped with kg: ontology, SHACL shapes, named queries.

They live at the top of the repository (ontology/, shapes/, queries/) and are installed
as the packages ``kg.ontology``, ``kg.shapes`` and ``kg.queries`` (see pyproject.toml), so
they are found the same way from a checkout and from an installed wheel.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def _root(package: str) -> Traversable:
    """The package's files; in a source checkout that was not installed, the top-level
    folder of the same name (``kg.shapes`` → ``shapes/``)."""
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[1] / package.rpartition(".")[2]
        if checkout.is_dir():
            return checkout
        raise


def _files(package: str, suffix: str) -> list[Traversable]:
    root = _root(package)
    return sorted(
        (item for item in root.iterdir() if item.name.endswith(suffix)), key=lambda t: t.name
    )


def ontology_files() -> list[Traversable]:
    return _files("kg.ontology", ".ttl")


def shapes_files() -> list[Traversable]:
    return _files("kg.shapes", ".ttl")


def query_files() -> dict[str, Traversable]:
    """Shipped queries by name (file name without ``.rq``)."""
    return {item.name.removesuffix(".rq"): item for item in _files("kg.queries", ".rq")}
