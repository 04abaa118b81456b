"""RDF side of the pipeline: IRIs, graph building, dataset I/O."""
