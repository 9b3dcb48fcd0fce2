"""Lemma accuracy on UD German GSD dev (held out), gold tokens: the trained lemmatizer alone
against the same with the dictionary pass of `lagebild.lexicon_lemmas`, overall, for verbs and
auxiliaries, and for participles (gold STTS VVPP/VAPP/VMPP).

    .venv/bin/python scripts/eval_lemmas.py [--model DIR] [--data ../shared/data] [--set pud]

Both columns come from one run of the CNN: the model's lemmas are read before the pass runs.
``--set pud`` scores UD German PUD instead, a set the CNN was trained on (so its own column is
optimistic there) and which has no STTS tags (no participle row).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.lexicon_lemmas import apply_lexicon_lemmas  # noqa: E402
from lagebild.nlp import DEFAULT_MODEL  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP"})
VERBAL = frozenset({"VERB", "AUX"})
TREEBANKS = {"gsd-dev": "GSD/de_gsd-ud-dev.conllu", "pud": "PUD/de_pud-ud-test.conllu"}


def read_conllu(path: Path) -> list[list[list[str]]]:
    """Sentences as lists of CoNLL-U rows (multi-word tokens and empty nodes left out)."""
    sentences: list[list[list[str]]] = []
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                sentences.append(rows)
                rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    if rows:
        sentences.append(rows)
    return sentences


def score(model: Path | str, conllu: Path) -> Counter[str]:
    """Counts of tokens and right lemmas, before (``model``) and after (``pass``) the pass."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model, exclude=["ner", "ner_fast", "parser_fast"])
    counts: Counter[str] = Counter()
    for rows in read_conllu(conllu):
        doc = Doc(nlp.vocab, words=[r[1] for r in rows])
        for _, component in nlp.pipeline:
            doc = component(doc)
        before = [t.lemma_ for t in doc]
        apply_lexicon_lemmas(doc)
        for r, token, model_lemma in zip(rows, doc, before, strict=True):
            groups = ["all"]
            if r[3] in VERBAL:
                groups.append("verbs")
            if r[4] in PARTICIPLE_TAGS:
                groups.append("participles")
            for group in groups:
                counts[f"{group} n"] += 1
                counts[f"{group} model"] += model_lemma == r[2]
                counts[f"{group} pass"] += token.lemma_ == r[2]
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--set", choices=sorted(TREEBANKS), default="gsd-dev")
    args = ap.parse_args(argv)
    conllu = args.data / "ud_german" / TREEBANKS[args.set]
    if not conllu.is_file():
        raise SystemExit(f"{conllu}: UD German {args.set} not found (pass --data)")
    counts = score(args.model, conllu)
    print(f"| tokens ({args.set}, gold) | n | trained lemmatizer | + dictionary pass |")
    print("|---|---|---|---|")
    for group in ("all", "verbs", "participles"):
        n = counts[f"{group} n"]
        if not n:
            continue
        model, after = counts[f"{group} model"] / n, counts[f"{group} pass"] / n
        print(f"| {group} | {n} | {model:.3f} | {after:.3f} |")


if __name__ == "__main__":
    main()
