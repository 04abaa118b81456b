"""Personal names: parsing into words, initials and patronymic, and deciding whether two
names can denote the same person.

Names reach this module in base form (the mappers' job) but otherwise as written in the
press: ``Ә.Байменов``, ``Mr. Baimenov``, ``BAIMENOV Alikhan``, ``Kim Pan Suk`` /
``Pan Suk Kim``, ``Nursultan Abishevich Nazarbayev``.  The order of given name and
surname varies by language and by paper, so a match looks for a shared surname word in
any position and then compares what remains.  It is conservative where a wrong merge
would be costly: surnames must have the same key (``Омаров`` ≠ ``Умаров``,
``Назарбаев`` ≠ ``Назарбаева``); given names may differ only by an inserted letter
(``Aleksandr``/``Alexander``) or be initials of one another; a surname alone is only a
*weak* match, which the clustering accepts under stricter conditions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from kg.names.keys import deletion_distance_one, differ_by_reduced_vowel, loose_key, word_key


class Reason(str, Enum):
    """Why two names were taken for one person (shown by ``kg entities``)."""

    SAME = "same spelling"
    SCRIPT = "same name in another script or transliteration"
    ORDER = "same name in another order"
    PATRONYMIC = "same name with or without the patronymic"
    MIDDLE = "same name with or without a further given name"
    VARIANT = "spelling variant of the given name"
    INITIALS = "initials of the given name"
    ROMANIZATION = "East Asian name in another romanization"
    SURNAME = "surname only"


STRONG = frozenset(Reason) - {Reason.SURNAME}


@dataclass(frozen=True)
class NameData:
    honorifics: frozenset[str]
    patronymic_endings: tuple[str, ...]
    east_asian: dict[str, str]  # word key → key of the group's first spelling
    common: frozenset[str]

    @classmethod
    @cache
    def default(cls) -> NameData:
        path = resources.files("kg.gazetteers").joinpath("person_names.json")
        raw = json.loads(path.read_text(encoding="utf-8"))
        east_asian = {}
        for group in raw["east_asian_surnames"]:
            for spelling in group:
                east_asian[word_key(spelling)] = word_key(group[0])
        return cls(
            honorifics=frozenset(h.lower().rstrip(".") for h in raw["honorifics"]),
            patronymic_endings=tuple(raw["patronymic_endings"]),
            east_asian=east_asian,
            common=frozenset(word_key(s) for s in raw["common_surnames"]) | set(east_asian),
        )


@dataclass(frozen=True)
class PersonName:
    """A name as written, reduced to comparable parts (keys, not spellings)."""

    text: str
    words: tuple[str, ...]  # keys of the full words, in written order
    raw: tuple[str, ...]  # the same words as written (for the loose East Asian key)
    initials: tuple[str, ...]  # first letters (keys) of initials, in written order
    patronymic: str | None = None
    honorific: bool = False
    capitalized: tuple[int, ...] = ()  # indexes of words written in capitals (surnames)
    parts: tuple[tuple[str, ...], ...] = ()  # keys of the hyphenated parts of each word

    @property
    def is_full(self) -> bool:
        """A given name and a surname, both written out."""
        return len(self.words) >= 2

    def surname_positions(self) -> tuple[int, ...]:
        """Which words may be the surname: one written in capitals, else the last word
        and, for surname-first writing (``Байменов Алихан``, ``Kim Pan Suk``), the first
        when it looks like a surname."""
        if self.capitalized:
            return self.capitalized
        if len(self.words) <= 1:
            return tuple(range(len(self.words)))
        positions = [len(self.words) - 1]
        if looks_like_surname(self.words[0]):
            positions.insert(0, 0)
        return tuple(positions)


_TOKEN = re.compile(r"[^\s.]+\.?")
_HE = re.compile(r"\bH\.\s?E\.\s*", re.IGNORECASE)
_SURNAME_ENDINGS = (
    "ov", "ev", "ova", "eva", "in", "ina", "iev", "ieva", "enko", "ko", "uk", "ian",
    "dze", "shvili", "uli", "kizi", "bekov", "baev", "baeva", "skii", "skaia", "ski",
)  # fmt: skip


def looks_like_surname(key: str) -> bool:
    """Russian/Kazakh/Caucasian surname endings, or a known East Asian surname."""
    data = NameData.default()
    return key in data.east_asian or key.endswith(_SURNAME_ENDINGS)


def parse_person(text: str) -> PersonName:
    """``Ә.Байменов`` → words ``(baimenov,)``, initials ``(a,)``."""
    data = NameData.default()
    honorific = bool(_HE.search(text))
    words: list[str] = []
    raw: list[str] = []
    parts: list[tuple[str, ...]] = []
    initials: list[str] = []
    capitalized: list[int] = []
    patronymic = None
    for token in _TOKEN.findall(_HE.sub(" ", text)):
        bare = token.rstrip(".")
        if bare.lower() in data.honorifics:
            honorific = True
            continue
        letters = re.sub(r"[-‐'’ʼ`]", "", bare)
        key = word_key(re.sub(r"[-‐]", "", bare))  # apostrophes are letters in Kazakh Latin
        if not key:
            continue
        if _is_initial(token, letters):
            initials.append(key[0])  # К.-Ж.: К. and -Ж. are two initials
            continue
        if len(words) >= 1 and key.endswith(data.patronymic_endings) and patronymic is None:
            patronymic = _patronymic_stem(key)
            continue
        if letters.isupper() and len(letters) > 1:
            capitalized.append(len(words))
        words.append(key)
        raw.append(letters)
        parts.append(tuple(word_key(p) for p in re.split(r"[-‐]", bare) if word_key(p)))
    caps = tuple(capitalized) if len(capitalized) < len(words) else ()
    return PersonName(
        text, tuple(words), tuple(raw), tuple(initials), patronymic, honorific, caps, tuple(parts)
    )


def _is_initial(token: str, letters: str) -> bool:
    """``А.``, ``Zh.``, or a single Latin capital (``John F Kennedy``); a single Cyrillic
    letter without a dot is a word (the Chinese given name ``И`` in ``Ван И``)."""
    if token.endswith(".") and len(letters) <= 2:
        return True
    return len(letters) == 1 and letters.isascii()


def _patronymic_stem(key: str) -> str:
    """The father's name inside a patronymic, so that the Kazakh ``Кемелұлы`` and the
    Russian ``Кемелевич`` agree (``kemel``)."""
    for ending in sorted(NameData.default().patronymic_endings, key=len, reverse=True):
        if key.endswith(ending):
            return key[: -len(ending)]
    return key


def _same_surname(a: str, b: str) -> bool:
    if a == b or differ_by_reduced_vowel(a, b):
        return True
    east_asian = NameData.default().east_asian
    return a in east_asian and east_asian.get(a) == east_asian.get(b)


def is_east_asian(key: str) -> bool:
    return key in NameData.default().east_asian


def compare(a: PersonName, b: PersonName) -> Reason | None:
    """Why ``a`` and ``b`` can be one person, or ``None`` when they cannot.

    ``Reason.SURNAME`` (one side is a bare surname) is a weak answer: compatible, not
    evidence.  Everything else is a strong match."""
    if not a.words or not b.words:
        return None
    if a.patronymic and b.patronymic and a.patronymic != b.patronymic:
        return None
    if a.text == b.text:
        return Reason.SAME
    best: Reason | None = None
    for i, wa in enumerate(a.words):
        for j, wb in enumerate(b.words):
            if not _same_surname(wa, wb):
                continue
            if not _plausible_surname(a, i, b, j):
                continue
            reason = _given_names(a, i, b, j)
            if reason is not None and (best is None or _rank(reason) < _rank(best)):
                best = reason
    return best


def _plausible_surname(a: PersonName, i: int, b: PersonName, j: int) -> bool:
    """Full names may share any word (order varies); a short name must share the word
    the long name has as its surname, not its given name (``Alikhan`` alone is not
    ``Alikhan Baimenov``)."""
    if a.is_full and b.is_full:
        return True
    if not a.is_full and not b.is_full:
        return True
    long_, k = (a, i) if a.is_full else (b, j)
    return k in long_.surname_positions()


def _rank(reason: Reason) -> int:
    return list(Reason).index(reason)


def _given_names(a: PersonName, i: int, b: PersonName, j: int) -> Reason | None:
    """Compare everything but the surname words ``a.words[i]`` and ``b.words[j]``."""
    ga = a.words[:i] + a.words[i + 1 :]
    gb = b.words[:j] + b.words[j + 1 :]
    east_asian = is_east_asian(a.words[i]) and is_east_asian(b.words[j])
    if ga and gb:
        if east_asian and not (_latin(a) and _latin(b)):  # Cyrillic renderings vary
            ra = a.raw[:i] + a.raw[i + 1 :]
            rb = b.raw[:j] + b.raw[j + 1 :]
            same = loose_key("".join(ra)) == loose_key("".join(rb))
            return Reason.ROMANIZATION if same else None
        reason = _full_given(ga, gb, variants=not east_asian)
        if reason is None:
            return None
        if (a.patronymic is None) != (b.patronymic is None) and reason is not Reason.ROMANIZATION:
            return Reason.PATRONYMIC
        if reason is Reason.SAME:
            if a.words[i] != b.words[j]:
                return Reason.ROMANIZATION
            return Reason.SCRIPT if a.words == b.words else Reason.ORDER
        return reason
    if ga or gb:  # one side has given names written out, the other initials or nothing
        full, other = (a, b) if ga else (b, a)
        k = i if ga else j
        given = tuple(p for w, ps in enumerate(full.parts) if w != k for p in ps) or (ga or gb)
        given += (full.patronymic,) if full.patronymic else ()
        if not other.initials:
            return Reason.SURNAME
        return Reason.INITIALS if _initials_fit(other.initials, given) else None
    if a.initials and b.initials:
        short, long_ = sorted((a.initials, b.initials), key=len)
        return Reason.INITIALS if long_[: len(short)] == short else None
    if a.initials or b.initials:
        return Reason.SURNAME
    return Reason.SCRIPT if a.words[i] == b.words[j] else Reason.ROMANIZATION


def _latin(name: PersonName) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in "".join(name.raw))


def _full_given(ga: tuple[str, ...], gb: tuple[str, ...], variants: bool) -> Reason | None:
    """Given names written out on both sides; ``variants`` allows a letter more or less
    (not for romanized East Asian names, where ``Jong`` and ``Jeong`` are two names)."""
    if "".join(ga) == "".join(gb) or sorted(ga) == sorted(gb):
        return Reason.SAME
    if not variants:
        return None
    if len(ga) == len(gb) and all(_given_variant(x, y) for x, y in zip(ga, gb, strict=True)):
        return Reason.VARIANT
    short, long_ = sorted((ga, gb), key=len)
    if len(short) < len(long_) and long_[: len(short)] == short:
        return Reason.MIDDLE
    return None


def _given_variant(x: str, y: str) -> bool:
    """``Aleksandr``/``Alexander`` (a letter more), ``Бағдат``/``Baghdad`` (the final
    consonant devoiced), ``Асқат``/``Askhat`` (Kazakh қ written kh); not ``Marat``/
    ``Murat``, nor ``Aleksandr``/``Aleksandra``."""
    if x == y:
        return True
    if len(x) == len(y) >= 4:
        diff = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
        if len(diff) == 1 and set(diff[0]) == {"k", "h"}:
            return True
    if x[:-1] == y[:-1] and {x[-1], y[-1]} in ({"d", "t"}, {"b", "p"}, {"g", "k"}):
        return len(x) >= 4
    return max(len(x), len(y)) >= 6 and x[-1] == y[-1] and deletion_distance_one(x, y)


def _initials_fit(initials: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """``A.`` fits ``Alikhan``; ``N. A.`` fits ``Nursultan`` + patronymic ``Abishevich``."""
    if len(initials) > len(given):
        return False
    return all(given[k].startswith(initial) for k, initial in enumerate(initials))


def surname_only_key(name: PersonName) -> str | None:
    """The surname key when ``name`` is a bare surname (with or without an honorific)."""
    if len(name.words) == 1 and not name.initials:
        return name.words[0]
    return None


def is_common_surname(key: str) -> bool:
    """Surnames shared by too many people to identify one on their own (Kim, Lee, Wang)."""
    return key in NameData.default().common
