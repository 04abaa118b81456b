"""What a sentence says about its events: the parent event, date, place and organizers.

A named gathering after ``on the sidelines of`` or ``within the framework of`` (or after
``at`` when the sentence reports a meeting, signing or visit) is the parent event; the
date is the sentence's first; the place follows ``in``; organizers follow a cue
(``organized by``) or stand coordinated before a hosting verb (``the OECD and the Hub
held``).
"""

from __future__ import annotations

import datetime as dt
import re

from kg.mappers.en.sentence import _Item, _Sentence, _State
from kg.mappers.en.words import (
    AT_PREP,
    COORDINATION,
    ENTITY_KINDS,
    EVENT_VERBS,
    HOST_VERBS,
    LANG,
    NON_NAME,
    ORGANIZER_CUES,
    PARENT_PREPS,
    STOP_CAPS,
)
from kg.model import EntityType
from kg.readers.dates import find_dates_in_text


class EventAttributes:
    """The parent, date, place and organizers of the events a sentence reports."""

    @staticmethod
    def _is_parent(sent: _Sentence, item: _Item, main: str | None) -> bool:
        before = sent.before(item.start)
        if PARENT_PREPS.search(before):
            return True
        return main is not None and bool(AT_PREP.search(before))

    @staticmethod
    def _date(sent: _Sentence) -> dt.date | None:
        found = find_dates_in_text(sent.text, LANG)
        return found[0][2] if found else None

    def _place(self, state: _State, sent: _Sentence) -> str | None:
        """``in Seoul``: a gazetteer place or country, else a capitalised word."""
        for item in sent.ordered():
            if item.kind in ("place", "country") and sent.word(item.start - 1) == "in":
                return item.key
        for i in range(len(sent.tokens) - 1):
            if sent.lower[i] != "in" or not (sent.is_cap(i + 1) and sent.free(i + 1, i + 2)):
                continue
            word = sent.tokens[i + 1].text
            follow = sent.word(i + 2)
            if word.lower() in NON_NAME or word.lower() in STOP_CAPS or sent.is_cap(i + 2):
                continue
            if follow in (",", ".", "on", "last", "this", "") and EVENT_VERBS.search(sent.ltext):
                key = state.builder.entity(EntityType.PLACE, word, confidence=0.4)
                sent.add(_Item("place", i + 1, i + 2, key=key))
                state.builder.mention(key, sent.tokens[i + 1 : i + 2], sent.span, 0.4)
                return key
        return None

    @staticmethod
    def _organizers(sent: _Sentence) -> list[str]:
        found: list[str] = []
        cue = ORGANIZER_CUES.search(sent.ltext)
        if cue:
            last_end = cue.end()
            for item in sent.ordered():
                offset = sent.tokens[item.start].start - sent.span.start
                if offset >= cue.end() and item.kind in ENTITY_KINDS and item.key:
                    if not re.fullmatch(r"(?:\s|,|and|the)*", sent.ltext[last_end:offset]):
                        break
                    found.append(item.key)
                    last_end = sent.tokens[item.end - 1].end - sent.span.start
        chain: list[str] = []  # "the OECD and the Hub held": coordinated hosts
        last_end = 0
        for item in sent.ordered():
            if item.kind not in ENTITY_KINDS or not item.key:
                chain, last_end = [], sent.tokens[item.end - 1].end - sent.span.start
                continue
            offset = sent.tokens[item.start].start - sent.span.start
            if not COORDINATION.fullmatch(sent.ltext[last_end:offset]):
                chain = []
            chain.append(item.key)
            last_end = sent.tokens[item.end - 1].end - sent.span.start
            after = item.end + 1 if sent.word(item.end) == ")" else item.end
            if sent.word(after) in HOST_VERBS:
                found.extend(chain)
        return list(dict.fromkeys(found))
