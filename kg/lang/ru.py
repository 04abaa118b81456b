"""Russian base forms: nominative person names and organization names.

Russian inflects names by case (``с Алиханом Байменовым``, ``Регионального хаба``), and a
name in the graph must be in the nominative or the same entity gets a node per case.
``pymorphy3`` with its bundled dictionary analyses words; names it does not know (most
Kazakh and foreign surnames) are handled by the surname-ending rules below, and words
that decline in no way we can see (``Сугионо``, ``Цзифу``) are kept as written.

The case of a whole name is decided once from its most reliable word (a known first
name, a patronymic, a surname ending), then every word is put in the nominative from
that case: that is what keeps ``Юанем Цзифу`` → ``Юань Цзифу`` rather than turning
``Цзифу`` into an accusative of ``Цзифа``.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

import pymorphy3

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CASE_ORDER = {case: i for i, case in enumerate(("nomn", "gent", "ablt", "datv", "loct", "accs"))}
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CYRILLIC = re.compile(r"^[А-ЯЁа-яё]")

# Surname endings in every case: (ending, gender, case) → nominative ending.  Ordered
# longest first so that ``-овой`` wins over ``-ой``.
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_SURNAME_FORMS: tuple[tuple[str, str, str, str], ...] = tuple(
    (stem + ending, gender, case, stem + nominative)
    for stem in _SURNAME_STEMS
    for ending, gender, case, nominative in (
        ("", "masc", "nomn", ""),
        ("а", "masc", "gent", ""),
        ("а", "masc", "accs", ""),
        ("у", "masc", "datv", ""),
        ("ым", "masc", "ablt", ""),
        ("е", "masc", "loct", ""),
        ("а", "femn", "nomn", "а"),
        ("ой", "femn", "gent", "а"),
        ("ой", "femn", "datv", "а"),
        ("ой", "femn", "ablt", "а"),
        ("ой", "femn", "loct", "а"),
        ("у", "femn", "accs", "а"),
    )
) + tuple(
    (stem + ending, gender, case, stem + nominative)
    for stem in ("ск", "цк")
    for ending, gender, case, nominative in (
        ("ий", "masc", "nomn", "ий"),
        ("ого", "masc", "gent", "ий"),
        ("ого", "masc", "accs", "ий"),
        ("ому", "masc", "datv", "ий"),
        ("им", "masc", "ablt", "ий"),
        ("ом", "masc", "loct", "ий"),
        ("ая", "femn", "nomn", "ая"),
        ("ой", "femn", "gent", "ая"),
        ("ой", "femn", "datv", "ая"),
        ("ой", "femn", "ablt", "ая"),
        ("ой", "femn", "loct", "ая"),
        ("ую", "femn", "accs", "ая"),
    )
)
_SURNAME_FORMS = tuple(sorted(_SURNAME_FORMS, key=lambda f: len(f[0]), reverse=True))
_MIN_SURNAME_STEM = 2

# Endings of an unknown masculine noun per case (``хаба`` → ``хаб``), used only when the
# dictionary does not know the word and an agreeing adjective fixed case and gender.
_UNKNOWN_MASC_ENDINGS = {
    # ``Обамы``, ``Маехары``, ``Танаки``: a foreign name in ``-а`` declines like ``мама``
    "gent": (("я", "ь"), ("а", ""), ("ы", "а"), ("ки", "ка"), ("ги", "га"), ("хи", "ха")),
    "datv": (("ю", "ь"), ("у", "")),
    "ablt": (("ем", "ь"), ("ом", "")),
    "loct": (("е", ""),),
}


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The morphological analyser, built once per process (about 60 ms)."""
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple:
    """All analyses of ``word`` (cached: names repeat within and across articles)."""
    return tuple(analyzer().parse(word))


def is_acronym(word: str) -> bool:
    """``ОЭСР``, ``ПРООН``, ``EROPA``: two or more letters, all upper case."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def match_case(source: str, target: str) -> str:
    """Give ``target`` the capitalisation of ``source`` (Title, UPPER or lower), and
    write ``е`` for the dictionary's ``ё`` where the source does not use ``ё``."""
    if "ё" not in source.lower():
        target = target.replace("ё", "е")
    if is_acronym(source):
        return target.upper()
    if source[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in target.split("-"))
    return target


def surname_readings(word: str) -> list[tuple[str, str, str]]:
    """``(nominative, gender, case)`` readings of a word by Russian surname endings."""
    lower = word.lower().replace("ё", "е") if "ё" not in word.lower()[-3:] else word.lower()
    found = []
    for ending, gender, case, nominative in _SURNAME_FORMS:
        if lower.endswith(ending) and len(lower) - len(ending) >= _MIN_SURNAME_STEM:
            base = word[: len(word) - len(ending)] + nominative
            found.append((base, gender, case))
    return found


def has_surname_ending(word: str) -> bool:
    return bool(surname_readings(word))


def name_tag(word: str) -> str | None:
    """``Name``, ``Surn`` or ``Patr`` when the dictionary knows ``word`` as such."""
    for p in parses(word):
        if p.score >= 0.05:
            found = _NAME_TAGS & p.tag.grammemes
            if found:
                return next(iter(found))
    return None


@lru_cache(maxsize=50_000)
def _name_word_readings(word: str) -> tuple[tuple[str, str | None, str], ...]:
    """``(nominative, gender, case)`` readings of one word of a person's name: name
    analyses from the dictionary, surname endings, then a confident plain-noun analysis
    (``Юанем`` → ``Юань``), which covers foreign names that happen to be common nouns.
    Plural name analyses are left out: one person's given name is singular, and
    ``Гульнар`` read as the plural genitive of ``Гульнара`` would turn ``Гульнар
    Сарсенова`` into ``Гульнары Сарсенов``."""
    readings: list[tuple[str, str | None, str]] = []
    for p in parses(word):
        if _NAME_TAGS & p.tag.grammemes and p.tag.case and p.tag.number != "plur":
            readings.append((_nominative(word, p), _str(p.tag.gender), str(p.tag.case)))
    readings.extend(surname_readings(word))
    if not readings:
        for p in parses(word):
            singular = p.tag.number != "plur"
            if "NOUN" in p.tag and p.tag.case and singular and p.score >= 0.5 and is_known(word):
                readings.append((_nominative(word, p), _str(p.tag.gender), str(p.tag.case)))
    return tuple(readings)


def _str(value: object) -> str | None:
    """pymorphy's grammeme values refuse comparison with other attributes' names."""
    return None if value is None else str(value)


def _nominative(word: str, parse: pymorphy3.analyzer.Parse) -> str:
    form = parse.inflect({"nomn"})
    return match_case(word, form.word if form else parse.normal_form)


def _weighted_choice(options: list[list[str | None]]) -> str | None:
    """The value with most weight when every word spreads one vote over its options:
    a word that can only be instrumental outweighs an indeclinable one."""
    weights: dict[str, float] = {}
    for values in options:
        distinct = {v for v in values if v}
        for value in distinct:
            weights[value] = weights.get(value, 0.0) + 1 / len(distinct)
    if not weights:
        return None
    return max(weights, key=lambda v: (weights[v], -_CASE_ORDER.get(v, 9), v == "masc"))


def _choose_case(
    readings: Sequence[Sequence[tuple[str, str | None, str]]],
    words: Sequence[str],
    cases: frozenset[str] = frozenset(),
) -> str | None:
    """The case most words of a name can stand in; ties go to a case the surname's
    ending allows (rule-based, so more reliable than a dictionary guess), then to the
    nominative: ``Сауле Жаксыбекова`` is nominative, not a locative of ``Саул``.
    ``cases`` are the cases the context allows (an apposition agrees with its post:
    ``с вице-премьером … Дин Сюэсяном``); they win when some word can stand in them."""
    counts: dict[str, int] = {}
    for options in readings:
        for case in {c for _, _, c in options}:
            counts[case] = counts.get(case, 0) + 1
    if cases & counts.keys():
        counts = {c: n for c, n in counts.items() if c in cases}
    if not counts:
        return None
    by_surname = {c for w in words for _, _, c in surname_readings(w)}
    rank = {c: (counts[c], c in by_surname) for c in counts}
    best = max(rank.values())
    tied = [c for c in counts if rank[c] == best]
    likely = _likely_case(words, tied)
    return likely or max(tied, key=lambda c: -_CASE_ORDER.get(c, 9))


_DECISIVE = 3.0  # how much likelier a first name's reading must be to settle a tie


def _likely_case(words: Sequence[str], cases: Sequence[str]) -> str | None:
    """The case the dictionary finds much likelier for the given names, among cases
    that tie otherwise: ``Дмитрия`` is a genitive (0.78) far more often than the rare
    female name (0.02), so ``Дмитрия Медведева`` is Дмитрий Медведев; ``Евгения``
    (0.50 against 0.29) stays undecided and falls back to the nominative."""
    if len(cases) < 2:
        return None
    score = dict.fromkeys(cases, 0.0)
    for word in words:
        if not is_known(word):
            continue  # a guessed analysis (``Цзифу``) has no frequency to go by
        for p in parses(word):
            case = _str(p.tag.case)
            if "Name" in p.tag.grammemes and case in score:
                score[case] = max(score[case], p.score)
    first, second = sorted(score.values(), reverse=True)[:2]
    if first >= _DECISIVE * second and first > 0:
        return max(score, key=lambda c: score[c])
    return None


def person_nominative(words: Sequence[str], cases: frozenset[str] = frozenset()) -> str:
    """``Алиханом Байменовым`` → ``Алихан Байменов``; initials (``А.``) stay as written.
    ``cases``: the cases the context allows, as in :func:`_choose_case`."""
    readings = [
        [] if _is_initial(w) else _indeclinable_readings(w) or _name_word_readings(w) for w in words
    ]
    case = _choose_case(readings, words, cases)
    # A foreign name in -и/-о/-э that stays as written has the analyser's guess for a
    # gender (``Такаси``: masculine); where another word declines (``Ямадой`` →
    # ``Ямада``), that one decides.
    declining = [
        r
        for w, r in zip(words, readings, strict=True)
        if not w.lower().endswith(_INDECLINABLE_ENDINGS) or any(b != w for b, _, _ in r)
    ]
    gender = _weighted_choice([[g for _, g, c in r if c == case] for r in declining])
    gender = gender or _weighted_choice([[g for _, g, c in r if c == case] for r in readings])
    return " ".join(
        _pick_nominative(word, options, gender, case)
        for word, options in zip(words, readings, strict=True)
    )


_INDECLINABLE_ENDINGS = ("и", "о", "э")  # ``Сейдзи``, ``Сугионо``, ``Тхэ``


def _indeclinable_readings(word: str) -> tuple[tuple[str, str | None, str], ...]:
    """A name the dictionary does not know that ends in ``-и``, ``-о`` or ``-э`` is a
    foreign name that does not decline, standing in any case as written: ``Сейдзи`` and
    ``Пелоси`` are no genitives of a ``Сейдзь`` or ``Пелося`` the analyser guesses, and
    such a name may take the nominative of its context (``министр … Сейдзи
    Маэхара``)."""
    if is_known(word) or not word.lower().endswith(_INDECLINABLE_ENDINGS):
        return ()
    guessed = _name_word_readings(word)
    if guessed and all(base == word for base, _, _ in guessed):
        return guessed  # the analyser too reads it as not declining, and has its gender
    return tuple((word, None, case) for case in CASES)


def surname_nominative(word: str, gender: str | None = None) -> list[str]:
    """Possible nominatives of a lone surname (``Байменова`` → Байменов or Байменова)."""
    options = [
        base for base, g, _ in _name_word_readings(word) if gender is None or g in (gender, None)
    ]
    return list(dict.fromkeys([*options, word]))


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[А-ЯЁA-Z]\.)+", word))


def _pick_nominative(
    word: str,
    options: Sequence[tuple[str, str | None, str]],
    gender: str | None,
    case: str | None,
) -> str:
    if case is None:
        return word
    for base, g, c in options:
        if c == case and (g == gender or g is None or gender is None):
            return base
    if case in ("ablt", "gent") and gender == "masc" and not is_known(word):
        return _strip_unknown_masc(word, case)  # ``Пьером Дюраном`` → ``Пьер Дюран``
    if case != "nomn":
        for p in parses(word):
            if _str(p.tag.case) == case and "NOUN" in p.tag and p.score >= 0.2 and is_known(word):
                nominative = p.inflect({"nomn"})
                if nominative:
                    return match_case(word, nominative.word)
    return word


def is_known(word: str) -> bool:
    """The dictionary has the word (the analyser otherwise guesses by its ending)."""
    return analyzer().word_is_known(word.lower())


# -- phrases (organization names, roles, event names) -----------------------------------


_ADJ_ENDINGS = (
    "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им",
    "ом", "ем", "ую", "юю", "ей", "ые", "ие", "ых", "их", "ыми", "ими",
)  # fmt: skip


def _is_adjective(word: str) -> bool:
    """An adjective or participle, including unknown ones by their ending
    (``Астанинском`` is not in the dictionary but declines like one)."""
    analyses = parses(word)
    if {"ADJF", "PRTF"} & analyses[0].tag.grammemes:
        return True
    if is_known(word):
        return False
    return word.lower().endswith(_ADJ_ENDINGS) and any(
        {"ADJF", "PRTF"} & p.tag.grammemes for p in analyses
    )


def _head(words: Sequence[str]) -> int | None:
    """Index of the head noun: the first word after the leading adjectives."""
    for i, word in enumerate(words):
        if not _CYRILLIC.match(word) or is_acronym(word):
            return None
        if not _is_adjective(word):
            return i if any("NOUN" in p.tag for p in parses(word)) else None
    return None


def _agreement(words: Sequence[str], head: int, hint: str | None) -> tuple[str, str, str | None]:
    """(case, number, gender) the head noun and its adjectives agree on."""
    candidates: dict[tuple[str, str, str | None], float] = {}
    for p in parses(words[head]):
        if "NOUN" in p.tag and p.tag.case and p.tag.number:
            key = (str(p.tag.case), str(p.tag.number), _str(p.tag.gender))
            candidates[key] = candidates.get(key, 0.0) + p.score
    for word in words[:head]:
        agreeing = {
            (
                str(p.tag.case),
                str(p.tag.number),
                _str(p.tag.gender) if p.tag.number == "sing" else None,
            )
            for p in parses(word)
            if {"ADJF", "PRTF"} & p.tag.grammemes
        }
        narrowed = {
            k: v
            for k, v in candidates.items()
            if (k[0], k[1], k[2] if k[1] == "sing" else None) in agreeing
        }
        candidates = narrowed or candidates
    if not candidates:
        return hint or "nomn", "sing", None
    return max(
        candidates,
        key=lambda k: (k[0] == hint, k[1] == "sing", candidates[k], -_CASE_ORDER.get(k[0], 9)),
    )


def _inflect(
    word: str, want: set[str], pos: set[str], agreement: tuple[str, str, str | None]
) -> str:
    case, number, gender = agreement
    for p in parses(word):
        if (
            pos & p.tag.grammemes
            and (_str(p.tag.case), _str(p.tag.number)) == (case, number)
            and (gender is None or _str(p.tag.gender) in (gender, None) or "NOUN" in p.tag)
        ):
            form = p.inflect(want)
            if form:
                return match_case(word, form.word)
    return word


def inflect_phrase(words: Sequence[str], target: str = "nomn", hint: str | None = None) -> str:
    """Put the head noun phrase of ``words`` in case ``target`` and keep the dependent
    part (genitives, prepositional phrases, acronyms) as written:
    ``Регионального хаба в сфере государственной службы`` → ``Региональный хаб в сфере
    государственной службы``.  ``hint`` is the case the context expects (a genitive
    after a post, an instrumental after ``с``) and settles ambiguous forms."""
    head = _head(words)
    if head is None:
        return " ".join(words)
    agreement = _agreement(words, head, hint)
    case, number, gender = agreement
    if case == target:
        return " ".join(words)
    want = {target, number}
    out = [_inflect(w, want, {"ADJF", "PRTF"}, agreement) for w in words[:head]]
    noun = words[head]
    if not is_known(noun) and gender == "masc" and number == "sing" and target == "nomn":
        out.append(_strip_unknown_masc(noun, case))
    else:
        out.append(_inflect(noun, want, {"NOUN"}, agreement))
    out.extend(words[head + 1 :])
    return " ".join(out)


def _strip_unknown_masc(word: str, case: str) -> str:
    for ending, replacement in _UNKNOWN_MASC_ENDINGS.get(case, ()):
        if word.lower().endswith(ending) and len(word) - len(ending) >= 2:
            return word[: len(word) - len(ending)] + replacement
    return word


def phrase_nominative(words: Sequence[str], hint: str | None = None) -> str:
    """An organization's or a post's name in the nominative (see ``inflect_phrase``)."""
    return inflect_phrase(words, "nomn", hint)


def lemma(word: str) -> str:
    """Dictionary form of a single word, lower case (for trigger and cue look-ups)."""
    return parses(word)[0].normal_form


def word_case(word: str, *, singular: bool = False) -> set[str]:
    """Cases a word may stand in (any part of speech); with ``singular``, only its
    singular readings' (``директора`` is then genitive or accusative, not the plural
    nominative: a post one person holds is singular)."""
    return {
        str(p.tag.case)
        for p in parses(word)
        if p.tag.case and not (singular and p.tag.number == "plur")
    }


# -- named entities (slovnet, the model natasha ships) ---------------------------------


@dataclass(frozen=True)
class NamedSpan:
    """A PER, ORG or LOC span ``[start, end)`` found by the NER model."""

    start: int
    end: int
    type: str


class _NerSpan(Protocol):
    """What kg reads of a span in slovnet's markup (slovnet has no type hints)."""

    start: int
    stop: int
    type: str


class _NerMarkup(Protocol):
    spans: Sequence[_NerSpan]


@cache
def _ner() -> Callable[[str], _NerMarkup]:
    """slovnet's news NER with navec embeddings, both read from the files inside the
    ``natasha`` wheel (found without importing natasha, which would load its own
    morphology stack); nothing is downloaded."""
    from navec import Navec
    from slovnet import NER

    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the Russian NER model needs the 'natasha' package installed")
    data = Path(spec.submodule_search_locations[0]) / "data"
    tagger = NER.load(str(data / "model" / "slovnet_ner_news_v1.tar"))
    tagger.navec(Navec.load(str(data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar")))
    return tagger


def named_spans(text: str) -> list[NamedSpan]:
    """Person, organization and location names in ``text`` with character offsets."""
    markup = _ner()(text)
    return [NamedSpan(s.start, s.stop, s.type) for s in markup.spans]
