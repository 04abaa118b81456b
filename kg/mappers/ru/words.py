"""Cue words from ``lexicon_ru.json`` and the word tests every rule asks.

The constants are read once from the lexicon (so that the rules name what they test:
``_POST_NOUNS``, ``_GOVERNING_NOUNS``); the functions answer questions about one word
or a few tokens (part of speech from ``kg.lang.ru``, quotes and bracketed acronyms
around a token, the script a name is written in) and keep no state of the run.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from importlib import resources

from kg.lang import ru, stem
from kg.model import EventType, PostStatus
from kg.text import Token

LANG = "ru"
LEXICON = json.loads(
    resources.files("kg.gazetteers").joinpath("lexicon_ru.json").read_text(encoding="utf-8")
)
EVENTS = LEXICON["events"]
_LATIN = re.compile(r"[A-Za-z]")
_DASHES = frozenset({"–", "—", "-"})
_QUOTES = frozenset({"«", "»", '"', "“", "”", "„"})
_OPENING_QUOTES = frozenset({"«", "„", "“"})
_CLOSING_QUOTES = frozenset({"»", "“", "”"})
# a quoted name in any quote style: «Энергия», „Энергия“, “Энергия”, "Энергия"
_QUOTED_NAME = re.compile(r'«([^»]+)»|„([^“”]+)[“”]|“([^”]+)”|"([^"]+)"')
_BOUNDARY = frozenset(",;:()!?…")
_STATUS = {
    PostStatus(name): re.compile(pattern, re.IGNORECASE)
    for name, pattern in LEXICON["status_patterns"].items()
}
_APPOINT = re.compile(LEXICON["appointment_pattern"], re.IGNORECASE)
_DISMISS = re.compile(LEXICON["dismissal_pattern"], re.IGNORECASE)
_PAST_POST = re.compile(LEXICON["past_post_pattern"], re.IGNORECASE)
_TAKE_POST = re.compile(LEXICON["taking_post_pattern"], re.IGNORECASE)
_POST_NOUNS = frozenset(LEXICON["post_nouns"])
_ORGANIZER = re.compile(EVENTS["organizer_cues"], re.IGNORECASE)
_EVENT_NAMES = {
    EventType.MEETING: "Встреча",
    EventType.VISIT: "Визит",
}
_TRIGGER_WORDS = (
    *EVENTS["meeting_verbs"],
    *EVENTS["meeting_nouns"],
    *EVENTS["conference_nouns"],
    *EVENTS["signing_verbs"],
    *EVENTS["visit_verbs"],
    *EVENTS["talk_verbs"],
)
# Lemmas change their last letters in inflection and ``встретиться`` becomes
# ``встретился``: four letters of each trigger are enough for a cheap pre-check.
_TRIGGER_PREFIXES = re.compile(
    "|".join(sorted({re.escape(w[:4].replace("ё", "е")) for w in _TRIGGER_WORDS}))
)
_MAX_NAME_WORDS = 4
_OPENERS = frozenset({"«", '"', "—", "–", "(", ":"})
_MAX_NP = 8
_MAX_STACKED = 3  # posts told of one person in a row
_GUESSED = 0.5  # confidence of a national post whose country is the article's
_LEADING_VERBS = frozenset(LEXICON["leading_verbs"])
_LEADER = "руководитель"
_LEADER_WORD = "лидер"  # ``российский лидер``: a country's leader is its head of state
_HEADS_OF_STATE = frozenset({"president", "prime-minister"})
_NAMED_CATEGORIES = ("organization", "country", "place")
_NOT_RECEIVE = frozenset(EVENTS["not_receive"])
_RECEPTION_REACH = 9  # ``принимает в Белом доме своего французского коллегу Николя …``
_TALK_REACH = 5  # ``договорился с президентом Виктором …``
_NOT_NAMES = frozenset(LEXICON["not_names"])
_STOP = frozenset(LEXICON["stop_words"])
_GENERIC_HEADS = frozenset((*LEXICON["unit_heads"], *LEXICON["org_heads"]))
_HEAD_STEMS = {stem(word, LANG): word for word in (*LEXICON["unit_heads"], *LEXICON["org_heads"])}
_QUOTED_ORG_CUES = frozenset((*LEXICON["org_heads"], *LEXICON["quoted_org_cues"]))
_COUNTRY_BODIES = LEXICON["country_bodies"]
_GOVERNING_NOUNS = frozenset(LEXICON["governing_nouns"])
_TERRITORY_NOUNS = frozenset(LEXICON["territory_nouns"])
_OCCASIONS = frozenset(LEXICON["post_occasions"])
_NOT_REMITS = frozenset(LEXICON["not_remits"])
_LOCATING = frozenset({"в", "во", "по", "на", "от"})
_WORD_BEFORE = re.compile(r"(\w+)[\s«\"“„]*$")  # the word before a name and its quotes
_NAMED_BY_PURPOSE = frozenset(
    (
        *LEXICON["unit_heads"],
        *(head for head, kind in LEXICON["org_heads"].items() if kind == "government_body"),
    )
)
_FUNCTION_TAGS = frozenset({"ADVB", "CONJ", "PREP", "PRCL", "NPRO", "INTJ", "PRED", "COMP"})
_VERB_TAGS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


def _lemma(token: Token) -> str:
    return ru.lemma(token.text) if token.is_word else token.text


def _is_verb(word: str) -> bool:
    best = ru.parses(word)[0]
    return bool(_VERB_TAGS & best.tag.grammemes) and best.score >= 0.3


def _is_plural(word: str) -> bool:
    best = ru.parses(word)[0]
    return best.tag.number == "plur" and best.score >= 0.5


def _is_adj(word: str) -> bool:
    best = ru.parses(word)[0]
    return bool({"ADJF", "PRTF"} & best.tag.grammemes) or (
        word[:1].isupper() and word.lower().endswith(("ский", "ском", "ского", "ской", "ская"))
    )


def _is_pronoun(word: str) -> bool:
    """``его``, ``своё``, ``наше``: a personal or possessive pronoun."""
    tag = ru.parses(word)[0].tag
    return "NPRO" in tag or "Apro" in tag


def _name_like(word: str) -> bool:
    """A dictionary first name, patronymic or surname, or a Russian surname ending."""
    return ru.name_tag(word) is not None or ru.has_surname_ending(word)


def _is_geographic(word: str) -> bool:
    """A dictionary place name (guesses for unknown words do not count)."""
    return ru.is_known(word) and any("Geox" in p.tag and p.score >= 0.5 for p in ru.parses(word))


def _is_function_word(word: str) -> bool:
    """``Затем``, ``Однако``: a capitalized sentence opener that is no name."""
    best = ru.parses(word)[0]
    return bool(_FUNCTION_TAGS & best.tag.grammemes) and ru.name_tag(word) is None


def _is_remit(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a ``по`` before a lower-case remit (``по космическим полётам``),
    not one giving a source or an occasion (``по словам``, ``по предварительным
    данным``, ``по итогам``)."""
    if not 0 < i < len(tokens) - 1 or tokens[i].text.lower() != "по":
        return False
    words = itertools.takewhile(lambda t: t.is_word and not t.is_capitalized, tokens[i + 1 :])
    noun = next((t for t in words if not _is_adj(t.text)), None)
    return noun is not None and _lemma(noun) not in _NOT_REMITS


def _inside_quotes(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` stands between an opening quote and its closing one."""
    depth = 0
    for token in tokens[:k]:
        if token.text in _CLOSING_QUOTES and depth:
            depth -= 1  # ``“`` closes ``„Энергия“`` and opens ``“Энергия”``
        elif token.text in _OPENING_QUOTES:
            depth += 1
    return depth > 0


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _role_label(words: list[str]) -> str:
    """The post in the nominative, lower case unless it holds a name or an acronym."""
    label = ru.phrase_nominative(words)
    first = label.split()[0] if label else label
    return label if ru.is_acronym(first) else label[:1].lower() + label[1:]


def _head_word(words: list[str]) -> str:
    return next((w for w in words if not _is_adj(w)), words[0])


def _same_script(a: str, b: str) -> bool:
    """``Джоэл Саймон Joel Simon`` is two names: the transliteration starts another."""
    return bool(_LATIN.match(a)) == bool(_LATIN.match(b))


def _same_script_end(tokens: list[Token], start: int, end: int) -> int:
    """Where a name span written in one script ends (the model tags ``Джоэл Саймон
    Joel Simon`` as one person)."""
    first = tokens[start].text
    switches = (
        j
        for j in range(start + 1, end)
        if tokens[j].is_word and not _same_script(first, tokens[j].text)
    )
    return next(switches, end)


def _bracketed_acronym(tokens: list[Token], i: int) -> bool:
    """Tokens ``i``..``i + 2`` are an acronym in brackets: ``( ОЭСР )``."""
    return (
        i >= 0
        and i + 2 < len(tokens)
        and tokens[i].text == "("
        and ru.is_acronym(tokens[i + 1].text)
        and tokens[i + 2].text == ")"
    )


def _strip_acronym(tokens: list[Token], start: int, end: int) -> tuple[int, str | None]:
    """A name's end without the acronym bracketed after it, and that acronym:
    ``Исламский комитет России (ИКР)`` is named ``Исламский комитет России``."""
    if end - start > 3 and _bracketed_acronym(tokens, end - 3):
        return end - 3, tokens[end - 2].text
    return end, None


def ru_slug(name: str) -> str:
    """Key for finding an event again by name (case and ``ё`` ignored)."""
    return " ".join(re.findall(r"\w+", name.lower().replace("ё", "е")))
