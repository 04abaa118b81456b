"""Kazakh base forms: strip case, possessive and plural endings from a word.

Kazakh is agglutinative: ``Байменовпен`` (with Baimenov), ``Хабтың`` (of the Hub),
``ЭЫДҰ-ның`` (of the OECD), ``Сеулде`` (in Seoul).  A name in the graph must be in its
base form, or the same entity gets a node per case.

The stripper only removes an ending when the sound before it selects exactly that
variant of the ending (Kazakh endings change their first consonant with the preceding
sound: ``-дан`` after voiced consonants, ``-тан`` after voiceless ones, ``-нан`` after
``м н ң``...).  That rule is what keeps names that merely end like a suffix intact:
``Сұлтан`` does not lose ``-тан`` (``т`` cannot follow ``л``), ``Астана`` does not lose
``-на`` (only a possessive ``ы/і`` takes ``-на``).  Names known to the gazetteers are
also protected by the caller.
"""

from __future__ import annotations

VOWELS = frozenset("аәеёиоөуұүыіэюяaeiouy")
# ``в`` counts as voiceless: Kazakh writes Байменовпен, Тоқаевтың, Назарбаевқа.
VOICELESS = frozenset("кқпстфхцчшщвkptsfhcx")
SONORANT = frozenset("лрузжймнңlrwyzjmn")
NASAL = frozenset("мнңmn")
POSSESSIVE_END = frozenset("ыі")
HARD_SONORANT = frozenset("лрузжйlrwyzj")

# Each ending with the set of characters it may follow.  ``None`` means: any letter.
_V = VOWELS
_VL = VOICELESS | frozenset("бгд")
_VOICED = SONORANT | frozenset("бгдғ")

CASE_ENDINGS: dict[str, frozenset[str]] = {
    # genitive
    "ның": _V | NASAL, "нің": _V | NASAL,
    "дың": HARD_SONORANT, "дің": HARD_SONORANT,
    "тың": _VL, "тің": _VL,
    # dative
    "ға": _V | _VOICED, "ге": _V | _VOICED, "қа": _VL, "ке": _VL,
    "на": POSSESSIVE_END, "не": POSSESSIVE_END,
    # accusative
    "ны": _V, "ні": _V, "ды": SONORANT, "ді": SONORANT, "ты": _VL, "ті": _VL,
    "н": POSSESSIVE_END,
    # locative, and locative + -ғы (Астанадағы: "in Astana" as an attribute)
    "да": _V | SONORANT, "де": _V | SONORANT, "та": _VL, "те": _VL,
    "нда": POSSESSIVE_END, "нде": POSSESSIVE_END,
    "дағы": _V | SONORANT, "дегі": _V | SONORANT, "тағы": _VL, "тегі": _VL,
    "ндағы": POSSESSIVE_END, "ндегі": POSSESSIVE_END,
    # ablative
    "дан": _V | HARD_SONORANT, "ден": _V | HARD_SONORANT,
    "тан": _VL, "тен": _VL, "нан": NASAL | POSSESSIVE_END, "нен": NASAL | POSSESSIVE_END,
    # instrumental
    "мен": _V | HARD_SONORANT | NASAL, "менен": _V | HARD_SONORANT | NASAL,
    "бен": frozenset("зж") | NASAL, "бенен": frozenset("зж") | NASAL,
    "пен": _VL, "пенен": _VL,
    # comparative/ "like": -дай/-дей/-тай/-тей are rare on names and left alone
}  # fmt: skip

POSSESSIVE_ENDINGS: dict[str, frozenset[str] | None] = {
    "сы": _V, "сі": _V,
    "ы": None, "і": None,
}  # fmt: skip

PLURAL_ENDINGS: dict[str, frozenset[str]] = {
    "лар": _V | frozenset("руй"), "лер": _V | frozenset("руй"),
    "дар": frozenset("лзжмнң"), "дер": frozenset("лзжмнң"),
    "тар": _VL, "тер": _VL,
}  # fmt: skip

# Every ending of every layer, for endings written after a hyphen (ЭЫДҰ-ның, EROPA-мен,
# BBC-ге) where the sound rule cannot be checked against the letters of an acronym.
_ALL_ENDINGS = sorted(
    {*CASE_ENDINGS, *POSSESSIVE_ENDINGS, *PLURAL_ENDINGS, "а", "е", "ге", "ке", "ға", "қа"},
    key=len,
    reverse=True,
)

MIN_STEM = 2
# ``у``/``ю`` behave as consonants before a possessive: кездесу-і, оқу-ы.
_SEMIVOWELS = frozenset("ую")
# A final voiceless consonant is voiced before a vowel ending (хатшылық → хатшылығы,
# бөлек → бөлегі, кітап → кітабы); stripping the ending must undo it.
_UNVOICE = {"ғ": "қ", "г": "к", "б": "п"}


# The lengths of each layer's endings, longest first: an ending is looked up by the
# word's tail of each length instead of testing every ending (this runs per token).
# Keyed by the identity of the three module-level tables, the only ones stripped with.
_LENGTHS_DESCENDING = {
    id(layer): sorted({len(e) for e in layer}, reverse=True)
    for layer in (CASE_ENDINGS, POSSESSIVE_ENDINGS, PLURAL_ENDINGS)
}


def _strip_layer(
    word: str, endings: dict[str, frozenset[str] | None] | dict[str, frozenset[str]]
) -> str:
    lower = word.lower()
    for length in _LENGTHS_DESCENDING[id(endings)]:
        ending = lower[-length:]
        if ending not in endings or len(lower) - length < MIN_STEM:
            continue
        stem = lower[:-length]
        allowed = endings[ending]
        if allowed is not None and stem[-1] not in allowed:
            continue
        if allowed is None and stem[-1] in VOWELS - _SEMIVOWELS:
            continue  # bare -ы/-і follows consonants (and у: кездесуі) only
        if not any(ch in VOWELS for ch in stem):
            continue
        if ending in ("сы", "сі") and _ends_like_deverbal_noun(stem):
            continue  # отырыс-ы, келіс-і: the possessive is the bare -ы/-і
        if lower.endswith("стан") and ending in ("тан", "н"):
            continue  # Қазақстан, Өзбекстан: -стан is part of the name
        return word[: len(stem)]
    return word


def _ends_like_deverbal_noun(stem: str) -> bool:
    """``отырысы`` parses as ``отыры-сы`` or ``отырыс-ы``.  Vowel-final Kazakh nouns
    that take ``-сы`` end in ``-шы/-ші`` (басшы-сы, хатшы-сы) or in another vowel
    (төраға-сы); a stem ending in consonant + ``ы/і`` (отыры, келі) is the wrong cut:
    the word is a ``-ыс/-іс`` noun with a bare possessive."""
    lower = stem.lower()
    return (
        len(lower) >= 3
        and lower[-1] in POSSESSIVE_END
        and lower[-2] not in VOWELS
        and lower[-2] not in "шщ"
    )


def protected_names(words: frozenset[str]) -> frozenset[str]:
    """Words of known names that the stripper must leave whole, minus the inflected
    words that multi-word names contain (``Францияның оңтүстік аймақтары`` must not
    protect ``францияның``): a word whose case-stripped form is itself in the set goes."""
    return frozenset(w for w in words if _strip_layer(w, CASE_ENDINGS) not in words - {w})


def _is_suffix_chain(tail: str) -> bool:
    """True when ``tail`` (the part after a hyphen) is one or more endings."""
    tail = tail.lower()
    if not tail:
        return False
    for ending in _ALL_ENDINGS:
        if tail == ending or (tail.endswith(ending) and _is_suffix_chain(tail[: -len(ending)])):
            return True
    return False


def base_form(word: str, *, proper: bool = True, protected: frozenset[str] = frozenset()) -> str:
    """The base form of one Kazakh word.

    ``proper`` words (names) keep a bare possessive ``-ы/-і`` (``Алматы`` must stay), while
    common nouns lose it (``министрі`` → ``министр``, ``комитетінің`` → ``комитет``).
    ``protected`` holds lower-cased base forms never to be cut (gazetteer names).
    """
    if "-" in word:
        head, _, tail = word.rpartition("-")
        if head and _is_suffix_chain(tail):
            return head
        if head and tail:  # Нұр-Сұлтанда: the last part of a hyphenated name inflects
            return f"{head}-{base_form(tail, proper=proper, protected=protected)}"
        return word
    if word.lower() in protected or not any(ch.isalpha() for ch in word):
        return word
    if word.isupper() and len(word) <= 6:
        return word  # an acronym without a hyphen: leave it
    current = _strip_layer(word, CASE_ENDINGS)
    if current.lower() in protected:
        return current
    before_possessive = current
    # A case ending on top of a possessive (Республикасының, комитетінің): the
    # possessive goes in common nouns; in proper names only when a case ending showed
    # that the word is inflected at all.
    if not proper or current != word:
        stripped = _strip_layer(current, POSSESSIVE_ENDINGS)
        if proper and stripped != current and current.lower()[-1] not in POSSESSIVE_END:
            stripped = current
        if not proper or (stripped != current and not _looks_like_name_end(current)):
            if not proper and stripped != current:
                stripped = _unvoice(stripped)
            current = stripped
    if current.lower() in protected:
        return current
    current = _strip_layer(current, PLURAL_ENDINGS) if not proper else current
    return current if current else before_possessive


def _unvoice(stem: str) -> str:
    """Undo the voicing of a final consonant that a vowel ending caused."""
    last = stem[-1:]
    if last.lower() in _UNVOICE:
        repl = _UNVOICE[last.lower()]
        return stem[:-1] + (repl.upper() if last.isupper() else repl)
    return stem


def strip_case(word: str) -> str:
    """Remove only a case ending, keeping a possessive: ``форумында`` → ``форумы``,
    ``Ассамблеясының`` → ``Ассамблеясы``.  The head of a Kazakh compound name keeps its
    possessive (``Көшбасшылар форумы``), so this gives the name's nominative."""
    if "-" in word:
        head, _, tail = word.rpartition("-")
        if head and _is_suffix_chain(tail):
            return head
        return f"{head}-{_strip_layer(tail, CASE_ENDINGS)}" if head and tail else word
    return _strip_layer(word, CASE_ENDINGS)


def _looks_like_name_end(word: str) -> bool:
    """Names such as Алматы, Бауыржан-ы... keep a final ы/і when nothing shows that it is
    a possessive; a possessive on a name is shown by -сы/-сі after a vowel."""
    lower = word.lower()
    return not (lower.endswith(("сы", "сі")) and len(lower) > 3 and lower[-3] in VOWELS)


def base_phrase(
    words: list[str], *, proper: bool = True, protected: frozenset[str] = frozenset()
) -> list[str]:
    """Base form of a multi-word name: in Kazakh only the last word inflects
    (``Пан Сук Кимге`` → ``Пан Сук Ким``), except for hyphenated endings."""
    if not words:
        return words
    return [*words[:-1], base_form(words[-1], proper=proper, protected=protected)]


def stem(word: str) -> str:
    """A matching key: the lower-cased base form of a common noun.  Over-stemming is
    harmless here because the gazetteer's names are stemmed the same way."""
    lower = word.lower()
    if "-" in lower:
        head, _, tail = lower.rpartition("-")
        if head and _is_suffix_chain(tail):
            lower = head
    previous = None
    while previous != lower:
        previous = lower
        lower = base_form(lower, proper=False).lower()
    return lower
