"""Named-entity recognition: a feature-rich linear-chain CRF (CRFsuite).

The model tags tokens with IOB2 tags in KazNERD's class names (PERSON, ORGANISATION,
GPE, POSITION...).  It is small (a few MB), loads in well under a second and tags tens of
thousands of tokens per second on one core, which is what a builder that reads
thousands of articles needs; the mappers combine its spans with the gazetteers, which
give canonical ids.

Modules: ``conll`` (reading and writing CoNLL), ``features`` (token features),
``corpus`` (de-duplication and the deterministic train/dev split), ``scoring``
(exact-span P/R/F1), ``training`` and ``tagger``.
"""
