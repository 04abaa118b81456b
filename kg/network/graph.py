"""The network as a networkx graph: organizations (and optionally persons) tied by facts.

Filters apply to facts, not to edges, so that an edge's weight is always the number of
its facts that pass: ``--from/--to`` keep dated facts in the range, ``--types`` keeps
nodes of the given types, ``--rollup`` first merges every organization into the root of
its org:subOrganizationOf tree (units into their organization, ministries into their
state), ``--min-weight`` then drops the weaker edges.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

import networkx as nx

from kg.network.source import Fact, NetworkSource


class NetworkError(Exception):
    """The options cannot give a network (an unknown type, an empty range)."""


@dataclass(frozen=True)
class NetworkOptions:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    types: frozenset[str] = field(default_factory=frozenset)  # empty: every type
    min_weight: int = 1
    rollup: bool = False
    persons: bool = False
    lang: str = "en"

    @property
    def restricts_ties(self) -> bool:
        """Whether organizations left without a tie are dropped (a date range or a
        minimum weight asks for the active part of the network)."""
        return bool(self.date_from or self.date_to or self.min_weight > 1)


@dataclass(frozen=True)
class Person:
    """A person holding a post in a node's organization (or in one merged into it)."""

    iri: str
    name: str
    role: str
    organization: str
    former: bool


def build_network(source: NetworkSource, options: NetworkOptions) -> nx.Graph:
    """The undirected, weighted network.

    Node attributes: ``iri``, ``label`` (in ``options.lang``), ``type`` (a key of
    ``assets/node-types.json``), ``names`` (every :class:`Name`, merged units' too),
    ``members`` (IRIs merged in by --rollup), ``people`` (:class:`Person` posts),
    ``events`` and ``articles`` (IRIs).  Edge attributes: ``weight`` (number of facts),
    ``facts`` (:class:`Fact`, with their articles) and ``kinds`` (facts per kind).  The
    graph keeps ``lang``, ``articles``, ``events`` and ``labels`` (every entity's label)
    for the writers."""
    if options.date_from and options.date_to and options.date_from > options.date_to:
        raise NetworkError(f"--from {options.date_from} is after --to {options.date_to}")
    top = roots(source) if options.rollup else {}

    def node_of(iri: str) -> str:
        return top.get(iri, iri)

    graph: nx.Graph[str] = nx.Graph(
        lang=options.lang,
        articles=source.articles,
        events=source.events,
        labels={iri: entity.label(options.lang) for iri, entity in source.entities.items()},
    )
    for iri, entity in sorted(source.entities.items()):
        if entity.type == "Person":
            continue
        node = node_of(iri)
        kind = source.entities[node].type if node in source.entities else entity.type
        if options.types and kind not in options.types:
            continue
        if node not in graph:
            graph.add_node(node, **_node_attributes(source, node, kind, options.lang))
        if node != iri:
            graph.nodes[node]["members"].append(iri)
        graph.nodes[node]["names"] |= entity.names
        graph.nodes[node]["articles"] |= entity.articles
    _add_people_and_events(graph, source, node_of, options.lang)

    facts = [replace(f, source=node_of(f.source), target=node_of(f.target)) for f in source.facts]
    if options.persons:
        facts += _post_facts(graph, source, node_of, options)
    merged = _merge(f for f in facts if _in_range(f, options))
    for (a, b), edge_facts in sorted(merged.items()):
        if a in graph and b in graph and len(edge_facts) >= options.min_weight:
            graph.add_edge(
                a,
                b,
                weight=len(edge_facts),
                facts=edge_facts,
                kinds=dict(sorted(Counter(f.kind for f in edge_facts).items())),
            )
    drop = [
        n
        for n, data in graph.nodes(data=True)
        if graph.degree(n) == 0 and (options.restricts_ties or data["type"] == "Person")
    ]
    graph.remove_nodes_from(drop)
    for _, data in graph.nodes(data=True):
        data["names"] = sorted(data["names"], key=lambda n: (n.kind != "prefLabel", n))
        data["members"] = sorted(data["members"])
    return graph


def roots(source: NetworkSource) -> dict[str, str]:
    """Each organization → the root of its org:subOrganizationOf tree.  With several
    parents the first by IRI is followed; a cycle stops where it closes."""
    found: dict[str, str] = {}
    for start in source.parents:
        path, node = [start], start
        while node in source.parents and node not in found:
            parent = min(source.parents[node])
            if parent in path:
                break
            path.append(parent)
            node = parent
        root = found.get(node, node)
        for visited in path:
            found[visited] = root
    return found


def _node_attributes(source: NetworkSource, node: str, kind: str, lang: str) -> dict:
    entity = source.entities.get(node)
    return {
        "iri": node,
        "type": kind,
        "label": entity.label(lang) if entity else node.rstrip("/").rpartition("/")[2],
        "names": set(),
        "members": [],
        "people": [],
        "events": set(),
        "articles": set(),
    }


def _add_people_and_events(
    graph: nx.Graph, source: NetworkSource, node_of: Callable[[str], str], lang: str
) -> None:
    for post in source.posts:
        person = source.entities.get(post.member)
        node = node_of(post.organization)
        if person is None or person.type != "Person" or node not in graph:
            continue
        graph.nodes[node]["people"].append(
            Person(post.member, person.label(lang), post.role(lang), post.organization, post.former)
        )
    for event, organizations in source.participants.items():
        for organization in organizations:
            node = node_of(organization)
            if node in graph:
                graph.nodes[node]["events"].add(event)
    for _, data in graph.nodes(data=True):
        data["people"] = sorted(set(data["people"]), key=lambda p: (p.name, p.role, p.iri))


def _post_facts(
    graph: nx.Graph, source: NetworkSource, node_of: Callable[[str], str], options: NetworkOptions
) -> list[Fact]:
    """With ``--persons``: a node per person holding a post, tied to its organizations."""
    facts = []
    for post in source.posts:
        person = source.entities.get(post.member)
        organization = node_of(post.organization)
        if person is None or person.type != "Person" or organization not in graph:
            continue
        if post.member not in graph:
            graph.add_node(
                post.member,
                **_node_attributes(source, post.member, "Person", options.lang),
            )
            graph.nodes[post.member]["names"] |= person.names
            graph.nodes[post.member]["articles"] |= person.articles
        graph.nodes[post.member]["people"].append(
            Person(
                post.member,
                person.label(options.lang),
                post.role(options.lang),
                post.organization,
                post.former,
            )
        )
        dates = [source.articles[a].date for a in post.articles if a in source.articles]
        date = min((d for d in dates if d), default=None)
        facts.append(
            Fact("post", post.iri, post.member, organization, date, frozenset(post.articles))
        )
    return facts


def _in_range(fact: Fact, options: NetworkOptions) -> bool:
    if not (options.date_from or options.date_to):
        return True
    if fact.date is None:
        return False
    return (options.date_from or fact.date) <= fact.date <= (options.date_to or fact.date)


def _merge(facts: Iterable[Fact]) -> dict[tuple[str, str], list[Fact]]:
    """Group facts by node pair; the same (kind, key) on a pair is one fact, whose
    articles are the union and whose date is the earliest."""
    unique: dict[tuple[str, str, str, str], Fact] = {}
    for fact in facts:
        if fact.source == fact.target:
            continue
        low, high = sorted((fact.source, fact.target))
        key = (low, high, fact.kind, fact.key)
        seen = unique.get(key)
        if seen is None:
            unique[key] = fact
        else:
            dates = [d for d in (seen.date, fact.date) if d]
            unique[key] = replace(
                seen, date=min(dates, default=None), articles=seen.articles | fact.articles
            )
    by_pair: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for (a, b, _kind, _key), fact in sorted(unique.items()):
        by_pair[(a, b)].append(fact)
    return by_pair
