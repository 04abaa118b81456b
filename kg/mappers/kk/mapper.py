"""The Kazakh mapper and the run that maps one article.

``_Run`` holds the state of one article and is composed of the rule mixins, one module
per concern; ``process`` fixes the order in which they read the sentences.
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lang import kk
from kg.mappers.base import ExtractionBuilder
from kg.mappers.kk.event_drafts import _Draft
from kg.mappers.kk.events import EventRules
from kg.mappers.kk.memberships import MembershipRules
from kg.mappers.kk.persons import _Person
from kg.mappers.kk.sentence import _Sentence, _without_foreign_bodies, _without_modifier_roles
from kg.model import Article, Extraction
from kg.ner.tagger import NerTagger
from kg.text import split_sentences, tokenize


class KazakhMapper:
    """Kazakh rules: persons, posts, organizations, units and events with evidence."""

    name = "kg-kk-rules"
    version = "0.1.0"
    languages = ("kk",)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()
        self.protected = kk.protected_names(self.gazetteer.protected_words("kk"))
        self.ner = NerTagger.for_language("kk")
        self._minister_entry_cache: dict[str, GazetteerEntry | None] = {}

    # -- entry point ------------------------------------------------------------------

    def extract(self, article: Article) -> Extraction:
        run = _Run(self, article)
        run.process()
        return run.builder.build()

    def lookup(self, text: str, category: str) -> GazetteerEntry | None:
        """The gazetteer entry that a constructed name matches in full, if any."""
        if text not in self._minister_entry_cache:
            tokens = tokenize(text)
            found = None
            for m in self.gazetteer.match(tokens, "kk", (category,)):
                if m.start == 0 and m.end == len(tokens):
                    found = m.entry
            self._minister_entry_cache[text] = found
        return self._minister_entry_cache[text]


class _Run(MembershipRules, EventRules):
    """The state of mapping one article."""

    def __init__(self, mapper: KazakhMapper, article: Article) -> None:
        self.mapper = mapper
        self.builder = ExtractionBuilder(article, mapper.name, mapper.version)
        self.text = article.text
        self.headline_end = len(article.title) if article.title and article.body else 0
        self.sentences: list[_Sentence] = []
        for i, span in enumerate(split_sentences(self.text)):
            tokens = tokenize(self.text, span)
            matches = _without_modifier_roles(tokens, mapper.gazetteer.match(tokens, "kk"))
            matches = _without_foreign_bodies(tokens, matches, mapper.gazetteer)
            self.sentences.append(_Sentence(i, span, tokens, matches))
        self.persons: dict[int, list[_Person]] = {}
        self.present: dict[int, list[str]] = {}
        self.drafts: list[_Draft] = []
        self.last_conference: _Draft | None = None
        self._previous: tuple[int, list[_Draft]] = (-1, [])
        self._org_keys: dict[tuple[int, int], str] = {}
        self._ner: dict[int, list[tuple[str, int, int]]] = {}
        self._found_orgs: dict[int, list[str]] = {}
        self._org_tokens: dict[int, set[int]] = {}
        self._post_tokens: dict[int, set[int]] = {}

    def process(self) -> None:
        for sent in self.sentences:
            self.persons[sent.index] = self._find_persons(sent)
        self._find_surnames()
        self._resolve_persons()
        # The headline is read after the body for organizations and posts: it shortens
        # names that the body gives in full (``Моңғолия комиссиясының төрағасы``).
        # Events are read in text order, so that the body's mentions refer back to it.
        headline = [s for s in self.sentences if s.span.start < self.headline_end]
        for sent in [s for s in self.sentences if s not in headline] + headline:
            self._gazetteer_entities(sent)
            self._owned_organizations(sent)
            self._ner_organizations(sent)
            self._memberships(sent)
        for sent in self.sentences:
            self._events(sent)
        self._emit_events()
