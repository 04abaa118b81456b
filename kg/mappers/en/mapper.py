"""The English mapper: the stages in the order in which they claim a sentence's tokens.

``EnglishMapper`` is composed of the stage mixins, one module per concern; ``extract``
fixes their order, sentence by sentence.  The article's state (``_State``) is passed to
every stage rather than kept on the mapper, so that one mapper maps any number of
articles.
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer
from kg.mappers.base import ExtractionBuilder
from kg.mappers.en.event_names import EventNameRules
from kg.mappers.en.events import EventRules
from kg.mappers.en.memberships import MembershipRules
from kg.mappers.en.persons import PersonRules
from kg.mappers.en.sentence import _Sentence, _State
from kg.mappers.en.words import LANG
from kg.model import Article, Extraction
from kg.text import split_sentences, tokenize


class EnglishMapper(EventNameRules, PersonRules, MembershipRules, EventRules):
    """Rule-based mapper for English articles (see the package docstring)."""

    name = "kg-en-rules"
    version = "0.1.0"
    languages = ("en",)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.default()
        self.role_names = {
            e.id: {n.lower() for n in e.names.get(LANG, ())}
            for e in self.gazetteer.entries.values()
            if e.category == "role"
        }
        # "agency for civil service affairs" -> ids of organizations named it + "of ..."
        self.org_stems: dict[str, set[str]] = {}
        for entry in self.gazetteer.entries.values():
            for name in entry.names.get(LANG, ()) if entry.category == "organization" else ():
                stem, sep, _ = name.lower().rpartition(" of ")
                if sep:
                    self.org_stems.setdefault(stem, set()).add(entry.id)

    # -- driver ---------------------------------------------------------------------

    def extract(self, article: Article) -> Extraction:
        builder = ExtractionBuilder(article, self.name, self.version)
        state = _State(builder)
        text = article.text
        for span in split_sentences(text):
            sent = _Sentence(span, text[span.start : span.end], tokenize(text, span))
            self._mark_gazetteer(state, sent)
            self._mark_ministries(state, sent)
            self._mark_events(state, sent)
            self._mark_orgs(state, sent)
            self._resolve_units(state, sent)
            self._mark_persons(state, sent)
            self._memberships(state, sent)
            self._events(state, sent)
        self._inherit_dates(builder)
        return builder.build()
