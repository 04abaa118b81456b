"""Scoring the Russian mapper against factRuEval-2016 annotation.

factRuEval documents come as ``book_N.txt`` with stand-off files: ``.spans`` (typed
character ranges), ``.objects`` (entity mentions built from spans), ``.coref`` (mentions
grouped into entities, with normalised ``firstname``/``lastname``/``name`` values) and
``.facts`` (``Occupation``: Who, Position, Where; ``Meeting``: Participants, Time,
Place).  This module reads them, turns a mapper's ``Extraction`` into the same kind of
facts and mentions, and scores one against the other with the campaign's rules:

* **facts**: a predicted fact matches a gold fact of its type when every slot the gold
  fact fills matches: a person by surname plus a compatible first name (equal, an
  initial of it, or absent on either side); a post when both name the same head post
  and one's lemmas contain the other's (``министр`` / ``министр иностранных дел``);
  a ``Where`` by name after lemmatisation, the organisation or any organisation it
  belongs to, its country included; Meeting participants as a set.  Surnames also
  match when their dictionary forms do (the gold's ``Брайз`` is our ``Брайза``); a
  predicted name may put its surname first (``Хван Чжан Еп``) or end in a surname of
  two words (``Марин Ле Пен``); an acting post (our status) is also read with the words
  that say so (``исполняющий обязанности …``), as the campaign writes it.  Gold ``Time``
  values are relative expressions (``вчера``) that the collection gives no publication
  date for, so they are not scored.  Gold and predicted facts are paired one-to-one
  (maximum bipartite matching), then precision, recall and F1 per fact type.
* **units named in a post**: our data model keeps an unnamed unit inside the role
  (``лидер фракции`` at КПРФ, ``глава представительства`` at the United States,
  ``член президиума`` of a council), while the campaign annotates the unit as the
  organisation (Position ``лидер``, Where ``фракция КПРФ``).  So a membership whose
  role has a unit noun in the genitive after its head (the ``unit_heads`` of the
  Russian lexicon) is scored in both readings, the literal one and Position = the
  words before the unit, Where = the unit with the organisation's names (or alone, when
  the unit has words of its own: ``комитет по иностранным делам``); either may match a
  gold fact, and a prediction still matches at most one.  This is how our model maps
  onto theirs, not a change to the predictions.
* **NER**: a predicted mention of type per/org/loc matches a gold mention of the same
  type (``LocOrg`` — a country or city acting as a party — counts as loc, as does our
  ``State``) when it overlaps every name part of the gold mention (the surname of a
  person, the proper name of an organisation or place; all its parts when it has no
  such part), again one-to-one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TypeVar

from kg.gazetteer import Gazetteer
from kg.lang import ru
from kg.model import (
    Article,
    EntityType,
    EventType,
    Extraction,
    Membership,
    OrgKind,
    PostStatus,
)

T = TypeVar("T")
U = TypeVar("U")

FACT_TYPES = ("Occupation", "Meeting")
NER_TYPES = ("per", "org", "loc")
_OBJECT_TYPES = {"Person": "per", "Org": "org", "Location": "loc", "LocOrg": "loc"}
_CORE_SPANS = {"per": {"surname"}, "org": {"org_name"}, "loc": {"loc_name"}}
_SCORED_SLOTS = {"Occupation": ("Who", "Position", "Where"), "Meeting": ("Participant", "Place")}
_REF = re.compile(r"^(?:obj|span)\d+\s*")
_WORD = re.compile(r"[\w]+(?:-[\w]+)*")
_ACTING = "исполнять обязанность"  # ``исполняющий обязанности``, normalised
_UNIT_NOUNS = frozenset(
    json.loads(
        resources.files("kg.gazetteers").joinpath("lexicon_ru.json").read_text(encoding="utf-8")
    )["unit_heads"]
)


class FormatError(ValueError):
    """A factRuEval file that cannot be read; the message names the file and line."""


# -- values and normalisation ---------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, ``ё`` as ``е``, quotes and punctuation dropped, every word in its
    dictionary form: ``движения «Левый фронт»`` → ``движение левый фронт``."""
    words = _WORD.findall(text.lower().replace("ё", "е"))
    return " ".join(ru.lemma(w).replace("ё", "е") for w in words)


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е").strip(".")


@dataclass(frozen=True)
class PersonName:
    """A person as the campaign compares them: readings of the name as (surname, first
    name or ``""``), lower case.  A predicted name has two readings when it has two
    words, since Chinese, Korean and Hungarian names put the surname first."""

    readings: frozenset[tuple[str, str]]

    def matches(self, other: PersonName) -> bool:
        return any(
            _same_surname(surname, other_surname)
            and (not first or not other_first or _first_compatible(first, other_first))
            for surname, first in self.readings
            for other_surname, other_first in other.readings
        )


def _same_surname(a: str, b: str) -> bool:
    return a == b or ru.lemma(a) == ru.lemma(b)


def _first_compatible(a: str, b: str) -> bool:
    """Equal first names, or one is the initial of the other; ``Хуану`` (as some gold
    values are written) is compatible with ``Хуан``."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and len(longer) - len(shorter) <= 2


@dataclass(frozen=True)
class Value:
    """One slot's value: the names it may be written as (normalised) and, for a person,
    the name parts; a predicted organisation also carries its parents' names."""

    names: frozenset[str]
    person: PersonName | None = None
    countries: frozenset[str] = frozenset()

    def matches(self, gold: Value) -> bool:
        """Same person, or a shared name; a country also matches a gold organisation
        named after it (``Россия`` for ``правительство РФ``)."""
        if gold.person is not None and self.person is not None:
            return self.person.matches(gold.person)
        return bool(self.names & gold.names) or any(
            _contains_words(g.split(), c.split()) for c in self.countries for g in gold.names
        )


def _contains_words(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _post_matches(predicted: Value, gold: Value) -> bool:
    return any(_same_post(p.split(), g.split()) for p in predicted.names for g in gold.names)


def _same_post(a: list[str], b: list[str]) -> bool:
    """The same head post, and one's words contain the other's in order."""
    if not a or not b or _post_head(a) != _post_head(b):
        return False
    shorter, longer = sorted((a, b), key=len)
    return _contains_words(longer, shorter)


def _post_head(words: list[str]) -> str:
    """The first noun: ``первый вратарь`` → ``вратарь``."""
    for word in words:
        if any("NOUN" in p.tag for p in ru.parses(word)[:1]):
            return word
    return words[-1]


Slots = dict[str, tuple[Value, ...]]


@dataclass(frozen=True)
class Fact:
    """A fact as scored: its type and, per slot, one or more values; a predicted fact
    may have other readings of its slots (see the module docstring on units)."""

    type: str
    slots: Slots = field(default_factory=dict, hash=False)
    readings: tuple[Slots, ...] = field(default=(), hash=False)


def fact_matches(predicted: Fact, gold: Fact) -> bool:
    """Every slot the gold fact fills (among the scored ones) is matched by the
    predicted fact's slots or by one of its other readings."""
    if predicted.type != gold.type:
        return False
    return any(_slots_match(slots, gold) for slots in (predicted.slots, *predicted.readings))


def _slots_match(slots: Slots, gold: Fact) -> bool:
    for slot in _SCORED_SLOTS.get(gold.type, ()):
        want = gold.slots.get(slot, ())
        if not want:
            continue
        have = slots.get(slot, ())
        if slot == "Participant":
            if len(have) != len(want) or _max_matching(have, want, Value.matches) != len(want):
                return False
        elif slot == "Position":
            if not any(_post_matches(h, w) for h in have for w in want):
                return False
        elif not any(h.matches(w) for h in have for w in want):
            return False
    return True


# -- gold: reading the collection ------------------------------------------------------


@dataclass(frozen=True)
class GoldMention:
    """An annotated entity mention: its NER type, extent and name parts."""

    type: str
    start: int
    end: int
    core: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Document:
    """One factRuEval document with its gold mentions and facts."""

    id: str
    path: Path
    text: str
    mentions: tuple[GoldMention, ...]
    facts: tuple[Fact, ...]


def _lines(path: Path) -> list[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FormatError(
            f"{path}: missing (every book_N.txt needs its annotation files)"
        ) from None
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return list(enumerate(text.splitlines(), start=1))


def _read_spans(path: Path) -> dict[str, tuple[str, int, int]]:
    """span id → (span type, start, end)."""
    spans = {}
    for number, line in _lines(path):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        try:
            spans[fields[0]] = (fields[1], int(fields[2]), int(fields[2]) + int(fields[3]))
        except (IndexError, ValueError):
            raise FormatError(f"{path}:{number}: expected 'id type start length ...'") from None
    return spans


def _read_objects(
    path: Path, spans: dict[str, tuple[str, int, int]]
) -> tuple[dict[str, GoldMention], dict[str, list[str]]]:
    """Mentions by object id (only the NER types), and every object's span texts' ids."""
    mentions, parts = {}, {}
    for number, line in _lines(path):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) < 3 or any(s not in spans for s in fields[2:]):
            raise FormatError(f"{path}:{number}: expected 'id type span_id...' with known spans")
        object_id, kind, span_ids = fields[0], fields[1], fields[2:]
        parts[object_id] = span_ids
        ner = _OBJECT_TYPES.get(kind)
        if ner is None:
            continue
        ranges = [spans[s] for s in span_ids]
        core = tuple((a, b) for t, a, b in ranges if t in _CORE_SPANS[ner]) or tuple(
            (a, b) for _, a, b in ranges
        )
        start = min(a for _, a, _ in ranges)
        end = max(b for _, _, b in ranges)
        mentions[object_id] = GoldMention(ner, start, end, core)
    return mentions, parts


def _read_coref(path: Path) -> dict[str, dict[str, list[str]]]:
    """Entity id → attribute → values (``firstname``, ``lastname``, ``name``...)."""
    entities: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for _number, line in _lines(path):
        if not line.strip():
            current = None
            continue
        key, _, value = line.strip().partition(" ")
        if current is None:
            current = entities.setdefault(f"obj{key}", {})
        else:
            current.setdefault(key, []).append(value.strip())
    return entities


def _gold_value(alternatives: str, coref: dict[str, dict[str, list[str]]]) -> Value:
    """A slot value: ``obj48 Лужков Юрий`` or ``obj144 Турецкая республика | Турция``."""
    names, person = set(), None
    for alternative in alternatives.split(" | "):
        ref = _REF.match(alternative)
        text = alternative[ref.end() :] if ref else alternative
        names.add(normalise(text))
        attributes = coref.get(ref.group(0).strip(), {}) if ref else {}
        names.update(normalise(n) for n in attributes.get("name", ()))
        surnames = {_plain(v) for k, v in _items(attributes) if k.startswith("lastname")}
        if surnames:
            first = {_plain(v) for k, v in _items(attributes) if k.startswith("firstname")}
            readings = {(s, f) for s in surnames for f in first or {""}}
            person = PersonName(frozenset(readings))
    return Value(frozenset(n for n in names if n), person)


def _items(attributes: dict[str, list[str]]) -> Iterable[tuple[str, str]]:
    return ((k, v) for k, values in attributes.items() for v in values)


def _read_facts(path: Path, coref: dict[str, dict[str, list[str]]]) -> list[Fact]:
    facts: list[Fact] = []
    current: Fact | None = None
    for number, line in _lines(path):
        if not line.strip():
            current = None
            continue
        slot, _, rest = line.strip().partition(" ")
        if current is None:
            if not rest:
                raise FormatError(f"{path}:{number}: expected a 'N-K Type' fact header")
            current = Fact(rest.strip())
            facts.append(current)
        elif rest:
            value = _gold_value(rest.strip(), coref)
            current.slots[slot] = (*current.slots.get(slot, ()), value)
    return [f for f in facts if f.type in FACT_TYPES]


def read_document(txt: Path) -> Document:
    """``book_N.txt`` and its ``.spans``, ``.objects``, ``.coref``, ``.facts``."""
    base = txt.with_suffix("")
    text = txt.read_text(encoding="utf-8")
    spans = _read_spans(base.with_suffix(".spans"))
    mentions, _ = _read_objects(base.with_suffix(".objects"), spans)
    coref = _read_coref(base.with_suffix(".coref"))
    facts = _read_facts(base.with_suffix(".facts"), coref)
    return Document(txt.stem, txt, text, tuple(mentions.values()), tuple(facts))


def read_collection(directory: Path) -> list[Document]:
    """Every ``book_N.txt`` of a directory, in numeric order."""
    if not directory.is_dir():
        raise FormatError(f"{directory}: not a directory")
    texts = sorted(directory.glob("book_*.txt"), key=lambda p: (len(p.stem), p.stem))
    if not texts:
        raise FormatError(f"{directory}: no book_N.txt documents (is it a factRuEval folder?)")
    return [read_document(path) for path in texts]


# -- predictions: an extraction as facts and mentions -----------------------------------


def _ner_type(extraction: Extraction, key: str) -> str | None:
    entity = extraction.entities.get(key)
    if entity is None:
        return None
    if entity.type == EntityType.PERSON:
        return "per"
    if entity.type == EntityType.PLACE or entity.kind == OrgKind.STATE:
        return "loc"
    return "org"


def predicted_mentions(extraction: Extraction) -> list[GoldMention]:
    """The extraction's mentions as (type, extent), each range once."""
    found: dict[tuple[str, int, int], GoldMention] = {}
    for m in extraction.mentions:
        kind = _ner_type(extraction, m.entity)
        if kind is None or m.evidence.mention is None:
            continue
        span = m.evidence.mention
        found[(kind, span.start, span.end)] = GoldMention(
            kind, span.start, span.end, ((span.start, span.end),)
        )
    return list(found.values())


def _person(name: str) -> PersonName:
    """``Алихан Байменов``, ``А. Байменов``, ``Ху Цзиньтао`` as surname readings; a
    name of two words, or of more with no patronymic, may put the surname first
    (``Ху Цзиньтао``, ``Хван Чжан Еп``), and one of three or more may end in a surname
    of two words (``Марин Ле Пен``, ``Усама бин Ладен``)."""
    words = [_plain(w) for w in name.split() if w.strip(".")]
    if not words:
        return PersonName(frozenset())
    readings = {(words[-1], words[0] if len(words) > 1 else "")}
    if len(words) == 2 or (len(words) > 2 and not any(map(_is_patronymic, words[1:-1]))):
        readings.add((words[0], words[1]))
    if len(words) > 2:
        readings.add((" ".join(words[-2:]), words[0]))
    return PersonName(frozenset(readings))


def _is_patronymic(word: str) -> bool:
    return ru.name_tag(word) == "Patr" or word.endswith(("вич", "вна", "ична", "инична"))


def _known_names(ref: str | None) -> set[str]:
    """Every Russian name and acronym of a gazetteer entry (``США``, ``Соединённые
    Штаты``), and the same for the country it belongs to."""
    if ref is None:
        return set()
    entries = Gazetteer.default().entries
    entry = entries.get(ref.removeprefix("country:"))
    names: set[str] = set()
    while entry is not None:
        names.update(normalise(n) for n in (*entry.names.get("ru", ()), *entry.acronyms))
        entry = entries.get(entry.country or entry.parent or "")
    return names


def _entity_value(extraction: Extraction, key: str, *, with_parents: bool = False) -> Value:
    """An entity's names; with its parents' (unit → organization → country) for a
    ``Where``, which the campaign accepts as the organization or its country."""
    entity = extraction.entities[key]
    if entity.type == EntityType.PERSON:
        aliases = {normalise(a) for a in entity.aliases}
        return Value(frozenset({normalise(entity.name), *aliases}), _person(entity.name))
    names = {normalise(entity.name), *(normalise(a) for a in entity.aliases)}
    names |= _known_names(entity.ref)
    countries: set[str] = set()
    if entity.kind == OrgKind.STATE:
        countries |= names
    parent = entity.parent
    while with_parents and parent and parent in extraction.entities:
        names.add(normalise(extraction.entities[parent].name))
        names |= _known_names(extraction.entities[parent].ref)
        if extraction.entities[parent].kind == OrgKind.STATE:
            countries |= {normalise(extraction.entities[parent].name)}
            countries |= _known_names(extraction.entities[parent].ref)
        parent = extraction.entities[parent].parent
    return Value(frozenset(names), countries=frozenset(countries))


def _position(membership: Membership) -> Value:
    """The post as the campaign writes it: an acting post also with the words that say
    so (``исполняющий обязанности представителя``), which we keep as its status."""
    label = normalise(membership.role.label)
    if membership.status == PostStatus.ACTING:
        return Value(frozenset({label, f"{_ACTING} {label}"}))
    return Value(frozenset({label}))


def _unit_reading(label: str, where: Value) -> tuple[Value, Value] | None:
    """``лидер фракции`` at КПРФ read as Position ``лидер``, Where ``фракция КПРФ``:
    the post's words before a unit noun in the genitive (with the adjectives before
    it: ``член бюджетного комитета``), and the unit with the organisation's names."""
    words = label.split()
    unit = next(
        (
            k
            for k in range(1, len(words))
            if ru.lemma(words[k]).split("-")[-1] in _UNIT_NOUNS  # ``пресс-службы``
            and "gent" in ru.word_case(words[k])
        ),
        None,
    )
    if unit is None:
        return None
    while unit > 1 and _is_adjective(words[unit - 1]):
        unit -= 1
    post, named = normalise(" ".join(words[:unit])), normalise(" ".join(words[unit:]))
    names = {f"{named} {name}" for name in where.names}
    if len(words) - unit > 1:
        names.add(named)  # ``комитет по иностранным делам``
    return Value(frozenset({post})), Value(frozenset(names))


def _is_adjective(word: str) -> bool:
    return bool({"ADJF", "PRTF"} & ru.parses(word)[0].tag.grammemes)


def predicted_facts(extraction: Extraction) -> list[Fact]:
    """Memberships as Occupation facts, meetings as Meeting facts."""
    facts = []
    for m in extraction.memberships:
        if extraction.entities[m.member].type != EntityType.PERSON:
            continue  # an organization's membership of another is no Occupation
        who = _entity_value(extraction, m.member)
        where = _entity_value(extraction, m.organization, with_parents=True)
        slots: Slots = {"Who": (who,), "Position": (_position(m),), "Where": (where,)}
        split = _unit_reading(m.role.label, where)
        readings: tuple[Slots, ...] = (
            ({"Who": (who,), "Position": (split[0],), "Where": (split[1],)},) if split else ()
        )
        facts.append(Fact("Occupation", slots, readings))
    for event in extraction.events:
        if event.type != EventType.MEETING:
            continue
        parties = tuple(_entity_value(extraction, p) for p in event.participants)
        if len(parties) < 2:
            continue  # a Meeting fact has two or more participants
        slots = {"Participant": parties}
        if event.place:
            slots["Place"] = (_entity_value(extraction, event.place),)
        facts.append(Fact("Meeting", slots))
    return facts


# -- scoring ---------------------------------------------------------------------------


def row_names() -> tuple[str, ...]:
    """The rows of the score table, as ``--show-errors`` names them."""
    return (*FACT_TYPES, *(f"NER {t}" for t in NER_TYPES))


def _max_matching(predicted: Sequence[T], gold: Sequence[U], match: Callable[[T, U], bool]) -> int:
    """Size of a maximum one-to-one matching."""
    return len(_matching(predicted, gold, match))


def _matching(
    predicted: Sequence[T], gold: Sequence[U], match: Callable[[T, U], bool]
) -> dict[int, int]:
    """A maximum one-to-one matching as gold index → predicted index (augmenting
    paths; the sets are small)."""
    edges = [[g for g, item in enumerate(gold) if match(p, item)] for p in predicted]
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    for p in range(len(predicted)):
        augment(p, set())
    return owner


def _overlaps(predicted: GoldMention, gold: GoldMention) -> bool:
    return predicted.type == gold.type and all(
        predicted.start < end and start < predicted.end for start, end in gold.core
    )


@dataclass(frozen=True)
class ScoringError:
    """One gold item missed (``-``) or one spurious prediction (``+``)."""

    document: str
    kind: str
    sign: str
    text: str


def describe_value(value: Value) -> str:
    """A slot value for an error listing: its names (normalised), ``|``-separated."""
    return " | ".join(sorted(value.names)) or "?"


def describe_fact(fact: Fact) -> str:
    """``Who=сапаров ерлан; Position=министр финансов; Where=казахстан``."""
    return "; ".join(
        f"{slot}={' / '.join(describe_value(v) for v in values)}"
        for slot, values in fact.slots.items()
        if slot in _SCORED_SLOTS.get(fact.type, ())
    )


@dataclass
class Counts:
    """True positives, predictions and gold items of one scored type."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, matched: int, predicted: int, gold: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.gold += gold


@dataclass
class Scores:
    """Counts per fact type and per NER type over a collection."""

    documents: int = 0
    facts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in FACT_TYPES})
    ner: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in NER_TYPES})
    errors: list[ScoringError] = field(default_factory=list)

    def add(self, document: Document, extraction: Extraction) -> None:
        self.documents += 1
        facts = predicted_facts(extraction)
        for type_ in FACT_TYPES:
            pred = [f for f in facts if f.type == type_]
            gold = [f for f in document.facts if f.type == type_]
            pairs = _matching(pred, gold, fact_matches)
            self.facts[type_].add(len(pairs), len(pred), len(gold))
            self._unmatched(document, type_, pairs, pred, gold, describe_fact)
        mentions = predicted_mentions(extraction)

        def quote(mention: GoldMention) -> str:
            return document.text[mention.start : mention.end]

        for type_ in NER_TYPES:
            pred_mentions = [m for m in mentions if m.type == type_]
            gold_mentions = [m for m in document.mentions if m.type == type_]
            pairs = _matching(pred_mentions, gold_mentions, _overlaps)
            self.ner[type_].add(len(pairs), len(pred_mentions), len(gold_mentions))
            self._unmatched(document, f"NER {type_}", pairs, pred_mentions, gold_mentions, quote)

    def _unmatched(
        self,
        document: Document,
        kind: str,
        pairs: dict[int, int],
        predicted: Sequence[T],
        gold: Sequence[T],
        describe: Callable[[T], str],
    ) -> None:
        """Record the gold items no prediction matched and the predictions that
        matched no gold item."""
        matched = set(pairs.values())
        for n, item in enumerate(gold):
            if n not in pairs:
                self.errors.append(ScoringError(document.id, kind, "-", describe(item)))
        for n, item in enumerate(predicted):
            if n not in matched:
                self.errors.append(ScoringError(document.id, kind, "+", describe(item)))

    def error_lines(self, kinds: Iterable[str] | None = None) -> list[str]:
        """``book_N  Occupation  - Who=…; Position=…; Where=…`` per missed (``-``)
        or spurious (``+``) item, only of ``kinds`` when given."""
        wanted = set(kinds) if kinds is not None else None
        return [
            f"{e.document}\t{e.kind}\t{e.sign} {e.text}"
            for e in self.errors
            if wanted is None or e.kind in wanted
        ]

    def rows(self) -> list[tuple[str, Counts]]:
        counts = [*self.facts.values(), *self.ner.values()]
        return list(zip(row_names(), counts, strict=True))

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "scores": {
                name: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "matched": c.matched,
                    "predicted": c.predicted,
                    "gold": c.gold,
                }
                for name, c in self.rows()
            },
        }

    def table(self) -> str:
        lines = [f"{'':<12} {'P':>6} {'R':>6} {'F1':>6} {'match':>6} {'pred':>6} {'gold':>6}"]
        for name, c in self.rows():
            lines.append(
                f"{name:<12} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} "
                f"{c.matched:>6} {c.predicted:>6} {c.gold:>6}"
            )
        return "\n".join(lines)


def as_article(document: Document) -> Article:
    """The document as a Russian article without title or date, so that the mapper's
    character offsets are the annotation's."""
    return Article(
        id=document.id,
        source=str(document.path),
        title="",
        body=document.text,
        language="ru",
    )


def evaluate(documents: Iterable[Document], extract: Callable[[Article], Extraction]) -> Scores:
    """Run ``extract`` on every document and score it."""
    scores = Scores()
    for document in documents:
        scores.add(document, extract(as_article(document)))
    return scores
