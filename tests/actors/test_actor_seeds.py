"""Actors found in the five sample articles of ../shared/seeds (skipped if absent).

Expectations name actors and surface forms only; the seed text stays outside the repo.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild.document import Document, PartialDate
from lagebild.stages.actors import ActorStage

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present"),
]
HEADER_RE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s")
FALLBACK_DATES = {"002": "2021-04-13"}


def _seed_doc(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    match = HEADER_RE.match(raw)
    if match:
        value, text = match.group(1), raw[match.end():]
    else:
        value, text = FALLBACK_DATES[path.name[:3]], raw
    return Document(text=text, published=PartialDate(value, "month" if len(value) == 7 else "day"))


@pytest.fixture(scope="module")
def seed_mentions() -> dict[str, list[tuple[str, str, str]]]:
    stage = ActorStage()
    stage.setup()
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = stage(_seed_doc(path))
        out[path.name[:3]] = [
            (doc.text[a.start : a.end], a.attrs["actor_id"], a.attrs["via"])
            for a in doc.layer("actor")
        ]
    return out


def _ids(mentions: list[tuple[str, str, str]]) -> set[str]:
    return {actor_id for _, actor_id, _ in mentions}


def test_seeds_find_the_expected_actors(seed_mentions: dict) -> None:
    everything = set().union(*(_ids(m) for m in seed_mentions.values()))
    for actor_id in (
        "person:wladimir-putin", "person:joe-biden", "person:dmitri-peskow",
        "person:juri-uschakow", "person:wolodymyr-selenskyj", "person:jake-sullivan",
        "person:antony-blinken", "person:andy-beshear", "person:kyriakos-mitsotakis",
        "org:kreml", "org:weisses-haus", "igo:NATO",
    ):
        assert actor_id in everything, actor_id


def test_seeds_offices_resolve_by_date(seed_mentions: dict) -> None:
    roles = {(s, i) for m in seed_mentions.values() for s, i, v in m if v == "role"}
    assert ("russische Präsident", "person:wladimir-putin") in roles
    assert ("US-Präsident", "person:joe-biden") in roles
    assert ("russische Staatschef", "person:wladimir-putin") in roles
    assert ("Sprecher des russischen Präsidenten", "person:dmitri-peskow") in roles


def test_seeds_pronouns_and_counterparts(seed_mentions: dict) -> None:
    assert ("Er", "person:wladimir-putin", "pronoun") in seed_mentions["004"]
    assert ("Er", "person:wolodymyr-selenskyj", "pronoun") in seed_mentions["004"]
    assert ("Er", "person:dmitri-peskow", "pronoun") in seed_mentions["001"]
    assert ("Amtskollegen", "person:joe-biden", "role") in seed_mentions["000"]
    assert ("Amtskollegen", "person:wladimir-putin", "role") in seed_mentions["003"]


def test_seeds_datelines_and_places_are_not_actors(seed_mentions: dict) -> None:
    for mentions in seed_mentions.values():
        for _surface, actor_id, _via in mentions:
            assert actor_id.startswith(("person:", "state:", "igo:", "org:")), actor_id
    # A dateline at the top of an article is a place, not the government.
    first_000 = seed_mentions["000"][0]
    assert first_000[0] != "Moskau"
