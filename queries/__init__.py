"""Shipped SPARQL queries (.rq files), installed as the package data kg.queries."""
