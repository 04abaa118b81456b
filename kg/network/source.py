"""Read what the network needs out of a dataset: entities, articles, events, posts, and
the facts that tie two organizations.

The SPARQL lives in ``kg/network/queries/*.rq`` (data, not code); this module only turns
the rows into plain records.  A *fact* is one observation that links two nodes — one
event both took part in, one person holding posts in both, one sub-organization link,
one membership — so an edge's weight is the number of its distinct facts, and each fact
keeps the articles that report it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.network.assets import network_query, node_types
from kg.query import run_local

Row = dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]
Rows = Callable[[str], list[Row]]  # the rows of the network query of that name

AGREEMENT = "AgreementSigning"  # the event class whose participants signed together
FORMER_POST = "https://w3id.org/intergov-kg/ontology#FormerPost"
_NAME_KINDS = {
    "http://www.w3.org/2004/02/skos/core#prefLabel": "prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2004/02/skos/core#altLabel": "altLabel",
    "http://www.w3.org/2004/02/skos/core#notation": "notation",
}


@dataclass(frozen=True, order=True)
class Name:
    """One name of a node: its text, language tag ('' for acronyms) and SKOS/RDFS kind."""

    text: str
    lang: str
    kind: str


@dataclass
class Entity:
    """An organization or a person, with every name it is known by."""

    iri: str
    type: str
    names: set[Name] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    def label(self, lang: str) -> str:
        """The display name: preferred label in ``lang``, else in English, else any
        preferred label, else an rdfs:label, else the IRI's last segment."""
        rank = {"prefLabel": 0, "label": 1, "altLabel": 2, "notation": 3}

        def key(name: Name) -> tuple[int, int, str]:
            language = 0 if name.lang == lang else 1 if name.lang == "en" else 2
            return (rank[name.kind], language, name.text)

        best = min(self.names, key=key, default=None)
        return best.text if best else self.iri.rstrip("/").rpartition("/")[2]


@dataclass(frozen=True)
class ArticleRef:
    iri: str
    title: str
    date: dt.date | None
    link: str  # the URL, else the input path as given


@dataclass
class EventRef:
    iri: str
    type: str = "Event"
    names: dict[str, str] = field(default_factory=dict)  # language → name
    date: dt.date | None = None
    articles: set[str] = field(default_factory=set)

    def label(self, lang: str) -> str:
        for key in (lang, "en", *sorted(self.names)):
            if key in self.names:
                return self.names[key]
        return self.iri.rpartition("/")[2]


@dataclass
class Post:
    """A membership: a person (or an organization) is member of an organization."""

    iri: str
    member: str
    organization: str
    roles: dict[str, str] = field(default_factory=dict)  # language → role as written
    former: bool = False
    articles: set[str] = field(default_factory=set)

    def role(self, lang: str) -> str:
        for key in (lang, "en", *sorted(self.roles)):
            if key in self.roles:
                return self.roles[key]
        return ""


@dataclass(frozen=True)
class Fact:
    """One observation tying ``source`` and ``target``: ``kind`` is one of the tie kinds of
    ``assets/node-types.json``; ``key`` names what supports it (the event, the person,
    the membership, or the sub-organization link), so one event is one fact however
    many ways the two organizations took part in it."""

    kind: str
    key: str
    source: str
    target: str
    date: dt.date | None
    articles: frozenset[str]


@dataclass
class NetworkSource:
    entities: dict[str, Entity]
    articles: dict[str, ArticleRef]
    events: dict[str, EventRef]
    posts: list[Post]
    participants: dict[str, dict[str, set[str]]]  # event → organization → persons ('' = direct)
    parents: dict[str, set[str]]  # child → parents
    facts: list[Fact]


def read_source(store: ox.Store, *, default_graph_is_union: bool = False) -> NetworkSource:
    """Everything the network needs from ``store`` (union of all graphs: its default
    graph when that holds the union view, as in a kg store; see ``run_local``)."""

    def rows(name: str) -> list[Row]:
        result = run_local(
            store, network_query(name), {}, default_graph_is_union=default_graph_is_union
        )
        return [dict(zip(result.variables, row, strict=True)) for row in result.rows]

    entities = _entities(rows)
    articles = _articles(rows)
    events = _events(rows)
    posts = _posts(rows)
    participants = _participants(rows)
    suborganizations = _suborganizations(rows)
    parents: dict[str, set[str]] = defaultdict(set)
    for child, parent in suborganizations:
        parents[child].add(parent)
    facts = _facts(entities, articles, events, posts, participants, suborganizations)
    return NetworkSource(entities, articles, events, posts, participants, dict(parents), facts)


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    return "" if term is None else term.value


def _date(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(term.value[:10]) if term is not None else None
    except ValueError:
        return None


def _entities(rows: Rows) -> dict[str, Entity]:
    order = {t["class"]: (i, t["key"]) for i, t in enumerate(node_types())}
    classes: dict[str, set[str]] = defaultdict(set)
    entities: dict[str, Entity] = {}
    for row in rows("names"):
        iri = _value(row["node"])
        entity = entities.setdefault(iri, Entity(iri, "Organization"))
        if row["class"] is not None:
            classes[iri].add(row["class"].value)
        elif row["name"] is not None:
            name = row["name"]
            lang = name.language if isinstance(name, ox.Literal) and name.language else ""
            kind = _NAME_KINDS[_value(row["property"])]
            entity.names.add(Name(name.value, lang, kind))
        elif row["article"] is not None:
            entity.articles.add(row["article"].value)
    for iri, entity in entities.items():
        known = sorted(order[c] for c in classes[iri] if c in order)
        entity.type = known[0][1] if known else "Organization"
    return entities


def _articles(rows: Rows) -> dict[str, ArticleRef]:
    articles = {}
    for row in rows("articles"):
        iri = _value(row["article"])
        title = _value(row["headline"]) or iri.rpartition("/")[2]
        link = _value(row["url"]) or _value(row["source"])
        articles[iri] = ArticleRef(iri, title, _date(row["date"]), link)
    return articles


def _events(rows: Rows) -> dict[str, EventRef]:
    events: dict[str, EventRef] = {}
    for row in rows("events"):
        event = events.setdefault(_value(row["event"]), EventRef(_value(row["event"])))
        if row["class"] is not None:
            local = row["class"].value.rpartition("#")[2].rpartition("/")[2]
            if local != "Event":
                event.type = local
        elif row["name"] is not None:
            label = row["name"]
            assert isinstance(label, ox.Literal)  # events.rq: ?name is a schema:name or label
            lang, name = label.language or "", label.value
            event.names[lang] = min(event.names.get(lang, name), name)
        elif row["date"] is not None:
            date = _date(row["date"])
            event.date = min(filter(None, (event.date, date)), default=None)
        elif row["article"] is not None:
            event.articles.add(row["article"].value)
    return events


def _posts(rows: Rows) -> list[Post]:
    posts: dict[str, Post] = {}
    for row in rows("memberships"):
        iri = _value(row["membership"])
        post = posts.setdefault(iri, Post(iri, _value(row["member"]), _value(row["organization"])))
        if row["role"] is not None:
            role = row["role"]
            assert isinstance(role, ox.Literal)  # memberships.rq: ?role is a label
            lang = role.language or ""
            post.roles[lang] = min(post.roles.get(lang, role.value), role.value)
        elif row["status"] is not None:
            post.former = post.former or row["status"].value == FORMER_POST
        elif row["article"] is not None:
            post.articles.add(row["article"].value)
    return [posts[iri] for iri in sorted(posts)]


def _participants(rows: Rows) -> dict[str, dict[str, set[str]]]:
    participants: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows("participation"):
        participants[_value(row["event"])][_value(row["organization"])].add(_value(row["person"]))
    return {event: dict(orgs) for event, orgs in participants.items()}


def _suborganizations(rows: Rows) -> dict[tuple[str, str], set[str]]:
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows("suborganizations"):
        articles = links[(_value(row["child"]), _value(row["parent"]))]
        if row["article"] is not None:
            articles.add(row["article"].value)
    return dict(links)


def _earliest(articles: set[str], known: dict[str, ArticleRef]) -> dt.date | None:
    dates = (known[a].date for a in articles if a in known)
    return min((date for date in dates if date), default=None)


def _facts(
    entities: dict[str, Entity],
    articles: dict[str, ArticleRef],
    events: dict[str, EventRef],
    posts: list[Post],
    participants: dict[str, dict[str, set[str]]],
    suborganizations: dict[tuple[str, str], set[str]],
) -> list[Fact]:
    """All facts between two distinct nodes.  A fact's date is its event's date, else the
    earliest publication date of the articles that state it (None when unknown)."""
    facts: list[Fact] = []
    for iri, organizations in participants.items():
        event = events.get(iri, EventRef(iri))
        kind = "agreement" if event.type == AGREEMENT else "event"
        for a, b in itertools.combinations(sorted(organizations), 2):
            date = event.date or _earliest(event.articles, articles)
            facts.append(Fact(kind, iri, a, b, date, frozenset(event.articles)))
    by_person: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        member = entities.get(post.member)
        if member is None:
            continue
        if member.type == "Person":
            by_person[post.member].append(post)
        elif post.member != post.organization:
            facts.append(
                Fact(
                    "membership",
                    post.iri,
                    post.member,
                    post.organization,
                    _earliest(post.articles, articles),
                    frozenset(post.articles),
                )
            )
    for person, held in sorted(by_person.items()):
        for p, q in itertools.combinations(sorted(held, key=lambda x: x.organization), 2):
            if p.organization == q.organization:
                continue
            supporting = p.articles | q.articles
            a, b = sorted((p.organization, q.organization))
            facts.append(
                Fact("person", person, a, b, _earliest(supporting, articles), frozenset(supporting))
            )
    for (child, parent), stating in sorted(suborganizations.items()):
        if child != parent:
            facts.append(
                Fact(
                    "sub-organization",
                    f"{child} {parent}",
                    child,
                    parent,
                    _earliest(stating, articles),
                    frozenset(stating),
                )
            )
    return facts
