"""Who names each entity how, per article: the memory the entities graph is rebuilt from.

The entities graph gives each entity its most frequent name per language over *all*
articles.  When one article is added, re-processed or removed, only the entities it
names change, but their new labels depend on every other article naming them.  Reading
those articles back from RDF would lose what the builder knew (gazetteer references,
how often a name was used), so each article's contribution to ``EntityIndex`` is kept
here, in SQLite next to the Oxigraph store, indexed by entity.

Oxigraph and SQLite cannot share a transaction.  A change is therefore *staged* here
(rows with ``pending = 1``), then written to Oxigraph in one transaction, then
*committed* here.  If the process dies in between, ``recover`` looks at Oxigraph to see
whether the article graphs were written (their digest) and commits or rolls back the
staged rows accordingly: the index always describes the graphs that are in the store.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.rdf.build import EntityIndex

_SCHEMA = """
CREATE TABLE IF NOT EXISTS version (
    article TEXT NOT NULL, pending INTEGER NOT NULL, digest TEXT NOT NULL,
    PRIMARY KEY (article, pending));
CREATE TABLE IF NOT EXISTS label (
    article TEXT NOT NULL, pending INTEGER NOT NULL,
    entity TEXT NOT NULL, lang TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ref (
    article TEXT NOT NULL, pending INTEGER NOT NULL,
    entity TEXT NOT NULL, ref TEXT NOT NULL, is_role INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS described (
    article TEXT NOT NULL, pending INTEGER NOT NULL, entity TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS label_entity ON label (entity);
CREATE INDEX IF NOT EXISTS label_article ON label (article, pending);
CREATE INDEX IF NOT EXISTS ref_entity ON ref (entity);
CREATE INDEX IF NOT EXISTS ref_article ON ref (article, pending);
CREATE INDEX IF NOT EXISTS described_entity ON described (entity);
CREATE INDEX IF NOT EXISTS described_article ON described (article, pending);
-- the version of each article that counts: the staged one if there is one
CREATE VIEW IF NOT EXISTS effective AS
    SELECT article, MAX(pending) AS pending FROM version GROUP BY article;
"""
_TABLES = ("label", "ref", "described", "version")
REMOVED = ""  # the digest of a staged removal


@dataclass
class Contribution:
    """What one article adds to the entity index: names per entity and language (with
    counts), gazetteer references, role keys, and the entities its graph describes."""

    labels: dict[URIRef, dict[str, Counter[str]]] = field(default_factory=dict)
    refs: dict[URIRef, str] = field(default_factory=dict)
    roles: dict[URIRef, str] = field(default_factory=dict)
    described: set[URIRef] = field(default_factory=set)

    @classmethod
    def of(cls, index: EntityIndex, subjects: Iterable[URIRef]) -> Contribution:
        """The contribution of an ``EntityIndex`` holding one article, whose graph has
        ``subjects``."""
        return cls(index.labels, index.refs, index.roles, set(subjects) & set(index.labels))

    def entities(self) -> set[URIRef]:
        return set(self.labels) | set(self.refs) | set(self.roles) | self.described


class EntityLabelIndex:
    """The SQLite file holding every article's ``Contribution``."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.executescript(_SCHEMA)
        self.db.execute("PRAGMA synchronous = FULL")

    def close(self) -> None:
        self.db.close()

    # -- staging protocol ----------------------------------------------------------------

    def stage(self, changes: dict[str, tuple[str, Contribution | None]]) -> None:
        """Record the new versions of articles (``article id → (digest, contribution)``;
        ``None`` removes the article) as pending, in one SQLite transaction."""
        with self._transaction():
            self._delete(pending=1)
            for article, (digest, contribution) in changes.items():
                self.db.execute(
                    "INSERT INTO version VALUES (?, 1, ?)",
                    (article, REMOVED if contribution is None else digest),
                )
                if contribution is not None:
                    self._insert(article, contribution)

    def staged(self) -> dict[str, str]:
        """Article id → digest of the staged version (``REMOVED`` for a removal)."""
        return dict(self.db.execute("SELECT article, digest FROM version WHERE pending = 1"))

    def commit(self) -> None:
        """The staged versions are in Oxigraph: make them the committed ones."""
        with self._transaction():
            staged = "SELECT article FROM version WHERE pending = 1"
            for table in _TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE pending = 0 AND article IN ({staged})")
            self.db.execute(f"DELETE FROM version WHERE pending = 1 AND digest = '{REMOVED}'")
            for table in _TABLES:
                self.db.execute(f"UPDATE {table} SET pending = 0 WHERE pending = 1")

    def rollback(self) -> None:
        """The staged versions never reached Oxigraph: forget them."""
        with self._transaction():
            self._delete(pending=1)

    # -- reading (the effective versions: staged where staged, else committed) -----------

    def committed_entities(self, articles: Iterable[str]) -> set[URIRef]:
        """Entities named by the committed versions of ``articles``."""
        found: set[URIRef] = set()
        for article in articles:
            for table in ("label", "ref", "described"):
                rows = self.db.execute(
                    f"SELECT entity FROM {table} WHERE article = ? AND pending = 0", (article,)
                )
                found.update(URIRef(entity) for (entity,) in rows)
        return found

    def entity_index(self, entities: Iterable[URIRef]) -> EntityIndex:
        """An ``EntityIndex`` over all articles, restricted to ``entities``."""
        index = EntityIndex()
        for entity in entities:
            rows = self.db.execute(
                "SELECT l.lang, l.name, SUM(l.n) FROM label l JOIN effective e "
                "ON l.article = e.article AND l.pending = e.pending "
                "WHERE l.entity = ? GROUP BY l.lang, l.name",
                (str(entity),),
            )
            for lang, name, count in rows:
                index.labels.setdefault(entity, {}).setdefault(lang, Counter())[name] = count
            rows = self.db.execute(
                "SELECT r.ref, r.is_role FROM ref r JOIN effective e "
                "ON r.article = e.article AND r.pending = e.pending "
                "WHERE r.entity = ? ORDER BY r.ref LIMIT 1",
                (str(entity),),
            )
            for ref, is_role in rows:
                (index.roles if is_role else index.refs)[entity] = ref
        return index

    def described(self, entities: Iterable[URIRef]) -> set[URIRef]:
        """Those of ``entities`` that some article graph describes."""
        found: set[URIRef] = set()
        for entity in entities:
            row = self.db.execute(
                "SELECT 1 FROM described d JOIN effective e "
                "ON d.article = e.article AND d.pending = e.pending WHERE d.entity = ? LIMIT 1",
                (str(entity),),
            ).fetchone()
            if row:
                found.add(entity)
        return found

    def names_under(self, prefix: str) -> list[tuple[str, str, int]]:
        """``(entity, name, count)`` for the entities whose IRI starts with ``prefix``
        (``…/person/``): the names a new build must resolve to the nodes already there."""
        return list(
            self.db.execute(
                "SELECT l.entity, l.name, SUM(l.n) FROM label l JOIN effective e "
                "ON l.article = e.article AND l.pending = e.pending "
                "WHERE l.entity >= ? AND l.entity < ? GROUP BY l.entity, l.name "
                "ORDER BY l.entity, l.name",
                (prefix, prefix + "\U0010ffff"),
            )
        )

    def articles(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM version WHERE pending = 0").fetchone()[0]

    # -- helpers ---------------------------------------------------------------------

    def _insert(self, article: str, c: Contribution) -> None:
        self.db.executemany(
            "INSERT INTO label VALUES (?, 1, ?, ?, ?, ?)",
            [
                (article, str(entity), lang, name, n)
                for entity, per_lang in c.labels.items()
                for lang, counts in per_lang.items()
                for name, n in counts.items()
            ],
        )
        self.db.executemany(
            "INSERT INTO ref VALUES (?, 1, ?, ?, ?)",
            [(article, str(e), ref, 0) for e, ref in c.refs.items()]
            + [(article, str(e), key, 1) for e, key in c.roles.items()],
        )
        self.db.executemany(
            "INSERT INTO described VALUES (?, 1, ?)", [(article, str(e)) for e in c.described]
        )

    def _delete(self, pending: int) -> None:
        for table in _TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE pending = ?", (pending,))

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on an exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")
