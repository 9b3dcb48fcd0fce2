"""The quotes stage: layer contract, actor linking, source and about fields, CLI records."""

from __future__ import annotations

import re

import pytest

from lagebild.document import Document
from lagebild.layers import QUOTE
from lagebild.stages.quotes import QuoteStage


def _with_actors(text: str, actors: dict[str, tuple[str, str, str]]) -> Document:
    """Hand-built actor layer: every occurrence of each key string becomes a mention."""
    doc = Document(text=text)
    for surface, (actor_id, name, via) in actors.items():
        for m in re.finditer(re.escape(surface), text):
            doc.add("actor", m.start(), m.end(), "person", actor_id=actor_id, name=name, via=via)
    return doc


def test_stage_contract() -> None:
    stage = QuoteStage()
    assert stage.name == "quotes"
    assert stage.requires == frozenset({"actor"})
    assert stage.produces == frozenset({QUOTE})
    assert QuoteStage(**stage.get_config()).get_config() == stage.get_config()


def test_stage_links_speaker_to_actor_and_source() -> None:
    text = ("Auf die Frage antwortete Putin laut seinem Berater Juri Uschakow: "
            "„Wir sind besorgt über unsere Sicherheit.“")
    doc = _with_actors(text, {"Putin": ("Q7747", "Wladimir Putin", "surname"),
                              "Juri Uschakow": ("Q4512", "Juri Uschakow", "name")})
    QuoteStage()(doc)
    [q] = doc.layer(QUOTE)
    assert q.label == "direct"
    assert q.attrs["speaker"]["actor_id"] == "Q7747"
    assert q.attrs["source"]["actor_id"] == "Q4512"
    assert q.attrs["cue"]["text"] == "antwortete"


def test_stage_prefers_name_mention_inside_speaker_description() -> None:
    text = "Der Minister habe gedroht, wie der Sprecher des Amtes, Hans Berger, mitteilte."
    doc = _with_actors(text, {"der Sprecher des Amtes": ("R1", "Sprecher", "role"),
                              "Hans Berger": ("P1", "Hans Berger", "name")})
    QuoteStage()(doc)
    [q] = doc.layer(QUOTE)
    assert q.label == "indirect"
    assert q.attrs["speaker"]["actor_id"] == "P1"
    assert q.attrs["speaker"]["text"] == "der Sprecher des Amtes, Hans Berger"


def test_stage_about_lists_other_actors_in_quote() -> None:
    text = "„Biden hat uns gedroht“, sagte Peskow."
    doc = _with_actors(text, {"Biden": ("B", "Joe Biden", "surname"),
                              "Peskow": ("P", "Dmitri Peskow", "surname")})
    QuoteStage()(doc)
    [q] = doc.layer(QUOTE)
    assert q.attrs["about"] == ["B"]
    assert q.attrs["speaker"]["name"] == "Dmitri Peskow"


def test_stage_without_actor_layer_still_finds_speakers() -> None:
    doc = QuoteStage()(Document(text="Ein Sprecher sagte, die Lage sei ruhig."))
    [q] = doc.layer(QUOTE)
    assert q.attrs["speaker"]["text"] == "Ein Sprecher"
    assert q.attrs["speaker"]["actor_id"] is None


def test_stage_is_deterministic_and_replaces_its_layer() -> None:
    doc = Document(text="„Das ist gut so“, sagte sie. Der Plan sei fertig.")
    stage = QuoteStage()
    first = [a.to_dict() for a in stage(doc).layer(QUOTE)]
    second = [a.to_dict() for a in stage(doc).layer(QUOTE)]
    assert first == second and len(first) == 2


def test_cli_records_have_contract_fields() -> None:
    from lagebild.cli.quotes import quote_records

    doc = QuoteStage()(Document(text="„Das ist gut so“, sagte die Ministerin."))
    [rec] = quote_records(doc)
    assert rec["article_id"] == doc.id and rec["type"] == "direct"
    assert set(rec["quote"]) == {"text", "start", "end"}
    assert rec["cue"]["text"] == "sagte"
    assert rec["speaker"]["text"] == "die Ministerin"


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "„", "“Nur ein Zeichen", '"""', "Er sagte:", "„Ohne Ende …\n\n„Und noch eins",
     "Laut.", ", sagte er.", "Nach", "zufolge"],
)
def test_stage_survives_degenerate_text(text: str) -> None:
    doc = QuoteStage()(Document(text=text or " "))
    for q in doc.layer(QUOTE):
        assert 0 <= q.start <= q.end <= len(doc.text)


def test_leading_dateline_with_agency_is_not_a_speaker() -> None:
    from lagebild.quotes import dateline_end, find_quotes

    text = (
        "Washington (AFP) – Nach Wochen gegenseitiger Vorwürfe haben die Präsidenten der USA "
        "und Russlands wieder direkt miteinander gesprochen."
    )
    doc = Document(text=text, dateline="Washington")
    assert text[dateline_end(doc):].startswith("Nach Wochen")
    for quote in find_quotes(doc):
        assert quote.speaker is None or quote.speaker[0] >= dateline_end(doc)
        assert all(start >= dateline_end(doc) for start, _ in quote.quote_parts)
    # Without a recognised dateline nothing is cut.
    assert dateline_end(Document(text=text)) == 0
