"""Event drafts: events being assembled while the sentences are read, merged when two
describe one event, and emitted to the builder once the article has been read.

An event's date, place and participants may come from later sentences or from the
event it is within, so nothing reaches the builder before the whole article is read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kg.lang import stem
from kg.mappers.base import EventChanges, ExtractionBuilder
from kg.mappers.kk.organizations import OrganizationRules
from kg.model import EventType, Span


@dataclass
class _Draft:
    """An event being assembled; drafts are merged before they reach the builder."""

    type: EventType
    name: str
    triggers: set[str]
    sentence: Span
    bare: bool = False
    date: dt.date | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    organizers: list[str] = field(default_factory=list)
    parent: _Draft | None = None
    confidence: float = 0.6


def _same_name(a: _Draft, b: _Draft) -> bool:
    """Two conference names for one event: equal heads, and one name's words end the
    other's (``Азиялық көшбасшылар форумы`` / ``Көшбасшылар форумы``), or one is bare."""
    if a.bare or b.bare:
        return True
    wa = [stem(w, "kk") for w in a.name.split()]
    wb = [stem(w, "kk") for w in b.name.split()]
    short, long_ = sorted((wa, wb), key=len)
    return long_[-len(short) :] == short


class EventDrafts(OrganizationRules):
    """The drafts of a run: lookup, merging, and the final pass that emits them."""

    builder: ExtractionBuilder
    drafts: list[_Draft]

    def _anaphor(self, trigger: str) -> _Draft | None:
        for draft in reversed(self.drafts):
            if trigger in draft.triggers:
                return draft
        return None

    def _add_draft(self, draft: _Draft) -> _Draft:
        """Add a draft, or merge it into an earlier one describing the same event."""
        for old in self.drafts:
            if old.type != draft.type or not (old.triggers & draft.triggers):
                continue
            same_people = draft.type in (EventType.MEETING, EventType.VISIT) and set(
                old.participants
            ) == set(draft.participants)
            if draft.type in (EventType.MEETING, EventType.VISIT) and not same_people:
                continue
            same_owner = bool(old.organizers) and set(old.organizers) == set(draft.organizers)
            if draft.type not in (EventType.MEETING, EventType.VISIT) and not (
                same_owner or _same_name(old, draft)
            ):
                continue
            if old.bare and not draft.bare:
                old.name, old.bare = draft.name, False
            elif len(draft.name) > len(old.name) and old.bare == draft.bare:
                old.name = draft.name
            old.date = old.date or draft.date
            old.place = old.place or draft.place
            old.triggers |= draft.triggers
            old.organizers.extend(p for p in draft.organizers if p not in old.organizers)
            old.participants.extend(p for p in draft.participants if p not in old.participants)
            old.participants[:] = [p for p in old.participants if p not in old.organizers]
            return old
        self.drafts.append(draft)
        return draft

    def _inherit(self, draft: _Draft, seen: set[int]) -> None:
        """An event within another (``Форум аясында … кездесу``, ``Сапар барысында``)
        happens on its date and in its place unless the text gives its own."""
        parent = draft.parent
        if parent is None or parent is draft or id(draft) in seen:
            return
        seen.add(id(draft))
        self._inherit(parent, seen)
        draft.date = draft.date or parent.date
        draft.place = draft.place or parent.place

    def _place_from_parts(self, draft: _Draft) -> None:
        """``Сеулдегі форум … Бас Ассамблеясы ауқымында өтті``: an event held within
        another is held where it is, so a parent the text does not place takes the
        place that its parts agree on."""
        if draft.place is not None:
            return
        places = {d.place for d in self.drafts if d.parent is draft and d is not draft} - {None}
        if len(places) == 1:
            draft.place = places.pop()

    def _drop_represented(self, draft: _Draft) -> None:
        """``Хаб … Ассамблеясына қатысты`` and ``хабтың … төрағасы Байменов қатысты``
        report one attendance: an organization whose post holder (in it or one of its
        units) attends is represented by that person, not listed beside them."""
        people = set(draft.participants)
        represented = {
            self._root(ms.organization)
            for ms in self.builder.extraction.memberships
            if ms.member in people
        }
        draft.participants[:] = [k for k in draft.participants if k not in represented]

    def _emit_events(self) -> None:
        for draft in self.drafts:
            self._place_from_parts(draft)
            if draft.type in (EventType.CONFERENCE, EventType.MEETING):
                self._drop_represented(draft)
        for draft in self.drafts:
            self._inherit(draft, set())
        keys: dict[int, str] = {}
        for draft in self.drafts:
            keys[id(draft)] = self.builder.event(
                draft.type,
                draft.name,
                draft.sentence,
                date=draft.date,
                place=draft.place,
                participants=tuple(draft.participants),
                organizers=tuple(draft.organizers),
                confidence=draft.confidence,
            )
        for draft in self.drafts:
            if draft.parent is not None and draft.parent is not draft:
                changes: EventChanges = {"parent": keys[id(draft.parent)]}
                if not draft.participants and draft.type != EventType.CONFERENCE:
                    # "тараптар" (the parties) of a signing within a meeting
                    changes["participants"] = tuple(draft.parent.participants)
                self.builder.update_event(keys[id(draft)], **changes)
