"""Count, per registry person, the surname mentions in the seeds that resolve to that person.

A regression check for the `nlp` + `actors` stages on real articles (the five seeds are
examples, not a benchmark): for every person in the actor registry whose surname occurs in
the seed texts, how many occurrences are covered by an `actor` mention with that person's id.
Occurrences inside a longer word ("Putin-Kritiker") count as well, so 100 % is not always
reachable.

Usage::

    .venv/bin/python scripts/count_seed_actors.py [--mode standard|fast|accurate]
        [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild import layers  # noqa: E402
from lagebild.actors import load_registry  # noqa: E402
from lagebild.document import Document  # noqa: E402
from lagebild.pipeline import Pipeline  # noqa: E402
from lagebild.stages.actors import ActorStage  # noqa: E402
from lagebild.stages.nlp_spacy import SpacyStage  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", default="standard", help="NLP mode: standard, fast, accurate")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args(argv)
    files = sorted(f for f in args.seeds.glob("*") if f.is_file())
    if not files:
        raise SystemExit(f"{args.seeds}: no seed files")
    people = {
        actor.id: actor.surnames
        for actor in load_registry().actors.values()
        if actor.type == "person" and actor.surnames
    }
    pipeline = Pipeline([SpacyStage(mode=args.mode), ActorStage()])
    pipeline.setup()
    counts: dict[str, list[int]] = {}  # person id: [occurrences, resolved to that person]
    for path in files:
        doc = pipeline(Document(text=path.read_text(encoding="utf-8"), id=path.name))
        mentions = doc.layer(layers.ACTOR)
        for person, surnames in people.items():
            for surname in surnames:
                for hit in re.finditer(rf"\b{re.escape(surname)}", doc.text):
                    count = counts.setdefault(person, [0, 0])
                    count[0] += 1
                    count[1] += any(
                        m.start <= hit.start() < m.end and m.attrs.get("actor_id") == person
                        for m in mentions
                    )
    print(f"| person ({args.mode} mode) | occurrences | resolved to the person |")
    print("|---|---|---|")
    for person, (total, resolved) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        print(f"| {person} | {total} | {resolved} |")


if __name__ == "__main__":
    main()
