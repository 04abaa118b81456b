"""Pushing datasets to SPARQL 1.1 servers (Oxigraph, Fuseki, GraphDB, Virtuoso…).

``endpoints`` derives the update and Graph Store Protocol URLs from a query URL,
``client`` sends HTTP requests with authentication, retries and clear errors, and
``push`` replaces each named graph on the server atomically.
"""
