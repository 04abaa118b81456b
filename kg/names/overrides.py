"""The user's corrections to entity resolution: a TOML file ``kg build --overrides``
honours (format in docs/entity-resolution.md).

``alias``     a name (any language or script) denotes a given node
``same``      several nodes, or several person names, are one entity (the first node is kept)
``distinct``  person names that must never be merged, whatever they look like

Node references are paths under the dataset's base IRI (``person/alikhan-baimenov``,
``org/acsh``) or full IRIs.  The file is checked when it is read: an unknown key, a
missing field or an entry of the wrong shape is an error naming the file and the entry.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

from kg.translit import slugify

_FIELDS = {
    "alias": ({"name", "entity"}, {"why"}),
    "same": (set(), {"entities", "names", "why"}),
    "distinct": ({"names"}, {"why"}),
}


class OverrideError(ValueError):
    """The override file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Alias:
    name: str
    entity: str  # path under the base IRI, or a full IRI

    @property
    def kind(self) -> str:
        return self.entity.split("/", 1)[0] if "://" not in self.entity else ""

    @property
    def slug(self) -> str:
        return self.entity.split("/", 1)[1] if "/" in self.entity else self.entity


@dataclass
class Overrides:
    alias: list[Alias] = field(default_factory=list)
    same_entities: list[list[str]] = field(default_factory=list)
    same_person_names: list[list[str]] = field(default_factory=list)
    distinct: list[list[str]] = field(default_factory=list)
    source: str = ""

    @classmethod
    def load(cls, path: Path) -> Overrides:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise OverrideError(f"{path}: cannot read the override file: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise OverrideError(f"{path}: not valid TOML: {exc}") from exc
        return cls.parse(raw, str(path))

    @classmethod
    def parse(cls, raw: dict, source: str) -> Overrides:
        unknown = set(raw) - set(_FIELDS)
        if unknown:
            known = ", ".join(f"[[{k}]]" for k in _FIELDS)
            raise OverrideError(f"{source}: unknown section {sorted(unknown)} (expected {known})")
        result = cls(source=source)
        for section, (required, optional) in _FIELDS.items():
            entries = raw.get(section, [])
            if not isinstance(entries, list):
                raise OverrideError(f"{source}: {section} must be written [[{section}]]")
            for number, entry in enumerate(entries, 1):
                where = f"{source}: [[{section}]] #{number}"
                _check_fields(entry, required, optional, where)
                result._add(section, entry, where)
        return result

    def _add(self, section: str, entry: dict, where: str) -> None:
        if section == "alias":
            self.alias.append(Alias(_text(entry["name"], where), _text(entry["entity"], where)))
            return
        if section == "same":
            entities = _texts(entry.get("entities", []), where)
            names = _texts(entry.get("names", []), where)
            if len(entities) + len(names) < 2 or (entities and names):
                raise OverrideError(f"{where}: give two or more `entities`, or two or more `names`")
            if entities:
                self.same_entities.append(entities)
            else:
                self.same_person_names.append(names)
            return
        names = _texts(entry["names"], where)
        if len(names) < 2:
            raise OverrideError(f"{where}: `names` needs at least two names")
        self.distinct.append(names)

    # -- questions the resolver asks ---------------------------------------------------

    def aliases(self, kind: str) -> list[Alias]:
        """Aliases of nodes of one kind (``person``, ``org``, ``place``, ``country``)."""
        return [a for a in self.alias if a.kind == kind]

    def org_alias(self, name: str) -> str | None:
        """The node an organization name is declared to denote (compared as slugs, so
        case, script and punctuation do not matter)."""
        wanted = slugify(name)
        for alias in self.aliases("org"):
            if slugify(alias.name) == wanted:
                return alias.entity
        return None

    def same_names(self) -> list[list[str]]:
        return self.same_person_names

    def renames(self) -> dict[str, str]:
        """Node reference → the reference it is merged into (``same`` entities)."""
        mapping: dict[str, str] = {}
        for group in self.same_entities:
            for other in group[1:]:
                mapping[other] = group[0]
        return mapping

    def forbids(self, side_a: Iterable[str], side_b: Iterable[str]) -> bool:
        """Whether a ``distinct`` entry separates a name of ``side_a`` from one of ``side_b``."""
        a, b = set(side_a), set(side_b)
        for group in map(set, self.distinct):
            in_a, in_b = group & a, group & b
            if in_a and in_b and len(in_a | in_b) > 1:
                return True
        return False


def _check_fields(entry: object, required: set[str], optional: set[str], where: str) -> None:
    if not isinstance(entry, dict):
        raise OverrideError(f"{where}: expected a table of fields")
    missing = required - set(entry)
    if missing:
        raise OverrideError(f"{where}: missing {', '.join(sorted(missing))}")
    unknown = set(entry) - required - optional
    if unknown:
        raise OverrideError(f"{where}: unknown field {', '.join(sorted(unknown))}")


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise OverrideError(f"{where}: expected a non-empty string, got {value!r}")
    return value.strip()


def _texts(values: object, where: str) -> list[str]:
    if not isinstance(values, list):
        raise OverrideError(f"{where}: expected a list of strings, got {values!r}")
    return [_text(v, where) for v in values]
