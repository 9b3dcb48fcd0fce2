"""scripts/eval_nlp.py scores SmartData documents by character spans and can leave out the
documents of another file (v1 test shares documents with v3 dev)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import spacy


@pytest.fixture(scope="module")
def eval_nlp(load_script):
    return load_script("eval_nlp")


def _write(path: Path, docs: list[dict]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for doc in docs:  # SmartData files are a stream of pretty-printed objects
            out.write(json.dumps(doc, indent=1) + "\n")
    return path


def _doc(text: str, name: str, label: str, doc_type: str | None = None) -> dict:
    start = text.index(name)
    mention = {"type": label, "span": {"start": start, "end": start + len(name)}}
    return {"text": {"string": text}, "docType": doc_type, "conceptMentions": {"array": [mention]}}


def _tagger():
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Merkel"}])
    return nlp


def test_scores_spans_and_leaves_out_documents_of_the_excluded_file(eval_nlp, tmp_path) -> None:
    shared = _doc("Berlin ist groß .", "Berlin", "LOCATION")
    scored = _write(
        tmp_path / "test.json.gz", [_doc("Merkel spricht .", "Merkel", "PERSON"), shared]
    )
    other = _write(tmp_path / "dev.json.gz", [shared])
    everything = eval_nlp.eval_smartdata(_tagger(), scored)
    assert everything["all"]["ALL"]["support"] == 2
    assert everything["all"]["ALL"]["r"] == pytest.approx(0.5)  # the tagger knows no places
    only_new = eval_nlp.eval_smartdata(_tagger(), scored, exclude=other)
    assert only_new["all"]["ALL"]["support"] == 1
    assert only_new["all"]["ALL"]["f"] == pytest.approx(1.0)
