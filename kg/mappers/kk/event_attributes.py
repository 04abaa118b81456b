"""What a sentence says about an event it reports: its name, date, place, organizers
and parties.

These readers only look at the sentence and the entities found in it; deciding whether
there is an event, and which earlier event a mention refers to, is ``events``' concern.
"""

from __future__ import annotations

import datetime as dt

from kg.gazetteer import GazetteerMatch
from kg.lang import kk
from kg.mappers.base import ExtractionBuilder
from kg.mappers.kk.organizations import OrganizationRules
from kg.mappers.kk.sentence import _Sentence
from kg.mappers.kk.words import (
    _ADJECTIVE,
    _ATTRIBUTIVE,
    _BETWEEN,
    _CLOSE,
    _CONJUNCTIONS,
    _DATIVE,
    _EVENT_MODIFIERS,
    _LOCATIVE,
    _NAME_MODIFIERS,
    _ORG_CATEGORIES,
    _ORGANIZER_GAP,
    _PLURAL,
    LEXICON,
    _capitalize,
    _has_ending,
    _is_genitive,
    _possessive,
    _trigger,
)
from kg.model import EventType
from kg.readers.dates import find_dates_in_text


class EventAttributes(OrganizationRules):
    """Readers of an event's attributes; a post's organization organizes nothing, so
    the tokens of posts' chains (recorded by the membership rules) are left out."""

    builder: ExtractionBuilder
    text: str
    _org_keys: dict[tuple[int, int], str]
    _found_orgs: dict[int, list[str]]
    _org_tokens: dict[int, set[int]]
    _post_tokens: dict[int, set[int]]

    def _name(self, sent: _Sentence, i: int) -> tuple[str, bool]:
        """Event name from its trigger word and the modifiers before it:
        ``Сеулдегі Көшбасшылар форумында`` → ``Көшбасшылар форумы``."""
        window, _ = self._name_window(sent, i)
        capitals = [k for k in window if sent.tokens[k].is_capitalized or sent.match(k)]
        if capitals:
            window = window[window.index(capitals[0]) :]
        elif window and (
            sent.lower(window[-1]).endswith(_ADJECTIVE + _PLURAL)
            or sent.lower(window[-1]) in _EVENT_MODIFIERS
        ):
            window = window[-1:]
        else:
            window = []
        head = sent.tokens[i].text
        if not window:
            return _capitalize(kk.base_form(head, proper=False).lower()), True
        words = [sent.tokens[k].text for k in window]
        base = kk.base_form(head, proper=False).lower()
        # A noun modifier makes the head possessive (Көшбасшылар форумы); adjectives
        # alone do not (халықаралық конференция).
        nouns = [
            w
            for w in words
            if not w.lower().endswith(_ADJECTIVE) and w.lower() not in _EVENT_MODIFIERS
        ]
        head_form = _possessive(base) if nouns else base
        return _capitalize(" ".join([*words, head_form])), not any(w[:1].isupper() for w in words)

    def _name_window(self, sent: _Sentence, i: int) -> tuple[list[int], GazetteerMatch | None]:
        """The modifiers before an event's trigger that may belong to its name, and the
        organization among them."""
        j = i - 1
        window: list[int] = []
        owner: GazetteerMatch | None = None
        while j >= 0 and len(window) < _NAME_MODIFIERS:
            if sent.tokens[j].text == _CLOSE and window:
                j = self._skip_parentheses(sent, j)  # ``ұйымның (EROPA) Бас Ассамблеясы``
                if j < 0:
                    break
            t = sent.tokens[j]
            m = sent.match(j)
            if (
                not t.is_word
                or self._person_covering(sent, j)
                or sent.lower(j) in _CONJUNCTIONS
                or j in self._org_tokens.get(sent.index, ())
            ):
                break
            if (m is not None and m.entry.category == "role") or _has_ending(
                t.text, _LOCATIVE + _DATIVE
            ):
                break  # a post, or a word in the locative/dative: where, not what
            if (_is_genitive(t.text) and m is None) or sent.lower(j) in _BETWEEN:
                break
            if m is not None and m.entry.category in _ORG_CATEGORIES and m.end <= i:
                if owner is not None and m is not owner:
                    break  # ``Хаб EROPA Бас Ассамблеясына``: one owner names an event
                owner = m
            window.insert(0, j)
            j -= 1
        if owner is not None and window and owner.start < window[0]:
            window = [k for k in window if k >= owner.end]  # no part of a longer name
        return window, owner

    def _owner(self, sent: _Sentence, i: int) -> list[str]:
        """``ШЫҰ саммиті``, ``EROPA Бас Ассамблеясы``: the organization (not a country)
        whose event the trigger at ``i`` names organizes it."""
        _, owner = self._name_window(sent, i)
        if owner is None or owner.entry.category == "country":
            return []
        key = self._org_key(sent, owner)
        return [self._root(key)] if key else []

    def _meeting_name(self, participants: list[str]) -> str:
        names = [self.builder.extraction.entities[k].name for k in participants[:3]]
        return f"{' және '.join(names)} кездесуі" if names else "Кездесу"

    def _parties(self, sent: _Sentence, end: int) -> list[str]:
        """``Қазақстан мен ЭЫДҰ арасында …``: the organizations and countries named
        before "between" are the parties of what is signed."""
        at = next((i for i in range(end) if sent.lower(i) in _BETWEEN), None)
        if at is None:
            return []
        keys: list[str] = []
        i = at - 1
        while i >= 0 and sent.tokens[i].text not in {",", ";", ":", "."}:
            m = sent.match(i, _ORG_CATEGORIES)
            if m is not None:
                key = self._org_key(sent, m)
                if key:
                    keys.insert(0, key)
                i = m.start
            i -= 1
        return keys

    def _sentence_orgs(self, sent: _Sentence) -> list[str]:
        """Organizations in a sentence (units as their top organization) except those
        that only name a post's place."""
        keys = []
        posts = self._post_tokens.get(sent.index, set())
        for m in sent.matches:
            key = self._org_keys.get((sent.index, m.start))
            if key and m.entry.category in ("organization", "unit") and m.start not in posts:
                keys.append(self._root(key))
        keys.extend(self._found_orgs.get(sent.index, []))
        return list(dict.fromkeys(keys))

    def _event_organizers(self, sent: _Sentence, i: int, type_: EventType) -> list[str]:
        """Who organizes the event named at ``i``: the organizations said to organize
        or hold it, else (for a conference) the organization it belongs to."""
        organizers = self._organizers(sent)
        if organizers or type_ != EventType.CONFERENCE:
            return organizers
        return self._owner(sent, i)

    def _organizers(self, sent: _Sentence) -> list[str]:
        """The organizations before ``ұйымдастырды / өткізді`` (organized, held): the
        nearest within a few words, and those joined to it by ``мен / және``
        (``Дүниежүзілік банк пен … хабы … семинар өткізді``).  A post's organization
        (``… агенттігінің төрағасы``) organizes nothing."""
        posts = self._post_tokens.get(sent.index, set())
        for i, t in enumerate(sent.tokens):
            if not t.text.lower().startswith(tuple(LEXICON["organizer_words"])):
                continue
            keys: list[str] = []
            j = i - 1
            while j >= 0 and (keys or j >= i - _ORGANIZER_GAP):
                m = sent.match(j, _ORG_CATEGORIES)
                if m is None or m.start in posts or self._person_covering(sent, j):
                    if keys or self._person_covering(sent, j):
                        break
                    j -= 1
                    continue
                key = self._org_key(sent, m)
                if key:
                    keys.insert(0, self._root(key))
                j = m.start - 1
                if j < 0 or sent.lower(j) not in _CONJUNCTIONS:
                    break
                j -= 1
            if keys:
                return list(dict.fromkeys(keys))
        return []

    def _place(self, sent: _Sentence, endings: tuple[str, ...], countries: bool) -> str | None:
        """A city (or, for visits, a country) written in the locative/dative that does
        not just locate an organization (``Астанадағы … хаб``)."""
        categories = {"place", "country"} if countries else {"place"}
        for m in sent.matches:
            word = sent.tokens[m.end - 1].text
            if m.entry.category not in categories or not _has_ending(word, endings):
                continue
            if _has_ending(word, _ATTRIBUTIVE) and self._locates_organization(sent, m.end):
                continue
            return self.builder.gazetteer_entity(m.entry)
        return None

    def _locates_organization(self, sent: _Sentence, i: int) -> bool:
        """After ``Астанадағы`` (in Astana) at ``i``: an organization comes before any
        event word (``Астанадағы … Өңірлік хаб``), not an event (``Бішкектегі жастар
        форумы … аясында``)."""
        for j in range(i, len(sent.tokens)):
            if _trigger(sent.tokens[j].text):
                return False
            if sent.match(j, _ORG_CATEGORIES):
                return True
        return False

    def _date(self, sent: _Sentence) -> dt.date | None:
        found = find_dates_in_text(self.text[sent.span.start : sent.span.end], "kk")
        return found[0][2] if found else None
