"""Organizations and places a sentence names by itself, apart from any post.

Gazetteer entries (and a unit followed by its organization), the NER model's
organization and place spans, quoted names after a cue word (``партии «Яблоко»``), the
body words every country has (``правительства Израиля``, ``японское правительство``)
and a bare head noun that refers back (``партии``).  The per-article pass of
:mod:`kg.mappers.ru.organization_mentions` later delimits these mentions as a reader
does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch
from kg.lang import ru, stem
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.sentence import _Sentence
from kg.mappers.ru.words import (
    _COUNTRY_BODIES,
    _GENERIC_HEADS,
    _HEAD_STEMS,
    _QUOTED_ORG_CUES,
    _QUOTES,
    LANG,
    LEXICON,
    _capitalize,
    _is_adj,
    _is_pronoun,
    _lemma,
    _strip_acronym,
)
from kg.model import EntityType, OrgKind


class NamedOrganizationRules:
    """Organization and place entities with their mentions, read from each
    sentence before its posts."""

    b: ExtractionBuilder
    gazetteer: Gazetteer
    home_country: GazetteerEntry | None

    if TYPE_CHECKING:  # defined by sibling mixins of _ArticleMapper; mypy checks they agree

        def _body_of_country(
            self,
            name: str,
            country: GazetteerEntry,
            genitive: str,
            kind: OrgKind = OrgKind.GOVERNMENT_BODY,
        ) -> str: ...
        @staticmethod
        def _country_after(s: _Sentence, i: int) -> GazetteerMatch | None: ...
        def _earlier_org(self, words: list[str]) -> str | None: ...
        def _government_body(
            self, s: _Sentence, a: int, b: int, hint: str | None
        ) -> str | None: ...
        def _known_after_inflection(
            self, words: list[str], categories: tuple[str, ...] = ("organization",)
        ) -> GazetteerEntry | None: ...
        def _of_country(
            self, s: _Sentence, end: int, name: str, parent: str | None
        ) -> tuple[str, str | None]: ...
        def _org_chunk(
            self, s: _Sentence, a: int, b: int, parent: str | None, role_key: str | None = None
        ) -> str | None: ...
        def _quoted(self, s: _Sentence, a: int, b: int) -> str | None: ...

    def _gazetteer_key(self, entry: GazetteerEntry, s: _Sentence, m: GazetteerMatch) -> str:
        key = self.b.gazetteer_entity(entry)
        self.b.mention(key, s.tokens[m.start : m.end], s.span, confidence=0.85)
        return key

    def _gazetteer_mentions(self, s: _Sentence) -> None:
        """Every known organization, country and city is an entity with its mention;
        a unit directly followed by an organization becomes that organization's unit."""
        for n, m in enumerate(s.matches):
            if m.entry.category in ("organization", "country", "place"):
                self._gazetteer_key(m.entry, s, m)
            elif m.entry.category == "unit" and n + 1 < len(s.matches):
                nxt = s.matches[n + 1]
                if nxt.start == m.end and nxt.entry.category == "organization":
                    parent = self.b.gazetteer_entity(nxt.entry)
                    self._org_chunk(s, m.start, m.end, parent)

    def _named_mentions(self, s: _Sentence) -> None:
        """Organizations and places the NER model found that no gazetteer entry names
        (an organization around a known city, ``мэрии Москвы``, is one of them)."""
        for start, (end, type_) in s.named.items():
            if type_ == "ORG" and not self._gazetteer_exact(s, start, end):
                words = s.words(start, end)
                proper = start > 0 and bool(words) and words[0][:1].isupper()
                generic = len(words) == 1 and ru.lemma(words[0]) in _GENERIC_HEADS
                earlier = self._earlier_org(words) if generic else None
                if generic and (earlier is not None or not proper):
                    # a bare ``Академия`` refers back or has no name; ``в Сенате``
                    # capitalized inside a sentence is a proper name
                    if earlier is not None:
                        self.b.mention(earlier, s.tokens[start:end], s.span, confidence=0.6)
                        s.named_orgs[start] = earlier
                    continue
                key = self._named_org(s, start, end, None)
                if key is not None:
                    s.named_orgs[start] = key
            elif type_ == "LOC" and not any(i in s.covered for i in range(start, end)):
                words = s.words(start, end)
                if words:
                    key = self.b.entity(
                        EntityType.PLACE, _capitalize(ru.phrase_nominative(words)), confidence=0.6
                    )
                    self.b.mention(key, s.tokens[start:end], s.span, confidence=0.6)

    def _quoted_orgs(self, s: _Sentence) -> None:
        """A capitalized name in quotes after a word that introduces an organization or
        a news outlet (``партии «Яблоко»``, ``газеты «Русская правда»``, ``в интервью
        «Голосу Америки»``) is an organization's name, which the NER model misses when
        it holds a place (``Америки``).  Quotes after other words name slogans, events
        and documents (``акция «День гнева»``), so the cue word is required."""
        tokens = s.tokens
        for i in range(1, len(tokens) - 2):
            if tokens[i].text != "«" or not tokens[i - 1].is_word:
                continue
            if _lemma(tokens[i - 1]) not in _QUOTED_ORG_CUES or not tokens[i + 1].is_capitalized:
                continue
            close = next(
                (j for j in range(i + 2, min(len(tokens), i + 6)) if tokens[j].text == "»"), None
            )
            if close is None or self._names_inside(s, i + 1, close):
                continue
            name = _capitalize(ru.phrase_nominative(s.words(i + 1, close)))
            key = self.b.entity(EntityType.ORGANIZATION, name, kind=OrgKind.OTHER, confidence=0.55)
            self.b.mention(key, tokens[i + 1 : close], s.span, confidence=0.55)

    def _country_bodies(self, s: _Sentence) -> None:
        """A lower-case word for a body every country has (``правительство``,
        ``парламент``, ``власти``, ``сборная``) is a mention of that country's body when
        the text says which country: in the genitive after it (``правительства
        Израиля``), as an adjective before it (``японское правительство``) or, for the
        words that may stand alone, by saying nothing (``даю поручение правительству``
        in an article about Russia), which leaves the country the article is about.
        After any other qualifier (``московские власти``, ``правительство Москвы``)
        whose body it is stays unknown, and the word names nothing."""
        for i, token in enumerate(s.tokens):
            body = _COUNTRY_BODIES.get(_lemma(token)) if token.is_word else None
            if body is None or i in s.covered or i in s.used or self._in_named(s, i):
                continue
            found = self._body_country(s, i, alone=body["alone"])
            if found is None:
                continue
            country, start, end = found
            name = _capitalize(ru.phrase_nominative([token.text]))
            genitive = ru.inflect_phrase(country.label(LANG).split(), "gent")
            key = self._body_of_country(name, country, genitive, OrgKind(body["kind"]))
            self.b.mention(key, s.tokens[start:end], s.span, confidence=0.55)

    def _body_country(
        self, s: _Sentence, i: int, *, alone: bool
    ) -> tuple[GazetteerEntry, int, int] | None:
        """The country whose body token ``i`` names (see :meth:`_country_bodies`), and
        the tokens that name the body, the country's words included."""
        country = self._country_after(s, i + 1)
        if country is not None:
            return country.entry, i, country.end
        if i > 0 and s.tokens[i - 1].is_word and _is_adj(s.tokens[i - 1].text):
            code = LEXICON["country_adjectives"].get(_lemma(s.tokens[i - 1]))
            entry = self.gazetteer.entries.get(code) if code else None
            return (entry, i - 1, i + 1) if entry is not None else None
        if i > 0 and _is_pronoun(s.tokens[i - 1].text):
            return None  # ``его правительство``: whose is told elsewhere
        nxt = i + 1
        qualified = nxt < len(s.tokens) and (
            nxt in s.covered
            or s.tokens[nxt].is_capitalized
            or s.tokens[nxt].text in _QUOTES
            or self._in_named(s, nxt)
        )
        if not alone or qualified or self.home_country is None:
            return None
        return self.home_country, i, i + 1

    def _head_references(self, s: _Sentence) -> None:
        """A bare lower-case organization word (``партии``, ``концерна``,
        ``федерация``) with no name or qualifier of its own refers back to the
        organization of that kind named last (see :meth:`_earlier_org`)."""
        for i, token in enumerate(s.tokens):
            if (
                not token.is_word
                or token.is_capitalized
                or _lemma(token) not in LEXICON["org_heads"]
            ):
                continue
            if i in s.covered or i in s.used or self._in_named(s, i):
                continue
            before = s.tokens[i - 1] if i > 0 else None
            after = s.tokens[i + 1] if i + 1 < len(s.tokens) else None
            if before is not None and before.is_word and _is_adj(before.text):
                continue  # ``другая компания``: another one
            if after is not None and (after.is_capitalized or after.text in _QUOTES):
                continue  # ``партии «Яблоко»``: its own name follows
            if after is not None and after.is_word and "gent" in ru.word_case(after.text):
                continue  # ``организации договорного матча``: a description of its own
            earlier = self._earlier_org([token.text])
            if earlier is not None:
                self.b.mention(earlier, [token], s.span, confidence=0.5)

    @staticmethod
    def _in_named(s: _Sentence, i: int) -> bool:
        """Token ``i`` lies inside a span the NER model found."""
        return any(start <= i < end for start, (end, _type) in s.named.items())

    @staticmethod
    def _names_inside(s: _Sentence, start: int, end: int) -> bool:
        """Tokens ``start``..``end`` overlap a person or organization already found."""
        orgs = any(
            m.start < end and start < m.end and m.entry.category == "organization"
            for m in s.matches
        )
        named = any(
            a < end and start < b and type_ in ("ORG", "PER") for a, (b, type_) in s.named.items()
        )
        return orgs or named

    @staticmethod
    def _gazetteer_exact(s: _Sentence, start: int, end: int) -> bool:
        match = s.covered.get(start)
        return match is not None and (match.start, match.end) == (start, end)

    def _named_org(self, s: _Sentence, start: int, end: int, parent: str | None) -> str | None:
        """An organization from an NER span, named in the nominative (or by its quoted
        name); a unit keeps the organization it belongs to as parent."""
        end, acronym = _strip_acronym(s.tokens, start, end)
        words = s.words(start, end)
        if not words:
            return None
        body = self._government_body(s, start, end, None)
        if body is not None:
            return body
        known = self._known_after_inflection(words)
        earlier = self._earlier_org(words)
        if known is not None:
            key = self.b.gazetteer_entity(known)
        elif earlier is not None:
            key = earlier
        else:
            head = _HEAD_STEMS.get(stem(words[0], LANG), "")
            if head in LEXICON["unit_heads"]:
                kind = OrgKind.UNIT
            else:
                kind = OrgKind(LEXICON["org_heads"].get(head, OrgKind.OTHER.value))
                parent = None
            quoted = self._quoted(s, start, end)
            name = quoted or _capitalize(ru.phrase_nominative(words))
            if not quoted and acronym is None:
                name, parent = self._of_country(s, end, name, parent)
            key = self.b.entity(EntityType.ORGANIZATION, name, kind=kind, parent=parent)
            if acronym:
                self.b.alias(key, acronym)
        self.b.mention(key, s.tokens[start:end], s.span, confidence=0.65)
        return key
