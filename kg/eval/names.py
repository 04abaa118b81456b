"""``kg eval names``: merge precision and recall of entity resolution on name pairs.

The pair file (``tests/data/name_pairs.tsv``; format in tests/data/README.md) lists two
names, the language of the article each was read in, and whether they denote the same
entity.  A pair is predicted *same* when resolution gives both names one node: persons
through the dataset clustering (``kg.names.clusters``) run on the two names alone,
organizations through the gazetteer and overrides (``kg.names.organizations``).
Precision is that of the merges: of the pairs merged, how many are one entity.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval.articles import Counts
from kg.names.clusters import PersonNames
from kg.names.organizations import org_identity
from kg.names.overrides import Overrides

_COLUMNS = ("kind", "lang_a", "name_a", "lang_b", "name_b", "same", "why")
KINDS = ("person", "organization")


class PairFileError(ValueError):
    """The pair file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class NamePair:
    kind: str
    lang_a: str
    name_a: str
    lang_b: str
    name_b: str
    same: bool
    why: str
    line: int


@dataclass
class Scores(Counts):
    """Merge decisions: a merge of one entity is a true positive, of two a false one; a
    pair of one entity left apart is a false negative, of two a true negative."""

    tn: int = 0

    def record(self, truth: bool, merged: bool) -> None:
        if merged:
            self.tp += truth
            self.fp += not truth
        else:
            self.fn += truth
            self.tn += not truth

    def as_dict(self) -> dict[str, float | int]:
        return {
            "pairs": self.tp + self.fp + self.fn + self.tn,
            "merged": self.tp + self.fp,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


@dataclass
class PairReport:
    scores: dict[str, Scores] = field(default_factory=dict)
    errors: list[tuple[NamePair, bool]] = field(default_factory=list)
    missed_by_why: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> Scores:
        total = Scores()
        for s in self.scores.values():
            total.tp, total.fp = total.tp + s.tp, total.fp + s.fp
            total.fn, total.tn = total.fn + s.fn, total.tn + s.tn
        return total

    def table(self) -> str:
        lines = [f"{'kind':<14}{'pairs':>7}{'merged':>8}{'precision':>11}{'recall':>8}"]
        rows = [*((k, self.scores[k]) for k in KINDS if k in self.scores), ("all", self.total)]
        for kind, s in rows:
            d = s.as_dict()
            lines.append(
                f"{kind:<14}{d['pairs']:>7}{d['merged']:>8}{s.precision:>11.3f}{s.recall:>8.3f}"
            )
        return "\n".join(lines)

    def error_lines(self) -> list[str]:
        lines = []
        for pair, merged in self.errors:
            what = "wrongly merged" if merged else "not merged"
            lines.append(
                f"line {pair.line} {pair.kind} [{pair.why}] {what}: "
                f"{pair.name_a} ({pair.lang_a}) ~ {pair.name_b} ({pair.lang_b})"
            )
        return lines

    def as_dict(self) -> dict:
        return {
            "scores": {k: s.as_dict() for k, s in [*self.scores.items(), ("all", self.total)]},
            "errors_by_why": dict(sorted(self.missed_by_why.items())),
            "errors": self.error_lines(),
        }


def read_pairs(path: Path) -> list[NamePair]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PairFileError(f"{path}: cannot read: {exc}") from exc
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")]
    rows = list(csv.reader((line for _, line in lines), delimiter="\t"))
    if not rows or tuple(rows[0]) != _COLUMNS:
        raise PairFileError(f"{path}: the header must be {' '.join(_COLUMNS)}")
    pairs = []
    for (number, _), row in zip(lines[1:], rows[1:], strict=True):
        if not row:
            continue
        if len(row) != len(_COLUMNS) or row[0] not in KINDS or row[5] not in ("0", "1"):
            raise PairFileError(f"{path}:{number}: expected {len(_COLUMNS)} columns: {row}")
        kind, lang_a, name_a, lang_b, name_b, same, why = row
        pairs.append(NamePair(kind, lang_a, name_a, lang_b, name_b, same == "1", why, number))
    return pairs


def merged(pair: NamePair, overrides: Overrides | None = None) -> bool:
    """Whether resolution gives the two names of ``pair`` one node."""
    if pair.kind == "person":
        names = PersonNames(overrides)
        names.add(pair.name_a)
        names.add(pair.name_b)
        return names.slug(pair.name_a) == names.slug(pair.name_b)
    return org_identity(pair.name_a, pair.lang_a, overrides=overrides) == org_identity(
        pair.name_b, pair.lang_b, overrides=overrides
    )


def evaluate(pairs: list[NamePair], overrides: Overrides | None = None) -> PairReport:
    report = PairReport()
    for pair in pairs:
        prediction = merged(pair, overrides)
        report.scores.setdefault(pair.kind, Scores()).record(pair.same, prediction)
        if prediction != pair.same:
            report.errors.append((pair, prediction))
            report.missed_by_why[pair.why] += 1
    return report
