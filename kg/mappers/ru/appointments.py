"""Appointments and leaders: posts told by a verb rather than by an apposition.

``назначен министром``, ``освобожден от должности``, ``занял пост спикера`` (or the post
put before the verb) and participles of leading (``партии, возглавляемой Бхутто``) give
a membership with the status the verb tells: newly appointed, former or current.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.lang import ru
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.sentence import _Person, _Sentence
from kg.mappers.ru.words import (
    _APPOINT,
    _BOUNDARY,
    _DISMISS,
    _LEADER,
    _LEADING_VERBS,
    _PAST_POST,
    _POST_NOUNS,
    _STOP,
    _TAKE_POST,
    LANG,
    _is_verb,
    _lemma,
)
from kg.model import PostStatus, Role


class AppointmentRules:
    """Memberships from verbs of appointing, dismissing, taking a post and
    leading."""

    b: ExtractionBuilder

    if TYPE_CHECKING:  # defined by sibling mixins of _ArticleMapper; mypy checks they agree

        def _role_at(self, s: _Sentence, i: int) -> tuple[int, str | None] | None: ...
        def _posts(self, s: _Sentence, person: _Person, start: int, end: int) -> None: ...
        def _org_chain(
            self, s: _Sentence, start: int, end: int, role: tuple[int, int, str | None]
        ) -> str | None: ...

    def _appointments(self, s: _Sentence) -> None:
        """``Иванов назначен министром …`` / ``Министром … назначен Иванов`` /
        ``освобожден от должности …`` / ``ранее занимал должность ректора …``,
        ``работал послом …`` (a past post); ``занял пост спикера …`` / ``Место спикера
        … занял Джон Бенер``; and the heads of organizations told with a participle
        (see :meth:`_leaders`)."""
        self._leaders(s)
        for i, token in enumerate(s.tokens):
            if _APPOINT.match(token.text):
                status = PostStatus.NEWLY_APPOINTED
            elif _DISMISS.match(token.text) or _PAST_POST.match(token.text):
                status = PostStatus.FORMER
            elif _TAKE_POST.match(token.text):
                status = PostStatus.CURRENT
            else:
                continue
            person = next((p for p in reversed(s.persons) if p.end <= i), None)
            person = person or next((p for p in s.persons if p.start > i), None)
            if person is None:
                continue
            j = i + 1
            taking = status == PostStatus.CURRENT
            while j < len(s.tokens) and _lemma(s.tokens[j]) in {"на", "от", *_POST_NOUNS}:
                j += 1
            if taking and _lemma(s.tokens[j - 1]) not in _POST_NOUNS:
                taken = self._taken_post(s, i)
                if taken is None:
                    continue  # ``занял первое место``: no post
                j, end = taken, i
                # the post put first, its holder is the subject after the verb
                person = next((p for p in s.persons if p.start > i), person)
            elif j < len(s.tokens) and self._role_at(s, j):
                end = j
                while end < len(s.tokens) and s.tokens[end].text not in _BOUNDARY | {"."}:
                    if any(p.start == end for p in s.persons):
                        break
                    end += 1
            else:
                fronted = self._fronted_role(s, i)
                if fronted is None:
                    continue
                j, end = fronted, i
            before = len(self.b.extraction.memberships)
            self._posts(s, person, j, end)
            self._set_status(before, status)

    def _leaders(self, s: _Sentence) -> None:
        """``Синдзи Харада, ранее возглавлявший отдел России`` (a past post),
        ``партии, возглавляемой Бхутто``: a participle of leading (``возглавлять``,
        ``руководить``) between a person and an organization makes the person its
        head; the active one follows the person and governs the organization, the
        passive one follows the organization and governs the person."""
        for i, token in enumerate(s.tokens):
            if not token.is_word or _lemma(token) not in _LEADING_VERBS:
                continue
            tag = ru.parses(token.text)[0].tag
            if "PRTF" not in tag:
                continue
            if "pssv" in tag:
                person = next((p for p in s.persons if p.start == i + 1), None)
                org_end = i - 1 if i > 0 and s.tokens[i - 1].text == "," else i
                org_start = self._phrase_start(s, org_end)
            else:
                person = next((p for p in s.persons if i - 3 <= p.end <= i), None)
                org_start = i + 1
                org_end = next(
                    (j for j in range(i + 1, len(s.tokens)) if s.tokens[j].text in _BOUNDARY),
                    len(s.tokens),
                )
            if person is None or org_start >= org_end:
                continue
            org = self._org_chain(s, org_start, org_end, role=(i, i, "head"))
            if org is None:
                continue
            status = PostStatus.FORMER if "past" in tag else PostStatus.CURRENT
            role = Role(label=_LEADER, lang=LANG, key="head")
            self.b.membership(person.key, org, role, s.span, status=status, confidence=0.6)

    @staticmethod
    def _phrase_start(s: _Sentence, end: int) -> int:
        """Where the words before ``end`` begin: no punctuation, preposition or verb."""
        start = end
        while start > 0:
            token = s.tokens[start - 1]
            if not token.is_word or token.text.lower() in _STOP or _is_verb(token.text):
                break
            start -= 1
        return start

    def _taken_post(self, s: _Sentence, verb: int) -> int | None:
        """The post a verb of taking governs when put before it, in the verb's clause:
        ``Место спикера Палаты представителей … занял Джон Бенер`` (the post word
        right after ``место``, ``пост``, ``должность``)."""
        for k in range(verb - 1, 0, -1):
            token = s.tokens[k]
            if token.text in _BOUNDARY or any(p.start <= k < p.end for p in s.persons):
                return None
            before = s.tokens[k - 1]
            if before.is_word and _lemma(before) in _POST_NOUNS and self._role_at(s, k):
                return k
        return None

    def _fronted_role(self, s: _Sentence, verb: int) -> int | None:
        """The post put before the verb in the instrumental, in the verb's clause:
        ``Председателем Агентства … назначен Дархан Жумабеков``."""
        for k in range(verb - 1, -1, -1):
            token = s.tokens[k]
            if token.text in _BOUNDARY or any(p.start <= k < p.end for p in s.persons):
                return None
            role = self._role_at(s, k)
            if role is not None and token.is_word and "ablt" in ru.word_case(token.text):
                return k
        return None

    def _set_status(self, since: int, status: PostStatus) -> None:
        ms = self.b.extraction.memberships
        for n in range(since, len(ms)):
            ms[n] = replace(ms[n], status=status)
