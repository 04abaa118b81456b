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
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources

from kg.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch
from kg.lang import ru, stem
from kg.mappers.base import ExtractionBuilder
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
_QUOTES = frozenset({"«", "»", '"', "“", "”"})
_BOUNDARY = frozenset(",;:()!?…")
_STATUS = {
    PostStatus(name): re.compile(pattern, re.IGNORECASE)
    for name, pattern in LEXICON["status_patterns"].items()
}
_APPOINT = re.compile(LEXICON["appointment_pattern"], re.IGNORECASE)
_DISMISS = re.compile(LEXICON["dismissal_pattern"], re.IGNORECASE)
_PAST_POST = re.compile(LEXICON["past_post_pattern"], re.IGNORECASE)
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
            self._country_bodies(sentence)
            self._head_references(sentence)
            self._appointments(sentence)
            if sentence.span.start >= self.title_end:
                self._events(sentence)
        for sentence in sentences:
            if sentence.span.start < self.title_end:
                self._events(sentence, headline=True)
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
            # ``посол … в Казахстане``, ``директор … по Центральной Азии``
            located = token.text.lower() in {"в", "во", "по"} and (
                i in s.covered or _is_geographic(s.tokens[i].text)
            )
            stop = token.text.lower() in _STOP and not (located or self._portfolio_at(s, j))
            if stop or _is_verb(token.text):
                break
            if any(p.start <= j < p.end for p in s.persons):
                break
            i = j
        return i

    def _portfolio_at(self, s: _Sentence, i: int) -> bool:
        """Token ``i`` is the ``по`` of a minister's portfolio (``министром по …``)."""
        if i == 0 or s.tokens[i].text.lower() != "по":
            return False
        role = self._role_at(s, i - 1)
        return role is not None and role[1] in LEXICON["ministerial_roles"]

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
        start = self._window(s, person.start)
        first = next((i for i in range(start, person.start) if self._role_at(s, i)), None)
        if first is not None:
            self._posts(s, person, first, person.start)
            return
        t = s.tokens
        if person.end < len(t) and (t[person.end].text == "," or t[person.end].text in _DASHES):
            end = person.end + 1
            while end < len(t) and t[end].text not in _BOUNDARY and t[end].text != ".":
                if _is_verb(t[end].text):
                    break
                end += 1
            role = next(
                (i for i in range(person.end + 1, min(end, person.end + 4)) if self._role_at(s, i)),
                None,
            )
            if role is not None:
                self._posts(s, person, person.end + 1, end)

    def _posts(self, s: _Sentence, person: _Person, start: int, end: int) -> None:
        """Posts from ``start`` to ``end``: dash-separated segments, each a post and an
        organization chain; a segment without an organization takes the next one's."""
        segments, seg_start = [], start
        for i in range(start, end):
            if s.tokens[i].text in _DASHES and i not in s.covered:
                segments.append((seg_start, i))
                seg_start = i + 1
        segments.append((seg_start, end))
        parsed = [self._segment(s, a, b) for a, b in segments if a < b]
        fallback = self._country_adjective(s, start - 1)
        for role_end, key, org_start, seg_end, lead in reversed(parsed):
            org = self._org_chain(s, org_start, seg_end, role=(lead, role_end, key))
            fallback = org or fallback
            target = org or self._country_of(fallback)
            if target is None and key in LEXICON["implicit_country_roles"] and self.home_country:
                # ``Премьер-министр Сильвио Берлускони``
                target = self.b.gazetteer_entity(self.home_country)
            target = target or self._state_of_post(s, lead, role_end)
            if target is None:
                continue
            if _is_plural(s.tokens[lead].text):
                continue  # ``депутаты …``, ``оба президента``: no one person's post
            label = _role_label(s.words(lead, role_end))
            status = self._status(s, lead)
            self.b.membership(
                person.key,
                target,
                Role(label=label, lang=LANG, key=key),
                s.span,
                status=status,
                confidence=0.75 if org else 0.55,
            )
        s.used.update(range(start, end))

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
        if key in LEXICON["ministerial_roles"]:
            role_end = self._portfolio_end(s, role_end, end)
        while role_end < end and self._complement(s, role_end):
            role_end += 1
        return role_end, key, role_end, end, lead

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
        if i in s.covered or not token.is_word or token.is_capitalized:
            return False
        lemma = _lemma(token)
        if lemma in LEXICON["org_heads"]:
            return False
        if lemma in LEXICON["unit_heads"]:
            # ``директор департамента Министерства …``: an unnamed unit followed by
            # its organization's name is part of the post, the member's organization
            # being the named one
            return i + 1 < len(s.tokens) and (i + 1 in s.covered or s.tokens[i + 1].is_capitalized)
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
                chunks.append((i, min(named[0], end)))
                i = named[0]
                continue
            if i in s.covered:
                m = s.covered[i]
                chunks.append((i, min(m.end, end)))
                i = m.end
                continue
            if not token.is_word and token.text not in _QUOTES:
                i += 1
                continue
            j = i + 1
            while j < end and j not in s.covered and not self._starts_org(s, j):
                if s.tokens[j].text in _STOP or s.tokens[j].text in _DASHES:
                    break
                j += 1
            chunks.append((i, j))
            i = j if j > i else i + 1
            while i < end and s.tokens[i].text.lower() in _STOP:
                i = end  # a preposition ends the organization part (``посол … в Казахстане``)
        return chunks

    def _starts_org(self, s: _Sentence, i: int) -> bool:
        lemma = _lemma(s.tokens[i])
        return lemma in LEXICON["unit_heads"] or lemma in LEXICON["org_heads"]

    def _org_chain(
        self, s: _Sentence, start: int, end: int, role: tuple[int, int, str | None]
    ) -> str | None:
        chunks = self._chunks(s, start, end)
        parent: str | None = None
        for a, b in reversed(chunks):
            parent = self._org_chunk(s, a, b, parent, role[2]) or parent
        first = parent
        ministry = self._ministry(s, role, chunks)
        return ministry or first

    def _org_chunk(
        self, s: _Sentence, a: int, b: int, parent: str | None, role_key: str | None = None
    ) -> str | None:
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
        head = words[0] if ru.is_acronym(words[0]) else _HEAD_STEMS.get(stem(words[0], LANG), "")
        quoted = self._quoted(s, a, b)
        known = self._known_after_inflection(words)
        if known is not None:
            key = self.b.gazetteer_entity(known)
            self.b.mention(key, s.tokens[a:b], s.span, confidence=0.7)
            return key
        earlier = self._earlier_org(words)
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
        else:
            return None
        if kind not in (OrgKind.UNIT, OrgKind.GOVERNMENT_BODY):
            parent = None
        if not quoted:
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
        found = re.search(r"«([^»]+)»", text)
        return found.group(1) if found else None

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
                if len(words) == 1 and ru.lemma(words[0]) in _GENERIC_HEADS:
                    earlier = self._earlier_org(words)  # a bare ``Академия`` has no name
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
        ``работал послом …`` (a past post)."""
        for i, token in enumerate(s.tokens):
            if _APPOINT.match(token.text):
                status = PostStatus.NEWLY_APPOINTED
            elif _DISMISS.match(token.text) or _PAST_POST.match(token.text):
                status = PostStatus.FORMER
            else:
                continue
            person = next((p for p in reversed(s.persons) if p.end <= i), None)
            person = person or next((p for p in s.persons if p.start > i), None)
            if person is None:
                continue
            j = i + 1
            while j < len(s.tokens) and _lemma(s.tokens[j]) in {"на", "от", "должность", "пост"}:
                j += 1
            if j < len(s.tokens) and self._role_at(s, j):
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
