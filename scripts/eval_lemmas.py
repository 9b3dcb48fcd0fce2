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

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from train_nlp import DEFAULT_DATA, read_conllu  # noqa: E402

from lagebild.lexicon_lemmas import apply_lexicon_lemmas  # noqa: E402
from lagebild.nlp import DEFAULT_MODEL  # noqa: E402

PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP"})
VERBAL = frozenset({"VERB", "AUX"})
# file, and whether its XPOS column is STTS (PUD's is not)
TREEBANKS = {
    "gsd-dev": ("GSD/de_gsd-ud-dev.conllu", True),
    "pud": ("PUD/de_pud-ud-test.conllu", False),
}


def score(model: Path | str, conllu: Path, use_xpos: bool = True) -> Counter[str]:
    """Counts of tokens and right lemmas, before (``model``) and after (``pass``) the pass."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model, exclude=["ner", "ner_fast", "parser_fast"])
    counts: Counter[str] = Counter()
    for sentence in read_conllu(conllu, use_xpos=use_xpos):
        doc = Doc(nlp.vocab, words=sentence.words)
        for _, component in nlp.pipeline:
            doc = component(doc)
        before = [t.lemma_ for t in doc]
        apply_lexicon_lemmas(doc)
        gold = zip(sentence.lemmas, sentence.pos, sentence.tags, strict=True)
        for (lemma, pos, tag), token, model_lemma in zip(gold, doc, before, strict=True):
            groups = ["all"]
            if pos in VERBAL:
                groups.append("verbs")
            if tag in PARTICIPLE_TAGS:
                groups.append("participles")
            for group in groups:
                counts[f"{group} n"] += 1
                counts[f"{group} model"] += model_lemma == lemma
                counts[f"{group} pass"] += token.lemma_ == lemma
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--set", choices=sorted(TREEBANKS), default="gsd-dev")
    args = ap.parse_args(argv)
    name, stts = TREEBANKS[args.set]
    conllu = args.data / "ud_german" / name
    if not conllu.is_file():
        raise SystemExit(f"{conllu}: UD German {args.set} not found (pass --data)")
    counts = score(args.model, conllu, use_xpos=stts)
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
