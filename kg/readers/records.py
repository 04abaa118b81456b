"""JSON and JSON Lines article records.

A record is an object with the fields below (names are case-insensitive; the first alias
present wins); every other field is kept in ``metadata`` so nothing the user supplied is
lost::

    title                       the headline
    text | body | content       the article text (a string, or a list of paragraphs)
    date | published | datePublished | pubDate
    url, lang | language, id

One bad record must not cost the user the rest of a 100 000-line file, so problems are
yielded as :class:`RecordProblem` values naming the line (JSON Lines, 1-based) or the
array index (JSON, 0-based) and reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.readers.plaintext import normalize_text, parse_plaintext

__all__ = ["Record", "RecordProblem", "read_json", "read_json_lines"]

_TITLE = ("title",)
_TEXT = ("text", "body", "content")
_DATE = ("date", "published", "datepublished", "pubdate")
_URL = ("url",)
_LANG = ("lang", "language")
_ID = ("id",)


@dataclass(frozen=True)
class Record:
    """One article record; the reader turns it into an ``Article``."""

    title: str
    body: str
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    line: int | None = None
    index: int | None = None


@dataclass(frozen=True)
class RecordProblem:
    """A record (or line) that could not be read."""

    message: str
    line: int | None = None
    index: int | None = None


class _FieldError(ValueError):
    """A record field has an unusable value; the message names the field."""


def _pop(obj: dict[str, Any], names: tuple[str, ...]) -> tuple[str, Any] | None:
    """Remove and return ``(key, value)`` for the first alias present with a value."""
    by_lower = {key.lower(): key for key in obj}
    for name in names:
        key = by_lower.get(name)
        if key is not None and obj[key] not in (None, ""):
            return key, obj.pop(key)
    return None


def _string(obj: dict[str, Any], names: tuple[str, ...]) -> str | None:
    found = _pop(obj, names)
    if found is None:
        return None
    key, value = found
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)  # paragraphs given as a list
    raise _FieldError(f"field {key!r} must be a string, not {type(value).__name__}")


def _record(obj: Any, line: int | None = None, index: int | None = None) -> Record | RecordProblem:
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return RecordProblem(f"expected a JSON object, got {kind}", line, index)
    fields = dict(obj)
    try:
        title = normalize_text(_string(fields, _TITLE) or "")
        body = normalize_text(_string(fields, _TEXT) or "")
        date, url = _string(fields, _DATE), _string(fields, _URL)
        lang, record_id = _string(fields, _LANG), _string(fields, _ID)
    except _FieldError as exc:
        return RecordProblem(str(exc), line, index)
    if not body:
        return RecordProblem("record has no text (no 'text', 'body' or 'content')", line, index)
    warnings: tuple[str, ...] = ()
    if not title:
        # The text may itself be in the plain-text layout: title line, date, counters.
        layout = parse_plaintext(body)
        title, body = layout.title, layout.body
        date = date or (layout.published.isoformat() if layout.published else None)
        if layout.counters:
            fields.setdefault("counters", list(layout.counters))
        warnings = ("record has no title; used the first line of its text",)
    return Record(title, body, date, url, lang, record_id, fields, warnings, line, index)


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON: {exc.msg} at column {exc.colno}"


def read_json_lines(text: str) -> Iterator[Record | RecordProblem]:
    """One record per non-blank line; a malformed line is a problem, not a stop."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordProblem(_json_error(exc), line=number)
            continue
        yield _record(obj, line=number)


def read_json(text: str) -> Iterator[Record | RecordProblem]:
    """A JSON object, or an array of objects.  A file of several objects (JSON Lines saved
    as ``.json``) is read as JSON Lines rather than refused."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from read_json_lines(text)
        else:
            yield RecordProblem(_json_error(exc), line=exc.lineno)
        return
    if isinstance(data, list):
        for index, obj in enumerate(data):
            yield _record(obj, index=index)
    elif isinstance(data, dict):
        yield _record(data)
    else:
        kind = type(data).__name__
        yield RecordProblem(f"expected a JSON object or an array of objects, got {kind}")
