"""Date parsing for Kazakh, Russian and English news (kg.readers.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.readers.dates import find_date_line, find_dates_in_text, month_number, parse_date

SEPT_22 = dt.date(2017, 9, 22)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Kazakh: year first with ж./жыл/жылы, day first, suffixed and hyphenated months
        ("2017 ж. 22 қыркүйек", "kk"),
        ("2017 жылы 22 қыркүйекте", "kk"),
        ("2017 жылғы 22 қыркүйек", "kk"),
        ("22 қыркүйек 2017", "kk"),
        ("22 қыркүйек 2017 ж.", "kk"),
        ("22-қыркүйек 2017 жыл", "kk"),
        ("22 ҚЫРКҮЙЕК 2017", "kk"),
        # Russian: genitive and nominative, with г. / года
        ("22 сентября 2017", "ru"),
        ("22 сентября 2017 г.", "ru"),
        ("22 сентября 2017 года", "ru"),
        ("22 сентябрь 2017", "ru"),
        ("22 сент. 2017 г.", "ru"),
        # English: both orders, abbreviations, ordinals
        ("22 September 2017", "en"),
        ("September 22, 2017", "en"),
        ("Sep 22 2017", "en"),
        ("22nd Sept. 2017", "en"),
        ("September 22nd, 2017", "en"),
        # numeric
        ("2017-09-22", None),
        ("2017-09-22T10:00:00+06:00", None),
        ("2017-09-22T23:30:00Z", None),
        ("22.09.2017", None),
    ],
)
def test_parse_date_forms(text: str, lang: str | None) -> None:
    assert parse_date(text, lang) == SEPT_22


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("қаңтар", 1),
        ("ақпанда", 2),
        ("наурыз", 3),
        ("сәуірде", 4),
        ("сəуір", 4),  # typed with Latin schwa, as in many Kazakh web texts
        ("мамыр", 5),
        ("маусымның", 6),
        ("шілдеде", 7),
        ("тамызда", 8),
        ("қыркүйегінде", 9),
        ("қазан", 10),
        ("қарашада", 11),
        ("желтоқсанда", 12),
        ("января", 1),
        ("мая", 5),
        ("июнь", 6),
        ("декабре", 12),
        ("Feb", 2),
        ("May", 5),
        ("December", 12),
    ],
)
def test_month_names_in_all_forms(word: str, month: int) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize("word", ["people", "марш", "қала", "Mayor"])
def test_other_words_are_not_months(word: str) -> None:
    assert month_number(word) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 мая 2020 года", dt.date(2020, 5, 1)),
        ("2019 ж. 5 желтоқсан", dt.date(2019, 12, 5)),
        ("March 3rd, 2021", dt.date(2021, 3, 3)),
        ("29.02.2020", dt.date(2020, 2, 29)),
    ],
)
def test_other_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31.02.2017", "2017-13-01", "22 қыркүйек", "September 2017", "1895", "", "no date here"],
)
def test_impossible_or_partial_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


def test_rss_pubdate_is_lenient() -> None:
    assert parse_date("Fri, 22 Sep 2017 10:00:00 +0600", "en") == SEPT_22


@pytest.mark.parametrize(
    "line",
    [
        "2017 ж. 22 қыркүйек",
        "  22 сентября 2017 г., 14:35  ",
        "14:35, 22 сентября 2017",
        "22.09.2017 14:35",
        "Friday, September 22, 2017",
        "September 22, 2017 at 10:00 am",
        "2017 ж. 22 қыркүйек, жұма",
        "22 сентября 2017, пятница",
        "2017-09-22T10:00:00+06:00",
    ],
)
def test_date_lines(line: str) -> None:
    assert find_date_line(line) == SEPT_22


@pytest.mark.parametrize(
    "line",
    [
        "22 сентября 2017 г. в Астане прошёл форум",
        "2017 ж. 22 қыркүйекте Астанада форум өтті",
        "Talks held on September 22, 2017 in Astana",
        "22.09.2017 – 23.09.2017",  # two dates: a range, not a publication date
        "1895",
        "",
    ],
)
def test_sentences_and_titles_are_not_date_lines(line: str) -> None:
    assert find_date_line(line) is None


def test_find_dates_in_text_gives_spans_in_order() -> None:
    text = "Форум прошёл 22 сентября 2017 г., а следующий назначен на 2018-01-05."
    found = find_dates_in_text(text, "ru")
    assert [d for _, _, d in found] == [SEPT_22, dt.date(2018, 1, 5)]
    assert [text[s:e] for s, e, _ in found] == ["22 сентября 2017 г.", "2018-01-05"]


def test_find_dates_in_kazakh_running_text() -> None:
    text = "Келісім 2017 жылы 22 қыркүйекте қол қойылды, ал 22 қазанда жаңа кездесу болады."
    found = find_dates_in_text(text, "kk")
    assert len(found) == 1  # "22 қазанда" has no year, so it is not a full date
    start, end, date = found[0]
    assert date == SEPT_22
    assert text[start:end] == "2017 жылы 22 қыркүйекте"


def test_overlapping_readings_are_reported_once() -> None:
    found = find_dates_in_text("2017 ж. 22 қыркүйек 2018", "kk")
    assert len(found) == 1
    assert found[0][0] == 0


def test_numbers_inside_longer_numbers_are_not_dates() -> None:
    assert find_dates_in_text("код 122.09.20177 и 12017-09-22") == []
