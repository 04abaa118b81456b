"""A sentence as the rules share it: tokens, gazetteer matches and NER spans, and
what the rules found in it so far (persons, organizations, the tokens a post used).

The sentence is prepared once by the run; every rule reads it and adds to
``persons``, ``named_orgs`` and ``used``, so that later rules do not read a token that
an earlier one already took (a post's organization is no event party).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.gazetteer import GazetteerMatch
from kg.model import Span
from kg.text import Token


@dataclass
class _Person:
    """A person name found in a sentence: tokens ``start``..``end`` of the sentence."""

    start: int
    end: int
    key: str = ""


@dataclass
class _Sentence:
    span: Span
    tokens: list[Token]
    matches: list[GazetteerMatch]
    covered: dict[int, GazetteerMatch] = field(default_factory=dict)
    named: dict[int, tuple[int, str]] = field(default_factory=dict)
    named_orgs: dict[int, str] = field(default_factory=dict)
    persons: list[_Person] = field(default_factory=list)
    name_groups: list[tuple[int, int, bool]] | None = None
    used: set[int] = field(default_factory=set)

    def words(self, start: int, end: int) -> list[str]:
        return [t.text for t in self.tokens[start:end] if t.is_word]
