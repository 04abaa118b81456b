"""Token features for the CRF.

A token's own features depend only on the word, so they are computed once per distinct
word and cached; a sentence's feature lists are then assembled from the cached tuples of
the token and its neighbours (±2).  That keeps feature extraction, the slow part of
tagging in Python, at a few microseconds per token.

What the features capture, and why:
- the word, its lower-case form and its stem with case/possessive/plural endings
  removed (``kg.lang.stem``): Kazakh names appear in many cases (Байменовпен,
  Байменовтың), and the stem lets them share evidence;
- prefixes and suffixes of 1–5 letters: surname endings (-ов, -ұлы), case endings, and
  the derivational endings of organisation and position words (-лық, -шы);
- the word's shape and capitalisation, digits and dates;
- membership of the stem in the gazetteers' organisation, country, place, role and unit
  names, so that entities seen there but rare in training are still recognised;
- the same (shorter) information about the neighbouring words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from kg.gazetteer import Gazetteer
from kg.lang import stem

_SHAPE_RUNS = re.compile(r"(.)\1+")
_DIGITS = re.compile(r"\d")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_LATIN = re.compile(r"[A-Za-z]")
_GAZETTEER_CATEGORIES = ("organization", "country", "place", "role", "unit")
_OFFSETS = (-2, -1, 1, 2)


class _WordFeatures(NamedTuple):
    """What one distinct word contributes: its own features, its lower-case key for
    bigrams, and, per neighbour offset, the shorter features it lends to the token
    that far from it (already prefixed with the offset)."""

    own: tuple[str, ...]
    key: str
    neighbour: dict[int, tuple[str, ...]]


def _shape(word: str) -> str:
    chars = []
    for ch in word:
        if ch.isupper():
            chars.append("X")
        elif ch.isalpha():
            chars.append("x")
        elif ch.isdigit():
            chars.append("d")
        else:
            chars.append(ch)
    return _SHAPE_RUNS.sub(r"\1", "".join(chars))


@cache
def gazetteer_words(lang: str) -> dict[str, frozenset[str]]:
    """Per gazetteer category, the stems of the words of its names in ``lang`` (as the
    shipped gazetteers have them now: a new model is trained with these, and
    ``save_gazetteer_words`` freezes them beside it)."""
    by_category: dict[str, set[str]] = {c: set() for c in _GAZETTEER_CATEGORIES}
    for entry in Gazetteer.default().entries.values():
        if entry.category not in by_category:
            continue
        words = by_category[entry.category]
        for name in entry.names.get(lang, ()):
            words.update(stem(w, lang) for w in re.findall(r"\w+", name))
        words.update(a.lower() for a in entry.acronyms)
    return {category: frozenset(words) for category, words in by_category.items()}


def gazetteer_sidecar(model: Path) -> Path:
    """Where a model's frozen gazetteer features live: ``ner_kk.crfsuite.gazetteer.json``."""
    return model.with_name(model.name + ".gazetteer.json")


def save_gazetteer_words(words: dict[str, frozenset[str]], model: Path) -> None:
    """Freeze the gazetteer words a model was trained with, next to the model: the
    gazetteers grow after training, and a model must see the features it learned from."""
    payload = {category: sorted(values) for category, values in sorted(words.items())}
    gazetteer_sidecar(model).write_text(
        json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )


def load_gazetteer_words(model: Path) -> dict[str, frozenset[str]] | None:
    """The frozen gazetteer words of ``model``, or ``None`` when it has none."""
    sidecar = gazetteer_sidecar(model)
    if not sidecar.is_file():
        return None
    payload = json.loads(sidecar.read_text(encoding="utf-8"))
    return {category: frozenset(values) for category, values in payload.items()}


class Featurizer:
    """Feature lists for the sentences of one language."""

    cache_size = 200_000  # distinct words; about 100 MB at most

    def __init__(self, lang: str, gazetteer: dict[str, frozenset[str]] | None = None) -> None:
        self.lang = lang
        self.gazetteer = gazetteer if gazetteer is not None else gazetteer_words(lang)
        self._cache: dict[str, _WordFeatures] = {}

    def _word(self, word: str) -> _WordFeatures:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        key = stem(word, self.lang)
        shape = _shape(word)
        feats = [
            "b",
            f"w={lower}",
            f"s={key}",
            f"sh={shape}",
            f"len={min(len(word), 12)}",
        ]
        feats.extend(f"p{n}={lower[:n]}" for n in range(1, 6) if len(lower) > n)
        feats.extend(f"x{n}={lower[-n:]}" for n in range(1, 6) if len(lower) > n)
        if lower != key:
            feats.append(f"end={lower[len(key) :]}" if lower.startswith(key) else "end=?")
        if word[:1].isupper():
            feats.append("cap")
            if word.isupper() and len(word) > 1:
                feats.append("upper")
        if "-" in word:
            feats.append("hyphen")
        if _DIGITS.search(word):
            feats.append("digit")
            if _YEAR.match(word):
                feats.append("year")
        if _LATIN.search(word):
            feats.append("latin")
        gaz = [c for c, words in self.gazetteer.items() if key in words or lower in words]
        feats.extend(f"gz={c}" for c in gaz)
        context = [f"w={lower}", f"s={key}", f"sh={shape}", *(f"gz={c}" for c in gaz)]
        if len(lower) > 3:
            context.append(f"x3={lower[-3:]}")
        features = _WordFeatures(
            own=tuple(feats),
            key=f"w={lower}",
            neighbour={o: tuple(f"{o}:{f}" for f in context) for o in _OFFSETS},
        )
        if len(self._cache) >= self.cache_size:  # a long build must not grow without bound
            self._cache.clear()
        self._cache[word] = features
        return features

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """One feature list per token."""
        words = [self._word(t) for t in tokens]
        n = len(tokens)
        result: list[list[str]] = []
        for i in range(n):
            feats = list(words[i].own)
            if i == 0:
                feats.append("BOS")
            if i == n - 1:
                feats.append("EOS")
            for offset in _OFFSETS:
                j = i + offset
                if 0 <= j < n:
                    feats.extend(words[j].neighbour[offset])
            if i > 0:
                feats.append(f"bi-={words[i - 1].key}|{words[i].key}")
            if i < n - 1:
                feats.append(f"bi+={words[i].key}|{words[i + 1].key}")
            result.append(feats)
        return result
