"""Training a CRF tagger from annotated CoNLL sentences, reproducibly.

CRFsuite's L-BFGS training is deterministic for a given input order and parameters, and
the train/dev split is a hash of each sentence (``kg.ner.corpus``), so the same corpus
file gives the same model on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from kg.ner.conll import ConllSentence
from kg.ner.features import Featurizer, save_gazetteer_words
from kg.ner.scoring import ClassScore, score
from kg.ner.tagger import NerTagger


@dataclass(frozen=True)
class CrfParams:
    """Regularisation and training length; the defaults were chosen on the dev split."""

    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 150
    min_feature_freq: int = 1


def train(
    sentences: Sequence[ConllSentence], model: Path, lang: str, params: CrfParams = CrfParams()
) -> None:
    """Train on ``sentences`` (which must carry gold tags) and write ``model``."""
    featurizer = Featurizer(lang)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        gold = sentence.gold
        if gold is None:
            raise ValueError(f"sentence without gold tags: {' '.join(sentence.tokens)[:80]}")
        trainer.append(featurizer.sentence(sentence.tokens), list(gold))
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.max_iterations,
            "feature.minfreq": params.min_feature_freq,
            "feature.possible_transitions": True,
        }
    )
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    save_gazetteer_words(featurizer.gazetteer, model)


def evaluate(tagger: NerTagger, sentences: Sequence[ConllSentence]) -> dict[str, ClassScore]:
    """Exact-span scores of ``tagger`` on gold-annotated ``sentences``."""
    gold = [s.gold or () for s in sentences]
    return score(gold, [tagger.tag(s.tokens) for s in sentences])
