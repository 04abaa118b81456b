"""Appositions: where the posts told of a person stand and how far they reach.

Russian news tells a person's post right before the name (``председатель … Алихан
Байменов``, more posts stacked before it after commas), after it set off by commas or
dashes (``Борис Стомахин, редактор газеты …``), or after it with no comma in a caption.
The window of an apposition runs left over the post's organization, including the
prepositions and conjunctions that belong to a post or a name (``посол … в
Казахстане``, ``министр связи и коммуникаций``, ``совет при …``); the token tests for
those live here too, and the organization chains use them as well.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer
from kg.lang import ru
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.sentence import _Person, _Sentence
from kg.mappers.ru.words import (
    _BOUNDARY,
    _DASHES,
    _GOVERNING_NOUNS,
    _HEADS_OF_STATE,
    _LEADER_WORD,
    _LOCATING,
    _MAX_STACKED,
    _NAMED_BY_PURPOSE,
    _OCCASIONS,
    _QUOTES,
    _STOP,
    _TERRITORY_NOUNS,
    LANG,
    LEXICON,
    _bracketed_acronym,
    _is_adj,
    _is_geographic,
    _is_plural,
    _is_remit,
    _is_verb,
    _lemma,
    _role_label,
)
from kg.model import EntityType, PostStatus, Role


class AppositionRules:
    """Finds the post phrases around each person (and the heads of state told
    without a name) and hands them to :meth:`_posts`."""

    b: ExtractionBuilder
    gazetteer: Gazetteer

    if TYPE_CHECKING:  # defined by sibling mixins of _ArticleMapper; mypy checks they agree

        def _posts(self, s: _Sentence, person: _Person, start: int, end: int) -> None: ...
        def _status(self, s: _Sentence, start: int) -> PostStatus: ...
        def _country_of(self, key: str | None) -> str | None: ...
        @staticmethod
        def _only_adjectives(s: _Sentence, start: int, end: int) -> bool: ...

    def _window(self, s: _Sentence, start: int) -> int:
        """Leftmost token of the apposition that ends right before ``start``."""
        i = start
        while i > 0:
            j = i - 1
            token = s.tokens[j]
            if j in s.covered or token.text in _DASHES or token.text in _QUOTES:
                i = j
                continue
            if _bracketed_acronym(s.tokens, j - 2):
                i = j - 2  # ``Организации … развития (ОЭСР) Мартин Кесслер``
                continue
            if token.text in _BOUNDARY or token.text == "." or not token.is_word:
                break
            passable = (
                self._located_at(s, j)
                or self._portfolio_at(s, j)
                or self._joins_genitives(s, j)
                or self._name_complement_at(s, j)
                or self._attached_at(s, j)
                or self._joins_places(s, j)
            )
            stop = token.text.lower() in _STOP and not passable
            if stop or _is_verb(token.text):
                break
            if any(p.start <= j < p.end for p in s.persons):
                break
            i = j
        return i

    @staticmethod
    def _attached_at(s: _Sentence, i: int) -> bool:
        """Token ``i`` is a ``при`` naming what a body is attached to, part of its name
        (``Следственного комитета при прокуратуре``, ``совета при главном архитекторе
        Москвы``): it follows a unit's or a body's head word or a found name."""
        if s.tokens[i].text.lower() != "при" or i == 0 or i + 1 >= len(s.tokens):
            return False
        before = s.tokens[i - 1]
        return s.tokens[i + 1].is_word and (
            (before.is_word and _lemma(before) in _NAMED_BY_PURPOSE)
            or any(end == i and kind == "ORG" for end, kind in s.named.values())
        )

    def _joins_places(self, s: _Sentence, i: int) -> bool:
        """Token ``i`` is an ``и`` between two places (``по Алматы и Алматинской
        области``)."""
        return (
            s.tokens[i].text == "и"
            and 0 < i < len(s.tokens) - 1
            and self._is_place_at(s, i - 1, ends=True)
            and self._is_place_at(s, i + 1, ends=False)
        )

    def _is_place_at(self, s: _Sentence, i: int, *, ends: bool) -> bool:
        """A gazetteer place or country, or a place the NER model found, ends (or
        starts) at token ``i``."""
        match = s.covered.get(i)
        if match is not None and match.entry.category in ("place", "country"):
            return match.end == i + 1 if ends else match.start == i
        if ends:
            return any(end == i + 1 and kind == "LOC" for end, kind in s.named.values())
        named = s.named.get(i)
        return named is not None and named[1] == "LOC"

    def _attachment_end(self, s: _Sentence, i: int, end: int) -> int:
        """The end of the ``при …`` phrase at token ``i`` (``i`` when there is none): its
        words up to punctuation, a preposition, a verb or a person, before ``end``."""
        if i >= end or not self._attached_at(s, i):
            return i
        j = i + 1
        while j < end and s.tokens[j].is_word and not self._in_person(s, j):
            if s.tokens[j].text.lower() in _STOP or _is_verb(s.tokens[j].text):
                break
            j += 1
        return j

    @staticmethod
    def _located_at(s: _Sentence, i: int) -> bool:
        """Token ``i`` is a preposition placing a post (``посол … в Казахстане``,
        ``директор … по Центральной Азии``, ``посол Евросоюза на Южном Кавказе``,
        ``член палаты … от штата Аризона``, ``наблюдатель от ОБСЕ``), or at the
        occasion it is held for (``глава делегации на переговорах``)."""
        if s.tokens[i].text.lower() not in _LOCATING or i + 1 >= len(s.tokens):
            return False
        after = s.tokens[i + 1]
        named = s.named.get(i + 1)
        return (
            i + 1 in s.covered
            or (named is not None and named[1] in ("LOC", "ORG"))
            or _is_geographic(after.text)
            or (after.is_word and _lemma(after) in _TERRITORY_NOUNS | _OCCASIONS)
        )

    @staticmethod
    def _joins_genitives(s: _Sentence, i: int) -> bool:
        """Token ``i`` is an ``и`` between two genitives, the second a lower-case noun,
        inside one post or name (``министр связи и коммуникаций``, ``Институт этнологии
        и антропологии``, ``по взаимоотношениям Церкви и общества``)."""
        if s.tokens[i].text != "и" or i == 0 or i + 1 >= len(s.tokens):
            return False
        before, after = s.tokens[i - 1], s.tokens[i + 1]
        return (
            before.is_word
            and i - 1 not in s.covered
            and "gent" in ru.word_case(before.text)
            and after.is_word
            and not after.is_capitalized
            and not _is_adj(after.text)
            and "gent" in ru.word_case(after.text)
        )

    @staticmethod
    def _name_complement_at(s: _Sentence, i: int) -> bool:
        """Token ``i`` is a ``по`` that continues a unit's or a body's name
        (``Комиссии по атомной энергии``, ``отдела по взаимоотношениям …``)."""
        return (
            0 < i < len(s.tokens) - 1
            and s.tokens[i].text.lower() == "по"
            and s.tokens[i - 1].is_word
            and _lemma(s.tokens[i - 1]) in _NAMED_BY_PURPOSE
            and s.tokens[i + 1].is_word
            and not s.tokens[i + 1].is_capitalized
        )

    def _portfolio_at(self, s: _Sentence, i: int) -> bool:
        """Token ``i`` is the ``по`` of a post's remit, after the post or its
        organization (``министром по …``, ``директор по стратегии``, ``директор НАСА
        по космическим полётам``), not of a source or an occasion (``по словам``,
        ``по итогам``)."""
        if not _is_remit(s.tokens, i):
            return False
        before = s.tokens[i - 1]
        return (
            self._role_at(s, i - 1) is not None
            or ru.is_acronym(before.text)
            or any(end == i and kind == "ORG" for end, kind in s.named.values())
        )

    def _role_at(self, s: _Sentence, i: int) -> tuple[int, str | None] | None:
        """A post starting at token ``i``: (end, roles-gazetteer key)."""
        match = s.covered.get(i)
        if match is not None and match.entry.category == "role" and match.start == i:
            return match.end, match.entry.id
        token = s.tokens[i]
        if not token.is_word:
            return None
        lemma = _lemma(token)
        head = lemma.removeprefix("экс-")
        if head in LEXICON["role_heads"] and head not in LEXICON["role_modifiers"]:
            return i + 1, LEXICON["role_heads"][head]
        if head in LEXICON["role_modifiers"] and i + 1 < len(s.tokens):
            inner = self._role_at(s, i + 1)
            if inner:
                return inner
        return None

    def _appositions(self, s: _Sentence, person: _Person) -> None:
        """The posts told of a person: before the name (with more posts stacked before
        it after commas), else after it, set off by a comma or a dash."""
        start = self._window(s, person.start)
        first = next(
            (
                i
                for i in range(start, person.start)
                if self._role_at(s, i) and not _is_plural(s.tokens[i].text)
            ),
            None,
        )  # ``заседание кабинета министров глава правительства …``: no one's post
        if first is not None and not self._governed_post(s, first, person):
            for role, comma in self._stacked_before(s, start, first):
                self._posts(s, person, role, comma)
            self._posts(s, person, first, person.start)
            return
        if self._set_off_post(s, person):
            return
        self._posts_after(s, person)

    def _described_posts(self, s: _Sentence) -> None:
        """``Российский лидер также напомнил``, ``нынешний российский президент
        заявил``: a country's head of state or government told by the country's
        adjective with no name refers back to a person of the article: the only one
        already holding a post of that country, else the only one named so far."""
        for i in range(1, len(s.tokens)):
            found = self._role_at(s, i)
            if found is None or i in s.used or _is_plural(s.tokens[i].text):
                continue
            role_end, key = found
            if key not in _HEADS_OF_STATE and _lemma(s.tokens[i]) != _LEADER_WORD:
                continue
            country = LEXICON["country_adjectives"].get(_lemma(s.tokens[i - 1]))
            entry = self.gazetteer.entries.get(country) if country else None
            if entry is None or any(p.start == role_end for p in s.persons):
                continue
            target = self.b.gazetteer_entity(entry)
            person = self._referent(s, target)
            if person is not None:
                role = Role(label=_role_label(s.words(i, role_end)), lang=LANG, key=key)
                status = self._status(s, i)
                self.b.membership(person, target, role, s.span, status=status, confidence=0.5)

    def _referent(self, s: _Sentence, country: str) -> str | None:
        """The person a description of ``country``'s post refers to (see
        :meth:`_described_posts`), among those named before sentence ``s``."""
        entities = self.b.extraction.entities
        earlier = {
            m.entity
            for m in self.b.extraction.mentions
            if entities[m.entity].type == EntityType.PERSON
            and m.evidence.mention is not None
            and m.evidence.mention.start < s.span.start
        }
        holders = {
            m.member
            for m in self.b.extraction.memberships
            if m.member in earlier and self._country_of(m.organization) == country
        }
        candidates = holders or earlier
        return next(iter(candidates)) if len(candidates) == 1 else None

    def _set_off_post(self, s: _Sentence, person: _Person) -> bool:
        """``Бывший спикер палаты представителей, Нэнси Пелоси, отметила``: a post
        opening the sentence, then the name set off by commas; whether one was found."""
        t, comma = s.tokens, person.start - 1
        if comma < 1 or t[comma].text != "," or person.end >= len(t) or t[person.end].text != ",":
            return False
        if self._window(s, comma) != 0:
            return False
        lead = next((i for i in range(comma) if self._role_at(s, i)), None)
        if lead is None or _is_plural(t[lead].text) or not self._only_adjectives(s, 0, lead):
            return False
        self._posts(s, person, lead, comma)
        return True

    def _stacked_before(self, s: _Sentence, start: int, role: int) -> list[tuple[int, int]]:
        """Posts listed before the one next to the name, each ending at a comma
        (``депутат муниципального собрания …, сопредседатель … Михаил Вельмакин``):
        (post start, comma) of each, as long as the post agrees in case with the one
        next to the name and follows no other person (whose apposition it would be)."""
        cases = ru.word_case(s.tokens[role].text, singular=True)
        found: list[tuple[int, int]] = []
        while start > 1 and s.tokens[start - 1].text == "," and len(found) < _MAX_STACKED:
            comma = start - 1
            left = self._window(s, comma)
            lead = next((i for i in range(left, comma) if self._role_at(s, i)), None)
            if lead is None or (left > 0 and self._in_person(s, left - 1)):
                break
            if not cases & ru.word_case(s.tokens[lead].text, singular=True):
                break
            found.append((lead, comma))
            start = left
        return found

    def _posts_after(self, s: _Sentence, person: _Person) -> None:
        """``Борис Стомахин, редактор газеты …``, ``Александр Брод, известный борец с
        ксенофобией, член Общественной палаты``: the comma- or dash-separated phrases
        after a name up to a verb; a phrase with a post among its first words is a
        post, unless another full name follows it (``Фрэнк Лэмпард, капитан клуба …
        Ледли Кинг``: the post is the next person's)."""
        t, i = s.tokens, person.end
        if self._caption_post(s, person):
            return
        for _ in range(_MAX_STACKED):
            if i >= len(t) or not (t[i].text == "," or t[i].text in _DASHES):
                return
            end = i + 1
            while end < len(t) and t[end].text not in _BOUNDARY and t[end].text != ".":
                if _is_verb(t[end].text) or self._in_person(s, end):
                    break
                end += 1
            if any(p.start == end and p.end - p.start > 1 for p in s.persons):
                return
            if any(self._role_at(s, k) for k in range(i + 1, min(end, i + 4))):
                self._posts(s, person, i + 1, end)
            if end < len(t) and t[end].is_word:
                return  # a verb ends the appositions
            i = end

    def _caption_post(self, s: _Sentence, person: _Person) -> bool:
        """``Кирсан Илюмжинов Президент ФИДЕ``: a line without a verb, a letter's
        signature or a caption, where the post follows the name with no comma; whether
        one was found."""
        t = s.tokens
        if person.end >= len(t) or self._role_at(s, person.end) is None:
            return False
        if any(token.is_word and _is_verb(token.text) for token in t):
            return False
        self._posts(s, person, person.end, len(t))
        return True

    @staticmethod
    def _in_person(s: _Sentence, i: int) -> bool:
        return any(p.start <= i < p.end for p in s.persons)

    def _governed_post(self, s: _Sentence, role: int, person: _Person) -> bool:
        """A post in the genitive after a noun for a decree, an invitation or a
        relative (``Указом главы государства Арман Тулегенов назначен``, ``супруге
        первого президента — Наине Иосифовне``) names the one who decreed or whose
        relative it is: the name after it is someone else, unless it is in the genitive
        too (``по приглашению президента Казахстана Нурсултана Назарбаева``) or may be
        (``Джоко Видодо`` does not decline)."""
        k = role - 1
        while k >= 0 and s.tokens[k].is_word and _is_adj(s.tokens[k].text):
            k -= 1
        if k < 0 or not s.tokens[k].is_word or _lemma(s.tokens[k]) not in _GOVERNING_NOUNS:
            return False
        governed = next(i for i in range(role, person.start) if s.tokens[i].is_word)
        if "gent" not in ru.word_case(s.tokens[governed].text):
            return False
        surname = s.words(person.start, person.end)[-1]
        return "gent" not in ru.word_case(surname, singular=True)
