"""Tell Kazakh, Russian and English apart, and say when a text is none of them.

Only three languages matter to kg, and they differ in ways a few counts reveal, so a
statistical language model would be overkill:

* Cyrillic with the Kazakh-only letters ``әғқңөұүһі`` is Kazakh.  Russian news quotes
  Kazakh names now and then, so a text whose Russian function words clearly outnumber its
  Kazakh ones stays Russian even with a few of those letters.
* Cyrillic without them is Russian, unless Kazakh function words (``және``, ``бойынша``,
  ``үшін``...) outnumber Russian ones: a short Kazakh text can lack the special letters.
* Latin text is English only if it *looks* English: at least 10% of its words are common
  English function words (the, of, and, to, in, a, is, was, for, on, with...).  German,
  French or Turkish text therefore comes out as unknown instead of being mis-analysed by
  the English mapper.
* Anything else (Chinese, Arabic, no letters at all) is unknown: ``(None, 0.0)``.

Ukrainian and Belarusian share ``і`` with Kazakh; their own letters (ї є ґ ў) make a
Cyrillic text unknown unless it also has other Kazakh letters.
"""

from __future__ import annotations

import re

__all__ = ["detect_language"]

_KK_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_UK_BE_LETTERS = frozenset("їєґўЇЄҐЎ")
_KK_ONLY_NOT_I = _KK_LETTERS - frozenset("іІ")


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, so long vocabularies stay readable."""
    return frozenset(text.split())


_KK_WORDS = _words(
    "және бойынша мен үшін бұл деп болып болды жылы арқылы туралы сондай-ақ қатысты "
    "екі біз олар оның осы барлық тиіс"
)
_RU_WORDS = _words("и в на что с по для это как из к о от за не его был была были также при")
_EN_WORDS = _words("the of and to in a is was for on with that by at from as has have were are be")
_EN_MIN_SHARE = 0.10
_KK_MIN_LETTER_SHARE = 0.01

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ch.isascii() or "\u00c0" <= ch <= "\u024f"


def _script_counts(text: str) -> tuple[int, int, int]:
    """Letters in Cyrillic, in Latin, and in any other script."""
    cyrillic = latin = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if _is_cyrillic(ch):
            cyrillic += 1
        elif _is_latin(ch):
            latin += 1
        else:
            other += 1
    return cyrillic, latin, other


def _count_words(words: list[str], vocabulary: frozenset[str]) -> int:
    return sum(1 for w in words if w in vocabulary)


def _detect_cyrillic(text: str, words: list[str], cyrillic: int) -> tuple[str | None, float]:
    """Kazakh or Russian, for a text written mostly in Cyrillic."""
    kk_letters = sum(1 for ch in text if ch in _KK_LETTERS)
    kk_share = kk_letters / cyrillic
    kk_words = _count_words(words, _KK_WORDS)
    ru_words = _count_words(words, _RU_WORDS)
    if any(ch in _UK_BE_LETTERS for ch in text) and not any(ch in _KK_ONLY_NOT_I for ch in text):
        return None, 0.0
    if ru_words >= 3 and ru_words > 2 * kk_words:
        return "ru", min(0.95, 0.6 + ru_words / max(len(words), 1))
    if kk_share >= _KK_MIN_LETTER_SHARE:
        return "kk", min(0.99, 0.7 + 3 * kk_share)
    if kk_words > ru_words:
        return "kk", 0.6
    return "ru", 0.9 if ru_words else 0.6


def _detect_latin(words: list[str]) -> tuple[str | None, float]:
    """English, for a text written mostly in Latin letters, if it looks English."""
    if not words:
        return None, 0.0
    share = _count_words(words, _EN_WORDS) / len(words)
    if share < _EN_MIN_SHARE:
        return None, 0.0
    return "en", min(0.99, 0.5 + 2 * share)


def detect_language(text: str) -> tuple[str | None, float]:
    """The language of ``text`` (``"kk"``, ``"ru"``, ``"en"`` or ``None``) and a
    confidence in [0, 1].  Pass the whole article, not just the title: the longer the
    text, the more reliable the counts (see the module docstring for the rules)."""
    cyrillic, latin, other = _script_counts(text)
    total = cyrillic + latin + other
    if total == 0:
        return None, 0.0
    words = [w.lower() for w in _WORD.findall(text)]
    if cyrillic >= latin and cyrillic >= other:
        lang, confidence = _detect_cyrillic(text, words, cyrillic)
        return lang, round(confidence * cyrillic / total, 3)
    if latin >= other:
        latin_words = [w for w in words if all(_is_latin(ch) for ch in w)]
        lang, confidence = _detect_latin(latin_words)
        return lang, round(confidence * latin / total, 3)
    return None, 0.0
