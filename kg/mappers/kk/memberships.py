"""Memberships: who holds which post in which organization, and how it is reported.

A post is read from the gazetteer's roles; its organization from the genitive chain
before it (``Хабтың басқару комитетінің төрағасы``), which may name an organization
that nothing else names (``… департаментінің директоры``); its holder from the name
before or after it; its status from cue words around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.gazetteer import GazetteerMatch
from kg.lang import kk, stem
from kg.mappers.base import ExtractionBuilder
from kg.mappers.kk.organizations import OrganizationRules
from kg.mappers.kk.persons import _Person
from kg.mappers.kk.sentence import _Sentence
from kg.mappers.kk.words import (
    _APPOINTED,
    _ATTRIBUTIVE,
    _CONJUNCTIONS,
    _COPULAS,
    _DATIVE,
    _FOLLOWERS,
    _IN_PLACE,
    _LOCATIVE,
    _MAX_AREA_WORDS,
    _MAX_NAME_WORDS,
    _MINISTER,
    _NAME_POSTPOSITIONS,
    _ORG_CATEGORIES,
    _ORG_HEADS,
    _STATUS_WORDS,
    _UNIT_HEADS,
    LEXICON,
    _capitalize,
    _has_ending,
    _is_genitive,
    _org_name,
)
from kg.model import EntityType, OrgKind, PostStatus, Role
from kg.text import Token

if TYPE_CHECKING:
    from kg.mappers.kk.mapper import KazakhMapper


class MembershipRules(OrganizationRules):
    """Posts of the persons of a run, with the organizations their chains name."""

    mapper: KazakhMapper
    builder: ExtractionBuilder
    text: str
    persons: dict[int, list[_Person]]
    present: dict[int, list[str]]
    _post_tokens: dict[int, set[int]]

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
            post = self._post_after(sent, person, roles)
            if post is not None:
                holders.add(post.start)
                org, start = self._post_org(sent, post)
                if org:
                    status = self._status(sent, start, post.end)
                    self._post_tokens.setdefault(sent.index, set()).update(range(start, post.end))
                    self.builder.membership(
                        person.key, org, self._role(sent, post), sent.span, status=status
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
