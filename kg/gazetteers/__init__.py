"""Gazetteer data files (JSON): organizations, countries, places, roles, unit kinds."""
