"""Mapper for Kazakh news about intergovernmental cooperation.

Kazakh news names a post as a genitive chain ending in the post and the person:
``[Org]-ның [unit]-ы [role]-ы [Person]`` (``Хабтың басқару комитетінің төрағасы Алихан
Байменов``), or puts the post after the name (``Алихан Байменов, Хабтың ... төрағасы``).
Only the last word of a name inflects, so names are put in base form by stripping the
case ending off their last word (``kg.lang.kk``).  Events are found by trigger words
(``форум``, ``кездесу``, ``сапар``, ``қол қойды``) and nested by ``… аясында /
ауқымында / шеңберінде`` (within).  The cue words live in ``kg/gazetteers/lexicon_kk.json``.

The statistical NER (``kg.ner``, trained on KazNERD) adds the persons that no rule
sees — names without a post before them or a surname ending (``Айгерім Сейіт``) — while
the gazetteer and the rules keep what needs canonical ids: organizations, places, posts.

The package has one module per concern (``words``, ``sentence``, ``persons``,
``organizations``, ``memberships``, ``event_attributes``, ``event_drafts``, ``events``);
``mapper`` composes them into the run that maps one article.
"""

from kg.mappers.kk.mapper import KazakhMapper

__all__ = ["KazakhMapper"]
