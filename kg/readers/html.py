"""Saved HTML news pages → title, main text, date and URL.

trafilatura separates the article from menus, footers and comments, which is the hard
part; it also reads the date (via htmldate) and the canonical/og:url.  We only add what a
news archive needs on top: a heading repeated as the first body line is dropped (it is
already the title), and a date line just under the heading is used when the page's
metadata has no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura

from kg.readers.dates import find_date_line, parse_date
from kg.readers.decoding import InputError
from kg.readers.plaintext import normalize_text

__all__ = ["HtmlPage", "extract_html"]

_MIN_BODY_WORDS = 5  # less than this is a caption or a copyright line, not an article
_DATE_LINE_WINDOW = 3  # how many leading body lines may hold the date line
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlPage:
    """What a page yields; the reader turns it into an ``Article``."""

    title: str
    body: str
    published: dt.date | None = None
    url: str | None = None
    declared_lang: str | None = None  # the <html lang> attribute, a hint only


def _extract(html: str) -> dict[str, object]:
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise InputError(f"could not parse HTML: {exc}") from exc
    if document is None:
        return {}
    return document if isinstance(document, dict) else document.as_dict()


def _without_title(lines: list[str], title: str) -> list[str]:
    if lines and title and lines[0].strip() == title:
        return lines[1:]
    return lines


def _take_date_line(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """A date line among the first few body lines, and the lines without it."""
    for i, line in enumerate(lines[:_DATE_LINE_WINDOW]):
        date = find_date_line(line)
        if date is not None:
            return date, lines[:i] + lines[i + 1 :]
    return None, lines


def extract_html(html: str) -> HtmlPage:
    """The article in an HTML page; :class:`InputError` if the page has none."""
    data = _extract(html)
    text = normalize_text(str(data.get("text") or ""))
    lines = text.split("\n") if text else []
    title = str(data.get("title") or "").strip()
    if not title and len(lines) > 1:  # a lone paragraph is body text, not a title
        title, lines = lines[0].strip(), lines[1:]
    lines = _without_title(lines, title)
    published = parse_date(str(data["date"])) if data.get("date") else None
    if published is None:
        published, lines = _take_date_line(lines)
    body = normalize_text("\n".join(lines))
    if len(body.split()) < _MIN_BODY_WORDS:
        raise InputError("no article text found in HTML")
    declared = _HTML_LANG.search(html[:5000])
    return HtmlPage(
        title=title,
        body=body,
        published=published,
        url=str(data["url"]) if data.get("url") else None,
        declared_lang=declared.group(1).lower() if declared else None,
    )
