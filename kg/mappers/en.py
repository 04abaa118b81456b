"""English mapper: plain rules over tokens, the gazetteers and a small lexicon.

English news about intergovernmental cooperation is formulaic: posts stand before a
name (``Chairman of the Steering Committee of the Astana Civil Service Hub Alikhan
Baimenov``) or after it in apposition (``Pan Suk Kim, former Minister of ...``), events
are reported with a handful of verbs (met, signed, attended, visited) and nested with a
handful of prepositions (on the sidelines of, within the framework of).  Rules read these
patterns fast enough (well over 100 articles a second) and every fact they produce can
be traced to the pattern that made it.

Each sentence is annotated in stages, every stage claiming tokens as *items*
(organization, country, place, unit, role, event, person); later stages only look at
unclaimed tokens.  Facts are then read off the item sequence.  Cue words live in
``kg/gazetteers/lexicon_en.json`` so that they can be extended without touching code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from importlib import resources

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lang.en import canonical_name
from kg.mappers.base import ExtractionBuilder
from kg.model import Article, EntityType, EventType, Extraction, OrgKind, PostStatus, Role, Span
from kg.readers.dates import find_dates_in_text
from kg.text import Token, split_sentences, tokenize

LANG = "en"
_LEX = json.loads(
    resources.files("kg.gazetteers").joinpath("lexicon_en.json").read_text(encoding="utf-8")
)
HONORIFICS = frozenset(_LEX["honorifics"])
HONORIFIC_LEAD = frozenset(_LEX["honorific_lead"])
STATUS_WORDS = {
    phrase: PostStatus(status) for status, words in _LEX["status"].items() for phrase in words
}
APPOINTMENT_CUES = tuple(_LEX["appointment_cues"])
ROLE_MODIFIERS = frozenset(_LEX["role_modifiers"])
ORG_HEADS = frozenset(_LEX["org_heads"])
UNIT_HEADS = frozenset(_LEX["unit_heads"])
GOVERNMENT_HEADS = frozenset(_LEX["government_heads"])
EVENT_HEADS = frozenset(_LEX["event_heads"])
EVENT_PARTS = frozenset(_LEX["event_parts"])
EVENT_OBJECT_VERBS = frozenset(_LEX["event_object_verbs"])
EVENT_VERBS = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX["event_verbs"])) + r")\b")
PARENT_PREPS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _LEX["parent_preps"])) + r")(?: the)?\s*$"
)
APPOINTED = re.compile(r"\b(?:appointed|elected|named)(?: as)?(?: an?| the)?\s*$")
FUTURE = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX["future_cues"])) + r")\b")
AT_PREP = re.compile(r"\bat(?: the)?\s*$")
ORGANIZER_CUES = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX["organizer_cues"])) + r")\b")
HOST_VERBS = frozenset(
    {"hosted", "organized", "organised", "convened", "co-organized", "held", "holds", "hosts"}
)
COORDINATION = re.compile(r"(?:\s|,|\(|\)|\band\b|\bthe\b)*")
MEETING = re.compile("|".join(_LEX["meeting_patterns"]))
SIGNING = re.compile(_LEX["signing_pattern"])
PASSIVE_SIGNING = re.compile(_LEX["passive_signing_pattern"])
PASSIVE_POSTS: dict[str, list[str]] = _LEX["passive_posts"]
VISIT = re.compile("|".join(_LEX["visit_patterns"]))
PERSON_VERBS = frozenset(_LEX["person_verbs"])
PERSON_PREPS = frozenset(_LEX["person_preps"])
NAME_PARTICLES = frozenset(_LEX["name_particles"])
STOP_CAPS = frozenset(_LEX["stop_caps"])
NON_NAME = frozenset(_LEX["non_name_words"]) | ORG_HEADS | EVENT_HEADS
DEMONYMS: dict[str, str] = _LEX["demonyms"]
STATE_ROLES = frozenset(_LEX["state_roles"])
GOVERNMENT_ROLES = frozenset(_LEX["government_roles"])
# "Foreign Minister" names its ministry only through the role's own words.
MINISTRY_SUBJECTS = {"foreign minister": "Foreign Affairs"}
MINISTER_ROLES = frozenset({"minister", "deputy-minister", "minister-foreign-affairs"})
# Words between a name and a post that still make the name the post's holder.
LINK_WORDS = frozenset(
    {"the", "a", ",", "as", "is", "was", "serves", "served", "appointed", "elected",
     "named", "has", "been", "who", "now", "currently"}
)  # fmt: skip
ENTITY_KINDS = ("org", "unit", "country")


@dataclass
class _Item:
    """A run of tokens ``[start, end)`` claimed by one annotation."""

    kind: str  # org | country | place | unit | role | event | person
    start: int
    end: int
    key: str | None = None
    name: str = ""
    role_key: str | None = None
    status: PostStatus = PostStatus.CURRENT
    target: str | None = None  # roles: the organization a rule already found
    entry: GazetteerEntry | None = None


@dataclass
class _Sentence:
    span: Span
    text: str
    tokens: list[Token]
    items: list[_Item] = field(default_factory=list)
    owner: list[_Item | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.owner = [None] * len(self.tokens)
        self.lower = [t.text.lower() for t in self.tokens]
        self.ltext = self.text.lower()

    def free(self, start: int, end: int) -> bool:
        return (
            start >= 0
            and end <= len(self.tokens)
            and all(self.owner[i] is None for i in range(start, end))
        )

    def add(self, item: _Item) -> _Item:
        for i in range(item.start, item.end):
            self.owner[i] = item
        self.items.append(item)
        return item

    def remove(self, item: _Item) -> None:
        for i in range(item.start, item.end):
            self.owner[i] = None
        self.items.remove(item)

    def ordered(self) -> list[_Item]:
        return sorted(self.items, key=lambda it: it.start)

    def item_at(self, i: int) -> _Item | None:
        return self.owner[i] if 0 <= i < len(self.tokens) else None

    def word(self, i: int) -> str:
        return self.lower[i] if 0 <= i < len(self.tokens) else ""

    def is_cap(self, i: int) -> bool:
        return (
            0 <= i < len(self.tokens) and self.tokens[i].is_word and self.tokens[i].is_capitalized
        )

    def before(self, i: int) -> str:
        """Lower-cased sentence text before token ``i``."""
        return self.ltext[: self.tokens[i].start - self.span.start]


@dataclass
class _State:
    """What the article has established so far (for short and surname references)."""

    builder: ExtractionBuilder
    acronyms: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    orgs_seen: list[str] = field(default_factory=list)
    events: dict[str, str] = field(default_factory=dict)  # lower-cased name -> key
    mention_counts: dict[str, int] = field(default_factory=dict)


def _bare(word: str) -> str:
    """``Hub's`` → ``Hub``: possessives must not hide a name from the gazetteer."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _norm_head(word: str) -> str:
    return word.lower().replace("isation", "ization")


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


def _trailing_name(sent: _Sentence, end: int) -> int:
    """How many words before ``end`` are a person's name rather than the end of an
    organization's: ``Rector of the Academy Aigerim Nurlanova presented`` (two or three
    words that are neither name-building nor head words, then a verb or a comma)."""
    if sent.word(end) not in (",", ".", "") and sent.word(end) not in PERSON_VERBS:
        return 0
    for size in (3, 2):
        words = sent.lower[end - size : end]
        if (
            end - size > 0
            and all(
                sent.is_cap(i) and sent.lower[i] not in NON_NAME for i in range(end - size, end)
            )
            and sent.is_cap(end - size - 1)
            and sent.lower[end - size - 1] in NON_NAME
            and words
        ):
            return size
    return 0


class EnglishMapper:
    """Rule-based mapper for English articles (see the module docstring)."""

    name = "kg-en-rules"
    version = "0.1.0"
    languages = ("en",)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()
        self.role_names = {
            e.id: {n.lower() for n in e.names.get(LANG, ())}
            for e in self.gazetteer.entries.values()
            if e.category == "role"
        }
        # "agency for civil service affairs" -> ids of organizations named it + "of ..."
        self.org_stems: dict[str, set[str]] = {}
        for entry in self.gazetteer.entries.values():
            for name in entry.names.get(LANG, ()) if entry.category == "organization" else ():
                stem, sep, _ = name.lower().rpartition(" of ")
                if sep:
                    self.org_stems.setdefault(stem, set()).add(entry.id)

    # -- driver ---------------------------------------------------------------------

    def extract(self, article: Article) -> Extraction:
        builder = ExtractionBuilder(article, self.name, self.version)
        state = _State(builder)
        text = article.text
        for span in split_sentences(text):
            sent = _Sentence(span, text[span.start : span.end], tokenize(text, span))
            self._mark_gazetteer(state, sent)
            self._mark_ministries(state, sent)
            self._mark_events(state, sent)
            self._mark_orgs(state, sent)
            self._resolve_units(state, sent)
            self._mark_persons(state, sent)
            self._memberships(state, sent)
            self._events(state, sent)
        self._inherit_dates(builder)
        return builder.build()

    @staticmethod
    def _inherit_dates(builder: ExtractionBuilder) -> None:
        """An event whose sentence gives no date happened when its parent did (``on the
        sidelines of the forum``), else when the event reported before it did (news tell
        a day's events in order); its place follows the same way when it has none."""
        events = builder.extraction.events
        by_key = {e.key: e for e in events}
        previous = None
        for event in list(events):
            source = by_key.get(event.parent or "") or previous
            if event.date_from_article and source is not None and not source.date_from_article:
                changes: dict[str, object] = {"date": source.date, "date_from_article": False}
                if event.place is None and source.place is not None:
                    changes["place"] = source.place
                builder.update_event(event.key, **changes)
                event = next(e for e in builder.extraction.events if e.key == event.key)
                by_key[event.key] = event
            if not event.date_from_article:
                previous = event

    def _mention(self, state: _State, sent: _Sentence, key: str, start: int, end: int) -> None:
        state.builder.mention(key, sent.tokens[start:end], sent.span)
        entity = state.builder.extraction.entities[key]
        if entity.type is EntityType.ORGANIZATION and entity.kind is not OrgKind.STATE:
            state.mention_counts[key] = state.mention_counts.get(key, 0) + 1
            if key in state.orgs_seen:
                state.orgs_seen.remove(key)
            state.orgs_seen.append(key)

    # -- stage 1: gazetteer ---------------------------------------------------------

    def _mark_gazetteer(self, state: _State, sent: _Sentence) -> None:
        bare = [Token(_bare(t.text), t.start, t.end) for t in sent.tokens]
        for m in self.gazetteer.match(bare, LANG):
            entry = m.entry
            if entry.category != "role" and not sent.is_cap(m.start):
                continue  # "civil service agencies" is not the Civil Service Agency
            if entry.category == "role":
                self._add_role(sent, entry, m.start, m.end)
            elif entry.category == "unit":
                sent.add(_Item("unit", m.start, m.end, entry=entry))
            else:
                kind = {"organization": "org", "country": "country", "place": "place"}
                key = state.builder.gazetteer_entity(entry)
                sent.add(_Item(kind[entry.category], m.start, m.end, key=key, entry=entry))
                self._mention(state, sent, key, m.start, m.end)
        for i, word in enumerate(sent.lower):
            country = DEMONYMS.get(word)
            if country and sent.free(i, i + 1) and sent.is_cap(i):
                entry = self.gazetteer.entries.get(country)
                if entry is not None:
                    key = state.builder.gazetteer_entity(entry)
                    sent.add(_Item("country", i, i + 1, key=key, entry=entry))
                    state.builder.mention(key, sent.tokens[i : i + 1], sent.span, 0.6)

    def _add_role(self, sent: _Sentence, entry: GazetteerEntry, start: int, end: int) -> None:
        """A post, widened to its modifiers (``First Deputy``) and status (``former``)."""
        if " ".join(sent.lower[start:end]) not in self.role_names[entry.id]:
            return  # "chaired", "heads": the stem matched, the word is not the post
        while sent.word(start - 1) in ROLE_MODIFIERS and sent.free(start - 1, start):
            start -= 1
        label = " ".join(sent.lower[start:end])
        role_key = self._role_key(label, entry.id)
        status, first = PostStatus.CURRENT, start
        for size in (2, 1):
            phrase = " ".join(sent.lower[max(0, start - size) : start])
            if start - size >= 0 and phrase in STATUS_WORDS:
                status, first = STATUS_WORDS[phrase], start - size
                break
        if any(cue in sent.before(start)[-40:] for cue in APPOINTMENT_CUES):
            status = PostStatus.NEWLY_APPOINTED
        sent.add(_Item("role", first, end, name=label, role_key=role_key, status=status))

    def _role_key(self, label: str, matched: str) -> str | None:
        """``deputy chairperson`` is a deputy chair, not a chair: modifiers change the key."""
        for key, names in self.role_names.items():
            if label in names:
                return key
        if label.split()[0] in ("deputy", "vice"):
            return f"deputy-{matched}" if f"deputy-{matched}" in self.role_names else None
        return matched

    # -- stage 2: ministries named through a minister's post ------------------------

    def _mark_ministries(self, state: _State, sent: _Sentence) -> None:
        """``Minister of Personnel Management of the Republic of Korea`` names the
        ministry, though the text never writes "Ministry"."""
        for role in [it for it in sent.ordered() if it.kind == "role"]:
            if role.role_key not in MINISTER_ROLES:
                continue
            subject, end = self._ministry_subject(sent, role)
            if not subject:
                continue
            country = self._country_near(sent, role.start - 1, end)
            role.target = self._ministry(state, f"Ministry of {subject}", country)
            if end > role.end:
                sent.add(_Item("org", role.end + 1, end, key=role.target))
                self._mention(state, sent, role.target, role.end + 1, end)
            else:  # "Foreign Minister": the post's words are the ministry's only mention
                self._mention(state, sent, role.target, role.start, role.end)

    def _ministry_subject(self, sent: _Sentence, role: _Item) -> tuple[str, int]:
        inline = re.match(r".*minister of (.+)$", role.name)
        if inline:
            return inline.group(1).title(), role.end
        if role.name in MINISTRY_SUBJECTS:
            return MINISTRY_SUBJECTS[role.name], role.end
        i = role.end
        if sent.word(i) != "of" or not (sent.is_cap(i + 1) and sent.free(i + 1, i + 2)):
            return "", role.end
        j = i + 1
        while (sent.is_cap(j) and sent.free(j, j + 1)) or (
            sent.word(j) == "and" and sent.is_cap(j + 1) and sent.free(j + 1, j + 2)
        ):
            j += 1
        j -= _trailing_name(sent, j)
        words = [t.text for t in sent.tokens[i + 1 : j]]
        return " ".join(words), j

    @staticmethod
    def _country_near(sent: _Sentence, left: int, right: int) -> _Item | None:
        """The country of a post: ``Kazakh Minister`` or ``... of the Republic of Korea``."""
        item = sent.item_at(left)
        if item is not None and item.kind == "country":
            return item
        i = right
        if sent.word(i) == "of":
            i += 2 if sent.word(i + 1) == "the" else 1
            item = sent.item_at(i)
            if item is not None and item.kind == "country":
                return item
        return None

    def _ministry(self, state: _State, name: str, country: _Item | None) -> str:
        country_id = country.entry.id if country and country.entry else None
        candidates = [name]
        if country and country.entry:
            candidates.insert(0, f"{name} of {country.entry.label(LANG)}")
        for candidate in candidates:
            tokens = tokenize(candidate)
            for m in self.gazetteer.match(tokens, LANG, ("organization",)):
                if (m.start, m.end) == (0, len(tokens)) and m.entry.parent in (None, country_id):
                    return state.builder.gazetteer_entity(m.entry)
        full = f"{name} of {country.entry.label(LANG)}" if country and country.entry else name
        parent = country.key if country else None
        return state.builder.entity(
            EntityType.ORGANIZATION, full, kind=OrgKind.GOVERNMENT_BODY, parent=parent
        )

    # -- stage 3: named events ------------------------------------------------------

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
            start = self._common_event_start(sent, i)
            if start is not None:
                end = self._owner_extent(sent, i + 1)
                self._claim_event(sent, start, end)
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

    # -- stage 4: organizations outside the gazetteer -------------------------------

    def _mark_orgs(self, state: _State, sent: _Sentence) -> None:
        for i in range(len(sent.tokens)):
            if sent.lower[i] in ORG_HEADS and sent.is_cap(i) and sent.free(i, i + 1):
                self._org_phrase(state, sent, i)
        for i, token in enumerate(sent.tokens):
            key = state.acronyms.get(_bare(token.text))
            if key and sent.free(i, i + 1):
                sent.add(_Item("org", i, i + 1, key=key))
                self._mention(state, sent, key, i, i + 1)
        self._acronym_definitions(state, sent)

    def _org_phrase(self, state: _State, sent: _Sentence, head: int) -> None:
        start = head
        while (
            sent.is_cap(start - 1)
            and sent.free(start - 1, start)
            and sent.lower[start - 1] not in STOP_CAPS
        ):
            start -= 1
        end = head + 1
        while True:
            j = end + 1 if sent.word(end) in ("of", "for", "on", "and") else end
            if j > end and sent.word(j) == "the":
                j += 1
            if not (sent.is_cap(j) and sent.free(j, j + 1)):
                break
            if sent.word(end) == "and" and sent.word(j) in NON_NAME - ORG_HEADS:
                break
            while sent.is_cap(j) and sent.free(j, j + 1):
                j += 1
            cut = j - _trailing_name(sent, j)
            if cut <= end:
                break
            end = cut
        words = [_bare(t.text) for t in sent.tokens[start:end]]
        if len(words) == 1:
            self._short_org_reference(state, sent, head)
            return
        left = sent.item_at(start - 1)
        left = left if left is not None and left.kind in ("org", "unit") and left.key else None
        parent_item = self._of_item(sent, end) or self._country_near(sent, start - 1, end) or left
        head_word = sent.lower[head]
        parent = parent_item.key if parent_item else None
        name = " ".join(words)
        if head_word in GOVERNMENT_HEADS or (parent_item and parent_item.kind == "country"):
            kind = OrgKind.GOVERNMENT_BODY
            if parent_item and parent_item.kind == "country" and parent_item.entry:
                name = f"{name} of {parent_item.entry.label(LANG)}"
        elif head_word in UNIT_HEADS and parent:
            kind = OrgKind.UNIT
        else:
            kind, parent = OrgKind.OTHER, None
        known = self._known_by_prefix(name) if parent_item is None else None
        if known is not None:
            key = state.builder.gazetteer_entity(known)
            state.builder.alias(key, name)
        else:
            key = state.builder.entity(EntityType.ORGANIZATION, name, kind=kind, parent=parent)
        sent.add(_Item("org", start, end, key=key))
        self._mention(state, sent, key, start, end)

    def _known_by_prefix(self, name: str) -> GazetteerEntry | None:
        """The one gazetteer organization whose English name is ``name`` followed by its
        country (``Agency for Civil Service Affairs`` → ``... of Kazakhstan``)."""
        found = self.org_stems.get(name.lower(), set())
        return self.gazetteer.entries[next(iter(found))] if len(found) == 1 else None

    def _short_org_reference(self, state: _State, sent: _Sentence, head: int) -> None:
        """``the Organisation``, ``the Ministry``: the last organization so named."""
        if sent.word(head - 1) != "the":
            return
        wanted = _norm_head(_bare(sent.tokens[head].text))
        entities = state.builder.extraction.entities
        for key in reversed(state.orgs_seen):
            if wanted in _norm_head(entities[key].name).split():
                sent.add(_Item("org", head, head + 1, key=key))
                self._mention(state, sent, key, head, head + 1)
                state.builder.alias(key, f"the {sent.tokens[head].text}")
                return

    @staticmethod
    def _of_item(sent: _Sentence, i: int) -> _Item | None:
        """The organization in ``of [the] X`` at token ``i``."""
        if sent.word(i) != "of":
            return None
        i += 2 if sent.word(i + 1) == "the" else 1
        item = sent.item_at(i)
        return item if item is not None and item.kind in ENTITY_KINDS and item.key else None

    def _acronym_definitions(self, state: _State, sent: _Sentence) -> None:
        """``the Eastern Regional Organization for Public Administration (EROPA)``."""
        for i in range(1, len(sent.tokens) - 2):
            acronym = sent.tokens[i + 1].text
            if sent.tokens[i].text != "(" or sent.tokens[i + 2].text != ")":
                continue
            if not (len(acronym) >= 2 and acronym.isupper() and acronym.isalpha()):
                continue
            item = sent.item_at(i - 1)
            if item is None or item.kind not in ENTITY_KINDS or not item.key:
                continue
            state.acronyms[acronym] = item.key
            state.builder.alias(item.key, acronym)
            if sent.free(i + 1, i + 2):
                sent.add(_Item("org", i + 1, i + 2, key=item.key))
                self._mention(state, sent, item.key, i + 1, i + 2)

    # -- stage 5: organizational units ----------------------------------------------

    def _resolve_units(self, state: _State, sent: _Sentence) -> None:
        units = [it for it in sent.ordered() if it.kind == "unit"]
        for unit in reversed(units):  # right to left: a unit's parent may be a unit
            parent, confidence = self._unit_parent(state, sent, unit)
            assert unit.entry is not None
            unit.key = state.builder.entity(
                EntityType.ORGANIZATION,
                unit.entry.label(LANG),
                kind=OrgKind.UNIT,
                parent=parent,
                confidence=confidence,
            )
            self._mention(state, sent, unit.key, unit.start, unit.end)

    def _unit_parent(self, state: _State, sent: _Sentence, unit: _Item) -> tuple[str | None, float]:
        after = self._of_item(sent, unit.end)
        if after is not None:
            return after.key, 0.75
        before = sent.item_at(unit.start - 1)
        if before is not None and before.kind in ENTITY_KINDS and before.key:
            return before.key, 0.75  # "the Hub's Steering Committee", "the OECD Secretariat"
        # "its Steering Committee": the same unit named before, else the article's focus
        assert unit.entry is not None
        label = unit.entry.label(LANG)
        for entity in state.builder.extraction.entities.values():
            if entity.kind is OrgKind.UNIT and entity.name == label and entity.parent:
                return entity.parent, 0.6
        return self._focus(state), 0.5

    # -- stage 6: persons -----------------------------------------------------------

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

    # -- stage 7: memberships -------------------------------------------------------

    def _memberships(self, state: _State, sent: _Sentence) -> None:
        items = sent.ordered()
        roles = [it for it in items if it.kind == "role"]
        groups: list[list[tuple[_Item, str | None, int]]] = []
        for role in roles:
            target, end = self._role_target(state, sent, role)
            if groups and self._continues(sent, groups[-1][-1][2], role):
                groups[-1].append((role, target, end))
            else:
                groups.append([(role, target, end)])
        self._passive_posts(state, sent)
        for group in groups:
            member, status = self._holder(sent, group[0][0].start, group[-1][2])
            if member is None:
                continue
            for role, target, _end in group:
                if target is None and role.role_key not in STATE_ROLES:
                    target = self._nearest_org(sent, role) or self._focus(state)
                if target is None and role.role_key in GOVERNMENT_ROLES:
                    target = self._government(state)
                if target is None:
                    continue
                final = role.status if role.status is not PostStatus.CURRENT else status
                state.builder.membership(
                    member,
                    target,
                    Role(label=role.name, lang=LANG, key=role.role_key),
                    sent.span,
                    status=final,
                    confidence=0.75,
                )

    @staticmethod
    def _nearest_org(sent: _Sentence, role: _Item) -> str | None:
        """``visited the Academy, where Rector Aigerim Nurlanova ...``: the organization
        named last before a post in its sentence."""
        before = [
            it for it in sent.ordered()
            if it.end <= role.start and it.kind in ("org", "unit") and it.key
        ]  # fmt: skip
        return before[-1].key if before else None

    @staticmethod
    def _focus(state: _State) -> str | None:
        """The organization an article is about (most mentioned, latest on a tie): the
        one a post without an organization nearby belongs to (``the outgoing Chairman``)."""
        counts = state.mention_counts
        return max(reversed(state.orgs_seen), key=lambda k: counts.get(k, 0), default=None)

    @staticmethod
    def _government(state: _State) -> str | None:
        """``Deputy Prime Minister Serik Zhumangarin`` with no organization named: a
        member of the government the article has named (``the Government of
        Kazakhstan signed ...``), the latest one when several."""
        entities = state.builder.extraction.entities
        return next(
            (k for k in reversed(state.orgs_seen) if entities[k].name.startswith("Government")),
            None,
        )

    @staticmethod
    def _passive_posts(state: _State, sent: _Sentence) -> None:
        """``Its Steering Committee is chaired by Alikhan Baimenov``."""
        for i, word in enumerate(sent.lower):
            post = PASSIVE_POSTS.get(f"{sent.word(i - 1)} {word}")
            person = sent.item_at(i + 1)
            if post is None or person is None or person.kind != "person":
                continue
            j = i - 2
            while sent.word(j) in ("is", "was", "are", "has", "been", "currently", "now"):
                j -= 1
            org = sent.item_at(j)
            known = {(m.member, m.organization) for m in state.builder.extraction.memberships}
            if org is not None and org.kind in ENTITY_KINDS and org.key and person.key:
                if (person.key, org.key) in known:
                    continue
                role = Role(label=post[0], lang=LANG, key=post[1])
                state.builder.membership(person.key, org.key, role, sent.span, confidence=0.65)

    def _role_target(self, state: _State, sent: _Sentence, role: _Item) -> tuple[str | None, int]:
        """The organization of a post and the token after the post's phrase."""
        end = role.end
        chain: list[_Item] = []
        while True:
            nxt = self._of_item(sent, end)
            if nxt is None and sent.word(end) in ("at", "to", "in"):
                item = sent.item_at(end + (2 if sent.word(end + 1) == "the" else 1))
                # "Resident Representative in Kazakhstan": where the post is, not whose
                posting = sent.word(end) == "in" and item is not None and item.kind == "country"
                if posting and item is not None:
                    end = item.end  # the holder's name follows the posting
                    break
                nxt = (
                    item if item is not None and item.kind in ENTITY_KINDS and not posting else None
                )
            if nxt is None:
                item = sent.item_at(end)
                nxt = item if item is not None and item.kind in ENTITY_KINDS else None
                if nxt is None:
                    break
            chain.append(nxt)
            end = nxt.end
        if role.target:
            return role.target, end
        if chain:
            return self._most_specific(state, chain), end
        before = sent.item_at(role.start - 1)
        if before is not None and before.kind in ENTITY_KINDS:
            return before.key, end
        return None, end

    @staticmethod
    def _most_specific(state: _State, chain: list[_Item]) -> str | None:
        """``Director of the OECD Public Sector Reform Division``: the division, the
        organization no other one in the chain is a unit of."""
        entities = state.builder.extraction.entities
        parents = {entities[it.key].parent for it in chain if it.key in entities}
        return next((it.key for it in chain if it.key not in parents), chain[0].key)

    @staticmethod
    def _continues(sent: _Sentence, end: int, role: _Item) -> bool:
        """Stacked posts: ``Under-Secretary-General of the UN and Chairman of ...``."""
        gap = [w for w in sent.lower[end : role.start] if w not in ("the", ",")]
        return gap == ["and"] or (not gap and role.start - end <= 2)

    @staticmethod
    def _holder(sent: _Sentence, start: int, end: int) -> tuple[str | None, PostStatus]:
        """The person a post belongs to: before it in apposition (``Darkhan Zhumabekov,
        Chairman of ..., Almaz Osmonov, Director of ...``), right after it, or the
        sentence's subject when the post follows ``was appointed``."""
        before = sent.item_at(start - 2) if sent.word(start - 1) == "," else None
        if before is not None and before.kind == "person":
            return before.key, PostStatus.CURRENT
        j = end + 1 if sent.word(end) == "," else end
        item = sent.item_at(j)
        if item is not None and item.kind == "person":
            return item.key, PostStatus.CURRENT
        gap: list[str] = []
        i = start - 1
        while i >= 0 and len(gap) < 6 and sent.word(i) in LINK_WORDS:
            gap.append(sent.word(i))
            i -= 1
        item = sent.item_at(i)
        if APPOINTED.search(sent.before(start)):
            subject = next((it for it in sent.ordered() if it.kind == "person"), None)
            if subject is not None and subject.start < start:
                return subject.key, PostStatus.NEWLY_APPOINTED
        if item is None or item.kind != "person" or (not gap and start - i > 1):
            return None, PostStatus.CURRENT
        if any(w in ("appointed", "elected", "named") for w in gap):
            return item.key, PostStatus.NEWLY_APPOINTED
        if "served" in gap:
            return item.key, PostStatus.FORMER
        return item.key, PostStatus.CURRENT

    # -- stage 8: events ------------------------------------------------------------

    def _events(self, state: _State, sent: _Sentence) -> None:
        items = sent.ordered()
        named = [it for it in items if it.kind == "event"]
        triggered = any(p.search(sent.ltext) for p in (SIGNING, PASSIVE_SIGNING, MEETING, VISIT))
        if not (named or triggered):
            return
        if FUTURE.search(sent.ltext) and self._date(sent) is None:
            return  # "the next Assembly will be held in Manila": announced, not dated
        persons = list(dict.fromkeys(it.key for it in items if it.kind == "person" and it.key))
        orgs = list(dict.fromkeys(it.key for it in items if it.kind in ("org", "unit") and it.key))
        date = self._date(sent)
        place = self._place(state, sent)
        organizers = self._organizers(sent)
        main = self._main_event(state, sent, persons, orgs, date, place)
        parent_item = next((it for it in named if self._is_parent(sent, it, main)), None)
        parent = (
            self._named_event(state, sent, parent_item, (), (), None, None) if parent_item else None
        )
        busy = bool(EVENT_VERBS.search(sent.ltext)) or main is not None or parent is not None
        for item in named:
            if item is parent_item or not (busy or item.key):
                continue
            people = tuple(persons) if main is None else ()
            if main is None and not people:
                people = tuple(o for o in orgs if o not in organizers)
            key = self._named_event(state, sent, item, people, tuple(organizers), date, place)
            if parent and key != parent:
                state.builder.update_event(key, parent=parent)
        if main and parent:
            state.builder.update_event(main, parent=parent)

    def _main_event(
        self,
        state: _State,
        sent: _Sentence,
        persons: list[str],
        orgs: list[str],
        date: dt.date | None,
        place: str | None,
    ) -> str | None:
        """A meeting, signing or visit the sentence reports (not a named gathering)."""
        builder = state.builder
        signing = SIGNING.search(sent.ltext) or PASSIVE_SIGNING.search(sent.ltext)
        if signing:
            return self._signing(state, sent, signing, tuple(persons) + tuple(orgs), date, place)
        if MEETING.search(sent.ltext) and persons:
            names = [builder.extraction.entities[p].name for p in persons]
            participants = tuple(persons) if len(persons) > 1 else tuple(persons) + tuple(orgs[:1])
            return builder.event(
                EventType.MEETING, "Meeting of " + " and ".join(names), sent.span,
                date=date, place=place, participants=participants, confidence=0.65,
            )  # fmt: skip
        visit = VISIT.search(sent.ltext)
        return self._visit(state, sent, visit, date, place) if visit else None

    def _signing(
        self,
        state: _State,
        sent: _Sentence,
        match: re.Match[str],
        parties: tuple[str, ...],
        date: dt.date | None,
        place: str | None,
    ) -> str:
        """One signing per document kind per article: the title and the body (and a
        later "the document was signed by ...") report the same ceremony."""
        document = self._document(sent, match)
        head = document.split()[0]
        slot = next((k for k in state.events if k.startswith("signing:")), None)
        key = state.events.get(f"signing:{head}") or (
            state.events[slot] if head == "document" and slot else None
        )
        name = f"Signing of the {document}"
        if key is None:
            key = state.builder.event(
                EventType.SIGNING, name, sent.span,
                date=date, place=place, participants=parties, confidence=0.7,
            )  # fmt: skip
            state.events[f"signing:{head}"] = key
            return key
        self._merge(state, key, parties, (), date, place)
        event = next(e for e in state.builder.extraction.events if e.key == key)
        if len(name) > len(event.name) and head != "document":
            state.builder.update_event(key, name=name)
        return key

    def _visit(
        self,
        state: _State,
        sent: _Sentence,
        visit: re.Match[str],
        date: dt.date | None,
        place: str | None,
    ) -> str | None:
        """Guests stand before the verb, the visited place or body after it.  A headline
        visit without a named guest (``Korean delegation visits the Academy``) announces
        the one the body reports with its guests, so it is left to the body."""
        entities = state.builder.extraction.entities
        guests: list[str] = []
        hosts: list[str] = []
        for item in sent.ordered():
            offset = sent.tokens[item.start].start - sent.span.start
            if not item.key or item.kind not in ("person", *ENTITY_KINDS):
                continue
            if offset < visit.start() and sent.lower[item.start] in DEMONYMS:
                continue  # "the Korean delegation": where the guests come from, not who
            (guests if offset < visit.start() else hosts).append(item.key)
        people = [g for g in guests if entities[g].type is EntityType.PERSON]
        guests = people or guests[-1:]
        target = self._visit_target(sent, visit.end())
        visited = entities.get(target or "")
        is_place = visited is not None and (
            visited.type is EntityType.PLACE or visited.kind is OrgKind.STATE
        )
        headline = sent.span.start < len(state.builder.article.title)
        if not guests and (visited is None or headline):
            return None
        where = f" to {visited.name}" if visited else ""
        who = f" of {entities[guests[0]].name}" if guests else ""
        if guests and entities[guests[0]].kind is OrgKind.STATE and "delegation" in sent.ltext:
            who += " delegation"
        hosts = [h for h in hosts if h != target or not is_place]
        return state.builder.event(
            EventType.VISIT, f"Visit{who}{where}", sent.span, date=date,
            place=target if is_place else place, participants=(*guests, *hosts), confidence=0.6,
        )  # fmt: skip

    @staticmethod
    def _document(sent: _Sentence, match: re.Match[str]) -> str:
        rest = sent.text[match.start(1) :]
        phrase = re.match(
            r"(?i)(memorandum of understanding|memorandum of cooperation|[\w -]+?)"
            r"(?= between| with| on | in | was| were| has| have| by|[,.;]|$)",
            rest,
        )
        return (phrase.group(1) if phrase else match.group(1)).strip().lower()

    @staticmethod
    def _visit_target(sent: _Sentence, char_end: int) -> str | None:
        for item in sent.ordered():
            if sent.tokens[item.start].start - sent.span.start >= char_end and item.kind in (
                "place", "country", "org", "unit",
            ):  # fmt: skip
                return item.key
        return None

    def _named_event(
        self,
        state: _State,
        sent: _Sentence,
        item: _Item,
        participants: tuple[str, ...],
        organizers: tuple[str, ...],
        date: dt.date | None,
        place: str | None,
    ) -> str:
        """Create a named gathering once per article, or add what this sentence adds."""
        builder = state.builder
        key = item.key or self._known_event(state, item.name)
        if key is None:
            head = item.name.split()[-1].lower()
            etype = EventType.MEETING if head in ("meeting", "talks") else EventType.CONFERENCE
            if item.target and not organizers and item.target not in participants:
                organizers = (item.target,)
            key = builder.event(
                etype, item.name, sent.span, date=date, place=place,
                participants=participants, organizers=organizers, confidence=0.7,
            )  # fmt: skip
            state.events[item.name.lower()] = key
            item.key = key
            return key
        self._merge(state, key, participants, organizers, date, place)
        return key

    @staticmethod
    def _merge(
        state: _State,
        key: str,
        participants: tuple[str, ...],
        organizers: tuple[str, ...],
        date: dt.date | None,
        place: str | None,
    ) -> None:
        """Add what a later sentence says about an event already created."""
        builder = state.builder
        event = next(e for e in builder.extraction.events if e.key == key)
        changes: dict[str, object] = {}
        if participants:
            changes["participants"] = tuple(dict.fromkeys(event.participants + participants))
        if organizers:
            changes["organizers"] = tuple(dict.fromkeys(event.organizers + organizers))
        if place and not event.place:
            changes["place"] = place
        if date and event.date_from_article:
            changes.update(date=date, date_from_article=False)
        if changes:
            builder.update_event(key, **changes)

    @staticmethod
    def _known_event(state: _State, name: str) -> str | None:
        """``the General Assembly`` after ``the 73rd EROPA General Assembly``: the same
        event when its words (less ordinals) are a part of a known event's name."""
        words = [w for w in name.lower().split() if not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w)]
        for known, key in reversed(state.events.items()):
            known_words = known.split()
            if known_words[-1:] == words[-1:] and set(words) <= set(known_words):
                return key
        return None

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
