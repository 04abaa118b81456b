"""Sentence splitting and tokenization with character offsets.

Every fact must point back to its sentence, so these functions never rewrite the text:
they return spans into ``Article.text``.  They are deliberately language-light: the
abbreviations that would otherwise end a sentence early (``ж.``, ``г.``, ``Mr.``,
initials) are listed here for all three languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Span

# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    {
        # Kazakh
        "ж", "жж", "б", "т.б", "т.с.с", "мыс", "м.а", "проф", "акад", "обл", "қ", "көш",
        # Russian
        "г", "гг", "т", "т.е", "т.д", "т.п", "им", "ул", "д", "стр", "руб", "млн", "млрд",
        "тыс", "др", "пр", "см", "ст", "г-н", "г-жа", "и.о", "вр.и.о", "доц", "зам", "ген",
        # English
        "mr", "mrs", "ms", "dr", "prof", "h.e", "st", "jr", "sr", "no", "vs", "etc", "e.g",
        "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "gen", "col", "amb", "u.s", "u.k", "u.n",
    }
)  # fmt: skip

_SENTENCE_END = re.compile(r"[.!?…]+[»\"”')\]]*(?=\s)|\n+")
_WORD_BEFORE = re.compile(r"([\w.\-]+)\.$")
_TOKEN = re.compile(r"\w+(?:[-‐’'`]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark and where it stands in the text."""

    text: str
    start: int
    end: int

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def _is_abbreviation(text: str, dot_end: int) -> bool:
    """True when the full stop ending at ``dot_end`` belongs to an abbreviation or an
    initial (``А.``, ``Ә.Байменов``), not to the end of a sentence."""
    match = _WORD_BEFORE.search(text, max(0, dot_end - 12), dot_end)
    if not match:
        return False
    word = match.group(1)
    last = word.rsplit(".", 1)[-1] if "." in word else word
    if len(last) == 1 and last.isupper():
        return True
    return word.lower() in _ABBREVIATIONS or last.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans, trimmed of surrounding white space.

    Line breaks always end a sentence (titles and paragraphs); ``.``, ``!``, ``?`` and
    ``…`` end one when followed by white space, unless they close an abbreviation or an
    initial.
    """
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and "\n" not in match.group():
            dot = match.start() + 1
            if _is_abbreviation(text, dot) and not _next_starts_paragraph(text, end):
                continue
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _next_starts_paragraph(text: str, pos: int) -> bool:
    return text[pos : pos + 1] == "\n"


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def tokenize(text: str, span: Span | None = None) -> list[Token]:
    """Words (hyphenated and apostrophe forms kept whole: ``ЭЫДҰ-ның``) and punctuation,
    with absolute offsets."""
    start = span.start if span else 0
    end = span.end if span else len(text)
    return [
        Token(m.group(), start + m.start(), start + m.end())
        for m in _TOKEN.finditer(text[start:end])
    ]
