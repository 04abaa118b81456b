"""Measuring extraction quality against annotated collections."""
