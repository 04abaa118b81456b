"""``kg eval identities``: does a build give each real-world entity exactly one node?

The gold articles describe the same people and bodies in several languages.  An
identities file (``tests/gold/entities.json``) lists, for each such entity, the gold
ids that denote it (``ru/01_hub_korea#baimenov``).  The articles are mapped, aligned
with their gold files as ``kg eval articles`` aligns them, and resolved together as
``kg build`` resolves a dataset; then every entity should have exactly one node
(*split* otherwise), and no node should stand for two entities (*merged*).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.eval.articles import (
    ArticleScorer,
    GoldFormatError,
    find_gold_files,
    load_gold,
    read_gold_article,
)
from kg.gazetteer import Gazetteer
from kg.mappers import get_mapper
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve import Resolver


@dataclass
class IdentityReport:
    entities: dict[str, set[URIRef]] = field(default_factory=dict)  # entity → its nodes
    unfound: dict[str, list[str]] = field(default_factory=dict)  # entity → gold ids not extracted

    @property
    def single(self) -> list[str]:
        return sorted(e for e, nodes in self.entities.items() if len(nodes) == 1)

    @property
    def split(self) -> dict[str, list[str]]:
        return {e: sorted(nodes) for e, nodes in sorted(self.entities.items()) if len(nodes) > 1}

    @property
    def merged(self) -> dict[str, list[str]]:
        """Nodes that stand for more than one entity."""
        owners: dict[URIRef, set[str]] = defaultdict(set)
        for entity, nodes in self.entities.items():
            for node in nodes:
                owners[node].add(entity)
        return {str(n): sorted(o) for n, o in sorted(owners.items()) if len(o) > 1}

    def lines(self) -> list[str]:
        out = [
            f"{len(self.entities)} entities named in several languages: "
            f"{len(self.single)} one node each, {len(self.split)} split, "
            f"{len(self.merged)} nodes shared by two entities"
        ]
        out += [f"split {e}: {', '.join(nodes)}" for e, nodes in self.split.items()]
        out += [f"merged {n}: {', '.join(es)}" for n, es in self.merged.items()]
        out += [f"not extracted {e}: {', '.join(ids)}" for e, ids in self.unfound.items()]
        return out

    def as_dict(self) -> dict:
        return {
            "entities": len(self.entities),
            "single": len(self.single),
            "split": self.split,
            "merged": self.merged,
            "not_extracted": self.unfound,
        }


def read_identities(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entities = data["entities"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise GoldFormatError(f"{path}: cannot read the identities file: {exc}") from exc
    if not isinstance(entities, dict) or not all(
        isinstance(ids, list) and all(isinstance(i, str) and "#" in i for i in ids)
        for ids in entities.values()
    ):
        raise GoldFormatError(f"{path}: `entities` maps names to lists of LANG/ARTICLE#ID")
    return entities


def evaluate_identities(gold_dir: Path, identities: dict[str, list[str]]) -> IdentityReport:
    gazetteer = Gazetteer.default()
    resolver = Resolver(IriMinter(DEFAULT_BASE), gazetteer)
    aligned = []
    for path in find_gold_files(gold_dir):
        gold = load_gold(path)
        name = path.relative_to(gold_dir).as_posix().removesuffix(".gold.json")
        extraction = get_mapper(gold.lang).extract(read_gold_article(gold))
        resolver.observe(extraction)
        scorer = ArticleScorer(gold, extraction, gazetteer)
        scorer.score()
        aligned.append((name, extraction, scorer.align))
    nodes: dict[str, set[URIRef]] = defaultdict(set)  # "article#gold id" → nodes
    for name, extraction, align in aligned:
        resolved = resolver.resolve(extraction)
        for key, gold_id in align.items():
            nodes[f"{name}#{gold_id}"].add(resolved.entities[key])
    report = IdentityReport()
    for entity, ids in sorted(identities.items()):
        report.entities[entity] = {n for i in ids for n in nodes.get(i, ())}
        missing = [i for i in ids if not nodes.get(i)]
        if missing:
            report.unfound[entity] = missing
    return report
