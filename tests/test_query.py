import json

import pyoxigraph as ox
import pytest

from kg.query import QueryError, bind_values, format_result, load_query, parse_params, run_local

DATA = """
@prefix ex: <https://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
GRAPH ex:g1 { ex:a rdfs:label "Alpha"@en . ex:b rdfs:label "Beta \\"quoted\\""@en . }
GRAPH ex:g2 { ex:c rdfs:label "Гамма"@ru . }
"""
QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
# a comment with WHERE { in it
SELECT ?s ?label WHERE {
  ?s rdfs:label ?label .
  FILTER(!BOUND(?name) || CONTAINS(LCASE(STR(?label)), LCASE(STR(?name))))
} ORDER BY ?s
"""


@pytest.fixture()
def store() -> ox.Store:
    s = ox.Store()
    s.load(DATA.encode(), format=ox.RdfFormat.TRIG)
    return s


def test_runs_over_the_union_of_named_graphs(store: ox.Store) -> None:
    result = run_local(store, QUERY, {})
    assert [row[1].value for row in result.rows] == ["Alpha", 'Beta "quoted"', "Гамма"]


def test_parameters_filter_as_bound_values(store: ox.Store) -> None:
    result = run_local(store, QUERY, parse_params(["name=гам"]))
    assert [row[1].value for row in result.rows] == ["Гамма"]


def test_parameter_cannot_inject_query_text(store: ox.Store) -> None:
    hostile = 'x")) } SELECT * WHERE { ?s ?p ?o . FILTER(("'
    result = run_local(store, QUERY, parse_params([f"name={hostile}"]))
    assert result.rows == []


def test_iri_parameters(store: ox.Store) -> None:
    params = parse_params(["s=<https://example.org/c>"])
    assert params["s"] == ox.NamedNode("https://example.org/c")
    result = run_local(
        store,
        "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
        params,
    )
    assert [r[0].value for r in result.rows] == ["Гамма"]


def test_bad_parameter_syntax_is_reported() -> None:
    with pytest.raises(QueryError):
        parse_params(["no-equals-sign"])
    with pytest.raises(QueryError):
        parse_params(["1bad=x"])


def test_values_block_goes_inside_the_where_clause_with_escaped_terms(store: ox.Store) -> None:
    hostile = 'a" } ; DROP ALL ; {"'
    bound = bind_values(QUERY, parse_params([f"name={hostile}"]))
    assert bound.index("VALUES") > bound.index("SELECT ?s ?label WHERE {")
    assert '\\"' in bound  # the quote is escaped, not closing the literal
    result = run_local(store, bound, {})  # the bound text is a valid query that filters
    assert result.rows == []
    plain = run_local(store, bind_values(QUERY, parse_params(["name=alp"])), {})
    assert [r[1].value for r in plain.rows] == ["Alpha"]


# A sub-select cannot see the outer VALUES block: only its `# @bind` line narrows it.
MARKED = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s WHERE {
  { SELECT ?s WHERE {
      # @bind ?name ?other
      ?s rdfs:label ?label .
      FILTER(!BOUND(?name) || CONTAINS(LCASE(STR(?label)), LCASE(STR(?name))))
  } }
} ORDER BY ?s
"""


def test_a_bind_line_narrows_its_sub_select_only_with_the_given_parameters(
    store: ox.Store,
) -> None:
    every = [r[0].value for r in run_local(store, MARKED, {}).rows]
    assert len(every) == 3
    bound = bind_values(MARKED, parse_params(["name=гам"]))
    assert '      VALUES (?name) { ("гам") }\n' in bound  # ?other not given: left out
    assert [r[0].value for r in run_local(store, bound, {}).rows] == ["https://example.org/c"]
    # without the line, the sub-select ignores the parameter and every row comes back
    unmarked = MARKED.replace("      # @bind ?name ?other\n", "")
    assert len(run_local(store, unmarked, parse_params(["name=гам"])).rows) == 3
    # a parameter the line does not name leaves it a comment
    assert "# @bind ?name ?other" in bind_values(MARKED, parse_params(["lang=en"]))


def test_output_formats(store: ox.Store) -> None:
    result = run_local(store, QUERY, {})
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["s", "label"] and "(3 rows)" in table
    assert format_result(result, "csv").splitlines()[1] == "https://example.org/a,Alpha"
    assert format_result(result, "tsv").splitlines()[0] == "s\tlabel"
    payload = json.loads(format_result(result, "json"))
    assert payload["head"]["vars"] == ["s", "label"]
    assert payload["results"]["bindings"][2]["label"] == {
        "type": "literal",
        "value": "Гамма",
        "xml:lang": "ru",
    }


def test_unknown_query_names_the_shipped_ones() -> None:
    with pytest.raises(QueryError, match="no such query"):
        load_query("does-not-exist")


def test_syntax_errors_are_query_errors(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="syntax"):
        run_local(store, "SELECT WHERE {", {})


def test_union_view_counts_a_triple_once_however_many_graphs_hold_it() -> None:
    from kg.rdf.dataset import add_union_view

    data = """
    <https://e.org/g1> { <https://e.org/x> a <https://e.org/Org> . }
    <https://e.org/g2> { <https://e.org/x> a <https://e.org/Org> . }
    <https://e.org/g3> { <https://e.org/x> a <https://e.org/Org> . }
    """
    store = ox.Store()
    store.load(data.encode(), format=ox.RdfFormat.TRIG)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
    assert run_local(store, count, {}).rows[0][0].value == "3"  # Oxigraph's union: one per graph
    add_union_view(store)
    assert run_local(store, count, {}, default_graph_is_union=True).rows[0][0].value == "1"
    in_graphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?type } }"
    assert run_local(store, in_graphs, {}, default_graph_is_union=True).rows[0][0].value == "3"
