"""Line-level evaluation of plain-text cleaning: Lagebild's classifier vs jusText (German).

Reads the hand-labelled batches in eval/cleaning/ (`SPLITS`; format in its README) and, if
../shared/seeds exists, the seed labels (eval/cleaning/seeds_labels.tsv: line numbers only).
For each line it compares the gold label (B body, X boilerplate, M meta) with

- Lagebild: `Cleaner.observe` over each file's documents, then `Cleaner.to_document`; a line
  is predicted X/M if removed spans cover all of it (the majority reason wins), else B.
  Three variants: the shipped system (rules + line model), the rules alone, and - first
  table - leave-one-batch-out cross-validation, where each batch is scored by a line model
  trained (scripts/train_cleaning_model.py) on the other batches only;
- jusText 3.x with its German stop-list and default parameters, fed one <p> per line;
  it predicts only keep/remove.

Tables (markdown on stdout):
1. boilerplate lines (positive = X) over body and boilerplate lines (meta lines left out,
   because jusText has no meta class);
2. removed-from-body (positive = X or M) over all lines;
3. body lines lost (gold B predicted removed) - the number that must stay at 0.

Last, body retention on real third-party news prose that has no residue (German Wikinews from
../shared/data, if present): sentence paragraphs each system drops.

Usage: .venv/bin/python scripts/eval_cleaning.py [--errors] [--no-cv] [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.cleaning import Cleaner
from lagebild.errors import EmptyDocumentError
from lagebild.readers.base import RawRecord

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "eval" / "cleaning"
# labelled batches in the order they were written (each a separate round of outlet styles)
SPLITS = ("dev", "test", "holdout", "blind", "final", "round6", "round7", "round8",
          "round9", "round10", "round11", "round12", "round13",
          "round14", "round15")


@dataclass
class GoldDoc:
    doc_id: str
    group: str
    labels: list[str]  # one per line; "" for unlabelled (blank) lines
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_sample(path: Path) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("### "):
            fields = dict(f.split("=", 1) for f in raw[4:].split())
            docs.append(GoldDoc(fields["doc"], fields.get("group", "default"), [], []))
        elif raw.strip():
            label, _, text = raw.partition("\t")
            docs[-1].labels.append(label.strip())
            docs[-1].lines.append(text)
    return docs


def read_seeds(seed_dir: Path) -> list[GoldDoc]:
    table: dict[str, dict[int, str]] = {}
    for row in (SAMPLE_DIR / "seeds_labels.tsv").read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        name, number, label = row.split("\t")
        table.setdefault(name, {})[int(number)] = label
    docs = []
    for name, labels in sorted(table.items()):
        lines = (seed_dir / name).read_text(encoding="utf-8").split("\n")
        docs.append(GoldDoc(name, "seeds", [labels.get(i + 1, "") for i in range(len(lines))],
                            lines))
    return docs


def _line_spans(doc: GoldDoc) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in doc.lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def predict_lagebild(docs: list[GoldDoc],
                     classifier: dict[str, Any] | None = None) -> list[list[str]]:
    records = [RawRecord(source=f"{d.group}/{d.doc_id}.txt", format="txt", text=d.text)
               for d in docs]
    cleaner = Cleaner(classifier=classifier)
    cleaner.observe(records)
    out = []
    for doc, record in zip(docs, records, strict=True):
        try:
            removed = cleaner.to_document(record).removed
        except EmptyDocumentError:
            out.append(["X"] * len(doc.lines))
            continue
        preds = []
        for (start, end), line in zip(_line_spans(doc), doc.lines, strict=True):
            cover: Counter[str] = Counter()
            covered = [ch.isspace() for ch in line]
            for span in removed:
                lo, hi = max(start, span.start), min(end, span.end)
                if hi > lo:
                    cover["X" if span.reason.startswith("boilerplate") else "M"] += hi - lo
                    covered[lo - start:hi - start] = [True] * (hi - lo)
            preds.append(cover.most_common(1)[0][0] if cover and all(covered) else "B")
        out.append(preds)
    return out


def predict_justext(docs: list[GoldDoc]) -> list[list[str]]:
    import justext

    stoplist = justext.get_stoplist("German")
    out = []
    for doc in docs:
        idx = [i for i, t in enumerate(doc.lines) if t.strip()]
        page = "<html><body>" + "".join(
            f"<p>{html.escape(doc.lines[i].strip())}</p>" for i in idx) + "</body></html>"
        paragraphs = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        if len(paragraphs) != len(idx):
            raise RuntimeError(f"{doc.doc_id}: jusText returned {len(paragraphs)} paragraphs "
                               f"for {len(idx)} lines")
        preds = ["B"] * len(doc.lines)
        for i, para in zip(idx, paragraphs, strict=True):
            preds[i] = "X" if para.is_boilerplate else "B"
        out.append(preds)
    return out


def prf(gold: list[str], pred: list[str], positive: set[str]) -> tuple[float, float, float]:
    tp = sum(g in positive and p in positive for g, p in zip(gold, pred, strict=True))
    fp = sum(g not in positive and p in positive for g, p in zip(gold, pred, strict=True))
    fn = sum(g in positive and p not in positive for g, p in zip(gold, pred, strict=True))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def _flat(docs: list[GoldDoc], preds: list[list[str]]) -> list[str]:
    return [p for d, ps in zip(docs, preds, strict=True)
            for lab, p in zip(d.labels, ps, strict=True) if lab]


def metrics(gold: list[str], flat: list[str]) -> tuple[float, ...]:
    """boilerplate P/R/F1 (meta lines left out, any removal counts as boilerplate),
    removed-from-body P/R/F1, body lines lost."""
    no_meta = [i for i, g in enumerate(gold) if g != "M"]
    g1 = [gold[i] for i in no_meta]
    p1 = ["X" if flat[i] != "B" else "B" for i in no_meta]
    bp = prf(g1, p1, {"X"})
    rp = prf(gold, flat, {"X", "M"})
    lost = sum(g == "B" and p != "B" for g, p in zip(gold, flat, strict=True))
    return (*bp, *rp, lost)


def table_row(label: str, values: tuple[float, ...]) -> str:
    *scores, lost = values
    return f"| {label} | " + " | ".join(f"{v:.3f}" for v in scores) + f" | {int(lost)} |"


HEADER = ["| system | boilerplate P | R | F1 | removed-from-body P | R | F1 | body lines lost |",
          "|---|---|---|---|---|---|---|---|"]


def score(name: str, docs: list[GoldDoc], show_errors: bool,
          systems: dict[str, list[list[str]]] | None = None) -> str:
    """Table for one set of documents: Lagebild (shipped), rules only, jusText."""
    if systems is None:
        systems = {"Lagebild (rules + model)": predict_lagebild(docs),
                   "Lagebild rules only": predict_lagebild(docs, {"use_model": False})}
    systems = {**systems, "jusText (German)": predict_justext(docs)}
    gold = [lab for d in docs for lab in d.labels if lab]
    counts = Counter(gold)
    rows = [f"### {name}: {len(docs)} documents, {len(gold)} lines "
            f"({counts['B']} body, {counts['X']} boilerplate, {counts['M']} meta)", "", *HEADER]
    for label, preds in systems.items():
        rows.append(table_row(label, metrics(gold, _flat(docs, preds))))
    first = next(iter(systems.values()))
    flat = _flat(docs, first)
    acc = sum(g == p for g, p in zip(gold, flat, strict=True)) / len(gold)
    rows += ["", f"{next(iter(systems))} 3-way accuracy (body/boilerplate/meta): {acc:.3f}", ""]
    if show_errors:
        for doc, preds in zip(docs, first, strict=True):
            for lab, pred, text in zip(doc.labels, preds, doc.lines, strict=True):
                if lab and lab != pred:
                    print(f"  {doc.doc_id}: gold {lab} pred {pred}: {text[:90]!r}",
                          file=sys.stderr)
    return "\n".join(rows)


def score_cross_validated(batches: dict[str, list[GoldDoc]], show_errors: bool) -> str:
    """Leave-one-batch-out: each batch is scored by a model trained on the other batches only.

    The rules were developed on all batches, so only the model part is held out here; the
    "rules, first run" figures in docs/ACCURACY.md (cleaning section) are the held-out view of
    the rules.
    """
    from train_cleaning_model import train

    rows = ["### leave-one-batch-out (model never saw the batch it scores)", "", *HEADER]
    gold_all: list[str] = []
    cv_all: list[str] = []
    rules_all: list[str] = []
    jt_all: list[str] = []
    for name, docs in batches.items():
        others = [d for other, ds in batches.items() if other != name for d in ds]
        model = train(others)
        cv = predict_lagebild(docs, {"model": model})
        gold = [lab for d in docs for lab in d.labels if lab]
        rows.append(table_row(f"{name}: rules + model (CV)", metrics(gold, _flat(docs, cv))))
        gold_all += gold
        cv_all += _flat(docs, cv)
        rules_all += _flat(docs, predict_lagebild(docs, {"use_model": False}))
        jt_all += _flat(docs, predict_justext(docs))
        if show_errors:
            for doc, preds in zip(docs, cv, strict=True):
                for lab, pred, text in zip(doc.labels, preds, doc.lines, strict=True):
                    if lab and lab != pred:
                        print(f"  CV {doc.doc_id}: gold {lab} pred {pred}: {text[:90]!r}",
                              file=sys.stderr)
    rows.append(table_row("**all batches: rules + model (CV)**", metrics(gold_all, cv_all)))
    rows.append(table_row("all batches: rules only", metrics(gold_all, rules_all)))
    rows.append(table_row("all batches: jusText (German)", metrics(gold_all, jt_all)))
    return "\n".join(rows)


_PROSE_RE = re.compile(r"[.!?][\"'“”»«)]*$")


def score_real_prose(path: Path, limit: int | None) -> str:
    """Body retention on third-party news text without residue (German Wikinews).

    Every paragraph that is a sentence of 8+ words is body; count how many each system drops.
    The texts are read from ../shared/data at run time, never copied.
    """
    import justext

    records = []
    with path.open(encoding="utf-8") as handle:
        for i, row in enumerate(handle):
            if limit is not None and i >= limit:
                break
            item = json.loads(row)
            records.append(RawRecord(source=f"wikinews/{item['wikinews_id']}.txt",
                                     format="jsonl", text=item["text"]))
    cleaner = Cleaner()
    cleaner.observe(records)
    stoplist = justext.get_stoplist("German")
    total = ours_lost = jt_lost = 0
    for record in records:
        text = record.text or ""
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        prose = {p for p in paragraphs if len(p.split()) >= 8 and _PROSE_RE.search(p)}
        total += len(prose)
        try:
            doc = cleaner.to_document(record)
            kept = doc.text
        except EmptyDocumentError:
            kept = ""
        ours_lost += sum(1 for p in prose if " ".join(p.split()) not in " ".join(kept.split()))
        page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        page += "</body></html>"
        jt_kept = {para.text.strip() for para in justext.justext(
            page.encode("utf-8"), stoplist, encoding="utf-8") if not para.is_boilerplate}
        jt_kept_text = " ".join(" ".join(jt_kept).split())
        jt_lost += sum(1 for p in prose if " ".join(p.split()) not in jt_kept_text)
    return "\n".join([
        f"### real prose without residue: German Wikinews, {len(records)} articles, "
        f"{total} sentence paragraphs (8+ words)", "",
        "| system | prose paragraphs lost | share lost |", "|---|---|---|",
        f"| Lagebild | {ours_lost} | {ours_lost / max(total, 1):.4f} |",
        f"| jusText (German) | {jt_lost} | {jt_lost / max(total, 1):.4f} |",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list misclassified lines")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--wikinews", type=Path, default=ROOT.parent / "shared" / "data"
                        / "wikinews_de_dated" / "wikinews_de_articles.jsonl")
    parser.add_argument("--no-cv", action="store_true",
                        help="skip the leave-one-batch-out cross-validation")
    parser.add_argument("--wikinews-limit", type=int, default=None,
                        help="score only the first N Wikinews articles")
    args = parser.parse_args()
    sections = []
    batches = {split: read_sample(SAMPLE_DIR / f"{split}.tsv") for split in SPLITS
               if (SAMPLE_DIR / f"{split}.tsv").exists()}
    all_docs = [d for docs in batches.values() for d in docs]
    if not args.no_cv:
        sections.append(score_cross_validated(batches, args.errors))
    for split, docs in batches.items():
        sections.append(score(f"own sample, {split} (shipped model: fit, not held out)", docs,
                              args.errors and args.no_cv))
    if all_docs:
        sections.append(score("own sample, all (fit)", all_docs, False))
    if args.seeds.is_dir():
        sections.append(score("shared seeds", read_seeds(args.seeds), args.errors))
    else:
        sections.append(f"(seeds not found at {args.seeds}; skipped)")
    if args.wikinews.is_file():
        sections.append(score_real_prose(args.wikinews, args.wikinews_limit))
    else:
        sections.append(f"(Wikinews not found at {args.wikinews}; skipped)")
    print("\n\n".join(sections))


if __name__ == "__main__":
    main()
