"""Throughput of `Cleaner` (observe + to_document) on plain text and on HTML.

Inputs: the hand-labelled sample in eval/cleaning/ (plain text, residue-heavy), German
Wikinews from ../shared/data if present (plain text, clean prose), and HTML pages built from
the sample (one <p> per line inside <article>, plus a nav and a comment section) for the
trafilatura path. Reports documents/s and MB/s of input text, best of --repeat runs.
Single process; run it alone on the machine.

Usage: .venv/bin/python scripts/bench_cleaning.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import html
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lagebild.cleaning import Cleaner
from lagebild.errors import EmptyDocumentError
from lagebild.readers.base import RawRecord

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from eval_cleaning import read_sample  # noqa: E402


def _sample_records() -> list[RawRecord]:
    docs = [d for split in ("dev", "test", "holdout", "blind", "final")
            for d in read_sample(ROOT / "eval" / "cleaning" / f"{split}.tsv")]
    return [RawRecord(source=f"{d.group}/{d.doc_id}.txt", format="txt", text=d.text)
            for d in docs]


def _wikinews_records(path: Path) -> list[RawRecord]:
    with path.open(encoding="utf-8") as handle:
        items = [json.loads(row) for row in handle]
    return [RawRecord(source=f"wikinews/{i['wikinews_id']}.txt", format="jsonl", text=i["text"])
            for i in items]


def _html_records(records: list[RawRecord]) -> list[RawRecord]:
    out = []
    for rec in records:
        paras = "".join(f"<p>{html.escape(line)}</p>" for line in (rec.text or "").splitlines())
        page = ("<html><head><title>Artikel</title></head><body><nav><a href='/'>Startseite</a>"
                f"</nav><article>{paras}</article><div class='comments'><p>Leser schreibt: "
                "Das sehe ich ganz anders als der Autor.</p></div></body></html>")
        out.append(RawRecord(source=rec.source.replace(".txt", ".html"), format="html",
                             html=page))
    return out


def _run(records: list[RawRecord]) -> None:
    cleaner = Cleaner()
    cleaner.observe(records)
    for rec in records:
        try:
            cleaner.to_document(rec)
        except EmptyDocumentError:
            pass


def _best(fn: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    Cleaner().to_document(RawRecord(source="warmup", format="txt", text=(
        "Der Kreml hat das Telefonat am Abend bestätigt und von einem guten Gespräch "
        "gesprochen.")))  # loads py3langid's model once, outside the timing
    sets: list[tuple[str, list[RawRecord]]] = []
    sample = _sample_records()
    sets.append(("own sample, plain text (x10)", sample * 10))
    wikinews = ROOT.parent / "shared" / "data" / "wikinews_de_dated" / "wikinews_de_articles.jsonl"
    if wikinews.is_file():
        sets.append(("German Wikinews, plain text", _wikinews_records(wikinews)))
    sets.append(("own sample as HTML (trafilatura)", _html_records(sample)))
    print(f"Python {platform.python_version()}, {platform.machine()}, best of {args.repeat}\n")
    print("| input | documents | MB | seconds | docs/s | MB/s |")
    print("|---|---|---|---|---|---|")
    for name, records in sets:
        size = sum(len((r.text or r.html or "").encode("utf-8")) for r in records) / 1e6
        secs = _best(lambda records=records: _run(records), args.repeat)
        print(f"| {name} | {len(records)} | {size:.2f} | {secs:.2f} | "
              f"{len(records) / secs:.0f} | {size / secs:.2f} |")


if __name__ == "__main__":
    main()
