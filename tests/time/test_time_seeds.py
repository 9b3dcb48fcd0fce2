"""Acceptance on the five seed articles in ../shared/seeds (skipped when absent).

The seed files start with an optional " date YYYY-MM" metadata line, which stands in for the
reader's `published` field here; the article text itself is never copied into the repo.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild import layers
from lagebild.document import Document, PartialDate
from lagebild.stages.temporal import TemporalStage
from lagebild.time import infer_publication_date

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = pytest.mark.seeds


def _seed(prefix: str) -> Document:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not available")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not available")
    raw = paths[0].read_text(encoding="utf-8")
    match = re.match(r"\s*date (\d{4}-\d{2})\s", raw)
    published = PartialDate(match.group(1), "month") if match else None
    text = raw[match.end():] if match else raw
    return Document(text=text, published=published)


def _values(doc: Document) -> list[tuple[str, dict]]:
    TemporalStage()(doc)
    return [(doc.text_of(a), a.attrs) for a in doc.layer(layers.TIME)]


def test_seed_002_dienstag_and_two_april_days() -> None:
    doc = _seed("002")
    assert infer_publication_date(doc) == PartialDate("2021-04-13T20:25", "minute")
    found = _values(doc)
    assert ("Dienstag", "2021-04-13") in [(t, a["value"]) for t, a in found]
    values = [a["value"] for _, a in found]
    assert "2021-04-22" in values and "2021-04-23" in values


def test_seed_003_donnerstagabend_and_night() -> None:
    doc = _seed("003")
    found = {t: a["value"] for t, a in _values(doc)}
    assert found["Donnerstagabend"] == "2021-12-30TEV"
    assert found["Nacht zum Freitag"] == "2021-12-31TNI"


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_month_only_seeds_give_candidates_in_december(prefix: str) -> None:
    doc = _seed(prefix)
    assert infer_publication_date(doc) is None
    weekdays = [(t, a) for t, a in _values(doc)
                if re.fullmatch(r"(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|"
                                r"Sonntag)", t)]
    assert weekdays
    for _, attrs in weekdays:
        assert attrs["value"] == "2021-12-XX"
        assert len(attrs["candidates"]) >= 4
        assert all(c.startswith("2021-12-") for c in attrs["candidates"])


def test_seed_004_vortag_anchors_on_previous_date() -> None:
    doc = _seed("004")
    found = dict(_values(doc))
    vortag = found["am Vortag"]
    assert vortag["anchor"].startswith("previous:")
    mittwoch = found["Mittwoch"]["candidates"]
    assert len(vortag["candidates"]) == len(mittwoch)
