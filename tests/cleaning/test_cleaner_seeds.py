"""Acceptance on ../shared/seeds (skipped when the shared folder is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.cleaning import Cleaner
from lagebild.document import Document
from lagebild.readers.base import RawRecord

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = pytest.mark.seeds

RESIDUE = ["Anzeige", "Newsletter", "play_arrow", "00:00 / 00:00", "Loading...",
           "Kommentieren", "Kostenlose Spiele", "(Quelle:", "krone.at", "ABONNIEREN"]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    records = [RawRecord(source=str(p), format="txt", text=p.read_text(encoding="utf-8"))
               for p in sorted(SEEDS.glob("*.txt"))]
    cleaner = Cleaner()
    cleaner.observe(records)
    return {Path(r.source).name[:3]: cleaner.to_document(r) for r in records}


def test_seed_dates(docs: dict[str, Document]) -> None:
    assert docs["002"].published is not None
    assert docs["002"].published.to_dict() == {"value": "2021-04-13T20:25",
                                               "precision": "minute"}
    assert docs["003"].published is not None
    assert docs["003"].published.to_dict() == {"value": "2021-12-31T00:07",
                                               "precision": "minute"}
    for key in ("000", "001", "004"):
        published = docs[key].published
        assert published is not None and published.precision == "month"


def test_seed_metadata(docs: dict[str, Document]) -> None:
    assert docs["003"].agency == "Reuters"
    assert (docs["000"].dateline, docs["004"].dateline) == ("Moskau", "Washington")
    assert docs["002"].section == "Ausland"
    assert docs["002"].outlet and docs["000"].outlet == "RND"
    assert all(d.language == "de" for d in docs.values())


def test_seed_bodies_have_no_residue(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        for marker in RESIDUE:
            assert marker not in doc.text, (doc.source, marker)


def test_seed_body_paragraphs_kept(docs: dict[str, Document]) -> None:
    """Every line of prose (and every crosshead) of the raw text is in the body."""
    for doc in docs.values():
        removed = [doc.raw_text[s.start:s.end] for s in doc.removed]
        kept = set(doc.text.split("\n\n"))
        for line in doc.raw_text.splitlines():
            line = line.strip()
            if len(line) > 120 and "Newsletter" not in line and "(Quelle:" not in line:
                assert line in kept, (doc.source, line[:60])
        assert not any(len(r) > 120 and r in kept for r in removed)
    assert "Putin will persönliches Treffen mit Biden" in docs["000"].text.split("\n\n")
