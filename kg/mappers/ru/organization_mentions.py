"""Organization mentions in Russian news, as a reader delimits them.

The sentence rules of :mod:`kg.mappers.ru` find organizations piecemeal: the NER model's
span, a gazetteer entry, the organization part of a post.  A reader (and the
factRuEval annotation) delimits an organization mention as the whole name phrase:

* a name with the places and parent organizations it is named after in the genitive
  (``Национальный банк Украины``, ``Палаты представителей Конгресса США``,
  ``Института этнологии и антропологии РАН``);
* a lower-case body word before a place (``мэрии Москвы``, ``парламент Крыма``);
* an alias in brackets is a mention of its own (``Комитет защиты журналистов (КЗЖ)``,
  ``концерн «Фольксваген» (Volkswagen)``);
* a company name in Latin script (``Vestas``, ``MySQL``);
* the descriptor phrase before a name belongs to the mention (``международной
  шахматной федерации ФИДЕ``), and a quoted name inside a unit's span is an organization
  of its own (``Русской службе «Голоса Америки»``);
* a name once found is found again elsewhere in the article (``Голос Америки:``).

And some spans are no organization: a quoted or Latin name right after a word for a
thing (``шаттл «Дискавери»``, ``в статье … «Жара продолжается»``), an acronym that is a
common noun (``СМИ``), a person's name inside an organization's span.

:class:`OrgMentions` runs once per article after the sentence rules and rewrites the
organization mentions accordingly; entities found by the rules keep their names and
keys.  Its cue words are the ``org_mentions`` section of ``lexicon_ru.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

from kg.gazetteer import Gazetteer, GazetteerMatch
from kg.lang import ru, stem
from kg.mappers.base import ExtractionBuilder
from kg.model import EntityType, Evidence, Mention, OrgKind, Span
from kg.text import Token

LANG = "ru"
_LEXICON = json.loads(
    resources.files("kg.gazetteers").joinpath("lexicon_ru.json").read_text(encoding="utf-8")
)
CUES = _LEXICON["org_mentions"]
_DESCRIPTORS = frozenset((*_LEXICON["org_heads"], *_LEXICON["unit_heads"], *CUES["descriptors"]))
_PLACE_BODIES = frozenset(CUES["place_bodies"])
_WORK_CUES = frozenset(CUES["work_cues"])
_THING_CUES = frozenset(CUES["thing_cues"]) | _WORK_CUES
_NOT_ORGS = frozenset(CUES["not_organizations"])
_LATIN_JOINERS = frozenset(CUES["latin_joiners"])
_LATIN_THINGS = frozenset(CUES["latin_thing_words"])
_LATIN_WORD = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ&'.-]*$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_ROLES = frozenset(_LEXICON["role_heads"])
_UNITS = frozenset(_LEXICON["unit_heads"])
_BODIES = frozenset(CUES["described_bodies"])
_FACILITIES = frozenset(CUES["facilities"])
_COUNTRY_ADJECTIVES = _LEXICON["country_adjectives"]
_STOP = frozenset(_LEXICON["stop_words"])
_TLDS = frozenset(CUES["domains"])
_TERRITORIES = frozenset(CUES["territory_words"])
_QUOTES = frozenset({"«", "»", '"', "“", "”", "„"})
_MAX_TAIL = 3  # genitive names an organization's span may run over
_MAX_ALIAS = 8  # words of a bracketed alias
_MAX_AUTHOR = 3  # words of an author between a work and its quoted title


class SentenceView(Protocol):
    """What the pass reads of a sentence the rules mapped (``kg.mappers.ru.sentence._Sentence``)."""

    span: Span
    tokens: list[Token]
    named: dict[int, tuple[int, str]]
    covered: dict[int, GazetteerMatch]


@dataclass
class _Found:
    """A mention as token indices ``start``..``end`` of its sentence."""

    start: int
    end: int
    entity: str
    kind: str  # per | org | loc
    confidence: float


def is_latin_name(word: str) -> bool:
    """``Vestas``, ``MySQL``, ``HP``: a capitalized word in Latin script (letters first)."""
    return bool(_LATIN_WORD.match(word)) and word[:1].isupper()


def latin_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs of capitalized Latin words, joined by ``of``/``the``/``and``/``della``…:
    ``World Fashion Channel``, ``Committee to Protect Journalists``."""
    runs, i = [], 0
    while i < len(tokens):
        if not is_latin_name(tokens[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            word = tokens[j].text
            if is_latin_name(word):
                j += 1
            elif word.lower() in _LATIN_JOINERS and j + 1 < len(tokens):
                if not is_latin_name(tokens[j + 1].text):
                    break
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def is_genitive_name(word: str) -> bool:
    """A name word that can stand in the genitive after an organization: an inflected
    genitive (``Украины``), an acronym (``США``, ``РАН``) or a Latin name (``HP``)."""
    return ru.is_acronym(word) or is_latin_name(word) or "gent" in ru.word_case(word)


def cue_before(tokens: Sequence[Token], i: int) -> int | None:
    """The word a name at token ``i`` is introduced by, skipping an opening quote:
    ``шаттл «Дискавери»`` → the index of ``шаттл``."""
    j = i - 1
    if j >= 0 and tokens[j].text in _QUOTES:
        j -= 1
    if j >= 0 and tokens[j].is_word and (j == 0 or not tokens[j].is_capitalized):
        return j
    return None


def closing_bracket(tokens: Sequence[Token], i: int, limit: int) -> int | None:
    """The ``)`` closing the bracket opened at token ``i``, within ``limit`` tokens."""
    for j in range(i + 1, min(len(tokens), i + limit + 2)):
        if tokens[j].text == ")":
            return j
        if tokens[j].text == "(":
            return None
    return None


def is_alias(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Tokens ``start``..``end`` are an organization's alias: one acronym (``КЗЖ``) or
    a run of Latin words (``Amnesty International``)."""
    words = [t.text for t in tokens[start:end]]
    if not words:
        return False
    if len(words) == 1 and ru.is_acronym(words[0]) and words[0] not in _NOT_ORGS:
        return True
    return latin_runs(tokens[start:end]) == [(0, end - start)]


class OrgMentions:
    """Rewrites an article's organization mentions (see the module docstring)."""

    def __init__(self, builder: ExtractionBuilder) -> None:
        self.b = builder
        self.text = builder.text
        self.entities = builder.extraction.entities
        self.gazetteer = Gazetteer.default()
        self.latin_things: set[str] = set()  # Latin names the article gives things
        self.converted: set[str] = set()  # entities found to be of another type

    def run(self, sentences: Sequence[SentenceView]) -> None:
        mentions = self.b.extraction.mentions
        by_sentence: dict[tuple[int, int], list[Mention]] = {}
        for m in mentions:
            sentence = m.evidence.sentence
            by_sentence.setdefault((sentence.start, sentence.end), []).append(m)
        for s in sentences:
            self.latin_things |= {
                " ".join(t.text for t in s.tokens[a:b])
                for a, b in latin_runs(s.tokens)
                if self._after_thing_cue(s.tokens, a)
            }
        found, rewritten = [], []
        for s in sentences:
            own = by_sentence.pop((s.span.start, s.span.end), [])
            read = {id(m): f for m in own if (f := self._found(s, m)) is not None}
            rewritten += [m for m in own if id(m) not in read]  # kept as they are
            found.append(self._sentence(s, list(read.values())))
        names = self._names(found)
        for s, items in zip(sentences, found, strict=True):
            items += self._again(s, items, names)
        things = self._things(sentences, found)
        rewritten += [m for rest in by_sentence.values() for m in rest]
        for s, items in zip(sentences, found, strict=True):
            kept = [f for f in items if f.kind != "org" or f.entity not in things]
            rewritten += [self._mention(s, f) for f in _deduplicated(kept)]
        mentions[:] = rewritten
        self._forget_unmentioned(self.converted)

    def _forget_unmentioned(self, keys: set[str]) -> None:
        """Drop the entities read as another type that no mention or fact uses."""
        x = self.b.extraction
        used = {m.entity for m in x.mentions}
        used |= {k for m in x.memberships for k in (m.member, m.organization)}
        used |= {k for e in x.events for k in (*e.participants, *e.organizers)}
        for key in keys - used:
            del x.entities[key]

    # -- one sentence ----------------------------------------------------------------

    def _sentence(self, s: SentenceView, items: list[_Found]) -> list[_Found]:
        for f in items:
            if f.kind == "per":
                self._team_or_company(s, f)
            elif f.kind == "org":
                self._facility(s, f)
        persons = [f for f in items if f.kind == "per"]
        orgs = [f for f in items if f.kind == "org" and not self._common_noun(s, f)]
        items = [f for f in items if f.kind != "org"]
        for f in orgs:
            self._trim(f, persons)
        orgs = [f for f in orgs if f.end > f.start]
        orgs += self._split_aliases(s, orgs)
        for f in sorted(orgs, key=lambda f: -f.start):
            self._extend(s, f, [*items, *orgs])
        orgs += self._units_of(s, orgs, [*items, *orgs])
        for f in orgs:
            self._extend_left(s, f, [*items, *orgs])
        orgs += self._quoted_inside(s, orgs)
        orgs += self._aliases_after(s, orgs)
        orgs += self._place_bodies(s, [*items, *orgs])
        orgs += self._described_bodies(s, [*items, *orgs])
        orgs += self._domains(s, [*items, *orgs])
        orgs += self._authors(s, [*items, *orgs])
        orgs += self._latin_names(s, [*items, *orgs])
        for f in orgs:
            _tidy(s.tokens, f)
        return [*items, *orgs]

    def _found(self, s: SentenceView, m: Mention) -> _Found | None:
        span = m.evidence.mention
        entity = self.entities.get(m.entity)
        if span is None or entity is None:
            return None
        starts = [i for i, t in enumerate(s.tokens) if t.start == span.start]
        ends = [i for i, t in enumerate(s.tokens) if t.end == span.end]
        if not starts or not ends:
            return None
        if entity.type == EntityType.PERSON:
            kind = "per"
        elif entity.type == EntityType.PLACE or entity.kind == OrgKind.STATE:
            kind = "loc"
        else:
            kind = "org"
        return _Found(starts[0], ends[0] + 1, m.entity, kind, m.evidence.confidence)

    def _team_or_company(self, s: SentenceView, f: _Found) -> None:
        """``команды МакЛарен-Мерседес``, ``Команда Феррари``: one word the NER model
        read as a person, right after a word for an organization, and no Russian name
        by its form, names that organization."""
        cue = cue_before(s.tokens, f.start)
        words = [t.text for t in s.tokens[f.start : f.end] if t.is_word]
        if cue is None or len(words) != 1 or ru.lemma(s.tokens[cue].text) not in _DESCRIPTORS:
            return
        if ru.has_surname_ending(words[0]) or (
            ru.is_known(words[0]) and ru.name_tag(words[0]) is not None
        ):
            return  # a Russian surname, or a name the dictionary knows
        self.converted.add(f.entity)
        f.entity = self.b.entity(
            EntityType.ORGANIZATION, words[0], kind=OrgKind.OTHER, confidence=0.5
        )
        f.kind, f.start = "org", cue

    def _facility(self, s: SentenceView, f: _Found) -> None:
        """``во Дворце молодёжи``, ``Вашингтонском аэропорту``: a name headed by a word
        for a building or a site is a place, whatever the NER model says."""
        if self.entities[f.entity].ref is not None:
            return
        words = [t.text for t in s.tokens[f.start : f.end] if t.is_word]
        head = next((w for w in words if not _is_describing(w)), None)
        if head is None or ru.lemma(head) not in _FACILITIES:
            return
        self.converted.add(f.entity)
        name = _capitalize(ru.phrase_nominative(words))
        f.entity = self.b.entity(EntityType.PLACE, name, confidence=0.5)
        f.kind = "loc"

    @staticmethod
    def _common_noun(s: SentenceView, f: _Found) -> bool:
        """An acronym that is a common noun or a legal form (``СМИ``, ``ПАО``)."""
        words = [t.text for t in s.tokens[f.start : f.end] if t.is_word]
        return len(words) == 1 and words[0] in _NOT_ORGS

    def _things(self, sentences: Sequence[SentenceView], found: list[list[_Found]]) -> set[str]:
        """Entities the article names after a word for a thing (``шаттл «Дискавери»``,
        ``статье … «Жара продолжается»``) more often than after a word for an
        organization (``социальной сети Facebook``): their mentions are the thing's.
        Gazetteer entries are organizations whatever the context."""
        votes: dict[str, int] = {}
        for s, items in zip(sentences, found, strict=True):
            for f in items:
                if f.kind != "org" or self.entities[f.entity].ref is not None:
                    continue
                cue = cue_before(s.tokens, f.start)
                if self._after_thing_cue(s.tokens, f.start):
                    votes[f.entity] = votes.get(f.entity, 0) + 1
                elif cue is not None and ru.lemma(s.tokens[cue].text) in _DESCRIPTORS:
                    votes[f.entity] = votes.get(f.entity, 0) - 1
        return {key for key, vote in votes.items() if vote > 0}

    @staticmethod
    def _after_thing_cue(tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` starts a quoted or Latin name right after a word for a thing;
        ``в статье Частного корреспондента «…»`` names the article's title."""
        quoted = i > 0 and tokens[i - 1].text in _QUOTES
        if not (quoted or is_latin_name(tokens[i].text)):
            return False
        cue = cue_before(tokens, i)
        if cue is not None and ru.lemma(tokens[cue].text) in _THING_CUES:
            return True
        if quoted:  # ``статье Частного корреспондента «…»``: the author between
            before = tokens[max(0, i - 2 - _MAX_AUTHOR) : i - 1]
            return any(t.is_word and ru.lemma(t.text) in _WORK_CUES for t in before)
        return False

    @staticmethod
    def _trim(f: _Found, persons: list[_Found]) -> None:
        """An organization's span ends before a person named inside it (``движения
        «Левый фронт» Сергей Удальцов``)."""
        for p in persons:
            if f.start < p.start < f.end:
                f.end = p.start

    def _split_aliases(self, s: SentenceView, orgs: list[_Found]) -> list[_Found]:
        """``Промышленный … банк Китая (Industrial and Commercial Bank of China)`` read
        as one span: the name, and the bracketed alias as a mention of its own."""
        aliases = []
        for f in orgs:
            opening = next((i for i in range(f.start + 1, f.end) if s.tokens[i].text == "("), None)
            if opening is None:
                continue
            close = closing_bracket(s.tokens, opening, _MAX_ALIAS) or f.end
            if is_alias(s.tokens, opening + 1, min(close, f.end)):
                aliases.append(_Found(opening + 1, min(close, f.end), f.entity, "org", 0.6))
            f.end = opening
        return aliases

    def _extend(self, s: SentenceView, f: _Found, others: list[_Found]) -> None:
        """Run an organization's span over the names it is named after in the genitive:
        a place (``города Минска``), a country or a parent organization right after it."""
        for _ in range(_MAX_TAIL):
            i = f.end
            if i + 1 < len(s.tokens) and ru.lemma(s.tokens[i].text) in _TERRITORIES:
                i += 1  # ``Судом Партизанского района города Минска``
            if i >= len(s.tokens) or not is_genitive_name(s.tokens[i].text):
                return
            if not s.tokens[i].is_capitalized:
                return
            end = self._name_end(s, i, others)
            if end is None:
                return
            f.end = end

    @staticmethod
    def _name_end(s: SentenceView, i: int, others: list[_Found]) -> int | None:
        """Where the place or organization name starting at token ``i`` ends."""
        spans = [o.end for o in others if o.start == i and o.kind != "per"]
        named = s.named.get(i)
        if named is not None and named[1] != "PER":
            spans.append(named[0])
        match = s.covered.get(i)
        if match is not None and match.start == i and match.entry.category != "role":
            spans.append(match.end)
        if not spans and ru.is_acronym(s.tokens[i].text):
            spans.append(i + 1)
        return max(spans) if spans else None

    def _units_of(self, s: SentenceView, orgs: list[_Found], items: list[_Found]) -> list[_Found]:
        """``антимонопольной комиссии Европейского союза``, ``президентского совета
        ФИДЕ``: a lower-case unit word with its adjectives right before an
        organization's name is a unit of that organization, mentioned over both.  A
        bare unit word after a post (``директора департамента Министерства …``) names
        no unit: it belongs to the post."""
        taken = {i for f in items for i in range(f.start, f.end)}
        units = []
        for f in orgs:
            head = f.start - 1
            if head < 0 or head in taken or not s.tokens[head].is_word:
                continue
            if ru.lemma(s.tokens[head].text) not in _UNITS:
                continue
            if s.tokens[head].is_capitalized and head > 0:
                continue
            if not is_genitive_name(s.tokens[f.start].text):
                continue
            start = head
            while start > 0 and start - 1 not in taken and _is_describing(s.tokens[start - 1].text):
                if s.tokens[start - 1].is_capitalized and start - 1 > 0:
                    break
                start -= 1
            if start == head and start > 0 and _is_role(s.tokens[start - 1].text):
                continue  # ``директора департамента Министерства …``: part of the post
            words = [t.text for t in s.tokens[start : head + 1]]
            key = self.b.entity(
                EntityType.ORGANIZATION,
                _capitalize(ru.phrase_nominative(words)),
                kind=OrgKind.UNIT,
                parent=f.entity,
                confidence=0.5,
            )
            units.append(_Found(start, f.end, key, "org", 0.5))
            taken.update(range(start, head + 1))
        return units

    def _described_bodies(self, s: SentenceView, items: list[_Found]) -> list[_Found]:
        """``российском министерстве финансов``, ``японского дипломатического
        ведомства``, ``Лондонская полиция``: a word for a public body after adjectives,
        one of which says whose it is (a country's, a city's), names that body, with
        its lower-case genitive complement.  A country adjective makes it that
        country's body."""
        taken = {i for f in items for i in range(f.start, f.end)}
        found = []
        for i, token in enumerate(s.tokens):
            if i in taken or not token.is_word or ru.lemma(token.text) not in _BODIES:
                continue
            start = i
            while start > 0 and start - 1 not in taken and _is_describing(s.tokens[start - 1].text):
                start -= 1
            if not any(_is_territorial(t.text) for t in s.tokens[start:i]):
                continue  # ``официальной делегацией``: not whose
            end = i + 1
            while (
                end < len(s.tokens)
                and end not in taken
                and s.tokens[end].is_word
                and not s.tokens[end].is_capitalized
                and s.tokens[end].text.lower() not in _STOP
                and "gent" in ru.word_case(s.tokens[end].text)
                and end - i <= _MAX_TAIL
            ):
                end += 1
            words = [t.text for t in s.tokens[start:end]]
            country = next(
                (
                    _COUNTRY_ADJECTIVES[lemma]
                    for w in words
                    if (lemma := ru.lemma(w)) in _COUNTRY_ADJECTIVES
                ),
                None,
            )
            entry = self.gazetteer.entries.get(country) if country else None
            key = self.b.entity(
                EntityType.ORGANIZATION,
                _capitalize(ru.phrase_nominative(words)),
                kind=OrgKind.GOVERNMENT_BODY,
                parent=self.b.gazetteer_entity(entry) if entry is not None else None,
                confidence=0.5,
            )
            found.append(_Found(start, end, key, "org", 0.5))
            taken.update(range(start, end))
        return found

    def _authors(self, s: SentenceView, items: list[_Found]) -> list[_Found]:
        """``в статье Частного корреспондента «…»``: the capitalized name between a
        word for a work and the work's quoted title is its author; an outlet, unless a
        rule read a person there."""
        taken = {i for f in items for i in range(f.start, f.end)}
        found = []
        for q, token in enumerate(s.tokens):
            if token.text != "«":
                continue
            cue = next(
                (
                    k
                    for k in range(q - 2, max(-1, q - 2 - _MAX_AUTHOR), -1)
                    if s.tokens[k].is_word and ru.lemma(s.tokens[k].text) in _WORK_CUES
                ),
                None,
            )
            if cue is None or not s.tokens[cue + 1].is_capitalized:
                continue
            if taken & set(range(cue + 1, q)) or not all(t.is_word for t in s.tokens[cue + 1 : q]):
                continue
            words = [t.text for t in s.tokens[cue + 1 : q]]
            name = _capitalize(ru.phrase_nominative(words, "gent"))
            key = self.b.entity(EntityType.ORGANIZATION, name, kind=OrgKind.OTHER, confidence=0.5)
            found.append(_Found(cue + 1, q, key, "org", 0.5))
        return found

    def _domains(self, s: SentenceView, items: list[_Found]) -> list[_Found]:
        """``infox.ru``, ``0.facebook.com``: a site named by its domain is the outlet
        or company that runs it."""
        taken = {i for f in items for i in range(f.start, f.end)}
        found = []
        for i in range(2, len(s.tokens)):
            if s.tokens[i].text.lower() not in _TLDS or s.tokens[i - 1].text != ".":
                continue
            start = i - 2
            while start >= 2 and s.tokens[start - 1].text == "." and _joined(s.tokens, start - 1):
                start -= 2
            if not all(_joined(s.tokens, k) for k in range(start + 1, i + 1)):
                continue
            if taken & set(range(start, i + 1)) or not s.tokens[start].is_word:
                continue
            name = self.text[s.tokens[start].start : s.tokens[i].end]
            key = self.b.entity(EntityType.ORGANIZATION, name, kind=OrgKind.OTHER, confidence=0.5)
            found.append(_Found(start, i + 1, key, "org", 0.5))
        return found

    @staticmethod
    def _extend_left(s: SentenceView, f: _Found, others: list[_Found]) -> None:
        """Run an organization's span back over the lower-case descriptor phrase that
        introduces its name: ``международной шахматной федерации ФИДЕ``, ``шахматная
        федерация Израиля``, ``российского посольства``."""
        taken = {i for o in others if o is not f for i in range(o.start, o.end)}
        start = f.start
        while start > 0 and start - 1 not in taken:
            token = s.tokens[start - 1]
            if not token.is_word or (token.is_capitalized and start - 1 > 0):
                break
            lemma = ru.lemma(token.text)
            if lemma in _ROLES or not (lemma in _DESCRIPTORS or _is_describing(token.text)):
                break
            start -= 1
        f.start = start

    def _quoted_inside(self, s: SentenceView, orgs: list[_Found]) -> list[_Found]:
        """``Русской службе «Голоса Америки»``: a quoted name inside a span that names
        something else (a unit, a descriptor) is an organization of its own."""
        found = []
        for f in orgs:
            for i in range(f.start + 1, f.end - 1):
                if s.tokens[i].text != "«" or not s.tokens[i + 1].is_capitalized:
                    continue
                if ru.lemma(s.tokens[i - 1].text) not in _UNITS:
                    continue  # ``РИА «Новости»``, ``партии «Яблоко»``: one organization
                inside = range(i + 1, min(f.end + 1, len(s.tokens)))
                close = next((j for j in inside if s.tokens[j].text == "»"), f.end)
                words = [t.text for t in s.tokens[i + 1 : close] if t.is_word]
                name = _capitalize(ru.phrase_nominative(words))
                if not words or name == self.entities[f.entity].name:
                    continue
                key = self.b.entity(
                    EntityType.ORGANIZATION, name, kind=OrgKind.OTHER, confidence=0.5
                )
                found.append(_Found(i + 1, close, key, "org", 0.5))
        return found

    def _aliases_after(self, s: SentenceView, orgs: list[_Found]) -> list[_Found]:
        """``Комитет защиты журналистов (КЗЖ)``: the acronym or Latin name in brackets
        after an organization names it too."""
        taken = {i for f in orgs for i in range(f.start, f.end)}
        aliases = []
        for f in orgs:
            if f.end >= len(s.tokens) or s.tokens[f.end].text != "(":
                continue
            close = closing_bracket(s.tokens, f.end, _MAX_ALIAS)
            if close is None or taken & set(range(f.end + 1, close)):
                continue
            if is_alias(s.tokens, f.end + 1, close):
                aliases.append(_Found(f.end + 1, close, f.entity, "org", 0.6))
                self.b.alias(f.entity, " ".join(t.text for t in s.tokens[f.end + 1 : close]))
        return aliases

    def _place_bodies(self, s: SentenceView, items: list[_Found]) -> list[_Found]:
        """``мэрии Москвы``, ``парламент Крыма``, ``представительства США``: a lower-case
        word for a body, right before a place or country in the genitive, names that
        place's body."""
        starts = {f.start: f for f in items if f.kind == "loc"}
        taken = {i for f in items if f.kind != "loc" for i in range(f.start, f.end)}
        bodies = []
        for i, token in enumerate(s.tokens[:-1]):
            place = starts.get(i + 1)
            if place is None or i in taken or not token.is_word or token.is_capitalized:
                continue
            if ru.lemma(token.text) not in _PLACE_BODIES:
                continue
            if not is_genitive_name(s.tokens[i + 1].text):
                continue
            body = _capitalize(ru.phrase_nominative([token.text]))
            place_words = " ".join(t.text for t in s.tokens[i + 1 : place.end] if t.is_word)
            state = self.entities[place.entity].kind == OrgKind.STATE
            key = self.b.entity(
                EntityType.ORGANIZATION,
                f"{body} {place_words}",
                kind=OrgKind.GOVERNMENT_BODY if state else OrgKind.OTHER,
                parent=place.entity if state else None,
                confidence=0.5,
            )
            bodies.append(_Found(i, place.end, key, "org", 0.5))
        return bodies

    def _latin_names(self, s: SentenceView, items: list[_Found]) -> list[_Found]:
        """A Latin-script name no rule read is a company's or an outlet's (``Vestas``,
        ``MySQL``), unless it is in brackets (it spells the name before it: ``Томас
        Винье (Thomas Vinje)``), names a thing (``браузера Chrome``, ``Corus Chess
        Tournament``) or is a numeral (``XXI``)."""
        taken = {i for f in items for i in range(f.start, f.end)}
        names = []
        for start, end in latin_runs(s.tokens):
            if taken & set(range(start, end)) or self._after_thing_cue(s.tokens, start):
                continue
            if start > 0 and s.tokens[start - 1].text == "(":
                continue  # a bracketed Latin name spells the name before it
            if " ".join(t.text for t in s.tokens[start:end]) in self.latin_things:
                continue
            words = [t.text for t in s.tokens[start:end]]
            if len(words) == 1 and (len(words[0]) < 3 or _ROMAN.match(words[0])):
                continue  # ``G``, ``XXI``: a unit or a numeral
            if words[-1].lower() in _LATIN_THINGS:
                continue  # ``Corus Chess Tournament``, ``Chrome Web Store``
            key = self.b.entity(
                EntityType.ORGANIZATION, " ".join(words), kind=OrgKind.OTHER, confidence=0.45
            )
            names.append(_Found(start, end, key, "org", 0.45))
        return names

    # -- the whole article ---------------------------------------------------------------

    def _names(self, found: list[list[_Found]]) -> dict[tuple[str, ...], str]:
        """Stems of the capitalized organization names found (``голос америк``) → entity."""
        names: dict[tuple[str, ...], str] = {}
        for items in found:
            for f in items:
                if f.kind != "org":
                    continue
                name = self.entities[f.entity].name.split()
                if name and name[0][:1].isupper() and not _generic(name):
                    names.setdefault(tuple(stem(w, LANG) for w in name), f.entity)
        return names

    def _again(
        self, s: SentenceView, items: list[_Found], names: dict[tuple[str, ...], str]
    ) -> list[_Found]:
        """Another occurrence of an organization's name, in any case (``«Голоса
        Америки»`` … ``Голос Америки:``), that no rule read as one."""
        taken = {i for f in items if f.kind != "loc" for i in range(f.start, f.end)}
        stems = [stem(t.text, LANG) if t.is_word else t.text for t in s.tokens]
        found = []
        for words, key in names.items():
            n = len(words)
            for i in range(len(stems) - n + 1):
                if tuple(stems[i : i + n]) != words or taken & set(range(i, i + n)):
                    continue
                if not s.tokens[i].is_capitalized:
                    continue
                found.append(_Found(i, i + n, key, "org", 0.45))
                taken.update(range(i, i + n))
        return found

    def _mention(self, s: SentenceView, f: _Found) -> Mention:
        start, end = s.tokens[f.start].start, s.tokens[f.end - 1].end
        return Mention(
            entity=f.entity,
            surface=self.text[start:end],
            evidence=Evidence(sentence=s.span, mention=Span(start, end), confidence=f.confidence),
        )


def _joined(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` follows the one before it with no space (``infox`` ``.`` ``ru``)."""
    return tokens[i - 1].end == tokens[i].start


def _is_role(word: str) -> bool:
    """A post word (``директора``, ``замглавы``)."""
    return ru.lemma(word).removeprefix("экс-") in _ROLES


def _is_describing(word: str) -> bool:
    """An adjective that describes rather than points (``российском``, not ``этом``,
    ``другом`` or ``своём``; a participle, ``возглавлявший``, heads a clause)."""
    tag = ru.parses(word)[0].tag
    return "ADJF" in tag and "Apro" not in tag and "Anum" not in tag


def _is_territorial(word: str) -> bool:
    """An adjective of a country, city or region: ``российский``, ``Лондонская``,
    ``европейское`` (a country adjective, capitalized, or in ``-ский``)."""
    lemma = ru.lemma(word)
    return lemma in _COUNTRY_ADJECTIVES or word[:1].isupper() or lemma.endswith("ский")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _generic(name: Iterable[str]) -> bool:
    """A name made of descriptor words only (``Правительство``) names no one."""
    return all(ru.lemma(w) in _DESCRIPTORS for w in name)


def _tidy(tokens: Sequence[Token], f: _Found) -> None:
    """No bracket or quote left open at a mention's end (``Фьорд» (``)."""
    while f.end - f.start > 1 and not tokens[f.end - 1].is_word:
        text = [t.text for t in tokens[f.start : f.end - 1]]
        closing = {"»": "«", ")": "(", "“": "„"}.get(tokens[f.end - 1].text)
        if closing is not None and closing in text:
            return
        f.end -= 1


def _deduplicated(items: list[_Found]) -> list[_Found]:
    """One mention per span and per entity: of two overlapping mentions of the same
    organization the longer stays (``«Солидарность»`` inside ``движения
    «Солидарность»``); nested mentions of different organizations both stay."""
    kept: list[_Found] = []
    for f in sorted(items, key=lambda f: (f.start - f.end, f.start)):
        same = any(
            k.entity == f.entity and k.start < f.end and f.start < k.end for k in kept
        ) or any((k.start, k.end, k.kind) == (f.start, f.end, f.kind) for k in kept)
        if not same or f.kind != "org":
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
