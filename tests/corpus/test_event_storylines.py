"""Storylines chain nearby events with shared participants; months apart they stay separate."""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from lagebild.corpus.dating import DateEvidence
from lagebild.corpus.events import EventClusterer
from lagebild.corpus.features import ArticleFeatures
from lagebild.corpus.storylines import StorylineConfig, build_storylines


def _feats(doc_id: str, day: date, actors: list[str], words: str) -> ArticleFeatures:
    return ArticleFeatures(
        doc_id=doc_id, outlet="x", title="", published=None, terms=Counter(words.split()),
        actors={a: a for a in actors}, places=[], main=DateEvidence(day, day),
    )


def _clusterer(items: list[tuple[str, date, list[str], str, np.ndarray]]) -> EventClusterer:
    clusterer = EventClusterer()
    for doc_id, day, actors, words, vec in items:
        clusterer.assign(_feats(doc_id, day, actors, words), vec / np.linalg.norm(vec))
    return clusterer


def test_storyline_chains_within_gap_and_splits_across_months() -> None:
    rng = np.random.default_rng(1)
    topic = rng.normal(size=32).astype(np.float32)
    other = rng.normal(size=32).astype(np.float32)
    words = "gipfel ukraine truppen sanktionen dialog"
    clusterer = _clusterer([
        ("a" * 16, date(2021, 4, 13), ["putin", "biden"], words, topic),
        ("b" * 16, date(2021, 12, 7), ["putin", "biden"], words, topic),
        ("c" * 16, date(2021, 12, 12), ["putin", "peskow"], words, topic),
        ("d" * 16, date(2021, 12, 30), ["putin", "biden"], words, topic),
        ("e" * 16, date(2021, 12, 8), ["scholz"], "haushalt bundestag", other),
    ])
    assert len(clusterer.events) == 5
    records = {e: {"headline": e} for e in clusterer.events}
    stories = build_storylines(clusterer, records, StorylineConfig(max_gap_days=21))
    assert len(stories) == 1
    (story,) = stories
    assert story["events"] == ["ev-bbbbbbbbbbbb", "ev-cccccccccccc", "ev-dddddddddddd"]
    assert story["start"] == "2021-12-07" and story["end"] == "2021-12-30"
    assert story["actors"][0]["name"] == "putin"
    assert records["ev-bbbbbbbbbbbb"]["storyline"] == story["id"]
    assert "storyline" not in records["ev-aaaaaaaaaaaa"]
