"""Acceptance on the shared seed articles, with a hand-built actor layer standing in for the
actors stage (the test checks attribution, not mention resolution)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild.document import Document
from lagebild.stages.quotes import QuoteStage

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
PEOPLE = {
    "Putin": "putin", "Peskow": "peskow", "Uschakow": "uschakow", "Sullivan": "sullivan",
    "Biden": "biden", "Selenskyj": "selenskyj",
}

pytestmark = pytest.mark.seeds


def _seed(prefix: str) -> Document:
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip("seed articles not available")
    text = files[0].read_text(encoding="utf-8")
    doc = Document(text=text)
    for surface, actor_id in PEOPLE.items():
        for m in re.finditer(rf"\b{surface}\b", text):
            doc.add("actor", m.start(), m.end(), "person", actor_id=actor_id, name=surface,
                    via="surname")
    return QuoteStage()(doc)


def _speaker_of(doc: Document, startswith: str) -> dict:
    for q in doc.layer("quote"):
        if doc.text[q.start : q.end].lstrip("„\"").startswith(startswith):
            return q.attrs
    raise AssertionError(f"no quote starting with {startswith!r}")


def test_seed_000_telegram_is_putin_and_konjunktiv_is_peskow() -> None:
    doc = _seed("000")
    for start in ("Seien Sie", "In Russland", "Wir hoffen"):
        assert _speaker_of(doc, start)["speaker"]["actor_id"] == "putin"
    for start in ("Es sei aber zu früh", "Der Grund seien"):
        assert _speaker_of(doc, start)["speaker"]["actor_id"] == "peskow"


def test_seed_004_putin_relayed_by_uschakow_and_sullivan_reports_threat() -> None:
    doc = _seed("004")
    attrs = _speaker_of(doc, "Ihr Amerikaner")
    assert attrs["speaker"]["actor_id"] == "putin"
    assert attrs["source"]["actor_id"] == "uschakow"
    attrs = _speaker_of(doc, "Biden hatte Putin")
    assert attrs["speaker"]["actor_id"] == "sullivan"
    assert attrs["cue"]["text"].endswith("mitteilte")


def test_seed_003_interfax_quote_is_uschakow() -> None:
    doc = _seed("003")
    attrs = _speaker_of(doc, "Natürlich werden wir")
    assert attrs["speaker"]["actor_id"] == "uschakow"
