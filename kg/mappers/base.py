"""The mapper interface, and a builder that keeps extractions consistent.

A mapper turns one ``Article`` into an ``Extraction``.  Mappers are chosen by language
through the ``kg.mappers`` entry-point group, so a user can register their own mapper
for a language (or replace ours) from another package without touching kg.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol, TypedDict, runtime_checkable

from kg.gazetteer import GazetteerEntry
from kg.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventType,
    Evidence,
    Extraction,
    Membership,
    Mention,
    OrgKind,
    PostStatus,
    Role,
    Span,
)
from kg.text import Token

if TYPE_CHECKING:  # typing.Unpack is Python 3.11+; only the type checker needs it
    from typing_extensions import Unpack

_CATEGORY_TYPES = {
    "organization": EntityType.ORGANIZATION,
    "country": EntityType.ORGANIZATION,
    "unit": EntityType.ORGANIZATION,
    "place": EntityType.PLACE,
}


@runtime_checkable
class Mapper(Protocol):
    """Turns an article in one of ``languages`` into an extraction."""

    name: str
    version: str
    languages: tuple[str, ...]

    def extract(self, article: Article) -> Extraction: ...


class EventChanges(TypedDict, total=False):
    """The fields of an event that a later sentence may fill in or correct (see
    :meth:`ExtractionBuilder.update_event`); its key, type and evidence stay."""

    name: str
    date: dt.date | None
    date_from_article: bool
    place: str | None
    participants: tuple[str, ...]
    organizers: tuple[str, ...]
    parent: str | None


def slug_key(text: str) -> str:
    """A key for an unknown entity: lower-cased words joined by single spaces."""
    return " ".join(re.findall(r"\w+", text.lower().replace("ё", "е")))


class ExtractionBuilder:
    """Collects entities, mentions, memberships and events for one article.

    It de-duplicates entities by key (a gazetteer id, or the type and base-form name),
    so a mapper can report the same entity at every mention without bookkeeping.
    """

    def __init__(self, article: Article, extractor: str, version: str) -> None:
        self.article = article
        self.lang = article.language or "en"
        self.extraction = Extraction(
            article=article, extractor=extractor, extractor_version=version
        )
        self._event_keys: set[str] = set()

    @property
    def text(self) -> str:
        return self.article.text

    # -- entities ---------------------------------------------------------------------

    def gazetteer_entity(self, entry: GazetteerEntry, confidence: float = 0.9) -> str:
        """Add (once) the entity a gazetteer entry names and return its key."""
        key = f"gaz:{entry.id}"
        if key not in self.extraction.entities:
            kind = OrgKind(entry.kind) if entry.kind in OrgKind._value2member_map_ else None
            if entry.category == "country":
                kind = OrgKind.STATE
            parent = f"gaz:{entry.parent}" if entry.parent else None
            self.extraction.entities[key] = Entity(
                key=key,
                type=_CATEGORY_TYPES[entry.category],
                name=entry.label(self.lang),
                lang=self.lang if entry.names.get(self.lang) else "en",
                kind=kind,
                ref=entry.id if entry.category != "country" else f"country:{entry.id}",
                parent=parent,
                confidence=confidence,
            )
        return key

    def entity(
        self,
        type_: EntityType,
        name: str,
        *,
        kind: OrgKind | None = None,
        parent: str | None = None,
        ref: str | None = None,
        confidence: float = 0.6,
    ) -> str:
        """Add (once) an entity found by rules/NER with its base-form ``name``."""
        key = f"{type_.value}:{slug_key(name)}"
        if parent:
            key = f"{parent}/{key}"
        existing = self.extraction.entities.get(key)
        if existing is None or existing.confidence < confidence:
            self.extraction.entities[key] = Entity(
                key=key,
                type=type_,
                name=name,
                lang=self.lang,
                kind=kind,
                parent=parent,
                ref=ref,
                aliases=existing.aliases if existing else (),
                confidence=confidence,
            )
        return key

    def alias(self, key: str, variant: str) -> None:
        """Record a variant name of an entity (skos:altLabel)."""
        entity = self.extraction.entities[key]
        if variant != entity.name and variant not in entity.aliases:
            self.extraction.entities[key] = replace(entity, aliases=(*entity.aliases, variant))

    def mention(
        self, key: str, tokens: list[Token], sentence: Span, confidence: float = 0.8
    ) -> None:
        """Record where an entity is mentioned (tokens as written)."""
        start, end = tokens[0].start, tokens[-1].end
        self.extraction.mentions.append(
            Mention(
                entity=key,
                surface=self.text[start:end],
                evidence=Evidence(
                    sentence=sentence, mention=Span(start, end), confidence=confidence
                ),
            )
        )

    # -- facts ------------------------------------------------------------------------

    def membership(
        self,
        member: str,
        organization: str,
        role: Role,
        sentence: Span,
        *,
        status: PostStatus = PostStatus.CURRENT,
        confidence: float = 0.7,
    ) -> None:
        for existing in self.extraction.memberships:
            if (existing.member, existing.organization, existing.role.label) == (
                member,
                organization,
                role.label,
            ):
                return
        self.extraction.memberships.append(
            Membership(
                member=member,
                organization=organization,
                role=role,
                status=status,
                evidence=Evidence(sentence=sentence, confidence=confidence),
            )
        )

    def event(
        self,
        type_: EventType,
        name: str,
        sentence: Span,
        *,
        date: dt.date | None = None,
        place: str | None = None,
        participants: tuple[str, ...] = (),
        organizers: tuple[str, ...] = (),
        parent: str | None = None,
        confidence: float = 0.6,
    ) -> str:
        """Add an event; when the text gives no date, the article's date is used."""
        from_article = date is None and self.article.published is not None
        key = f"event:{len(self.extraction.events)}:{slug_key(name)}"
        self.extraction.events.append(
            Event(
                key=key,
                type=type_,
                name=name,
                lang=self.lang,
                evidence=Evidence(sentence=sentence, confidence=confidence),
                date=date or self.article.published,
                date_from_article=from_article,
                place=place,
                participants=tuple(dict.fromkeys(participants)),
                organizers=tuple(dict.fromkeys(organizers)),
                parent=parent,
            )
        )
        return key

    def update_event(self, key: str, **changes: Unpack[EventChanges]) -> None:
        """Change fields of an event already added (e.g. attach a parent found later)."""
        events = self.extraction.events
        for i, event in enumerate(events):
            if event.key == key:
                events[i] = replace(event, **changes)
                return
        raise KeyError(key)

    def build(self) -> Extraction:
        return self.extraction
