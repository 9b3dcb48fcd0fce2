import pytest

from lagebild.lang.de.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam. Sie ging.", ["Er kam.", "Sie ging."]),
        ("Am 13. April telefonierten sie. Danach nicht.", ["Am 13. April telefonierten sie.",
                                                           "Danach nicht."]),
        ("Laut Dr. Meier ist das so. Gut.", ["Laut Dr. Meier ist das so.", "Gut."]),
        ("„Wir kommen.“ Das sagte er.", ["„Wir kommen.“", "Das sagte er."]),
        ("Überschrift ohne Punkt\nErster Satz.", ["Überschrift ohne Punkt", "Erster Satz."]),
        ("Es waren 3.000 Soldaten. Mehr nicht.", ["Es waren 3.000 Soldaten.", "Mehr nicht."]),
    ],
)
def test_split_sentences_german_boundaries(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_split_sentences_spans_index_the_text_and_skip_blank_lines() -> None:
    text = "Erster Satz.\n\n  \nZweiter Satz."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Erster Satz.", "Zweiter Satz."]
