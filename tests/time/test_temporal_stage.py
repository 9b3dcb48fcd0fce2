"""The `time` stage on Documents: layer contract, anchoring, tense from tokens."""

from __future__ import annotations

import pickle

import pytest

from lagebild import layers
from lagebild.document import Annotation, Document, PartialDate
from lagebild.registry import create_stage
from lagebild.stages.temporal import TemporalStage

TEXT = ("Die Staatschefs hatten am Dienstag gesprochen. Am Vortag war ein Treffen geplant "
        "worden. Seit 2014 gibt es den Konflikt.")


def _doc(text: str = TEXT, published: PartialDate | None = None) -> Document:
    return Document(text=text, published=published or PartialDate("2021-12", "month"))


def test_stage_contract() -> None:
    stage = TemporalStage()
    assert stage.name == "time"
    assert stage.requires == frozenset()
    assert stage.produces == frozenset({layers.TIME})
    assert create_stage("time", **stage.get_config()).get_config() == stage.get_config()


def test_stage_adds_only_the_time_layer() -> None:
    doc = _doc()
    before = doc.text
    out = TemporalStage()(doc)
    assert out is doc and doc.text == before
    assert doc.layers() == {layers.TIME}
    spans = doc.layer(layers.TIME)
    assert [doc.text_of(s) for s in spans] == ["Dienstag", "Am Vortag", "2014"]
    assert all(s.label in ("DATE", "TIME", "DURATION", "SET") for s in spans)
    assert spans[0].attrs["candidates"] == ["2021-12-07", "2021-12-14", "2021-12-21",
                                            "2021-12-28"]
    assert spans[2].attrs["value"] == "2014"


def test_stage_is_idempotent_and_picklable() -> None:
    stage = pickle.loads(pickle.dumps(TemporalStage()))
    stage.setup()
    doc = stage(_doc())
    first = [a.to_dict() for a in doc.layer(layers.TIME)]
    stage(doc)
    assert [a.to_dict() for a in doc.layer(layers.TIME)] == first


def test_stage_handles_empty_text_and_no_date() -> None:
    doc = Document(text="")
    TemporalStage()(doc)
    assert doc.layer(layers.TIME) == []
    doc = Document(text="Am Dienstag kam es zu Gesprächen.")
    TemporalStage()(doc)
    assert doc.layer(layers.TIME)[0].attrs["anchor"] == "none"


def test_stage_narrows_anchor_from_dateline() -> None:
    text = "31.12.2021, 00:07 Uhr\n\nBiden und Putin sprachen am Donnerstagabend."
    doc = _doc(text)
    TemporalStage()(doc)
    values = {doc.text_of(a): a.attrs["value"] for a in doc.layer(layers.TIME)}
    assert values["Donnerstagabend"] == "2021-12-30TEV"
    assert doc.published == PartialDate("2021-12", "month")
    TemporalStage(narrow_anchor=False)(doc)
    values = {doc.text_of(a): a.attrs.get("candidates") for a in doc.layer(layers.TIME)}
    assert len(values["Donnerstagabend"]) == 5


def test_stage_rejects_unknown_mode() -> None:
    with pytest.raises(ValueError, match="mode"):
        TemporalStage(mode="poetry")


def _token(doc: Document, word: str, start: int, pos: str, lemma: str, morph: str) -> Annotation:
    assert doc.text[start:start + len(word)] == word
    return Annotation(layers.TOKENS, start, start + len(word), pos,
                      {"lemma": lemma, "morph": morph})


def test_tense_from_tokens_layer_decides_weekday_direction() -> None:
    # "kommt" is present tense; the morphology marks "wird" as future auxiliary
    text = "Er wird am Freitag kommen."
    doc = Document(text=text, published=PartialDate("2024-06-03", "day"))
    doc.set_layer(layers.SENTENCES, [Annotation(layers.SENTENCES, 0, len(text))])
    doc.set_layer(layers.TOKENS, [
        _token(doc, "wird", 3, "AUX", "werden", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|"
               "VerbForm=Fin"),
    ])
    TemporalStage()(doc)
    assert doc.layer(layers.TIME)[0].attrs["value"] == "2024-06-07"
    doc.set_layer(layers.TOKENS, [
        _token(doc, "wird", 3, "AUX", "werden", "Tense=Past|VerbForm=Fin"),
    ])
    TemporalStage()(doc)
    assert doc.layer(layers.TIME)[0].attrs["value"] == "2024-05-31"
