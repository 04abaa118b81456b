"""``kg entities``: the dataset's persons and organizations with all their names, and why
each name was merged into its node.

The rows come from the shipped query ``entities.rq``; the explanations are recomputed
with the same rules the resolver applies (``kg.names``), so what ``kg entities`` says
is what ``kg build`` did — except for merges an override file made, which are
explained when the same file is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.assets import query_files
from kg.gazetteer import Gazetteer
from kg.names.clusters import explain as explain_person
from kg.names.organizations import OrgNames
from kg.names.overrides import Overrides
from kg.query import run_local
from kg.rdf.namespaces import ORG, SCHEMA, SKOS
from kg.translit import slugify

PREFERRED, VARIANT, AS_WRITTEN = "preferred", "variant", "as written"
_PROPERTY = {str(SKOS.prefLabel): PREFERRED, str(SKOS.altLabel): VARIANT}
KINDS = ("person", "organization", "country")
_RANK = {PREFERRED: 0, VARIANT: 1, AS_WRITTEN: 2}


@dataclass
class EntityName:
    name: str
    lang: str
    role: str  # preferred | variant | as written
    why: str = ""


@dataclass
class EntityListing:
    iri: str
    kind: str  # person | organization | country
    mentions: int
    articles: int
    same_as: str = ""
    names: list[EntityName] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "entity": self.iri,
            "type": self.kind,
            "mentions": self.mentions,
            "articles": self.articles,
            "sameAs": self.same_as or None,
            "names": [
                {"name": n.name, "lang": n.lang, "label": n.role, "why": n.why or None}
                for n in self.names
            ],
        }


def list_entities(
    store: ox.Store,
    base: str,
    *,
    kinds: tuple[str, ...] = ("person", "organization"),
    default_graph_is_union: bool = False,
    overrides: Overrides | None = None,
) -> list[EntityListing]:
    """Every entity of ``kinds`` in ``store`` with its names, most mentioned first."""
    query = query_files()["entities"].read_text(encoding="utf-8")
    result = run_local(store, query, {}, default_graph_is_union=default_graph_is_union)
    listings: dict[str, EntityListing] = {}
    for entity, type_, prop, name, mentions, articles, same_as in result.rows:
        # entities.rq binds every column in every row but ?sameAs (OPTIONAL)
        assert entity is not None and type_ is not None and prop is not None
        assert name is not None and mentions is not None and articles is not None
        iri = entity.value
        kind = _kind(iri, type_.value, base)
        if kind not in kinds:
            continue
        listing = listings.setdefault(
            iri,
            EntityListing(iri, kind, int(mentions.value), int(articles.value)),
        )
        if same_as is not None:
            listing.same_as = same_as.value
        role = _PROPERTY.get(prop.value, AS_WRITTEN)
        lang = getattr(name, "language", None) or ""
        known = next((n for n in listing.names if (n.name, n.lang) == (name.value, lang)), None)
        if known is None:
            listing.names.append(EntityName(name.value, lang, role))
        elif _RANK[role] < _RANK[known.role]:  # preferred, else variant, else as written
            known.role = role
    explainer = _Explainer(base, overrides or Overrides())
    for listing in listings.values():
        explainer.explain(listing)
    return sorted(listings.values(), key=lambda e: (-e.mentions, e.iri))


def _kind(iri: str, type_: str, base: str) -> str:
    if type_ == str(SCHEMA.Person):
        return "person"
    if type_ == str(ORG.Organization):
        return "country" if iri.startswith(base + "country/") else "organization"
    return "other"


class _Explainer:
    """Why each name that is not a preferred label belongs to its entity."""

    def __init__(self, base: str, overrides: Overrides) -> None:
        self.base = base
        self.overrides = overrides
        self.gazetteer = Gazetteer.default()
        self.org_names = OrgNames.default()

    def explain(self, listing: EntityListing) -> None:
        preferred = [n.name for n in listing.names if n.role == PREFERRED]
        if not preferred:
            preferred = [n.name for n in listing.names[:1]]
        for name in listing.names:
            if name.name in preferred:
                continue
            if listing.kind == "person":
                name.why = self._person(name, preferred)
            else:
                name.why = self._organization(listing, name)

    def _person(self, name: EntityName, preferred: list[str]) -> str:
        if self._overridden(name.name):
            return "override file"
        return explain_person(name.name, preferred)

    def _organization(self, listing: EntityListing, name: EntityName) -> str:
        path = listing.iri.removeprefix(self.base)
        entry = self.gazetteer.entries.get(path.split("/", 1)[-1])
        if entry is not None:
            known = {n for names in entry.names.values() for n in names} | set(entry.acronyms)
            if name.name in known:
                return f"gazetteer entry {entry.id}"
        identity = self.org_names.identify(name.name, name.lang or "en")
        if identity is not None and identity.path == path:
            return identity.why
        if self._overridden(name.name):
            return "override file"
        if slugify(name.name) == path.rsplit("/", 1)[-1]:
            return "same name in another article"
        return "name or acronym the articles give it"

    def _overridden(self, name: str) -> bool:
        in_alias = any(a.name == name for a in self.overrides.alias)
        in_same = any(name in group for group in self.overrides.same_names())
        return in_alias or in_same


def format_table(listings: list[EntityListing], base: str) -> str:
    """One block per entity: IRI, type, mention counts, then one line per name."""
    lines: list[str] = []
    for e in listings:
        path = e.iri.removeprefix(base)
        head = f"{path}  [{e.kind}]  {e.mentions} mentions in {e.articles} articles"
        if e.same_as:
            head += f"  = {e.same_as}"
        lines.append(head)
        for n in e.names:
            why = f" — {n.why}" if n.why else ""
            lines.append(f"    {n.lang or '--':<3}{n.name}  ({n.role}){why}")
    return "\n".join(lines)
