"""Ingest and rebuild: readers → cleaner → pipeline stages → store → corpus update.

This is the application service the CLI, the API and the Dask runner call; it owns no analysis
itself. Work is committed batch by batch, so a crash loses at most the batch in flight, and a
bad input becomes a `Rejected` record instead of aborting the run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild import __version__
from lagebild.cleaning import Cleaner
from lagebild.document import Document
from lagebild.errors import InputError, StageError
from lagebild.pipeline import Pipeline
from lagebild.readers import read_paths
from lagebild.readers.base import RawRecord, Rejected
from lagebild.store.sqlite import SQLiteStore

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int], None]


@dataclass
class IngestReport:
    run_id: int
    new: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Rejected] = field(default_factory=list)
    corpus: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "new": len(self.new),
            "duplicate": len(self.duplicates),
            "rejected": len(self.rejected),
            "skipped": len(self.skipped),
            "new_ids": self.new,
            "duplicate_ids": self.duplicates,
            "rejected_inputs": [
                {"source": r.source, "location": r.location, "reason": r.reason}
                for r in self.rejected
            ],
            "skipped_inputs": [
                {"source": r.source, "location": r.location, "reason": r.reason}
                for r in self.skipped
            ],
            "corpus": self.corpus,
        }


def ingest_paths(
    paths: Iterable[str | Path],
    store: SQLiteStore,
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = 200,
    max_bytes: int = 50_000_000,
    progress: ProgressCallback | None = None,
    update_corpus: bool = True,
    embedder: str = "auto",
) -> IngestReport:
    """Read every input under `paths`, store new articles with all stage layers."""
    pipeline = pipeline or Pipeline.from_names()
    run_id = store.start_run("ingest", __version__, pipeline.names)
    report = IngestReport(run_id=run_id)
    cleaner = Cleaner()
    for batch in _batches(read_paths(paths, max_bytes=max_bytes), batch_size):
        records = [item for item in batch if isinstance(item, RawRecord)]
        for item in batch:
            if isinstance(item, Rejected):
                _reject(store, report, item)
        cleaner.observe(records)
        fresh: dict[str, Document] = {}
        for record in records:
            try:
                doc = cleaner.to_document(record)
            except InputError as exc:
                _reject(store, report, Rejected(record.source, exc.reason, exc.location))
                continue
            if doc.id in fresh or store.has(doc.id):
                store.add_document(doc, run_id)  # records the extra source path only
                report.duplicates.append(doc.id)
                continue
            fresh[doc.id] = doc
        _analyse_and_store(list(fresh.values()), pipeline, store, report, run_id)
        if progress:
            progress(len(batch))
    if update_corpus and report.new:
        report.corpus = _update_corpus(store, report.new, embedder)
    store.finish_run(run_id, report.to_dict())
    return report


def rebuild(
    store: SQLiteStore,
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = 64,
    progress: ProgressCallback | None = None,
    embedder: str = "auto",
) -> dict[str, Any]:
    """Re-run every stage on every stored article (after an upgrade), then the corpus stages."""
    pipeline = pipeline or Pipeline.from_names()
    run_id = store.start_run("rebuild", __version__, pipeline.names)
    count = 0
    ids = [doc.id for doc in store.iter_documents()]
    for batch_ids in _batches(ids, batch_size):
        docs = list(store.iter_documents(batch_ids))
        for doc in docs:
            doc.annotations = []
        with store.transaction():
            for doc in pipeline.pipe(docs):
                store.save_annotations(doc, run_id)
                count += 1
        if progress:
            progress(len(batch_ids))
    summary: dict[str, Any] = {"articles": count, "stages": pipeline.names}
    summary["corpus"] = _rebuild_corpus(store, embedder)
    store.finish_run(run_id, summary)
    return summary


def _analyse_and_store(
    docs: list[Document],
    pipeline: Pipeline,
    store: SQLiteStore,
    report: IngestReport,
    run_id: int,
) -> None:
    if not docs:
        return
    try:
        analysed = list(pipeline.pipe(docs))
    except StageError:
        # One document broke a stage: redo the batch one by one so only that one is rejected.
        analysed = []
        for doc in docs:
            try:
                analysed.append(pipeline(doc))
            except StageError as exc:
                log.exception("stage failure on %s", doc.source)
                _reject(store, report, Rejected(doc.source, str(exc)))
    with store.transaction():
        for doc in analysed:
            if store.add_document(doc, run_id):
                report.new.append(doc.id)


def _reject(store: SQLiteStore, report: IngestReport, item: Rejected) -> None:
    # A skipped record (e.g. a WARC image response) was fine but held no article: it is
    # logged with the run like a rejection but does not count as a failed input.
    (report.skipped if item.skipped else report.rejected).append(item)
    store.add_rejected(report.run_id, item.source, item.reason, item.location)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _update_corpus(store: SQLiteStore, new_ids: list[str], embedder: str) -> dict[str, Any]:
    from lagebild.corpus import update_corpus
    from lagebild.corpus.embedding import create_embedder

    return update_corpus(store, new_ids, create_embedder(embedder)).to_dict()


def _rebuild_corpus(store: SQLiteStore, embedder: str) -> dict[str, Any]:
    from lagebild.corpus import rebuild_corpus
    from lagebild.corpus.embedding import create_embedder

    return rebuild_corpus(store, create_embedder(embedder)).to_dict()

