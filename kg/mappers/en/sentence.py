"""The annotated sentence and what the article has established so far.

Every stage claims tokens of a ``_Sentence`` as ``_Item`` annotations (organization,
country, place, unit, role, event, person), so that later stages read only unclaimed
tokens; ``_State`` carries from sentence to sentence the acronyms, surnames,
organizations and events that short references resolve to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.gazetteer import GazetteerEntry
from kg.mappers.base import ExtractionBuilder
from kg.model import PostStatus, Span
from kg.text import Token


@dataclass
class _Item:
    """A run of tokens ``[start, end)`` claimed by one annotation."""

    kind: str  # org | country | place | unit | role | event | person
    start: int
    end: int
    key: str | None = None
    name: str = ""
    role_key: str | None = None
    status: PostStatus = PostStatus.CURRENT
    target: str | None = None  # roles: the organization a rule already found
    entry: GazetteerEntry | None = None


@dataclass
class _Sentence:
    span: Span
    text: str
    tokens: list[Token]
    items: list[_Item] = field(default_factory=list)
    owner: list[_Item | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.owner = [None] * len(self.tokens)
        self.lower = [t.text.lower() for t in self.tokens]
        self.ltext = self.text.lower()

    def free(self, start: int, end: int) -> bool:
        return (
            start >= 0
            and end <= len(self.tokens)
            and all(self.owner[i] is None for i in range(start, end))
        )

    def add(self, item: _Item) -> _Item:
        for i in range(item.start, item.end):
            self.owner[i] = item
        self.items.append(item)
        return item

    def remove(self, item: _Item) -> None:
        for i in range(item.start, item.end):
            self.owner[i] = None
        self.items.remove(item)

    def ordered(self) -> list[_Item]:
        return sorted(self.items, key=lambda it: it.start)

    def item_at(self, i: int) -> _Item | None:
        return self.owner[i] if 0 <= i < len(self.tokens) else None

    def word(self, i: int) -> str:
        return self.lower[i] if 0 <= i < len(self.tokens) else ""

    def is_cap(self, i: int) -> bool:
        return (
            0 <= i < len(self.tokens) and self.tokens[i].is_word and self.tokens[i].is_capitalized
        )

    def before(self, i: int) -> str:
        """Lower-cased sentence text before token ``i``."""
        return self.ltext[: self.tokens[i].start - self.span.start]


@dataclass
class _State:
    """What the article has established so far (for short and surname references)."""

    builder: ExtractionBuilder
    acronyms: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    orgs_seen: list[str] = field(default_factory=list)
    events: dict[str, str] = field(default_factory=dict)  # lower-cased name -> key
    mention_counts: dict[str, int] = field(default_factory=dict)
