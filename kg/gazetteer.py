"""Gazetteers: known organizations, countries, places, roles and unit kinds.

The entries are data files in ``kg/gazetteers/*.json`` (each file names its source).
Matching works on stems (``kg.lang.stem``), so inflected mentions such as
``Экономикалық даму және ынтымақтастық ұйымының`` or ``Организации экономического
сотрудничества`` find their entry; acronyms match as written (``ЭЫДҰ-ның`` → ``ЭЫДҰ``).
A word matching on its stem must still be long enough to be a form of the name's word:
an inflected form is at most one letter shorter than the word it inflects (``Кубы``,
``Украин``), so the first name ``Дан`` is no form of ``Дания``, nor ``Кит`` of ``Китай``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from kg.lang import kk, stem
from kg.text import Token

DATA_FILES = (
    "organizations.json",
    "intergovernmental.json",
    "kazakhstan_government.json",
    "countries.json",
    "places.json",
    "roles.json",
    "units.json",
)
_LATIN = re.compile(r"[A-Za-z]")
_MAX_SHORTENING = 1  # letters an inflected form may lack against its base (``Украина``/``Украин``)


@dataclass(frozen=True)
class GazetteerEntry:
    """One known thing with its names per language.  The first name of a language is
    its preferred label there."""

    id: str
    category: str  # organization | country | place | role | unit
    names: dict[str, tuple[str, ...]]
    kind: str | None = None
    acronyms: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    wikidata: str | None = None
    source: str = ""

    def label(self, lang: str) -> str:
        """Preferred name in ``lang``, falling back to English, then any language."""
        for candidate in (lang, "en", *self.names):
            if self.names.get(candidate):
                return self.names[candidate][0]
        return self.acronyms[0] if self.acronyms else self.id


@dataclass(frozen=True)
class GazetteerMatch:
    """Tokens ``start``..``end`` (exclusive) name ``entry``."""

    entry: GazetteerEntry
    start: int
    end: int
    via: str  # name | acronym | short


def _script_lang(word: str, lang: str) -> str:
    return "en" if _LATIN.search(word) else lang


def _key(word: str, lang: str) -> str:
    return stem(word, _script_lang(word, lang))


@lru_cache(maxsize=100_000)
def _acronym_forms(token: str) -> tuple[str, ...]:
    """Forms under which a token may be an acronym or short name: as written, without a
    hyphenated ending (``ЭЫДҰ-ның`` → ``ЭЫДҰ``), without a Kazakh case ending (``Хабпен``)."""
    base = kk.base_form(token)
    return (token,) if base == token else (token, base)


def _words(name: str) -> list[str]:
    return re.findall(r"\w+(?:[-‐’'`]\w+)*", name)


def _inflects(tokens: Sequence[Token], name: str) -> bool:
    """Each token is long enough to be a form of the name's word it matched by stem."""
    return all(
        len(token.text) >= len(word) - _MAX_SHORTENING
        for token, word in zip(tokens, _words(name), strict=False)
    )


@dataclass
class _Trie:
    children: dict[str, _Trie] = field(default_factory=dict)
    entries: list[tuple[GazetteerEntry, str]] = field(default_factory=list)


class Gazetteer:
    """Look-up of gazetteer entries in token sequences, per text language."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
        self._tries: dict[str, _Trie] = {}
        self._acronyms: dict[str, list[GazetteerEntry]] = {}
        self._short: dict[str, list[GazetteerEntry]] = {}
        for entry in self.entries.values():
            for acronym in entry.acronyms:
                self._acronyms.setdefault(acronym, []).append(entry)
            for short in entry.short:
                self._short.setdefault(short, []).append(entry)

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The gazetteers shipped with kg (cached: built once per process)."""
        return cls(load_entries(DATA_FILES))

    def protected_words(self, lang: str) -> frozenset[str]:
        """Lower-cased single words of place and country names in ``lang``: words the
        Kazakh suffix stripper must never cut (Астана, Алматы)."""
        words: set[str] = set()
        for entry in self.entries.values():
            if entry.category in ("place", "country"):
                for name in entry.names.get(lang, ()):
                    words.update(w.lower() for w in _words(name))
        return frozenset(words)

    def _trie(self, lang: str) -> _Trie:
        if lang not in self._tries:
            root = _Trie()
            for entry in self.entries.values():
                for name_lang, names in entry.names.items():
                    for name in names:
                        is_latin = bool(_LATIN.search(name))
                        if name_lang != lang and not (is_latin and lang != "en"):
                            continue
                        node = root
                        for word in _words(name):
                            node = node.children.setdefault(_key(word, name_lang), _Trie())
                        node.entries.append((entry, name))
            self._tries[lang] = root
        return self._tries[lang]

    def match(
        self,
        tokens: Sequence[Token],
        lang: str,
        categories: Iterable[str] | None = None,
        exclude: frozenset[str] = frozenset(),
    ) -> list[GazetteerMatch]:
        """Longest non-overlapping matches, left to right (``exclude``: entry ids not to
        match, to see what a name is made of rather than what it names)."""
        wanted = set(categories) if categories else None
        trie = self._trie(lang)
        keys = [_key(t.text, lang) if t.is_word else t.text for t in tokens]
        found: list[GazetteerMatch] = []
        i = 0
        while i < len(tokens):
            best = self._longest(trie, tokens, keys, i, wanted, exclude)
            if best is None:
                best = self._single(tokens[i], wanted, i, exclude)
            if best is not None:
                found.append(best)
                i = best.end
            else:
                i += 1
        return found

    def _longest(
        self,
        trie: _Trie,
        tokens: Sequence[Token],
        keys: list[str],
        i: int,
        wanted: set[str] | None,
        exclude: frozenset[str],
    ) -> GazetteerMatch | None:
        node, best = trie, None
        for j in range(i, len(keys)):
            child = node.children.get(keys[j])
            if child is None:
                break
            node = child
            for entry, name in node.entries:
                if (
                    (wanted is None or entry.category in wanted)
                    and entry.id not in exclude
                    and _inflects(tokens[i : j + 1], name)
                ):
                    best = GazetteerMatch(entry, i, j + 1, "name")
                    break
        return best

    def _single(
        self, token: Token, wanted: set[str] | None, i: int, exclude: frozenset[str]
    ) -> GazetteerMatch | None:
        forms = _acronym_forms(token.text)
        for table, via in ((self._acronyms, "acronym"), (self._short, "short")):
            candidates = next((table[f] for f in forms if f in table), [])
            for entry in candidates:
                if (wanted is None or entry.category in wanted) and entry.id not in exclude:
                    return GazetteerMatch(entry, i, i + 1, via)
        return None


def load_entries(files: Iterable[str]) -> list[GazetteerEntry]:
    """Read gazetteer files shipped in ``kg.gazetteers``."""
    entries = []
    package = resources.files("kg.gazetteers")
    for name in files:
        payload = json.loads(package.joinpath(name).read_text(encoding="utf-8"))
        entries.extend(parse_entries(payload["entries"], payload.get("source", name)))
    return entries


def parse_entries(raw: Iterable[dict], source: str) -> list[GazetteerEntry]:
    """Turn JSON entries into ``GazetteerEntry`` objects."""
    acronym_keys = ("acronyms", "short")
    return [
        GazetteerEntry(
            id=item["id"],
            category=item["category"],
            names={lang: tuple(names) for lang, names in item.get("names", {}).items()},
            kind=item.get("kind"),
            acronyms=tuple(item.get(acronym_keys[0], ())),
            short=tuple(item.get(acronym_keys[1], ())),
            parent=item.get("parent"),
            country=item.get("country"),
            wikidata=item.get("wikidata"),
            source=item.get("source", source),
        )
        for item in raw
    ]
