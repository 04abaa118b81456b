"""Stage 6: persons, read from the capitalised words that no earlier stage claimed.

A name is up to four capitalised words (with particles such as ``van`` or ``bin``); it
is a person after an honorific or a post, before a comma and a post, before a verb that
people do (``said``, ``met``), after a preposition or such a verb, or as a surname the
article has already given in full (``Baimenov`` after ``Alikhan Baimenov``).  The
confidence of the person says how strong that context was.
"""

from __future__ import annotations

from kg.lang.en import canonical_name
from kg.mappers.en.sentence import _Item, _Sentence, _State
from kg.mappers.en.words import (
    ENTITY_KINDS,
    HONORIFIC_LEAD,
    HONORIFICS,
    NAME_PARTICLES,
    NON_NAME,
    PERSON_PREPS,
    PERSON_VERBS,
    STATUS_WORDS,
    STOP_CAPS,
    _bare,
)
from kg.model import EntityType


class PersonRules:
    """Person items and entities; the article state keeps their surnames so that later
    mentions by surname resolve to the same person."""

    def _mark_persons(self, state: _State, sent: _Sentence) -> None:
        i = 0
        while i < len(sent.tokens):
            if not (sent.is_cap(i) and sent.free(i, i + 1)) or sent.lower[i] in STOP_CAPS:
                i += 1
                continue
            end = self._name_extent(sent, i)
            self._person(state, sent, i, end)
            i = end

    @staticmethod
    def _name_extent(sent: _Sentence, start: int) -> int:
        end = start
        while end < len(sent.tokens) and end - start < 4:
            word = sent.lower[end]
            name_word = sent.is_cap(end) and sent.free(end, end + 1) and _bare(word) not in NON_NAME
            particle = word in NAME_PARTICLES and sent.is_cap(end + 1) and end > start
            if not (name_word or particle):
                break
            end += 1
            if sent.tokens[end - 1].text.endswith(("'s", "’s")):
                break
        return max(end, start + 1)

    def _person(self, state: _State, sent: _Sentence, start: int, end: int) -> None:
        words = [_bare(t.text) for t in sent.tokens[start:end]]
        if any(w.lower() in NON_NAME or w.lower() in STOP_CAPS for w in (words[0], words[-1])):
            return
        honorific = self._honorific_before(sent, start)
        if len(words) == 1:
            key = state.surnames.get(words[0].lower())
            if key is None and not honorific:
                return
            confidence = 0.7 if key else 0.4
            if key is None:
                key = state.builder.entity(
                    EntityType.PERSON, canonical_name(words), confidence=confidence
                )
                state.surnames[words[0].lower()] = key
        else:
            confidence = self._person_confidence(sent, start, end, honorific)
            if confidence == 0.0 and words[-1].lower() in state.surnames:
                confidence = 0.6  # the full name of someone already named
            if confidence == 0.0:
                return
            name = canonical_name(words)
            key = state.builder.entity(EntityType.PERSON, name, confidence=confidence)
            state.surnames.setdefault(words[-1].lower(), key)
        sent.add(_Item("person", start, end, key=key))
        state.builder.mention(key, sent.tokens[start:end], sent.span, confidence)
        state.builder.alias(key, canonical_name(words))

    @staticmethod
    def _honorific_before(sent: _Sentence, i: int) -> bool:
        j = i - 1
        while sent.word(j) == ".":
            j -= 1
        word = sent.word(j)
        if word == "e" and sent.word(j - 1) == "." and sent.word(j - 2) == "h":
            return True
        if word == "excellency" and sent.word(j - 1) in HONORIFIC_LEAD:
            return True
        return word in HONORIFICS

    def _person_confidence(self, sent: _Sentence, start: int, end: int, honorific: bool) -> float:
        """How strongly the context says that capitalised words name a person."""
        if honorific:
            return 0.85
        prev = sent.item_at(start - 1) or sent.item_at(start - 2)
        if (
            prev is not None
            and prev.kind in (*ENTITY_KINDS, "role")
            and any(it.kind == "role" and it.start < start for it in sent.items)
        ):
            return 0.8
        nxt = sent.word(end)
        after = sent.item_at(end + 1)
        if nxt == "," and (
            (after is not None and after.kind == "role")
            or sent.word(end + 1) in STATUS_WORDS
            or (
                sent.word(end + 1) == "the"
                and (sent.item_at(end + 2) or _Item("", 0, 0)).kind == "role"
            )
        ):
            return 0.8
        if nxt in PERSON_VERBS or (nxt in ("'s", "’s")):
            return 0.65
        prev_word = sent.word(start - 1)
        if (prev_word in PERSON_PREPS or prev_word in PERSON_VERBS) and end - start in (2, 3):
            return 0.5
        return 0.0
