"""Train the line model of plain-text cleaning and write its coefficients into the package.

Reads the hand-labelled batches in eval/cleaning/ (never the seeds, never third-party text),
runs the rule pass of `LineClassifier` on each document the way `Cleaner` does (cross-document
repetition per source group, py3langid language), turns every gold body (B) or boilerplate (X)
line into a feature vector (`lagebild.cleaning.features.line_vector`) and fits an L2 logistic
regression (scikit-learn, liblinear solver: deterministic). Meta lines are left out.

Words become features only if they occur in at least `MIN_WORD_DOCS` training documents, so the
model holds no rare wording of the sample. The result is written as a Python module,
src/lagebild/cleaning/model_weights.py, a few hundred numbers.

Usage: .venv/bin/python scripts/train_cleaning_model.py [--check]
  --check  only print what would change (exit 1 if the shipped weights are stale)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_cleaning import SAMPLE_DIR, SPLITS, GoldDoc, read_sample  # noqa: E402

from lagebild.cleaning.classifier import BODY  # noqa: E402
from lagebild.cleaning.cleaner import Cleaner, detect_language  # noqa: E402
from lagebild.cleaning.features import line_vector  # noqa: E402
from lagebild.cleaning.lines import split_lines  # noqa: E402
from lagebild.cleaning.model import LineModel  # noqa: E402
from lagebild.readers.base import RawRecord  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS_PY = ROOT / "src" / "lagebild" / "cleaning" / "model_weights.py"
MIN_WORD_DOCS = 3
C = 0.5  # L2 strength: small sample, so keep weights modest
# "all": learn from every B/X line (the rules' misses alone are too few to learn from);
# "body": only from lines the rules keep as body (where the model is applied)
POPULATION = os.environ.get("LAGEBILD_CLEAN_POP", "all")


def doc_vectors(docs: list[GoldDoc]) -> list[tuple[dict[str, float], str, str]]:
    """(feature vector, gold label, rule label) for every line, as the cleaner would see it."""
    by_group: dict[str, list[GoldDoc]] = defaultdict(list)
    for doc in docs:
        by_group[doc.group].append(doc)
    rows: list[tuple[dict[str, float], str, str]] = []
    for group_docs in by_group.values():
        records = [RawRecord(source=f"{d.group}/{d.doc_id}.txt", format="txt", text=d.text)
                   for d in group_docs]
        cleaner = Cleaner(classifier={"use_model": False})
        cleaner.observe(records)
        for doc, record in zip(group_docs, records, strict=True):
            lines = split_lines(doc.text)
            starts = []
            pos = 0
            for text in doc.lines:
                starts.append(pos)
                pos += len(text) + 1
            rule_labels, ctx = cleaner.classifier.rule_pass(
                lines, repeated=cleaner.repeated_lines(record),
                language=detect_language(" ".join(line.text for line in lines)))
            for i, line in enumerate(lines):
                gold_idx = max(k for k, s in enumerate(starts) if s <= line.start)
                rows.append((line_vector(i, ctx), doc.labels[gold_idx], rule_labels[i].label))
    return rows


def train(docs: list[GoldDoc]) -> LineModel:
    """Fit the model on these documents' B/X lines."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(vec, label) for vec, label, rule in doc_vectors(docs)
            if label in ("B", "X") and (rule == BODY or POPULATION == "all")]
    word_docs: Counter[str] = Counter()
    for doc in docs:
        seen = {k for vec, _ in doc_vectors_cache(doc) for k in vec if k.startswith("w=")}
        word_docs.update(seen)
    keep = {w for w, n in word_docs.items() if n >= MIN_WORD_DOCS}
    vecs = [{k: v for k, v in vec.items() if not k.startswith("w=") or k in keep}
            for vec, _ in rows]
    y = [int(label == "X") for _, label in rows]
    dv = DictVectorizer(sort=True)
    x = dv.fit_transform(vecs).toarray()
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(dv.feature_names_, clf.coef_[0],
                                                             strict=True) if abs(w) >= 1e-4}
    return LineModel(weights, round(float(clf.intercept_[0]), 4))


def doc_vectors_cache(doc: GoldDoc) -> list[tuple[dict[str, float], str]]:
    """Word features of one document alone (for document frequencies; no context needed)."""
    from lagebild.cleaning.features import TOKEN_RE

    return [({f"w={t.lower()}": 1.0 for t in TOKEN_RE.findall(text)}, label)
            for text, label in zip(doc.lines, doc.labels, strict=True)]


def render(model: LineModel) -> str:
    lines = ['"""Coefficients of the cleaning line model (`lagebild.cleaning.model`).',
             "",
             "Generated by scripts/train_cleaning_model.py from the team's own labelled lines in",
             "eval/cleaning/; do not edit by hand, re-run the script.",
             '"""',
             "",
             f"INTERCEPT: float = {model.intercept!r}",
             "WEIGHTS: dict[str, float] = {"]
    for name, weight in sorted(model.weights.items()):
        lines.append(f"    {name!r}: {weight!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def all_docs() -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    for split in SPLITS:
        docs += read_sample(SAMPLE_DIR / f"{split}.tsv")
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render(train(all_docs()))
    if args.check:
        same = WEIGHTS_PY.read_text(encoding="utf-8") == text
        print("model weights up to date" if same else "model weights are stale")
        sys.exit(0 if same else 1)
    WEIGHTS_PY.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS_PY.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
