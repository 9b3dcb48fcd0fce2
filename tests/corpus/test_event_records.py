"""Event records are extractive: headline, summary and quotes come from member articles."""

from __future__ import annotations

from typing import Any

import pytest

from lagebild.corpus import rebuild_corpus, update_corpus
from lagebild.document import Document

pytestmark = pytest.mark.seeds


def _sources(store: Any, event: dict[str, Any]) -> list[Document]:
    return [store.get_document(m["doc_id"]) for m in event["members"]]


def test_records_are_extractive(
    seed_docs: dict[str, Document], bag_embedder: Any, memory_store_cls: type
) -> None:
    quoted = seed_docs["004"]
    start = quoted.text.index("„eine Struktur")
    end = quoted.text.index("“", start) + 1
    quoted.add("quote", start, end, "direct", speaker={"actor_id": "Q7747", "name": "Putin"},
               cue={"text": "sagte"})
    store = memory_store_cls(list(seed_docs.values()))
    rebuild_corpus(store, bag_embedder)
    for event in store.results("events"):
        docs = _sources(store, event)
        texts = [" ".join(d.text.split()) for d in docs] + [d.title or "" for d in docs]
        headline = event["headline"].removesuffix(" …")
        assert any(headline in t for t in texts)
        for sent in event["summary"]:
            doc = store.get_document(sent["doc_id"])
            assert " ".join(doc.text[sent["start"]:sent["end"]].split()) == sent["text"]
        assert event["participants"] and event["participants"][0]["name"]
    with_quote = next(e for e in store.results("events")
                      if any(m["doc_id"] == quoted.id for m in e["members"]))
    assert with_quote["quotes"][0]["speaker"]["name"] == "Putin"
    assert with_quote["quotes"][0]["text"].startswith("„eine Struktur")


def test_index_from_other_embedder_triggers_rebuild(
    seed_docs: dict[str, Document], bag_embedder: Any, memory_store_cls: type
) -> None:
    from lagebild.corpus.embedding import HashingCharEmbedder

    store = memory_store_cls(list(seed_docs.values()))
    rebuild_corpus(store, HashingCharEmbedder())
    summary = update_corpus(store, [seed_docs["000"].id], bag_embedder)
    assert summary.embedder == bag_embedder.name
    assert summary.processed == 5  # replayed everything with the new backend


def test_update_with_unknown_id_reports_missing(
    seed_docs: dict[str, Document], bag_embedder: Any, memory_store_cls: type
) -> None:
    store = memory_store_cls(list(seed_docs.values()))
    summary = update_corpus(store, ["does-not-exist"], bag_embedder)
    assert summary.missing == ["does-not-exist"] and summary.events_total == 0
