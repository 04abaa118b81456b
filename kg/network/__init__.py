"""The network of organizations: who cooperates with whom, and who brokers.

``source`` reads the facts out of a dataset, ``graph`` builds the networkx graph,
``layout`` and ``metrics`` compute positions and centralities, and ``page``, ``picture``
and ``export`` write the interactive HTML page, PNG/SVG pictures and GEXF/GraphML files.
"""
