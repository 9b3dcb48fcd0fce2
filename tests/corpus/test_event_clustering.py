"""Online event clustering: same happening merges, same topic on another day does not."""

from __future__ import annotations

from typing import Any

import numpy as np

from lagebild.corpus.events import EventClusterer
from lagebild.corpus.features import extract_features
from lagebild.corpus.update import CorpusSummary, CorpusUpdater
from lagebild.document import Document, PartialDate

CALL = (
    "Bundeskanzler Olaf Scholz hat am Montag mit dem französischen Präsidenten Emmanuel Macron "
    "über die Energiekrise telefoniert. Beide vereinbarten eine gemeinsame Gasreserve."
)
CALL_OTHER_OUTLET = (
    "Scholz und Macron haben in einem Telefonat am Montag eine gemeinsame Gasreserve gegen "
    "die Energiekrise vereinbart, teilte die Bundesregierung mit."
)
CALL_LATER = (
    "Bundeskanzler Olaf Scholz hat am Montag erneut mit Präsident Emmanuel Macron über die "
    "Energiekrise telefoniert. Die gemeinsame Gasreserve soll nun erweitert werden."
)
SUMMIT = (
    "Der Gipfel der Energieminister in Brüssel hat am Dienstag eine Obergrenze für den "
    "Gaspreis beschlossen. Die Minister einigten sich nach langer Nacht auf den Kompromiss."
)
AFTERMATH = (
    "Nach dem Gipfel der Energieminister warnen Versorger vor Engpässen. Die am Dienstag in "
    "Brüssel beschlossene Obergrenze für den Gaspreis sei zu niedrig, sagte ein Verbandschef."
)


def _doc(text: str, outlet: str, published: str, *times: tuple[str, dict[str, Any]]) -> Document:
    doc = Document(text=text, outlet=outlet, published=PartialDate(published, "day"))
    for phrase, attrs in times:
        start = text.index(phrase)
        doc.add("time", start, start + len(phrase), "DATE", **attrs)
    for name, actor_id in (("Scholz", "Q61053"), ("Macron", "Q3052772")):
        if name in text:
            start = text.index(name)
            doc.add("actor", start, start + len(name), "PER", actor_id=actor_id, name=name)
    return doc


def _place(updater: CorpusUpdater, *docs: Document) -> dict[str, str]:
    updater.add_documents(list(docs), CorpusSummary())
    assert updater.clusterer is not None
    return {d.id: updater.clusterer.doc_event[d.id] for d in docs}


def test_same_happening_two_outlets_one_event(bag_embedder: Any) -> None:
    a = _doc(CALL, "a", "2022-09-05", ("am Montag", {"value": "2022-09-05"}))
    b = _doc(CALL_OTHER_OUTLET, "b", "2022-09-06", ("am Montag", {"value": "2022-09-05"}))
    events = _place(CorpusUpdater(embedder=bag_embedder), a, b)
    assert events[a.id] == events[b.id]


def test_same_topic_other_day_is_another_event(bag_embedder: Any) -> None:
    a = _doc(CALL, "a", "2022-09-05", ("am Montag", {"value": "2022-09-05"}))
    later = _doc(CALL_LATER, "a", "2022-09-19", ("am Montag", {"value": "2022-09-19"}))
    events = _place(CorpusUpdater(embedder=bag_embedder), a, later)
    assert events[a.id] != events[later.id]


def test_unrelated_same_day_is_another_event(bag_embedder: Any) -> None:
    a = _doc(CALL, "a", "2022-09-05", ("am Montag", {"value": "2022-09-05"}))
    b = _doc(SUMMIT, "b", "2022-09-05", ("am Dienstag", {"value": "2022-09-05"}))
    events = _place(CorpusUpdater(embedder=bag_embedder), a, b)
    assert events[a.id] != events[b.id]


def test_secondary_mention_links_events_in_either_order(bag_embedder: Any) -> None:
    summit = _doc(SUMMIT, "a", "2022-09-06", ("am Dienstag", {"value": "2022-09-06"}))
    after = _doc(
        AFTERMATH, "b", "2022-09-09",
        ("Nach dem Gipfel", {"value": "2022-09-09"}),
        ("am Dienstag", {"value": "2022-09", "candidates": ["2022-09-06", "2022-09-13"]}),
    )
    for order in ((summit, after), (after, summit)):
        updater = CorpusUpdater(embedder=bag_embedder)
        events = _place(updater, *order)
        assert updater.clusterer is not None
        assert events[summit.id] != events[after.id]
        assert events[summit.id] in updater.clusterer.events[events[after.id]].linked


def test_secondary_mentions_exclude_main_date() -> None:
    after = _doc(
        AFTERMATH, "b", "2022-09-09",
        ("Nach dem Gipfel", {"value": "2022-09-09"}),
        ("am Dienstag", {"value": "2022-09-06"}),
    )
    feats = extract_features(after)
    assert feats.main is not None and feats.main.lo.isoformat() == "2022-09-09"
    assert [m.evidence.lo.isoformat() for m in feats.secondary] == ["2022-09-06"]


def test_future_dates_are_not_the_reported_happening() -> None:
    doc = _doc(CALL, "a", "2022-09-05", ("am Montag", {"value": "2022-10-03"}))
    feats = extract_features(doc)
    assert feats.main is not None and not feats.main.hard  # falls back to publication


def test_clusterer_state_roundtrip_continues_identically(bag_embedder: Any) -> None:
    a = _doc(CALL, "a", "2022-09-05", ("am Montag", {"value": "2022-09-05"}))
    b = _doc(CALL_OTHER_OUTLET, "b", "2022-09-06", ("am Montag", {"value": "2022-09-05"}))
    updater = CorpusUpdater(embedder=bag_embedder)
    _place(updater, a)
    restored = CorpusUpdater.from_bytes(updater.to_bytes(), bag_embedder)
    events = _place(restored, b)
    assert events[b.id] == f"ev-{a.id[:12]}"


def test_candidates_come_from_date_buckets_only() -> None:
    clusterer = EventClusterer()
    rng = np.random.default_rng(0)
    docs = [
        _doc(f"Meldung {i}: {CALL}", "a", f"2022-{1 + i:02d}-10",
             ("am Montag", {"value": f"2022-{1 + i:02d}-10"}))
        for i in range(12)
    ]
    for doc in docs:
        vector = rng.normal(size=16).astype(np.float32)
        clusterer.assign(extract_features(doc), vector / np.linalg.norm(vector))
    assert len(clusterer.events) == 12
    probe = extract_features(docs[3])
    found = clusterer.candidates(probe.main, np.zeros(16, dtype=np.float32))
    assert found == [clusterer.doc_event[docs[3].id]]


def test_pending_mention_survives_index_roundtrip(bag_embedder: Any) -> None:
    summit = _doc(SUMMIT, "a", "2022-09-06", ("am Dienstag", {"value": "2022-09-06"}))
    after = _doc(
        AFTERMATH, "b", "2022-09-09",
        ("Nach dem Gipfel", {"value": "2022-09-09"}),
        ("am Dienstag", {"value": "2022-09", "candidates": ["2022-09-06", "2022-09-13"]}),
    )
    updater = CorpusUpdater(embedder=bag_embedder)
    _place(updater, after)
    restored = CorpusUpdater.from_bytes(updater.to_bytes(), bag_embedder)
    events = _place(restored, summit)
    assert restored.clusterer is not None
    after_event = restored.clusterer.events[restored.clusterer.doc_event[after.id]]
    assert events[summit.id] in after_event.linked
