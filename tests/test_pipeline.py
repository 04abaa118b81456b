"""The pipeline with a stand-in mapper: batching of validation, failure attribution,
duplicates; and the mapper registry's plug-in mechanism."""

from __future__ import annotations

import importlib.metadata

import pytest
from helpers import kazakh_article, kazakh_extraction

import kg.mappers
import kg.pipeline
from kg.mappers.base import ExtractionBuilder
from kg.model import Article, EntityType, Extraction, Role
from kg.pipeline import VALIDATION_BATCH, Builder, BuildOptions
from kg.text import split_sentences


class StandInMapper:
    """Yields the hand-built extraction; for articles whose id starts with ``bad`` a
    membership whose member is a place, which the shapes must reject."""

    name, version, languages = "stand-in", "1", ("kk",)

    def extract(self, article: Article) -> Extraction:
        if not article.id.startswith("bad"):
            return kazakh_extraction(article)
        b = ExtractionBuilder(article, self.name, self.version)
        sentence = split_sentences(article.text)[0]
        place = b.entity(EntityType.PLACE, "Сеул")
        org = b.entity(EntityType.ORGANIZATION, "Хаб")
        b.membership(place, org, Role("төраға", "kk", "chair"), sentence)
        return b.build()


@pytest.fixture(autouse=True)
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.pipeline, "get_mapper", lambda lang: StandInMapper())


def _articles(n: int, bad: set[int]) -> list[Article]:
    return [
        kazakh_article(
            id=f"{'bad' if i in bad else 'ok'}-{i}", source=f"in/{i}.txt", title=f"Тақырып {i}"
        )
        for i in range(n)
    ]


def test_invalid_article_is_named_and_the_rest_of_its_batch_kept() -> None:
    builder = Builder(BuildOptions())
    articles = _articles(VALIDATION_BATCH + 5, bad={3})
    for article in articles:
        builder.add(article)
    result = builder.finish()
    assert result.articles == len(articles) - 1
    failed = result.failed_inputs
    assert [p.source for p in failed] == ["in/3.txt"]
    assert "fails SHACL validation" in failed[0].message and "Violation" in failed[0].message
    assert result.dataset_report is not None and result.dataset_report.conforms
    assert not result.ok  # a failed input makes the run fail (unless --keep-going)


def test_without_validation_nothing_is_checked() -> None:
    builder = Builder(BuildOptions(validate=False))
    for article in _articles(3, bad={1}):
        builder.add(article)
    result = builder.finish()
    assert result.articles == 3 and result.dataset_report is None


def test_duplicate_articles_are_skipped_with_a_warning() -> None:
    builder = Builder(BuildOptions())
    builder.add(kazakh_article())
    builder.add(kazakh_article(source="elsewhere.txt"))
    result = builder.finish()
    assert result.articles == 1
    assert [(p.source, p.fatal) for p in result.problems] == [("elsewhere.txt", False)]
    assert result.ok


def test_article_without_date_warns() -> None:
    builder = Builder(BuildOptions())
    builder.add(kazakh_article(published=None))
    result = builder.finish()
    assert result.articles == 1
    assert any("no publication date" in p.message and not p.fatal for p in result.problems)


def test_plugin_mappers_come_from_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = importlib.metadata.EntryPoint(
        name="uz", value="test_pipeline:StandInMapper", group="kg.mappers"
    )
    monkeypatch.setattr(
        kg.mappers, "entry_points", lambda group: [plugin] if group == "kg.mappers" else []
    )
    kg.mappers.available.cache_clear()
    kg.mappers.get_mapper.cache_clear()
    try:
        assert kg.mappers.available()["uz"] == "test_pipeline:StandInMapper"
        assert isinstance(kg.mappers.get_mapper("uz"), StandInMapper)
        with pytest.raises(kg.mappers.UnsupportedLanguage, match="no mapper for language 'xx'"):
            kg.mappers.get_mapper("xx")
    finally:
        kg.mappers.available.cache_clear()
        kg.mappers.get_mapper.cache_clear()


def test_merged_validation_sees_triples_from_every_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    """A node several articles describe is validated with all its triples: here the
    entities graph gives a shared person two Kazakh preferred labels."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    person = URIRef("https://w3id.org/intergov-kg/id/person/alikhan-baimenov")
    builder = Builder(BuildOptions())
    real_graph = builder.index.graph

    def doubled(*args, **kwargs):  # type: ignore[no-untyped-def]
        graph = real_graph(*args, **kwargs)
        graph.add((person, SKOS.prefLabel, Literal("Әлихан Байменов", lang="kk")))
        return graph

    monkeypatch.setattr(builder.index, "graph", doubled)
    builder.add(kazakh_article(id="a1"))
    builder.add(kazakh_article(id="a2", title="Басқа тақырып"))
    result = builder.finish()
    report = result.dataset_report
    assert report is not None and not report.conforms
    assert {r.focus for r in report.results if r.severity == "Violation"} == {str(person)}
    assert not result.ok


def test_articles_are_built_when_the_builder_finishes() -> None:
    """Resolution needs every article's names, so building waits for ``finish`` and
    reports each article built."""
    builder = Builder(BuildOptions())
    seen: list[tuple[str, str]] = []
    builder.progress = lambda stage, source: seen.append((stage, source))
    for article in _articles(3, bad=set()):
        builder.add(article)
    assert seen == [] and builder.result.articles == 0
    result = builder.finish()
    assert result.articles == 3
    assert seen == [("built", f"in/{i}.txt") for i in range(3)]
