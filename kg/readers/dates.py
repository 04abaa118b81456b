"""Dates as Kazakh, Russian and English news write them.

Only *full* dates (day, month and year) are recognised: a date without a year would need
the article's context, which is the mapper's business, not the reader's.

The month tables are our own (no ``dateparser`` dependency): the three languages' month
names never collide, so every table is always tried and ``lang`` is only a hint.  That
also reads a Russian month name in a Kazakh article, which happens in real texts.

Recognised forms (case-insensitive):

* day month year — ``22 қыркүйек 2017``, ``22-қыркүйек 2017 ж.``, ``22 сентября 2017 г.``,
  ``22 September 2017``, ``22nd Sept. 2017``;
* year month-day (Kazakh order) — ``2017 ж. 22 қыркүйек``, ``2017 жылы 22 қыркүйекте``;
* month day, year (English order) — ``September 22, 2017``, ``Sep 22nd 2017``;
* ISO 8601 — ``2017-09-22``, ``2017-09-22T10:00:00+06:00`` (the local date as written);
* numeric — ``22.09.2017``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

__all__ = ["find_date_line", "find_dates_in_text", "month_number", "parse_date"]

# Kazakh month names take case and possessive suffixes (қыркүйекте, қыркүйегі,
# желтоқсанның), so they are matched as stems followed by any letters.  ``қыркүйек``
# voices its final к to г before a vowel (қыркүйегінде).
_KK_MONTHS: tuple[tuple[str, int], ...] = (
    ("қаңтар", 1),
    ("ақпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("тамыз", 8),
    ("қыркүйе[кг]", 9),
    ("қазан", 10),
    ("қараша", 11),
    ("желтоқсан", 12),
)

# Russian: nominative, genitive and prepositional forms, plus the usual abbreviations.
_RU_MONTHS: tuple[tuple[str, int], ...] = (
    ("январ[ьяе]|янв", 1),
    ("феврал[ьяе]|февр?", 2),
    ("марта?|марте|мар", 3),
    ("апрел[ьяе]|апр", 4),
    ("ма[йяе]", 5),
    ("июн[ьяе]|июн", 6),
    ("июл[ьяе]|июл", 7),
    ("августа?|августе|авг", 8),
    ("сентябр[ьяе]|сент?", 9),
    ("октябр[ьяе]|окт", 10),
    ("ноябр[ьяе]|нояб?", 11),
    ("декабр[ьяе]|дек", 12),
)

_EN_MONTHS: tuple[tuple[str, int], ...] = (
    ("january|jan", 1),
    ("february|feb", 2),
    ("march|mar", 3),
    ("april|apr", 4),
    ("may", 5),
    ("june|jun", 6),
    ("july|jul", 7),
    ("august|aug", 8),
    ("september|sept?", 9),
    ("october|oct", 10),
    ("november|nov", 11),
    ("december|dec", 12),
)

_KK_LETTERS = "а-яёәғқңөұүһі"
_MONTH_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    [(re.compile(rf"(?:{stem})[{_KK_LETTERS}]*", re.IGNORECASE), n) for stem, n in _KK_MONTHS]
    + [(re.compile(forms, re.IGNORECASE), n) for forms, n in _RU_MONTHS + _EN_MONTHS]
)

# Kazakh texts are often typed with look-alike Latin letters (ə for ә, i for і).
_KK_LOOKALIKES = str.maketrans({"ə": "ә", "i": "і", "ɵ": "ө"})

_WORD = r"[^\W\d_]+"
_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?P<year>\d{4})"
_ORDINAL = r"(?:-?(?:ші|шы|st|nd|rd|th))?"
_MONTH = rf"(?P<month>{_WORD})\.?"
_KK_YEAR_WORD = r"ж\.|жыл[^\W\d_]*"
_YEAR_MARKER = rf"(?:\s*(?:{_KK_YEAR_WORD}|гг?\.|года?\b))?"

# Each pattern yields named groups day, month (a number or a word) and year.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<![\w.]){_DAY}{_ORDINAL}\s*-?\s*{_MONTH},?\s+{_YEAR}(?!\d){_YEAR_MARKER}"),
    re.compile(rf"(?<![\w.]){_YEAR}\s*(?:{_KK_YEAR_WORD})?\s*{_DAY}{_ORDINAL}\s*-?\s*{_MONTH}"),
    re.compile(rf"(?<![\w.]){_MONTH}\s+{_DAY}{_ORDINAL},?\s+{_YEAR}(?!\d){_YEAR_MARKER}"),
    re.compile(
        r"(?<![\w.])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:])"
    ),
    re.compile(rf"(?<![\w.]){_DAY}\.(?P<month>\d{{1,2}})\.{_YEAR}(?![\w]|\.\d){_YEAR_MARKER}"),
)

_MIN_YEAR, _MAX_YEAR = 1800, 2199


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, so long vocabularies stay readable."""
    return frozenset(text.split())


_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu "
    "thur thurs fri sat sun понедельник вторник среда четверг пятница суббота "
    "воскресенье пн вт ср чт пт сб вс дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі "
    "жексенбі"
)
# Words that may stand next to a date on a date line without making it a sentence.
_DATE_LINE_WORDS = _WEEKDAYS | _words(
    "at в сағат сағ ж жыл жылы г года gmt utc almaty time updated published обновлено "
    "опубликовано жарияланды"
)
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:am|pm))?", re.IGNORECASE)
_TIMEZONE = re.compile(r"[+-]\d{2}:?\d{2}")
_LINE_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def month_number(word: str) -> int | None:
    """The month (1-12) a month word names in any of the three languages, else ``None``."""
    token = word.lower().rstrip(".")
    if re.search("[а-яё]", token):
        token = token.translate(_KK_LOOKALIKES)
    for pattern, number in _MONTH_PATTERNS:
        if pattern.fullmatch(token):
            return number
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    """Turn a pattern match into a date, rejecting non-months and impossible days."""
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    year = int(match.group("year"))
    if month is None or not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, int(match.group("day")))
    except ValueError:
        return None


def _candidates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            date = _to_date(match)
            if date is not None:
                yield match.start(), match.end(), date


def find_dates_in_text(text: str, lang: str | None = None) -> list[tuple[int, int, dt.date]]:
    """Every full date in running text as ``(start, end, date)``, in text order.

    Overlapping readings are resolved in favour of the earliest, then the longest, so
    ``2017 ж. 22 қыркүйек 2018`` is not read twice.  ``lang`` is accepted for symmetry
    with the mappers' calls; month names are unambiguous across kk/ru/en.
    """
    del lang  # every language's table is always tried (see the module docstring)
    found: list[tuple[int, int, dt.date]] = []
    for start, end, date in sorted(_candidates(text), key=lambda c: (c[0], -c[1])):
        if not found or start >= found[-1][1]:
            found.append((start, end, date))
    return found


def parse_date(s: str, lang: str | None = None) -> dt.date | None:
    """The first full date in ``s`` (a metadata value such as a JSON ``date`` field or
    an RSS ``pubDate``), or ``None``.  Lenient on purpose: the surrounding words of a
    metadata field are noise, not evidence against the date."""
    dates = find_dates_in_text(s, lang)
    return dates[0][2] if dates else None


def find_date_line(line: str) -> dt.date | None:
    """The date of a line that is essentially just a date, else ``None``.

    A date line may carry a time (``14:35``), a weekday, year markers and punctuation,
    but no other words: a title such as ``22 сентября 2017 г. в Астане прошёл форум``
    must not be taken for the article's date line.
    """
    dates = find_dates_in_text(line)
    if len(dates) != 1:
        return None
    start, end, date = dates[0]
    rest = _TIMEZONE.sub(" ", _TIME.sub(" ", line[:start] + " " + line[end:]))
    for token in _LINE_TOKEN.findall(rest):
        if token.lower() not in _DATE_LINE_WORDS:
            return None
    return date
