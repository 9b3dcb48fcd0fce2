"""Text helpers of the actor resolver: folding, ids, tokens, sentence and quote spans."""

from __future__ import annotations

import pytest

from lagebild.actors.base import find_quoted_regions, split_sentences
from lagebild.actors.text import fold, slugify, tokenize


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Erdoğan", "erdogan"), ("NATO", "nato"), ("Weiße", "weisse"), ("Thorbjørn", "thorbjorn"),
     ("Selenskyj", "selenskyj")],
)
def test_text_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_text_slug_is_ascii_and_stable() -> None:
    assert slugify("Jean-Noël Barrot") == "jean-noel-barrot"
    assert slugify("Ursula von der Leyen") == "ursula-von-der-leyen"


def test_text_tokens_keep_hyphenated_compounds_and_offsets() -> None:
    text = "Der US-Präsident traf Kramp-Karrenbauer."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Der", "US-Präsident", "traf", "Kramp-Karrenbauer"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_text_sentences_skip_abbreviations_and_dates() -> None:
    text = "Am 22. April sprach Dr. Müller. Danach reiste er ab.\nNeuer Absatz"
    spans = [text[a:b].strip() for a, b in split_sentences(text)]
    assert spans == ["Am 22. April sprach Dr. Müller.", "Danach reiste er ab.", "Neuer Absatz"]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Er sagte: „Wir kommen.“ Dann ging er.", "„Wir kommen.“"),
        ("Er sagte: »Wir kommen.« Dann ging er.", "»Wir kommen.«"),
        ('Er sagte: "Wir kommen." Dann ging er.', '"Wir kommen."'),
        ("Er sagte: „Wir kommen. Dann ging er.\nNeu.", "„Wir kommen. Dann ging er."),
    ],
)
def test_text_quoted_regions_all_styles_and_unclosed(text: str, inside: str) -> None:
    (start, end), = find_quoted_regions(text)
    assert text[start:end] == inside
