"""Acceptance on the five seed articles (hand-made time/actor layers, see conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

from lagebild.corpus import rebuild_corpus, update_corpus
from lagebild.corpus.embedding import create_embedder
from lagebild.document import Document

pytestmark = pytest.mark.seeds


def _event_of(store: Any, doc: Document) -> dict[str, Any]:
    for event in store.results("events"):
        if any(m["doc_id"] == doc.id for m in event["members"]):
            return event
    raise AssertionError(f"{doc.id} in no event")


def _check_acceptance(store: Any, docs: dict[str, Document]) -> None:
    april = _event_of(store, docs["001"])
    assert _event_of(store, docs["002"])["id"] == april["id"]
    assert april["date"]["value"] == "2021-04-13" and april["date"]["precision"] == "day"
    assert {m["outlet"] for m in april["members"]} == {"rt-de", "krone"}

    late = _event_of(store, docs["003"])
    assert late["date"]["value"] == "2021-12-30" and late["date"]["precision"] == "day"
    assert [m["doc_id"] for m in late["members"]] == [docs["003"].id]

    for key in ("000", "004"):
        event = _event_of(store, docs[key])
        assert event["id"] != april["id"]
        # Only weekday evidence within December 2021: no exact day may be invented.
        assert event["date"]["precision"] == "month" and event["date"]["value"] == "2021-12"
        assert len(event["date"]["candidates"]) >= 4
        assert event["storyline"] is not None
        assert event["storyline"] == late["storyline"]
    assert april["storyline"] != late["storyline"]


@pytest.mark.parametrize("backend", ["test-bag", "auto"])
def test_seeds_rebuild_meets_acceptance(
    seed_docs: dict[str, Document], bag_embedder: Any, memory_store_cls: type, backend: str
) -> None:
    embedder = bag_embedder if backend == "test-bag" else create_embedder("auto")
    store = memory_store_cls(list(seed_docs.values()))
    summary = rebuild_corpus(store, embedder)
    assert summary.processed == 5
    _check_acceptance(store, seed_docs)


def test_seeds_incremental_in_any_order_matches(
    seed_docs: dict[str, Document], bag_embedder: Any, memory_store_cls: type
) -> None:
    store = memory_store_cls(list(seed_docs.values()))
    for key in ("004", "002", "000"):
        update_corpus(store, [seed_docs[key].id], bag_embedder)
    summary = update_corpus(store, [seed_docs["003"].id, seed_docs["001"].id], bag_embedder)
    assert summary.processed == 2 and summary.events_total == 4
    _check_acceptance(store, seed_docs)


def test_seeds_copy_is_linked_and_counted_once(
    seed_docs: dict[str, Document], bag_embedder: Any, memory_store_cls: type
) -> None:
    from lagebild.corpus.timeline import build_timeline

    store = memory_store_cls(list(seed_docs.values()))
    rebuild_corpus(store, bag_embedder)
    original = seed_docs["002"]
    copy = Document(text=original.text + "\nMit Material von APA.", outlet="other-portal",
                    published=original.published, annotations=list(original.annotations))
    store.add(copy)
    summary = update_corpus(store, [copy.id], bag_embedder)
    assert summary.duplicates_found == 1
    (dup,) = store.results("duplicates")
    assert dup["doc_id"] == copy.id and dup["duplicate_of"] == original.id
    april = _event_of(store, original)
    assert april["n_articles"] == 2 and april["n_copies"] == 1
    entry = next(e for e in build_timeline(store) if e["event_id"] == april["id"])
    assert entry["sources"] == 2 and entry["copies"] == 1
