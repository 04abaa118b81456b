"""Script-independent comparison keys for words of personal names.

The same person is written ``Әлихан``, ``Алихан``, ``Alikhan``, ``Álıhan`` (Kazakh Latin,
2018), ``A'lihan`` (2017) or ``Alihan`` (2021).  ``word_key`` maps all of them to
``alihan`` by reducing each script to a small phonetic alphabet: Cyrillic letters are
transliterated, Latin diacritics and apostrophe digraphs of the Kazakh Latin alphabets
are resolved, and the spellings on which transliteration systems disagree are folded
(``kh``/``h``, ``zh``/``j``, ``y``/``i``/``ı``, ``ye``/``e``, doubled letters, ``y``
between vowels as in ``Tokayev``/``Токаев``).

The key only ever compares names; IRIs stay readable slugs (``kg.translit``).  It
deliberately keeps what tells people apart: ``Омаров`` and ``Умаров``, ``Назарбаев`` and
``Назарбаева`` keep different keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.translit import CYRILLIC_TO_LATIN

# the slug transliteration (``kg.translit``), with the letters on which transliteration
# systems disagree reduced to one spelling: х/kh/h, ж/zh/j, ң/ng/n, ц/ts/c, ы/y/i, ю/yu/iu;
# ч and ш stay Cyrillic until the Latin folds are done (see ``word_key``)
_CYRILLIC = CYRILLIC_TO_LATIN | {
    "ё": "io", "ж": "j", "й": "i", "ң": "n", "х": "h", "ц": "c", "ч": "ч", "ш": "ш",
    "щ": "ш", "ы": "i", "ю": "iu", "я": "ia",
}  # fmt: skip
# Latin letters whose diacritics carry a sound of their own (decomposing would lose it);
# ý is У in the 2018/2021 Kazakh Latin alphabets (Baýyrjan = Бауыржан)
_LATIN_SPECIAL = {"ş": "ш", "š": "ш", "ç": "ч", "č": "ч", "ž": "j", "ı": "i", "ł": "l", "ý": "u"}
# the 2017 Kazakh Latin alphabet writes Ш, Ч, У with an apostrophe (S', C', Y'); other
# letters with an apostrophe are Ә, Ғ, Ң, Ө, Ү, Ұ, Й, whose key drops it
_APOSTROPHES = "'’ʼ`´"
_APOSTROPHE_DIGRAPH = re.compile(rf"([a-z])[{_APOSTROPHES}]")
# Latin spellings folded together, longest first; ч/ш stand for ch/sh while folding so
# that the c of ch and the s of sh are not touched by the rules for c and s
_LATIN_FOLDS = (
    ("shch", "ш"), ("dzh", "j"), ("sch", "ш"), ("tch", "ч"),
    ("ch", "ч"), ("sh", "ш"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("ck", "k"), ("ts", "c"), ("tz", "c"), ("x", "ks"), ("q", "k"),
    ("w", "v"),
)  # fmt: skip
_UMLAUT = re.compile(r"([uo])e")
_HARD_C = re.compile(r"c(?=[aoulr]|$)")  # Cormann/Корманн, Carlos/Карлос; not ц (Tsoi)
_VOWELS = "aeiou"
_Y_BETWEEN_VOWELS = re.compile(rf"(?<=[{_VOWELS}])[yi](?=[{_VOWELS}])")
_INITIAL_Y = re.compile(r"^y(?=[eo])")


@lru_cache(maxsize=65_536)
def word_key(word: str) -> str:
    """The comparison key of one word of a name (``Тоқаев``, ``Tokayev`` → ``tokaev``)."""
    text = word.lower()
    text = _APOSTROPHE_DIGRAPH.sub(_apostrophe_letter, text)
    text = _HARD_C.sub("k", text)  # Latin c only: Cyrillic ц is another letter
    text = _UMLAUT.sub(r"\1", text)  # Mueller/Müller (Latin only: Мирзиёев has ёе)
    letters = []
    for ch in text:
        if ch in _CYRILLIC:
            letters.append(_CYRILLIC[ch])
        elif ch in _LATIN_SPECIAL:
            letters.append(_LATIN_SPECIAL[ch])
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            letters.append("".join(c for c in decomposed if c.isalnum() and c.isascii()))
    text = "".join(letters)
    text = text.replace("ч", "\x01").replace("ш", "\x02")  # keep ch/sh out of the folds
    text = _INITIAL_Y.sub("", text)  # Yerlan/Ерлан, Yevgeny/Евгений
    for spelling, folded in _LATIN_FOLDS:
        text = text.replace(spelling, folded)
    text = text.replace("ч", "\x01").replace("ш", "\x02")
    text = text.replace("y", "i")
    text = _Y_BETWEEN_VOWELS.sub("", text)  # Tokayev/Токаев, Mariya/Мария
    text = re.sub(r"(.)\1+", r"\1", text)  # Кесслер/Кеслер, Евгений/Evgeny
    return text.replace("\x01", "ch").replace("\x02", "sh")


def _apostrophe_letter(match: re.Match[str]) -> str:
    letter = match.group(1)
    return {"s": "ш", "c": "ч", "y": "u"}.get(letter, letter)  # 2017: Y' is У


def loose_key(word: str) -> str:
    """A coarser key for East Asian given names, whose Cyrillic (Kontsevich, Palladius)
    and Latin (Revised Romanization, McCune–Reischauer, pinyin) spellings differ in
    voicing, aspiration and vowel digraphs: ``Чон Хо`` and ``Jong-ho`` both become
    ``jonho``.  Used only when both names carry the same known East Asian surname."""
    text = word.lower()
    latin_folds = (
        ("oung", "ong"), ("yung", "yong"), ("ee", "i"), ("oo", "u"), ("eo", "o"), ("eu", "y"),
        ("ou", "u"),
        ("ae", "e"), ("x", "s"), ("q", "ц"),
    )  # fmt: skip
    for spelling, folded in latin_folds:
        text = text.replace(spelling, folded)
    key = word_key(text)
    folds = (
        ("ch", "j"), ("cz", "j"), ("ks", "s"), ("ng", "n"), ("iu", "u"), ("k", "g"), ("p", "b"),
        ("t", "d"), ("r", "l"), ("c", "j"),
    )  # fmt: skip
    for spelling, folded in folds:
        key = key.replace(spelling, folded)
    key = re.sub(r"(?<=[bdgjlmnv])h", "", key)  # aspiration: Чхве/Choe, Пхё/Pyo
    key = re.sub(r"^i(?=[aeou])", "", key)  # Ён/Young, Ёль/Yeol: the y-glide of a vowel
    return re.sub(r"(.)\1+", r"\1", key)


def differ_by_reduced_vowel(a: str, b: str) -> bool:
    """Kazakh writes the reduced vowels і/ы that Russian spelling drops: ``Тілеуберді`` /
    ``Тлеуберди``, ``Нұртілеу`` / ``Нуртлеу``, ``Ыбыраев`` / ``Ибраев``.  True when the
    keys differ by one such ``i`` only (never by a full vowel: ``Омаров``/``Умаров``)."""
    if abs(len(a) - len(b)) != 1 or min(len(a), len(b)) < 5:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[i] == "i" and long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def deletion_distance_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one inserted letter (``aleksandr`` and
    ``aleksander``); substitutions do not count, so ``Marat`` and ``Murat`` stay apart."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
