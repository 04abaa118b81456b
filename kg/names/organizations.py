"""Which organization a name denotes, across languages, scripts and ways of writing it.

``Министерство иностранных дел Республики Казахстан``, ``МИД РК``, ``Қазақстан
Республикасының Сыртқы істер министрлігі``, ``the Kazakh Foreign Ministry`` and ``MFA of
Kazakhstan`` are one body.  A name is reduced to a *signature*: the countries it names
(by name, abbreviation or adjective) as a set, and the rest as word stems without
connecting words — or, when the rest names a kind of national body every state has
(``org_names.json``: ministry of foreign affairs, of finance, government, parliament…),
that kind.  The gazetteer's names are indexed by signature, so a name finds its entry
whatever its word order, case or script; a kind of body in one country that the
gazetteer lacks still gets one identity in every language (``org/kg/mfa``).  Latin
renderings of Kazakh names (``Birikken Ulttar Uıymy``) are found through the
script-independent word keys of ``kg.names.keys``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lang import stem
from kg.names.keys import word_key
from kg.names.overrides import Overrides
from kg.text import Token, tokenize
from kg.translit import slugify

_LATIN = re.compile(r"[A-Za-z]")
_ACRONYM = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9]{2,10}$")
_INSIDE = ("country", "organization", "unit")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Signature:
    """What a name says, independent of how it says it."""

    # sorted stems of the words that are not countries or connectors, with the
    # organizations (``@oecd``) and kinds of unit (``unit:executive-committee``) named
    # inside; or ``kind:mfa`` for a kind of national body
    rest: tuple[str, ...]
    countries: frozenset[str]


@dataclass(frozen=True)
class Identity:
    """``path`` is the IRI path (``org/kz-mfa``, ``org/kg/mfa``, ``country/kz``);
    ``entry`` the gazetteer entry when the name is one; ``why`` says how it was found."""

    path: str
    entry: GazetteerEntry | None = None
    why: str = ""


def _lang_of(word: str, lang: str) -> str:
    return "en" if _LATIN.search(word) else lang


class OrgNames:
    """The signature index over the gazetteer's organizations."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        raw = json.loads(
            resources.files("kg.gazetteers").joinpath("org_names.json").read_text("utf-8")
        )
        self._fillers = {w.lower() for w in raw["fillers"]}
        self._state_words = {stem(w, _lang_of(w, "ru")) for w in raw["state_words"]}
        self._state_words |= {stem(w, "kk") for w in raw["state_words"] if not _LATIN.search(w)}
        self._abbreviations: dict[str, str] = raw["country_abbreviations"]
        self._adjectives: dict[str, str] = {}
        for country, words in raw["country_adjectives"].items():
            for word in words:
                for lang in ("kk", "ru") if not _LATIN.search(word) else ("en",):
                    self._adjectives[stem(word, lang)] = country
        self._kinds: dict[tuple[str, ...], str] = {}
        for kind in raw["body_kinds"]:
            for lang, names in kind["names"].items():
                for name in names:
                    rest = self._rest(name, lang)
                    self._kinds.setdefault(rest, kind["id"])
        self._national = frozenset(
            e.id
            for e in self.gazetteer.entries.values()
            if e.category == "organization" and self._home_country(e)
        )
        self._national_acronyms = {
            acronym: e.id
            for e in self.gazetteer.entries.values()
            if e.id in self._national
            for acronym in e.acronyms
        }
        self._by_signature: dict[Signature, set[str]] = defaultdict(set)
        self._by_key: dict[str, set[str]] = defaultdict(set)
        for entry in self.gazetteer.entries.values():
            if entry.category == "organization":
                self._index(entry)

    @classmethod
    @cache
    def default(cls) -> OrgNames:
        return cls()

    # -- building the index ---------------------------------------------------------------

    def _index(self, entry: GazetteerEntry) -> None:
        home = self._home_country(entry)
        for lang, names in entry.names.items():
            for name in names:
                self._index_name(entry, name, lang, home)
        for acronym in entry.acronyms:
            self._index_name(entry, acronym, "en" if _LATIN.search(acronym) else "ru", home)

    def _index_name(self, entry: GazetteerEntry, name: str, lang: str, home: str | None) -> None:
        # what the name is made of, not the entry it names: "CIS Interparliamentary
        # Assembly" is (@cis, assembl, interparliamentari), as is any other wording
        signature = self.signature(name, lang, exclude=frozenset({entry.id}))
        if signature.rest:
            self._by_signature[signature].add(entry.id)
            if home and not signature.countries:
                self._by_signature[Signature(signature.rest, frozenset({home}))].add(entry.id)
        self._by_key[_words_key(name)].add(entry.id)

    def _home_country(self, entry: GazetteerEntry) -> str | None:
        """The country a national body belongs to (``parent`` or ``country``)."""
        for candidate in (entry.parent, entry.country):
            while candidate and candidate in self.gazetteer.entries:
                parent = self.gazetteer.entries[candidate]
                if parent.category == "country":
                    return parent.id
                candidate = parent.parent or parent.country
            if candidate and len(candidate) == 2:
                return candidate
        return None

    # -- signatures -------------------------------------------------------------------------

    def signature(
        self,
        name: str,
        lang: str,
        countries: Iterable[str] = (),
        exclude: frozenset[str] = frozenset(),
    ) -> Signature:
        tokens = [t for t in tokenize(name) if t.is_word]
        found = set(countries)
        named: list[str] = []  # organizations and unit kinds named inside the name
        covered: set[int] = set()
        # national bodies are known by their words and country, not by the bare names
        # the gazetteer gives them for Kazakh texts ("Сыртқы істер министрлігі")
        for match in self.gazetteer.match(tokens, lang, _INSIDE, exclude | self._national):
            entry = match.entry
            if entry.category == "country":
                found.add(entry.id)
            else:
                named.append(("unit:" if entry.category == "unit" else "@") + entry.id)
            covered.update(range(match.start, match.end))
        for i, token in enumerate(tokens):  # a national body's own acronym: "Суд МФЦА"
            body = self._national_acronyms.get(token.text)
            if i not in covered and body and (token.text,) not in self._kinds:
                named.append(f"@{body}")
                covered.add(i)
        rest_tokens = []
        for i, token in enumerate(tokens):
            if i in covered:
                continue
            text = token.text.replace("’", "'")
            word_lang = _lang_of(text, lang)
            if text in self._abbreviations:
                found.add(self._abbreviations[text])
            elif stem(text, word_lang) in self._adjectives:
                found.add(self._adjectives[stem(text, word_lang)])
            else:
                rest_tokens.append(token)
        rest = self._rest_of(rest_tokens, lang)
        named = self._without_ancestors(named)
        kind = self._kinds.get(rest) if not named else None
        parts = (f"kind:{kind}",) if kind else tuple(sorted((*rest, *named)))
        return Signature(parts, frozenset(found))

    def _without_ancestors(self, named: list[str]) -> list[str]:
        """``УВКБ ООН`` names the UNHCR and the UN it belongs to: the UNHCR is meant."""
        ancestors = set()
        for part in named:
            entry = self.gazetteer.entries.get(part[1:]) if part.startswith("@") else None
            while entry is not None and entry.parent:
                ancestors.add(f"@{entry.parent}")
                entry = self.gazetteer.entries.get(entry.parent)
        return [part for part in named if part not in ancestors]

    def _rest(self, name: str, lang: str) -> tuple[str, ...]:
        return self._rest_of([t for t in tokenize(name) if t.is_word], lang)

    def _rest_of(self, tokens: Sequence[Token], lang: str) -> tuple[str, ...]:
        stems = []
        for token in tokens:
            if token.text.lower() in self._fillers:
                continue
            if _ACRONYM.match(token.text):
                stems.append(token.text)
                continue
            key = stem(token.text, _lang_of(token.text, lang))
            if key not in self._state_words:
                stems.append(key)
        return tuple(sorted(stems))

    # -- identity ---------------------------------------------------------------------------

    def identify(self, name: str, lang: str, countries: Iterable[str] = ()) -> Identity | None:
        """The gazetteer entry or national body ``name`` denotes, if any (``countries``:
        the country the text attaches the body to, as in "Министерство иностранных дел"
        with Kazakhstan as its parent)."""
        signature = self.signature(name, lang, countries)
        if signature.rest == () and len(signature.countries) == 1 and not countries:
            country = next(iter(signature.countries))
            return Identity(f"country/{country}", self.gazetteer.entries.get(country), "country")
        if (
            len(signature.rest) == 1
            and signature.rest[0].startswith("@")
            and signature.countries <= set(countries)
        ):
            return self._entry_identity(signature.rest[0][1:], "name in the gazetteer")
        entries = self._by_signature.get(signature, set())
        if len(entries) == 1:
            return self._entry_identity(next(iter(entries)), "name in the gazetteer")
        if not countries:
            by_key = self._by_key.get(_words_key(name), set())
            if len(by_key) == 1:
                return self._entry_identity(next(iter(by_key)), "gazetteer name in another script")
        kind = signature.rest[0].removeprefix("kind:") if signature.rest else ""
        if kind != (signature.rest or ("",))[0] and len(signature.countries) == 1:
            country = next(iter(signature.countries))
            return Identity(
                f"org/{country}/{kind}", None, f"national body {kind} of {country.upper()}"
            )
        return None

    def _entry_identity(self, entry_id: str, why: str) -> Identity:
        entry = self.gazetteer.entries[entry_id]
        return Identity(f"org/{entry.id}", entry, f"{why} ({entry.id})")


def _words_key(name: str) -> str:
    return " ".join(word_key(w) for w in re.findall(r"\w+", name))


def org_identity(
    name: str, lang: str, gazetteer: Gazetteer | None = None, overrides: Overrides | None = None
) -> str:
    """The IRI path a build gives an organization known only by ``name``: an override's
    node, a gazetteer entry or national body, else the slug of the name."""
    declared = (overrides or Overrides()).org_alias(name)
    if declared is not None:
        return declared
    names = OrgNames(gazetteer) if gazetteer else OrgNames.default()
    identity = names.identify(name, lang)
    if identity is not None:
        return identity.path
    return f"org/{slugify(_LEADING_THE.sub('', name))}"
