"""Organization chains: the organization part of a post, read right to left.

``директора департамента Министерства иностранных дел Казахстана`` is split into chunks
(gazetteer matches, NER names, quoted names, unknown phrases starting at a head word);
each chunk names an organization whose parent is the chunk after it.  Unknown phrases
are named in the nominative, a bare head noun refers back to an organization named
earlier, a government body followed by a country is that country's, a place after a
local post is the post's polity, and ``по`` with places makes a regional branch.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch
from kg.lang import ru, stem
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.sentence import _Sentence
from kg.mappers.ru.words import (
    _DASHES,
    _HEAD_STEMS,
    _OPENING_QUOTES,
    _QUOTED_NAME,
    _QUOTED_ORG_CUES,
    _QUOTES,
    _STOP,
    _WORD_BEFORE,
    LANG,
    LEXICON,
    _capitalize,
    _head_word,
    _is_adj,
    _is_geographic,
    _is_plural,
    _lemma,
)
from kg.model import EntityType, OrgKind
from kg.text import tokenize


class OrganizationChainRules:
    """Organizations, and the polities of local posts, from the organization part
    of a post; the lookups of known and earlier organizations they share."""

    b: ExtractionBuilder
    gazetteer: Gazetteer
    text: str

    if TYPE_CHECKING:  # defined by sibling mixins of _ArticleMapper; mypy checks they agree

        @staticmethod
        def _attached_at(s: _Sentence, i: int) -> bool: ...
        def _attachment_end(self, s: _Sentence, i: int, end: int) -> int: ...
        @staticmethod
        def _in_person(s: _Sentence, i: int) -> bool: ...
        @staticmethod
        def _joins_genitives(s: _Sentence, i: int) -> bool: ...
        @staticmethod
        def _name_complement_at(s: _Sentence, i: int) -> bool: ...
        @staticmethod
        def _is_org_adjective(s: _Sentence, i: int) -> bool: ...
        @staticmethod
        def _gazetteer_exact(s: _Sentence, start: int, end: int) -> bool: ...
        def _gazetteer_key(self, entry: GazetteerEntry, s: _Sentence, m: GazetteerMatch) -> str: ...
        def _named_org(
            self, s: _Sentence, start: int, end: int, parent: str | None
        ) -> str | None: ...

    def _chunks(self, s: _Sentence, start: int, end: int) -> list[tuple[int, int]]:
        """Split an organization part into gazetteer matches, quoted names and unknown
        phrases, a new phrase starting at every unit or organization head word."""
        chunks, i = [], start
        if i < end and s.tokens[i].text.lower() == "от":
            i += 1  # ``наблюдатель от ОБСЕ``
        while i < end:
            token = s.tokens[i]
            if token.text.lower() in _STOP:
                break  # a preposition ends the organization part (``банка по Центральной Азии``)
            named = s.named.get(i)
            if (
                named is not None
                and named[1] != "PER"
                and not self._gazetteer_exact(s, i, named[0])
            ):
                j = self._purpose_end(s, named[0], end)  # ``Экспертного совета`` ``по архивам``
                j = self._attachment_end(s, j, end)  # ``Следственного комитета`` ``при …``
                chunks.append((i, min(j, end)))
                i = j
                continue
            if i in s.covered:
                m = s.covered[i]
                chunks.append((i, min(m.end, end)))
                i = m.end
                continue
            if not token.is_word and token.text not in _QUOTES:
                i += 1
                continue
            j, purpose = i + 1, False
            while j < end and not self._names_org_at(s, i, j):
                if j in s.covered and not self._members_word(s, j):
                    break
                new_head = self._starts_org(s, j) and not self._only_adjectives(s, i, j)
                if new_head and not purpose:
                    while j - 1 > i and self._is_org_adjective(s, j - 1):
                        j -= 1  # ``активистов Народной партии``: the adjective is the head's
                    break
                if self._attached_at(s, j):
                    j = self._attachment_end(s, j, end)
                    break
                purpose = purpose or self._name_complement_at(s, j)
                passable = self._joins_genitives(s, j) or self._name_complement_at(s, j)
                if (s.tokens[j].text in _STOP and not passable) or s.tokens[j].text in _DASHES:
                    break
                j += 1
            chunks.append((i, j))
            i = j if j > i else i + 1
            while i < end and s.tokens[i].text.lower() in _STOP:
                i = end  # a preposition ends the organization part (``посол … в Казахстане``)
        return chunks

    @staticmethod
    def _members_word(s: _Sentence, i: int) -> bool:
        """Token ``i`` is a post in the plural genitive inside a name, naming its
        members (``палаты представителей``, ``совета директоров``)."""
        match = s.covered.get(i)
        token = s.tokens[i]
        return (
            match is not None
            and match.entry.category == "role"
            and match.end == i + 1
            and _is_plural(token.text)
            and "gent" in ru.word_case(token.text)
        )

    def _names_org_at(self, s: _Sentence, start: int, i: int) -> bool:
        """A name starts at token ``i``, apart from the words since ``start``: a name
        the NER model found beginning with its own adjective (``правого``
        ``Национального фронта``), or a quoted or found name after adjectives only
        (``ленинградского`` ``«Телевизора»``), the words before describing it.  A name
        starting at a head noun takes the adjectives before it (``синодального Отдела
        по взаимоотношениям``, ``московского Центра``)."""
        named = s.named.get(i)
        if named is not None and named[1] != "PER" and _is_adj(s.tokens[i].text):
            return True
        name_starts = named is not None or s.tokens[i].text in _OPENING_QUOTES
        return (
            name_starts
            and self._only_adjectives(s, start, i)
            and not self._starts_org(s, i + (s.tokens[i].text in _OPENING_QUOTES))
        )

    def _purpose_end(self, s: _Sentence, i: int, end: int) -> int:
        """The end of a ``по …`` phrase that continues a name at token ``i`` (``i`` when
        none does): lower-case words and ``и`` between genitives, up to ``end``."""
        if i >= end or not self._name_complement_at(s, i):
            return i
        j = i + 1
        while j < end and j not in s.covered and s.tokens[j].is_word:
            if s.tokens[j].text in _STOP and not self._joins_genitives(s, j):
                break
            j += 1
        return j

    @staticmethod
    def _only_adjectives(s: _Sentence, start: int, end: int) -> bool:
        return all(t.is_word and _is_adj(t.text) for t in s.tokens[start:end])

    def _starts_org(self, s: _Sentence, i: int) -> bool:
        lemma = _lemma(s.tokens[i])
        return lemma in LEXICON["unit_heads"] or lemma in LEXICON["org_heads"]

    def _org_chain(
        self, s: _Sentence, start: int, end: int, role: tuple[int, int, str | None]
    ) -> str | None:
        chunks = self._chunks(s, start, end)
        parent: str | None = None
        keys: list[str | None] = []
        for a, b in reversed(chunks):
            key = self._org_chunk(s, a, b, parent, role[2])
            keys.insert(0, key)
            parent = key or parent
        self._acronym_aliases(s, chunks, keys)
        first = self._country_body(s, chunks, keys) or parent
        if chunks and first is not None:
            chain = [key for key in keys if key is not None]
            first = self._regional_branch(s, first, chain, chunks[-1][1], end)
        ministry = self._ministry(s, role, chunks)
        return ministry or first

    def _territorial_end(self, s: _Sentence, i: int, end: int) -> int:
        """The end of a ``по`` phrase naming the territory of a body's branch at token
        ``i`` (``по Санкт-Петербургу и Ленобласти``), ``i`` when there is none: places
        joined by ``и`` or commas, up to ``end``."""
        if i >= end or s.tokens[i].text.lower() != "по" or i == 0:
            return i
        j, found = i + 1, i
        while j < end:
            match, named = s.covered.get(j), s.named.get(j)
            if match is not None and match.entry.category in ("place", "country"):
                j = found = match.end
            elif named is not None and named[1] == "LOC":
                j = found = named[0]
            else:
                break
            if j < end - 1 and s.tokens[j].text in {"и", ","}:
                j += 1
        return found

    def _regional_branch(self, s: _Sentence, org: str, chain: list[str], i: int, end: int) -> str:
        """``МЧС по Санкт-Петербургу и Ленобласти``, ``ГУ МВД по Москве``: a body
        (``org``, named by the ``chain`` of organizations before token ``i``) followed
        by ``по`` and places is its branch for that territory, the places as written;
        an international body's or a state's ``по`` gives a remit instead
        (``спецпредставитель ЕС по Центральной Азии``)."""
        territory_end = self._territorial_end(s, i, end)
        entity = self.b.extraction.entities[org]
        if territory_end == i or entity.kind in (OrgKind.INTERGOVERNMENTAL, OrgKind.STATE):
            return org
        names = [self.b.extraction.entities[key].name for key in dict.fromkeys(chain)]
        name = " ".join([*names, *s.words(i, territory_end)])
        key = self.b.entity(EntityType.ORGANIZATION, name, kind=OrgKind.UNIT, parent=org)
        self.b.mention(key, s.tokens[i:territory_end], s.span, confidence=0.6)
        return key

    def _country_body(
        self, s: _Sentence, chunks: list[tuple[int, int]], keys: list[str | None]
    ) -> str | None:
        """``японского МИДа``, ``израильского правительства``: a government body told
        after a country's adjective is that country's body, also called as the text
        does (``японский МИД``)."""
        if len(chunks) < 2 or keys[0] is not None or chunks[0][1] - chunks[0][0] != 1:
            return None
        country = LEXICON["country_adjectives"].get(_lemma(s.tokens[chunks[0][0]]))
        entry = self.gazetteer.entries.get(country) if country else None
        words = s.words(*chunks[1])
        if entry is None or not words:
            return None
        abbreviation = re.sub(r"[а-яё]+$", "", words[0])  # ``МИДа`` → ``МИД``
        head = _HEAD_STEMS.get(stem(words[0], LANG), "")
        if abbreviation in LEXICON["ministry_abbreviations"]:
            name = " ".join([LEXICON["ministry_abbreviations"][abbreviation], *words[1:]])
        elif LEXICON["org_heads"].get(head) == "government_body":
            name = _capitalize(ru.phrase_nominative(words, "gent"))
        else:
            return None
        genitive = ru.inflect_phrase(entry.label(LANG).split(), "gent")
        key = self._body_of_country(name, entry, genitive)
        self.b.mention(key, s.tokens[chunks[0][0] : chunks[1][1]], s.span, confidence=0.65)
        alias = ru.phrase_nominative(s.words(chunks[0][0], chunks[1][1]), "gent").split()
        if ru.is_acronym(abbreviation):
            alias[1] = abbreviation  # the declined acronym in its written form
        self.b.alias(key, " ".join(alias))
        return key

    def _acronym_aliases(
        self, s: _Sentence, chunks: list[tuple[int, int]], keys: list[str | None]
    ) -> None:
        """An organization followed in the chain by an acronym is also called with it
        (``Институт этнологии и антропологии РАН``, ``отдел … HP``), as the text does."""
        for (_a, _b), (c, d), key, owner in zip(chunks, chunks[1:], keys, keys[1:], strict=False):
            if key is None or owner is None or key == owner or d != c + 1:
                continue
            acronym, name = s.tokens[c].text, self.b.extraction.entities[key].name
            if ru.is_acronym(acronym) and acronym not in name.split():
                self.b.alias(key, f"{name} {acronym}")

    def _org_chunk(
        self, s: _Sentence, a: int, b: int, parent: str | None, role_key: str | None = None
    ) -> str | None:
        if s.tokens[a].text in _OPENING_QUOTES and a + 1 < b and a + 1 in s.named:
            a += 1  # ``«Телевизора»``: the model's name leaves the quotes out
        match = s.covered.get(a)
        tokens = s.tokens[a:b]
        named = s.named.get(a)
        if named is not None and named[1] == "ORG" and not self._gazetteer_exact(s, a, named[0]):
            return self._named_org(s, a, b, parent)
        if match is not None:
            entry = match.entry
            if entry.category in ("organization", "country"):
                return self._gazetteer_key(entry, s, match)
            if entry.category == "unit":
                key = self.b.entity(
                    EntityType.ORGANIZATION,
                    entry.label(LANG),
                    kind=OrgKind.UNIT,
                    parent=parent,
                    ref=None,
                    confidence=0.7,
                )
                self.b.mention(key, tokens, s.span)
                return key
            if entry.category == "place" and role_key is not None:
                return self._territory(entry.label(LANG), role_key)
            return None
        return self._unknown_org(s, a, b, parent, role_key)

    def _unknown_org(
        self, s: _Sentence, a: int, b: int, parent: str | None, role_key: str | None = None
    ) -> str | None:
        words = s.words(a, b)
        if not words:
            return None
        if role_key is not None and self._is_place_name(s, a, b):
            return self._territory(_capitalize(ru.phrase_nominative(words, "gent")), role_key)
        body = self._government_body(s, a, b, "gent")
        if body is not None:
            return body
        first = words[0] if ru.is_acronym(words[0]) else _head_word(words)
        head = first if ru.is_acronym(first) else _HEAD_STEMS.get(stem(first, LANG), "")
        quoted = self._quoted(s, a, b)
        known = self._known_after_inflection(words)
        if known is not None:
            key = self.b.gazetteer_entity(known)
            self.b.mention(key, s.tokens[a:b], s.span, confidence=0.7)
            return key
        earlier = self._earlier_org(words) or self._introduced_by(words)
        if earlier is not None:
            self.b.mention(earlier, s.tokens[a:b], s.span, confidence=0.6)
            return earlier
        if head in LEXICON["ministry_abbreviations"]:
            name = " ".join([LEXICON["ministry_abbreviations"][head], *words[1:]])
            kind = OrgKind.GOVERNMENT_BODY
        elif head in LEXICON["unit_heads"]:
            name, kind = _capitalize(ru.phrase_nominative(words, "gent")), OrgKind.UNIT
        elif head in LEXICON["org_heads"]:
            kind = OrgKind(LEXICON["org_heads"][head])
            name = quoted or _capitalize(ru.phrase_nominative(words, "gent"))
        elif quoted and self._cued_quote(s, a, b):
            name, kind = quoted, OrgKind.OTHER  # ``редактор газеты «Радикальная политика»``
        else:
            return None
        if kind not in (OrgKind.UNIT, OrgKind.GOVERNMENT_BODY):
            parent = None
        if not quoted and not self._in_person(s, b):  # ``Дан Меридор`` names no Denmark
            name, parent = self._of_country(s, b, name, parent)
        key = self.b.entity(EntityType.ORGANIZATION, name, kind=kind, parent=parent)
        self.b.mention(key, s.tokens[a:b], s.span, confidence=0.6)
        return key

    def _of_country(
        self, s: _Sentence, end: int, name: str, parent: str | None
    ) -> tuple[str, str | None]:
        """``Исламский комитет России``, ``Федеральная миграционная служба России``: an
        organization followed by a country in the genitive is that country's; the
        country belongs to its name (as written) and is its parent, so that two
        countries' namesakes stay apart."""
        country = self._country_after(s, end)
        if country is None:
            return name, parent
        surface = " ".join(s.words(country.start, country.end))
        return f"{name} {surface}", self.b.gazetteer_entity(country.entry)

    def _is_place_name(self, s: _Sentence, a: int, b: int) -> bool:
        """A place name in the genitive after a post: the NER model's LOC span, or one
        capitalized word the dictionary knows as a place (``Подмосковья``)."""
        named = s.named.get(a)
        if named is not None and named[1] == "LOC":
            return named[0] == b
        token = s.tokens[a]
        return (
            b == a + 1
            and token.is_capitalized
            and _is_geographic(token.text)
            and "gent" in ru.word_case(token.text)
        )

    def _territory(self, name: str, role_key: str) -> str:
        """The polity a post belongs to when the text names a place: ``мэр Москвы``,
        ``губернатор Подмосковья``, ``президент Белоруссии``.  A national post makes
        it a state; otherwise it is the city's or region's own administration (an
        organization named after the place).  The place keeps its own mention."""
        kind = OrgKind.STATE if role_key in LEXICON["national_roles"] else None
        return self.b.entity(EntityType.ORGANIZATION, name, kind=kind, confidence=0.5)

    def _earlier_org(self, words: list[str]) -> str | None:
        """The organization a bare head noun refers back to: ``ректор академии`` after
        ``Академия государственного управления …`` is that academy, not a new
        ``Академия``.  The most recently mentioned one with the same head wins."""
        if len(words) != 1 or ru.is_acronym(words[0]):
            return None
        head = ru.lemma(words[0])
        if head not in LEXICON["org_heads"] and head not in LEXICON["unit_heads"]:
            return None
        entities = self.b.extraction.entities
        for mention in reversed(self.b.extraction.mentions):
            entity = entities[mention.entity]
            name = entity.name.split()
            organization = entity.type == EntityType.ORGANIZATION and len(name) > 1
            if organization and ru.lemma(_head_word(name)) == head:
                return entity.key
        return None

    @staticmethod
    def _cued_quote(s: _Sentence, a: int, b: int) -> bool:
        """Tokens ``a``..``b`` hold a quoted name after a word for an organization or
        an outlet (``газеты «…»``, ``еженедельника «…»``)."""
        return any(
            s.tokens[q].text == "«" and _lemma(s.tokens[q - 1]) in _QUOTED_ORG_CUES
            for q in range(max(a, 1), b)
        )

    def _introduced_by(self, words: list[str]) -> str | None:
        """The organization a bare head noun refers back to when the text named it
        right after that noun (``концерн «Фольксваген»`` … ``шеф концерна``,
        ``партии «Яблоко»`` … ``главу партии``): the last one so introduced."""
        if len(words) != 1 or ru.is_acronym(words[0]):
            return None
        head = ru.lemma(words[0])
        if head not in LEXICON["org_heads"]:
            return None
        entities = self.b.extraction.entities
        for mention in reversed(self.b.extraction.mentions):
            span = mention.evidence.mention
            entity = entities[mention.entity]
            if span is None or entity.type != EntityType.ORGANIZATION:
                continue
            before = _WORD_BEFORE.search(self.text, max(0, span.start - 40), span.start)
            if before is not None and ru.lemma(before.group(1)) == head:
                return entity.key
        return None

    def _known_after_inflection(
        self, words: list[str], categories: tuple[str, ...] = ("organization",)
    ) -> GazetteerEntry | None:
        """A gazetteer entry whose name the phrase is once in the nominative (``Хаба`` →
        ``Хаб``, ``Китая`` → ``Китай``): short names are matched as written, and the
        matching stem of some inflected forms differs from the nominative's."""
        if not words:
            return None
        nominative = ru.phrase_nominative(words, "gent")
        tokens = tokenize(nominative)
        matches = self.gazetteer.match(tokens, LANG, categories)
        if len(matches) == 1 and (matches[0].start, matches[0].end) == (0, len(tokens)):
            return matches[0].entry
        return None

    def _quoted(self, s: _Sentence, a: int, b: int) -> str | None:
        text = self.text[s.tokens[a].start : s.tokens[b - 1].end]
        found = _QUOTED_NAME.search(text)
        return next(g for g in found.groups() if g) if found else None

    def _ministry(
        self, s: _Sentence, role: tuple[int, int, str | None], chunks: list[tuple[int, int]]
    ) -> str | None:
        """``министр иностранных дел Казахстана`` → the ministry of that country."""
        lead, role_end, key = role
        if key not in LEXICON["ministerial_roles"]:
            return None
        words = s.words(lead, role_end)
        i = next((n for n, w in enumerate(words) if "министр" in w.lower()), None)
        if i is None or i + 1 >= len(words):
            return None
        complement = " ".join(words[i + 1 :])
        country = s.covered.get(chunks[0][0]) if chunks else None
        if country is None or country.entry.category != "country":
            return None
        surface = " ".join(s.words(country.start, country.end))
        return self._body_of_country(f"Министерство {complement}", country.entry, surface)

    def _government_body(self, s: _Sentence, a: int, b: int, hint: str | None) -> str | None:
        """``Министерства внутренних дел Германии``, ``МИД Кыргызстана``, ``Министерство
        финансов Республики Узбекистан``: a government body (tokens ``a``..``b``)
        followed by a country in the genitive is that country's, so that entity
        resolution can tell whose ministry it is (a body without a parent is only a
        name, and ``Министерство внутренних дел`` exists in every country)."""
        country = self._country_after(s, b)
        words = s.words(a, b)
        if country is None or not words:
            return None
        head = words[0]
        if head in LEXICON["ministry_abbreviations"]:
            name = " ".join([LEXICON["ministry_abbreviations"][head], *words[1:]])
        elif LEXICON["org_heads"].get(_HEAD_STEMS.get(stem(head, LANG), "")) == "government_body":
            name = _capitalize(ru.phrase_nominative(words, hint))
        else:
            return None
        surface = " ".join(s.words(country.start, country.end))
        key = self._body_of_country(name, country.entry, surface)
        self.b.mention(key, s.tokens[a:b], s.span, confidence=0.65)
        return key

    @staticmethod
    def _country_after(s: _Sentence, i: int) -> GazetteerMatch | None:
        """The country a gazetteer match names from token ``i`` on, if its first word
        may be a genitive (``Германии``, ``Республики Узбекистан``, ``США``)."""
        match = s.covered.get(i)
        if match is None or match.start != i or match.entry.category != "country":
            return None
        return match if "gent" in ru.word_case(s.tokens[i].text) else None

    def _body_of_country(
        self,
        name: str,
        country: GazetteerEntry,
        genitive: str,
        kind: OrgKind = OrgKind.GOVERNMENT_BODY,
    ) -> str:
        """The body ``name`` of ``country``: the gazetteer's entry when exactly one of
        that country's bodies has a name starting so (``Министерство иностранных дел``
        of Kazakhstan is ``kz-mfa``), else a new body under the country, named with the
        country in the genitive as written (``Министерство внутренних дел Германии``)."""
        candidates = [
            entry
            for entry in self.gazetteer.entries.values()
            if entry.kind == kind.value
            and country.id in (entry.country, entry.parent)
            and any(n == name or n.startswith(f"{name} ") for n in entry.names.get(LANG, ()))
        ]
        if len(candidates) == 1:
            return self.b.gazetteer_entity(candidates[0])
        return self.b.entity(
            EntityType.ORGANIZATION,
            f"{name} {genitive}",
            kind=kind,
            parent=self.b.gazetteer_entity(country),
        )
