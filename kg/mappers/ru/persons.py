"""Persons: the person names of a sentence and one entity per person.

Full names (two or more words) are read in every sentence before any short one, so that
a surname alone (``Байменов``) or with initials names the person the article gives in
full.  A name is put in the nominative by the case of the post it stands in apposition
to (``с вице-премьером … Дин Сюэсяном``), which is why this module asks the apposition
rules where a post stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.lang import ru, stem
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.sentence import _Person, _Sentence
from kg.mappers.ru.words import (
    _HEAD_STEMS,
    _MAX_NAME_WORDS,
    _NOT_NAMES,
    _OPENERS,
    LANG,
    LEXICON,
    _is_function_word,
    _is_geographic,
    _lemma,
    _name_like,
    _same_script,
    _same_script_end,
)
from kg.model import EntityType, PostStatus


class PersonRules:
    """Name groups from the NER model and from runs of capitalized words and
    initials, registered under their surnames."""

    b: ExtractionBuilder
    surnames: dict[str, str]

    if TYPE_CHECKING:  # defined by sibling mixins of _ArticleMapper; mypy checks they agree

        def _window(self, s: _Sentence, start: int) -> int: ...
        def _role_at(self, s: _Sentence, i: int) -> tuple[int, str | None] | None: ...
        def _status(self, s: _Sentence, start: int) -> PostStatus: ...

    def _is_name_word(self, s: _Sentence, i: int) -> bool:
        token = s.tokens[i]
        if not token.is_word or not token.is_capitalized or ru.is_acronym(token.text):
            return False
        if i in s.covered and s.covered[i].entry.category != "role":
            return False
        if len(token.text) < 2 or token.text[0].isdigit():
            return False
        lemma = _lemma(token)
        opener = i == 0 or s.tokens[i - 1].text in _OPENERS
        if opener and _is_function_word(token.text):
            return False
        if _is_geographic(token.text) and ru.name_tag(token.text) is None:
            return False
        return (
            lemma not in _NOT_NAMES
            and lemma not in LEXICON["role_heads"]
            and stem(token.text, LANG) not in _HEAD_STEMS
        )

    def _is_initial(self, s: _Sentence, i: int) -> bool:
        t = s.tokens
        return (
            len(t[i].text) == 1 and t[i].text.isupper() and i + 1 < len(t) and t[i + 1].text == "."
        )

    def _name_groups(self, s: _Sentence) -> list[tuple[int, int, bool]]:
        """Person names the NER model found (flagged ``True``), then runs of capitalized
        words and initials (``А. Б. Байменов``) that it missed."""
        groups = [
            (i, _same_script_end(s.tokens, i, end), True)
            for i, (end, type_) in s.named.items()
            if type_ == "PER"
        ]
        taken = {k for a, (b, _) in s.named.items() for k in range(a, b)}
        i = 0
        while i < len(s.tokens):
            if i in taken or not s.tokens[i].is_capitalized:
                i += 1  # cheap checks first: most tokens start no name
                continue
            j = i
            while j < len(s.tokens):
                if self._is_initial(s, j):
                    j += 2
                elif (
                    self._is_name_word(s, j)
                    and j - i < _MAX_NAME_WORDS * 2
                    and (j == i or _same_script(s.tokens[i].text, s.tokens[j].text))
                ):
                    j += 1
                else:
                    break
            while j - i > 1 and _is_geographic(s.tokens[i].text):
                i += 1  # ``Кыргызстана Бакытом Осмоновым``: the country is not the name
            if j > i:
                if not taken.intersection(range(i, j)):
                    groups.append((i, j, False))
                i = j
            else:
                i += 1
        return sorted(groups)

    def _find_persons(self, s: _Sentence, *, full_names: bool) -> None:
        if s.name_groups is None:
            s.name_groups = self._name_groups(s)
        for start, end, by_model in s.name_groups:
            words = self._name_words(s, start, end)
            names = [w for w in words if not w.endswith(".")]
            has_initials = len(names) < len(words)
            if not names:
                continue
            full = len(names) >= 2
            if full != full_names:
                continue
            if full:
                likely = by_model or any(_name_like(w) for w in names)
                if not (likely or self._after_role(s, start)):
                    continue
                key: str | None = self._register(s, start, end, words)
            else:
                key = self._resolve_short(s, start, end, names[-1], has_initials or by_model)
            if key:
                s.persons.append(_Person(start, end, key))

    @staticmethod
    def _name_words(s: _Sentence, start: int, end: int) -> list[str]:
        """Words of a name group, initials with their full stop (``А.``)."""
        words: list[str] = []
        for token in s.tokens[start:end]:
            if token.text == "." and words:
                words[-1] += "."
            elif token.is_word:
                words.append(token.text)
        return words

    def _register(self, s: _Sentence, start: int, end: int, words: list[str]) -> str:
        name = ru.person_nominative(words, self._apposition_cases(s, start))
        key = self.b.entity(EntityType.PERSON, name, confidence=0.75)
        self.b.mention(key, s.tokens[start:end], s.span)
        base = name.split()
        # the surname as written and in base form: ``Ахмедовым`` and ``Ахмедов`` stem apart
        for word in (words[-1], base[-1], words[0]):
            self.surnames.setdefault(stem(word, LANG), key)
        return key

    def _resolve_short(
        self, s: _Sentence, start: int, end: int, surname: str, has_initials: bool
    ) -> str | None:
        """A surname alone (or with initials) names the full-name person of the article
        with that surname; otherwise it is a person only after a post or with initials."""
        key = next(
            (
                self.surnames[stem(form, LANG)]
                for form in ru.surname_nominative(surname)
                if stem(form, LANG) in self.surnames
            ),
            None,
        )
        words = self._name_words(s, start, end)
        if key is None:
            honorific = start > 0 and s.tokens[start - 1].text.lower() in LEXICON["honorifics"]
            if not (has_initials or honorific or self._after_role(s, start)):
                return None
            name = ru.person_nominative(words)
            key = self.b.entity(EntityType.PERSON, name, confidence=0.55)
        self.b.alias(key, self._short_form(key, words))
        self.b.mention(key, s.tokens[start:end], s.span, confidence=0.7)
        return key

    def _short_form(self, key: str, words: list[str]) -> str:
        """The short mention in base form, its surname taken from the full name when
        the stems agree (``А. Байменова`` → ``А. Байменов``)."""
        surname = words[-1]
        full = self.b.extraction.entities[key].name.split()
        forms = {stem(form, LANG) for form in ru.surname_nominative(surname)}
        same = [w for w in full if stem(w, LANG) in forms]
        base = same[0] if same else ru.person_nominative([surname])
        return " ".join([*words[:-1], base])

    def _apposition_cases(self, s: _Sentence, start: int) -> frozenset[str]:
        """The cases of the post a name stands in apposition to: the name agrees with
        it (``с вице-премьером … Дин Сюэсяном`` is instrumental)."""
        window = self._window(s, start)
        role = next((i for i in range(window, start) if self._role_at(s, i)), None)
        if role is None or not s.tokens[role].is_word:
            return frozenset()
        if self._status(s, role) == PostStatus.ACTING:
            return frozenset()  # ``исполняющая обязанности директора``: the post is a complement
        return frozenset(ru.word_case(s.tokens[role].text, singular=True))

    def _after_role(self, s: _Sentence, start: int) -> bool:
        window = self._window(s, start)
        return any(self._role_at(s, i) for i in range(window, start))
