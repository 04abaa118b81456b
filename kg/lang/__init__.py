"""Language-specific word handling behind one interface.

``stem`` gives a matching key (gazetteer look-up, entity resolution); base forms that
become labels are the mappers' business, since they need the sentence around a word.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from kg.lang import kk

_SNOWBALL = {"ru": "russian", "en": "english"}


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_SNOWBALL[lang])


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """Lower-cased matching key of ``word`` in ``lang`` (kk, ru or en)."""
    lower = word.lower().replace("ё", "е")
    if lang == "kk":
        return kk.stem(lower)
    if lang in _SNOWBALL:
        if lang == "en" and lower.endswith(("'s", "’s")):
            lower = lower[:-2]
        return _stemmer(lang).stemWord(lower)
    return lower
