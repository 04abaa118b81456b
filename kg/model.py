"""Typed records passed between the pipeline stages.

read → ``Article``; map → ``Extraction`` (entities, mentions, memberships, events, each
with evidence); resolve → global entity keys; build → RDF.  The records are plain frozen
dataclasses so that every stage can be tested on its own and a user's own mapper only has
to produce these objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

LANGUAGES = ("kk", "ru", "en")


class EntityType(str, Enum):
    """What kind of real-world thing an entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"


class OrgKind(str, Enum):
    """Organization subclasses from the ontology (``kgo:`` classes)."""

    INTERGOVERNMENTAL = "intergovernmental"  # kgo:IntergovernmentalOrganization
    GOVERNMENT_BODY = "government_body"  # kgo:GovernmentBody
    STATE = "state"  # kgo:State (a country acting as a party)
    UNIT = "unit"  # org:OrganizationalUnit (committee, division, department)
    OTHER = "other"  # plain org:Organization


class EventType(str, Enum):
    """Event subclasses from the ontology."""

    MEETING = "meeting"  # kgo:Meeting
    CONFERENCE = "conference"  # kgo:Conference (forum, conference, summit, assembly)
    VISIT = "visit"  # kgo:Visit
    SIGNING = "signing"  # kgo:AgreementSigning
    EVENT = "event"  # schema:Event, when nothing more specific is known


class PostStatus(str, Enum):
    """How the article reports a post at its publication date."""

    CURRENT = "current"
    FORMER = "former"
    NEWLY_APPOINTED = "newly_appointed"
    ACTING = "acting"


@dataclass(frozen=True)
class Article:
    """One news article after reading, before any analysis.

    ``text`` is what mappers analyse and what every character offset refers to: the
    title, a blank line, then the body (the title carries facts too).
    """

    id: str
    source: str
    title: str
    body: str
    language: str | None = None
    published: dt.date | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        if self.title and self.body:
            return f"{self.title}\n\n{self.body}"
        return self.title or self.body

    @staticmethod
    def content_id(title: str, body: str) -> str:
        """Deterministic id from the content, so the same article read twice (from two
        paths, or re-run) becomes the same node and is never duplicated."""
        digest = hashlib.sha256(f"{title.strip()}\n\n{body.strip()}".encode()).hexdigest()
        return digest[:16]


@dataclass(frozen=True)
class Span:
    """A character range ``[start, end)`` in ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, the exact mention, how sure we are."""

    sentence: Span
    mention: Span | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class Entity:
    """An entity as one article knows it.

    ``key`` is unique within the extraction; the resolver turns it into a global key.
    ``name`` is the canonical (base-form, nominative) name in ``lang``.  ``ref`` names a
    gazetteer entry when the entity was recognised there; it fixes the global identity.
    ``parent`` is the key of the organization this one is a unit of (org:subOrganizationOf).
    """

    key: str
    type: EntityType
    name: str
    lang: str
    kind: OrgKind | None = None
    ref: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text, as written (inflected)."""

    entity: str
    surface: str
    evidence: Evidence


@dataclass(frozen=True)
class Role:
    """A post.  ``key`` is a language-independent role id from the roles gazetteer
    (``chair``, ``minister``...) or ``None``; ``label`` is the post as the article names
    it, in base form."""

    label: str
    lang: str
    key: str | None = None


@dataclass(frozen=True)
class Membership:
    """``member`` holds ``role`` in ``organization`` (W3C ORG ``org:Membership``)."""

    member: str
    organization: str
    role: Role
    evidence: Evidence
    status: PostStatus = PostStatus.CURRENT


@dataclass(frozen=True)
class Event:
    """An event: a meeting, forum, visit or signing, with who, where, when and within what."""

    key: str
    type: EventType
    name: str
    lang: str
    evidence: Evidence
    date: dt.date | None = None
    date_from_article: bool = False
    place: str | None = None
    participants: tuple[str, ...] = ()
    organizers: tuple[str, ...] = ()
    parent: str | None = None


@dataclass
class Extraction:
    """Everything one mapper found in one article."""

    article: Article
    extractor: str
    extractor_version: str
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def sentence_text(self, span: Span) -> str:
        return self.article.text[span.start : span.end]
