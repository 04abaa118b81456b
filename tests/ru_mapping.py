"""What the Russian mapper's tests share: an article from a body, and the facts read
from it as comparable tuples."""

from __future__ import annotations

import datetime as dt

from kg.mappers.ru import RussianMapper
from kg.model import Article, EntityType, Extraction, PostStatus

DATE = dt.date(2024, 5, 2)


def run(mapper: RussianMapper, body: str, title: str = "Новости") -> Extraction:
    article = Article(id="t", source="test", title=title, body=body, language="ru", published=DATE)
    return mapper.extract(article)


def memberships(ex: Extraction) -> set[tuple[str, str, str, PostStatus]]:
    """(person, role label, organization name, status) of every membership."""
    return {
        (
            ex.entities[m.member].name,
            m.role.label,
            ex.entities[m.organization].name,
            m.status,
        )
        for m in ex.memberships
    }


def org_names(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities.values() if e.type == EntityType.ORGANIZATION}


def posts(mapper: RussianMapper, body: str) -> set[tuple[str, str, str]]:
    """(person, role label, organization name) of every membership."""
    return {(p, label, org) for p, label, org, _status in memberships(run(mapper, body))}
