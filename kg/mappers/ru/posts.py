"""Posts: a post phrase read as roles, their status and the organizations they belong to.

A phrase is split at dashes into segments, and again where a second post follows the
first one's organization with no comma; each segment is a post, extended over its
genitive complements (``заместитель министра экономики``), and an organization chain, or
several joined by ``и``.  A post without an organization takes the next one's, a
country's or a region's adjective (``российский президент``), or, for a national post,
the country the article is about at a lower confidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lang import ru
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.sentence import _Person, _Sentence
from kg.mappers.ru.words import (
    _DASHES,
    _GUESSED,
    _QUOTED_ORG_CUES,
    _STATUS,
    _STOP,
    LANG,
    LEXICON,
    _inside_quotes,
    _is_adj,
    _is_plural,
    _is_remit,
    _is_verb,
    _lemma,
    _role_label,
)
from kg.model import OrgKind, PostStatus, Role


class PostRules:
    """Memberships from post phrases: segments, complements, coordinated
    organizations, the post's status and the country a post belongs to."""

    b: ExtractionBuilder
    gazetteer: Gazetteer
    home_country: GazetteerEntry | None
    text: str

    if TYPE_CHECKING:  # defined by sibling mixins of _ArticleMapper; mypy checks they agree

        def _role_at(self, s: _Sentence, i: int) -> tuple[int, str | None] | None: ...
        @staticmethod
        def _joins_genitives(s: _Sentence, i: int) -> bool: ...
        def _org_chain(
            self, s: _Sentence, start: int, end: int, role: tuple[int, int, str | None]
        ) -> str | None: ...
        def _starts_org(self, s: _Sentence, i: int) -> bool: ...
        def _territorial_end(self, s: _Sentence, i: int, end: int) -> int: ...
        def _territory(self, name: str, role_key: str) -> str: ...

    def _posts(self, s: _Sentence, person: _Person, start: int, end: int) -> None:
        """Posts from ``start`` to ``end``: dash-separated segments, each a post and an
        organization chain (or several joined by ``и``); a segment without an
        organization takes the next one's."""
        segments, seg_start = [], start
        for i in range(start, end):
            if s.tokens[i].text in _DASHES and i not in s.covered:
                segments.append((seg_start, i))
                seg_start = i + 1
        segments.append((seg_start, end))
        parsed = [
            self._segment(s, c, d)
            for a, b in segments
            if a < b
            for c, d in self._juxtaposed(s, a, b)
        ]
        fallback = self._country_adjective(s, start - 1)
        pending: list[tuple[int, int, str | None]] = []
        for role_end, key, org_start, seg_end, lead in reversed(parsed):
            if self._role_at(s, lead) is None:
                continue  # a phrase without a post
            parts = self._coordinated_orgs(s, org_start, seg_end)
            orgs = [self._org_chain(s, a, b, role=(lead, role_end, key)) for a, b in parts]
            org = orgs[0]
            fallback = org or fallback
            target = (
                org
                or self._country_adjective(s, lead - 1)
                or self._region_adjective(s, lead - 1, key)
                or self._country_of(fallback)
            )
            guessed = target is None and key in LEXICON["implicit_country_roles"]
            if guessed and self.home_country:
                # ``Премьер-министр Сильвио Берлускони``
                target = self.b.gazetteer_entity(self.home_country)
            target = target or self._state_of_post(s, lead, role_end)
            if _is_plural(s.tokens[lead].text):
                continue  # ``депутаты …``, ``оба президента``: no one person's post
            if target is None:
                pending.append((lead, role_end, key))
            elif self._settle_guess(person.key, key, guessed=guessed):
                others = [o for o in orgs[1:] if o]
                self._add_post(s, person, (lead, role_end, key), target, others, guessed, org)
        country = self._country_of(fallback)
        if country:
            for post in pending:
                # ``Глава представительства США … помощник заместителя госсекретаря``: a
                # post stacked after one of a country's keeps to that country
                self._add_post(s, person, post, country, [], False, None)
        s.used.update(range(start, end))

    def _add_post(
        self,
        s: _Sentence,
        person: _Person,
        post: tuple[int, int, str | None],
        target: str,
        others: list[str],
        guessed: bool,
        org: str | None,
    ) -> None:
        """The membership of ``person`` in ``target`` (and in the ``others`` joined to
        it by ``и``) with the post at tokens ``post`` (start, end, roles key)."""
        lead, role_end, key = post
        role = Role(label=_role_label(s.words(lead, role_end)), lang=LANG, key=key)
        status = self._status(s, lead)
        for organization in dict.fromkeys([target, *others]):
            confidence = _GUESSED if guessed else 0.75 if organization != target or org else 0.55
            self.b.membership(
                person.key, organization, role, s.span, status=status, confidence=confidence
            )

    def _settle_guess(self, member: str, key: str | None, *, guessed: bool) -> bool:
        """Whether a post may be added, a national post whose country was guessed
        (the article's) giving way to the same post of the same person with its country
        told (``президент Украины Виктор Янукович`` … ``с президентом Виктором
        Януковичем`` in an article about Turkey): a told one replaces a guessed one
        added before, a guessed one is not added after a told one."""
        if key is None:
            return True
        ms = self.b.extraction.memberships
        same = [n for n, m in enumerate(ms) if m.member == member and m.role.key == key]
        if guessed:
            return all(ms[n].evidence.confidence == _GUESSED for n in same)
        for n in reversed(same):
            if ms[n].evidence.confidence == _GUESSED:
                del ms[n]
        return True

    def _juxtaposed(self, s: _Sentence, start: int, end: int) -> list[tuple[int, int]]:
        """A segment split where a second post follows the first one's organization
        with no comma (``наблюдатель от ОБСЕ португальский парламентарий``, ``в беседе
        с корреспондентом «Голоса Америки» лидер движения``).  Stacked this way the
        posts agree in case; one that does not (``корреспондентом``) is another
        person's and is left out."""
        parts, a = [], start
        while True:
            role_end, _key, _org, _end, lead = self._segment(s, a, end)
            nxt = next((k for k in range(role_end + 1, end) if self._new_post_at(s, k)), None)
            if nxt is None or lead >= end:
                parts.append((a, end))
                break
            while nxt - 1 > role_end and self._leading_adjective(s, nxt - 1):
                nxt -= 1  # ``португальский парламентарий``: the adjective is the post's
            parts.append((a, nxt))
            a = nxt
        last = self._segment(s, *parts[-1])[4]
        cases = ru.word_case(s.tokens[last].text, singular=True)
        agree = [
            (a, b)
            for a, b in parts[:-1]
            if cases & ru.word_case(s.tokens[self._segment(s, a, b)[4]].text, singular=True)
        ]
        return [*agree, parts[-1]]

    def _new_post_at(self, s: _Sentence, k: int) -> bool:
        """Token ``k`` starts another post: a post word not in the genitive (so no
        complement of the post before it), not after a preposition (``при Президенте``)
        and not joined to it by ``и`` (``директор и совладелец агентства`` is one post
        of one organization), nor inside quotes (``еженедельника «Пермский
        обозреватель»`` names an outlet)."""
        token = s.tokens[k]
        return (
            token.is_word
            and not _inside_quotes(s.tokens, k)
            and self._role_at(s, k) is not None
            and s.tokens[k - 1].text.lower() not in _STOP
            and "gent" not in ru.word_case(token.text)
            and not _is_plural(token.text)
        )

    @staticmethod
    def _leading_adjective(s: _Sentence, i: int) -> bool:
        token = s.tokens[i]
        return (
            token.is_word
            and i not in s.covered
            and _is_adj(token.text)
            and "gent" not in ru.word_case(token.text)
        )

    def _coordinated_orgs(self, s: _Sentence, start: int, end: int) -> list[tuple[int, int]]:
        """The organization part of a post split at ``и`` before another organization
        (``члена Общественной палаты и российско-американской рабочей группы``): one
        post in each."""
        parts, a = [], start
        regional = {
            k for j in range(start, end) for k in range(j, self._territorial_end(s, j, end))
        }  # ``МЧС по Санкт-Петербургу и Ленобласти`` is one organization
        for k in range(start + 1, end - 1):
            if s.tokens[k].text == "и" and k not in regional and not self._joins_genitives(s, k):
                head = k + 1
                while head < end - 1 and self._is_org_adjective(s, head):
                    head += 1
                if head in s.covered or head in s.named or self._starts_org(s, head):
                    parts.append((a, k))
                    a = k + 1
        parts.append((a, end))
        return parts

    @staticmethod
    def _is_org_adjective(s: _Sentence, i: int) -> bool:
        token = s.tokens[i]
        return token.is_word and i not in s.covered and _is_adj(token.text)

    def _state_of_post(self, s: _Sentence, lead: int, end: int) -> str | None:
        """``глава государства``, ``лидер страны``, ``глава российского государства``:
        a post of the state itself belongs to the country its adjective names, else to
        the country the article is about."""
        lemmas = [_lemma(t) for t in s.tokens[lead:end]]
        if not set(lemmas) & set(LEXICON["state_nouns"]):
            return None
        codes = [LEXICON["country_adjectives"].get(lemma) for lemma in lemmas]
        entry = next((self.gazetteer.entries.get(c) for c in codes if c), self.home_country)
        return self.b.gazetteer_entity(entry) if entry is not None else None

    def _country_adjective(self, s: _Sentence, i: int) -> str | None:
        """``российский президент``, ``британский премьер``: the country an adjective
        right before a post names, as the post's organization."""
        if i < 0 or not s.tokens[i].is_word:
            return None
        country = LEXICON["country_adjectives"].get(_lemma(s.tokens[i]))
        entry = self.gazetteer.entries.get(country) if country else None
        return self.b.gazetteer_entity(entry) if entry is not None else None

    def _region_adjective(self, s: _Sentence, i: int, role_key: str | None) -> str | None:
        """``подмосковный губернатор``, ``чеченский президент``: the region an adjective
        right before a post names, as the post's polity (see :meth:`_territory`)."""
        if i < 0 or not s.tokens[i].is_word or role_key is None:
            return None
        region = LEXICON["region_adjectives"].get(_lemma(s.tokens[i]))
        return self._territory(region, role_key) if region else None

    def _segment(self, s: _Sentence, start: int, end: int) -> tuple[int, str | None, int, int, int]:
        """(role end, role key, organization start, segment end, role start) of one post.
        The post extends over lower-case genitive complements (``министр экономики``)."""
        lead = start
        while lead < end and not self._role_at(s, lead):
            lead += 1
        found = self._role_at(s, lead) if lead < end else None
        if found is None:
            return start, None, start, end, start
        role_end, key = found
        if _is_remit(s.tokens, role_end):
            role_end = self._portfolio_end(s, role_end, end)
        while role_end < end and (
            self._complement(s, role_end) or self._coordinated_complement(s, lead, role_end, end)
        ):
            role_end += 1
        return role_end, key, role_end, end, lead

    def _coordinated_complement(self, s: _Sentence, lead: int, i: int, end: int) -> bool:
        """Token ``i`` is the ``и`` joining two complements of one post (``министр
        связи и коммуникаций``): a complement comes before it and another, no post of its
        own, after it."""
        return (
            s.tokens[i].text == "и"
            and lead + 1 < i
            and i + 1 < end
            and self._complement(s, i + 1)
            and self._role_at(s, i + 1) is None
        )

    @staticmethod
    def _portfolio_end(s: _Sentence, i: int, end: int) -> int:
        """After a minister's post, the portfolio introduced by ``по`` is part of the
        post (``министр по управлению персоналом``, ``министр по делам разведки``): it
        runs over lower-case words up to the organization's capitalized name."""
        if i >= end or s.tokens[i].text.lower() != "по":
            return i
        j = i + 1
        while j < end and s.tokens[j].is_word and not s.tokens[j].is_capitalized:
            if j in s.covered or _is_verb(s.tokens[j].text):
                break
            j += 1
        return j if j > i + 1 else i

    def _complement(self, s: _Sentence, i: int) -> bool:
        token = s.tokens[i]
        if i in s.covered:
            # ``заместитель начальника``: a known post in the genitive is the post's
            match = s.covered[i]
            first = s.tokens[match.start].text
            return match.entry.category == "role" and "gent" in ru.word_case(first, singular=True)
        if not token.is_word or token.is_capitalized:
            return False
        lemma = _lemma(token)
        if lemma in LEXICON["org_heads"]:
            return False
        if lemma in _QUOTED_ORG_CUES and i + 1 < len(s.tokens) and s.tokens[i + 1].text == "«":
            return False  # ``газеты «Радикальная политика»``: the organization's own word
        if lemma in LEXICON["unit_heads"]:
            # ``директор департамента Министерства …``: an unnamed unit followed by
            # its organization's name is part of the post, the member's organization
            # being the named one
            following = s.covered.get(i + 1)
            return i + 1 < len(s.tokens) and (
                (following is not None and following.entry.category != "role")
                or s.tokens[i + 1].is_capitalized
            )  # ``палаты представителей``: no named organization follows
        if _is_adj(token.text) and not (i + 1 < len(s.tokens) and self._complement(s, i + 1)):
            return False  # ``глава синодального Отдела``: the adjective is the name's
        return "gent" in ru.word_case(token.text) or self._role_at(s, i) is not None

    def _status(self, s: _Sentence, start: int) -> PostStatus:
        """The post's status from the words right before it and its adjectives
        (``бывший``, ``исполняющая обязанности регионального директора``)."""
        if s.tokens[start].text.lower().startswith("экс"):
            return PostStatus.FORMER
        first = start
        while (
            first > 0
            and s.tokens[first - 1].is_word
            and not s.tokens[first - 1].is_capitalized
            and _is_adj(s.tokens[first - 1].text)
        ):
            first -= 1
        for status, pattern in _STATUS.items():
            for i in dict.fromkeys((start, first)):
                before = self.text[max(s.span.start, s.tokens[i].start - 50) : s.tokens[i].start]
                if pattern.search(before):
                    return status
        return PostStatus.CURRENT

    def _country_of(self, key: str | None) -> str | None:
        if key is None:
            return None
        entity = self.b.extraction.entities.get(key)
        if entity is not None and entity.kind == OrgKind.STATE:
            return key
        while entity is not None and entity.parent:
            parent = self.b.extraction.entities.get(entity.parent)
            if parent is not None and parent.kind == OrgKind.STATE:
                return parent.key
            entity = parent
        return key
