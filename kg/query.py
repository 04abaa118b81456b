"""Run SPARQL queries on a dataset file (pyoxigraph) or an HTTP endpoint (SPARQLWrapper).

Parameters are bound as RDF terms, never pasted into the query text as raw strings: a
``VALUES`` block whose terms are serialized and escaped by pyoxigraph is inserted at the
start of the WHERE clause, so a FILTER in the query sees the bound value.  The same
binding serves the local engine and remote endpoints (which accept only query text;
pyoxigraph's SEP-0007 ``substitutions`` would also need every parameter projected in the
SELECT clause).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.assets import query_files
from kg.rdf.namespaces import PREFIXES

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")
_VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QueryError(Exception):
    """A query cannot be found, parsed or run."""


@dataclass
class QueryResult:
    """Rows of a SELECT query: variable names and RDF terms (``None`` when unbound)."""

    variables: list[str]
    rows: list[list[ox.NamedNode | ox.Literal | ox.BlankNode | None]]


def load_query(spec: str) -> str:
    """``spec`` is a path to a ``.rq`` file or the name of a shipped query."""
    path = Path(spec)
    if path.suffix in (".rq", ".sparql") or path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{spec}: cannot read query file: {exc.strerror}") from exc
    shipped = query_files()
    if spec in shipped:
        return shipped[spec].read_text(encoding="utf-8")
    names = ", ".join(sorted(shipped))
    raise QueryError(f"{spec}: no such query file or shipped query (shipped: {names})")


def parse_params(pairs: Sequence[str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """``name=value`` pairs → variable bindings.

    A value in angle brackets is an IRI (``<https://…>``); anything else is a plain
    string literal, so a value can never change the query's structure.
    """
    params: dict[str, ox.NamedNode | ox.Literal] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _VAR_NAME.match(name):
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE with a SPARQL variable name")
        if value.startswith("<") and value.endswith(">"):
            try:
                params[name] = ox.NamedNode(value[1:-1])
            except ValueError as exc:
                raise QueryError(f"--param {name}: invalid IRI {value}: {exc}") from exc
        else:
            params[name] = ox.Literal(value)
    return params


def run_local(
    store: ox.Store,
    query: str,
    params: dict[str, ox.NamedNode | ox.Literal],
    *,
    default_graph_is_union: bool = False,
) -> QueryResult:
    """Run a SELECT query over the union of all graphs of ``store``: its default graph
    when the caller put the union there as a set (``kg.rdf.dataset.add_union_view``;
    faster, and each triple counted once), else Oxigraph's union of the named graphs."""
    try:
        solutions = store.query(
            bind_values(query, params),
            use_default_graph_as_union=not default_graph_is_union,
            prefixes=PREFIXES,
        )
    except SyntaxError as exc:
        raise QueryError(f"query syntax error: {exc}") from exc
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries are supported by `kg query`")
    variables = [v.value for v in solutions.variables]
    # A solution iterates over its values in the order of ``variables`` (``None`` when
    # unbound); looking each one up by name instead takes most of the time of a large
    # result (60k rows: 0.84 s instead of 0.34 s).
    rows = [list(solution) for solution in solutions]
    return QueryResult(variables, rows)


def bind_values(query: str, params: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """Insert a VALUES block with the escaped terms right after the WHERE clause's ``{``,
    and one in place of every ``# @bind ?a ?b`` line for the parameters it names that
    are given: a sub-select or a UNION branch cannot see the outer block (SPARQL joins
    it with the group's result), so a query that wants a parameter to narrow such a
    group early marks the group.  Without the parameter the line stays a comment."""
    if not params:
        return query
    query = _BIND_MARKER.sub(lambda m: _marked_values(m, params), query)
    names = sorted(params)
    position = _where_brace(query)
    return query[: position + 1] + "\n  " + _values(names, params) + "\n" + query[position + 1 :]


_BIND_MARKER = re.compile(r"^([ \t]*)# @bind((?:[ \t]+\?\w+)+)[ \t]*$", re.MULTILINE)


def _marked_values(marker: re.Match[str], params: dict[str, ox.NamedNode | ox.Literal]) -> str:
    names = [name for name in marker.group(2).replace("?", " ").split() if name in params]
    return marker.group(1) + _values(names, params) if names else marker.group(0)


def _values(names: list[str], params: dict[str, ox.NamedNode | ox.Literal]) -> str:
    return (
        f"VALUES ({' '.join('?' + n for n in names)}) "
        f"{{ ({' '.join(str(params[n]) for n in names)}) }}"
    )


def _where_brace(query: str) -> int:
    """Offset of the ``{`` opening the outermost WHERE group, skipping comments, strings
    and IRIs."""
    i, n = 0, len(query)
    seen_where = False
    while i < n:
        ch = query[i]
        if ch == "#":
            i = query.find("\n", i)
            i = n if i < 0 else i
        elif ch in "\"'":
            i = _skip_string(query, i)
        elif ch == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", query[i:]):
            i = query.index(">", i) + 1
            continue
        elif query[i : i + 5].upper() == "WHERE" and not query[i - 1 : i].isalnum():
            seen_where = True
            i += 5
            continue
        elif ch == "{" and (seen_where or _select_without_where(query[:i])):
            return i
        i += 1
    raise QueryError("cannot find the WHERE clause to bind parameters into")


def _select_without_where(head: str) -> bool:
    return bool(re.search(r"\bSELECT\b", head, re.IGNORECASE))


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    long_quote = text[i : i + 3] == quote * 3
    end_marker = quote * 3 if long_quote else quote
    j = i + len(end_marker)
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text.startswith(end_marker, j):
            return j + len(end_marker)
        j += 1
    return j


def run_endpoint(url: str, query: str, params: dict[str, ox.NamedNode | ox.Literal]) -> QueryResult:
    """Run a SELECT query on a SPARQL 1.1 endpoint through SPARQLWrapper.  The query
    goes in a POST body (URL-encoded form, SPARQL 1.1 Protocol): the shipped queries
    are several kilobytes, more than servers accept in a GET request's URL (Oxigraph
    refuses headers over 8 kB)."""
    from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    prefixes = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if f"{p}:" in query)
    wrapper = SPARQLWrapper(url)
    wrapper.setQuery(prefixes + bind_values(query, params))
    wrapper.setReturnFormat(JSON)
    wrapper.setMethod(POST)
    # SPARQLWrapper guesses the query form from keywords anywhere in the text, comments
    # included ("padding" reads as ADD, an update): `kg query` runs SELECT queries.
    wrapper.queryType = SELECT
    try:
        payload = wrapper.queryAndConvert()
    except (SPARQLWrapperException, OSError) as exc:
        raise QueryError(f"{url}: query failed: {exc}") from exc
    if not isinstance(payload, dict) or "results" not in payload:
        raise QueryError(f"{url}: no SELECT results; only SELECT queries are supported")
    variables = payload["head"]["vars"]
    rows = [[_from_json(b.get(v)) for v in variables] for b in payload["results"]["bindings"]]
    return QueryResult(variables, rows)


def _from_json(binding: dict | None) -> ox.NamedNode | ox.Literal | ox.BlankNode | None:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


# -- output -----------------------------------------------------------------------------


def _plain(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    if term is None:
        return ""
    return term.value


def _compact(
    term: ox.NamedNode | ox.Literal | ox.BlankNode | None, prefixes: dict[str, str]
) -> str:
    if isinstance(term, ox.NamedNode):
        for prefix, iri in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(iri):
                return f"{prefix}:{term.value[len(iri) :]}"
    return _plain(term)


def format_result(result: QueryResult, fmt: str, prefixes: dict[str, str] | None = None) -> str:
    """Render rows as an aligned table, CSV, TSV, or SPARQL 1.1 JSON results."""
    if fmt == "json":
        return json.dumps(_json_results(result), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_plain(t) for t in row])
        return buffer.getvalue()
    return _table(result, prefixes or PREFIXES)


def _table(result: QueryResult, prefixes: dict[str, str]) -> str:
    cells = [[_compact(t, prefixes).replace("\n", " ") for t in row] for row in result.rows]
    widths = [len(v) for v in result.variables]
    for row in cells:
        widths = [min(max(w, len(c)), 60) for w, c in zip(widths, row, strict=True)]

    def fit(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(fit(c, w).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _json_results(result: QueryResult) -> dict:
    bindings = []
    for row in result.rows:
        binding = {}
        for var, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                binding[var] = {"type": "uri", "value": term.value}
            elif isinstance(term, ox.BlankNode):
                binding[var] = {"type": "bnode", "value": term.value}
            else:
                item = {"type": "literal", "value": term.value}
                if term.language:
                    item["xml:lang"] = term.language
                elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                    item["datatype"] = term.datatype.value
                binding[var] = item
        bindings.append(binding)
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
