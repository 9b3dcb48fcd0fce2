"""Throughput of the `time` stage in sentences per second on one core.

Builds Documents from the WikiWarsDE texts and the hand-written news gold (both read from
disk before timing), then times `TemporalStage` over all documents for several rounds and
reports the best round, as process CPU time (robust on a shared machine) and wall clock.
Sentences are counted with the tagger's own splitter. No network, no model.

Usage: .venv/bin/python scripts/bench_time.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

from lagebild.document import Document, PartialDate
from lagebild.stages.temporal import TemporalStage
from lagebild.time.tagger import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_time import DEFAULT_NEWS, DEFAULT_WIKIWARS, load_news, load_wikiwars  # noqa: E402


def build_docs() -> tuple[list[Document], list[Document]]:
    """(WikiWarsDE documents, news paragraphs)."""
    wiki, docs = [], []
    if (DEFAULT_WIKIWARS / "keyinline").is_dir():
        for gold in load_wikiwars(DEFAULT_WIKIWARS):
            wiki.append(Document(text=gold.text, published=PartialDate(gold.anchor[:10], "day")))
    for path in DEFAULT_NEWS:
        if path.is_file():
            for gold in load_news(path):
                precision = "month" if len(gold.anchor) == 7 else "day"
                docs.append(Document(text=gold.text,
                                     published=PartialDate(gold.anchor[:10], precision)))
    return wiki, docs


def measure(name: str, docs: list[Document], rounds: int, repeat: int) -> None:
    """Best of `rounds` timings of `repeat` passes of the stage over `docs`."""
    sentences = sum(len(split_sentences(d.text)) for d in docs) * repeat
    chars = sum(len(d.text) for d in docs) * repeat
    stage = TemporalStage()
    stage.setup()
    best_wall = best_cpu = float("inf")
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            for doc in docs:
                stage(doc)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    print(f"{name}: {len(docs)} docs x {repeat}, {sentences} sentences, {chars} chars; "
          f"best of {rounds}: {sentences / best_cpu:,.0f} sentences/s CPU time "
          f"({chars / best_cpu / 1e6:.2f} M chars/s), {sentences / best_wall:,.0f} sentences/s "
          f"wall clock")

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    wiki, news = build_docs()
    if not wiki and not news:
        print("no input texts found", file=sys.stderr)
        return 1
    if wiki:
        measure("WikiWarsDE (long encyclopaedic paragraphs)", wiki, args.rounds, 1)
    if news:
        measure("news gold paragraphs", news, args.rounds, 30)
    print(f"one core (sched_setaffinity), python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs on a shared machine")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
