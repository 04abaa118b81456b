"""Russian rule + gazetteer mapper.

Russian news names people through appositions: a post, the organization it belongs to
(in the genitive) and then the name — ``председатель управляющего комитета
Регионального хаба … Алихан Байменов``.  The mapper finds person names first (by
dictionary name tags, Russian surname endings, initials, or a post right before them),
then reads the apposition to their left (or after a comma to their right) as one or more
posts (stacked with a dash) and an organization chain (unit → organization → country).
Events come from trigger words (``встретился с``, ``подписали меморандум``, ``форум
прошёл``); their date, place, organizer and super-event are read in the same sentence.
Cue words live in ``kg/gazetteers/lexicon_ru.json``; inflection is ``kg.lang.ru``.

The package has one module per concern (``words``, ``sentence``, ``persons``,
``appositions``, ``posts``, ``organization_chains``, ``named_organizations``,
``appointments``, ``events``); ``mapper`` composes them into the run that maps one
article, and ``organization_mentions`` delimits the organization mentions afterwards.
"""

from kg.mappers.ru.mapper import RussianMapper
from kg.mappers.ru.words import ru_slug

__all__ = ["RussianMapper", "ru_slug"]
