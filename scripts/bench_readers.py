"""Throughput of `lagebild.readers.read_paths` per format, on generated files.

Generates N synthetic German articles (our own filler text, ~3 KB each) in every format —
one file per article for txt and HTML, one JSONL file, one RSS feed and one gzipped WARC with N
records each — then times reading them (best of --repeat runs, single process).

    .venv/bin/python scripts/bench_readers.py --n 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from pathlib import Path

from lagebild.readers import RawRecord, read_paths

PARAGRAPH = (
    "Die Präsidenten der beiden Länder sprachen am Dienstag rund zwei Stunden miteinander. "
    "Nach Angaben beider Seiten ging es um die Lage an der Grenze, um Rüstungskontrolle und "
    "um weitere Gespräche im neuen Jahr. Ein Sprecher sagte, man bleibe im Dialog. "
)


def _article(i: int) -> str:
    return f"Meldung {i}\n\n" + "\n\n".join(PARAGRAPH * 2 for _ in range(6)) + "\n"


def _html(i: int) -> str:
    body = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(6))
    return (f"<!DOCTYPE html><html lang='de'><head><title>Meldung {i}</title>"
            f"<meta property='article:published_time' content='2021-12-07T21:10:00+01:00'>"
            f"</head><body><article><h1>Meldung {i}</h1>{body}</article></body></html>")


def generate(root: Path, n: int) -> dict[str, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folders = {name: root / name for name in ("txt", "html", "jsonl", "rss", "warc")}
    for folder in folders.values():
        folder.mkdir()
    for i in range(n):
        (folders["txt"] / f"{i:06d}.txt").write_text(_article(i), encoding="utf-8")
        (folders["html"] / f"{i:06d}.html").write_text(_html(i), encoding="utf-8")
    with (folders["jsonl"] / "all.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"title": f"Meldung {i}", "date": "07.12.2021 21:10",
                                 "text": _article(i)}, ensure_ascii=False) + "\n")
    items = "".join(
        f"<item><title>Meldung {i}</title><link>https://x.example/{i}</link>"
        f"<pubDate>Di, 07 Dez 2021 21:10:00 +0100</pubDate>"
        f"<content:encoded><![CDATA[{_html(i)}]]></content:encoded></item>" for i in range(n))
    (folders["rss"] / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>'
        f"{items}</channel></rss>", encoding="utf-8")
    with (folders["warc"] / "crawl.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://x.example/{i}", "response",
                payload=io.BytesIO(_html(i).encode()), http_headers=headers))
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = generate(Path(tmp), args.n)
        print(f"{args.n} articles per format, best of {args.repeat}\n")
        print("| format | files | records | MB | seconds | records/s | MB/s |")
        print("|---|---|---|---|---|---|---|")
        for name, folder in folders.items():
            files = sorted(p for p in folder.iterdir())
            size = sum(p.stat().st_size for p in files) / 1e6
            best = float("inf")
            count = 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                count = sum(isinstance(r, RawRecord) for r in read_paths([folder]))
                best = min(best, time.perf_counter() - start)
            assert count == args.n, (name, count)
            print(f"| {name} | {len(files)} | {count} | {size:.1f} | {best:.2f} "
                  f"| {count / best:,.0f} | {size / best:.1f} |")


if __name__ == "__main__":
    main()
