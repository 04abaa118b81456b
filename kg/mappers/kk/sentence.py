"""A sentence as the rules see it: its tokens and the gazetteer matches they may trust.

The matches are filtered once, before any rule runs, so that no rule has to repeat the
exceptions: a post word qualifying the post after it (``жетекші сарапшысы``) and a
national body written after another country's genitive are no matches of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer, GazetteerMatch
from kg.lang import stem
from kg.mappers.kk.words import _STATE_WORDS, _is_genitive
from kg.model import Span
from kg.text import Token


@dataclass
class _Sentence:
    """A sentence with its tokens and the gazetteer matches in it."""

    index: int
    span: Span
    tokens: list[Token]
    matches: list[GazetteerMatch]
    at: dict[int, GazetteerMatch] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.matches:
            for i in range(m.start, m.end):
                self.at[i] = m

    def match(self, i: int, categories: frozenset[str] | None = None) -> GazetteerMatch | None:
        m = self.at.get(i)
        if m is not None and (categories is None or m.entry.category in categories):
            return m
        return None

    def lower(self, i: int) -> str:
        return self.tokens[i].text.lower()


def _genitive_owner_end(tokens: list[Token], m: GazetteerMatch) -> int | None:
    """Where an organization or country in the genitive ends (``Қырғыз
    Республикасының``, ``Тәжікстан Республикасының`` when the gazetteer knows only
    ``Тәжікстан``), or None if ``m`` is no owner in the genitive."""
    if m.entry.category not in ("organization", "country"):
        return None
    end = m.end
    if (
        m.entry.category == "country"
        and end < len(tokens)
        and stem(tokens[end].text, "kk") in _STATE_WORDS
    ):
        end += 1
    return end if _is_genitive(tokens[end - 1].text) else None


def _without_foreign_bodies(
    tokens: list[Token], matches: list[GazetteerMatch], gazetteer: Gazetteer
) -> list[GazetteerMatch]:
    """``Тәжікстан Республикасының Мемлекеттік қызмет істері жөніндегі агенттігі``
    names Tajikistan's agency, not the Kazakh one the gazetteer knows by that name: a
    national body written after another country's genitive is left to the rule for
    bodies of an owner."""
    ends = {m.end: m for m in matches if m.entry.category == "country"}
    kept = []
    for m in matches:
        parent = gazetteer.entries.get(m.entry.parent or "")
        country = ends.get(m.start)
        if country is None and m.start > 0 and stem(tokens[m.start - 1].text, "kk") in _STATE_WORDS:
            country = ends.get(m.start - 1)
        if (
            parent is not None
            and parent.category == "country"
            and country is not None
            and _genitive_owner_end(tokens, country) == m.start
            and country.entry.id != parent.id
        ):
            continue
        kept.append(m)
    return kept


def _without_modifier_roles(
    tokens: list[Token], matches: list[GazetteerMatch]
) -> list[GazetteerMatch]:
    """``жетекші сарапшысы`` (leading expert): a post word in the bare form right before
    another post qualifies it and is no post of its own; a genitive one is
    (``төрағасының орынбасары``, the chair's deputy)."""
    roles = {m.start: m for m in matches if m.entry.category == "role"}
    return [
        m
        for m in matches
        if not (
            m.entry.category == "role"
            and m.end in roles
            and not _is_genitive(tokens[m.end - 1].text)
        )
    ]
