"""English mapper: plain rules over tokens, the gazetteers and a small lexicon.

English news about intergovernmental cooperation is formulaic: posts stand before a
name (``Chairman of the Steering Committee of the Astana Civil Service Hub Alikhan
Baimenov``) or after it in apposition (``Pan Suk Kim, former Minister of ...``), events
are reported with a handful of verbs (met, signed, attended, visited) and nested with a
handful of prepositions (on the sidelines of, within the framework of).  Rules read these
patterns fast enough (well over 100 articles a second) and every fact they produce can
be traced to the pattern that made it.

Each sentence is annotated in stages, every stage claiming tokens as *items*
(organization, country, place, unit, role, event, person); later stages only look at
unclaimed tokens.  Facts are then read off the item sequence.  Cue words live in
``kg/gazetteers/lexicon_en.json`` so that they can be extended without touching code.

The package has one module per concern: ``words`` (the lexicon and single-word helpers),
``sentence`` (the annotated sentence and the article's state), then one mixin per group
of stages — ``gazetteer_items`` (what the gazetteers know, and posts),
``organizations`` (ministries, organization phrases, acronyms, units), ``event_names``
(named gatherings), ``persons``, ``memberships``, ``event_attributes`` and ``events``;
``mapper`` composes them and fixes the order of the stages.
"""

from kg.mappers.en.mapper import EnglishMapper

__all__ = ["EnglishMapper"]
