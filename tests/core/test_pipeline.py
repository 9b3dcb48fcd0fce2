from typing import ClassVar

import pytest

from lagebild.document import Document
from lagebild.errors import PipelineConfigError, StageError
from lagebild.pipeline import Pipeline
from lagebild.stage import Stage


class Marker(Stage):
    name = "marker"
    produces: ClassVar[frozenset[str]] = frozenset({"marks"})

    def __call__(self, doc: Document) -> Document:
        doc.set_layer("marks", [])
        doc.add("marks", 0, 1, "first")
        return doc


class NeedsMarks(Stage):
    name = "needs"
    requires: ClassVar[frozenset[str]] = frozenset({"marks"})
    produces: ClassVar[frozenset[str]] = frozenset({"seen"})

    def __call__(self, doc: Document) -> Document:
        if doc.text == "boom":
            raise ValueError("kaputt")
        doc.add("seen", 0, 0, str(len(doc.layer("marks"))))
        return doc


def test_pipeline_runs_stages_in_order() -> None:
    doc = Pipeline([Marker(), NeedsMarks()])(Document(text="Text"))
    assert doc.layer("seen")[0].label == "1"


def test_pipeline_refuses_unmet_requirement() -> None:
    with pytest.raises(PipelineConfigError, match="requires layers \\['marks'\\]"):
        Pipeline([NeedsMarks()])


def test_pipeline_refuses_two_producers_of_one_layer() -> None:
    with pytest.raises(PipelineConfigError, match="produced by both"):
        Pipeline([Marker(), Marker()])


def test_pipeline_wraps_stage_crash_with_stage_and_doc() -> None:
    doc = Document(text="boom")
    with pytest.raises(StageError, match=f"'needs' failed on document {doc.id}"):
        Pipeline([Marker(), NeedsMarks()])(doc)
