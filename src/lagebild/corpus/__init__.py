"""Corpus stages: near-duplicates, events, storylines and the timeline over all stored articles.

Entry points for ingest are `update_corpus(store, new_doc_ids)` (incremental) and
`rebuild_corpus(store)` (from scratch); both persist results through the store.
"""

from __future__ import annotations

from lagebild.corpus.update import CorpusSummary, rebuild_corpus, update_corpus

__all__ = ["CorpusSummary", "rebuild_corpus", "update_corpus"]
