"""SHACL validation with pySHACL, and a report a person can read.

pySHACL runs on rdflib graphs (it is much slower on other stores), so datasets are
converted once.  Only violations make data non-conforming: warnings (an event without
a date) and infos are reported but allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.assets import shapes_files

# keyed by Node | None: a result's sh:resultSeverity is looked up as the report has it
SEVERITY_NAMES: dict[Node | None, str] = {
    SH.Violation: "Violation",
    SH.Warning: "Warning",
    SH.Info: "Info",
}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with the focus node's label for humans."""

    severity: str
    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    message: str


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult]
    report_graph: Graph

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s.lower()}(s)" for s in ("Violation", "Warning", "Info")]
        verdict = "conforms" if self.conforms else "does NOT conform"
        return f"{verdict}: {', '.join(parts)}"


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@cache
def shapes_graph() -> Graph:
    """All shipped SHACL shapes, parsed once per process, in the form pySHACL runs fastest."""
    graph = Graph()
    for item in shapes_files():
        graph.parse(data=item.read_text(encoding="utf-8"), format="turtle")
    return hoist_property_shapes(graph)


def hoist_property_shapes(shapes: Graph) -> Graph:
    """Give each property shape the targets of the node shapes that use it.

    ``N sh:targetClass C ; sh:property P`` and ``P sh:targetClass C`` select the same
    focus nodes and report the same results, but pySHACL evaluates a property shape
    reached through ``sh:property`` once per focus node, and a targeted one once for all
    of them: about twice as fast on our shapes.  The shapes file keeps the readable form.
    """
    hoisted = Graph()
    for triple in shapes:
        hoisted.add(triple)
    for node_shape, prop in list(shapes.subject_objects(SH.property)):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node_shape, p)]
        if not targets or (node_shape, SH.deactivated, Literal(True)) in shapes:
            continue
        hoisted.remove((node_shape, SH.property, prop))
        for predicate, target in targets:
            hoisted.add((prop, predicate, target))
    return hoisted


@cache
def merged_shapes_graph() -> Graph:
    """The shapes without the constraints that look at linked nodes' types.

    Used for nodes described by several graphs: every ``sh:class`` constraint (also
    inside ``sh:or``/``sh:and``/``sh:xone``) held in each article graph and keeps
    holding in the union, since merging only adds types.  What merging can break are
    the constraints on a node's own values (``sh:maxCount``, ``sh:uniqueLang``,
    ``sh:equals``…), and those need only the node's own triples — so linked nodes need
    not be in the data, and are not re-validated.
    """
    shapes = Graph()
    for triple in shapes_graph():
        shapes.add(triple)
    for predicate in (SH["class"], SH.node, SH.qualifiedValueShape):
        shapes.remove((None, predicate, None))
    for predicate in (SH["or"], SH["and"], SH.xone):
        for shape, members in list(shapes.subject_objects(predicate)):
            if any(
                (member, SH["class"], None) in shapes or (member, SH.node, None) in shapes
                for member in Collection(shapes, members)
            ):
                shapes.remove((shape, predicate, members))
    return shapes


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` against the shipped shapes (or ``shapes``)."""
    conforms, report_graph, _text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        inplace=True,  # no inference runs, so nothing is added: no need for pySHACL's copy
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
    )
    results = [
        _result(report_graph, node, data)
        for node in report_graph.subjects(RDF.type, SH.ValidationResult)
    ]
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    results.sort(key=lambda r: (order.get(r.severity, 3), r.focus, r.path or "", r.message))
    return ValidationReport(bool(conforms), results, report_graph)


def _text(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return f"{node}@{node.language}" if node.language else str(node)
    return str(node)


def _result(report: Graph, node: Node, data: Graph) -> ValidationResult:
    severity = report.value(node, SH.resultSeverity)
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    english = [
        m
        for m in report.objects(node, SH.resultMessage)
        if getattr(m, "language", None) in (None, "en")
    ]
    message = str(english[0]) if english else (messages[0] if messages else "constraint failed")
    return ValidationResult(
        severity=SEVERITY_NAMES.get(severity, str(severity)),
        focus=str(focus),
        focus_label=label_of(data, focus),
        path=_text(path)
        if isinstance(path, URIRef)
        else (None if path is None else "(complex path)"),
        value=_text(report.value(node, SH.value)),
        message=message,
    )


def label_of(data: Graph, node: Node | None) -> str | None:
    """A readable name for a node: an English, then any, preferred label or label."""
    if node is None:
        return None
    for prop in (SKOS.prefLabel, RDFS.label):
        labels = list(data.objects(node, prop))
        if labels:
            labels.sort(key=lambda lit: (getattr(lit, "language", None) != "en", str(lit)))
            return str(labels[0])
    return None


def format_report(report: ValidationReport, limit: int | None = None) -> str:
    """Aligned, human-readable lines: severity, focus (with label), path, value, message."""
    lines = [report.summary()]
    shown = report.results if limit is None else report.results[:limit]
    for r in shown:
        focus = f"{r.focus_label} <{r.focus}>" if r.focus_label else f"<{r.focus}>"
        lines.append(f"  {r.severity:<9} {focus}")
        if r.path:
            lines.append(f"            path:    {r.path}")
        if r.value:
            lines.append(f"            value:   {r.value}")
        lines.append(f"            message: {r.message}")
    if limit is not None and len(report.results) > limit:
        lines.append(f"  … {len(report.results) - limit} more result(s)")
    return "\n".join(lines)
