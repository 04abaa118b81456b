"""English person-name helpers.

English news often prints surnames in capitals (``Larbi DJACTA``, the UN style) and
puts honorifics before names (``H.E. Mr.``); a canonical name must not depend on either,
or the same person gets one node per typographic habit.
"""

from __future__ import annotations

import re


def normalize_name_word(word: str) -> str:
    """``DJACTA`` → ``Djacta``, ``JEAN-PAUL`` → ``Jean-Paul``, ``O'NEILL`` → ``O'Neill``.

    Only words written entirely in capitals change: ``McDonald`` or ``DiCaprio`` keep
    their inner capitals.  Single letters (initials) are kept as they are.
    """
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return word
    return "".join(
        part.capitalize() if part.isalpha() else part
        for part in re.split(r"([^\w]|_)", word)
        if part
    )


def canonical_name(words: list[str]) -> str:
    """The canonical form of a person's name from its words as written."""
    return " ".join(normalize_name_word(w) for w in words)
