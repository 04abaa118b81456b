"""SHACL shapes of kg (Turtle files), installed as the package data kg.shapes."""
