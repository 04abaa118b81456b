"""Organizations: gazetteer entities, units with their parents, bodies of an owner in
the genitive, and the NER's organizations that the gazetteer does not know.

Posts and events both refer to these entities (a post's chain, an event's organizers),
so the entity keys and the tokens that name an organization are recorded here.
"""

from __future__ import annotations

from kg.gazetteer import GazetteerMatch
from kg.lang import kk, stem
from kg.mappers.base import ExtractionBuilder
from kg.mappers.kk.persons import PersonRules
from kg.mappers.kk.sentence import _genitive_owner_end, _Sentence
from kg.mappers.kk.words import (
    _CLOSE,
    _CLOSING_QUOTES,
    _COMITATIVE,
    _MAX_OWNED_WORDS,
    _OPEN,
    _ORG_CATEGORIES,
    _ORG_HEADS,
    _ROLE,
    _capitalize,
    _has_possessive,
    _is_org_head,
    _org_name,
    _trigger,
)
from kg.model import EntityType, OrgKind


class OrganizationRules(PersonRules):
    """Organization entities of a run; a name is never read across a person's name."""

    builder: ExtractionBuilder
    _ner: dict[int, list[tuple[str, int, int]]]
    _org_keys: dict[tuple[int, int], str]
    _found_orgs: dict[int, list[str]]
    _org_tokens: dict[int, set[int]]

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

    def _root(self, key: str) -> str:
        entity = self.builder.extraction.entities[key]
        return self._root(entity.parent) if entity.parent and entity.kind == OrgKind.UNIT else key
