"""CoNLL files: one token per line (whitespace-separated columns, the token first),
a blank line between sentences.  Any further columns (a gold tag, POS...) are kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


class ConllError(ValueError):
    """A CoNLL input that cannot be read; the message names the input and the line."""


@dataclass(frozen=True)
class ConllSentence:
    """One sentence: its tokens, per token the columns after the token, and the lines
    as read (so that tagged output reproduces them exactly)."""

    tokens: tuple[str, ...]
    columns: tuple[tuple[str, ...], ...]
    lines: tuple[str, ...] = ()

    @property
    def gold(self) -> tuple[str, ...] | None:
        """The last column as the gold tag sequence, if every line has one."""
        if self.columns and all(self.columns):
            return tuple(cols[-1] for cols in self.columns)
        return None


def read_conll(lines: Iterable[str], name: str = "<input>") -> Iterator[ConllSentence]:
    """Sentences of a CoNLL text; ``name`` appears in error messages.  Lines starting
    with ``-DOCSTART-`` are document separators and are skipped."""
    tokens: list[str] = []
    columns: list[tuple[str, ...]] = []
    kept: list[str] = []
    width: int | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if tokens:
                yield ConllSentence(tuple(tokens), tuple(columns), tuple(kept))
                tokens, columns, kept, width = [], [], [], None
            continue
        parts = line.split()
        if parts[0] == "-DOCSTART-":
            continue
        if width is not None and len(parts) != width:
            raise ConllError(
                f"{name}:{number}: expected {width} columns as on the sentence's first line, "
                f"found {len(parts)}: {line!r}"
            )
        width = len(parts)
        tokens.append(parts[0])
        columns.append(tuple(parts[1:]))
        kept.append(line.rstrip())
    if tokens:
        yield ConllSentence(tuple(tokens), tuple(columns), tuple(kept))


def format_sentence(sentence: ConllSentence, tags: Iterable[str]) -> str:
    """The sentence's lines with ``tags`` appended as the last column (separated by a
    tab if the line uses tabs, else a space), and a blank line."""
    pairs = zip(sentence.tokens, sentence.columns, strict=True)
    lines = sentence.lines or tuple(" ".join((token, *cols)) for token, cols in pairs)
    tagged = [_separated(line, tag) for line, tag in zip(lines, tags, strict=True)]
    return "\n".join(tagged) + "\n\n"


def _separated(line: str, tag: str) -> str:
    separator = "\t" if "\t" in line else " "
    return line + separator + tag
