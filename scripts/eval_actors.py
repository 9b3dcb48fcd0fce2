"""Precision/recall of the `actors` stage on the team-written gold sentences.

Usage: .venv/bin/python scripts/eval_actors.py [--gold eval/actors/gold.jsonl] [--errors]

A mention is correct when its span matches the gold span exactly and it names the gold
actor id; "span only" ignores the id (detection), "overlap" accepts any character overlap.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from lagebild.document import Document, PartialDate
from lagebild.stages.actors import ActorStage

ROOT = Path(__file__).resolve().parents[1]


def _gold_spans(item: dict) -> list[tuple[int, int, str, str]]:
    """Gold spans: the first occurrence outside longer gold spans ("Rutte" after "Mark
    Rutte"), or the occurrence given explicitly as the 4th element."""
    text = item["text"]
    mentions = sorted(item["mentions"], key=lambda m: -len(m[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for mention in mentions:
        surface, actor_id, kind = mention[:3]
        nth = int(mention[3]) if len(mention) > 3 else 0
        starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
        if len(mention) > 3:
            pos = starts[nth]  # explicit occurrence index among all occurrences
        else:
            free = [i for i in starts if not any(a <= i < b for a, b in taken)]
            pos = (free or starts)[0]
        taken.append((pos, pos + len(surface)))
        out.append((pos, pos + len(surface), actor_id, kind))
    return sorted(out)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "actors" / "gold.jsonl")
    parser.add_argument("--errors", action="store_true", help="print every mismatch")
    args = parser.parse_args()
    stage = ActorStage()
    stage.setup()
    counts = Counter()
    kind_total, kind_hit = Counter(), Counter()
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        precision = "month" if len(item["date"]) == 7 else "day"
        doc = stage(Document(text=item["text"], published=PartialDate(item["date"], precision)))
        pred = {(a.start, a.end, a.attrs["actor_id"]) for a in doc.layer("actor")}
        gold = _gold_spans(item)
        gold_set = {(s, e, a) for s, e, a, _ in gold}
        counts["pred"] += len(pred)
        counts["gold"] += len(gold_set)
        counts["exact"] += len(pred & gold_set)
        counts["span"] += len({(s, e) for s, e, _ in pred} & {(s, e) for s, e, _ in gold_set})
        counts["overlap"] += sum(
            any(ps < ge and gs < pe and pa == ga for ps, pe, pa in pred)
            for gs, ge, ga in gold_set
        )
        for s, e, a, kind in gold:
            kind_total[kind] += 1
            kind_hit[kind] += (s, e, a) in pred
        if args.errors:
            for s, e, a in sorted(gold_set - pred):
                print(f"{item['id']} MISSED {item['text'][s:e]!r} {a}")
            for s, e, a in sorted(pred - gold_set):
                print(f"{item['id']} EXTRA  {item['text'][s:e]!r} {a}")
    print(f"texts: {len(args.gold.read_text().splitlines())}  gold mentions: {counts['gold']}  "
          f"predicted: {counts['pred']}")
    print("| match | P | R | F1 |\n|---|---|---|---|")
    for name in ("exact", "span", "overlap"):
        p, r, f = _prf(counts[name], counts["pred"], counts["gold"])
        label = {"exact": "exact span + actor id", "span": "exact span only (detection)",
                 "overlap": "overlapping span + actor id"}[name]
        print(f"| {label} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} |")
    print("\n| gold kind | mentions | recall (exact) |\n|---|---|---|")
    for kind in sorted(kind_total):
        print(f"| {kind} | {kind_total[kind]} | {100 * kind_hit[kind] / kind_total[kind]:.1f} |")


if __name__ == "__main__":
    main()
