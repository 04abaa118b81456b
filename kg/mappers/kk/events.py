"""Events: trigger words and verbs, containers (``… аясында``) that nest one event in
another, signings, and the speakers quoted after a conference.

This is the sentence-by-sentence reading that decides which events an article reports
and how they nest; the attributes of each event are read by ``event_attributes`` and
the drafts are merged and emitted by ``event_drafts``.
"""

from __future__ import annotations

from kg.lang import kk
from kg.mappers.kk.event_attributes import EventAttributes
from kg.mappers.kk.event_drafts import EventDrafts, _Draft
from kg.mappers.kk.sentence import _Sentence
from kg.mappers.kk.words import (
    _ARRIVAL,
    _ARRIVAL_GAP,
    _DATIVE,
    _LOCATIVE,
    _MEETING_TRIGGER,
    _PLACES,
    _RECEPTION,
    _ROLE,
    _TRIGGERS,
    _VISIT_TRIGGER,
    LEXICON,
    _capitalize,
    _has_ending,
    _is_genitive,
    _trigger,
)
from kg.model import EventType


class EventRules(EventAttributes, EventDrafts):
    """The event rules of a run, applied to the sentences in text order."""

    text: str
    present: dict[int, list[str]]
    drafts: list[_Draft]
    last_conference: _Draft | None
    _previous: tuple[int, list[_Draft]]

    def _events(self, sent: _Sentence) -> None:
        tokens = sent.tokens
        container_at = next(
            (
                i
                for i, t in enumerate(tokens)
                if t.text.lower().startswith(tuple(LEXICON["container_words"]))
            ),
            None,
        )
        parent: _Draft | None = None
        used: set[int] = set()
        subjects: list[int] = []
        if container_at is not None:
            parent, used, subjects = self._container(sent, container_at)
        children: list[_Draft] = []
        owner: _Draft | None = None
        for i, token in enumerate(tokens):
            if i in used or self._person_covering(sent, i):
                continue
            trigger = _trigger(token.text) or self._verb_trigger(sent, i)
            if trigger is not None:
                owned = owner is not None
                draft = self._trigger_event(sent, i, trigger, i in subjects, force=owned)
                if draft is None:
                    continue
                # ``Форумның пленарлық сессиясы``: an event in the genitive owns the next
                if owner is not None and draft is not owner and draft.parent is None:
                    draft.parent = owner
                owner = draft if _is_genitive(token.text) else None
                children.append(draft)
        signing = self._signing(sent)
        if signing is not None:
            children.append(signing)
        for child in children:
            if parent is not None and child is not parent and child.parent is None:
                child.parent = parent
            elif parent is None and child.parent is None:
                child.parent = self._continued_parent(sent, child)
        self._previous = (sent.index, children)
        for draft in (parent, *children):
            if draft is not None and draft.type == EventType.CONFERENCE:
                self.last_conference = draft
        if not children and parent is None:
            self._speakers(sent)

    def _continued_parent(self, sent: _Sentence, draft: _Draft) -> _Draft | None:
        """``Конференция ауқымында Ким Байменовпен кездесті.  Байменов … Лаумен де
        кездесті``: an event like one in the sentence before, with a participant in
        common and no date of its own, continues the series and is within the same
        event."""
        index, before = self._previous
        if index != sent.index - 1 or self._date(sent) is not None:
            return None
        for other in before:
            if (
                other is not draft
                and other.type == draft.type
                and other.parent is not None
                and other.parent is not draft
                and set(other.participants) & set(draft.participants)
            ):
                return other.parent
        return None

    def _verb_trigger(self, sent: _Sentence, i: int) -> str | None:
        """Verbs that report an event without naming it: ``… елшісі Мехмет Йылдызды
        қабылдады`` (received a person: a meeting) and ``Астанаға келді`` (came to a
        place: a visit).  Returns the trigger of the event type they report."""
        word = sent.lower(i)
        if word.startswith(_RECEPTION) and i > 0:
            received = self._person_covering(sent, i - 1) or sent.match(i - 1, _ROLE)
            return _MEETING_TRIGGER if received else None
        if word.startswith(_ARRIVAL):
            for j in range(max(0, i - _ARRIVAL_GAP), i):
                m = sent.match(j, _PLACES)
                if m is not None and m.end == j + 1 and _has_ending(sent.tokens[j].text, _DATIVE):
                    return _VISIT_TRIGGER
        return None

    def _container(self, sent: _Sentence, c: int) -> tuple[_Draft | None, set[int], list[int]]:
        """``… аясында / ауқымында / шеңберінде``: the phrase before names the event
        that contains what the sentence reports."""
        b = c - 1
        while b >= 0 and sent.tokens[b].text not in {",", ";", ":", "«", "»"}:
            b -= 1
        np = range(b + 1, c)
        org = next(
            (
                sent.match(i, frozenset({"organization", "country"}))
                for i in np
                if sent.match(i, frozenset({"organization", "country"}))
            ),
            None,
        )
        heads = [
            i for i in np if _trigger(sent.tokens[i].text) and not self._person_covering(sent, i)
        ]
        if org is not None:
            subjects = [i for i in heads if i < org.start]
            own = [i for i in heads if i >= org.end]
            if not own:
                return None, set(), []
            words = self._words_between(sent, org.start, own[0])
            name = " ".join([*words, kk.strip_case(sent.tokens[own[0]].text)])
            key = self._org_key(sent, org)
            draft: _Draft | None = self._add_draft(
                _Draft(
                    _TRIGGERS[_trigger(sent.tokens[own[0]].text) or "форум"],
                    name,
                    {_trigger(sent.tokens[i].text) or "" for i in own},
                    sent.span,
                    date=self._date(sent),
                    place=self._place(sent, _LOCATIVE, countries=False),
                    organizers=[key] if key else [],
                    confidence=0.7,
                )
            )
            return draft, set(own), subjects
        if not heads:
            return None, set(), []
        head = heads[-1]
        trigger = _trigger(sent.tokens[head].text) or ""
        draft = self._anaphor(trigger) if head == b + 1 else None
        if draft is None:
            draft = self._trigger_event(sent, head, trigger, False, force=True)
        return draft, set(heads), []

    def _trigger_event(
        self, sent: _Sentence, i: int, trigger: str, subject: bool, force: bool = False
    ) -> _Draft | None:
        type_ = _TRIGGERS[trigger]
        if sent.lower(i).startswith(trigger):
            name, bare = self._name(sent, i)
        else:  # a verb (``келді``): the event is named by its type's noun
            name, bare = _capitalize(trigger), True
        persons = list(dict.fromkeys(self.present.get(sent.index, [])))
        orgs = self._sentence_orgs(sent)
        if type_ == EventType.CONFERENCE and (self._invitation(sent) or self._about(sent, i)):
            persons, orgs = [], []  # invited (or inviting), or talking about it
        if bare and (subject or sent.tokens[i].is_capitalized or not force):
            found = self._anaphor(trigger)
            if found is not None and type_ == EventType.MEETING and self._attending(sent):
                # ``Кездесуге Пан Сук Ким де қатысты``: one more participant
                found.participants.extend(k for k in persons if k not in found.participants)
                return found
            if found is not None and (subject or type_ != EventType.MEETING):
                self._complete(found, sent, i)
                if type_ == EventType.CONFERENCE and not subject:
                    new = [k for k in persons + orgs if k not in found.organizers]
                    found.participants.extend(k for k in new if k not in found.participants)
                return found
        draft = _Draft(type_, name, {trigger}, sent.span, bare=bare)
        draft.date = self._date(sent)
        draft.organizers = self._event_organizers(sent, i, type_)
        if type_ == EventType.MEETING:
            draft.participants = persons or orgs
            draft.place = self._place(sent, _LOCATIVE, countries=False)
            if len(draft.participants) < 2 and not force:
                return None
            draft.name = self._meeting_name(draft.participants)
        elif type_ == EventType.VISIT:
            draft.participants = persons or orgs
            draft.place = self._place(sent, _LOCATIVE + _DATIVE, countries=True)
            if not draft.participants and not force:
                return None
        else:
            draft.place = self._place(sent, _LOCATIVE, countries=False)
            if not (force or self._happened(sent, i) or draft.place or draft.organizers):
                return None
            draft.participants = [p for p in persons + orgs if p not in draft.organizers]
        return self._add_draft(draft)

    def _complete(self, draft: _Draft, sent: _Sentence, i: int) -> None:
        """A later mention of an event (``Семинарды … ұйымдастырды``, ``… өңірлік
        семинар өткізді`` after the headline) gives the date, place and organizers the
        first mention lacked; an organizer is then no participant."""
        draft.date = draft.date or self._date(sent)
        draft.place = draft.place or self._place(sent, _LOCATIVE, countries=False)
        found = self._event_organizers(sent, i, draft.type)
        organizers = [k for k in found if k not in draft.organizers]
        draft.organizers.extend(organizers)
        draft.participants[:] = [k for k in draft.participants if k not in organizers]

    def _signing(self, sent: _Sentence) -> _Draft | None:
        """``… меморандумға қол қойылды / қойды``: an agreement signing."""
        verb = LEXICON["signing_verb"]
        for i in range(len(sent.tokens) - 1):
            if sent.lower(i) == verb["noun"] and sent.lower(i + 1).startswith(verb["verb_prefix"]):
                docs = [
                    j
                    for j in range(i)
                    if sent.lower(j).startswith(tuple(LEXICON["signing_documents"]))
                ]
                if not docs:
                    return self._signed_again(sent, i)
                name, _ = self._name(sent, docs[-1])
                name = _capitalize(kk.base_form(name, proper=False)) if " " not in name else name
                draft = _Draft(EventType.SIGNING, name, {"қол"}, sent.span)
                draft.date = self._date(sent)
                draft.place = self._place(sent, _LOCATIVE, countries=False)
                parties = self._parties(sent, i)
                draft.participants = list(
                    dict.fromkeys(
                        self.present.get(sent.index, []) + parties + self._sentence_orgs(sent)
                    )
                )
                return self._add_draft(draft)
        return None

    def _signed_again(self, sent: _Sentence, end: int) -> _Draft | None:
        """``Құжатқа академия ректоры … мен агенттік директоры … қол қойды``: "the
        document" refers to the agreement signed last, and names its signatories."""
        anaphors = tuple(LEXICON["signing_anaphors"])
        if not any(sent.lower(j).startswith(anaphors) for j in range(end)):
            return None
        found = next((d for d in reversed(self.drafts) if d.type == EventType.SIGNING), None)
        if found is not None:
            signatories = self.present.get(sent.index, []) + self._parties(sent, end)
            found.participants.extend(k for k in signatories if k not in found.participants)
        return found

    def _speakers(self, sent: _Sentence) -> None:
        """Who speaks in a sentence with no event of its own attends the conference
        reported last before it (news reports a forum, then quotes its speakers; an
        article about two conferences quotes each one's speakers after it).  Plain
        ``айтты`` (said) counts only with a quotation: ``… жалғасатынын айтты`` reports
        a statement that may have been made anywhere."""
        lower = self.text[sent.span.start : sent.span.end].lower()
        quoted = "«" in lower or "»" in lower
        if not any(w in lower for w in LEXICON["speech_words"]) and not (
            quoted and any(w in lower for w in LEXICON["quoting_words"])
        ):
            return
        main = self.last_conference
        if main is not None:
            for key in self.present.get(sent.index, []):
                if key not in main.participants:
                    main.participants.append(key)

    def _attending(self, sent: _Sentence) -> bool:
        """The sentence says who takes part (``қатысты``, ``өкілдері``)."""
        words = tuple(LEXICON["attendee_words"])
        return any(sent.lower(i).startswith(words) for i in range(len(sent.tokens)))

    def _about(self, sent: _Sentence, i: int) -> bool:
        """``саммиттің қорытындысы бойынша мәлімдеме жасады``: an event in the genitive
        before its results, aims or importance is talked about, which says nothing of
        who attended it."""
        if not _is_genitive(sent.tokens[i].text) or i + 1 >= len(sent.tokens):
            return False
        return sent.lower(i + 1).startswith(tuple(LEXICON["aspect_words"]))

    def _invitation(self, sent: _Sentence) -> bool:
        """``… форумына шақырды``: the sentence invites to the event."""
        words = tuple(LEXICON["invitation_words"])
        return any(sent.lower(i).startswith(words) for i in range(len(sent.tokens)))

    def _happened(self, sent: _Sentence, i: int) -> bool:
        lower = self.text[sent.span.start : sent.span.end].lower()
        located = _has_ending(sent.tokens[i].text, _LOCATIVE) or sent.lower(i).endswith(
            ("нда", "нде")
        )
        return located or any(w in lower for w in LEXICON["happening_words"])
