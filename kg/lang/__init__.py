"""Language-specific word handling behind one interface.

``stem`` gives a matching key (gazetteer look-up, entity resolution); base forms that
become labels are the mappers' business, since they need the sentence around a word.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from kg.lang import kk

_SNOWBALL = {"en": "english"}

# Russian inflectional endings, longest first.  Snowball's Russian stemmer treats proper
# names unevenly (Астана → аста, but Астане → астан), which breaks gazetteer look-up of
# inflected names; stripping one ending from a closed list is consistent across cases.
_RU_ENDINGS = sorted(
    (
        "а", "я", "ы", "и", "е", "у", "ю", "о", "ь", "й",
        "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ами", "ями", "ов", "ев",
        "ий", "ый", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им",
        "ую", "юю", "ых", "их", "ые", "ие", "ою", "ею", "ию", "ия", "ии", "ией",
        "иям", "иях", "иями", "ья", "ье", "ьи", "ьей", "ьем", "ием",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
_RU_MIN_STEM = 3


def _ru_stem(word: str) -> str:
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _RU_MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_SNOWBALL[lang])


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """Lower-cased matching key of ``word`` in ``lang`` (kk, ru or en)."""
    lower = word.lower().replace("ё", "е")
    if lang == "kk":
        return kk.stem(lower)
    if lang == "ru":
        return _ru_stem(lower)
    if lang in _SNOWBALL:
        if lang == "en" and lower.endswith(("'s", "’s")):
            lower = lower[:-2]
        return _stemmer(lang).stemWord(lower)
    return lower
