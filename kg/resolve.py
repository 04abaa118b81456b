"""Entity resolution: give every entity, role and event of an extraction its global IRI.

Within an article the mappers already merged mentions (``Байменов`` → ``Алихан
Байменов``).  Here the article-local keys become dataset-wide identities, so a later
article that mentions the same entity reuses its node:

* gazetteer entities use the gazetteer id (``org/oecd``, ``country/kr``, ``place/seoul``),
  the same in every language;
* organizational units hang under their parent (``org/acsh/steering-committee``), with the
  unit kind named by the units gazetteer when it knows it, so the unit is one node whether
  the article is Kazakh, Russian or English;
* persons are clustered over the whole dataset (``kg.names.clusters``): ``Alikhan
  Baimenov``, ``Алихан Байменов``, ``Ә.Байменов`` and ``Mr. Baimenov`` meet at
  ``person/alikhan-baimenov``; the resolver must therefore ``observe`` every extraction
  before it resolves any;
* other organizations use the Latin transliteration of their base-form name, and an
  acronym another article defined for exactly one of them (``Civil Service Commission
  (CSC)``) resolves to it;
* the user's override file (``kg.names.overrides``) comes before all of this.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.gazetteer import Gazetteer
from kg.model import Entity, EntityType, Event, EventType, Extraction, Role
from kg.names.clusters import PersonNames
from kg.names.organizations import OrgNames
from kg.names.overrides import Overrides
from kg.rdf.iris import IriMinter
from kg.text import tokenize
from kg.translit import slugify

_PARTY_EVENTS = (EventType.MEETING, EventType.SIGNING, EventType.VISIT)
_ACRONYM = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9&-]{1,9}$")


@dataclass
class ResolvedExtraction:
    """An extraction plus the global IRI of each of its entities, roles and events."""

    extraction: Extraction
    entities: dict[str, URIRef] = field(default_factory=dict)
    events: dict[str, URIRef] = field(default_factory=dict)
    roles: dict[Role, URIRef] = field(default_factory=dict)
    # organizational units whose kind the units gazetteer knows: IRI → unit id, so the
    # unit is named in every language ("Steering Committee", "басқару комитеті")
    unit_kinds: dict[URIRef, str] = field(default_factory=dict)
    # organizations the mapper did not link but whose name is a gazetteer entry's:
    # IRI → gazetteer id, so that the entity gets the entry's names in every language
    linked: dict[URIRef, str] = field(default_factory=dict)


class Resolver:
    """Maps article-local keys to IRIs under one base IRI."""

    def __init__(
        self,
        minter: IriMinter,
        gazetteer: Gazetteer | None = None,
        overrides: Overrides | None = None,
    ) -> None:
        self.minter = minter
        self.gazetteer = gazetteer or Gazetteer.default()
        self.overrides = overrides or Overrides()
        self.persons = PersonNames(self.overrides)
        default = gazetteer is None or gazetteer is Gazetteer.default()
        self.org_names = OrgNames.default() if default else OrgNames(self.gazetteer)
        self._linked: dict[str, str] = {}  # org path → gazetteer id found by name
        self._acronyms: dict[str, set[str]] = defaultdict(set)  # acronym → org paths
        self._renames = {
            self.minter.node(old): self.minter.node(new)
            for old, new in self.overrides.renames().items()
        }

    def observe(self, extraction: Extraction) -> None:
        """Learn the names of an extraction that other articles may need: person names
        for the clustering, acronyms defined next to a full organization name."""
        for entity in extraction.entities.values():
            if entity.type is EntityType.PERSON:
                self.persons.add(entity.name)
            elif entity.type is EntityType.ORGANIZATION and not entity.ref:
                acronyms = [a for a in entity.aliases if _ACRONYM.match(a)]
                if acronyms and not _ACRONYM.match(entity.name):
                    path = self._org_path(extraction, entity, depth=0)
                    for acronym in acronyms:
                        self._acronyms[acronym].add(path)

    def resolve(self, extraction: Extraction) -> ResolvedExtraction:
        resolved = ResolvedExtraction(extraction)
        for key, entity in extraction.entities.items():
            iri = self._entity_iri(extraction, key, depth=0)
            iri = self._renames.get(iri, iri)
            linked = self._linked.get(str(iri).removeprefix(self.minter.base))
            if linked is not None and not entity.ref:
                resolved.linked[iri] = linked
            resolved.entities[key] = iri
            if entity.type is EntityType.ORGANIZATION and not entity.ref:
                unit = self._unit_id(entity)
                if unit is not None:
                    resolved.unit_kinds[iri] = unit
        for membership in extraction.memberships:
            resolved.roles.setdefault(membership.role, self.role_iri(membership.role))
        for event in extraction.events:
            resolved.events[event.key] = self._event_iri(event, resolved.entities)
        return resolved

    # -- entities ---------------------------------------------------------------------

    def _entity_iri(self, extraction: Extraction, key: str, depth: int) -> URIRef:
        entity = extraction.entities[key]
        if entity.ref:
            return self._gazetteer_iri(entity.ref)
        if entity.type is EntityType.PERSON:
            return self.minter.person(self.persons.slug(entity.name))
        if entity.type is EntityType.PLACE:
            return self.minter.place(slugify(entity.name))
        declared = self.overrides.org_alias(entity.name)
        if declared is not None:
            return self.minter.node(declared)
        return self.minter.organization(self._org_path(extraction, entity, depth))

    def _gazetteer_iri(self, ref: str) -> URIRef:
        if ref.startswith("country:"):
            return self.minter.country(ref.split(":", 1)[1])
        entry = self.gazetteer.entries.get(ref)
        if entry is not None and entry.category == "place":
            return self.minter.place(ref)
        return self.minter.organization(ref)

    def _org_path(self, extraction: Extraction, entity: Entity, depth: int) -> str:
        """Path of an organization under ``org/``: a gazetteer id or national body the
        name denotes (``kz-mfa``, ``kg/mfa``), an acronym another article defined, else
        the slug of the name, under its parent's path for a unit
        (``acsh/steering-committee``)."""
        parent = extraction.entities.get(entity.parent) if entity.parent else None
        if parent is not None and parent.type is not EntityType.ORGANIZATION:
            parent = None
        countries = []
        if parent is not None and parent.ref and parent.ref.startswith("country:"):
            countries.append(parent.ref.split(":", 1)[1])
        if parent is None or countries:
            linked = self._linked_path(entity, countries)
            if linked is not None:
                return linked
        own = self._unit_id(entity) or slugify(entity.name)
        if parent is None or depth > 5:
            return own
        if parent.ref:
            parent_path = parent.ref.replace("country:", "")
        else:
            parent_path = self._org_path(extraction, parent, depth + 1)
        return f"{parent_path}/{own}"

    def _linked_path(self, entity: Entity, countries: list[str]) -> str | None:
        """What the name of an organization the mapper could not link says by itself."""
        identity = self.org_names.identify(entity.name, entity.lang, countries)
        if identity is not None and identity.path.startswith("org/"):
            if identity.entry is not None:
                self._linked[identity.path] = identity.entry.id
            return identity.path.removeprefix("org/")
        defined = self._acronyms.get(entity.name, set())
        if not countries and len(defined) == 1:
            return next(iter(defined))
        return None

    def _unit_id(self, entity: Entity) -> str | None:
        """The units-gazetteer id when the whole name is a known kind of unit."""
        tokens = tokenize(entity.name)
        if not tokens:
            return None
        for match in self.gazetteer.match(tokens, entity.lang, categories=("unit",)):
            if match.start == 0 and match.end == len(tokens):
                return match.entry.id
        return None

    # -- roles and events ---------------------------------------------------------------

    def role_iri(self, role: Role) -> URIRef:
        if role.key:
            return self.minter.role(role.key)
        return self.minter.role(f"{role.lang}-{slugify(role.label)}")

    def _event_iri(self, event: Event, entities: dict[str, URIRef]) -> URIRef:
        date = event.date.isoformat() if event.date else ""
        place = str(entities.get(event.place, "")) if event.place else ""
        if event.type in _PARTY_EVENTS and len(event.participants) >= 2:
            parties = sorted(str(entities[p]) for p in event.participants if p in entities)
            return self.minter.event(event.type.value, date, *parties)
        return self.minter.event(event.type.value, date, place, slugify(event.name))
