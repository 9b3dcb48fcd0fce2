"""Throughput of the `actors` stage on raw German news (no NLP layers: worst case for text).

Usage: .venv/bin/python scripts/bench_actors.py [--corpus PATH.jsonl] [--limit N]

Default corpus: ../shared/data/wikinews_de_dated/wikinews_de_articles.jsonl (read locally,
never copied). Prints articles/s, characters/s and the mention mix by `via` and label.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from lagebild.document import Document, PartialDate
from lagebild.stages.actors import ActorStage

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "wikinews_de_dated" / "wikinews_de_articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    docs = []
    for line in args.corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        date = row.get("date")
        docs.append(Document(text=row["text"], published=PartialDate(date, "day") if date
                             else None))
        if args.limit and len(docs) >= args.limit:
            break
    t0 = time.perf_counter()
    stage = ActorStage()
    stage.setup()
    t_setup = time.perf_counter() - t0
    via, labels = Counter(), Counter()
    t0 = time.perf_counter()
    for doc in docs:
        for ann in stage(doc).layer("actor"):
            via[ann.attrs["via"]] += 1
            labels[ann.label] += 1
    elapsed = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    print(f"setup (load registry + gazetteer): {t_setup * 1000:.0f} ms")
    print(f"articles: {len(docs)}  characters: {chars}  time: {elapsed:.2f} s")
    print(f"throughput: {len(docs) / elapsed:.1f} articles/s, "
          f"{chars / elapsed / 1000:.0f} k chars/s")
    print(f"mentions: {sum(via.values())}  by via: {dict(via.most_common())}")
    print(f"by label: {dict(labels.most_common())}")


if __name__ == "__main__":
    main()
