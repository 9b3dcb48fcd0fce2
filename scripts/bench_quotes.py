"""Throughput of the quotes stage (rules only, no nlp stage), measured outside the test suite.

Usage: .venv/bin/python scripts/bench_quotes.py [--repeat 3]
Runs the stage over the Wikinews quotation corpus texts (dev split) if present, else over the
seed articles, and prints documents/s and characters/s (best of --repeat runs).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from lagebild.document import Document
from lagebild.stages.quotes import QuoteStage

ROOT = Path(__file__).resolve().parents[1] / ".." / "shared"


def load_texts() -> tuple[str, list[str]]:
    dev = sorted((ROOT / "data" / "wikinews_quotes" / "dev").glob("*.json"))
    if dev:
        return "wikinews_quotes/dev", [json.loads(p.read_text())["originalText"] for p in dev]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return "seeds", [p.read_text(encoding="utf-8") for p in seeds]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    name, texts = load_texts()
    stage = QuoteStage()
    stage.setup()
    best = float("inf")
    for _ in range(args.repeat):
        docs = [Document(text=t) for t in texts]
        t0 = time.perf_counter()
        for d in docs:
            stage(d)
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(t) for t in texts)
    print(f"corpus={name} docs={len(texts)} chars={chars} best_of={args.repeat}")
    print(f"seconds={best:.3f} docs_per_s={len(texts) / best:.1f} chars_per_s={chars / best:,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
