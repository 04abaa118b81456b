"""Stage 3: named gatherings, claimed as event items before organizations are read.

``the 73rd EROPA General Assembly`` takes the organization and the ordinal inside its
name; an uncapitalised gathering is an event as the object of a hosting or attending
verb (``held a regional forum``) and takes only its owner (``conference of the Hub``);
``the Forum`` or ``the opening session`` refer back to a gathering named before.
"""

from __future__ import annotations

import re

from kg.mappers.en.sentence import _Item, _Sentence, _State
from kg.mappers.en.words import (
    EVENT_HEADS,
    EVENT_OBJECT_VERBS,
    EVENT_PARTS,
    EVENT_VERBS,
    PARENT_PREPS,
    STOP_CAPS,
)


def _may_open_event_name(sent: _Sentence, prev: int, start: int) -> bool:
    """Whether token ``prev`` belongs to an event's name: ``73rd``, ``Leaders'``."""
    text = sent.tokens[prev].text
    if text in ("'", "’"):
        return sent.tokens[prev - 1].text.endswith("s")
    if re.fullmatch(r"\d+(?:st|nd|rd|th)?", text):
        return True
    apostrophe_next = sent.word(start) in ("'", "’")
    return (
        sent.is_cap(prev)
        and sent.item_at(prev) is None
        and (sent.lower[prev] not in STOP_CAPS or apostrophe_next)
    )


class EventNameRules:
    """Event items: capitalised names, uncapitalised gatherings and short references.
    The rules read only the sentence and the events the article state has named."""

    def _mark_events(self, state: _State, sent: _Sentence) -> None:
        i = 0
        while i < len(sent.tokens):
            word = sent.lower[i]
            if word in EVENT_HEADS and sent.is_cap(i) and self._may_be_event(sent, i):
                start, end = self._event_extent(sent, i)
                if end - start >= 2:
                    self._claim_event(sent, start, end)
                    i = end
                    continue
            common_start = self._common_event_start(sent, i)
            if common_start is not None:
                end = self._owner_extent(sent, i + 1)
                self._claim_event(sent, common_start, end)
                i = end
                continue
            if self._short_event(sent, i):
                key = self._event_by_head(state, word)
                if key:
                    sent.add(_Item("event", i, i + 1, key=key))
            i += 1

    @staticmethod
    def _common_event_start(sent: _Sentence, head: int) -> int | None:
        """``held a regional forum``, ``addressed the annual conference of the Hub``: an
        uncapitalised gathering is an event when it is the object of a hosting or
        attending verb; its name starts after the article.  Meetings and talks are left
        to the meeting patterns, which also find who met."""
        word = sent.lower[head]
        if word not in EVENT_HEADS or word in ("meeting", "talks") or sent.is_cap(head):
            return None
        if not sent.free(head, head + 1):
            return None
        start = head
        while start > 0 and head - start < 3:
            prev = sent.lower[start - 1]
            if prev in ("a", "an", "the"):
                verb = sent.word(start - 2)
                return start if verb in EVENT_OBJECT_VERBS else None
            if not sent.tokens[start - 1].is_word or sent.is_cap(start - 1):
                return None
            if not sent.free(start - 1, start):
                return None
            start -= 1
        return None

    @staticmethod
    def _owner_extent(sent: _Sentence, end: int) -> int:
        """``conference of the Hub``: an uncapitalised name takes its owner only, not a
        place or a topic after it."""
        j = end + (2 if sent.word(end + 1) == "the" else 1)
        owner = sent.item_at(j)
        if sent.word(end) == "of" and owner is not None and owner.kind in ("org", "unit"):
            return owner.end
        return end

    @staticmethod
    def _short_event(sent: _Sentence, i: int) -> bool:
        """``the Forum``, ``the opening session``: a gathering named before."""
        word = sent.lower[i]
        if (word not in EVENT_HEADS and word not in EVENT_PARTS) or not sent.free(i, i + 1):
            return False
        return sent.word(i - 1) == "the" or (
            sent.word(i - 2) == "the" and sent.word(i - 1) in ("opening", "closing", "plenary")
        )

    @staticmethod
    def _may_be_event(sent: _Sentence, i: int) -> bool:
        """``General Assembly`` is a UN organ after ``President of the``, a gathering
        when something is held, attended or nested in it."""
        owner = sent.item_at(i)
        if owner is None:
            return True
        if owner.kind != "unit":
            return False
        preceding = sent.item_at(owner.start - 2) or sent.item_at(owner.start - 3)
        if preceding is not None and preceding.kind == "role":
            return False
        return bool(EVENT_VERBS.search(sent.ltext) or PARENT_PREPS.search(sent.before(owner.start)))

    @staticmethod
    def _event_extent(sent: _Sentence, head: int) -> tuple[int, int]:
        start = head
        while start > 0:
            prev = start - 1
            owner = sent.item_at(prev)
            if owner is not None and owner.kind in ("org", "place", "country", "unit"):
                start = owner.start
            elif _may_open_event_name(sent, prev, start):
                start = prev
            else:
                break
        end = head + 1
        while True:
            j = end
            if sent.word(j) in ("of", "on", "for", "and", "in") and sent.tokens[j - 1].is_word:
                j += 2 if sent.word(j + 1) == "the" else 1
            owner = sent.item_at(j)
            if owner is not None and owner.kind in ("org", "place", "country", "unit"):
                end = owner.end
            elif sent.is_cap(j) and owner is None and sent.lower[j] not in STOP_CAPS:
                end = j + 1
            else:
                return start, end

    @staticmethod
    def _claim_event(sent: _Sentence, start: int, end: int) -> None:
        inside = [it for it in sent.items if it.start < end and it.end > start]
        for item in inside:
            sent.remove(item)
        first = start
        while sent.tokens[first].text in ("'", "’"):
            first += 1
        name = sent.text[
            sent.tokens[first].start - sent.span.start : sent.tokens[end - 1].end - sent.span.start
        ]
        event = sent.add(_Item("event", start, end, name=name))
        event.target = next((it.key for it in inside if it.kind == "org"), None)

    @staticmethod
    def _event_by_head(state: _State, head: str) -> str | None:
        named = [(n, k) for n, k in state.events.items() if not n.startswith("signing:")]
        for name, key in reversed(named):
            if head in name.split():
                return key
        if head in EVENT_PARTS and named:
            return named[-1][1]
        return None
