"""Mapper for Kazakh news about intergovernmental cooperation.

Kazakh news names a post as a genitive chain ending in the post and the person:
``[Org]-ның [unit]-ы [role]-ы [Person]`` (``Хабтың басқару комитетінің төрағасы Алихан
Байменов``), or puts the post after the name (``Алихан Байменов, Хабтың ... төрағасы``).
Only the last word of a name inflects, so names are put in base form by stripping the
case ending off their last word (``kg.lang.kk``).  Events are found by trigger words
(``форум``, ``кездесу``, ``сапар``, ``қол қойды``) and nested by ``… аясында /
ауқымында / шеңберінде`` (within).  The cue words live in ``kg/gazetteers/lexicon_kk.json``.

The statistical NER (``kg.ner``, trained on KazNERD) adds the persons that no rule
sees — names without a post before them or a surname ending (``Айгерім Сейіт``) — while
the gazetteer and the rules keep what needs canonical ids: organizations, places, posts.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from importlib import resources

from kg.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch
from kg.lang import kk, stem
from kg.mappers.base import ExtractionBuilder
from kg.model import (
    Article,
    EntityType,
    EventType,
    Extraction,
    OrgKind,
    PostStatus,
    Role,
    Span,
)
from kg.ner.scoring import spans as ner_spans
from kg.ner.tagger import NerTagger
from kg.readers.dates import find_dates_in_text
from kg.text import Token, split_sentences, tokenize

LEXICON: dict = json.loads(
    resources.files("kg.gazetteers").joinpath("lexicon_kk.json").read_text(encoding="utf-8")
)
_TRIGGERS: dict[str, EventType] = {k: EventType(v) for k, v in LEXICON["event_triggers"].items()}
_ORG_CATEGORIES = frozenset({"organization", "country", "unit"})
_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
_LOCATIVE = ("да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі")
_DATIVE = ("ға", "ге", "қа", "ке", "на", "не")
_CONJUNCTIONS = frozenset({"және", "мен", "пен", "бен", "де", "да", "та", "те", "әрі"})
_OPEN, _CLOSE = "(", ")"
_CLOSING_QUOTES = frozenset({"»", '"', "”", "“"})
_MAX_AREA_WORDS = 5
_ATTRIBUTIVE = ("ғы", "гі", "қы", "кі")
_IN_PLACE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")
_ADJECTIVE = ("лық", "лік", "дық", "дік", "тық", "тік", "ты", "ті")
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
_MAX_NAME_WORDS = 3
_NAME_MODIFIERS = 4


def _lower_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


_NON_NAMES = _lower_set(LEXICON["non_names"])
_STATUS_WORDS = _lower_set(
    [w for cues in LEXICON["status"].values() for cue in cues for w in cue.split()]
)
_EVENT_MODIFIERS = _lower_set(LEXICON["event_modifiers"])
_HONORIFICS = _lower_set(LEXICON["honorifics"])
_FOLLOWERS = frozenset(LEXICON["name_followers"])
_ORG_HEADS = {stem(k, "kk"): OrgKind(v) for k, v in LEXICON["org_heads"].items()}
_UNIT_HEADS = frozenset(stem(w, "kk") for w in LEXICON["unit_heads"])
_MINISTER = stem(LEXICON["minister_word"], "kk")
_UNAMBIGUOUS_SURNAME = tuple(LEXICON["unambiguous_surname_suffixes"])
_BETWEEN = _lower_set(LEXICON["between_words"])
_COPULAS = _lower_set(LEXICON["post_copulas"])
_APPOINTED = tuple(LEXICON["appointment_verbs"])
_BARE_HEADS: dict[str, str] = LEXICON["possessive_heads"]
_NAME_POSTPOSITIONS = _lower_set(LEXICON["name_postpositions"])
_STATE_WORDS = frozenset(stem(w, "kk") for w in LEXICON["state_words"])
_COMITATIVE = frozenset({"мен", "пен", "бен"})
_PARTICLES = frozenset({"да", "де", "та", "те"})
_ORGANIZER_GAP = 6
_RECEPTION = tuple(LEXICON["reception_verbs"])
_ARRIVAL = tuple(LEXICON["arrival_verbs"])
_ARRIVAL_GAP = 3
_MEETING_TRIGGER = next(k for k, v in _TRIGGERS.items() if v == EventType.MEETING)
_VISIT_TRIGGER = next(k for k, v in _TRIGGERS.items() if v == EventType.VISIT)
_ROLE = frozenset({"role"})
_PLACES = frozenset({"place", "country"})
_MAX_OWNED_WORDS = 12


@dataclass
class _Sentence:
    """A sentence with its tokens and the gazetteer matches in it."""

    index: int
    span: Span
    tokens: list[Token]
    matches: list[GazetteerMatch]
    at: dict[int, GazetteerMatch] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.matches:
            for i in range(m.start, m.end):
                self.at[i] = m

    def match(self, i: int, categories: frozenset[str] | None = None) -> GazetteerMatch | None:
        m = self.at.get(i)
        if m is not None and (categories is None or m.entry.category in categories):
            return m
        return None

    def lower(self, i: int) -> str:
        return self.tokens[i].text.lower()


@dataclass
class _Person:
    """A person span in a sentence: token range and the name words in base form."""

    sentence: int
    start: int
    end: int
    words: tuple[str, ...]
    key: str = ""


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


# -- small word helpers ---------------------------------------------------------------


def _trigger(word: str) -> str | None:
    lower = word.lower()
    for prefix in _TRIGGERS:
        if lower.startswith(prefix):
            return prefix
    return None


def _is_org_head(word: str) -> bool:
    """``Университеті``, ``Комитеті``: the head noun of an organization's name, which a
    capital letter does not make a person's name (``Назарбаев Университеті``)."""
    key = stem(word, "kk")
    return key in _ORG_HEADS or key in _UNIT_HEADS


def _has_ending(word: str, endings: tuple[str, ...]) -> bool:
    lower = word.lower()
    base = kk.strip_case(word).lower()
    return base != lower and lower.endswith(endings)


def _is_genitive(word: str) -> bool:
    return _has_ending(word, _GENITIVE)


def _has_possessive(word: str) -> bool:
    """``агенттігі``, ``кеңесінің``: the head of a body owned by a genitive carries the
    possessive (``Орталық`` in ``Орталық Азиядағы`` does not)."""
    return kk.strip_case(word).lower() != kk.base_form(word, proper=False).lower()


def _possessive(noun: str) -> str:
    """``форум`` → ``форумы``, ``конференция`` → ``конференциясы`` (compound-name head)."""
    # Harmony follows the last vowel; ``у`` is neutral (кездесу-і, форум-ы).
    last_vowel = next((ch for ch in reversed(noun.lower()) if ch in kk.VOWELS - {"у"}), "а")
    front = last_vowel in "әеөүіи"
    vowel = "і" if front else "ы"
    if noun[-1].lower() in kk.VOWELS:
        return noun + ("сі" if front else "сы")
    return noun + vowel


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_adjective(word: str) -> bool:
    """``мемлекеттік``, ``жөніндегі``, ``Орталық``: a modifier that does not make the
    head noun after it possessive (``Мемлекеттік кеңес``, not ``… кеңесі``)."""
    return word.lower().endswith(_ADJECTIVE + _ATTRIBUTIVE)


def _with_possessive(noun: str) -> str:
    """``комитет`` → ``комитеті``, ``министрлік`` → ``министрлігі``: a final ``к/қ``
    after a vowel is voiced before the possessive vowel."""
    last, before = noun[-1:].lower(), noun[-2:-1].lower()
    if last in "кқ" and before in kk.VOWELS:
        noun = noun[:-1] + ("г" if last == "к" else "ғ")
    return _possessive(noun)


def _org_name(words: list[str]) -> str:
    """The nominative name of an organization written as ``words`` (the last one may
    be inflected).  Kazakh marks a compound's head with a possessive after a noun
    modifier (``Басқару комитеті``, ``Ішкі істер министрлігі``) but not after an
    adjective (``Мемлекеттік кеңес``, ``… жөніндегі агенттік``) or alone
    (``Агенттік``), whether or not the text wrote it (``басқару комитет төрағасы``)."""
    head = words[-1]
    written = kk.strip_case(head)
    bare = _BARE_HEADS.get(written.lower()) or kk.base_form(head, proper=False)
    if len(words) == 1 or _is_adjective(words[-2]):
        last = bare
    elif written.lower() == bare.lower():
        last = _with_possessive(bare)
    else:
        last = written
    return _capitalize(" ".join([*words[:-1], last]))


class KazakhMapper:
    """Kazakh rules: persons, posts, organizations, units and events with evidence."""

    name = "kg-kk-rules"
    version = "0.1.0"
    languages = ("kk",)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()
        self.protected = kk.protected_names(self.gazetteer.protected_words("kk"))
        self.ner = NerTagger.for_language("kk")
        self._minister_entry_cache: dict[str, GazetteerEntry | None] = {}

    # -- entry point ------------------------------------------------------------------

    def extract(self, article: Article) -> Extraction:
        run = _Run(self, article)
        run.process()
        return run.builder.build()

    def lookup(self, text: str, category: str) -> GazetteerEntry | None:
        """The gazetteer entry that a constructed name matches in full, if any."""
        if text not in self._minister_entry_cache:
            tokens = tokenize(text)
            found = None
            for m in self.gazetteer.match(tokens, "kk", (category,)):
                if m.start == 0 and m.end == len(tokens):
                    found = m.entry
            self._minister_entry_cache[text] = found
        return self._minister_entry_cache[text]


class _Run:
    """The state of mapping one article."""

    def __init__(self, mapper: KazakhMapper, article: Article) -> None:
        self.mapper = mapper
        self.builder = ExtractionBuilder(article, mapper.name, mapper.version)
        self.text = article.text
        self.headline_end = len(article.title) if article.title and article.body else 0
        self.sentences: list[_Sentence] = []
        for i, span in enumerate(split_sentences(self.text)):
            tokens = tokenize(self.text, span)
            matches = _without_modifier_roles(tokens, mapper.gazetteer.match(tokens, "kk"))
            matches = _without_foreign_bodies(tokens, matches, mapper.gazetteer)
            self.sentences.append(_Sentence(i, span, tokens, matches))
        self.persons: dict[int, list[_Person]] = {}
        self.present: dict[int, list[str]] = {}
        self.drafts: list[_Draft] = []
        self.last_conference: _Draft | None = None
        self._previous: tuple[int, list[_Draft]] = (-1, [])
        self._org_keys: dict[tuple[int, int], str] = {}
        self._ner: dict[int, list[tuple[str, int, int]]] = {}
        self._found_orgs: dict[int, list[str]] = {}
        self._org_tokens: dict[int, set[int]] = {}
        self._post_tokens: dict[int, set[int]] = {}

    def process(self) -> None:
        for sent in self.sentences:
            self.persons[sent.index] = self._find_persons(sent)
        self._find_surnames()
        self._resolve_persons()
        # The headline is read after the body for organizations and posts: it shortens
        # names that the body gives in full (``Моңғолия комиссиясының төрағасы``).
        # Events are read in text order, so that the body's mentions refer back to it.
        headline = [s for s in self.sentences if s.span.start < self.headline_end]
        for sent in [s for s in self.sentences if s not in headline] + headline:
            self._gazetteer_entities(sent)
            self._owned_organizations(sent)
            self._ner_organizations(sent)
            self._memberships(sent)
        for sent in self.sentences:
            self._events(sent)
        self._emit_events()

    # -- persons ----------------------------------------------------------------------

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

    # -- organizations ------------------------------------------------------------------

    def _left_neighbour(self, sent: _Sentence, i: int) -> GazetteerMatch | None:
        """The organization/country match ending right before token ``i`` (a
        parenthesised expansion in between is skipped)."""
        j = self._skip_parentheses(sent, i - 1)
        return sent.match(j, frozenset({"organization", "country", "unit"})) if j >= 0 else None

    @staticmethod
    def _skip_parentheses(sent: _Sentence, j: int) -> int:
        if j >= 0 and sent.tokens[j].text == _CLOSE:
            while j >= 0 and sent.tokens[j].text != _OPEN:
                j -= 1
            j -= 1
        return j

    def _org_key(self, sent: _Sentence, m: GazetteerMatch, depth: int = 0) -> str | None:
        """Entity key for an org/country/unit match; a unit gets its parent from the
        organization written before it (``Хабтың басқару комитеті``)."""
        cached = self._org_keys.get((sent.index, m.start))
        if cached:
            return cached
        tokens = sent.tokens[m.start : m.end]
        if m.entry.category != "unit":
            key = self.builder.gazetteer_entity(m.entry)
        else:
            parent_match = self._left_neighbour(sent, m.start) if depth < 3 else None
            if parent_match is None:
                return None
            parent = self._org_key(sent, parent_match, depth + 1)
            key = self.builder.entity(
                EntityType.ORGANIZATION,
                _capitalize(m.entry.label("kk")),
                kind=OrgKind.UNIT,
                parent=parent,
                confidence=0.7,
            )
        self.builder.mention(key, tokens, sent.span)
        self._org_keys[(sent.index, m.start)] = key
        return key

    def _gazetteer_entities(self, sent: _Sentence) -> None:
        """Entities for the gazetteer's matches.  A unit named like an event (``Бас
        Ассамблеясы`` held in Seoul) is an event here, and an organization only as the
        place of a post (``Бас Ассамблеясының төрағасы``), which the chain adds."""
        for m in sent.matches:
            if m.entry.category == "unit" and _trigger(sent.tokens[m.end - 1].text):
                continue
            if m.entry.category in _ORG_CATEGORIES:
                self._org_key(sent, m)
            elif m.entry.category == "place":
                key = self.builder.gazetteer_entity(m.entry)
                self.builder.mention(key, sent.tokens[m.start : m.end], sent.span)

    def _owned_organizations(self, sent: _Sentence) -> None:
        """``Қырғыз Республикасының Мемлекеттік қызмет … жөніндегі агенттігі``: after a
        country or organization in the genitive, a capitalised phrase ending in an
        organization's head noun is a body of that owner, however long its name."""
        tokens = sent.tokens
        for m in sent.matches:
            owner_end = _genitive_owner_end(tokens, m)
            if owner_end is None:
                continue
            start = self._skip_parentheses_forward(sent, owner_end)
            if start >= len(tokens) or not self._free_word(sent, start):
                continue
            if not tokens[start].is_capitalized:
                continue
            end, found = start, None
            while end < len(tokens) and end - start < _MAX_OWNED_WORDS:
                if not self._free_word(sent, end) or sent.lower(end) in _COMITATIVE:
                    break
                end += 1
                if _is_org_head(tokens[end - 1].text) and _has_possessive(tokens[end - 1].text):
                    found = end  # the last head ends the name (``қызмет … агенттігі``)
            if found is None or sent.match(found, _ROLE):
                continue  # none, or a post's chain names it (``… агенттігінің төрағасы``)
            head = stem(tokens[found - 1].text, "kk")
            key = self.builder.entity(
                EntityType.ORGANIZATION,
                _org_name([t.text for t in tokens[start:found]]),
                kind=_ORG_HEADS.get(head, OrgKind.UNIT),
                parent=self._org_key(sent, m),
            )
            self._found_org(sent, key, start, found)

    def _found_org(self, sent: _Sentence, key: str, start: int, end: int) -> None:
        """Record an organization that no gazetteer knows, found at ``start:end``."""
        self.builder.mention(key, sent.tokens[start:end], sent.span, confidence=0.6)
        self._found_orgs.setdefault(sent.index, []).append(key)
        self._org_tokens.setdefault(sent.index, set()).update(range(start, end))

    def _free_word(self, sent: _Sentence, i: int) -> bool:
        """A word that no gazetteer entry, person or event trigger takes."""
        token = sent.tokens[i]
        return (
            token.is_word
            and sent.match(i) is None
            and not self._person_covering(sent, i)
            and _trigger(token.text) is None
        )

    @staticmethod
    def _skip_parentheses_forward(sent: _Sentence, j: int) -> int:
        if j < len(sent.tokens) and sent.tokens[j].text == _OPEN:
            while j < len(sent.tokens) and sent.tokens[j].text != _CLOSE:
                j += 1
            j += 1
        return j

    def _ner_organizations(self, sent: _Sentence) -> None:
        """Organizations the gazetteer does not know, from the NER, named in base form
        (``Назарбаев Университетінде`` → ``Назарбаев Университеті``: the head of a
        Kazakh compound name keeps its possessive).  A span that touches a gazetteer
        organization, country or person is left to the rules."""
        for label, start, end in self._quoted_heads_joined(sent):
            if label != "ORGANISATION" or any(
                sent.match(j, _ORG_CATEGORIES) or self._person_covering(sent, j)
                for j in range(start, end)
            ):
                continue
            words = self._words_between(sent, start, end)
            if not words or not any(w[:1].isupper() for w in words) or not self._org_like(words):
                continue
            if self._names_event_topic(sent, words, end):
                continue
            quoted = end < len(sent.tokens) and sent.tokens[end].text in _CLOSING_QUOTES
            last = words[-1] if quoted else kk.strip_case(words[-1])  # «…» stays as written
            name = " ".join([*words[:-1], last])
            kind = _ORG_HEADS.get(stem(words[-1], "kk"), OrgKind.OTHER)
            key = self.builder.entity(EntityType.ORGANIZATION, _capitalize(name), kind=kind)
            self._found_org(sent, key, start, end)

    @staticmethod
    def _org_like(words: list[str]) -> bool:
        """An organization's name ends in an organization noun or a proper name; the
        NER also tags events (``Көшбасшылар форумы``) and phrases such as ``Тұрақты
        даму [мақсаттары]`` (Sustainable Development Goals), which end in neither."""
        last = words[-1]
        if _trigger(last):
            return False
        return last[:1].isupper() or _is_org_head(last)

    @staticmethod
    def _names_event_topic(sent: _Sentence, words: list[str], end: int) -> bool:
        """``Еуразиялық мемлекеттік қызмет конференциясы``: the NER may stop an event's
        name before its event noun and tag the rest as an organization.  Words that end
        in a common noun without the possessive, right before an event noun, are the
        event's subject (civil service), not its organizer: an organization named
        before its event keeps its own head's possessive or capital (``Түркі кеңесі
        саммиті``, ``EROPA Бас Ассамблеясы``)."""
        last = words[-1]
        return (
            end < len(sent.tokens)
            and _trigger(sent.tokens[end].text) is not None
            and last.islower()
            and not _has_possessive(last)
        )

    def _quoted_heads_joined(self, sent: _Sentence) -> list[tuple[str, int, int]]:
        """NER spans, with a quoted name and the organization noun after it joined:
        ``«Самұрық-Қазына» ұлттық әл-ауқат қоры`` is one organization, which the NER
        tags as two spans around the closing quote."""
        joined: list[tuple[str, int, int]] = []
        for label, start, end in self._ner.get(sent.index, []):
            if joined and label == "ORGANISATION":
                prev_label, prev_start, prev_end = joined[-1]
                gap = sent.tokens[prev_end].text if prev_end == start - 1 else None
                if prev_label == label and gap in _CLOSING_QUOTES:
                    joined[-1] = (label, prev_start, end)
                    continue
            joined.append((label, start, end))
        return joined

    def _root(self, key: str) -> str:
        entity = self.builder.extraction.entities[key]
        return self._root(entity.parent) if entity.parent and entity.kind == OrgKind.UNIT else key

    # -- memberships --------------------------------------------------------------------

    def _role(self, sent: _Sentence, m: GazetteerMatch) -> Role:
        """The post in base form: the roles-gazetteer name whose stems equal the words."""
        written = [stem(t.text, "kk") for t in sent.tokens[m.start : m.end]]
        label = None
        for name in m.entry.names.get("kk", ()):
            if [stem(w, "kk") for w in name.split()] == written:
                label = name
                break
        if label is None:
            words = [t.text.lower() for t in sent.tokens[m.start : m.end]]
            label = " ".join(kk.base_phrase(words, proper=False))
        return Role(label=label, lang="kk", key=m.entry.id)

    def _chain(self, sent: _Sentence, role: GazetteerMatch) -> tuple[str | None, int]:
        """The organization a post at ``role`` belongs to, read right to left: area words
        (``персоналды басқару``), then gazetteer organizations, units and countries.
        Returns the most specific organization's key and where the chain starts."""
        i = role.start - 1
        area: list[Token] = []
        while (
            i >= 0
            and len(area) < _MAX_AREA_WORDS
            and sent.tokens[i].is_word
            and sent.match(i) is None
            and not self._person_covering(sent, i)
            and sent.lower(i) not in _CONJUNCTIONS
            and (
                not _has_ending(sent.tokens[i].text, _LOCATIVE + _DATIVE)
                or sent.lower(i) in _NAME_POSTPOSITIONS  # ``… жөніндегі комиссиясының``
            )
        ):
            if sent.lower(i) not in _STATUS_WORDS:
                area.insert(0, sent.tokens[i])
            i -= 1
        i = self._skip_place_qualifier(sent, i)
        i = self._skip_parentheses(sent, i)  # ``ұйымының (ЭЫДҰ) жетекші сарапшысы``
        elements: list[GazetteerMatch] = []
        while i >= 0:
            m = sent.match(i)
            if m is not None and _has_ending(sent.tokens[m.end - 1].text, _ATTRIBUTIVE):
                i = m.start - 1  # Қазақстандағы тұрақты өкілі: a place, not the org
                continue
            if m is None or m.entry.category not in _ORG_CATEGORIES:
                break
            elements.insert(0, m)
            i = self._skip_parentheses(sent, m.start - 1)
        start = elements[0].start if elements else role.start - len(area)
        if not elements and not area:
            return None, role.start
        key = self._org_key(sent, elements[-1]) if elements else None
        country = next((e for e in reversed(elements) if e.entry.category == "country"), None)
        area_key = self._area_org(sent, role, area, key, country)
        return area_key or key, start

    @staticmethod
    def _skip_place_qualifier(sent: _Sentence, i: int) -> int:
        """``банктің Орталық Азиядағы өңірлік директоры``: a capitalised name in the
        attributive locative (in …) places the post; the chain goes on before it.  A
        place the gazetteer knows is skipped by the chain itself."""
        word = sent.tokens[i].text if i >= 0 else ""
        if not (word[:1].isupper() and sent.match(i) is None and _has_ending(word, _IN_PLACE)):
            return i
        j = i - 1
        while j >= 0 and i - j < _MAX_NAME_WORDS and sent.tokens[j].is_capitalized:
            if sent.match(j) is not None or _is_genitive(sent.tokens[j].text):
                break
            j -= 1
        return j

    def _area_org(
        self,
        sent: _Sentence,
        role: GazetteerMatch,
        area: list[Token],
        parent: str | None,
        country: GazetteerMatch | None,
    ) -> str | None:
        """An organization named by the words before a post: a known or new ministry
        (``Корея Республикасының персоналды басқару министрі``), or an unknown
        organization/unit ending in a head word (``… департаментінің директоры``)."""
        role_words = [t.text for t in sent.tokens[role.start : role.end]]
        owners = [
            k
            for k in range(len(area) - 1)
            if area[k].is_capitalized
            and _is_genitive(area[k].text)
            and stem(area[k].text, "kk") not in _ORG_HEADS
        ]
        if owners:
            # ``Әзербайжанның Мемлекеттік қызмет агенттігінің``: an owner the gazetteer
            # does not know is no part of the name after it
            area = area[owners[-1] + 1 :]
        split = next(
            (
                k
                for k in range(len(area) - 1)
                if _is_genitive(area[k].text) and stem(area[k].text, "kk") in _ORG_HEADS
            ),
            None,
        )
        if split is not None:
            # ``Ішкі істер министрлігінің департамент директоры``: the organization ends
            # at its genitive head; a bare unit noun after it names no unit of its own.
            owner = self._area_org(sent, role, area[: split + 1], parent, country)
            rest = area[split + 1 :]
            if len(rest) == 1 and stem(rest[0].text, "kk") == rest[0].text.lower():
                return owner
            return self._area_org(sent, role, rest, owner, None)
        if area:
            head = stem(area[-1].text, "kk")
            name = _org_name([t.text for t in area])
            # ``академия ректоры``, ``Моңғолия комиссиясының``: a bare head noun names
            # the academy (of that owner) named before
            belongs_to = parent or self._country_key(sent, country)
            key = self._named_before(head, belongs_to) if len(area) == 1 else None
            if key is None and head in _ORG_HEADS:
                kind = _ORG_HEADS[head]
                owner = (
                    self._country_key(sent, country) if kind == OrgKind.GOVERNMENT_BODY else None
                )
                key = self.builder.entity(EntityType.ORGANIZATION, name, kind=kind, parent=owner)
            elif key is None and head in _UNIT_HEADS:
                key = self.builder.entity(
                    EntityType.ORGANIZATION, name, kind=OrgKind.UNIT, parent=parent
                )
            if key:
                self.builder.mention(key, area, sent.span, confidence=0.6)
                return key
        if country is None or stem(role_words[-1], "kk") != _MINISTER:
            return None
        area_words = [t.text for t in area] + role_words[:-1]
        if not area_words:
            return None
        ministry = f"{' '.join(area_words)} {LEXICON['ministry_word']}"
        country_written = " ".join(t.text for t in sent.tokens[country.start : country.end])
        entry = self.mapper.lookup(f"{country_written} {ministry}", "organization")
        entry = entry or self.mapper.lookup(ministry, "organization")
        if entry is not None:
            key = self.builder.gazetteer_entity(entry, confidence=0.8)
        else:
            key = self.builder.entity(
                EntityType.ORGANIZATION,
                _capitalize(ministry.lower()),
                kind=OrgKind.GOVERNMENT_BODY,
                parent=self._country_key(sent, country),
            )
        tokens = area or sent.tokens[role.start : role.end]
        self.builder.mention(key, [*tokens, sent.tokens[role.end - 1]], sent.span, 0.6)
        return key

    def _named_before(self, head: str, owner: str | None) -> str | None:
        """The organization most recently mentioned whose name ends in the head noun
        ``head`` (a stem) and that belongs to ``owner`` if one is written: ``академия``
        after ``… Мемлекеттік басқару академиясы``.  Kazakh news shortens a name to its
        head, often in lower case."""
        entities = self.builder.extraction.entities
        for mention in reversed(self.builder.extraction.mentions):
            entity = entities[mention.entity]
            if (
                entity.type == EntityType.ORGANIZATION
                and entity.kind != OrgKind.STATE
                and (owner is None or entity.parent == owner)
                and stem(entity.name.split()[-1], "kk") == head
            ):
                return entity.key
        return None

    def _country_key(self, sent: _Sentence, country: GazetteerMatch | None) -> str | None:
        return self._org_key(sent, country) if country is not None else None

    def _status(self, sent: _Sentence, first: int, last: int) -> PostStatus:
        """How the post is reported, from cue words around tokens ``first..last``
        (the chain, the post and, for a name after the post, the name)."""
        start = sent.tokens[max(0, first - 3)].start
        before = self.text[start : sent.tokens[last - 1].start].lower()
        after_end = min(sent.span.end, sent.tokens[last - 1].end + 40)
        # The next coordinated holder's cues are not this post's (``… Байменов пен
        # агенттіктің жаңадан тағайындалған директоры …``).
        after_end = min(
            [after_end] + [t.start for t in sent.tokens[last:] if t.text.lower() in _CONJUNCTIONS]
        )
        after = self.text[sent.tokens[last - 1].end : after_end].lower()
        cues = LEXICON["status"]
        if any(c in before or c in after[:25] for c in cues["acting"]):
            return PostStatus.ACTING
        if any(f"{c} " in f"{before} " for c in cues["former"]):
            return PostStatus.FORMER
        if any(c in before or c in after for c in cues["newly_appointed"]):
            return PostStatus.NEWLY_APPOINTED
        return PostStatus.CURRENT

    def _memberships(self, sent: _Sentence) -> None:
        holders: set[int] = set()
        roles = [m for m in sent.matches if m.entry.category == "role"]
        for role in roles:
            person, appointed = self._holder_after(sent, role)
            if person is None:
                continue
            holders.add(role.start)
            org, start = self._post_org(sent, role)
            if org:
                status = (
                    PostStatus.NEWLY_APPOINTED
                    if appointed
                    else self._status(sent, start, person.end)
                )
                self._post_tokens.setdefault(sent.index, set()).update(range(start, role.end))
                self.builder.membership(
                    person.key, org, self._role(sent, role), sent.span, status=status
                )
        for person in self.persons[sent.index]:
            role = self._post_after(sent, person, roles)
            if role is not None:
                holders.add(role.start)
                org, start = self._post_org(sent, role)
                if org:
                    status = self._status(sent, start, role.end)
                    self._post_tokens.setdefault(sent.index, set()).update(range(start, role.end))
                    self.builder.membership(
                        person.key, org, self._role(sent, role), sent.span, status=status
                    )
        for role in roles:
            if role.start not in holders and self._person_at(sent, role.end) is None:
                self._description(sent, role)

    def _holder_after(self, sent: _Sentence, role: GazetteerMatch) -> tuple[_Person | None, bool]:
        """The person holding a post written before the name: right after it, or after
        ``болып`` (``… төрағасы болып Дархан Жұмабеков тағайындалды``), where an
        appointment verb after the name makes the post newly appointed."""
        person = self._person_at(sent, role.end)
        if person is not None or role.end >= len(sent.tokens):
            return person, False
        if sent.lower(role.end) not in _COPULAS:
            return None, False
        person = self._person_at(sent, role.end + 1)
        if person is None:
            return None, False
        verb = sent.lower(person.end) if person.end < len(sent.tokens) else ""
        return person, verb.startswith(_APPOINTED)

    def _post_org(self, sent: _Sentence, role: GazetteerMatch) -> tuple[str | None, int]:
        """The organization of a post: its chain, or, for a post named without one
        (``Бұрынғы төраға Асқар Омаров``), the organization whose holder of that post the
        article has already named, when only one has been."""
        org, start = self._chain(sent, role)
        if org is not None:
            return org, start
        known = {
            ms.organization
            for ms in self.builder.extraction.memberships
            if ms.role.key == role.entry.id
        }
        return (known.pop(), start) if len(known) == 1 else (None, start)

    def _post_after(
        self, sent: _Sentence, person: _Person, roles: list[GazetteerMatch]
    ) -> GazetteerMatch | None:
        """``Алихан Байменов, Хабтың … төрағасы, …``: a post right after a name."""
        i = person.end
        if i < len(sent.tokens) and sent.tokens[i].text in {",", "–", "—", "-"}:
            i += 1
        for role in roles:
            if role.start < i:
                continue
            between = range(i, role.start)
            if any(self._person_covering(sent, j) for j in between):
                return None
            if not any(sent.match(j, _ORG_CATEGORIES) for j in between):
                return None
            follower = sent.tokens[role.end].text if role.end < len(sent.tokens) else "."
            if follower in _FOLLOWERS:
                return role
            # ``Ерлан Қарин, Президенттің кеңесшісі Бішкекте …``: an apposition in the
            # nominative, not followed by another name (whose post it would be).
            last = sent.tokens[role.end - 1].text
            nominative = kk.strip_case(last) == last
            return role if nominative and self._person_at(sent, role.end) is None else None
        return None

    def _description(self, sent: _Sentence, role: GazetteerMatch) -> None:
        """A post named without a name (``Хабтың басқару комитет төрағасы … кездесті``)
        refers to the person already known to hold it."""
        org, start = self._chain(sent, role)
        if org is None:
            return
        for ms in self.builder.extraction.memberships:
            if ms.organization == org and ms.role.key == role.entry.id:
                self.builder.mention(ms.member, sent.tokens[start : role.end], sent.span, 0.6)
                self.present.setdefault(sent.index, []).append(ms.member)
                return

    # -- events -----------------------------------------------------------------------

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
            draft = self._add_draft(
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

    def _words_between(self, sent: _Sentence, start: int, end: int) -> list[str]:
        """Words of a name from ``start`` to ``end``, without parenthesised expansions."""
        words, depth = [], 0
        for t in sent.tokens[start:end]:
            if t.text == _OPEN:
                depth += 1
            elif t.text == _CLOSE:
                depth -= 1
            elif depth == 0 and t.is_word:
                words.append(t.text)
        return words

    def _anaphor(self, trigger: str) -> _Draft | None:
        for draft in reversed(self.drafts):
            if trigger in draft.triggers:
                return draft
        return None

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

    def _meeting_name(self, participants: list[str]) -> str:
        names = [self.builder.extraction.entities[k].name for k in participants[:3]]
        return f"{' және '.join(names)} кездесуі" if names else "Кездесу"

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

    def _parties(self, sent: _Sentence, end: int) -> list[str]:
        """``Қазақстан мен ЭЫДҰ арасында …``: the organizations and countries named
        before "between" are the parties of what is signed."""
        at = next((i for i in range(end) if sent.lower(i) in _BETWEEN), None)
        if at is None:
            return []
        keys = []
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
                changes: dict[str, object] = {"parent": keys[id(draft.parent)]}
                if not draft.participants and draft.type != EventType.CONFERENCE:
                    # "тараптар" (the parties) of a signing within a meeting
                    changes["participants"] = tuple(draft.parent.participants)
                self.builder.update_event(keys[id(draft)], **changes)


def _same_name(a: _Draft, b: _Draft) -> bool:
    """Two conference names for one event: equal heads, and one name's words end the
    other's (``Азиялық көшбасшылар форумы`` / ``Көшбасшылар форумы``), or one is bare."""
    if a.bare or b.bare:
        return True
    wa = [stem(w, "kk") for w in a.name.split()]
    wb = [stem(w, "kk") for w in b.name.split()]
    short, long_ = sorted((wa, wb), key=len)
    return long_[-len(short) :] == short


def _start(entity: tuple[str, int, int]) -> int:
    return entity[1]


def _genitive_owner_end(tokens: list[Token], m: GazetteerMatch) -> int | None:
    """Where an organization or country in the genitive ends (``Қырғыз
    Республикасының``, ``Тәжікстан Республикасының`` when the gazetteer knows only
    ``Тәжікстан``), or None if ``m`` is no owner in the genitive."""
    if m.entry.category not in ("organization", "country"):
        return None
    end = m.end
    if (
        m.entry.category == "country"
        and end < len(tokens)
        and stem(tokens[end].text, "kk") in _STATE_WORDS
    ):
        end += 1
    return end if _is_genitive(tokens[end - 1].text) else None


def _without_foreign_bodies(
    tokens: list[Token], matches: list[GazetteerMatch], gazetteer: Gazetteer
) -> list[GazetteerMatch]:
    """``Тәжікстан Республикасының Мемлекеттік қызмет істері жөніндегі агенттігі``
    names Tajikistan's agency, not the Kazakh one the gazetteer knows by that name: a
    national body written after another country's genitive is left to the rule for
    bodies of an owner."""
    ends = {m.end: m for m in matches if m.entry.category == "country"}
    kept = []
    for m in matches:
        parent = gazetteer.entries.get(m.entry.parent or "")
        country = ends.get(m.start)
        if country is None and m.start > 0 and stem(tokens[m.start - 1].text, "kk") in _STATE_WORDS:
            country = ends.get(m.start - 1)
        if (
            parent is not None
            and parent.category == "country"
            and country is not None
            and _genitive_owner_end(tokens, country) == m.start
            and country.entry.id != parent.id
        ):
            continue
        kept.append(m)
    return kept


def _without_modifier_roles(
    tokens: list[Token], matches: list[GazetteerMatch]
) -> list[GazetteerMatch]:
    """``жетекші сарапшысы`` (leading expert): a post word in the bare form right before
    another post qualifies it and is no post of its own; a genitive one is
    (``төрағасының орынбасары``, the chair's deputy)."""
    roles = {m.start: m for m in matches if m.entry.category == "role"}
    return [
        m
        for m in matches
        if not (
            m.entry.category == "role"
            and m.end in roles
            and not _is_genitive(tokens[m.end - 1].text)
        )
    ]
