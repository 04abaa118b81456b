"""Entity resolution: give every entity, role and event of an extraction its global IRI.

Within an article the mappers already merged mentions (``Байменов`` → ``Алихан
Байменов``).  Here the article-local keys become dataset-wide identities, so a later
article that mentions the same entity reuses its node:

* gazetteer entities use the gazetteer id (``org/oecd``, ``country/kr``, ``place/seoul``),
  the same in every language;
* organizational units hang under their parent (``org/acsh/steering-committee``), with the
  unit kind named by the units gazetteer when it knows it, so the unit is one node whether
  the article is Kazakh, Russian or English;
* other entities use the Latin transliteration of their base-form name, so
  ``Алихан Байменов`` and ``Alikhan Baimenov`` meet at ``person/alikhan-baimenov``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kg.gazetteer import Gazetteer
from kg.model import Entity, EntityType, Event, EventType, Extraction, Role
from kg.rdf.iris import IriMinter
from kg.text import tokenize
from kg.translit import slugify

_PARTY_EVENTS = (EventType.MEETING, EventType.SIGNING, EventType.VISIT)


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


class Resolver:
    """Maps article-local keys to IRIs under one base IRI."""

    def __init__(self, minter: IriMinter, gazetteer: Gazetteer | None = None) -> None:
        self.minter = minter
        self.gazetteer = gazetteer or Gazetteer.default()

    def resolve(self, extraction: Extraction) -> ResolvedExtraction:
        resolved = ResolvedExtraction(extraction)
        for key, entity in extraction.entities.items():
            iri = self._entity_iri(extraction, key, depth=0)
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
            return self.minter.person(entity.name)
        if entity.type is EntityType.PLACE:
            return self.minter.place(slugify(entity.name))
        return self.minter.organization(self._org_path(extraction, entity, depth))

    def _gazetteer_iri(self, ref: str) -> URIRef:
        if ref.startswith("country:"):
            return self.minter.country(ref.split(":", 1)[1])
        entry = self.gazetteer.entries.get(ref)
        if entry is not None and entry.category == "place":
            return self.minter.place(ref)
        return self.minter.organization(ref)

    def _org_path(self, extraction: Extraction, entity: Entity, depth: int) -> str:
        """Slug path of an organization: ``acsh/steering-committee`` for a unit."""
        own = self._unit_id(entity) or slugify(entity.name)
        parent = extraction.entities.get(entity.parent) if entity.parent else None
        if parent is None or depth > 5 or parent.type is not EntityType.ORGANIZATION:
            return own
        if parent.ref:
            parent_path = parent.ref.replace("country:", "")
        else:
            parent_path = self._org_path(extraction, parent, depth + 1)
        return f"{parent_path}/{own}"

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
