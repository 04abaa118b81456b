"""Article-level evaluation: run the mappers on annotated articles and score their facts.

A gold file ``NAME.gold.json`` stands beside its article ``NAME.txt`` (or ``.html``,
``.json``, ``.jsonl``) and lists what a careful reader finds in it: persons,
organizations, memberships and events (the format is described in
``docs/gold-format.md`` and ``docs/gold-format.schema.json``).  The scorer compares a
mapper's ``Extraction`` with it fact by fact, so that mapper engineers see not just a
number but each fact that was missed or invented.

Names are compared after normalization: case, diacritics and script are ignored (both
sides go through ``kg.translit.slugify``, so ``Байменов``, ``Baimenov`` and ``BAIMENOV``
agree), but inflection is not: ``Байменовым`` is not a base form and does not match.
Matching is one-to-one; a fact that refers to an entity the mapper found twice still
counts once, and the duplicate entity counts as a false positive.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.mappers import get_mapper
from kg.model import LANGUAGES, Article, Entity, EntityType, Event, Extraction, Membership, OrgKind
from kg.readers import EXTENSIONS, ReadProblem, read_inputs
from kg.translit import slugify

KINDS = ("persons", "organizations", "memberships", "events")
GOLD_SUFFIX = ".gold.json"
EVENT_TYPES = ("meeting", "conference", "visit", "signing", "event")
STATUSES = ("current", "former", "newly_appointed", "acting")


class GoldFormatError(ValueError):
    """A gold file that cannot be used: the message names the file and the problem."""


# -- the gold format ----------------------------------------------------------------


@dataclass(frozen=True)
class GoldPerson:
    id: str
    name: str
    surname: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldOrganization:
    id: str
    name: str
    acronym: str | None = None
    variants: tuple[str, ...] = ()
    parent: str | None = None
    kind: str | None = None

    @property
    def is_state(self) -> bool:
        return self.kind == "state"


@dataclass(frozen=True)
class GoldMembership:
    member: str
    organization: str
    role: str | None
    role_labels: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class GoldEvent:
    id: str
    type: str
    date: dt.date | None
    place: str | None
    participants: frozenset[str]
    organizers: frozenset[str] = frozenset()
    parent: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    article_path: Path
    lang: str
    persons: tuple[GoldPerson, ...]
    organizations: tuple[GoldOrganization, ...]
    memberships: tuple[GoldMembership, ...]
    events: tuple[GoldEvent, ...]


def find_gold_files(root: Path) -> list[Path]:
    """Every ``*.gold.json`` under ``root`` (or ``root`` itself), in a stable order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise GoldFormatError(f"{root}: no such file or directory")
    found = sorted(root.rglob(f"*{GOLD_SUFFIX}"))
    if not found:
        raise GoldFormatError(f"{root}: no gold files (*{GOLD_SUFFIX}) found")
    return found


def load_gold(path: Path) -> GoldArticle:
    """Read and check one gold file; every problem is reported with the file's name."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, dict):
        raise GoldFormatError(f"{path}: a gold file is a JSON object")
    return _GoldParser(path, data).parse()


class _GoldParser:
    """Turns one gold JSON object into typed records, checking every reference."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, where: str, problem: str) -> GoldFormatError:
        return GoldFormatError(f"{self.path}: {where}: {problem}")

    def text(self, obj: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
        value = obj.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{key!r} must be a non-empty string")
        return value

    def texts(self, obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(where, f"{key!r} must be a string or a list of strings")
        return tuple(value)

    def items(self, key: str) -> list[dict[str, Any]]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "must be a list of objects")
        return value

    def parse(self) -> GoldArticle:
        lang = self.data.get("lang")
        if lang not in LANGUAGES:
            raise self.fail("lang", f"must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        persons = tuple(
            self.person(p, f"persons[{i}]") for i, p in enumerate(self.items("persons"))
        )
        orgs = tuple(
            self.organization(o, f"organizations[{i}]")
            for i, o in enumerate(self.items("organizations"))
        )
        person_ids = self.unique_ids([p.id for p in persons], "persons")
        org_ids = self.unique_ids([o.id for o in orgs], "organizations")
        if person_ids & org_ids:
            raise self.fail("ids", f"used by a person and an organization: {person_ids & org_ids}")
        for org in orgs:
            if org.parent is not None and org.parent not in org_ids:
                raise self.fail(f"organization {org.id}", f"unknown parent {org.parent!r}")
        agents = person_ids | org_ids
        memberships = tuple(
            self.membership(m, f"memberships[{i}]", agents, org_ids)
            for i, m in enumerate(self.items("memberships"))
        )
        events = tuple(
            self.event(e, f"events[{i}]", agents) for i, e in enumerate(self.items("events"))
        )
        event_ids = self.unique_ids([e.id for e in events], "events")
        for event in events:
            if event.parent is not None and event.parent not in event_ids - {event.id}:
                raise self.fail(f"event {event.id}", f"unknown parent event {event.parent!r}")
        return GoldArticle(self.path, self.article_path(), lang, persons, orgs, memberships, events)

    def unique_ids(self, ids: list[str], kind: str) -> set[str]:
        seen = set(ids)
        if len(seen) != len(ids):
            raise self.fail(kind, "ids must be unique")
        return seen

    def article_path(self) -> Path:
        named = self.data.get("article")
        if named is not None:
            if not isinstance(named, str):
                raise self.fail("article", "must be a file name")
            candidate = self.path.parent / named
            if not candidate.is_file():
                raise self.fail("article", f"{candidate} does not exist")
            return candidate
        stem = self.path.name[: -len(GOLD_SUFFIX)]
        for extension in EXTENSIONS:
            candidate = self.path.with_name(stem + extension)
            if candidate.is_file():
                return candidate
        wanted = ", ".join(stem + e for e in EXTENSIONS)
        raise self.fail("article", f"no article beside the gold file (looked for {wanted})")

    def person(self, obj: dict[str, Any], where: str) -> GoldPerson:
        name = self.text(obj, "name", where)
        assert name is not None
        surname = self.text(obj, "surname", where, required=False) or name.split()[-1]
        if slugify(surname) not in slugify(name):
            raise self.fail(where, f"surname {surname!r} is not part of the name {name!r}")
        return GoldPerson(
            self.text(obj, "id", where) or "", name, surname, self.texts(obj, "variants", where)
        )

    def organization(self, obj: dict[str, Any], where: str) -> GoldOrganization:
        kind = obj.get("kind")
        if kind is not None and kind not in OrgKind._value2member_map_:
            raise self.fail(where, f"kind must be one of {', '.join(OrgKind._value2member_map_)}")
        return GoldOrganization(
            id=self.text(obj, "id", where) or "",
            name=self.text(obj, "name", where) or "",
            acronym=self.text(obj, "acronym", where, required=False),
            variants=self.texts(obj, "variants", where),
            parent=self.text(obj, "parent", where, required=False),
            kind=kind,
        )

    def membership(
        self, obj: dict[str, Any], where: str, agents: set[str], orgs: set[str]
    ) -> GoldMembership:
        member = self.text(obj, "member", where) or ""
        organization = self.text(obj, "organization", where) or ""
        if member not in agents:
            raise self.fail(where, f"member {member!r} is no person or organization of the file")
        if organization not in orgs:
            raise self.fail(where, f"organization {organization!r} is not listed in organizations")
        role = self.text(obj, "role", where, required=False)
        labels = self.texts(obj, "role_label", where)
        if role is None and not labels:
            raise self.fail(where, "give a 'role' key, a 'role_label', or both")
        status = obj.get("status", "current")
        if status not in STATUSES:
            raise self.fail(where, f"status must be one of {', '.join(STATUSES)}")
        return GoldMembership(member, organization, role, labels, status)

    def event(self, obj: dict[str, Any], where: str, agents: set[str]) -> GoldEvent:
        type_ = obj.get("type")
        if type_ not in EVENT_TYPES:
            raise self.fail(where, f"type must be one of {', '.join(EVENT_TYPES)}")
        date_text = self.text(obj, "date", where, required=False)
        try:
            date = dt.date.fromisoformat(date_text) if date_text else None
        except ValueError as exc:
            raise self.fail(where, f"date {date_text!r} is not YYYY-MM-DD") from exc
        participants = frozenset(self.texts(obj, "participants", where))
        organizers = frozenset(self.texts(obj, "organizers", where))
        unknown = (participants | organizers) - agents
        if unknown:
            raise self.fail(where, f"unknown participants or organizers: {sorted(unknown)}")
        return GoldEvent(
            id=self.text(obj, "id", where) or "",
            type=type_,
            date=date,
            place=self.text(obj, "place", where, required=False),
            participants=participants,
            organizers=organizers,
            parent=self.text(obj, "parent", where, required=False),
        )


def read_gold_article(gold: GoldArticle) -> Article:
    """The article beside a gold file, read as ``kg build`` reads it, in the gold's
    language (the evaluation measures the mapper, not the language detector)."""
    for item in read_inputs([str(gold.article_path)], lang=gold.lang):
        if isinstance(item, ReadProblem):
            if item.fatal:
                raise GoldFormatError(f"{item.location}: {item.message}")
            continue
        return item
    raise GoldFormatError(f"{gold.article_path}: no article could be read")


# -- normalization ------------------------------------------------------------------


def norm(text: str) -> str:
    """The matching key of a name: Latin slug, without a leading article."""
    slug = slugify(text, max_length=200)
    return slug[4:] if slug.startswith("the-") else slug


def _compatible_given(pred: list[str], gold: list[str]) -> bool:
    """Every given-name word of the prediction agrees with one of the gold's: the same
    word, or an initial of it (``A. Baimenov`` is ``Alikhan Baimenov``)."""
    return all(
        any(
            p == g or (len(p) == 1 and g.startswith(p)) or (len(g) == 1 and p.startswith(g))
            for g in gold
        )
        for p in pred
    )


def _without(words: list[str], part: list[str]) -> list[str] | None:
    """``words`` less the contiguous run ``part``, or None when it is not there."""
    for i in range(len(words) - len(part) + 1):
        if words[i : i + len(part)] == part:
            return words[:i] + words[i + len(part) :]
    return None


def person_matches(gold: GoldPerson, predicted_name: str) -> int:
    """0: another person; 1: same surname, compatible given names; 2: the same name."""
    pred = norm(predicted_name).split("-")
    surname = norm(gold.surname).split("-")
    best = 0
    for full in (gold.name, *gold.variants):
        words = norm(full).split("-")
        if words == pred:
            return 2
        given, rest = _without(words, surname), _without(pred, surname)
        if given is not None and rest is not None and _compatible_given(rest, given):
            best = 1
    return best


# -- scores -------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }  # fmt: skip


@dataclass
class ArticleResult:
    """The scores of one article and the facts behind every error."""

    gold: Path
    lang: str
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    missed: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    spurious: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    notes: list[str] = field(default_factory=list)  # matched events with another parent/organizer

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": str(self.gold),
            "lang": self.lang,
            "counts": {k: c.as_dict() for k, c in self.counts.items()},
            "missed": self.missed,
            "spurious": self.spurious,
            "notes": self.notes,
        }


def _with_descendants(key: str, events: dict[str, Any], participants: Any) -> frozenset[str]:
    """Who attends an event: its own participants and those of the events within it
    (whoever spoke at the plenary session attended the forum), on both sides alike."""
    found: set[str] = set()
    todo, seen = [key], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        found.update(participants(events[current]))
        todo.extend(k for k, e in events.items() if e.parent == current)
    return frozenset(found)


def _greedy(pairs: Iterable[tuple[int, str, str]]) -> dict[str, str]:
    """One-to-one matching: the best-scored compatible pairs first."""
    matched: dict[str, str] = {}
    used: set[str] = set()
    for _, gold, pred in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if gold not in matched and pred not in used:
            matched[gold] = pred
            used.add(pred)
    return matched


class ArticleScorer:
    """Compares one extraction with one gold article."""

    def __init__(self, gold: GoldArticle, extraction: Extraction, gazetteer: Gazetteer) -> None:
        self.gold = gold
        self.extraction = extraction
        self.entities = extraction.entities
        self.gazetteer = gazetteer
        self.result = ArticleResult(gold.path, gold.lang)
        self.gold_orgs = {o.id: o for o in gold.organizations}
        self.gold_names = {p.id: p.name for p in gold.persons} | {
            o.id: o.name for o in gold.organizations
        }
        # predicted entity key -> gold id (many-to-one, for reading facts)
        self.align: dict[str, str] = {}

    def score(self) -> ArticleResult:
        self._persons()
        self._organizations()
        self._memberships()
        self._events()
        return self.result

    # -- entities ---------------------------------------------------------------------

    def _entity_names(self, entity: Entity) -> set[str]:
        names = {norm(entity.name), *(norm(a) for a in entity.aliases)}
        entry = self._entry(entity.ref)
        if entry is not None:
            names |= self._entry_names(entry)
        return names - {""}

    def _key_names(self, key: str) -> set[str]:
        """Names of a predicted entity, or of the gazetteer entry a key names: a unit's
        parent (``gaz:kz``) need not be mentioned to be its parent."""
        entity = self.entities.get(key)
        if entity is not None:
            return self._entity_names(entity)
        entry = self._entry(key.removeprefix("gaz:"))
        return self._entry_names(entry) if entry else set()

    def _entry(self, ref: str | None) -> GazetteerEntry | None:
        if not ref:
            return None
        return self.gazetteer.entries.get(ref.removeprefix("country:"))

    @staticmethod
    def _entry_names(entry: GazetteerEntry) -> set[str]:
        names = {norm(n) for values in entry.names.values() for n in values}
        return names | {norm(a) for a in entry.acronyms}

    def _gold_org_names(self, org: GoldOrganization) -> set[str]:
        names = {norm(n) for n in (org.name, *org.variants)}
        if org.acronym:
            names.add(norm(org.acronym))
        for entry in self.gazetteer.entries.values():
            if entry.category in ("organization", "country") and names & self._entry_names(entry):
                names |= self._entry_names(entry)
        return names

    def _persons(self) -> None:
        preds = {k: e for k, e in self.entities.items() if e.type is EntityType.PERSON}
        pairs = [
            (score, g.id, key)
            for g in self.gold.persons
            for key, entity in preds.items()
            if (score := person_matches(g, entity.name))
        ]
        self._tally("persons", pairs, {g.id for g in self.gold.persons}, preds)

    def _organizations(self) -> None:
        preds = {k: e for k, e in self.entities.items() if e.type is EntityType.ORGANIZATION}
        names = {k: self._entity_names(e) for k, e in preds.items()}
        gold_names = {o.id: self._gold_org_names(o) for o in self.gold.organizations}
        by_name = {(g, k) for g in gold_names for k in preds if gold_names[g] & names[k]}

        def parents_agree(gold_id: str, key: str) -> bool:
            gold_parent, pred_parent = self.gold_orgs[gold_id].parent, preds[key].parent
            if gold_parent is None or pred_parent is None:
                return True
            return bool(gold_names[gold_parent] & self._key_names(pred_parent))

        pairs = [
            (2 if norm(self.gold_orgs[g].name) in names[k] else 1, g, k)
            for g, k in by_name
            if parents_agree(g, k)
        ]
        scored_gold = {o.id for o in self.gold.organizations if not o.is_state}
        scored_pred = {k: e for k, e in preds.items() if e.kind is not OrgKind.STATE}
        self._tally(
            "organizations",
            [p for p in pairs if p[1] in scored_gold and p[2] in scored_pred],
            scored_gold,
            scored_pred,
        )
        for _score, gold_id, key in sorted(pairs, key=lambda t: -t[0]):
            self.align.setdefault(key, gold_id)

    def _tally(
        self,
        kind: str,
        pairs: list[tuple[int, str, str]],
        gold_ids: set[str],
        preds: dict[str, Entity],
    ) -> None:
        matched = _greedy(pairs)
        for key, gold_id in ((k, g) for g, k in matched.items()):
            self.align[key] = gold_id
        for _score, gold_id, key in sorted(pairs, key=lambda t: -t[0]):
            self.align.setdefault(key, gold_id)
        counts = self.result.counts[kind]
        counts.tp += len(matched)
        counts.fn += len(gold_ids) - len(matched)
        counts.fp += len(preds) - len(matched)
        self.result.missed[kind] += sorted(self.gold_names[g] for g in gold_ids - set(matched))
        used = set(matched.values())
        self.result.spurious[kind] += sorted(e.name for k, e in preds.items() if k not in used)

    # -- facts ------------------------------------------------------------------------

    def _name(self, key: str | None) -> str:
        if key is None:
            return "-"
        entity = self.entities.get(key)
        return entity.name if entity else key

    def _memberships(self) -> None:
        def agrees(gold: GoldMembership, pred: Membership) -> bool:
            role_ok = (gold.role is not None and gold.role == pred.role.key) or norm(
                pred.role.label
            ) in {norm(label) for label in gold.role_labels}
            return (
                role_ok
                and self.align.get(pred.member) == gold.member
                and self.align.get(pred.organization) == gold.organization
                and pred.status.value == gold.status
            )

        golds = dict(enumerate(self.gold.memberships))
        preds = dict(enumerate(self.extraction.memberships))
        pairs = [
            (1, str(g), str(p))
            for g, gm in golds.items()
            for p, pm in preds.items()
            if agrees(gm, pm)
        ]
        matched = _greedy(pairs)
        used = {int(p) for p in matched.values()}
        counts = self.result.counts["memberships"]
        counts.tp += len(matched)
        counts.fn += len(golds) - len(matched)
        counts.fp += len(preds) - len(matched)
        for g, gm in golds.items():
            if str(g) not in matched:
                role = gm.role or "/".join(gm.role_labels)
                self.result.missed["memberships"].append(
                    f"{self.gold_names[gm.member]} — {role} — "
                    f"{self.gold_names[gm.organization]} [{gm.status}]"
                )
        for p, pm in preds.items():
            if p not in used:
                self.result.spurious["memberships"].append(
                    f"{self._name(pm.member)} — {pm.role.key or pm.role.label} ({pm.role.label})"
                    f" — {self._name(pm.organization)} [{pm.status.value}]"
                )

    def _place_names(self, key: str | None) -> set[str]:
        entity = self.entities.get(key or "")
        return self._entity_names(entity) if entity else set()

    def _gold_place_names(self, place: str) -> set[str]:
        names = {norm(place)}
        for entry in self.gazetteer.entries.values():
            if entry.category in ("place", "country") and names & self._entry_names(entry):
                names |= self._entry_names(entry)
        return names

    def _events(self) -> None:
        def agrees(gold: GoldEvent, pred: Event) -> bool:
            if gold.type != pred.type.value or gold.date != pred.date:
                return False
            if (gold.place is None) != (pred.place is None):
                return False
            if gold.place and not self._gold_place_names(gold.place) & self._place_names(
                pred.place
            ):
                return False
            aligned = {self.align.get(p, f"?{p}") for p in pred.participants}
            return aligned == gold.participants and len(aligned) == len(pred.participants)

        golds = {g.id: g for g in self.gold.events}
        preds = {e.key: e for e in self.extraction.events}
        golds = {
            g.id: replace(g, participants=_with_descendants(g.id, golds, lambda e: e.participants))
            for g in golds.values()
        }
        preds = {
            e.key: replace(
                e, participants=tuple(_with_descendants(e.key, preds, lambda x: x.participants))
            )
            for e in preds.values()
        }
        pairs = [(1, g, k) for g, ge in golds.items() for k, pe in preds.items() if agrees(ge, pe)]
        matched = _greedy(pairs)
        counts = self.result.counts["events"]
        counts.tp += len(matched)
        counts.fn += len(golds) - len(matched)
        counts.fp += len(preds) - len(matched)
        used = set(matched.values())
        for gold_id, gold in golds.items():
            if gold_id not in matched:
                who = ", ".join(sorted(self.gold_names[p] for p in gold.participants))
                self.result.missed["events"].append(
                    f"{gold.type} {gold.date or '-'} @ {gold.place or '-'}: {who or '-'}"
                )
        for key, pred in preds.items():
            if key not in used:
                who = ", ".join(sorted(self._name(p) for p in pred.participants))
                place = self._name(pred.place) if pred.place else "-"
                self.result.spurious["events"].append(
                    f"{pred.type.value} {pred.date or '-'} @ {place}: {who or '-'} ({pred.name})"
                )
        self._event_attributes(matched, golds, preds)

    def _event_attributes(
        self, matched: dict[str, str], golds: dict[str, GoldEvent], preds: dict[str, Event]
    ) -> None:
        """Parents and organizers are not part of an event's identity, but a matched
        event with the wrong ones is worth a note for the mapper's engineer."""
        to_gold = {k: g for g, k in matched.items()}
        for gold_id, key in matched.items():
            gold, pred = golds[gold_id], preds[key]
            parent = to_gold.get(pred.parent or "")
            if parent != gold.parent:
                self.result.notes.append(
                    f"event {gold_id}: parent {gold.parent or '-'} expected, found {parent or '-'}"
                )
            organizers = {self.align.get(o, f"?{self._name(o)}") for o in pred.organizers}
            if organizers != gold.organizers:
                self.result.notes.append(
                    f"event {gold_id}: organizers {sorted(gold.organizers)} expected, "
                    f"found {sorted(organizers)}"
                )


# -- running ------------------------------------------------------------------------


@dataclass
class Report:
    """Scores of every article, summed per language and over all of them."""

    articles: list[ArticleResult]

    def counts(self, lang: str | None = None) -> dict[str, Counts]:
        total = {k: Counts() for k in KINDS}
        for result in self.articles:
            if lang is None or result.lang == lang:
                for kind in KINDS:
                    total[kind].add(result.counts[kind])
        return total

    @property
    def languages(self) -> list[str]:
        present = {r.lang for r in self.articles}
        return [lang for lang in LANGUAGES if lang in present]

    def table(self) -> str:
        rows = [f"{'lang':<5} {'articles':>8}  {'kind':<14} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn"]
        for lang in (*self.languages, None):
            n = sum(1 for r in self.articles if lang is None or r.lang == lang)
            for i, (kind, c) in enumerate(self.counts(lang).items()):
                label, size = (lang or "all", str(n)) if i == 0 else ("", "")
                rows.append(
                    f"{label:<5} {size:>8}  {kind:<14} {c.precision:6.3f} {c.recall:6.3f} "
                    f"{c.f1:6.3f}  {c.tp}/{c.fp}/{c.fn}"
                )
        return "\n".join(rows)

    def errors(self) -> str:
        lines: list[str] = []
        for result in self.articles:
            body = [
                f"  {sign} {kind[:-1]}: {fact}"
                for kind in KINDS
                for sign, facts in (("-", result.missed[kind]), ("+", result.spurious[kind]))
                for fact in facts
            ] + [f"  ~ {note}" for note in result.notes]
            if body:
                lines.append(f"{result.gold} ({result.lang})")
                lines.extend(body)
        legend = "(- missed: in the gold, not extracted; + spurious: extracted, not in the gold;"
        legend += " ~ matched event with another parent or organizers)"
        return "\n".join([legend, *lines]) if lines else "no errors"

    def as_dict(self) -> dict[str, Any]:
        return {
            "languages": {
                lang: {k: c.as_dict() for k, c in self.counts(lang).items()}
                for lang in self.languages
            },
            "total": {k: c.as_dict() for k, c in self.counts().items()},
            "articles": [r.as_dict() for r in self.articles],
        }


def score_article(
    gold: GoldArticle, extraction: Extraction, gazetteer: Gazetteer | None = None
) -> ArticleResult:
    """Score one extraction against its gold article."""
    return ArticleScorer(gold, extraction, gazetteer or Gazetteer.default()).score()


def evaluate(root: Path, languages: Sequence[str] = LANGUAGES) -> Report:
    """Run the mapper of each gold article's language on its article and score it."""
    gazetteer = Gazetteer.default()
    results = []
    for path in find_gold_files(root):
        gold = load_gold(path)
        if gold.lang not in languages:
            continue
        extraction = get_mapper(gold.lang).extract(read_gold_article(gold))
        results.append(score_article(gold, extraction, gazetteer))
    return Report(results)
