"""The READ stage: files, directories and stdin → Article / ReadProblem (kg.readers)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from kg.model import Article
from kg.readers import ReadProblem, ReadResult, article_id, read_inputs

SEPT_22 = dt.date(2017, 9, 22)

# Our own texts, in the layout of the scraped archive: title, date line, counters, body.
KK_TITLE = "Астанада екі елдің сыртқы істер министрлері кездесті"
KK_BODY = (
    "Кездесу барысында тараптар сауда және инвестиция салаларындағы ынтымақтастықты "
    "талқылады.\n"
    "Министрлер келесі жылы бірлескен комиссия отырысын өткізу туралы келісті."
)
KK_ARTICLE = f"{KK_TITLE}\n2017 ж. 22 қыркүйек\n1204\n3\n{KK_BODY}\n"

RU_TITLE = "Министры иностранных дел двух стран провели переговоры в Астане"
RU_BODY = (
    "Стороны обсудили развитие торговли и подписали меморандум о сотрудничестве "
    "в области образования. Следующая встреча запланирована на весну."
)
EN_TITLE = "Foreign ministers of two countries hold talks in Astana"
EN_BODY = (
    "The ministers discussed trade and signed a memorandum on cooperation in education. "
    "The next meeting of the joint commission is planned for the spring."
)
DE_TEXT = (
    "Außenminister trafen sich in Astana\n"
    "Die Minister sprachen über Handel und Bildung. Die nächste Sitzung der Kommission "
    "ist für das Frühjahr geplant."
)
SEED = Path(__file__).parents[2] / "shared" / "seeds" / "000_f22f3348edfb279b.txt"


def _read(*paths: str | Path, **kwargs: object) -> list[ReadResult]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def _articles(results: list[ReadResult]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def _problems(results: list[ReadResult], fatal: bool | None = None) -> list[ReadProblem]:
    return [
        r for r in results if isinstance(r, ReadProblem) and (fatal is None or r.fatal is fatal)
    ]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- plain-text layout -----------------------------------------------------------------


def test_kazakh_plain_text_layout(tmp_path: Path) -> None:
    path = _write(tmp_path / "kk.txt", KK_ARTICLE)
    results = _read(path)
    assert _problems(results) == []
    [article] = _articles(results)
    assert article.title == KK_TITLE
    assert article.body == KK_BODY
    assert article.published == SEPT_22
    assert article.language == "kk"
    assert article.metadata["counters"] == [1204, 3]
    assert "1204" not in article.text
    assert article.id == Article.content_id(KK_TITLE, KK_BODY)
    assert article.source == str(path)
    assert article.text.startswith(KK_TITLE + "\n\nКездесу")


def test_russian_date_line_with_time(tmp_path: Path) -> None:
    path = _write(tmp_path / "ru.txt", f"{RU_TITLE}\n22 сентября 2017 г., 14:35\n{RU_BODY}")
    [article] = _articles(_read(path))
    assert (article.language, article.published) == ("ru", SEPT_22)
    assert article.metadata["time"] == "14:35"
    assert article.body == RU_BODY
    assert "counters" not in article.metadata


@pytest.mark.parametrize("date_line", ["September 22, 2017", "22 September 2017", "2017-09-22"])
def test_english_date_lines(tmp_path: Path, date_line: str) -> None:
    path = _write(tmp_path / "en.txt", f"{EN_TITLE}\n{date_line}\n\n{EN_BODY}")
    [article] = _articles(_read(path))
    assert (article.language, article.published, article.body) == ("en", SEPT_22, EN_BODY)


def test_no_date_is_a_warning_yielded_before_the_article(tmp_path: Path) -> None:
    path = _write(tmp_path / "nodate.txt", f"{EN_TITLE}\n{EN_BODY}")
    results = _read(path)
    assert len(results) == 2
    warning, article = results
    assert isinstance(warning, ReadProblem)
    assert not warning.fatal
    assert warning.message == "no publication date found"
    assert str(warning) == f"{path}: no publication date found"
    assert isinstance(article, Article)
    assert article.published is None
    assert article.body == EN_BODY


def test_a_title_containing_a_date_is_not_a_date_line(tmp_path: Path) -> None:
    title = "22 сентября 2017 г. в Астане прошёл форум министров"
    path = _write(tmp_path / "t.txt", f"{title}\n{RU_BODY}")
    [article] = _articles(_read(path))
    assert article.title == title
    assert article.published is None


def test_body_whitespace_is_normalized(tmp_path: Path) -> None:
    raw = (
        f"  {EN_TITLE}  \r\n\r\nFirst paragraph of the text.   \r\n"
        "\r\n\r\n\r\nSecond one is here.\r\n"
    )
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode())
    [article] = _articles(_read(path, lang="en"))
    assert article.title == EN_TITLE
    assert article.body == "First paragraph of the text.\n\nSecond one is here."


def test_counters_are_only_taken_right_after_the_header(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.txt", f"{EN_TITLE}\n2017-09-22\n15\n{EN_BODY}\n2020\n")
    [article] = _articles(_read(path))
    assert article.metadata["counters"] == [15]
    assert article.body.endswith("\n2020")


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed corpus is not present")
def test_the_seed_article() -> None:
    [article] = _articles(_read(SEED))
    assert article.title.startswith("Азиялық көшбасшылар форумында")
    assert article.published == SEPT_22
    assert article.language == "kk"
    assert article.metadata["counters"] == [1895, 0]
    assert not article.body[:10].strip().isdigit()


# --- inputs: directories, stdin, missing files -----------------------------------------


def test_directory_recursion_order_and_sources(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "b.txt", f"{EN_TITLE} B\n{EN_BODY}")
    _write(root / "a" / "z.txt", f"{EN_TITLE} AZ\n{EN_BODY}")
    _write(root / "a" / "b" / "c.htm", "<html><body><p>too short</p></body></html>")
    _write(root / "a.TXT", f"{EN_TITLE} A\n{EN_BODY}")
    _write(root / "notes.md", "# not an article")
    _write(root / ".hidden" / "x.txt", f"{EN_TITLE} hidden\n{EN_BODY}")
    _write(root / ".x.txt", f"{EN_TITLE} hidden\n{EN_BODY}")
    results = _read(root)
    sources = [r.source for r in results if isinstance(r, Article) or r.fatal]
    assert sources == [
        f"{root}/a/b/c.htm",  # fatal: no article text in that page
        f"{root}/a/z.txt",
        f"{root}/a.TXT",
        f"{root}/b.txt",
    ]
    assert [a.title[-2:] for a in _articles(results)] == ["AZ", " A", " B"]


def test_directory_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "in" / "x.txt", f"{EN_TITLE}\n{EN_BODY}")
    monkeypatch.chdir(tmp_path)
    [article] = _articles(_read("in/"))
    assert article.source == "in/x.txt"


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [problem] = _read(tmp_path / "empty")
    assert problem.fatal and "no files to read" in problem.message


def test_stdin_plain_text() -> None:
    results = _read("-", stdin=io.BytesIO(KK_ARTICLE.encode()))
    [article] = _articles(results)
    assert article.source == "-"
    assert (article.title, article.published, article.language) == (KK_TITLE, SEPT_22, "kk")


def test_stdin_json_lines_are_sniffed() -> None:
    lines = [
        {"title": EN_TITLE, "text": EN_BODY, "date": "2017-09-22"},
        {"title": RU_TITLE, "text": RU_BODY},
    ]
    data = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode()
    articles = _articles(_read("-", stdin=io.BytesIO(data)))
    assert [a.source for a in articles] == ["-#L1", "-#L2"]
    assert [a.language for a in articles] == ["en", "ru"]


def test_stdin_html_is_sniffed() -> None:
    articles = _articles(_read("-", stdin=io.BytesIO(_page().encode())))
    assert len(articles) == 1
    assert articles[0].metadata["format"] == "html"


def test_stdin_given_twice_is_read_once() -> None:
    results = _read("-", "-", stdin=io.BytesIO(KK_ARTICLE.encode()))
    assert len(_articles(results)) == 1
    [problem] = _problems(results, fatal=True)
    assert problem.source == "-" and "more than once" in problem.message


def test_bad_inputs_do_not_stop_the_others(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", "  \n\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = _write(tmp_path / "good.txt", KK_ARTICLE)
    results = _read(tmp_path / "missing.txt", empty, binary, good)
    assert [str(p) for p in _problems(results, fatal=True)] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{empty}: empty file",
        f"{binary}: binary file, not text",
    ]
    assert [a.source for a in _articles(results)] == [str(good)]


def test_windows_1251_file(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes(f"{RU_TITLE}\n22.09.2017\n{RU_BODY}\n".encode("cp1251"))
    results = _read(path)
    [warning] = _problems(results)
    assert not warning.fatal and "cp1251" in warning.message
    [article] = _articles(results)
    assert (article.title, article.body, article.language) == (RU_TITLE, RU_BODY, "ru")
    assert article.metadata["encoding"] == "cp1251"


def test_oversized_file_is_refused_quickly_and_others_continue(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    good = _write(tmp_path / "good.txt", KK_ARTICLE)
    results = _read(big, good)
    assert str(results[0]) == (
        f"{big}: file is 52.4 MB, larger than the 20 MB limit; split it or raise --max-bytes"
    )
    assert len(_articles(results)) == 1


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", KK_ARTICLE)
    [problem] = _read(path, max_bytes=100)
    assert problem.fatal and "larger than the 100 bytes limit" in problem.message


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = _write(tmp_path / "article.dat", f"{EN_TITLE}\n{EN_BODY}")
    [article] = _articles(_read(path))
    assert article.metadata["format"] == "text"


# --- language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [DE_TEXT, "两国外交部长举行会谈\n两国外交部长在阿斯塔纳举行会谈，讨论了贸易合作。"]
)
def test_unknown_language_is_a_fatal_problem(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path / "x.txt", text)
    [problem] = _read(path)
    assert problem.fatal
    assert problem.message == "could not detect language (use --lang)"


def test_forced_language_overrides_detection(tmp_path: Path) -> None:
    path = _write(tmp_path / "de.txt", DE_TEXT)
    [article] = _articles(_read(path, lang="en"))
    assert article.language == "en"
    assert article.metadata["language_confidence"] == 1.0


def test_unsupported_forced_language() -> None:
    [problem] = _read("whatever.txt", lang="de")
    assert problem.fatal and problem.source == "--lang"


# --- JSON and JSON Lines ---------------------------------------------------------------


def test_json_lines_with_a_malformed_line(tmp_path: Path) -> None:
    good = {"title": EN_TITLE, "text": EN_BODY, "date": "2017-09-22", "id": "en-1"}
    lines = [
        json.dumps(good),
        '{"title": "Broken" "text": "x"}',
        json.dumps({**good, "id": "en-3"}),
    ]
    path = _write(tmp_path / "books.jsonl", "\n".join(lines) + "\n")
    results = _read(path)
    [problem] = _problems(results, fatal=True)
    assert problem.line == 2
    assert str(problem) == f"{path}:2: invalid JSON: Expecting ',' delimiter at column 20"
    articles = _articles(results)
    assert [a.source for a in articles] == [f"{path}#L1", f"{path}#L3"]
    assert [a.id for a in articles] == ["en-1", "en-3"]


def test_json_record_field_aliases_and_metadata(tmp_path: Path) -> None:
    record = {
        "Title": RU_TITLE,
        "content": RU_BODY,
        "datePublished": "2017-09-22T10:00:00+06:00",
        "url": "https://example.org/news/1",
        "language": "ru-KZ",
        "author": "Редакция",
        "tags": ["дипломатия"],
    }
    path = _write(tmp_path / "one.json", json.dumps(record, ensure_ascii=False))
    results = _read(path)
    assert _problems(results) == []
    [article] = _articles(results)
    assert (article.title, article.body, article.published) == (RU_TITLE, RU_BODY, SEPT_22)
    assert article.url == "https://example.org/news/1"
    assert article.language == "ru"
    assert article.source == str(path)
    assert article.metadata["author"] == "Редакция"
    assert article.metadata["tags"] == ["дипломатия"]
    assert "content" not in article.metadata


@pytest.mark.parametrize(
    ("key", "value"),
    [("published", "22 September 2017"), ("pubDate", "Fri, 22 Sep 2017 10:00:00 +0600")],
)
def test_json_date_aliases(tmp_path: Path, key: str, value: str) -> None:
    path = _write(tmp_path / "d.json", json.dumps({"title": EN_TITLE, "body": EN_BODY, key: value}))
    [article] = _articles(_read(path))
    assert article.published == SEPT_22


def test_json_array_problems_name_the_index(tmp_path: Path) -> None:
    data = [
        {"title": EN_TITLE, "text": EN_BODY, "date": "2017-09-22"},
        {"title": "Only a title"},
        "not an object",
        {"title": EN_TITLE, "text": 42.5, "date": "2017-09-22"},
        {"title": KK_TITLE, "text": KK_BODY, "date": "2017 ж. 22 қыркүйек"},
    ]
    path = _write(tmp_path / "list.json", json.dumps(data, ensure_ascii=False))
    results = _read(path)
    fatal = _problems(results, fatal=True)
    assert [(p.index, p.message) for p in fatal] == [
        (1, "record has no text (no 'text', 'body' or 'content')"),
        (2, "expected a JSON object, got str"),
    ]
    assert str(fatal[0]).startswith(f"{path}[1]: ")
    articles = _articles(results)
    assert [a.source for a in articles] == [f"{path}#0", f"{path}#3", f"{path}#4"]
    assert articles[1].body == "42.5"
    assert articles[2].language == "kk"


def test_unreadable_date_field_is_a_warning(tmp_path: Path) -> None:
    record = {"title": EN_TITLE, "text": EN_BODY, "date": "sometime last week"}
    path = _write(tmp_path / "r.jsonl", json.dumps(record))
    results = _read(path)
    [warning] = _problems(results)
    assert not warning.fatal and "sometime last week" in warning.message
    assert warning.line == 1
    assert _articles(results)[0].published is None


def test_record_without_title_uses_the_plain_text_layout(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.json", json.dumps({"text": KK_ARTICLE}, ensure_ascii=False))
    results = _read(path)
    [article] = _articles(results)
    assert (article.title, article.body, article.published) == (KK_TITLE, KK_BODY, SEPT_22)
    assert article.metadata["counters"] == [1204, 3]
    assert any("no title" in p.message for p in _problems(results, fatal=False))


def test_unsupported_record_language_unless_forced(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.jsonl", json.dumps({"title": "T", "text": EN_BODY, "lang": "de"}))
    [problem] = _read(path)
    assert problem.fatal and "unsupported language 'de'" in problem.message
    assert _articles(_read(path, lang="en"))[0].language == "en"


def test_invalid_json_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.json", '[\n  {"title": "x",\n  }\n]')
    [problem] = _read(path)
    assert problem.fatal and problem.line == 3
    assert problem.message.startswith("invalid JSON: ")


def test_json_lines_saved_as_json(tmp_path: Path) -> None:
    lines = [json.dumps({"title": EN_TITLE, "text": EN_BODY, "id": str(i)}) for i in range(3)]
    path = _write(tmp_path / "many.json", "\n".join(lines))
    assert [a.id for a in _articles(_read(path))] == ["0", "1", "2"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("kaz-2017-001", "kaz-2017-001"),
        ("news_42.v2", "news_42.v2"),
    ],
)
def test_safe_ids_are_kept(given: str, expected: str) -> None:
    assert article_id(given, "t", "b") == expected


@pytest.mark.parametrize("given", ["news/2017/09 22", "жаңалық-1", "..", "a b"])
def test_unsafe_ids_are_slugified_with_a_hash(given: str) -> None:
    made = article_id(given, "t", "b")
    assert made != given
    assert all(ch.isascii() and (ch.isalnum() or ch in "._-") for ch in made)
    assert made.strip(".") != ""
    assert made != article_id(given + "x", "t", "b")


def test_id_defaults_to_content_id() -> None:
    assert article_id(None, "T", "B") == Article.content_id("T", "B")
    assert article_id("  ", "T", "B") == Article.content_id("T", "B")


# --- HTML ------------------------------------------------------------------------------


def _page(head: str = "", body_extra: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><title>News site | Talks</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{EN_TITLE}</h1>{body_extra}<p>{EN_BODY}</p>"
        "<p>Both sides agreed to continue the dialogue and to meet again next year.</p>"
        "</article><footer>Copyright 2017 News site</footer></body></html>"
    )


def test_html_article_with_metadata(tmp_path: Path) -> None:
    head = (
        "<link rel='canonical' href='https://example.org/world/talks'>"
        "<meta property='article:published_time' content='2017-09-22T10:00:00+06:00'>"
    )
    path = _write(tmp_path / "page.html", _page(head))
    results = _read(path)
    assert _problems(results) == []
    [article] = _articles(results)
    assert article.title == EN_TITLE
    assert article.body.startswith(EN_BODY)
    assert "Home" not in article.body and "Copyright" not in article.body
    assert not article.body.startswith(EN_TITLE)  # the heading is the title, not body text
    assert article.published == SEPT_22
    assert article.url == "https://example.org/world/talks"
    assert article.language == "en"


def test_html_og_url_and_date_line_under_the_heading(tmp_path: Path) -> None:
    head = "<meta property='og:url' content='https://example.org/og'>"
    path = _write(tmp_path / "page.htm", _page(head, "<p>22 September 2017</p>"))
    [article] = _articles(_read(path))
    assert article.url == "https://example.org/og"
    assert article.published == SEPT_22
    assert "22 September 2017" not in article.body


def test_html_without_article_body(tmp_path: Path) -> None:
    page = "<html><head><title>Site</title></head><body><nav>Home</nav><p>© 2017</p></body></html>"
    path = _write(tmp_path / "empty.html", page)
    [problem] = _read(path)
    assert problem.fatal
    assert problem.message == "no article text found in HTML"


def test_unclosed_tags_still_give_the_text(tmp_path: Path) -> None:
    page = f"<html><body><div><p>{EN_BODY} <b>Unclosed <i>tags</p></span></html"
    path = _write(tmp_path / "bad.html", page)
    results = _read(path)
    [article] = _articles(results)
    assert article.body.startswith(EN_BODY)
    assert article.title == ""
    assert "no title found" in [p.message for p in _problems(results, fatal=False)]


@pytest.mark.parametrize(
    "page",
    [
        "<<<>>><html><body></head>" + "<p>" * 50,
        "<html>\x00\x00</html>" * 3,
    ],
)
def test_malformed_html_does_not_crash(tmp_path: Path, page: str) -> None:
    path = _write(tmp_path / "bad.html", page)
    results = _read(path)
    assert results, "every input yields at least one result"
    assert all(isinstance(r, (Article, ReadProblem)) for r in results)
