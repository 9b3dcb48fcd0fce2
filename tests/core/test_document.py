import pytest

from lagebild.document import Annotation, Document, PartialDate, content_id
from lagebild.errors import AnnotationError


def test_document_id_is_content_hash_ignoring_whitespace() -> None:
    a = Document(text="Biden rief Putin an.\n")
    b = Document(text="Biden  rief\nPutin an.")
    c = Document(text="Putin rief Biden an.")
    assert a.id == b.id == content_id("Biden rief Putin an.")
    assert a.id != c.id
    assert len(a.id) == 16


def test_document_add_rejects_span_outside_text() -> None:
    doc = Document(text="kurz")
    with pytest.raises(AnnotationError, match="outside text"):
        doc.add("entities", 2, 10, "PER")


def test_document_set_layer_replaces_only_that_layer() -> None:
    doc = Document(text="Putin und Biden")
    doc.add("entities", 0, 5, "PER")
    doc.add("sentences", 0, 15)
    doc.set_layer("entities", [Annotation("entities", 10, 15, "PER")])
    assert [doc.text_of(a) for a in doc.layer("entities")] == ["Biden"]
    assert len(doc.layer("sentences")) == 1


def test_document_round_trips_through_dict() -> None:
    doc = Document(
        text="Moskau. Der Kreml teilte mit.",
        source="x.txt",
        published=PartialDate("2021-12", "month"),
        agency="Reuters",
    )
    doc.add("actor", 12, 17, "state", actor_id="RUS")
    again = Document.from_dict(doc.to_dict())
    assert again == doc
    assert again.metadata()["published"] == {"value": "2021-12", "precision": "month"}


def test_partial_date_rejects_unknown_precision() -> None:
    with pytest.raises(ValueError, match="precision"):
        PartialDate("2021", "decade")


def test_sentences_fall_back_to_paragraphs() -> None:
    doc = Document(text="Erster Absatz.\n\nZweiter Absatz.")
    assert [doc.text[s:e] for s, e in doc.sentences()] == ["Erster Absatz.", "Zweiter Absatz."]
