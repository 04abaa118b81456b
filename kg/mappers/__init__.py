"""Mapper registry: the mapper for an article is chosen by its language.

Mappers are found through the ``kg.mappers`` entry-point group (name = language code,
value = a class with no required constructor arguments), so another package can add a
language or replace one of ours by declaring, in its own ``pyproject.toml``::

    [project.entry-points."kg.mappers"]
    uz = "my_package.mappers:UzbekMapper"

Entry points from other distributions win over kg's own for the same language.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points

from kg.mappers.base import Mapper

BUILTIN = {
    "kk": "kg.mappers.kk:KazakhMapper",
    "ru": "kg.mappers.ru:RussianMapper",
    "en": "kg.mappers.en:EnglishMapper",
}


class UnsupportedLanguage(LookupError):
    """No mapper is registered for a language."""


def _load(target: str) -> type:
    module_name, _, attr = target.partition(":")
    module = __import__(module_name, fromlist=[attr])
    return getattr(module, attr)


@cache
def available() -> dict[str, str]:
    """Language code → ``module:Class`` of its mapper (built-ins, then plug-ins)."""
    found = dict(BUILTIN)
    for ep in entry_points(group="kg.mappers"):
        dist = getattr(ep, "dist", None)
        if dist is not None and dist.name == "kg-intergov":
            continue
        found[ep.name] = ep.value
    return found


@cache
def get_mapper(lang: str) -> Mapper:
    """The mapper for ``lang`` (one instance per process: mappers load models once)."""
    target = available().get(lang)
    if target is None:
        raise UnsupportedLanguage(
            f"no mapper for language {lang!r} (available: {', '.join(sorted(available()))})"
        )
    return _load(target)()
