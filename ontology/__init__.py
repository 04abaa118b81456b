"""OWL ontology of kg (Turtle files), installed as the package data kg.ontology."""
