"""Hand-built extractions for testing the stages after mapping, independent of mappers."""

from __future__ import annotations

import datetime as dt

from kg.gazetteer import Gazetteer
from kg.mappers.base import ExtractionBuilder
from kg.model import Article, EntityType, EventType, Extraction, OrgKind, PostStatus, Role
from kg.text import split_sentences, tokenize

TITLE = "Хаб пен Корея министрлігі ынтымақтасады"
BODY = (
    "Хабтың басқару комитеті төрағасы Алихан Байменов Корея Республикасының персоналды "
    "басқару министрі Пан Сук Киммен Сеулде кездесті. Байменов бұрын ЭЫДҰ-ның сарапшысы болған."
)


def kazakh_article(**changes: object) -> Article:
    fields = {
        "id": "test-kk-1",
        "source": "tests/kk.txt",
        "title": TITLE,
        "body": BODY,
        "language": "kk",
        "published": dt.date(2017, 9, 22),
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def kazakh_extraction(article: Article | None = None) -> Extraction:
    """What a good Kazakh mapper yields for ``kazakh_article`` (built by hand)."""
    article = article or kazakh_article()
    text = article.text
    b = ExtractionBuilder(article, "test-mapper", "1.0")
    gaz = Gazetteer.default()
    sentence = split_sentences(text)[1]
    tokens = tokenize(text, sentence)

    def at(word: str, n: int = 1) -> list:
        i = next(i for i, t in enumerate(tokens) if t.text == word)
        return tokens[i : i + n]

    hub = b.gazetteer_entity(gaz.entries["acsh"])
    b.mention(hub, at("Хабтың"), sentence)
    korea = b.gazetteer_entity(gaz.entries["kr"])
    b.mention(korea, at("Корея", 2), sentence)
    seoul = b.gazetteer_entity(gaz.entries["seoul"])
    b.mention(seoul, at("Сеулде"), sentence)
    committee = b.entity(EntityType.ORGANIZATION, "басқару комитеті", kind=OrgKind.UNIT, parent=hub)
    b.mention(committee, at("басқару", 2), sentence)
    baimenov = b.entity(EntityType.PERSON, "Алихан Байменов", confidence=0.9)
    b.mention(baimenov, at("Алихан", 2), sentence)
    kim = b.entity(EntityType.PERSON, "Пан Сук Ким")
    b.mention(kim, at("Пан", 3), sentence)
    ministry = b.entity(
        EntityType.ORGANIZATION,
        "персоналды басқару министрлігі",
        kind=OrgKind.GOVERNMENT_BODY,
        parent=korea,
    )
    b.mention(ministry, at("персоналды", 3), sentence)
    b.membership(baimenov, committee, Role("төраға", "kk", "chair"), sentence)
    b.membership(kim, ministry, Role("министр", "kk", "minister"), sentence)
    b.event(EventType.MEETING, "кездесу", sentence, place=seoul, participants=(baimenov, kim))

    second = split_sentences(text)[2]
    tokens2 = tokenize(text, second)
    oecd = b.gazetteer_entity(gaz.entries["oecd"])
    b.mention(oecd, [tokens2[2]], second)
    b.mention(baimenov, [tokens2[0]], second)
    b.alias(baimenov, "Байменов")
    b.membership(baimenov, oecd, Role("сарапшы", "kk", "expert"), second, status=PostStatus.FORMER)
    return b.build()
