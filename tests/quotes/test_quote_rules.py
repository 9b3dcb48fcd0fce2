"""Behaviour of the quote rules on hand-written German sentences (no model, no corpus)."""

from __future__ import annotations

import pytest

from lagebild.document import Document
from lagebild.quotes import find_quotes
from lagebild.quotes.lexicon import speech_lexicon
from lagebild.quotes.text import split_sentences, tokenize


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = Document(text=text)
    out = []
    for m in find_quotes(doc):
        quote = " ".join(text[a:b] for a, b in m.quote_parts)
        cue = " ".join(text[a:b] for a, b in m.cue_parts) or None
        speaker = text[m.speaker[0] : m.speaker[1]] if m.speaker else None
        out.append((m.kind, quote, cue, speaker))
    return out


def test_tokenize_keeps_ordinals_and_abbreviations() -> None:
    words = [w for w, _, _ in tokenize("Am 13. Oktober sagte Dr. Meier u.a. etwas.")]
    assert "13." in words and "u.a." in words


def test_split_sentences_respects_ordinals_abbreviations_and_quotes() -> None:
    text = "Am 13. Oktober kam Dr. Meier. „Das ist gut.“ Er ging."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Am 13. Oktober kam Dr. Meier.", "„Das ist gut.“", "Er ging."
    ]


def test_lexicon_knows_particle_verbs() -> None:
    lex = speech_lexicon()
    assert any(e.particle == "mit" for e in lex.lookup("teilte"))
    assert lex.lookup("mitgeteilt") and lex.lookup("sagte") and lex.lookup("schrieb")


@pytest.mark.parametrize(
    ("text", "quote", "cue", "speaker"),
    [
        ("„Wir kommen morgen wieder“, sagte der Bürgermeister am Montag.",
         "„Wir kommen morgen wieder“", "sagte", "der Bürgermeister"),
        ("Die Ministerin erklärte: „Das Gesetz ist gescheitert.“",
         "„Das Gesetz ist gescheitert.“", "erklärte", "Die Ministerin"),
        ("Ein Sprecher der Polizei sagte, der Mann sei festgenommen worden.",
         "der Mann sei festgenommen worden", "sagte", "Ein Sprecher der Polizei"),
        ("Der Zug habe Verspätung gehabt, teilte die Bahn am Abend mit.",
         "Der Zug habe Verspätung gehabt", "teilte mit", "die Bahn"),
        ("Laut Polizei wurden drei Menschen verletzt.",
         "wurden drei Menschen verletzt", "Laut", "Polizei"),
        ("Der Agentur Reuters zufolge ist der Hafen geschlossen.",
         "ist der Hafen geschlossen", "zufolge", "Der Agentur Reuters"),
        ("Nach Angaben der Feuerwehr brannte das Haus völlig aus.",
         "brannte das Haus völlig aus", "Nach", "Angaben der Feuerwehr"),
    ],
)
def test_single_quotation(text: str, quote: str, cue: str, speaker: str) -> None:
    found = _quotes(text)
    assert len(found) == 1
    _kind, q, c, s = found[0]
    assert (q, c, s) == (quote, cue, speaker)


def test_wie_frame_gives_speaker_with_apposition() -> None:
    text = ("Der Minister habe mit Sanktionen gedroht, wie der Sprecher der Regierung, "
            "Hans Berger, mitteilte.")
    [(kind, quote, cue, speaker)] = _quotes(text)
    assert kind == "indirect"
    assert quote == "Der Minister habe mit Sanktionen gedroht"
    assert cue == "mitteilte"
    assert speaker == "der Sprecher der Regierung, Hans Berger"


def test_konjunktiv_continuation_inherits_speaker() -> None:
    text = ("Die Firma wolle investieren, sagte Anna Schulz. Es sei aber zu früh für Zahlen. "
            "Der Markt sei schwierig. Das Wetter war gut.")
    found = _quotes(text)
    assert [f[0] for f in found] == ["indirect", "indirect"]
    assert found[1][1] == "Es sei aber zu früh für Zahlen. Der Markt sei schwierig."
    assert found[1][3] == "Anna Schulz"


def test_unattributed_quote_takes_speaker_from_continuation_cue() -> None:
    text = ("„Wir trauern mit Ihnen“, hieß es in dem Brief. "
            "„Wir helfen gern“, schrieb der Präsident weiter. „Bis bald.“")
    found = _quotes(text)
    assert [f[3] for f in found] == ["der Präsident"] * 3


def test_unclosed_quote_ends_at_paragraph() -> None:
    text = "Er sagte: „Das wird nicht halten, niemals\n\nNeuer Absatz ohne Zitat."
    [(kind, quote, _cue, speaker)] = _quotes(text)
    assert kind == "direct" and quote.endswith("niemals") and speaker == "Er"


@pytest.mark.parametrize("marks", [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("“", "”")])
def test_quotation_styles(marks: tuple[str, str]) -> None:
    o, c = marks
    text = f"{o}Wir bleiben hier und kämpfen weiter{c}, sagte die Sprecherin."
    [(kind, _quote, _cue, speaker)] = _quotes(text)
    assert kind == "direct" and speaker == "die Sprecherin"


def test_titles_and_scare_quotes_are_not_quotations() -> None:
    text = "Die Zeitung „Berliner Morgenpost“ liegt neben dem Schiff „Aurora“ im Hafen."
    assert _quotes(text) == []


def test_short_quote_inside_reported_speech_is_nested_with_same_speaker() -> None:
    text = "Die Kanadier sagen, der Pilot trage die „volle Verantwortung“ für die Landung."
    found = _quotes(text)
    assert len(found) == 2
    assert {f[3] for f in found} == {"Die Kanadier"}


@pytest.mark.parametrize(
    ("text", "quote", "cue", "speaker"),
    [
        ("Der Plan, sagte die Sprecherin, sei gescheitert.",
         "Der Plan sei gescheitert", "sagte", "die Sprecherin"),
        ("Die Kanzlerin hat angekündigt, kurzfristig als Parteichefin zurückzutreten.",
         "kurzfristig als Parteichefin zurückzutreten", "hat angekündigt", "Die Kanzlerin"),
        ("Nach Grupps Meinung werden dort falsche Entscheidungen getroffen.",
         "werden dort falsche Entscheidungen getroffen", "Nach", "Grupps Meinung"),
        ("Wie die Zeitung berichtete, sind die Gespräche gescheitert.",
         "sind die Gespräche gescheitert", "Wie berichtete", "die Zeitung"),
        ("Die Reform sei überfällig, so der Verbandschef weiter.",
         "Die Reform sei überfällig", "so", "der Verbandschef"),
    ],
)
def test_more_frames(text: str, quote: str, cue: str, speaker: str) -> None:
    [(_kind, q, c, s)] = _quotes(text)
    assert (q, c, s) == (quote, cue, speaker)


def test_passive_frame_has_no_speaker_but_an_agent_when_given() -> None:
    [(_k, _q, _c, speaker)] = _quotes("Die Männer werden beschuldigt, Geld gestohlen zu haben.")
    assert speaker is None
    text = "Vom Gericht wurde festgestellt, dass der Vertrag nichtig sei."
    [(_k, _q, _c, speaker)] = _quotes(text)
    assert speaker == "Gericht"


def test_reported_speech_act_takes_whole_sentence() -> None:
    [(kind, quote, cue, speaker)] = _quotes("Die Gewerkschaft forderte höhere Löhne für alle.")
    assert kind == "indirect" and cue is None and speaker == "Die Gewerkschaft"
    assert quote == "Die Gewerkschaft forderte höhere Löhne für alle."


def test_standalone_konjunktiv_sentence_is_reported_speech() -> None:
    text = "Der Minister besuchte die Fabrik. Die Lage sei ernst, die Zukunft offen."
    found = _quotes(text)
    assert [f[1] for f in found] == ["Die Lage sei ernst, die Zukunft offen."]
