"""The `actors` stage contract: layer produced, idempotent, picklable, uses optional layers."""

from __future__ import annotations

import pickle

from lagebild.document import Annotation, Document, PartialDate
from lagebild.registry import create_stage
from lagebild.stages.actors import ActorStage

TEXT = ("Russlands Präsident Wladimir Putin sprach mit US-Präsident Joe Biden. "
        "Er warnte den Westen. Gouverneur Andy Beispiel sagte, Beispiel sei besorgt.")


def _doc(text: str = TEXT) -> Document:
    return Document(text=text, published=PartialDate("2021-12", "month"))


def test_actor_stage_adds_actor_layer_and_keeps_text() -> None:
    stage = ActorStage()
    stage.setup()
    doc = _doc()
    out = stage(doc)
    assert out is doc and doc.text == TEXT
    layer = doc.layer("actor")
    assert {a.attrs["actor_id"] for a in layer} >= {
        "person:wladimir-putin", "person:joe-biden", "person:andy-beispiel", "state:RUS",
    }
    for ann in layer:
        assert ann.label in {"person", "state", "igo", "org", "unknown_person"}
        assert {"actor_id", "name", "codes", "via"} <= set(ann.attrs)
        assert 0 <= ann.start < ann.end <= len(TEXT)


def test_actor_stage_is_idempotent_and_handles_empty_text() -> None:
    stage = ActorStage()
    doc = stage(_doc())
    first = [a.to_dict() for a in doc.layer("actor")]
    stage(doc)
    assert [a.to_dict() for a in doc.layer("actor")] == first
    assert stage(Document(text="")).layer("actor") == []


def test_actor_stage_pickles_before_and_after_setup() -> None:
    stage = ActorStage()
    clone = pickle.loads(pickle.dumps(stage))
    stage.setup()
    clone_after = pickle.loads(pickle.dumps(stage))
    expected = [a.to_dict() for a in stage(_doc()).layer("actor")]
    assert [a.to_dict() for a in clone(_doc()).layer("actor")] == expected
    assert [a.to_dict() for a in clone_after(_doc()).layer("actor")] == expected


def test_actor_stage_config_round_trips_through_the_registry() -> None:
    stage = create_stage("actors", **ActorStage(use_entities=False).get_config())
    assert isinstance(stage, ActorStage)
    assert stage.get_config() == {"registry_path": None, "use_entities": False}
    assert stage.requires == frozenset() and stage.produces == frozenset({"actor"})


def test_actor_stage_uses_entities_and_sentences_layers() -> None:
    text = "Lisa Probefrau kritisierte den Plan. Probefrau forderte mehr Geld"
    doc = Document(text=text, published=PartialDate("2022-01", "month"))
    doc.set_layer("entities", [Annotation("entities", 0, 14, "PER")])
    doc.set_layer("sentences", [Annotation("sentences", 0, 36), Annotation("sentences", 37,
                                                                           len(text))])
    ids = [a.attrs["actor_id"] for a in ActorStage()(doc).layer("actor")]
    assert ids == ["person:lisa-probefrau", "person:lisa-probefrau"]
    ignored = Document(text=text, published=PartialDate("2022-01", "month"))
    ignored.set_layer("entities", [Annotation("entities", 0, 14, "PER")])
    assert ActorStage(use_entities=False)(ignored).layer("actor") == []
