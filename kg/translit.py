"""Cyrillic (Kazakh and Russian) to Latin transliteration for readable, stable IRIs.

Slugs are identities: ``Алихан Байменов`` and ``Alikhan Baimenov`` both become
``alikhan-baimenov``.  The table follows common English-language practice for Kazakh and
Russian names (х → kh, ж → zh, й → i) rather than a reversible standard, because what
matters is that the transliteration matches how the English press spells the name.
"""

from __future__ import annotations

import re
import unicodedata

CYRILLIC_TO_LATIN = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "ı": "i",
}  # fmt: skip


def to_latin(text: str) -> str:
    """Latin rendering of ``text``; Latin letters pass through without diacritics."""
    out = []
    for ch in text.lower():
        if ch in CYRILLIC_TO_LATIN:
            out.append(CYRILLIC_TO_LATIN[ch])
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def slugify(text: str, max_length: int = 80) -> str:
    """``Алихан Байменов`` → ``alikhan-baimenov``: lower-case ASCII words joined by ``-``."""
    words = re.findall(r"[a-z0-9]+", to_latin(text))
    slug = "-".join(words)[:max_length].strip("-")
    return slug or "x"
