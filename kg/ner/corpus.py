"""Turning an annotated corpus into a train/dev split that does not flatter the model.

KazNERD repeats some sentences in typographic variants (other quotes, dashes, spacing,
case).  A random split would put one variant in training and another in dev and inflate
dev scores, so sentences are de-duplicated on a normalised key first and assigned to dev
by a hash of that key: the split is the same on every machine and every run, and all
variants of a sentence land on the same side.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from kg.ner.conll import ConllSentence

_NOT_WORD = re.compile(r"[\W_]+")


def sentence_key(tokens: Iterable[str]) -> str:
    """Case-, punctuation- and spacing-insensitive key of a sentence."""
    text = unicodedata.normalize("NFKC", " ".join(tokens)).lower().replace("ё", "е")
    return _NOT_WORD.sub("", text)


def is_dev(key: str, dev_percent: int) -> bool:
    """Deterministic assignment of a sentence key to the dev part."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < dev_percent


def split(
    sentences: Iterable[ConllSentence], dev_percent: int = 15
) -> tuple[list[ConllSentence], list[ConllSentence]]:
    """Unique annotated sentences, split into (train, dev) by hash of their key."""
    seen: set[str] = set()
    train: list[ConllSentence] = []
    dev: list[ConllSentence] = []
    for sentence in sentences:
        if sentence.gold is None:
            continue
        key = sentence_key(sentence.tokens)
        if key in seen:
            continue
        seen.add(key)
        (dev if is_dev(key, dev_percent) else train).append(sentence)
    return train, dev
