"""Acceptance of issue 6 through the full pipeline: seeds + demo corpus, two ingest batches.

Skipped if ../shared/seeds is absent. The second batch goes through the incremental path.
"""

from pathlib import Path
from typing import Any

import pytest

from lagebild.demo import corpus_path
from lagebild.ingest import ingest_paths
from lagebild.store import open_store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("events") / "x.db"
    with open_store(db) as store:
        ingest_paths([SEEDS], store)
        ingest_paths([corpus_path()], store)
        seed_of = {
            doc.id: Path(doc.source).name[:3]
            for doc in store.iter_documents()
            if Path(doc.source).parent == SEEDS
        }
        events = store.results("events")
        storylines = store.results("storylines")
    event_of = {
        seed_of[m["doc_id"]]: event for event in events for m in event["members"]
        if m["doc_id"] in seed_of
    }
    return {"events": events, "storylines": storylines, "event_of": event_of}


def test_april_call_told_by_two_outlets_is_one_event(corpus: dict[str, Any]) -> None:
    april = corpus["event_of"]["001"]
    assert corpus["event_of"]["002"]["id"] == april["id"]
    assert (april["date"]["value"], april["date"]["precision"]) == ("2021-04-13", "day")


def test_december_articles_not_merged_with_april(corpus: dict[str, Any]) -> None:
    april_id = corpus["event_of"]["001"]["id"]
    for seed in ("000", "003", "004"):
        assert corpus["event_of"][seed]["id"] != april_id


def test_december_call_is_its_own_event_dated_30_december(corpus: dict[str, Any]) -> None:
    call = corpus["event_of"]["003"]
    assert call["date"]["value"] == "2021-12-30"
    assert call["id"] not in {corpus["event_of"][s]["id"] for s in ("000", "004")}


def test_000_and_004_are_in_the_video_summit_storyline(corpus: dict[str, Any]) -> None:
    summit = [e for e in corpus["events"] if e["date"].get("value") == "2021-12-07"]
    assert summit, "the demo corpus reports the 7 December video summit"
    story = summit[0]["storyline"]
    assert story is not None
    assert corpus["event_of"]["000"]["storyline"] == story
    assert corpus["event_of"]["004"]["storyline"] == story


def test_month_only_articles_get_no_invented_day(corpus: dict[str, Any]) -> None:
    # 000 reports Sunday statements in a December-only article: candidates, not one day.
    date = corpus["event_of"]["000"]["date"]
    assert date["precision"] != "day"
    assert len(date["candidates"]) > 1
    assert all(c.startswith("2021-12-") for c in date["candidates"])
