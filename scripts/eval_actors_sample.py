"""Hand-judged precision of the `actors` stage on real news (German Wikinews, 998 articles).

Usage:
  .venv/bin/python scripts/eval_actors_sample.py --show          # print the sample to judge
  .venv/bin/python scripts/eval_actors_sample.py                 # precision from judgments
  options: --seed N (another sample), --size N, --via metonym|pronoun|role|... (stratum)

A fixed pseudo-random sample of predicted mentions is drawn from the whole corpus (by a keyed
hash of article id and offsets, so unchanged mentions stay in the sample across versions). Judgments
live in eval/actors/wikinews_judgments.jsonl as {wikinews_id, start, end, actor_id, ok} — offsets
and verdicts only, no corpus text. A mention is judged correct when it refers to the actor it
names (state names in any use count; a capital counts only where it stands for the
government; a pronoun only when its antecedent is right).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from lagebild.document import Document, PartialDate
from lagebild.stages.actors import ActorStage

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "wikinews_de_dated" / "wikinews_de_articles.jsonl"
JUDGMENTS = ROOT / "eval" / "actors" / "wikinews_judgments.jsonl"


def _predict(corpus: Path) -> list[tuple[str, int, int, str, str, str]]:
    stage = ActorStage()
    stage.setup()
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        date = row.get("date")
        doc = Document(text=row["text"], published=PartialDate(date, "day") if date else None)
        for ann in stage(doc).layer("actor"):
            context = doc.text[max(0, ann.start - 70) : ann.start] + "[[" + doc.text_of(ann) + \
                "]]" + doc.text[ann.end : ann.end + 40]
            out.append((row["wikinews_id"], ann.start, ann.end, ann.attrs["actor_id"],
                        ann.attrs["via"], context.replace("\n", " ")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--via", default="", help="only mentions resolved this way, e.g. metonym")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    predicted = _predict(args.corpus)
    if args.via:
        predicted = [p for p in predicted if p[4] == args.via]
    # The mentions with the smallest keyed hashes: a mention stays in the sample as long as the
    # stage still predicts it, so judgments survive unrelated changes to the output.
    def rank(item: tuple) -> str:
        key = f"{args.seed}:{item[0]}:{item[1]}:{item[2]}"
        return hashlib.sha1(key.encode()).hexdigest()

    sample = sorted(predicted, key=rank)[: args.size]
    if args.show:
        for wid, start, end, actor_id, via, context in sample:
            print(json.dumps({"wikinews_id": wid, "start": start, "end": end,
                              "actor_id": actor_id, "via": via, "context": context},
                             ensure_ascii=False))
        return
    judged = {}
    for line in JUDGMENTS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        judged[(row["wikinews_id"], row["start"], row["end"], row["actor_id"])] = row["ok"]
    total, correct, missing = Counter(), Counter(), 0
    for wid, start, end, actor_id, via, _ in sample:
        verdict = judged.get((wid, start, end, actor_id))
        if verdict is None:
            missing += 1
            continue
        for key in (via, "all"):
            total[key] += 1
            correct[key] += bool(verdict)
    print(f"predicted mentions in corpus: {len(predicted)}  sample: {len(sample)}  "
          f"judged: {total['all']}  not judged (output changed since): {missing}")
    print("| via | judged | precision |\n|---|---|---|")
    for key in sorted(total, key=lambda k: (k == "all", k)):
        print(f"| {key} | {total[key]} | {100 * correct[key] / total[key]:.1f} |")


if __name__ == "__main__":
    main()
