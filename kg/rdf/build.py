"""Build RDF from resolved extractions: one named graph per article, plus the entities
graph that gives every entity one preferred label per language.

The vocabulary is documented in docs/data-model.md; the SHACL shapes in shapes/ check it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.model import Entity, EntityType, EventType, Evidence, OrgKind, PostStatus, Span
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import KGO, ORG, SCHEMA, WD
from kg.resolve import ResolvedExtraction

ORG_CLASSES = {
    OrgKind.INTERGOVERNMENTAL: KGO.IntergovernmentalOrganization,
    OrgKind.GOVERNMENT_BODY: KGO.GovernmentBody,
    OrgKind.STATE: KGO.State,
    OrgKind.UNIT: ORG.OrganizationalUnit,
}
EVENT_CLASSES = {
    EventType.MEETING: KGO.Meeting,
    EventType.CONFERENCE: KGO.Conference,
    EventType.VISIT: KGO.Visit,
    EventType.SIGNING: KGO.AgreementSigning,
}
POST_STATUS = {
    PostStatus.CURRENT: KGO.CurrentPost,
    PostStatus.FORMER: KGO.FormerPost,
    PostStatus.NEWLY_APPOINTED: KGO.NewlyAppointed,
    PostStatus.ACTING: KGO.ActingPost,
}


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(min(max(value, 0.0), 1.0), 3))), datatype=XSD.decimal)


class ArticleGraphBuilder:
    """Writes one article's facts into an rdflib graph."""

    def __init__(self, resolved: ResolvedExtraction, minter: IriMinter) -> None:
        self.resolved = resolved
        self.extraction = resolved.extraction
        self.article = resolved.extraction.article
        self.lang = self.article.language or "en"
        self.minter = minter
        self.graph = Graph()
        self.article_iri = minter.article(self.article.id)

    def build(self) -> Graph:
        self._article()
        evidence_by_entity: dict[str, list[tuple[Evidence, str | None]]] = defaultdict(list)
        for mention in self.extraction.mentions:
            evidence_by_entity[mention.entity].append((mention.evidence, mention.surface))
        self._borrow_fact_evidence(evidence_by_entity)
        for key, entity in self.extraction.entities.items():
            if evidence_by_entity.get(key):
                self._entity(key, entity, evidence_by_entity[key])
        self._memberships()
        self._events()
        return self.graph

    # -- article and provenance -------------------------------------------------------

    def _article(self) -> None:
        g, a, art = self.graph, self.article_iri, self.article
        g.add((a, RDF.type, SCHEMA.NewsArticle))
        g.add((a, DCTERMS.identifier, Literal(art.id)))
        g.add((a, SCHEMA.inLanguage, Literal(self.lang)))
        if art.title:
            g.add((a, SCHEMA.headline, Literal(art.title, lang=self.lang)))
        if art.published:
            g.add((a, SCHEMA.datePublished, Literal(art.published.isoformat(), datatype=XSD.date)))
        if art.source:
            g.add((a, DCTERMS.source, Literal(art.source)))
        if art.url:
            g.add((a, SCHEMA.url, URIRef(art.url)))

    def _sentence(self, span: Span) -> URIRef:
        iri = self.minter.sentence(self.article.id, span.start)
        if (iri, RDF.type, KGO.Sentence) not in self.graph:
            g = self.graph
            g.add((iri, RDF.type, KGO.Sentence))
            g.add((iri, RDF.value, Literal(self.extraction.sentence_text(span), lang=self.lang)))
            g.add((iri, KGO.startOffset, Literal(span.start)))
            g.add((iri, KGO.endOffset, Literal(span.end)))
            g.add((iri, DCTERMS.isPartOf, self.article_iri))
        return iri

    def _provenance(self, node: URIRef, evidence: Evidence, surface: str | None = None) -> None:
        g = self.graph
        span = evidence.mention or evidence.sentence
        ev = self.minter.evidence(self.article.id, str(node), span.start, span.end)
        g.add((node, PROV.wasDerivedFrom, self.article_iri))
        g.add((node, KGO.evidence, ev))
        g.add((ev, RDF.type, KGO.Evidence))
        g.add((ev, KGO.sentence, self._sentence(evidence.sentence)))
        g.add((ev, PROV.wasDerivedFrom, self.article_iri))
        g.add((ev, KGO.confidence, _decimal(evidence.confidence)))
        g.add((ev, KGO.extractor, Literal(self.extraction.extractor)))
        g.add((ev, KGO.extractorVersion, Literal(self.extraction.extractor_version)))
        if evidence.mention is not None:
            g.add((ev, KGO.mentionText, Literal(surface or "", lang=self.lang)))
            g.add((ev, KGO.startOffset, Literal(evidence.mention.start)))
            g.add((ev, KGO.endOffset, Literal(evidence.mention.end)))

    def _borrow_fact_evidence(
        self, evidence_by_entity: dict[str, list[tuple[Evidence, str | None]]]
    ) -> None:
        """An entity a mapper added without a mention (say, a unit's parent inferred
        from the construction) is supported by the sentences of the facts naming it."""
        for m in self.extraction.memberships:
            for key in (m.member, m.organization):
                if not evidence_by_entity.get(key):
                    evidence_by_entity[key].append((m.evidence, None))
        for e in self.extraction.events:
            for key in (*e.participants, *e.organizers, *([e.place] if e.place else [])):
                if not evidence_by_entity.get(key):
                    evidence_by_entity[key].append((e.evidence, None))
        changed = True
        while changed:  # parents of units inherit their children's evidence
            changed = False
            for key, entity in self.extraction.entities.items():
                parent = entity.parent
                if (
                    parent in self.extraction.entities
                    and evidence_by_entity.get(key)
                    and not evidence_by_entity.get(parent)
                ):
                    evidence_by_entity[parent].extend(evidence_by_entity[key][:1])
                    changed = True

    # -- entities ---------------------------------------------------------------------

    def _entity(
        self, key: str, entity: Entity, evidence: list[tuple[Evidence, str | None]]
    ) -> None:
        g, iri = self.graph, self.resolved.entities[key]
        for cls in entity_classes(entity):
            g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(entity.name, lang=entity.lang)))
        if entity.type is EntityType.PERSON:
            g.add((iri, FOAF.name, Literal(entity.name, lang=entity.lang)))
        for alias in entity.aliases:
            g.add((iri, SKOS.altLabel, Literal(alias, lang=self.lang)))
        if entity.parent and entity.parent in self.resolved.entities:
            parent = self.resolved.entities[entity.parent]
            if parent != iri:
                g.add((iri, ORG.subOrganizationOf, parent))
        for ev, surface in evidence:
            self._provenance(iri, ev, surface)

    # -- facts ------------------------------------------------------------------------

    def _memberships(self) -> None:
        g, ents = self.graph, self.resolved.entities
        for m in self.extraction.memberships:
            if m.member not in ents or m.organization not in ents:
                continue
            member, org = ents[m.member], ents[m.organization]
            role = self.resolved.roles[m.role]
            iri = self.minter.membership(str(member), str(org), str(role))
            g.add((iri, RDF.type, ORG.Membership))
            g.add((iri, ORG.member, member))
            g.add((iri, ORG.organization, org))
            g.add((iri, ORG.role, role))
            g.add((iri, KGO.roleLabel, Literal(m.role.label, lang=m.role.lang)))
            g.add((iri, KGO.postStatus, POST_STATUS[m.status]))
            member_name = self.extraction.entities[m.member].name
            org_name = self.extraction.entities[m.organization].name
            label = f"{member_name} — {m.role.label} — {org_name}"
            g.add((iri, RDFS.label, Literal(label, lang=self.lang)))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDFS.label, Literal(m.role.label, lang=m.role.lang)))
            if m.role.key:
                g.add((role, SKOS.notation, Literal(m.role.key)))
            self._provenance(iri, m.evidence)

    def _events(self) -> None:
        g, ents, events = self.graph, self.resolved.entities, self.resolved.events
        for e in self.extraction.events:
            iri = events[e.key]
            g.add((iri, RDF.type, SCHEMA.Event))
            if e.type in EVENT_CLASSES:
                g.add((iri, RDF.type, EVENT_CLASSES[e.type]))
            g.add((iri, SCHEMA.name, Literal(e.name, lang=e.lang)))
            g.add((iri, RDFS.label, Literal(e.name, lang=e.lang)))
            if e.date:
                g.add((iri, SCHEMA.startDate, Literal(e.date.isoformat(), datatype=XSD.date)))
                source = "article" if e.date_from_article else "text"
                g.add((iri, KGO.dateSource, Literal(source)))
            if e.place and e.place in ents:
                g.add((iri, SCHEMA.location, ents[e.place]))
            for p in e.participants:
                if p in ents:
                    g.add((iri, SCHEMA.attendee, ents[p]))
            for o in e.organizers:
                if o in ents:
                    g.add((iri, SCHEMA.organizer, ents[o]))
            if e.parent and e.parent in events and events[e.parent] != iri:
                g.add((iri, SCHEMA.superEvent, events[e.parent]))
            self._provenance(iri, e.evidence)


def entity_classes(entity: Entity) -> list[URIRef]:
    """rdf:types of an entity: the standard class always, our subclass where known
    (explicitly both, so that queries and shapes need no reasoner)."""
    if entity.type is EntityType.PERSON:
        return [SCHEMA.Person, FOAF.Person]
    if entity.type is EntityType.PLACE:
        return [SCHEMA.Place]
    classes = [ORG.Organization]
    if entity.kind in ORG_CLASSES:
        classes.append(ORG_CLASSES[entity.kind])
    if entity.kind is OrgKind.STATE:
        classes += [SCHEMA.Country, SCHEMA.Place]
    if entity.parent and entity.kind is None:
        classes.append(ORG.OrganizationalUnit)
    return classes


def build_article_graph(resolved: ResolvedExtraction, minter: IriMinter) -> Graph:
    """The named-graph content for one article."""
    return ArticleGraphBuilder(resolved, minter).build()


@dataclass
class EntityIndex:
    """Names seen for each entity across all articles: the entities graph gives each
    entity one preferred label per language and keeps the others as alternative labels.
    Order-independent: the most frequent name is preferred, ties go to the
    alphabetically first, so the output does not depend on input order."""

    labels: dict[URIRef, dict[str, Counter[str]]] = field(default_factory=dict)
    refs: dict[URIRef, str] = field(default_factory=dict)
    roles: dict[URIRef, str] = field(default_factory=dict)

    def add(self, resolved: ResolvedExtraction) -> None:
        for key, entity in resolved.extraction.entities.items():
            iri = resolved.entities[key]
            per_lang = self.labels.setdefault(iri, {})
            per_lang.setdefault(entity.lang, Counter())[entity.name] += 1
            if entity.ref:
                self.refs[iri] = entity.ref
            elif iri in resolved.linked:
                self.refs[iri] = resolved.linked[iri]
            elif iri in resolved.unit_kinds:
                self.refs[iri] = resolved.unit_kinds[iri]
        for role, iri in resolved.roles.items():
            if role.key:
                self.roles[iri] = role.key
            self.labels.setdefault(iri, {}).setdefault(role.lang, Counter())[role.label] += 1

    def graph(self, present: set[URIRef], minter: IriMinter, gazetteer: Gazetteer) -> Graph:
        """The entities graph for the nodes ``present`` in the dataset."""
        g = Graph()
        for iri in sorted(self.labels):
            if iri not in present:
                continue
            preferred = {
                lang: sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                for lang, counts in self.labels[iri].items()
            }
            ref = self.refs.get(iri) or self.roles.get(iri)
            entry = _gazetteer_entry(ref, gazetteer)
            if entry is not None:
                for lang, names in entry.names.items():
                    if names:
                        preferred[lang] = names[0]
                        for alt in names[1:]:
                            g.add((iri, SKOS.altLabel, Literal(alt, lang=lang)))
                for acronym in entry.acronyms:
                    g.add((iri, SKOS.notation, Literal(acronym)))
                if entry.wikidata:
                    g.add((iri, OWL.sameAs, WD[entry.wikidata]))
                parent = gazetteer_parent_iri(entry, minter)
                if parent is not None and parent in present:
                    g.add((iri, ORG.subOrganizationOf, parent))
            for lang, label in sorted(preferred.items()):
                g.add((iri, SKOS.prefLabel, Literal(label, lang=lang)))
            for lang, counts in self.labels[iri].items():
                for name in counts:
                    if name != preferred.get(lang):
                        g.add((iri, SKOS.altLabel, Literal(name, lang=lang)))
        return g


def _gazetteer_entry(ref: str | None, gazetteer: Gazetteer) -> GazetteerEntry | None:
    if not ref:
        return None
    return gazetteer.entries.get(ref.removeprefix("country:"))


def gazetteer_parent_iri(entry: GazetteerEntry, minter: IriMinter) -> URIRef | None:
    """The IRI of the organization or country a gazetteer entry belongs to (shared by the
    file build and the store, which keep org:subOrganizationOf the same way)."""
    if entry.category == "country" or not entry.parent:
        return None
    parent = entry.parent
    if len(parent) == 2:
        return minter.country(parent)
    return minter.organization(parent)
