"""Stage 8: events, read off the items of a sentence, and the dates they inherit.

A sentence reports events when it names a gathering or matches a meeting, signing or
visit pattern; an announced event without a date is skipped.  Signings and named
gatherings are created once per article and later sentences add to them.  After the
last sentence, an event without a date of its own takes its parent's or the previous
event's date, and place (``_inherit_dates``).
"""

from __future__ import annotations

import datetime as dt
import re

from kg.mappers.base import EventChanges, ExtractionBuilder
from kg.mappers.en.event_attributes import EventAttributes
from kg.mappers.en.sentence import _Item, _Sentence, _State
from kg.mappers.en.words import (
    DEMONYMS,
    ENTITY_KINDS,
    EVENT_VERBS,
    FUTURE,
    MEETING,
    PASSIVE_SIGNING,
    SIGNING,
    VISIT,
)
from kg.model import EntityType, EventType, OrgKind


class EventRules(EventAttributes):
    """Meetings, signings, visits and named gatherings, nested in their parent events;
    the article state keeps the events by name so that later sentences add to them."""

    @staticmethod
    def _inherit_dates(builder: ExtractionBuilder) -> None:
        """An event whose sentence gives no date happened when its parent did (``on the
        sidelines of the forum``), else when the event reported before it did (news tell
        a day's events in order); its place follows the same way when it has none."""
        events = builder.extraction.events
        by_key = {e.key: e for e in events}
        previous = None
        for event in list(events):
            source = by_key.get(event.parent or "") or previous
            if event.date_from_article and source is not None and not source.date_from_article:
                changes: EventChanges = {"date": source.date, "date_from_article": False}
                if event.place is None and source.place is not None:
                    changes["place"] = source.place
                builder.update_event(event.key, **changes)
                event = next(e for e in builder.extraction.events if e.key == event.key)
                by_key[event.key] = event
            if not event.date_from_article:
                previous = event

    def _events(self, state: _State, sent: _Sentence) -> None:
        items = sent.ordered()
        named = [it for it in items if it.kind == "event"]
        triggered = any(p.search(sent.ltext) for p in (SIGNING, PASSIVE_SIGNING, MEETING, VISIT))
        if not (named or triggered):
            return
        if FUTURE.search(sent.ltext) and self._date(sent) is None:
            return  # "the next Assembly will be held in Manila": announced, not dated
        persons = list(dict.fromkeys(it.key for it in items if it.kind == "person" and it.key))
        orgs = list(dict.fromkeys(it.key for it in items if it.kind in ("org", "unit") and it.key))
        date = self._date(sent)
        place = self._place(state, sent)
        organizers = self._organizers(sent)
        main = self._main_event(state, sent, persons, orgs, date, place)
        parent_item = next((it for it in named if self._is_parent(sent, it, main)), None)
        parent = (
            self._named_event(state, sent, parent_item, (), (), None, None) if parent_item else None
        )
        busy = bool(EVENT_VERBS.search(sent.ltext)) or main is not None or parent is not None
        for item in named:
            if item is parent_item or not (busy or item.key):
                continue
            people = tuple(persons) if main is None else ()
            if main is None and not people:
                people = tuple(o for o in orgs if o not in organizers)
            key = self._named_event(state, sent, item, people, tuple(organizers), date, place)
            if parent and key != parent:
                state.builder.update_event(key, parent=parent)
        if main and parent:
            state.builder.update_event(main, parent=parent)

    def _main_event(
        self,
        state: _State,
        sent: _Sentence,
        persons: list[str],
        orgs: list[str],
        date: dt.date | None,
        place: str | None,
    ) -> str | None:
        """A meeting, signing or visit the sentence reports (not a named gathering)."""
        builder = state.builder
        signing = SIGNING.search(sent.ltext) or PASSIVE_SIGNING.search(sent.ltext)
        if signing:
            return self._signing(state, sent, signing, tuple(persons) + tuple(orgs), date, place)
        if MEETING.search(sent.ltext) and persons:
            names = [builder.extraction.entities[p].name for p in persons]
            participants = tuple(persons) if len(persons) > 1 else tuple(persons) + tuple(orgs[:1])
            return builder.event(
                EventType.MEETING, "Meeting of " + " and ".join(names), sent.span,
                date=date, place=place, participants=participants, confidence=0.65,
            )  # fmt: skip
        visit = VISIT.search(sent.ltext)
        return self._visit(state, sent, visit, date, place) if visit else None

    def _signing(
        self,
        state: _State,
        sent: _Sentence,
        match: re.Match[str],
        parties: tuple[str, ...],
        date: dt.date | None,
        place: str | None,
    ) -> str:
        """One signing per document kind per article: the title and the body (and a
        later "the document was signed by ...") report the same ceremony."""
        document = self._document(sent, match)
        head = document.split()[0]
        slot = next((k for k in state.events if k.startswith("signing:")), None)
        key = state.events.get(f"signing:{head}") or (
            state.events[slot] if head == "document" and slot else None
        )
        name = f"Signing of the {document}"
        if key is None:
            key = state.builder.event(
                EventType.SIGNING, name, sent.span,
                date=date, place=place, participants=parties, confidence=0.7,
            )  # fmt: skip
            state.events[f"signing:{head}"] = key
            return key
        self._merge(state, key, parties, (), date, place)
        event = next(e for e in state.builder.extraction.events if e.key == key)
        if len(name) > len(event.name) and head != "document":
            state.builder.update_event(key, name=name)
        return key

    def _visit(
        self,
        state: _State,
        sent: _Sentence,
        visit: re.Match[str],
        date: dt.date | None,
        place: str | None,
    ) -> str | None:
        """Guests stand before the verb, the visited place or body after it.  A headline
        visit without a named guest (``Korean delegation visits the Academy``) announces
        the one the body reports with its guests, so it is left to the body."""
        entities = state.builder.extraction.entities
        guests: list[str] = []
        hosts: list[str] = []
        for item in sent.ordered():
            offset = sent.tokens[item.start].start - sent.span.start
            if not item.key or item.kind not in ("person", *ENTITY_KINDS):
                continue
            if offset < visit.start() and sent.lower[item.start] in DEMONYMS:
                continue  # "the Korean delegation": where the guests come from, not who
            (guests if offset < visit.start() else hosts).append(item.key)
        people = [g for g in guests if entities[g].type is EntityType.PERSON]
        guests = people or guests[-1:]
        target = self._visit_target(sent, visit.end())
        visited = entities.get(target or "")
        is_place = visited is not None and (
            visited.type is EntityType.PLACE or visited.kind is OrgKind.STATE
        )
        headline = sent.span.start < len(state.builder.article.title)
        if not guests and (visited is None or headline):
            return None
        where = f" to {visited.name}" if visited else ""
        who = f" of {entities[guests[0]].name}" if guests else ""
        if guests and entities[guests[0]].kind is OrgKind.STATE and "delegation" in sent.ltext:
            who += " delegation"
        hosts = [h for h in hosts if h != target or not is_place]
        return state.builder.event(
            EventType.VISIT, f"Visit{who}{where}", sent.span, date=date,
            place=target if is_place else place, participants=(*guests, *hosts), confidence=0.6,
        )  # fmt: skip

    @staticmethod
    def _document(sent: _Sentence, match: re.Match[str]) -> str:
        rest = sent.text[match.start(1) :]
        phrase = re.match(
            r"(?i)(memorandum of understanding|memorandum of cooperation|[\w -]+?)"
            r"(?= between| with| on | in | was| were| has| have| by|[,.;]|$)",
            rest,
        )
        return (phrase.group(1) if phrase else match.group(1)).strip().lower()

    @staticmethod
    def _visit_target(sent: _Sentence, char_end: int) -> str | None:
        for item in sent.ordered():
            if sent.tokens[item.start].start - sent.span.start >= char_end and item.kind in (
                "place", "country", "org", "unit",
            ):  # fmt: skip
                return item.key
        return None

    def _named_event(
        self,
        state: _State,
        sent: _Sentence,
        item: _Item,
        participants: tuple[str, ...],
        organizers: tuple[str, ...],
        date: dt.date | None,
        place: str | None,
    ) -> str:
        """Create a named gathering once per article, or add what this sentence adds."""
        builder = state.builder
        key = item.key or self._known_event(state, item.name)
        if key is None:
            head = item.name.split()[-1].lower()
            etype = EventType.MEETING if head in ("meeting", "talks") else EventType.CONFERENCE
            if item.target and not organizers and item.target not in participants:
                organizers = (item.target,)
            key = builder.event(
                etype, item.name, sent.span, date=date, place=place,
                participants=participants, organizers=organizers, confidence=0.7,
            )  # fmt: skip
            state.events[item.name.lower()] = key
            item.key = key
            return key
        self._merge(state, key, participants, organizers, date, place)
        return key

    @staticmethod
    def _merge(
        state: _State,
        key: str,
        participants: tuple[str, ...],
        organizers: tuple[str, ...],
        date: dt.date | None,
        place: str | None,
    ) -> None:
        """Add what a later sentence says about an event already created."""
        builder = state.builder
        event = next(e for e in builder.extraction.events if e.key == key)
        changes: EventChanges = {}
        if participants:
            changes["participants"] = tuple(dict.fromkeys(event.participants + participants))
        if organizers:
            changes["organizers"] = tuple(dict.fromkeys(event.organizers + organizers))
        if place and not event.place:
            changes["place"] = place
        if date and event.date_from_article:
            changes.update({"date": date, "date_from_article": False})
        if changes:
            builder.update_event(key, **changes)

    @staticmethod
    def _known_event(state: _State, name: str) -> str | None:
        """``the General Assembly`` after ``the 73rd EROPA General Assembly``: the same
        event when its words (less ordinals) are a part of a known event's name."""
        words = [w for w in name.lower().split() if not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w)]
        for known, key in reversed(state.events.items()):
            known_words = known.split()
            if known_words[-1:] == words[-1:] and set(words) <= set(known_words):
                return key
        return None
