"""English cue words from ``lexicon_en.json`` and the helpers that read a single word.

Every stage reads the same lexicon: the words that qualify a post or give its status, the
heads of organization, unit and event names, the patterns of meetings, signings and
visits, and the words that are never part of a name.  Nothing here depends on a sentence
or an article.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from kg.model import PostStatus

LANG = "en"
_LEX = json.loads(
    resources.files("kg.gazetteers").joinpath("lexicon_en.json").read_text(encoding="utf-8")
)
HONORIFICS = frozenset(_LEX["honorifics"])
HONORIFIC_LEAD = frozenset(_LEX["honorific_lead"])
STATUS_WORDS = {
    phrase: PostStatus(status) for status, words in _LEX["status"].items() for phrase in words
}
APPOINTMENT_CUES = tuple(_LEX["appointment_cues"])
ROLE_MODIFIERS = frozenset(_LEX["role_modifiers"])
ORG_HEADS = frozenset(_LEX["org_heads"])
UNIT_HEADS = frozenset(_LEX["unit_heads"])
GOVERNMENT_HEADS = frozenset(_LEX["government_heads"])
EVENT_HEADS = frozenset(_LEX["event_heads"])
EVENT_PARTS = frozenset(_LEX["event_parts"])
EVENT_OBJECT_VERBS = frozenset(_LEX["event_object_verbs"])
EVENT_VERBS = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX["event_verbs"])) + r")\b")
PARENT_PREPS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _LEX["parent_preps"])) + r")(?: the)?\s*$"
)
APPOINTED = re.compile(r"\b(?:appointed|elected|named)(?: as)?(?: an?| the)?\s*$")
FUTURE = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX["future_cues"])) + r")\b")
AT_PREP = re.compile(r"\bat(?: the)?\s*$")
ORGANIZER_CUES = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX["organizer_cues"])) + r")\b")
HOST_VERBS = frozenset(
    {"hosted", "organized", "organised", "convened", "co-organized", "held", "holds", "hosts"}
)
COORDINATION = re.compile(r"(?:\s|,|\(|\)|\band\b|\bthe\b)*")
MEETING = re.compile("|".join(_LEX["meeting_patterns"]))
SIGNING = re.compile(_LEX["signing_pattern"])
PASSIVE_SIGNING = re.compile(_LEX["passive_signing_pattern"])
PASSIVE_POSTS: dict[str, list[str]] = _LEX["passive_posts"]
VISIT = re.compile("|".join(_LEX["visit_patterns"]))
PERSON_VERBS = frozenset(_LEX["person_verbs"])
PERSON_PREPS = frozenset(_LEX["person_preps"])
NAME_PARTICLES = frozenset(_LEX["name_particles"])
STOP_CAPS = frozenset(_LEX["stop_caps"])
NON_NAME = frozenset(_LEX["non_name_words"]) | ORG_HEADS | EVENT_HEADS
DEMONYMS: dict[str, str] = _LEX["demonyms"]
STATE_ROLES = frozenset(_LEX["state_roles"])
GOVERNMENT_ROLES = frozenset(_LEX["government_roles"])
# "Foreign Minister" names its ministry only through the role's own words.
MINISTRY_SUBJECTS = {"foreign minister": "Foreign Affairs"}
MINISTER_ROLES = frozenset({"minister", "deputy-minister", "minister-foreign-affairs"})
# Words between a name and a post that still make the name the post's holder.
LINK_WORDS = frozenset(
    {"the", "a", ",", "as", "is", "was", "serves", "served", "appointed", "elected",
     "named", "has", "been", "who", "now", "currently"}
)  # fmt: skip
ENTITY_KINDS = ("org", "unit", "country")


def _bare(word: str) -> str:
    """``Hub's`` → ``Hub``: possessives must not hide a name from the gazetteer."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _norm_head(word: str) -> str:
    return word.lower().replace("isation", "ization")
