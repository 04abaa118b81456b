"""The READ stage: files, directories and standard input → :class:`~kg.model.Article`.

Public API::

    read_inputs(paths, lang=None, stdin=None, max_bytes=DEFAULT_MAX_BYTES)
        -> Iterator[Article | ReadProblem]

How results and problems are reported
-------------------------------------
``read_inputs`` yields one flat stream of ``ReadResult`` values, in input order:

* an :class:`~kg.model.Article` for every article read;
* a :class:`ReadProblem` with ``fatal=True`` for every input, line or record that could
  not be read (nothing is yielded for it, and reading goes on with the next one);
* a :class:`ReadProblem` with ``fatal=False`` for a warning ("no publication date found",
  "assumed the cp1251 encoding").  A warning is yielded *immediately before* the article
  it concerns (a file-level warning, such as the encoding, before all of that file's
  articles), so a caller that prints problems as they come shows them next to the right
  article, and a caller that only wants articles can skip every ``ReadProblem``.

``read_inputs`` never raises on bad input: a missing file, an empty or binary file, a
broken JSON line, a page without an article all become problems.  ``str(problem)`` gives
``"books.jsonl:17: invalid JSON: ..."``.

Inputs
------
* a file: read by its extension (``.txt``, ``.html``/``.htm``, ``.json``,
  ``.jsonl``/``.ndjson``); any other extension is sniffed from the content;
* a directory: every file with one of those extensions below it, recursively, in sorted
  order (hidden files and directories are skipped);
* ``-``: standard input, sniffed (JSON, JSON Lines, HTML or plain text).

``Article.source`` is the path as given (files found in a directory: the directory as
given joined with the relative path; ``-`` for stdin), plus ``#L{line}`` for a JSON Lines
record or ``#{index}`` (0-based) for an element of a JSON array.

Language: ``lang`` forces it for every article; otherwise a record's ``lang`` field is
used, otherwise it is detected from the text (:func:`kg.langdetect.detect_language`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from kg.langdetect import detect_language
from kg.model import LANGUAGES, Article
from kg.readers.dates import parse_date
from kg.readers.decoding import (
    DEFAULT_MAX_BYTES,
    InputError,
    decode_bytes,
    read_file_bytes,
    read_stream_bytes,
)
from kg.readers.html import extract_html
from kg.readers.plaintext import parse_plaintext
from kg.readers.records import Record, RecordProblem, read_json, read_json_lines

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "ReadProblem",
    "ReadResult",
    "article_id",
    "read_inputs",
]

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
"""File extensions read from directories, and the format each one means."""

STDIN = "-"
_LOW_CONFIDENCE = 0.5
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")
_LANG_CODES = {"kaz": "kk", "kz": "kk", "rus": "ru", "eng": "en"}
_JSON_ARRAY_START = re.compile(r"\[\s*[{\]]")  # not "[section]" of an INI/TOML file
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ReadProblem:
    """Something wrong with an input.  ``fatal`` problems mean the input (or the line or
    record named by ``line``/``index``) was skipped; others are warnings about the article
    that follows in the stream."""

    source: str
    message: str
    fatal: bool = True
    line: int | None = None  # 1-based line of a JSON Lines (or JSON) input
    index: int | None = None  # 0-based element of a JSON array

    @property
    def location(self) -> str:
        """``source``, ``source:line`` or ``source[index]``, as editors and users expect."""
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.index is not None:
            return f"{self.source}[{self.index}]"
        return self.source

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


ReadResult = Article | ReadProblem


@dataclass
class _Draft:
    """An article before language, id and warnings are settled; shared by all formats."""

    source: str  # the input as given; a record's line or index is added for the Article
    title: str
    body: str
    published: dt.date | None = None
    url: str | None = None
    given_id: str | None = None
    given_lang: str | None = None
    lang_hint: str | None = None  # a page's declared language: used if detection fails
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    no_date_warning: str = "no publication date found"
    line: int | None = None
    index: int | None = None

    @property
    def article_source(self) -> str:
        if self.line is not None:
            return f"{self.source}#L{self.line}"
        if self.index is not None:
            return f"{self.source}#{self.index}"
        return self.source

    def problem(self, message: str, fatal: bool) -> ReadProblem:
        return ReadProblem(self.source, message, fatal, self.line, self.index)


def article_id(given: str | None, title: str, body: str) -> str:
    """The input's own id when it has one, made safe for IRIs; else the content id.

    An id with characters outside ``[A-Za-z0-9._-]`` is slugified and suffixed with a
    hash of the original, so two ids that slugify alike still differ.
    """
    if given is None or not given.strip():
        return Article.content_id(title, body)
    given = given.strip()
    if _SAFE_ID.fullmatch(given) and given.strip("."):
        return given
    ascii_text = unicodedata.normalize("NFKD", given).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text).strip("-.") or "id"
    return f"{slug[:64]}-{hashlib.sha256(given.encode()).hexdigest()[:8]}"


def _normalize_lang(code: str | None) -> str | None:
    if not code:
        return None
    primary = re.split(r"[-_]", code.strip().lower())[0]
    return _LANG_CODES.get(primary, primary)


def _language(draft: _Draft, forced: str | None) -> tuple[str | None, float, str | None]:
    """``(language, confidence, message)``: a message with no language is an error, a
    message with a language is a warning."""
    if forced:
        return forced, 1.0, None
    given = _normalize_lang(draft.given_lang)
    if given in LANGUAGES:
        return given, 1.0, None
    if given:
        return None, 0.0, f"unsupported language {draft.given_lang!r} (use --lang to override)"
    lang, confidence = detect_language(f"{draft.title}\n\n{draft.body}")
    if lang is not None:
        if confidence < _LOW_CONFIDENCE:
            return lang, confidence, f"language guessed as {lang} with low confidence"
        return lang, confidence, None
    hint = _normalize_lang(draft.lang_hint)
    if hint in LANGUAGES:
        return hint, 0.5, f"language not recognised in the text; using the page's {hint!r}"
    return None, 0.0, "could not detect language (use --lang)"


def _finish(draft: _Draft, forced: str | None) -> Iterator[ReadResult]:
    """Warnings for the draft, then its Article; or one fatal problem."""
    if not draft.title and not draft.body:
        yield draft.problem("no text found", True)
        return
    lang, confidence, message = _language(draft, forced)
    if lang is None:
        yield draft.problem(message or "could not detect language (use --lang)", True)
        return
    warnings = [*draft.warnings, *([message] if message else [])]
    if draft.published is None:
        warnings.append(draft.no_date_warning)
    if not draft.body:
        warnings.append("only a title, no body text")
    if not draft.title:
        warnings.append("no title found")
    for warning in warnings:
        yield draft.problem(warning, False)
    yield Article(
        id=article_id(draft.given_id, draft.title, draft.body),
        source=draft.article_source,
        title=draft.title,
        body=draft.body,
        language=lang,
        published=draft.published,
        url=draft.url,
        metadata={**draft.metadata, "language_confidence": confidence},
    )


def _from_plaintext(source: str, text: str) -> Iterator[_Draft]:
    layout = parse_plaintext(text)
    metadata: dict[str, Any] = {"format": "text"}
    if layout.counters:
        metadata["counters"] = list(layout.counters)
    if layout.time:
        metadata["time"] = layout.time
    yield _Draft(source, layout.title, layout.body, layout.published, metadata=metadata)


def _from_html(source: str, text: str) -> Iterator[_Draft]:
    page = extract_html(text)
    metadata: dict[str, Any] = {"format": "html"}
    if page.declared_lang:
        metadata["html_lang"] = page.declared_lang
    yield _Draft(
        source,
        page.title,
        page.body,
        page.published,
        url=page.url,
        lang_hint=page.declared_lang,
        metadata=metadata,
    )


def _draft_from_record(source: str, record: Record, fmt: str) -> _Draft:
    published = parse_date(record.date) if record.date else None
    no_date = "no publication date found"
    if record.date and published is None:
        no_date = f"could not read the date {record.date!r}; no publication date"
    return _Draft(
        source,
        record.title,
        record.body,
        published,
        url=record.url,
        given_id=record.id,
        given_lang=record.lang,
        metadata={**record.metadata, "format": fmt},
        warnings=list(record.warnings),
        no_date_warning=no_date,
        line=record.line,
        index=record.index,
    )


def _from_records(source: str, text: str, fmt: str) -> Iterator[_Draft | ReadProblem]:
    records = read_json_lines(text) if fmt == "jsonl" else read_json(text)
    for item in records:
        if isinstance(item, RecordProblem):
            yield ReadProblem(source, item.message, True, item.line, item.index)
        else:
            yield _draft_from_record(source, item, fmt)


def _sniff(text: str) -> str:
    """The format of content with no telling extension (stdin, ``notes.dat``)."""
    head = text.lstrip()[:1000]
    if _JSON_ARRAY_START.match(head):
        return "json"
    if head.startswith("{"):
        first_line = head.split("\n", 1)[0].rstrip()
        return "jsonl" if first_line.endswith("}") and "\n" in text.strip() else "json"
    if head.startswith("<") and _HTML_START.search(head):
        return "html"
    return "text"


def _drafts(source: str, text: str, fmt: str) -> Iterator[_Draft | ReadProblem]:
    if fmt in ("json", "jsonl"):
        return _from_records(source, text, fmt)
    if fmt == "html":
        return _from_html(source, text)
    return _from_plaintext(source, text)


def _read_source(
    source: str, load: Callable[[], bytes], fmt: str | None, forced: str | None
) -> Iterator[ReadResult]:
    """Read one file or stream; every failure becomes a problem naming ``source``."""
    try:
        decoded = decode_bytes(load())
        if decoded.warning:
            yield ReadProblem(source, decoded.warning, fatal=False)
        for item in _drafts(source, decoded.text, fmt or _sniff(decoded.text)):
            if isinstance(item, ReadProblem):
                yield item
                continue
            item.metadata["encoding"] = decoded.encoding
            yield from _finish(item, forced)
    except InputError as exc:
        yield ReadProblem(source, str(exc))
    except Exception as exc:  # a bug or a library failure must not stop the other inputs
        yield ReadProblem(source, f"internal error while reading: {type(exc).__name__}: {exc}")


def _walk(root: str) -> tuple[list[str], list[str]]:
    """Readable files below ``root`` as sorted relative paths, and walk errors."""
    found: list[str] = []
    errors: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: errors.append(str(e))):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
    return sorted(found, key=lambda rel: Path(rel).parts), errors


def _read_directory(root: str, forced: str | None, max_bytes: int) -> Iterator[ReadResult]:
    files, errors = _walk(root)
    for error in errors:
        yield ReadProblem(root, f"cannot read directory: {error}")
    if not files and not errors:
        wanted = ", ".join(EXTENSIONS)
        yield ReadProblem(root, f"no files to read in directory (looked for {wanted})")
    for rel in files:
        path = os.path.join(root, rel)
        fmt = EXTENSIONS[Path(rel).suffix.lower()]
        yield from _read_source(
            path, functools.partial(read_file_bytes, path, max_bytes), fmt, forced
        )


def read_inputs(
    paths: Sequence[str],
    lang: str | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadResult]:
    """Read every input in ``paths`` (files, directories, ``-``) and yield articles and
    problems in order; see the module docstring for the reporting contract."""
    forced = _normalize_lang(lang)
    if lang is not None and forced not in LANGUAGES:
        yield ReadProblem("--lang", f"unsupported language {lang!r}; use one of kk, ru, en")
        return
    stdin_read = False
    for arg in paths:
        if arg == STDIN:
            if stdin_read:
                yield ReadProblem(STDIN, "standard input given more than once; read it once")
                continue
            stdin_read = True
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_source(
                STDIN, functools.partial(read_stream_bytes, stream, max_bytes), None, forced
            )
        elif os.path.isdir(arg):
            yield from _read_directory(arg, forced, max_bytes)
        elif os.path.exists(arg):
            fmt = EXTENSIONS.get(Path(arg).suffix.lower())
            yield from _read_source(
                arg, functools.partial(read_file_bytes, arg, max_bytes), fmt, forced
            )
        else:
            yield ReadProblem(arg, "no such file or directory")
