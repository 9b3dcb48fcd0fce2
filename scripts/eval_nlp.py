"""Evaluate a German spaCy pipeline (by default the shipped one) on the held-out data.

Why: the figures in docs/ACCURACY.md (nlp section) must be reproducible by one command.
Prints Markdown:

* UD German GSD dev (held out of training): UPOS, STTS tag, morphology, lemma, UAS/LAS,
  sentence F1; raw text is tokenised by the model, spaCy's scorer aligns to gold tokens.
  (GSD test and PUD are training data; no other German UD set is available here.)
* GermEval 2014 dev NER (held out: training used the test split), gold tokenisation,
  exact-span P/R/F1 per type (PER/LOC/ORG/MISC) and overall, after mapping OTH->MISC and
  dropping *part/*deriv (they are not names in Lagebild's label set).
* SmartData v3 dev (research use: evaluation only): PER/LOC/ORG exact character spans on the
  raw text, for the NEWS_HTML documents and for all documents (tweets, RSS included).

Usage::

    .venv/bin/python scripts/eval_nlp.py [--model PATH] [--data ../shared/data] [--json out.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from train_nlp import DEFAULT_DATA, read_conllu, read_germeval, ud_docs  # noqa: E402

from lagebild.nlp import load_nlp  # noqa: E402


def eval_ud(nlp, path: Path, use_xpos: bool = True) -> dict[str, float]:
    from spacy.training import Example

    gold = list(ud_docs(nlp.vocab, read_conllu(path, use_xpos=use_xpos)))
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
    scores = nlp.evaluate(examples)
    keys = ("pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
    return {k: float(scores[k]) for k in keys if scores.get(k) is not None}


def eval_germeval(nlp, path: Path) -> dict[str, dict[str, float]]:
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for words, tags in read_germeval(path):
        gold = Doc(nlp.vocab, words=words, ents=tags)
        examples.append(Example(Doc(nlp.vocab, words=words), gold))
    scores = nlp.evaluate(examples)
    table = {
        label: {"p": v["p"], "r": v["r"], "f": v["f"]}
        for label, v in sorted((scores.get("ents_per_type") or {}).items())
    }
    table["ALL"] = {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]}
    return table


SMARTDATA_MAP = {
    "PERSON": "PER",
    "LOCATION": "LOC",
    "LOCATION_CITY": "LOC",
    "LOCATION_STREET": "LOC",
    "LOCATION_STOP": "LOC",
    "LOCATION_ROUTE": "LOC",
    "ORGANIZATION": "ORG",
    "ORGANIZATION_COMPANY": "ORG",
}


def read_smartdata(path: Path) -> Iterator[dict]:
    """Documents of a SmartData .json.gz (a stream of pretty-printed JSON objects)."""
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            return
        obj, i = dec.raw_decode(raw, i)
        yield obj


def _smartdata_text(doc: dict) -> str:
    return doc["text"]["string"] if isinstance(doc["text"], dict) else doc["text"]


def eval_smartdata(
    nlp, path: Path, exclude: Path | None = None
) -> dict[str, dict[str, dict[str, float]]]:
    """NER P/R/F1 over the documents of `path`, leaving out any whose text is also in
    `exclude` (96 of the 1,185 SmartData v1 test documents are also in v3 dev)."""
    counts: dict[str, Counter] = {"news": Counter(), "all": Counter()}
    excluded = {_smartdata_text(d) for d in read_smartdata(exclude)} if exclude else set()
    docs = [d for d in read_smartdata(path) if _smartdata_text(d) not in excluded]
    texts = [_smartdata_text(d) for d in docs]
    for d, sdoc in zip(docs, nlp.pipe(texts, batch_size=32), strict=True):
        gold = set()
        for m in (d.get("conceptMentions") or {}).get("array", []):
            label = SMARTDATA_MAP.get(m["type"].upper().replace("-", "_"))
            if label:
                gold.add((m["span"]["start"], m["span"]["end"], label))
        pred = {
            (e.start_char, e.end_char, e.label_)
            for e in sdoc.ents
            if e.label_ in ("PER", "LOC", "ORG")
        }
        doc_type = json.dumps(d.get("docType"))
        groups = ["all"] + (["news"] if "NEWS" in doc_type else [])
        for g in groups:
            for label in ("PER", "LOC", "ORG"):
                gl = {s for s in gold if s[2] == label}
                pl = {s for s in pred if s[2] == label}
                counts[g][label, "tp"] += len(gl & pl)
                counts[g][label, "fp"] += len(pl - gl)
                counts[g][label, "fn"] += len(gl - pl)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for g, c in counts.items():
        out[g] = {}
        for label in ("PER", "LOC", "ORG", "ALL"):
            labels = ("PER", "LOC", "ORG") if label == "ALL" else (label,)
            tp = sum(c[x, "tp"] for x in labels)
            fp = sum(c[x, "fp"] for x in labels)
            fn = sum(c[x, "fn"] for x in labels)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[g][label] = {"p": p, "r": r, "f": f, "support": tp + fn}
    return out


SEED_PERSONS = (
    "Putin",
    "Biden",
    "Peskow",
    "Uschakow",
    "Selenskyj",
    "Sullivan",
    "Blinken",
    "Beshear",
    "Mitsotakis",
)
SEED_ORGS = ("Kreml", "Weißes Haus", "Weiße Haus", "Weißen Haus", "Nato", "Interfax", "RIA")


def eval_seeds(nlp, seeds: Path) -> dict[str, dict[str, object]]:
    """For each name the issue lists: does the NER find it in the seeds, and with which labels?

    A name counts as found when an entity span contains it as a word sequence (so "Wladimir
    Putin" finds "Putin"); every label it received anywhere is listed.
    """
    found: dict[str, dict[str, int]] = {n: {} for n in SEED_PERSONS + SEED_ORGS}
    mentions: dict[str, int] = dict.fromkeys(found, 0)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    for doc in nlp.pipe(texts):
        for name in found:
            mentions[name] += doc.text.count(name)
        for ent in doc.ents:
            words = f" {ent.text} "
            for name in found:
                if f" {name} " in words or f" {name}s " in words:
                    found[name][ent.label_] = found[name].get(ent.label_, 0) + 1
    return {n: {"mentions": mentions[n], "labels": found[n]} for n in found if mentions[n]}


def _prf_table(title: str, table: dict[str, dict[str, float]]) -> str:
    lines = [f"#### {title}", "", "| type | P | R | F1 |", "|---|---|---|---|"]
    for label, v in table.items():
        lines.append(f"| {label} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="model dir or package (default: shipped)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument(
        "--no-known-actors", action="store_true",
        help="evaluate the statistical NER alone, without the actor-registry ruler",
    )
    ap.add_argument(
        "--no-entity-consistency", action="store_true",
        help="keep each mention's own label (no one-label-per-name pass over the document)",
    )
    ap.add_argument(
        "--no-lexicon-lemmas", action="store_true",
        help="keep the trained lemmatizer's lemmas (no dictionary pass, lagebild.lexicon_lemmas)",
    )
    ap.add_argument("--mode", default=None, help="NLP mode: standard (default), fast, accurate")
    ap.add_argument("--skip-smartdata", action="store_true")
    ap.add_argument(
        "--smartdata-v1",
        action="store_true",
        help="also score SmartData v1 test without the documents of v3 dev (a second check set, "
        "used to confirm choices made on v3 dev; no document types, so 'all' only)",
    )
    ap.add_argument("--seeds", type=Path, default=DEFAULT_DATA.parent / "seeds")
    ap.add_argument("--json", type=Path, help="write all scores as JSON here ('-': stdout only)")
    args = ap.parse_args(argv)

    nlp = load_nlp(
        args.model,
        known_actors=not args.no_known_actors,
        entity_consistency=not args.no_entity_consistency,
        lexicon_lemmas=not args.no_lexicon_lemmas,
        mode=args.mode,
    )
    results: dict[str, object] = {
        "model": str(args.model or "de_lagebild"),
        "mode": args.mode or "standard",
    }
    ud = args.data / "ud_german"
    results["ud_gsd_dev"] = eval_ud(nlp, ud / "GSD" / "de_gsd-ud-dev.conllu")
    ge = eval_germeval(nlp, args.data / "germeval2014" / "NER-de-dev.tsv")
    results["germeval_dev"] = ge
    sd_path = args.data / "smartdata" / "v3_20200302" / "dev.json.gz"
    if not args.skip_smartdata and sd_path.exists():
        results["smartdata_v3_dev"] = eval_smartdata(nlp, sd_path)
    sd_v1_path = args.data / "smartdata" / "v1_20180119" / "test.json.gz"
    if args.smartdata_v1:
        if not sd_v1_path.exists():
            raise SystemExit(f"--smartdata-v1: {sd_v1_path} not found")
        exclude = sd_path if sd_path.exists() else None
        results["smartdata_v1_test_not_v3_dev"] = eval_smartdata(nlp, sd_v1_path, exclude)

    if args.seeds.is_dir():
        results["seeds"] = eval_seeds(nlp, args.seeds)
    if args.json is not None and str(args.json) == "-":
        print(json.dumps(results, indent=1))
        return
    print("#### UD German (raw text, model tokenisation)\n")
    print("| set | UPOS | STTS | morph | lemma | UAS | LAS | sent F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for key in ("ud_gsd_dev",):
        if key in results:
            s = results[key]
            assert isinstance(s, dict)
            cells = [
                f"{s.get(k, float('nan')):.3f}"
                for k in (
                    "pos_acc",
                    "tag_acc",
                    "morph_acc",
                    "lemma_acc",
                    "dep_uas",
                    "dep_las",
                    "sents_f",
                )
            ]
            print(f"| {key} | " + " | ".join(cells) + " |")
    print()
    print(_prf_table("GermEval 2014 dev NER (gold tokens, exact spans)", ge))
    if "smartdata_v3_dev" in results:
        sd = results["smartdata_v3_dev"]
        assert isinstance(sd, dict)
        for g in ("news", "all"):
            print()
            print(_prf_table(f"SmartData v3 dev, {g} documents (character spans)", sd[g]))
    if "smartdata_v1_test_not_v3_dev" in results:
        sd1 = results["smartdata_v1_test_not_v3_dev"]
        assert isinstance(sd1, dict)
        print()
        title = "SmartData v1 test without v3 dev documents (character spans)"
        print(_prf_table(title, sd1["all"]))
    if "seeds" in results:
        seeds = results["seeds"]
        assert isinstance(seeds, dict)
        print("\n#### Seeds: names the issue expects (mentions in text; entity labels given)\n")
        print("| name | expected | mentions | entity labels |")
        print("|---|---|---|---|")
        for name, v in seeds.items():
            want = "PER" if name in SEED_PERSONS else "ORG"
            labels = ", ".join(f"{k}×{n}" for k, n in sorted(v["labels"].items())) or "—"
            print(f"| {name} | {want} | {v['mentions']} | {labels} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
