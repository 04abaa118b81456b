"""Persons: the name spans of each sentence, their base form, and one entity per person.

The run finds persons first, in every sentence, because the other rules ask which words
are a name: the holder of a post, a chain that must not run through a name, the
participants of an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.lang import kk
from kg.mappers.base import ExtractionBuilder
from kg.mappers.kk.sentence import _Sentence
from kg.mappers.kk.words import (
    _COMITATIVE,
    _HONORIFICS,
    _LOCATIVE,
    _MAX_NAME_WORDS,
    _NON_NAMES,
    _PARTICLES,
    _UNAMBIGUOUS_SURNAME,
    LEXICON,
    _has_ending,
    _is_org_head,
    _trigger,
)
from kg.model import EntityType
from kg.ner.scoring import spans as ner_spans
from kg.text import Token

if TYPE_CHECKING:
    from kg.mappers.kk.mapper import KazakhMapper


@dataclass
class _Person:
    """A person span in a sentence: token range and the name words in base form."""

    sentence: int
    start: int
    end: int
    words: tuple[str, ...]
    key: str = ""


class PersonRules:
    """Names after a post, around a surname ending, before an honorific and from the
    NER; then the surnames that shorten a full name, and one entity per person."""

    mapper: KazakhMapper
    builder: ExtractionBuilder
    sentences: list[_Sentence]
    persons: dict[int, list[_Person]]
    present: dict[int, list[str]]
    _ner: dict[int, list[tuple[str, int, int]]]

    def _name_word(self, sent: _Sentence, i: int) -> bool:
        """A capitalised word that can be part of a person's name."""
        if i < 0 or i >= len(sent.tokens):
            return False
        token = sent.tokens[i]
        return (
            token.is_word
            and token.is_capitalized
            and not token.text.isupper()
            and sent.match(i) is None
            and token.text.lower() not in _NON_NAMES
            and _trigger(token.text) is None
            and not _is_org_head(token.text)
        )

    def _is_surname(self, word: str) -> bool:
        base = kk.base_form(word, protected=self.mapper.protected).lower()
        return len(base) >= 4 and base.endswith(tuple(LEXICON["surname_suffixes"]))

    def _find_persons(self, sent: _Sentence) -> list[_Person]:
        taken: set[int] = set()
        spans: list[tuple[int, int]] = []

        def add(start: int, end: int) -> None:
            if end > start and not taken.intersection(range(start, end)):
                spans.append((start, end))
                taken.update(range(start, end))

        tokens = sent.tokens
        entities = self._ner_entities(sent)
        # Tokens the NER puts inside a non-person name (``Назарбаев Университеті``).
        not_person = {
            j for label, start, end in entities if label != "PERSON" for j in range(start, end)
        }
        for m in sent.matches:
            if m.entry.category == "role":
                first = end = self._after_acting(sent, m.end)
                while end - first < _MAX_NAME_WORDS and self._name_word(sent, end):
                    end += 1
                    if end - first >= 2 and self._is_surname(tokens[end - 1].text):
                        break  # a surname closes a Kazakh name
                add(first, end)
        for i in range(len(tokens)):
            if (
                self._name_word(sent, i)
                and self._is_surname(tokens[i].text)
                and i not in not_person
                and not (i + 1 < len(tokens) and _is_org_head(tokens[i + 1].text))
            ):
                add(*self._around_surname(sent, i))
        for i in range(1, len(tokens)):
            if sent.lower(i) in _HONORIFICS and self._name_word(sent, i - 1):
                add(i - 1, i)
        # The NER's persons fill in what the rules miss; where a rule already took part
        # of a span (two names written side by side), the rest is a name of its own.
        for label, start, end in entities:
            if label != "PERSON" or not all(self._name_word(sent, j) for j in range(start, end)):
                continue
            free = [j for j in range(start, end) if j not in taken]
            whole = len(free) == end - start
            if whole or (len(free) >= 2 and free == list(range(free[0], free[-1] + 1))):
                add(free[0], free[-1] + 1)
        spans.sort()
        return [
            _Person(
                sent.index,
                s,
                e,
                self._base_name(
                    [t.text for t in tokens[s:e]],
                    nominative=e < len(tokens) and self._nominative_after(tokens[e - 1], tokens[e]),
                ),
            )
            for s, e in spans
        ]

    @staticmethod
    def _nominative_after(last: Token, following: Token) -> bool:
        """A name before ``мен / пен / бен`` (and) is in the nominative; so is one
        before the particle ``да / де / та / те`` (also) whose ending-like tail would
        otherwise be read as a locative (``Ҳасанзода да қатысты``: a person is not
        "in" anything)."""
        word = following.text.lower()
        if word in _COMITATIVE:
            return True
        return word in _PARTICLES and _has_ending(last.text, _LOCATIVE)

    def _ner_entities(self, sent: _Sentence) -> list[tuple[str, int, int]]:
        """The NER's entities (class, start, end) in a sentence.  Persons and new
        organizations need a capitalised word that no gazetteer knows, so a sentence
        without one is not tagged at all (the tagger is the mapper's slowest step)."""
        if sent.index not in self._ner:
            if any(self._name_word(sent, i) for i in range(len(sent.tokens))):
                tags = self.mapper.ner.tag([t.text for t in sent.tokens])
                self._ner[sent.index] = sorted(ner_spans(tags), key=_start)
            else:
                self._ner[sent.index] = []
        return self._ner[sent.index]

    @staticmethod
    def _after_acting(sent: _Sentence, i: int) -> int:
        """Skip an acting marker after a post (``министрі м.а.``, ``міндетін атқарушы``)."""
        texts = [t.text.lower() for t in sent.tokens[i : i + 4]]
        if texts[:4] == ["м", ".", "а", "."]:
            return i + 4
        if texts[:1] == ["міндетін"]:
            j = i + 1
            while j < len(sent.tokens) and sent.lower(j) in ("уақытша", "атқарушы"):
                j += 1
            return j
        return i

    def _around_surname(self, sent: _Sentence, i: int) -> tuple[int, int]:
        """The name around a surname-like word: a given name before it (``Алихан
        Байменов``), an initial (``Ә. Байменов``), or, when it has no case ending, a name
        word after it (``Эдвин Лау``; Russian order ``Байменов Алихан``)."""
        word = sent.tokens[i].text
        if self._name_word(sent, i - 1) and not self._is_surname(sent.tokens[i - 1].text):
            return i - 1, i + 1
        if self._initial_before(sent, i):
            return i - 2, i + 1
        if kk.strip_case(word) == word and self._name_word(sent, i + 1):
            end = i + 2
            if end < len(sent.tokens) and sent.lower(end).endswith(
                tuple(LEXICON["patronymic_suffixes"])
            ):
                end += 1
            return i, end
        return i, i + 1

    @staticmethod
    def _initial_before(sent: _Sentence, i: int) -> bool:
        if i < 2:
            return False
        initial, dot = sent.tokens[i - 2], sent.tokens[i - 1]
        return len(initial.text) == 1 and initial.text.isupper() and dot.text == "."

    def _base_name(self, words: list[str], nominative: bool = False) -> tuple[str, ...]:
        """Name words in base form, given name first: the Russian-style order of
        official lists (``Байменов Алихан``) is turned round so that both orders give
        one person.  Before ``мен / пен / бен`` (and) a name is in the nominative, so an
        ending-like tail stays (``Такэси Ямада мен …``)."""
        if len(words) >= 2 and len(words[0]) == 1:
            words = [f"{words[0]}.", *words[2:]] if words[1] == "." else words
        base = kk.base_phrase(words, protected=self.mapper.protected)
        if nominative:
            base = [*base[:-1], words[-1]]
        if (
            len(base) == 2
            and base[0].lower().endswith(_UNAMBIGUOUS_SURNAME)
            and not self._is_surname(base[1])
        ):
            base = [base[1], base[0]]
        return tuple(base)

    def _find_surnames(self) -> None:
        """A later ``… деді Корман``: the surname of a full name found elsewhere."""
        surnames = {p.words[-1] for ps in self.persons.values() for p in ps if len(p.words) > 1}
        for sent in self.sentences:
            persons = self.persons[sent.index]
            for i, token in enumerate(sent.tokens):
                if self._person_covering(sent, i) or not self._name_word(sent, i):
                    continue
                base = kk.base_form(token.text, protected=self.mapper.protected)
                if base in surnames:
                    persons.append(_Person(sent.index, i, i + 1, (base,)))
            persons.sort(key=lambda p: p.start)

    def _resolve_persons(self) -> None:
        """Full names become entities; a surname alone (or with an initial) joins the
        full name it shortens."""
        full: dict[tuple[str, ...], str] = {}
        for persons in self.persons.values():
            for p in persons:
                if len(p.words) >= 2 and not p.words[0].endswith("."):
                    p.key = full.setdefault(
                        p.words, self.builder.entity(EntityType.PERSON, " ".join(p.words))
                    )
        shorter = [p for ps in self.persons.values() for p in ps if not p.key]
        for p in sorted(shorter, key=lambda p: -len(p.words)):  # initials before surnames
            surname = p.words[-1]
            initial = p.words[0][0] if len(p.words) > 1 else None
            for words, key in full.items():
                if words[-1] == surname and (initial is None or words[0][0] == initial):
                    p.key = key
                    self.builder.alias(key, " ".join(p.words))
                    break
            else:
                p.key = self.builder.entity(EntityType.PERSON, " ".join(p.words), confidence=0.5)
                full[p.words] = p.key
        for sent in self.sentences:
            for p in self.persons[sent.index]:
                self.builder.mention(p.key, sent.tokens[p.start : p.end], sent.span)
                self.present.setdefault(sent.index, []).append(p.key)

    def _person_at(self, sent: _Sentence, start: int) -> _Person | None:
        start = self._after_acting(sent, start)
        for p in self.persons[sent.index]:
            if p.start == start:
                return p
        return None

    def _person_covering(self, sent: _Sentence, i: int) -> bool:
        return any(p.start <= i < p.end for p in self.persons[sent.index])


def _start(entity: tuple[str, int, int]) -> int:
    return entity[1]
