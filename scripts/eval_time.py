"""Evaluate the German temporal tagger on WikiWarsDE and on Lagebild's own news-sentence gold.

WikiWarsDE (../shared/data/wikiwars_de, TIMEX2 inline keys): strict (exact span) and lenient
(overlapping span) extraction P/R/F1 plus value accuracy over lenient matches, for
`lagebild.time.tag_text` (mode "narrative", anchored on each document's DATETIME) and, in the
same run, for `dateparser.search.search_dates` (lazy import; the `[eval]` extra). HeidelTime's
published figures are printed as the reference. The news gold (eval/time/news_gold.jsonl) is
and the held-out set (eval/time/news_heldout.jsonl, written after the tagger and first scored
unseen) are scored the same way in mode "news".

Usage: .venv/bin/python scripts/eval_time.py [--wikiwars DIR] [--news FILE ...] [--no-dateparser]
       [--errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from lagebild.time import tag_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WIKIWARS = ROOT.parent / "shared" / "data" / "wikiwars_de"
DEFAULT_NEWS = [ROOT / "eval" / "time" / "news_gold.jsonl",
                ROOT / "eval" / "time" / "news_heldout.jsonl"]
HEIDELTIME = {"strict_f1": 87.7, "lenient_f1": 93.3, "value_acc": 88.5}
_TAG_RE = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Span:
    start: int
    end: int
    value: str
    text: str = ""


@dataclass
class GoldDoc:
    name: str
    text: str
    anchor: str
    spans: list[Span]
    mode: str


def load_wikiwars(directory: Path) -> list[GoldDoc]:
    """Documents from keyinline/*.xml: TEXT body with tags stripped, gold spans, DATETIME."""
    docs = []
    for path in sorted((directory / "keyinline").glob("*.xml")):
        raw = path.read_text(encoding="utf-8")
        anchor = re.search(r'<DATETIME>\s*<TIMEX2 val="([^"]+)"', raw)
        body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
        text_parts: list[str] = []
        spans: list[Span] = []
        stack: list[tuple[int, dict[str, str]]] = []
        pos = length = 0
        for match in _TAG_RE.finditer(body):
            chunk = body[pos:match.start()]
            text_parts.append(chunk)
            length += len(chunk)
            pos = match.end()
            if match.group(0).startswith("</"):
                start, attrs = stack.pop()
                spans.append(Span(start, length, attrs.get("val", "")))
            else:
                stack.append((length, dict(_ATTR_RE.findall(match.group(1)))))
        text_parts.append(body[pos:])
        text = "".join(text_parts)
        for span in spans:
            span.text = text[span.start:span.end]
        docs.append(GoldDoc(path.name.split(".")[0], text, anchor.group(1) if anchor else "",
                            sorted(spans, key=lambda s: (s.start, s.end)), "narrative"))
    return docs


def load_news(path: Path) -> list[GoldDoc]:
    """eval/time/news_gold.jsonl: {id, published, text, timexes: [{text, value, occurrence?}]}."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        spans = []
        search_from = 0
        for item in rec["timexes"]:
            start = rec["text"].index(item["text"], search_from)
            spans.append(Span(start, start + len(item["text"]), item["value"], item["text"]))
            search_from = start + len(item["text"])
        docs.append(GoldDoc(rec["id"], rec["text"], rec["published"], spans, "news"))
    return docs


def score(docs: list[GoldDoc], predict) -> tuple[dict[str, float], list[tuple[str, str]]]:
    """Strict/lenient P/R/F1 and value accuracy over lenient matches; plus an error list."""
    n_pred = n_gold = strict = lenient = value_ok = value_n = 0
    errors: list[tuple[str, str]] = []
    for doc in docs:
        pred = predict(doc)
        n_pred += len(pred)
        n_gold += len(doc.spans)
        used: set[int] = set()
        for p in pred:
            match = next((i for i, g in enumerate(doc.spans) if i not in used
                          and p.start < g.end and g.start < p.end), None)
            if match is None:
                errors.append(("FP", f"{doc.name}: {p.text!r} -> {p.value}"))
                continue
            used.add(match)
            g = doc.spans[match]
            lenient += 1
            strict += (p.start, p.end) == (g.start, g.end)
            if (p.start, p.end) != (g.start, g.end):
                errors.append(("SPAN", f"{doc.name}: pred {p.text!r} gold {g.text!r}"))
            if g.value:
                value_n += 1
                if p.value == g.value:
                    value_ok += 1
                else:
                    errors.append(("VAL", f"{doc.name}: {g.text!r} gold {g.value} pred {p.value}"))
        for i, g in enumerate(doc.spans):
            if i not in used:
                errors.append(("FN", f"{doc.name}: {g.text!r} ({g.value})"))

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(strict)
    lp, lr, lf = prf(lenient)
    result = {"gold": n_gold, "pred": n_pred, "strict_p": sp, "strict_r": sr, "strict_f1": sf,
              "lenient_p": lp, "lenient_r": lr, "lenient_f1": lf,
              "value_acc": value_ok / value_n if value_n else 0.0}
    return result, errors


def predict_lagebild(doc: GoldDoc) -> list[Span]:
    return [Span(t.start, t.end, t.value, t.text)
            for t in tag_text(doc.text, doc.anchor or None, mode=doc.mode)]


def make_dateparser_predictor():
    """search_dates per paragraph (it returns strings, not offsets; we locate them in order)."""
    from datetime import datetime

    from dateparser.search import search_dates

    def predict(doc: GoldDoc) -> list[Span]:
        anchor = doc.anchor + "-15" if len(doc.anchor) == 7 else doc.anchor  # month-only: mid
        base = datetime.fromisoformat(anchor[:19]) if anchor else datetime(2000, 1, 1)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        out: list[Span] = []
        pos = 0
        for para in doc.text.split("\n"):
            if para.strip():
                found = search_dates(para, languages=["de"], settings=settings) or []
                cursor = 0
                for surface, when in found:
                    at = para.find(surface, cursor)
                    if at < 0:
                        continue
                    cursor = at + len(surface)
                    out.append(Span(pos + at, pos + cursor, when.date().isoformat(), surface))
            pos += len(para) + 1
        return out

    return predict


def lenient_value(spans: list[Span], doc: GoldDoc) -> list[Span]:
    """dateparser always answers a full day; credit it when the day lies in the gold value."""
    for span in spans:
        for g in doc.spans:
            if span.start < g.end and g.start < span.end and g.value and \
                    span.value.startswith(g.value):
                span.value = g.value
    return spans


def table(name: str, rows: list[tuple[str, dict[str, float]]]) -> str:
    lines = [f"### {name}", "",
             "| system | gold | pred | strict P | strict R | strict F1 | lenient P | lenient R "
             "| lenient F1 | value acc. |", "|---|---|---|---|---|---|---|---|---|---|"]
    for system, r in rows:
        if "gold" not in r:
            lines.append(f"| {system} | | | | | {r['strict_f1']:.1f} | | | {r['lenient_f1']:.1f} "
                         f"| {r['value_acc']:.1f} |")
            continue
        lines.append(
            f"| {system} | {r['gold']} | {r['pred']} | {100 * r['strict_p']:.1f} "
            f"| {100 * r['strict_r']:.1f} | {100 * r['strict_f1']:.1f} "
            f"| {100 * r['lenient_p']:.1f} | {100 * r['lenient_r']:.1f} "
            f"| {100 * r['lenient_f1']:.1f} | {100 * r['value_acc']:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wikiwars", type=Path, default=DEFAULT_WIKIWARS)
    parser.add_argument("--news", type=Path, nargs="*", default=DEFAULT_NEWS)
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print N errors per corpus")
    args = parser.parse_args(argv)
    dateparser_predict = None if args.no_dateparser else make_dateparser_predictor()
    corpora = []
    if (args.wikiwars / "keyinline").is_dir():
        corpora.append(("WikiWarsDE (odd-numbered 11 docs)", load_wikiwars(args.wikiwars)))
    else:
        print(f"WikiWarsDE not found under {args.wikiwars}; skipped", file=sys.stderr)
    for news in args.news:
        if news.is_file():
            corpora.append((f"Lagebild news sentences: {news.name}", load_news(news)))
    for name, docs in corpora:
        ours, errors = score(docs, predict_lagebild)
        rows = [("lagebild.time", ours)]
        if dateparser_predict is not None:
            dp, _ = score(docs, lambda d: lenient_value(dateparser_predict(d), d))
            rows.append(("dateparser.search_dates", dp))
        if name.startswith("WikiWars"):
            rows.append(("HeidelTime (published, all 22 docs)",
                         {k: v for k, v in HEIDELTIME.items()}))
        print(table(name, rows))
        print()
        for kind, message in errors[: args.errors]:
            print(kind, message)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
