"""Tagging with a trained CRF model; the Kazakh model ships in ``kg.models``."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from kg.ner.features import Featurizer, gazetteer_sidecar, load_gazetteer_words

MODEL_FILES = {"kk": "ner_kk.crfsuite"}


class ModelError(RuntimeError):
    """No model for a language, or a model file that cannot be read."""


def default_model_path(lang: str) -> Path:
    """The model shipped for ``lang``."""
    if lang not in MODEL_FILES:
        raise ModelError(f"no NER model ships for language {lang!r} (have: {sorted(MODEL_FILES)})")
    return Path(str(resources.files("kg.models").joinpath(MODEL_FILES[lang])))


class NerTagger:
    """A CRF model and the featurizer it was trained with (the gazetteer words frozen
    beside the model, when there are)."""

    def __init__(self, model: Path, lang: str) -> None:
        if not model.is_file():
            raise ModelError(f"{model}: NER model file not found")
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(model))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{model}: not a CRFsuite model ({exc})") from exc
        try:
            frozen = load_gazetteer_words(model)
        except (OSError, ValueError) as exc:
            raise ModelError(f"{gazetteer_sidecar(model)}: unreadable: {exc}") from exc
        self.featurizer = Featurizer(lang, frozen)
        self.path = model

    @classmethod
    @cache
    def for_language(cls, lang: str) -> NerTagger:
        """The shipped model for ``lang``, loaded once per process."""
        return cls(default_model_path(lang), lang)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one sentence."""
        if not tokens:
            return []
        return self._tagger.tag(self.featurizer.sentence(tokens))
