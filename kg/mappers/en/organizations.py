"""Stages 2, 4 and 5: organizations outside the gazetteer and the parents of units.

A minister's post names its ministry though the text never writes "Ministry"
(``Minister of Personnel Management of the Republic of Korea``); a capitalised phrase
around an organization head word is an organization, its parent the organization or
country after ``of`` or before it, and a gazetteer organization when the gazetteer
knows the name followed by its country; acronyms defined in brackets and ``the
Organisation`` refer back.  A unit belongs to the organization next to it, else to the
organization the article is about (``_focus``).
"""

from __future__ import annotations

import re

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.mappers.en.gazetteer_items import GazetteerRules
from kg.mappers.en.sentence import _Item, _Sentence, _State
from kg.mappers.en.words import (
    ENTITY_KINDS,
    GOVERNMENT_HEADS,
    LANG,
    MINISTER_ROLES,
    MINISTRY_SUBJECTS,
    NON_NAME,
    ORG_HEADS,
    PERSON_VERBS,
    STOP_CAPS,
    UNIT_HEADS,
    _bare,
    _norm_head,
)
from kg.model import EntityType, OrgKind
from kg.text import tokenize


def _trailing_name(sent: _Sentence, end: int) -> int:
    """How many words before ``end`` are a person's name rather than the end of an
    organization's: ``Rector of the Academy Aigerim Nurlanova presented`` (two or three
    words that are neither name-building nor head words, then a verb or a comma)."""
    if sent.word(end) not in (",", ".", "") and sent.word(end) not in PERSON_VERBS:
        return 0
    for size in (3, 2):
        words = sent.lower[end - size : end]
        if (
            end - size > 0
            and all(
                sent.is_cap(i) and sent.lower[i] not in NON_NAME for i in range(end - size, end)
            )
            and sent.is_cap(end - size - 1)
            and sent.lower[end - size - 1] in NON_NAME
            and words
        ):
            return size
    return 0


class OrganizationRules(GazetteerRules):
    """Ministries named through a post, organization phrases, acronyms, short
    references, the parents of units, and the organization an article is about."""

    gazetteer: Gazetteer
    org_stems: dict[str, set[str]]

    def _mark_ministries(self, state: _State, sent: _Sentence) -> None:
        """``Minister of Personnel Management of the Republic of Korea`` names the
        ministry, though the text never writes "Ministry"."""
        for role in [it for it in sent.ordered() if it.kind == "role"]:
            if role.role_key not in MINISTER_ROLES:
                continue
            subject, end = self._ministry_subject(sent, role)
            if not subject:
                continue
            country = self._country_near(sent, role.start - 1, end)
            role.target = self._ministry(state, f"Ministry of {subject}", country)
            if end > role.end:
                sent.add(_Item("org", role.end + 1, end, key=role.target))
                self._mention(state, sent, role.target, role.end + 1, end)
            else:  # "Foreign Minister": the post's words are the ministry's only mention
                self._mention(state, sent, role.target, role.start, role.end)

    def _ministry_subject(self, sent: _Sentence, role: _Item) -> tuple[str, int]:
        inline = re.match(r".*minister of (.+)$", role.name)
        if inline:
            return inline.group(1).title(), role.end
        if role.name in MINISTRY_SUBJECTS:
            return MINISTRY_SUBJECTS[role.name], role.end
        i = role.end
        if sent.word(i) != "of" or not (sent.is_cap(i + 1) and sent.free(i + 1, i + 2)):
            return "", role.end
        j = i + 1
        while (sent.is_cap(j) and sent.free(j, j + 1)) or (
            sent.word(j) == "and" and sent.is_cap(j + 1) and sent.free(j + 1, j + 2)
        ):
            j += 1
        j -= _trailing_name(sent, j)
        words = [t.text for t in sent.tokens[i + 1 : j]]
        return " ".join(words), j

    @staticmethod
    def _country_near(sent: _Sentence, left: int, right: int) -> _Item | None:
        """The country of a post: ``Kazakh Minister`` or ``... of the Republic of Korea``."""
        item = sent.item_at(left)
        if item is not None and item.kind == "country":
            return item
        i = right
        if sent.word(i) == "of":
            i += 2 if sent.word(i + 1) == "the" else 1
            item = sent.item_at(i)
            if item is not None and item.kind == "country":
                return item
        return None

    def _ministry(self, state: _State, name: str, country: _Item | None) -> str:
        country_id = country.entry.id if country and country.entry else None
        candidates = [name]
        if country and country.entry:
            candidates.insert(0, f"{name} of {country.entry.label(LANG)}")
        for candidate in candidates:
            tokens = tokenize(candidate)
            for m in self.gazetteer.match(tokens, LANG, ("organization",)):
                if (m.start, m.end) == (0, len(tokens)) and m.entry.parent in (None, country_id):
                    return state.builder.gazetteer_entity(m.entry)
        full = f"{name} of {country.entry.label(LANG)}" if country and country.entry else name
        parent = country.key if country else None
        return state.builder.entity(
            EntityType.ORGANIZATION, full, kind=OrgKind.GOVERNMENT_BODY, parent=parent
        )

    def _mark_orgs(self, state: _State, sent: _Sentence) -> None:
        for i in range(len(sent.tokens)):
            if sent.lower[i] in ORG_HEADS and sent.is_cap(i) and sent.free(i, i + 1):
                self._org_phrase(state, sent, i)
        for i, token in enumerate(sent.tokens):
            key = state.acronyms.get(_bare(token.text))
            if key and sent.free(i, i + 1):
                sent.add(_Item("org", i, i + 1, key=key))
                self._mention(state, sent, key, i, i + 1)
        self._acronym_definitions(state, sent)

    def _org_phrase(self, state: _State, sent: _Sentence, head: int) -> None:
        start = head
        while (
            sent.is_cap(start - 1)
            and sent.free(start - 1, start)
            and sent.lower[start - 1] not in STOP_CAPS
        ):
            start -= 1
        end = head + 1
        while True:
            j = end + 1 if sent.word(end) in ("of", "for", "on", "and") else end
            if j > end and sent.word(j) == "the":
                j += 1
            if not (sent.is_cap(j) and sent.free(j, j + 1)):
                break
            if sent.word(end) == "and" and sent.word(j) in NON_NAME - ORG_HEADS:
                break
            while sent.is_cap(j) and sent.free(j, j + 1):
                j += 1
            cut = j - _trailing_name(sent, j)
            if cut <= end:
                break
            end = cut
        words = [_bare(t.text) for t in sent.tokens[start:end]]
        if len(words) == 1:
            self._short_org_reference(state, sent, head)
            return
        left = sent.item_at(start - 1)
        left = left if left is not None and left.kind in ("org", "unit") and left.key else None
        parent_item = self._of_item(sent, end) or self._country_near(sent, start - 1, end) or left
        head_word = sent.lower[head]
        parent = parent_item.key if parent_item else None
        name = " ".join(words)
        if head_word in GOVERNMENT_HEADS or (parent_item and parent_item.kind == "country"):
            kind = OrgKind.GOVERNMENT_BODY
            if parent_item and parent_item.kind == "country" and parent_item.entry:
                name = f"{name} of {parent_item.entry.label(LANG)}"
        elif head_word in UNIT_HEADS and parent:
            kind = OrgKind.UNIT
        else:
            kind, parent = OrgKind.OTHER, None
        known = self._known_by_prefix(name) if parent_item is None else None
        if known is not None:
            key = state.builder.gazetteer_entity(known)
            state.builder.alias(key, name)
        else:
            key = state.builder.entity(EntityType.ORGANIZATION, name, kind=kind, parent=parent)
        sent.add(_Item("org", start, end, key=key))
        self._mention(state, sent, key, start, end)

    def _known_by_prefix(self, name: str) -> GazetteerEntry | None:
        """The one gazetteer organization whose English name is ``name`` followed by its
        country (``Agency for Civil Service Affairs`` → ``... of Kazakhstan``)."""
        found = self.org_stems.get(name.lower(), set())
        return self.gazetteer.entries[next(iter(found))] if len(found) == 1 else None

    def _short_org_reference(self, state: _State, sent: _Sentence, head: int) -> None:
        """``the Organisation``, ``the Ministry``: the last organization so named."""
        if sent.word(head - 1) != "the":
            return
        wanted = _norm_head(_bare(sent.tokens[head].text))
        entities = state.builder.extraction.entities
        for key in reversed(state.orgs_seen):
            if wanted in _norm_head(entities[key].name).split():
                sent.add(_Item("org", head, head + 1, key=key))
                self._mention(state, sent, key, head, head + 1)
                state.builder.alias(key, f"the {sent.tokens[head].text}")
                return

    @staticmethod
    def _of_item(sent: _Sentence, i: int) -> _Item | None:
        """The organization in ``of [the] X`` at token ``i``."""
        if sent.word(i) != "of":
            return None
        i += 2 if sent.word(i + 1) == "the" else 1
        item = sent.item_at(i)
        return item if item is not None and item.kind in ENTITY_KINDS and item.key else None

    def _acronym_definitions(self, state: _State, sent: _Sentence) -> None:
        """``the Eastern Regional Organization for Public Administration (EROPA)``."""
        for i in range(1, len(sent.tokens) - 2):
            acronym = sent.tokens[i + 1].text
            if sent.tokens[i].text != "(" or sent.tokens[i + 2].text != ")":
                continue
            if not (len(acronym) >= 2 and acronym.isupper() and acronym.isalpha()):
                continue
            item = sent.item_at(i - 1)
            if item is None or item.kind not in ENTITY_KINDS or not item.key:
                continue
            state.acronyms[acronym] = item.key
            state.builder.alias(item.key, acronym)
            if sent.free(i + 1, i + 2):
                sent.add(_Item("org", i + 1, i + 2, key=item.key))
                self._mention(state, sent, item.key, i + 1, i + 2)

    def _resolve_units(self, state: _State, sent: _Sentence) -> None:
        units = [it for it in sent.ordered() if it.kind == "unit"]
        for unit in reversed(units):  # right to left: a unit's parent may be a unit
            parent, confidence = self._unit_parent(state, sent, unit)
            assert unit.entry is not None
            unit.key = state.builder.entity(
                EntityType.ORGANIZATION,
                unit.entry.label(LANG),
                kind=OrgKind.UNIT,
                parent=parent,
                confidence=confidence,
            )
            self._mention(state, sent, unit.key, unit.start, unit.end)

    def _unit_parent(self, state: _State, sent: _Sentence, unit: _Item) -> tuple[str | None, float]:
        after = self._of_item(sent, unit.end)
        if after is not None:
            return after.key, 0.75
        before = sent.item_at(unit.start - 1)
        if before is not None and before.kind in ENTITY_KINDS and before.key:
            return before.key, 0.75  # "the Hub's Steering Committee", "the OECD Secretariat"
        # "its Steering Committee": the same unit named before, else the article's focus
        assert unit.entry is not None
        label = unit.entry.label(LANG)
        for entity in state.builder.extraction.entities.values():
            if entity.kind is OrgKind.UNIT and entity.name == label and entity.parent:
                return entity.parent, 0.6
        return self._focus(state), 0.5

    @staticmethod
    def _focus(state: _State) -> str | None:
        """The organization an article is about (most mentioned, latest on a tie): the
        one a post without an organization nearby belongs to (``the outgoing Chairman``)."""
        counts = state.mention_counts
        return max(reversed(state.orgs_seen), key=lambda k: counts.get(k, 0), default=None)
