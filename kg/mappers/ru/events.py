"""Events: the trigger words of a sentence and what it says of the event.

A sentence's event is classified (signing, meeting, visit, conference or other
gathering) by its trigger lemmas; its participants, organizers, place, date and the
super-event named after ``в рамках`` / ``на полях`` are read in the same sentence.  A
sentence that speaks again of an event already reported (the same name, a bare
``форум``, the same persons meeting) is merged into it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.gazetteer import GazetteerMatch
from kg.lang import ru, stem
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.sentence import _Sentence
from kg.mappers.ru.words import (
    _BOUNDARY,
    _EVENT_NAMES,
    _MAX_NP,
    _NOT_RECEIVE,
    _ORGANIZER,
    _QUOTES,
    _RECEPTION_REACH,
    _STOP,
    _TALK_REACH,
    _TRIGGER_PREFIXES,
    EVENTS,
    LANG,
    _capitalize,
    _head_word,
    _is_adj,
    _is_verb,
    _lemma,
    ru_slug,
)
from kg.model import EntityType, EventType, OrgKind


class EventRules:
    """Events with their participants, organizers, date, place and super-event."""

    b: ExtractionBuilder
    dates: list[tuple[int, int, dt.date]]
    events: dict[str, str]
    last_conference: dict[str, str]
    text: str

    if TYPE_CHECKING:  # defined by sibling mixins of _ArticleMapper; mypy checks they agree

        def _role_at(self, s: _Sentence, i: int) -> tuple[int, str | None] | None: ...
        @staticmethod
        def _country_after(s: _Sentence, i: int) -> GazetteerMatch | None: ...

    def _events(self, s: _Sentence, *, headline: bool = False) -> None:
        """The event of a sentence.  A headline only summarises the body, so it adds
        an event only when the body reports none of that type (it is read last)."""
        lower = self.text[s.span.start : s.span.end].lower().replace("ё", "е")
        if not _TRIGGER_PREFIXES.search(lower):
            return  # no trigger word: skip lemmatizing the whole sentence
        lemmas = [_lemma(t) for t in s.tokens]
        found = self._classify(s, lemmas)
        if found is None:
            return
        type_, name, generic = found
        if headline and any(e.type == type_ for e in self.b.extraction.events):
            return
        meeting = type_ == EventType.MEETING
        scope = self._meeting_scope(s, lemmas) if meeting else range(len(s.tokens))
        persons = tuple(dict.fromkeys(p.key for p in s.persons if p.start in scope))
        place = self._place(s)
        date = self._date(s)
        parent = self._parent(s, date, place)
        date, place = self._narrative_setting(parent, date, place)
        orgs = self._parties(s, scope)
        participants = persons if len(persons) >= 2 else (*persons, *orgs)
        organizers = self._organizers(s, lemmas)
        participants = tuple(p for p in participants if p not in organizers)
        if meeting:
            participants = self._meeting_parties(participants, place)
        head = ru.lemma(_head_word(name.split()))
        existing = self._same_event(type_, name, head, generic and not persons, lemmas)
        again = self._same_meeting(persons) if meeting and not existing else None
        if again:
            existing, participants = again, ()  # the same persons, perhaps named in full
        elif existing and meeting and len(self._persons_of(existing)) >= 2:
            participants = persons  # the persons met; organizations named later are context
        if existing:
            self._merge(existing, participants, organizers, place, parent, date)
            return
        key = self.b.event(
            type_,
            name,
            s.span,
            date=date,
            place=place,
            participants=participants,
            organizers=organizers,
            parent=parent if parent != existing else None,
            confidence=0.7,
        )
        self.events.setdefault(ru_slug(name), key)
        self.last_conference[head] = key

    def _meeting_scope(self, s: _Sentence, lemmas: list[str]) -> range:
        """The tokens that name a meeting's parties: in ``во время встречи между X и Y,
        сказал Z`` those after ``между`` up to the end of the clause naming the second
        party; the whole sentence otherwise."""
        start = self._between(lemmas)
        if start is None:
            return range(len(s.tokens))
        persons = sorted(p.start for p in s.persons if p.start >= start)
        orgs = [m for m, _end, _key in self._org_mentions(s) if m >= start]
        parties = persons if len(persons) >= 2 else orgs
        if len(parties) < 2:
            return range(start, len(s.tokens))
        end = next(
            (j for j in range(parties[1], len(s.tokens)) if s.tokens[j].text in _BOUNDARY),
            len(s.tokens),
        )
        return range(start, end)

    def _meeting_parties(self, participants: tuple[str, ...], place: str | None) -> tuple[str, ...]:
        """A meeting's parties without its place (``В России мы встречались с …``:
        Russia is where, not who) and without an organization one of whose own units
        is a party too (a ministry meets on its country's behalf).  Delegations of two
        states (``Казахстан и ЕС провели переговоры``) stay."""
        entities = self.b.extraction.entities
        above: set[str] = set()
        for key in participants:
            parent = entities[key].parent
            while parent and parent not in above:
                above.add(parent)
                parent = entities[parent].parent if parent in entities else None
        return tuple(p for p in participants if p != place and p not in above)

    def _persons_of(self, event_key: str) -> list[str]:
        """The persons among an event's participants (organizations left out)."""
        event = next(e for e in self.b.extraction.events if e.key == event_key)
        entities = self.b.extraction.entities
        return [p for p in event.participants if entities[p].type == EntityType.PERSON]

    def _same_meeting(self, persons: tuple[str, ...]) -> str | None:
        """A meeting of the same two or more persons (by surname: ``Реджеп Тайип
        Эрдоган`` is ``Реджеп Эрдоган`` later) reported before in the article:
        ``договорился с президентом …`` and later ``во время встречи между …``."""
        if len(persons) < 2:
            return None
        surnames = self._surnames(persons)
        return next(
            (
                e.key
                for e in self.b.extraction.events
                if e.type == EventType.MEETING
                and self._surnames(self._persons_of(e.key)) == surnames
            ),
            None,
        )

    def _surnames(self, persons: Iterable[str]) -> frozenset[str]:
        """Stems of the persons' surnames: how two name forms of one person compare."""
        entities = self.b.extraction.entities
        return frozenset(stem(entities[p].name.split()[-1], LANG) for p in persons)

    def _same_event(
        self, type_: EventType, name: str, head: str, generic: bool, lemmas: list[str]
    ) -> str | None:
        """An event already reported that this sentence speaks about again: the same
        name, a name containing the other (``Международный форум …`` / ``Форум …``), a
        bare ``форум``, or ``встреча состоялась`` after a reported meeting."""
        if type_ == EventType.SIGNING:
            return self.events.get(ru_slug(name))  # the same document signed, told again
        if type_ == EventType.MEETING:
            noun_only = not set(lemmas) & {"встретиться", "встречаться", "принять"}
            return self.last_conference.get(head) if noun_only and generic else None
        if type_ != EventType.CONFERENCE:
            return None
        slug = ru_slug(name)
        if slug in self.events:
            return self.events[slug]
        bare = slug.split() == [ru_slug(head)]  # ``Форум открыл …``: the forum named before
        for known, key in self.events.items():
            if known.endswith(slug) or slug.endswith(known) or known.startswith(slug):
                return key
            if bare and slug in known.split():
                return key
        return self.last_conference.get(head) if generic else None

    def _classify(self, s: _Sentence, lemmas: list[str]) -> tuple[EventType, str, bool] | None:
        """(type, base-form name, whether the name is generic) of the sentence's event."""
        has = set(lemmas)
        if has & set(EVENTS["signing_verbs"]):
            doc = next((i for i, x in enumerate(lemmas) if x in EVENTS["documents"]), None)
            if doc is not None:
                words = self._np(s, doc)
                return EventType.SIGNING, "Подписание " + ru.inflect_phrase(words, "gent"), False
            signed = [e for e in self.b.extraction.events if e.type == EventType.SIGNING]
            if signed and has & set(EVENTS["document_references"]):
                return EventType.SIGNING, signed[-1].name, False  # ``Документ подписали …``
        if self._is_meeting(s, lemmas):
            return EventType.MEETING, _EVENT_NAMES[EventType.MEETING], True
        visit = has & (set(EVENTS["visit_nouns"]) | set(EVENTS["visit_verbs"]))
        if visit and (s.persons or any(m.entry.category != "place" for m in s.matches)):
            return EventType.VISIT, _EVENT_NAMES[EventType.VISIT], True
        cue = has & (set(EVENTS["happened_verbs"]) | set(EVENTS["participation_cues"]))
        for i, lemma in enumerate(lemmas):
            kind = EVENTS["conference_nouns"].get(lemma)
            if kind in ("conference", "event") and cue and not self._after_parent_cue(s, i):
                words = self._np(s, i)
                s.used.update(range(*self._np_span(s, i)))  # its organizer names it
                name = _capitalize(ru.phrase_nominative(words))
                type_ = EventType.CONFERENCE if kind == "conference" else EventType.EVENT
                return type_, name, len(words) == 1
        return None

    def _is_meeting(self, s: _Sentence, lemmas: list[str]) -> bool:
        """A meeting is said to happen (``встретился с``, ``переговоры прошли``), a
        visitor is received, talks with someone are reported or a ``встреча между``
        is named, unless the sentence is about a stage or a sports match
        (``встретятся на одной сцене``, ``матч … состоится``)."""
        has = set(lemmas)
        said = has & {"встретиться", "встречаться"} or (
            has & set(EVENTS["meeting_nouns"]) and has & set(EVENTS["happened_verbs"])
        )
        found = (
            said
            or self._received(s, lemmas)
            or self._talked(s, lemmas)
            or self._between(lemmas) is not None
        )
        return bool(found) and not self._staged(s, lemmas)

    def _received(self, s: _Sentence, lemmas: list[str]) -> bool:
        """``принял посла …``, ``принимает в Белом доме своего коллегу Николя …``
        (received a visitor): a person, or a post in the accusative, follows in the
        same clause before any other verb.  Not ``принял участие``, ``решение
        приняли`` or ``принять новых членов``: an object that is no visitor comes
        first (or right before the verb)."""
        for i, lemma in enumerate(lemmas):
            if lemma not in EVENTS["reception_verbs"] or (i and lemmas[i - 1] in _NOT_RECEIVE):
                continue
            for j in range(i + 1, min(len(s.tokens), i + _RECEPTION_REACH)):
                token = s.tokens[j]
                if token.text in _BOUNDARY or lemmas[j] in _NOT_RECEIVE:
                    break
                if any(p.start == j for p in s.persons):
                    return True
                if self._role_at(s, j) and "accs" in ru.word_case(token.text):
                    return True
                if token.is_word and _is_verb(token.text):
                    break
        return False

    def _talked(self, s: _Sentence, lemmas: list[str]) -> bool:
        """``договорился с президентом Виктором Януковичем``, ``побеседовал с …``:
        talks with a person or a post holder."""
        for i, lemma in enumerate(lemmas[:-1]):
            if lemma in EVENTS["talk_verbs"] and lemmas[i + 1] in {"с", "со"}:
                ahead = range(i + 2, min(len(s.tokens), i + 2 + _TALK_REACH))
                if any(self._role_at(s, j) for j in ahead) or any(
                    p.start in ahead for p in s.persons
                ):
                    return True
        return False

    @staticmethod
    def _between(lemmas: list[str]) -> int | None:
        """The token after ``между`` in ``встреча между X и Y``, ``переговоры между …``."""
        return next(
            (
                i + 2
                for i, lemma in enumerate(lemmas[:-1])
                if lemma in EVENTS["meeting_nouns"] and lemmas[i + 1] in EVENTS["between"]
            ),
            None,
        )

    def _staged(self, s: _Sentence, lemmas: list[str]) -> bool:
        """A performance or a contest (``на одной сцене``, ``матч``): people who meet
        there do not hold a meeting; ``на полях турнира`` only sets the scene."""
        return any(
            lemma in EVENTS["staged_cues"] and not self._after_parent_cue(s, i)
            for i, lemma in enumerate(lemmas)
        )

    def _after_parent_cue(self, s: _Sentence, i: int) -> bool:
        before = self.text[max(s.span.start, s.tokens[i].start - 30) : s.tokens[i].start]
        return bool(re.search(EVENTS["parent_cues"] + r"\s+(?:\w+\s+){0,3}$", before))

    def _np(self, s: _Sentence, i: int) -> list[str]:
        start, end = self._np_span(s, i)
        return [t.text for t in s.tokens[start:end] if t.is_word or t.text in "«»"]

    def _np_span(self, s: _Sentence, i: int) -> tuple[int, int]:
        """The noun phrase headed by token ``i``: adjectives to its left, genitives,
        names, quotes and ``по``/``о`` phrases to its right."""
        start = i
        while start > 0 and s.tokens[start - 1].is_word and _is_adj(s.tokens[start - 1].text):
            start -= 1
        end, after_preposition = i + 1, False
        while end < len(s.tokens) and end - start < _MAX_NP:
            token = s.tokens[end]
            lower = token.text.lower()
            covered = (
                end in s.covered
                and s.covered[end].entry.category != "place"
                and (ru.is_acronym(token.text) or "gent" in ru.word_case(token.text))
            )
            if lower in {"по", "о", "об"}:
                after_preposition = True
            elif not (token.text in _QUOTES or covered or self._np_word(s, end, after_preposition)):
                break
            end += 1
        while end > i + 1 and s.tokens[end - 1].text.lower() in {"по", "о", "об", "«"}:
            end -= 1
        return start, end

    def _np_word(self, s: _Sentence, i: int, any_case: bool) -> bool:
        """A word that may continue a noun phrase: a genitive or an acronym (or, after
        ``о``/``по``, any noun or adjective), never a verb, a stop word or a person."""
        token = s.tokens[i]
        if not token.is_word or token.text.lower() in _STOP or _is_verb(token.text):
            return False
        if any(p.start <= i < p.end for p in s.persons):
            return False
        return any_case or "gent" in ru.word_case(token.text) or ru.is_acronym(token.text)

    def _parties(self, s: _Sentence, scope: range) -> tuple[str, ...]:
        """Organizations and countries named in ``scope`` outside any apposition; a
        country in the genitive right after an organization (``Агентство … Кыргызской
        Республики``) says whose the organization is and is no party of its own."""
        mentions = self._org_mentions(s)
        ends = {end for _start, end, key in mentions}
        return tuple(
            key
            for start, _end, key in mentions
            if start in scope
            and start not in s.used
            and not self._after_organizer_cue(s, start)
            and not (start in ends and self._country_after(s, start) is not None)
        )

    @staticmethod
    def _org_mentions(s: _Sentence) -> list[tuple[int, int, str]]:
        """(start, end, key) of the organizations and countries the sentence names, from
        the gazetteer and from the NER model, in text order."""
        found = [
            (m.start, m.end, f"gaz:{m.entry.id}")
            for m in s.matches
            if m.entry.category in ("organization", "country")
        ]
        found += [(start, s.named[start][0], key) for start, key in s.named_orgs.items()]
        return sorted(found)

    def _after_organizer_cue(self, s: _Sentence, i: int) -> bool:
        """True when an organizer cue (``организованный``, ``организатором``) stands
        before token ``i`` in the same clause, so that every party of a coordinated
        list (``организованный Агентством … и Программой развития ООН``) is one."""
        before = self.text[s.span.start : s.tokens[i].start]
        cues = list(_ORGANIZER.finditer(before))
        return bool(cues) and not re.search(r"[,;:]", before[cues[-1].end() :])

    def _organizers(self, s: _Sentence, lemmas: list[str]) -> tuple[str, ...]:
        orgs = self._org_mentions(s)
        keys = [key for start, _end, key in orgs if self._after_organizer_cue(s, start)]
        verbs = [i for i, x in enumerate(lemmas) if x in EVENTS["organizer_verbs"]]
        gatherings = {"conference", "event"}
        if verbs and any(
            EVENTS["conference_nouns"].get(x) in gatherings for x in lemmas[verbs[0] :]
        ):
            keys += [
                key
                for _start, end, key in orgs
                if end <= verbs[0] and self.b.extraction.entities[key].kind != OrgKind.STATE
            ]
        return tuple(dict.fromkeys(keys))

    def _place(self, s: _Sentence) -> str | None:
        for m in s.matches:
            if m.entry.category == "place":
                return self.b.gazetteer_entity(m.entry)
        for i, token in enumerate(s.tokens[1:], start=1):
            if s.tokens[i - 1].text.lower() not in {"в", "во"} or i in s.covered or i in s.used:
                continue
            if not token.is_capitalized or ru.is_acronym(token.text):
                continue
            for p in ru.parses(token.text):
                if "Geox" in p.tag and str(p.tag.case) == "loct" and p.score >= 0.3:
                    key = self.b.entity(
                        EntityType.PLACE, _capitalize(p.normal_form), confidence=0.5
                    )
                    self.b.mention(key, [token], s.span, confidence=0.5)
                    return key
        for m in s.matches:
            located = m.start > 0 and s.tokens[m.start - 1].text.lower() in {"в", "во"}
            if m.entry.category == "country" and located and m.start not in s.used:
                return self.b.gazetteer_entity(m.entry)
        return None

    def _narrative_setting(
        self, parent: str | None, date: dt.date | None, place: str | None
    ) -> tuple[dt.date | None, str | None]:
        """Date and place of an event whose sentence gives none: those of the event it
        is part of, else of the event reported just before (``Пленарную сессию форума
        открыл …`` happens where and when the forum did), not the publication date."""
        events = self.b.extraction.events
        context = next((e for e in events if e.key == parent), None) if parent else None
        context = context or (events[-1] if events else None)
        if context is None:
            return date, place
        if date is None and not context.date_from_article:
            date = context.date
        return date, place or context.place

    def _date(self, s: _Sentence) -> dt.date | None:
        for start, _end, date in self.dates:
            if s.span.start <= start < s.span.end:
                return date
        return None

    def _parent(self, s: _Sentence, date: dt.date | None, place: str | None) -> str | None:
        """The super-event named after ``в рамках`` / ``на полях`` / ``в ходе``."""
        for match in re.finditer(EVENTS["parent_cues"], self.text[s.span.start : s.span.end], re.I):
            pos = s.span.start + match.end()
            i = next((n for n, t in enumerate(s.tokens) if t.start >= pos), None)
            if i is None:
                continue
            np_start, np_end = self._np_span(s, i)
            s.used.update(range(np_start, np_end))
            words = self._np(s, i)
            if not words:
                continue
            name = _capitalize(ru.phrase_nominative(words, "gent"))
            known = self.events.get(ru_slug(name)) or self.last_conference.get(
                ru.lemma(_head_word(words))
            )
            if known:
                return known
            kind = EVENTS["conference_nouns"].get(ru.lemma(_head_word(words)), "event")
            type_ = EventType(kind) if kind in EventType._value2member_map_ else EventType.EVENT
            key = self.b.event(type_, name, s.span, date=date, place=place, confidence=0.55)
            self.events[ru_slug(name)] = key
            self.last_conference[ru.lemma(_head_word(words))] = key
            return key
        return None

    def _merge(
        self,
        key: str,
        participants: tuple[str, ...],
        organizers: tuple[str, ...],
        place: str | None,
        parent: str | None,
        date: dt.date | None,
    ) -> None:
        event = next(e for e in self.b.extraction.events if e.key == key)
        if date is not None and event.date_from_article:
            self.b.update_event(key, date=date, date_from_article=False)
        self.b.update_event(
            key,
            participants=tuple(dict.fromkeys((*event.participants, *participants))),
            organizers=tuple(dict.fromkeys((*event.organizers, *organizers))),
            place=event.place or place,
            parent=event.parent or (parent if parent != key else None),
        )
