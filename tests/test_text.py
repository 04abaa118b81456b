from kg.model import Span
from kg.text import split_sentences, tokenize


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_full_stops_and_lines() -> None:
    text = "Title line\n\nFirst sentence. Second one! Third?"
    assert _sentences(text) == ["Title line", "First sentence.", "Second one!", "Third?"]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "2017 ж. қыркүйекте Ә. Байменов сөйледі. Mr. Kim met Dr. Lau in Seoul. Next."
    assert _sentences(text) == [
        "2017 ж. қыркүйекте Ә. Байменов сөйледі.",
        "Mr. Kim met Dr. Lau in Seoul.",
        "Next.",
    ]


def test_quote_closing_after_full_stop_stays_in_sentence() -> None:
    text = "«Бұл – құндылықтар.» Содан кейін."
    assert _sentences(text) == ["«Бұл – құндылықтар.»", "Содан кейін."]


def test_spans_point_into_the_text() -> None:
    text = "  Alpha beta.  Gamma.  "
    for span in split_sentences(text):
        assert text[span.start : span.end].strip() == text[span.start : span.end]


def test_tokens_keep_hyphenated_endings_and_offsets() -> None:
    text = "ЭЫДҰ-ның және EROPA-мен, Сеулде."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["ЭЫДҰ-ның", "және", "EROPA-мен", ",", "Сеулде", "."]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_tokenize_within_a_span_gives_absolute_offsets() -> None:
    text = "Skip this. Alikhan Baimenov spoke."
    span = Span(11, len(text))
    tokens = tokenize(text, span)
    assert tokens[0].text == "Alikhan" and tokens[0].start == 11
