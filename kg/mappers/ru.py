"""Russian rule + gazetteer mapper.

Russian news names people through appositions: a post, the organization it belongs to
(in the genitive) and then the name — ``председатель управляющего комитета
Регионального хаба … Алихан Байменов``.  The mapper finds person names first (by
dictionary name tags, Russian surname endings, initials, or a post right before them),
then reads the apposition to their left (or after a comma to their right) as one or more
posts (stacked with a dash) and an organization chain (unit → organization → country).
Events come from trigger words (``встретился с``, ``подписали меморандум``, ``форум
прошёл``); their date, place, organizer and super-event are read in the same sentence.
Cue words live in ``kg/gazetteers/lexicon_ru.json``; inflection is ``kg.lang.ru``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

from kg.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch
from kg.lang import ru, stem
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru_orgs import OrgMentions
from kg.model import (
    Article,
    EntityType,
    EventType,
    Extraction,
    OrgKind,
    PostStatus,
    Role,
    Span,
)
from kg.readers.dates import find_dates_in_text
from kg.text import Token, split_sentences, tokenize

LANG = "ru"
LEXICON = json.loads(
    resources.files("kg.gazetteers").joinpath("lexicon_ru.json").read_text(encoding="utf-8")
)
EVENTS = LEXICON["events"]
_LATIN = re.compile(r"[A-Za-z]")
_DASHES = frozenset({"–", "—", "-"})
_QUOTES = frozenset({"«", "»", '"', "“", "”", "„"})
_OPENING_QUOTES = frozenset({"«", "„", "“"})
_CLOSING_QUOTES = frozenset({"»", "“", "”"})
# a quoted name in any quote style: «Энергия», „Энергия“, “Энергия”, "Энергия"
_QUOTED_NAME = re.compile(r'«([^»]+)»|„([^“”]+)[“”]|“([^”]+)”|"([^"]+)"')
_BOUNDARY = frozenset(",;:()!?…")
_STATUS = {
    PostStatus(name): re.compile(pattern, re.IGNORECASE)
    for name, pattern in LEXICON["status_patterns"].items()
}
_APPOINT = re.compile(LEXICON["appointment_pattern"], re.IGNORECASE)
_DISMISS = re.compile(LEXICON["dismissal_pattern"], re.IGNORECASE)
_PAST_POST = re.compile(LEXICON["past_post_pattern"], re.IGNORECASE)
_TAKE_POST = re.compile(LEXICON["taking_post_pattern"], re.IGNORECASE)
_POST_NOUNS = frozenset(LEXICON["post_nouns"])
_ORGANIZER = re.compile(EVENTS["organizer_cues"], re.IGNORECASE)
_EVENT_NAMES = {
    EventType.MEETING: "Встреча",
    EventType.VISIT: "Визит",
}
_TRIGGER_WORDS = (
    *EVENTS["meeting_verbs"],
    *EVENTS["meeting_nouns"],
    *EVENTS["conference_nouns"],
    *EVENTS["signing_verbs"],
    *EVENTS["visit_verbs"],
    *EVENTS["talk_verbs"],
)
# Lemmas change their last letters in inflection and ``встретиться`` becomes
# ``встретился``: four letters of each trigger are enough for a cheap pre-check.
_TRIGGER_PREFIXES = re.compile(
    "|".join(sorted({re.escape(w[:4].replace("ё", "е")) for w in _TRIGGER_WORDS}))
)
_MAX_NAME_WORDS = 4
_OPENERS = frozenset({"«", '"', "—", "–", "(", ":"})
_MAX_NP = 8
_MAX_STACKED = 3  # posts told of one person in a row
_GUESSED = 0.5  # confidence of a national post whose country is the article's
_LEADING_VERBS = frozenset(LEXICON["leading_verbs"])
_LEADER = "руководитель"
_LEADER_WORD = "лидер"  # ``российский лидер``: a country's leader is its head of state
_HEADS_OF_STATE = frozenset({"president", "prime-minister"})
_NAMED_CATEGORIES = ("organization", "country", "place")
_NOT_RECEIVE = frozenset(EVENTS["not_receive"])
_RECEPTION_REACH = 9  # ``принимает в Белом доме своего французского коллегу Николя …``
_TALK_REACH = 5  # ``договорился с президентом Виктором …``


@dataclass
class _Person:
    """A person name found in a sentence: tokens ``start``..``end`` of the sentence."""

    start: int
    end: int
    key: str = ""


@dataclass
class _Sentence:
    span: Span
    tokens: list[Token]
    matches: list[GazetteerMatch]
    covered: dict[int, GazetteerMatch] = field(default_factory=dict)
    named: dict[int, tuple[int, str]] = field(default_factory=dict)
    named_orgs: dict[int, str] = field(default_factory=dict)
    persons: list[_Person] = field(default_factory=list)
    name_groups: list[tuple[int, int, bool]] | None = None
    used: set[int] = field(default_factory=set)

    def words(self, start: int, end: int) -> list[str]:
        return [t.text for t in self.tokens[start:end] if t.is_word]


_NOT_NAMES = frozenset(LEXICON["not_names"])
_STOP = frozenset(LEXICON["stop_words"])
_GENERIC_HEADS = frozenset((*LEXICON["unit_heads"], *LEXICON["org_heads"]))
_HEAD_STEMS = {stem(word, LANG): word for word in (*LEXICON["unit_heads"], *LEXICON["org_heads"])}
_QUOTED_ORG_CUES = frozenset((*LEXICON["org_heads"], *LEXICON["quoted_org_cues"]))
_COUNTRY_BODIES = LEXICON["country_bodies"]
_GOVERNING_NOUNS = frozenset(LEXICON["governing_nouns"])
_TERRITORY_NOUNS = frozenset(LEXICON["territory_nouns"])
_OCCASIONS = frozenset(LEXICON["post_occasions"])
_NOT_REMITS = frozenset(LEXICON["not_remits"])
_LOCATING = frozenset({"в", "во", "по", "на", "от"})
_WORD_BEFORE = re.compile(r"(\w+)[\s«\"“„]*$")  # the word before a name and its quotes
_NAMED_BY_PURPOSE = frozenset(
    (
        *LEXICON["unit_heads"],
        *(head for head, kind in LEXICON["org_heads"].items() if kind == "government_body"),
    )
)
_FUNCTION_TAGS = frozenset({"ADVB", "CONJ", "PREP", "PRCL", "NPRO", "INTJ", "PRED", "COMP"})
_VERB_TAGS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


def _lemma(token: Token) -> str:
    return ru.lemma(token.text) if token.is_word else token.text


def _is_verb(word: str) -> bool:
    best = ru.parses(word)[0]
    return bool(_VERB_TAGS & best.tag.grammemes) and best.score >= 0.3


def _is_plural(word: str) -> bool:
    best = ru.parses(word)[0]
    return best.tag.number == "plur" and best.score >= 0.5


def _is_adj(word: str) -> bool:
    best = ru.parses(word)[0]
    return bool({"ADJF", "PRTF"} & best.tag.grammemes) or (
        word[:1].isupper() and word.lower().endswith(("ский", "ском", "ского", "ской", "ская"))
    )


def _is_pronoun(word: str) -> bool:
    """``его``, ``своё``, ``наше``: a personal or possessive pronoun."""
    tag = ru.parses(word)[0].tag
    return "NPRO" in tag or "Apro" in tag


def _name_like(word: str) -> bool:
    """A dictionary first name, patronymic or surname, or a Russian surname ending."""
    return ru.name_tag(word) is not None or ru.has_surname_ending(word)


def _is_geographic(word: str) -> bool:
    """A dictionary place name (guesses for unknown words do not count)."""
    return ru.is_known(word) and any("Geox" in p.tag and p.score >= 0.5 for p in ru.parses(word))


def _is_function_word(word: str) -> bool:
    """``Затем``, ``Однако``: a capitalized sentence opener that is no name."""
    best = ru.parses(word)[0]
    return bool(_FUNCTION_TAGS & best.tag.grammemes) and ru.name_tag(word) is None


def _is_remit(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a ``по`` before a lower-case remit (``по космическим полётам``),
    not one giving a source or an occasion (``по словам``, ``по предварительным
    данным``, ``по итогам``)."""
    if not 0 < i < len(tokens) - 1 or tokens[i].text.lower() != "по":
        return False
    words = itertools.takewhile(lambda t: t.is_word and not t.is_capitalized, tokens[i + 1 :])
    noun = next((t for t in words if not _is_adj(t.text)), None)
    return noun is not None and _lemma(noun) not in _NOT_REMITS


def _inside_quotes(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` stands between an opening quote and its closing one."""
    depth = 0
    for token in tokens[:k]:
        if token.text in _CLOSING_QUOTES and depth:
            depth -= 1  # ``“`` closes ``„Энергия“`` and opens ``“Энергия”``
        elif token.text in _OPENING_QUOTES:
            depth += 1
    return depth > 0


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _role_label(words: list[str]) -> str:
    """The post in the nominative, lower case unless it holds a name or an acronym."""
    label = ru.phrase_nominative(words)
    first = label.split()[0] if label else label
    return label if ru.is_acronym(first) else label[:1].lower() + label[1:]


def _head_word(words: list[str]) -> str:
    return next((w for w in words if not _is_adj(w)), words[0])


def _same_script(a: str, b: str) -> bool:
    """``Джоэл Саймон Joel Simon`` is two names: the transliteration starts another."""
    return bool(_LATIN.match(a)) == bool(_LATIN.match(b))


def _same_script_end(tokens: list[Token], start: int, end: int) -> int:
    """Where a name span written in one script ends (the model tags ``Джоэл Саймон
    Joel Simon`` as one person)."""
    first = tokens[start].text
    switches = (
        j
        for j in range(start + 1, end)
        if tokens[j].is_word and not _same_script(first, tokens[j].text)
    )
    return next(switches, end)


def _bracketed_acronym(tokens: list[Token], i: int) -> bool:
    """Tokens ``i``..``i + 2`` are an acronym in brackets: ``( ОЭСР )``."""
    return (
        i >= 0
        and i + 2 < len(tokens)
        and tokens[i].text == "("
        and ru.is_acronym(tokens[i + 1].text)
        and tokens[i + 2].text == ")"
    )


def _strip_acronym(tokens: list[Token], start: int, end: int) -> tuple[int, str | None]:
    """A name's end without the acronym bracketed after it, and that acronym:
    ``Исламский комитет России (ИКР)`` is named ``Исламский комитет России``."""
    if end - start > 3 and _bracketed_acronym(tokens, end - 3):
        return end - 3, tokens[end - 2].text
    return end, None


def ru_slug(name: str) -> str:
    """Key for finding an event again by name (case and ``ё`` ignored)."""
    return " ".join(re.findall(r"\w+", name.lower().replace("ё", "е")))


class RussianMapper:
    """Rules and gazetteers for Russian; see the module docstring for the approach."""

    name = "kg-ru-rules"
    version = "0.1.0"
    languages = (LANG,)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()
        ru.analyzer()

    def extract(self, article: Article) -> Extraction:
        return _ArticleMapper(self, article).run()


class _ArticleMapper:
    """The state of mapping one article: persons by surname, events by name."""

    def __init__(self, mapper: RussianMapper, article: Article) -> None:
        self.gazetteer = mapper.gazetteer
        self.b = ExtractionBuilder(article, mapper.name, mapper.version)
        self.b.lang = LANG
        self.text = article.text
        self.dates = find_dates_in_text(self.text, LANG)
        self.surnames: dict[str, str] = {}
        self.events: dict[str, str] = {}
        self.last_conference: dict[str, str] = {}
        self.named = ru.named_spans(self.text)
        self.title_end = len(article.title) if article.title and article.body else 0

    def run(self) -> Extraction:
        sentences = [self._prepare(span) for span in split_sentences(self.text)]
        self.home_country = self._home_country(sentences)
        for sentence in sentences:
            self._find_persons(sentence, full_names=True)
        for sentence in sentences:
            self._find_persons(sentence, full_names=False)
            self._gazetteer_mentions(sentence)
            self._named_mentions(sentence)
            self._quoted_orgs(sentence)
            for person in sentence.persons:
                self._appositions(sentence, person)
            self._described_posts(sentence)
            self._country_bodies(sentence)
            self._head_references(sentence)
            self._appointments(sentence)
            if sentence.span.start >= self.title_end:
                self._events(sentence)
        for sentence in sentences:
            if sentence.span.start < self.title_end:
                self._events(sentence, headline=True)
        OrgMentions(self.b).run(sentences)
        return self.b.build()

    def _home_country(self, sentences: list[_Sentence]) -> GazetteerEntry | None:
        """The country the article is mostly about (named most often, the first named
        on a tie): a national post with no country next to it (``Премьер-министр
        Сильвио Берлускони заявил``) is taken to be that country's."""
        counts: dict[str, int] = {}
        for s in sentences:
            for m in s.matches:
                if m.entry.category == "country":
                    counts[m.entry.id] = counts.get(m.entry.id, 0) + 1
            for token in s.tokens:
                if token.is_word and token.text[:1].islower():
                    country = LEXICON["country_adjectives"].get(_lemma(token))
                    if country in self.gazetteer.entries:
                        counts[country] = counts.get(country, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda c: counts[c])  # dicts keep first-seen order on ties
        return self.gazetteer.entries[best]

    def _prepare(self, span: Span) -> _Sentence:
        tokens = tokenize(self.text, span)
        matches = self.gazetteer.match(tokens, LANG)
        sentence = _Sentence(span, tokens, matches)
        for named in self.named:
            if not span.start <= named.start < span.end:
                continue
            inside = [i for i, t in enumerate(tokens) if named.start <= t.start < named.end]
            if inside:
                sentence.named[inside[0]] = (inside[-1] + 1, named.type)
        self._reconcile(sentence)
        covered = {i for m in matches for i in range(m.start, m.end)}
        for start, (end, type_) in sentence.named.items():
            if type_ != "PER" and not covered.intersection(range(start, end)):
                entry = self._known_after_inflection(sentence.words(start, end), _NAMED_CATEGORIES)
                if entry is not None:
                    matches.append(GazetteerMatch(entry, start, end, "name"))
        matches.sort(key=lambda m: m.start)
        for m in matches:
            for i in range(m.start, m.end):
                sentence.covered[i] = m
        return sentence

    @staticmethod
    def _reconcile(s: _Sentence) -> None:
        """One reading where the NER model and the gazetteer disagree on an
        organization.  The gazetteer wins (``Программой развития`` inside ``Программой
        развития ООН``; ``Организации … развития (ОЭСР)``, which the entry and its
        acronym already cover), except when the model's span runs on from the entry's
        start in lower-case words: then the entry is the prefix of a longer name
        (``Агентство по делам государственной службы и местного самоуправления``)."""
        for start, (end, type_) in list(s.named.items()):
            if type_ != "ORG":
                continue
            orgs = [
                m
                for m in s.matches
                if m.entry.category == "organization" and m.start < end and start < m.end
            ]
            if not orgs:
                continue
            first = orgs[0]
            tail = s.tokens[first.end : end]
            runs_on = (
                len(orgs) == 1
                and first.start == start
                and first.end < end
                and all(t.is_word and not t.is_capitalized for t in tail)
            )
            if runs_on:
                s.matches.remove(first)
            else:
                del s.named[start]

    # -- persons ----------------------------------------------------------------------

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
                key = self._register(s, start, end, words)
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

    # -- appositions: posts and organizations ------------------------------------------

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
        for post in pending if country else ():
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

    # -- organization chains ----------------------------------------------------------

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

    # -- appointments -----------------------------------------------------------------

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
                j, end = self._taken_post(s, i), i  # ``занял первое место``: no post
                if j is None:
                    continue
                # the post put first, its holder is the subject after the verb
                person = next((p for p in s.persons if p.start > i), person)
            elif j < len(s.tokens) and self._role_at(s, j):
                end = j
                while end < len(s.tokens) and s.tokens[end].text not in _BOUNDARY | {"."}:
                    if any(p.start == end for p in s.persons):
                        break
                    end += 1
            else:
                j, end = self._fronted_role(s, i), i
                if j is None:
                    continue
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

    # -- events -----------------------------------------------------------------------

    def _events(self, s: _Sentence, *, headline: bool = False) -> None:
        """The event of a sentence.  A headline only summarises the body, so it adds
        an event only when the body reports none of that type (it is read last)."""
        lower = self.text[s.span.start : s.span.end].lower().replace("ё", "е")
        if not _TRIGGER_PREFIXES.search(lower):
            return  # no trigger word: skip lemmatizing the whole sentence
        lemmas = [_lemma(t) for t in s.tokens]
        found = self._classify(s, lemmas)
        if found is None:
            return
        type_, name, generic = found
        if headline and any(e.type == type_ for e in self.b.extraction.events):
            return
        meeting = type_ == EventType.MEETING
        scope = self._meeting_scope(s, lemmas) if meeting else range(len(s.tokens))
        persons = tuple(dict.fromkeys(p.key for p in s.persons if p.start in scope))
        place = self._place(s)
        date = self._date(s)
        parent = self._parent(s, date, place)
        date, place = self._narrative_setting(parent, date, place)
        orgs = self._parties(s, scope)
        participants = persons if len(persons) >= 2 else (*persons, *orgs)
        organizers = self._organizers(s, lemmas)
        participants = tuple(p for p in participants if p not in organizers)
        if meeting:
            participants = self._meeting_parties(participants, place)
        head = ru.lemma(_head_word(name.split()))
        existing = self._same_event(type_, name, head, generic and not persons, lemmas)
        again = self._same_meeting(persons) if meeting and not existing else None
        if again:
            existing, participants = again, ()  # the same persons, perhaps named in full
        elif existing and meeting and len(self._persons_of(existing)) >= 2:
            participants = persons  # the persons met; organizations named later are context
        if existing:
            self._merge(existing, participants, organizers, place, parent, date)
            return
        key = self.b.event(
            type_,
            name,
            s.span,
            date=date,
            place=place,
            participants=participants,
            organizers=organizers,
            parent=parent if parent != existing else None,
            confidence=0.7,
        )
        self.events.setdefault(ru_slug(name), key)
        self.last_conference[head] = key

    def _meeting_scope(self, s: _Sentence, lemmas: list[str]) -> range:
        """The tokens that name a meeting's parties: in ``во время встречи между X и Y,
        сказал Z`` those after ``между`` up to the end of the clause naming the second
        party; the whole sentence otherwise."""
        start = self._between(lemmas)
        if start is None:
            return range(len(s.tokens))
        persons = sorted(p.start for p in s.persons if p.start >= start)
        orgs = [m for m, _end, _key in self._org_mentions(s) if m >= start]
        parties = persons if len(persons) >= 2 else orgs
        if len(parties) < 2:
            return range(start, len(s.tokens))
        end = next(
            (j for j in range(parties[1], len(s.tokens)) if s.tokens[j].text in _BOUNDARY),
            len(s.tokens),
        )
        return range(start, end)

    def _meeting_parties(self, participants: tuple[str, ...], place: str | None) -> tuple[str, ...]:
        """A meeting's parties without its place (``В России мы встречались с …``:
        Russia is where, not who) and without an organization one of whose own units
        is a party too (a ministry meets on its country's behalf).  Delegations of two
        states (``Казахстан и ЕС провели переговоры``) stay."""
        entities = self.b.extraction.entities
        above: set[str] = set()
        for key in participants:
            parent = entities[key].parent
            while parent and parent not in above:
                above.add(parent)
                parent = entities[parent].parent if parent in entities else None
        return tuple(p for p in participants if p != place and p not in above)

    def _persons_of(self, event_key: str) -> list[str]:
        """The persons among an event's participants (organizations left out)."""
        event = next(e for e in self.b.extraction.events if e.key == event_key)
        entities = self.b.extraction.entities
        return [p for p in event.participants if entities[p].type == EntityType.PERSON]

    def _same_meeting(self, persons: tuple[str, ...]) -> str | None:
        """A meeting of the same two or more persons (by surname: ``Реджеп Тайип
        Эрдоган`` is ``Реджеп Эрдоган`` later) reported before in the article:
        ``договорился с президентом …`` and later ``во время встречи между …``."""
        if len(persons) < 2:
            return None
        surnames = self._surnames(persons)
        return next(
            (
                e.key
                for e in self.b.extraction.events
                if e.type == EventType.MEETING
                and self._surnames(self._persons_of(e.key)) == surnames
            ),
            None,
        )

    def _surnames(self, persons: Iterable[str]) -> frozenset[str]:
        """Stems of the persons' surnames: how two name forms of one person compare."""
        entities = self.b.extraction.entities
        return frozenset(stem(entities[p].name.split()[-1], LANG) for p in persons)

    def _same_event(
        self, type_: EventType, name: str, head: str, generic: bool, lemmas: list[str]
    ) -> str | None:
        """An event already reported that this sentence speaks about again: the same
        name, a name containing the other (``Международный форум …`` / ``Форум …``), a
        bare ``форум``, or ``встреча состоялась`` after a reported meeting."""
        if type_ == EventType.SIGNING:
            return self.events.get(ru_slug(name))  # the same document signed, told again
        if type_ == EventType.MEETING:
            noun_only = not set(lemmas) & {"встретиться", "встречаться", "принять"}
            return self.last_conference.get(head) if noun_only and generic else None
        if type_ != EventType.CONFERENCE:
            return None
        slug = ru_slug(name)
        if slug in self.events:
            return self.events[slug]
        bare = slug.split() == [ru_slug(head)]  # ``Форум открыл …``: the forum named before
        for known, key in self.events.items():
            if known.endswith(slug) or slug.endswith(known) or known.startswith(slug):
                return key
            if bare and slug in known.split():
                return key
        return self.last_conference.get(head) if generic else None

    def _classify(self, s: _Sentence, lemmas: list[str]) -> tuple[EventType, str, bool] | None:
        """(type, base-form name, whether the name is generic) of the sentence's event."""
        has = set(lemmas)
        if has & set(EVENTS["signing_verbs"]):
            doc = next((i for i, x in enumerate(lemmas) if x in EVENTS["documents"]), None)
            if doc is not None:
                words = self._np(s, doc)
                return EventType.SIGNING, "Подписание " + ru.inflect_phrase(words, "gent"), False
            signed = [e for e in self.b.extraction.events if e.type == EventType.SIGNING]
            if signed and has & set(EVENTS["document_references"]):
                return EventType.SIGNING, signed[-1].name, False  # ``Документ подписали …``
        if self._is_meeting(s, lemmas):
            return EventType.MEETING, _EVENT_NAMES[EventType.MEETING], True
        visit = has & (set(EVENTS["visit_nouns"]) | set(EVENTS["visit_verbs"]))
        if visit and (s.persons or any(m.entry.category != "place" for m in s.matches)):
            return EventType.VISIT, _EVENT_NAMES[EventType.VISIT], True
        cue = has & (set(EVENTS["happened_verbs"]) | set(EVENTS["participation_cues"]))
        for i, lemma in enumerate(lemmas):
            kind = EVENTS["conference_nouns"].get(lemma)
            if kind in ("conference", "event") and cue and not self._after_parent_cue(s, i):
                words = self._np(s, i)
                s.used.update(range(*self._np_span(s, i)))  # its organizer names it
                name = _capitalize(ru.phrase_nominative(words))
                type_ = EventType.CONFERENCE if kind == "conference" else EventType.EVENT
                return type_, name, len(words) == 1
        return None

    def _is_meeting(self, s: _Sentence, lemmas: list[str]) -> bool:
        """A meeting is said to happen (``встретился с``, ``переговоры прошли``), a
        visitor is received, talks with someone are reported or a ``встреча между``
        is named, unless the sentence is about a stage or a sports match
        (``встретятся на одной сцене``, ``матч … состоится``)."""
        has = set(lemmas)
        said = has & {"встретиться", "встречаться"} or (
            has & set(EVENTS["meeting_nouns"]) and has & set(EVENTS["happened_verbs"])
        )
        found = (
            said
            or self._received(s, lemmas)
            or self._talked(s, lemmas)
            or self._between(lemmas) is not None
        )
        return bool(found) and not self._staged(s, lemmas)

    def _received(self, s: _Sentence, lemmas: list[str]) -> bool:
        """``принял посла …``, ``принимает в Белом доме своего коллегу Николя …``
        (received a visitor): a person, or a post in the accusative, follows in the
        same clause before any other verb.  Not ``принял участие``, ``решение
        приняли`` or ``принять новых членов``: an object that is no visitor comes
        first (or right before the verb)."""
        for i, lemma in enumerate(lemmas):
            if lemma not in EVENTS["reception_verbs"] or (i and lemmas[i - 1] in _NOT_RECEIVE):
                continue
            for j in range(i + 1, min(len(s.tokens), i + _RECEPTION_REACH)):
                token = s.tokens[j]
                if token.text in _BOUNDARY or lemmas[j] in _NOT_RECEIVE:
                    break
                if any(p.start == j for p in s.persons):
                    return True
                if self._role_at(s, j) and "accs" in ru.word_case(token.text):
                    return True
                if token.is_word and _is_verb(token.text):
                    break
        return False

    def _talked(self, s: _Sentence, lemmas: list[str]) -> bool:
        """``договорился с президентом Виктором Януковичем``, ``побеседовал с …``:
        talks with a person or a post holder."""
        for i, lemma in enumerate(lemmas[:-1]):
            if lemma in EVENTS["talk_verbs"] and lemmas[i + 1] in {"с", "со"}:
                ahead = range(i + 2, min(len(s.tokens), i + 2 + _TALK_REACH))
                if any(self._role_at(s, j) for j in ahead) or any(
                    p.start in ahead for p in s.persons
                ):
                    return True
        return False

    @staticmethod
    def _between(lemmas: list[str]) -> int | None:
        """The token after ``между`` in ``встреча между X и Y``, ``переговоры между …``."""
        return next(
            (
                i + 2
                for i, lemma in enumerate(lemmas[:-1])
                if lemma in EVENTS["meeting_nouns"] and lemmas[i + 1] in EVENTS["between"]
            ),
            None,
        )

    def _staged(self, s: _Sentence, lemmas: list[str]) -> bool:
        """A performance or a contest (``на одной сцене``, ``матч``): people who meet
        there do not hold a meeting; ``на полях турнира`` only sets the scene."""
        return any(
            lemma in EVENTS["staged_cues"] and not self._after_parent_cue(s, i)
            for i, lemma in enumerate(lemmas)
        )

    def _after_parent_cue(self, s: _Sentence, i: int) -> bool:
        before = self.text[max(s.span.start, s.tokens[i].start - 30) : s.tokens[i].start]
        return bool(re.search(EVENTS["parent_cues"] + r"\s+(?:\w+\s+){0,3}$", before))

    def _np(self, s: _Sentence, i: int) -> list[str]:
        start, end = self._np_span(s, i)
        return [t.text for t in s.tokens[start:end] if t.is_word or t.text in "«»"]

    def _np_span(self, s: _Sentence, i: int) -> tuple[int, int]:
        """The noun phrase headed by token ``i``: adjectives to its left, genitives,
        names, quotes and ``по``/``о`` phrases to its right."""
        start = i
        while start > 0 and s.tokens[start - 1].is_word and _is_adj(s.tokens[start - 1].text):
            start -= 1
        end, after_preposition = i + 1, False
        while end < len(s.tokens) and end - start < _MAX_NP:
            token = s.tokens[end]
            lower = token.text.lower()
            covered = (
                end in s.covered
                and s.covered[end].entry.category != "place"
                and (ru.is_acronym(token.text) or "gent" in ru.word_case(token.text))
            )
            if lower in {"по", "о", "об"}:
                after_preposition = True
            elif not (token.text in _QUOTES or covered or self._np_word(s, end, after_preposition)):
                break
            end += 1
        while end > i + 1 and s.tokens[end - 1].text.lower() in {"по", "о", "об", "«"}:
            end -= 1
        return start, end

    def _np_word(self, s: _Sentence, i: int, any_case: bool) -> bool:
        """A word that may continue a noun phrase: a genitive or an acronym (or, after
        ``о``/``по``, any noun or adjective), never a verb, a stop word or a person."""
        token = s.tokens[i]
        if not token.is_word or token.text.lower() in _STOP or _is_verb(token.text):
            return False
        if any(p.start <= i < p.end for p in s.persons):
            return False
        return any_case or "gent" in ru.word_case(token.text) or ru.is_acronym(token.text)

    def _parties(self, s: _Sentence, scope: range) -> tuple[str, ...]:
        """Organizations and countries named in ``scope`` outside any apposition; a
        country in the genitive right after an organization (``Агентство … Кыргызской
        Республики``) says whose the organization is and is no party of its own."""
        mentions = self._org_mentions(s)
        ends = {end for _start, end, key in mentions}
        return tuple(
            key
            for start, _end, key in mentions
            if start in scope
            and start not in s.used
            and not self._after_organizer_cue(s, start)
            and not (start in ends and self._country_after(s, start) is not None)
        )

    @staticmethod
    def _org_mentions(s: _Sentence) -> list[tuple[int, int, str]]:
        """(start, end, key) of the organizations and countries the sentence names, from
        the gazetteer and from the NER model, in text order."""
        found = [
            (m.start, m.end, f"gaz:{m.entry.id}")
            for m in s.matches
            if m.entry.category in ("organization", "country")
        ]
        found += [(start, s.named[start][0], key) for start, key in s.named_orgs.items()]
        return sorted(found)

    def _after_organizer_cue(self, s: _Sentence, i: int) -> bool:
        """True when an organizer cue (``организованный``, ``организатором``) stands
        before token ``i`` in the same clause, so that every party of a coordinated
        list (``организованный Агентством … и Программой развития ООН``) is one."""
        before = self.text[s.span.start : s.tokens[i].start]
        cues = list(_ORGANIZER.finditer(before))
        return bool(cues) and not re.search(r"[,;:]", before[cues[-1].end() :])

    def _organizers(self, s: _Sentence, lemmas: list[str]) -> tuple[str, ...]:
        orgs = self._org_mentions(s)
        keys = [key for start, _end, key in orgs if self._after_organizer_cue(s, start)]
        verbs = [i for i, x in enumerate(lemmas) if x in EVENTS["organizer_verbs"]]
        gatherings = {"conference", "event"}
        if verbs and any(
            EVENTS["conference_nouns"].get(x) in gatherings for x in lemmas[verbs[0] :]
        ):
            keys += [
                key
                for _start, end, key in orgs
                if end <= verbs[0] and self.b.extraction.entities[key].kind != OrgKind.STATE
            ]
        return tuple(dict.fromkeys(keys))

    def _place(self, s: _Sentence) -> str | None:
        for m in s.matches:
            if m.entry.category == "place":
                return self.b.gazetteer_entity(m.entry)
        for i, token in enumerate(s.tokens[1:], start=1):
            if s.tokens[i - 1].text.lower() not in {"в", "во"} or i in s.covered or i in s.used:
                continue
            if not token.is_capitalized or ru.is_acronym(token.text):
                continue
            for p in ru.parses(token.text):
                if "Geox" in p.tag and str(p.tag.case) == "loct" and p.score >= 0.3:
                    key = self.b.entity(
                        EntityType.PLACE, _capitalize(p.normal_form), confidence=0.5
                    )
                    self.b.mention(key, [token], s.span, confidence=0.5)
                    return key
        for m in s.matches:
            located = m.start > 0 and s.tokens[m.start - 1].text.lower() in {"в", "во"}
            if m.entry.category == "country" and located and m.start not in s.used:
                return self.b.gazetteer_entity(m.entry)
        return None

    def _narrative_setting(
        self, parent: str | None, date: dt.date | None, place: str | None
    ) -> tuple[dt.date | None, str | None]:
        """Date and place of an event whose sentence gives none: those of the event it
        is part of, else of the event reported just before (``Пленарную сессию форума
        открыл …`` happens where and when the forum did), not the publication date."""
        events = self.b.extraction.events
        context = next((e for e in events if e.key == parent), None) if parent else None
        context = context or (events[-1] if events else None)
        if context is None:
            return date, place
        if date is None and not context.date_from_article:
            date = context.date
        return date, place or context.place

    def _date(self, s: _Sentence) -> dt.date | None:
        for start, _end, date in self.dates:
            if s.span.start <= start < s.span.end:
                return date
        return None

    def _parent(self, s: _Sentence, date: dt.date | None, place: str | None) -> str | None:
        """The super-event named after ``в рамках`` / ``на полях`` / ``в ходе``."""
        for match in re.finditer(EVENTS["parent_cues"], self.text[s.span.start : s.span.end], re.I):
            pos = s.span.start + match.end()
            i = next((n for n, t in enumerate(s.tokens) if t.start >= pos), None)
            if i is None:
                continue
            np_start, np_end = self._np_span(s, i)
            s.used.update(range(np_start, np_end))
            words = self._np(s, i)
            if not words:
                continue
            name = _capitalize(ru.phrase_nominative(words, "gent"))
            known = self.events.get(ru_slug(name)) or self.last_conference.get(
                ru.lemma(_head_word(words))
            )
            if known:
                return known
            kind = EVENTS["conference_nouns"].get(ru.lemma(_head_word(words)), "event")
            type_ = EventType(kind) if kind in EventType._value2member_map_ else EventType.EVENT
            key = self.b.event(type_, name, s.span, date=date, place=place, confidence=0.55)
            self.events[ru_slug(name)] = key
            self.last_conference[ru.lemma(_head_word(words))] = key
            return key
        return None

    def _merge(
        self,
        key: str,
        participants: tuple[str, ...],
        organizers: tuple[str, ...],
        place: str | None,
        parent: str | None,
        date: dt.date | None,
    ) -> None:
        event = next(e for e in self.b.extraction.events if e.key == key)
        if date is not None and event.date_from_article:
            self.b.update_event(key, date=date, date_from_article=False)
        self.b.update_event(
            key,
            participants=tuple(dict.fromkeys((*event.participants, *participants))),
            organizers=tuple(dict.fromkeys((*event.organizers, *organizers))),
            place=event.place or place,
            parent=event.parent or (parent if parent != key else None),
        )
