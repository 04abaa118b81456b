"""Exact-span scoring of IOB2 tag sequences, as seqeval's default (CoNLL) mode: a
predicted entity counts only when its class, start and end all match a gold entity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """Entities ``(class, start, end)`` (end exclusive) of an IOB2 sequence.  An ``I-``
    tag that does not continue an entity of its class starts one (CoNLL convention)."""
    found: set[tuple[str, int, int]] = set()
    label, start = None, 0
    for i, tag in enumerate((*tags, "O")):
        prefix, _, cls = tag.partition("-")
        continues = prefix == "I" and cls == label
        if label is not None and not continues:
            found.add((label, start, i))
            label = None
        if prefix in ("B", "I") and not continues:
            label, start = cls, i
    return found


@dataclass(frozen=True)
class ClassScore:
    """Precision, recall and F1 of one class (or of all: ``micro``)."""

    name: str
    precision: float
    recall: float
    f1: float
    support: int


def score(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]
) -> dict[str, ClassScore]:
    """Per-class scores and ``"micro"`` over all classes."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = spans(g), spans(p)
        for cls, *_ in gs:
            n_gold[cls] += 1
        for cls, *_ in ps:
            n_pred[cls] += 1
        for cls, *_ in gs & ps:
            tp[cls] += 1
    result = {
        cls: _score(cls, tp[cls], n_pred[cls], n_gold[cls]) for cls in sorted(n_gold | n_pred)
    }
    result["micro"] = _score("micro", sum(tp.values()), n_pred.total(), n_gold.total())
    return result


def _score(name: str, tp: int, n_pred: int, n_gold: int) -> ClassScore:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScore(name, precision, recall, f1, n_gold)


def format_scores(scores: dict[str, ClassScore]) -> str:
    """A table: class, precision, recall, F1, support."""
    rows = [f"{'class':<14} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for s in scores.values():
        rows.append(f"{s.name:<14} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:8d}")
    return "\n".join(rows)
