"""Evaluate the quotes stage on the German Wikinews quotation-attribution corpus.

Usage:
    .venv/bin/python scripts/eval_quotes.py --split dev            # report
    .venv/bin/python scripts/eval_quotes.py --split train --dump /tmp/errs.txt   # error analysis
    .venv/bin/python scripts/eval_quotes.py --split dev --nlp      # with the nlp stage (if model)

The corpus lives outside the repo (../shared/data/wikinews_quotes, CC BY-NC-SA, evaluation use
only). Scores follow the corpus conventions (see `lagebild.quotes.scoring`): macro token-level
P/R/F1 for quotes, roles (addressee, cue, frame, speaker) and joint; plus exact-span and micro
token-overlap figures for quote, cue and speaker.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from lagebild.document import Document, PartialDate
from lagebild.quotes.scoring import Group, Scores
from lagebild.stages.quotes import QuoteStage

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "wikinews_quotes"
_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")


def gold_groups(data: dict[str, Any]) -> list[Group]:
    out = []
    for a in data["annotations"]:
        parts = {r: (a.get(r) or {}).get("tokenIds", []) for r in
                 ("quote", "addressee", "cue", "frame", "speaker")}
        out.append(Group.make(a.get("type"), a.get("medium"), **parts))
    return out


def _tokens_in(tokens: list[dict[str, Any]], spans: list[list[int]]) -> list[int]:
    ids = []
    for t in tokens:
        mid = (t["charBegin"] + t["charEnd"]) / 2
        if any(a <= mid < b for a, b in spans):
            ids.append(t["id"])
    return ids


def system_groups(doc: Document, tokens: list[dict[str, Any]]) -> list[Group]:
    out = []
    for q in doc.layer("quote"):
        at = q.attrs
        speaker = at.get("speaker")
        addressee = at.get("addressee")
        parts = {
            "quote": _tokens_in(tokens, at.get("parts") or [[q.start, q.end]]),
            "cue": _tokens_in(tokens, at.get("cue_parts") or []),
            "frame": _tokens_in(tokens, at.get("frame") or []),
            "speaker": _tokens_in(tokens, [[speaker["start"], speaker["end"]]]) if speaker else [],
            "addressee": _tokens_in(tokens, [[addressee["start"], addressee["end"]]])
            if addressee else [],
        }
        medium = "Speech"
        out.append(Group.make(at.get("form"), medium, **parts))
    return out


def load_stages(use_nlp: bool) -> list[Any]:
    stages: list[Any] = []
    if use_nlp:
        from lagebild.registry import create_stage

        stages.append(create_stage("nlp"))
    try:
        from lagebild.registry import create_stage

        stages.append(create_stage("actors"))
    except Exception:  # noqa: BLE001 - the actors stage may not exist yet
        pass
    stages.append(QuoteStage())
    for s in stages:
        s.setup()
    return stages


def dump_errors(out: Any, doc: Document, data: dict[str, Any], sys_g: list[Group],
                gold: list[Group]) -> None:
    tokens = data["tokens"]

    def show(g: Group) -> str:
        def txt(part: str) -> str:
            return " ".join(tokens[i]["text"] for i in sorted(g.parts[part]))
        return (f"  [{g.form}] Q={txt('quote')!r}\n     C={txt('cue')!r} S={txt('speaker')!r} "
                f"F={txt('frame')!r}")

    out.write(f"### {data['documentName']}\nGOLD\n")
    for g in gold:
        out.write(show(g) + "\n")
    out.write("SYS\n")
    for g in sys_g:
        out.write(show(g) + "\n")
    out.write("\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--nlp", action="store_true", help="run the nlp stage first (needs model)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--dump", type=Path, help="write gold vs system quotations here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    files = sorted((args.data / args.split).glob("*.json"))
    if not files:
        print(f"no corpus files under {args.data / args.split}", file=sys.stderr)
        return 2
    if args.limit:
        files = files[: args.limit]
    stages = load_stages(args.nlp)
    scores = Scores()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        m = _DATE.search(path.name)
        doc = Document(text=data["originalText"], source=str(path.name),
                       published=PartialDate(m.group(1), "day") if m else None)
        for stage in stages:
            doc = stage(doc)
        sys_g = system_groups(doc, data["tokens"])
        gold = gold_groups(data)
        scores.add_document(sys_g, gold)
        if dump:
            dump_errors(dump, doc, data, sys_g, gold)
    summary = scores.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"split={args.split} documents={len(files)} nlp={args.nlp}")
    print(f"{'measure':<16}{'P':>8}{'R':>8}{'F1':>8}")
    for name, v in summary.items():
        print(f"{name:<16}{100 * v['p']:8.2f}{100 * v['r']:8.2f}{100 * v['f1']:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
