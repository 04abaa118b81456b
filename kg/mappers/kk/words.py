"""Kazakh cue words, suffix tables and the helpers that read a single word.

Everything here depends on a word (or a list of words) alone, never on a sentence or an
article, so that the person, organization, membership and event rules share one reading
of Kazakh morphology: the case endings, the cue words of ``lexicon_kk.json`` and the
nominative name of an organization (``_org_name``).
"""

from __future__ import annotations

import json
from importlib import resources

from kg.lang import kk, stem
from kg.model import EventType, OrgKind

LEXICON: dict = json.loads(
    resources.files("kg.gazetteers").joinpath("lexicon_kk.json").read_text(encoding="utf-8")
)
_TRIGGERS: dict[str, EventType] = {k: EventType(v) for k, v in LEXICON["event_triggers"].items()}
_ORG_CATEGORIES = frozenset({"organization", "country", "unit"})
_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
_LOCATIVE = ("да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі")
_DATIVE = ("ға", "ге", "қа", "ке", "на", "не")
_CONJUNCTIONS = frozenset({"және", "мен", "пен", "бен", "де", "да", "та", "те", "әрі"})
_OPEN, _CLOSE = "(", ")"
_CLOSING_QUOTES = frozenset({"»", '"', "”", "“"})
_MAX_AREA_WORDS = 5
_ATTRIBUTIVE = ("ғы", "гі", "қы", "кі")
_IN_PLACE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")
_ADJECTIVE = ("лық", "лік", "дық", "дік", "тық", "тік", "ты", "ті")
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
_MAX_NAME_WORDS = 3
_NAME_MODIFIERS = 4


def _lower_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


_NON_NAMES = _lower_set(LEXICON["non_names"])
_STATUS_WORDS = _lower_set(
    [w for cues in LEXICON["status"].values() for cue in cues for w in cue.split()]
)
_EVENT_MODIFIERS = _lower_set(LEXICON["event_modifiers"])
_HONORIFICS = _lower_set(LEXICON["honorifics"])
_FOLLOWERS = frozenset(LEXICON["name_followers"])
_ORG_HEADS = {stem(k, "kk"): OrgKind(v) for k, v in LEXICON["org_heads"].items()}
_UNIT_HEADS = frozenset(stem(w, "kk") for w in LEXICON["unit_heads"])
_MINISTER = stem(LEXICON["minister_word"], "kk")
_UNAMBIGUOUS_SURNAME = tuple(LEXICON["unambiguous_surname_suffixes"])
_BETWEEN = _lower_set(LEXICON["between_words"])
_COPULAS = _lower_set(LEXICON["post_copulas"])
_APPOINTED = tuple(LEXICON["appointment_verbs"])
_BARE_HEADS: dict[str, str] = LEXICON["possessive_heads"]
_NAME_POSTPOSITIONS = _lower_set(LEXICON["name_postpositions"])
_STATE_WORDS = frozenset(stem(w, "kk") for w in LEXICON["state_words"])
_COMITATIVE = frozenset({"мен", "пен", "бен"})
_PARTICLES = frozenset({"да", "де", "та", "те"})
_ORGANIZER_GAP = 6
_RECEPTION = tuple(LEXICON["reception_verbs"])
_ARRIVAL = tuple(LEXICON["arrival_verbs"])
_ARRIVAL_GAP = 3
_MEETING_TRIGGER = next(k for k, v in _TRIGGERS.items() if v == EventType.MEETING)
_VISIT_TRIGGER = next(k for k, v in _TRIGGERS.items() if v == EventType.VISIT)
_ROLE = frozenset({"role"})
_PLACES = frozenset({"place", "country"})
_MAX_OWNED_WORDS = 12


# -- small word helpers ---------------------------------------------------------------


def _trigger(word: str) -> str | None:
    lower = word.lower()
    for prefix in _TRIGGERS:
        if lower.startswith(prefix):
            return prefix
    return None


def _is_org_head(word: str) -> bool:
    """``Университеті``, ``Комитеті``: the head noun of an organization's name, which a
    capital letter does not make a person's name (``Назарбаев Университеті``)."""
    key = stem(word, "kk")
    return key in _ORG_HEADS or key in _UNIT_HEADS


def _has_ending(word: str, endings: tuple[str, ...]) -> bool:
    lower = word.lower()
    base = kk.strip_case(word).lower()
    return base != lower and lower.endswith(endings)


def _is_genitive(word: str) -> bool:
    return _has_ending(word, _GENITIVE)


def _has_possessive(word: str) -> bool:
    """``агенттігі``, ``кеңесінің``: the head of a body owned by a genitive carries the
    possessive (``Орталық`` in ``Орталық Азиядағы`` does not)."""
    return kk.strip_case(word).lower() != kk.base_form(word, proper=False).lower()


def _possessive(noun: str) -> str:
    """``форум`` → ``форумы``, ``конференция`` → ``конференциясы`` (compound-name head)."""
    # Harmony follows the last vowel; ``у`` is neutral (кездесу-і, форум-ы).
    last_vowel = next((ch for ch in reversed(noun.lower()) if ch in kk.VOWELS - {"у"}), "а")
    front = last_vowel in "әеөүіи"
    vowel = "і" if front else "ы"
    if noun[-1].lower() in kk.VOWELS:
        return noun + ("сі" if front else "сы")
    return noun + vowel


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_adjective(word: str) -> bool:
    """``мемлекеттік``, ``жөніндегі``, ``Орталық``: a modifier that does not make the
    head noun after it possessive (``Мемлекеттік кеңес``, not ``… кеңесі``)."""
    return word.lower().endswith(_ADJECTIVE + _ATTRIBUTIVE)


def _with_possessive(noun: str) -> str:
    """``комитет`` → ``комитеті``, ``министрлік`` → ``министрлігі``: a final ``к/қ``
    after a vowel is voiced before the possessive vowel."""
    last, before = noun[-1:].lower(), noun[-2:-1].lower()
    if last in "кқ" and before in kk.VOWELS:
        noun = noun[:-1] + ("г" if last == "к" else "ғ")
    return _possessive(noun)


def _org_name(words: list[str]) -> str:
    """The nominative name of an organization written as ``words`` (the last one may
    be inflected).  Kazakh marks a compound's head with a possessive after a noun
    modifier (``Басқару комитеті``, ``Ішкі істер министрлігі``) but not after an
    adjective (``Мемлекеттік кеңес``, ``… жөніндегі агенттік``) or alone
    (``Агенттік``), whether or not the text wrote it (``басқару комитет төрағасы``)."""
    head = words[-1]
    written = kk.strip_case(head)
    bare = _BARE_HEADS.get(written.lower()) or kk.base_form(head, proper=False)
    if len(words) == 1 or _is_adjective(words[-2]):
        last = bare
    elif written.lower() == bare.lower():
        last = _with_possessive(bare)
    else:
        last = written
    return _capitalize(" ".join([*words[:-1], last]))
