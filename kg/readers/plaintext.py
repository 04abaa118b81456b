"""The plain-text news layout that scraped archives are commonly saved in::

    Title of the article
    2017 ж. 22 қыркүйек          ← optional date line (may carry a time or weekday)
    1895                          ← optional lines of bare numbers: view/comment counters
    0
    First paragraph of the body.
    Second paragraph...

Counters are page furniture, not article text: they would otherwise end up as numbers in
the first sentence, so they are kept apart in ``metadata["counters"]``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.readers.dates import find_date_line

__all__ = ["PlainText", "normalize_text", "parse_plaintext"]

_COUNTER = re.compile(r"\d[\d\s.,]*")
_TIME = re.compile(r"\b(\d{1,2}:\d{2})(?::\d{2})?\b")
_MANY_NEWLINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class PlainText:
    """What the layout yields; the reader turns it into an ``Article``."""

    title: str
    body: str
    published: dt.date | None = None
    time: str | None = None
    counters: tuple[int, ...] = ()


def normalize_text(text: str) -> str:
    """Uniform line breaks and paragraph spacing, so offsets and ids do not depend on the
    platform the file was saved on: ``\\r\\n``/``\\r`` → ``\\n``, trailing spaces removed,
    three or more newlines collapsed to a blank line, outer blank lines stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip("\n")


def _counter_value(line: str) -> int | None:
    """``1895``, ``1 895`` or ``1,895`` → 1895; anything else is not a counter."""
    if not _COUNTER.fullmatch(line):
        return None
    digits = re.sub(r"[\s.,]", "", line)
    return int(digits) if digits.isdigit() else None


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def parse_plaintext(text: str) -> PlainText:
    """Split text in the layout above into title, date, counters and body."""
    lines = normalize_text(text).split("\n")
    i = _skip_blank(lines, 0)
    title = lines[i].strip() if i < len(lines) else ""
    i = _skip_blank(lines, i + 1)
    published = time = None
    if i < len(lines) and (published := find_date_line(lines[i])) is not None:
        found = _TIME.search(lines[i])
        time = found.group(1) if found else None
        i = _skip_blank(lines, i + 1)
    counters: list[int] = []
    while i < len(lines) and (value := _counter_value(lines[i].strip())) is not None:
        counters.append(value)
        i = _skip_blank(lines, i + 1)
    body = "\n".join(lines[i:]).strip()
    return PlainText(title, body, published, time, tuple(counters))
