"""Names of people and organizations across languages and scripts: comparison keys,
parsing of personal names, and the clustering that gives one node per real-world entity."""
