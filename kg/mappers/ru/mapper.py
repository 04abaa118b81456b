"""The Russian mapper and the run that maps one article.

``_ArticleMapper`` holds the state of one article and is composed of the rule mixins,
one module per concern; ``run`` fixes the order in which they read the sentences: full
names in every sentence first, then sentence by sentence the organizations, posts,
appointments and events, the headline's events last (a headline only summarises the
body), and finally the organization-mention pass of
:mod:`kg.mappers.ru.organization_mentions`.
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch
from kg.lang import ru
from kg.mappers.base import ExtractionBuilder
from kg.mappers.ru.appointments import AppointmentRules
from kg.mappers.ru.appositions import AppositionRules
from kg.mappers.ru.events import EventRules
from kg.mappers.ru.named_organizations import NamedOrganizationRules
from kg.mappers.ru.organization_chains import OrganizationChainRules
from kg.mappers.ru.organization_mentions import OrgMentions
from kg.mappers.ru.persons import PersonRules
from kg.mappers.ru.posts import PostRules
from kg.mappers.ru.sentence import _Sentence
from kg.mappers.ru.words import _NAMED_CATEGORIES, LANG, LEXICON, _lemma
from kg.model import Article, Extraction, Span
from kg.readers.dates import find_dates_in_text
from kg.text import split_sentences, tokenize


class RussianMapper:
    """Rules and gazetteers for Russian; see the package docstring for the approach."""

    name = "kg-ru-rules"
    version = "0.1.0"
    languages = (LANG,)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()
        ru.analyzer()

    def extract(self, article: Article) -> Extraction:
        return _ArticleMapper(self, article).run()


class _ArticleMapper(
    PersonRules,
    AppositionRules,
    PostRules,
    OrganizationChainRules,
    NamedOrganizationRules,
    AppointmentRules,
    EventRules,
):
    """The state of mapping one article: persons by surname, events by name.  The
    rules are the mixins' methods; see the module docstring."""

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
