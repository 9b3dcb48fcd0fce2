"""Measure the NLP pipeline's throughput in tokens per second, on one process and on two.

Why a script and not a test: timings depend on the machine and its load, so they are measured
on demand and recorded in docs/BENCHMARKS.md (nlp section), never asserted.

Text: German Wikinews articles from ../shared/data/wikinews_de_dated (licensed for local
throughput runs only; nothing is copied). BLAS/OpenMP threads are pinned to 1 so "one process"
means one core. Each setting is run after one warm-up batch; the best of ``--repeat`` runs is
reported, which is the least disturbed by other jobs on a shared machine. Besides wall-clock
rates it reports tokens per CPU-second (this process plus spaCy's worker processes), the fair
per-core figure when other jobs compete for the cores.

Usage::

    .venv/bin/python scripts/bench_nlp.py [--model PATH] [--mode fast|accurate] [--docs 300]
        [--repeat 2]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.nlp import load_nlp  # noqa: E402

DEFAULT_TEXTS = ROOT.parent / "shared" / "data" / "wikinews_de_dated" / "wikinews_de_articles.jsonl"


def load_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def _cpu() -> float:
    """CPU seconds of this process plus its finished children (spaCy's worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(nlp, texts: list[str], n_process: int, batch_size: int) -> tuple[int, float, float]:
    """Tokens processed, wall-clock seconds and CPU seconds for one pass over ``texts``."""
    t0, c0 = time.perf_counter(), _cpu()
    n_tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        n_tokens += len(doc)
    return n_tokens, time.perf_counter() - t0, _cpu() - c0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--mode", default=None, help="NLP mode: standard (default), fast, accurate")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--processes", default="1,2")
    ap.add_argument(
        "--no-lexicon-lemmas",
        action="store_true",
        help="without the dictionary lemma pass (lagebild.lexicon_lemmas), for a side-by-side run",
    )
    args = ap.parse_args(argv)

    nlp = load_nlp(args.model, mode=args.mode, lexicon_lemmas=not args.no_lexicon_lemmas)
    texts = load_texts(args.texts, args.docs)
    run(nlp, texts[:20], 1, args.batch_size)  # warm-up
    print(f"model: {args.model or 'de_lagebild'}; mode: {args.mode or 'standard'}")
    print(f"pipeline: {nlp.pipe_names}")
    print(f"texts: {len(texts)} documents, {sum(len(t) for t in texts):,} characters\n")
    load = os.getloadavg()[0]
    print(f"load average before timing: {load:.1f} on {os.cpu_count()} CPUs\n")
    print("| processes | tokens | wall s | tokens/s (wall) | CPU s | tokens per CPU-second |")
    print("|---|---|---|---|---|---|")
    for n in (int(x) for x in args.processes.split(",")):
        best = None
        for _ in range(args.repeat):
            result = run(nlp, texts, n, args.batch_size)
            if best is None or result[1] < best[1]:
                best = result
        assert best is not None
        tokens, secs, cpu = best
        print(
            f"| {n} | {tokens:,} | {secs:.1f} | {tokens / secs:,.0f} | {cpu:.1f} "
            f"| {tokens / cpu:,.0f} |"
        )


if __name__ == "__main__":
    main()
