"""Corpus conversion in scripts/train_nlp.py: multiword tokens, GermEval labels, HIPE labels."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def train_nlp(load_script):
    return load_script("train_nlp")


CONLLU = """# text = Sie wohnt im Haus.
1\tSie\tsie\tPRON\tPPER\tCase=Nom|Number=Sing\t2\tnsubj\t_\t_
2\twohnt\twohnen\tVERB\tVVFIN\tNumber=Sing\t0\troot\t_\t_
3-4\tim\t_\t_\t_\t_\t_\t_\t_\t_
3\tin\tin\tADP\tAPPR\t_\t5\tcase\t_\t_
4\tdem\tder\tDET\tART\tCase=Dat|Definite=Def|Gender=Neut|Number=Sing|PronType=Art\t5\tdet\t_\t_
5\tHaus\tHaus\tNOUN\tNN\tCase=Dat|Gender=Neut|Number=Sing\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

"""


def test_multiword_token_is_merged_into_surface_form(train_nlp, tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (sent,) = list(train_nlp.read_conllu(path))
    assert sent.words == ["Sie", "wohnt", "im", "Haus", "."]
    assert sent.spaces == [True, True, True, False, True]
    assert sent.tags[2] == "APPRART"
    assert sent.pos[2] == "ADP"
    assert sent.morphs[2] == "Case=Dat|Gender=Neut|Number=Sing"
    assert sent.heads == [1, 1, 3, 1, 1]  # "im" attaches to "Haus" as case marker
    assert sent.deps == ["nsubj", "ROOT", "case", "obl", "punct"]


def test_docs_keep_sentence_starts_and_drop_foreign_xpos(train_nlp, tmp_path: Path) -> None:
    import spacy

    path = tmp_path / "x.conllu"
    path.write_text(CONLLU * 3, encoding="utf-8")
    sents = list(train_nlp.read_conllu(path, use_xpos=False))
    (doc,) = list(train_nlp.ud_docs(spacy.blank("de").vocab, sents, per_doc=10))
    assert len(list(doc.sents)) == 3
    assert not doc.has_annotation("TAG")
    assert doc[5].is_sent_start and doc[5].text == "Sie"


def test_germeval_labels_map_to_four_classes(train_nlp, tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(
        "#\thttp://example.org\t[2024-01-01]\n"
        "1\tDie\tO\tO\n2\tdeutsche\tB-LOCderiv\tO\n3\tFirma\tO\tO\n"
        "4\tAcme\tB-ORG\tO\n5\tAG\tI-ORG\tO\n6\tund\tO\tO\n7\tHarry\tB-OTH\tB-PER\n"
        "8\tPotter\tI-OTH\tI-PER\n9\tin\tO\tO\n10\tKöln\tB-LOC\tO\n\n",
        encoding="utf-8",
    )
    ((words, tags),) = list(train_nlp.read_germeval(path))
    assert words[3] == "Acme"
    assert tags == ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-MISC", "I-MISC", "O", "B-LOC"]


def test_hipe_reader_maps_types_and_splits_sentences(train_nlp, tmp_path: Path) -> None:
    path = tmp_path / "h.tsv"
    cols = "\t_" * 7
    path.write_text(
        "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\t"
        "NE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n# hipe2022:document_id = x\n"
        f"Herr\tO{cols}\t_\nMüller\tB-pers{cols}\t_\nreiſt\tO{cols}\t_\n.\tO{cols}\tEndOfSentence\n"
        f"Wien\tB-loc{cols}\t_\n",
        encoding="utf-8",
    )
    sents = list(train_nlp.read_hipe(path))
    assert sents[0] == (["Herr", "Müller", "reist", "."], ["O", "B-PER", "O", "O"])
    assert sents[1] == (["Wien"], ["B-LOC"])


def test_mention_replacement_keeps_context_and_label_types(train_nlp) -> None:
    sents = [
        (
            ["Gestern", "traf", "Anna", "Berg", "in", "Ulm", "ein", "."],
            ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"],
        ),
        (["Tom", "wohnt", "in", "Bad", "Tölz"], ["B-PER", "O", "O", "B-LOC", "I-LOC"]),
        (["Kein", "Name", "hier"], ["O", "O", "O"]),
    ]
    out = train_nlp.mention_replacement(sents, copies=3, seed=1)
    assert len(out) == 6  # sentences without entities are not copied
    persons = {("Anna", "Berg"), ("Tom",)}
    places = {("Ulm",), ("Bad", "Tölz")}
    for words, tags in out:
        assert len(words) == len(tags)
        spans = train_nlp._spans(tags)
        assert [s[0] for s in spans] == ["PER", "LOC"]
        for label, start, end in spans:
            assert tuple(words[start:end]) in (persons if label == "PER" else places)


def test_pud_rows_are_harmonised_to_gsd_conventions(train_nlp) -> None:
    def row(upos: str, feats: str, dep: str) -> list[str]:
        return ["1", "x", "x", upos, "_", feats, "0", dep, "_", "_"]

    h = train_nlp.harmonize_pud
    assert h(row("PROPN", "_", "flat:name"))[7] == "flat"
    assert h(row("VERB", "Tense=Past", "root"))[5] == "VerbForm=Part"
    assert h(row("VERB", "_", "xcomp"))[5] == "VerbForm=Inf"
    fin = h(row("AUX", "Mood=Ind|Number=Sing|Person=3|Tense=Pres", "aux"))[5]
    assert fin.split("|")[-1] == "VerbForm=Fin" and "Mood=Ind" in fin
    assert h(row("NOUN", "Case=Nom", "nsubj"))[5] == "Case=Nom"


def test_pud_sentences_take_gsd_subject_and_comparative_conventions(train_nlp) -> None:
    def rows(*spec: tuple[str, int, str]) -> list[list[str]]:
        return [
            [str(i), form, "_", "X", "_", "_", str(head), dep, "_", "_"]
            for i, (form, head, dep) in enumerate(spec, start=1)
        ]

    h = train_nlp.harmonize_pud_sentence
    # "Es gibt Brot": the expletive is the only subject, so GSD calls it nsubj
    assert [r[7] for r in h(rows(("Es", 2, "expl"), ("gibt", 0, "root"), ("Brot", 2, "obj")))] == [
        "nsubj",
        "root",
        "obj",
    ]
    # "Es kamen Leute": another subject exists, the expletive stays expl
    kamen = h(rows(("Es", 2, "expl"), ("kamen", 0, "root"), ("Leute", 2, "nsubj")))
    assert kamen[0][7] == "expl"
    # "größer als Paul": comparative particle as case; other coordinators keep cc
    comparative = h(rows(("größer", 0, "root"), ("als", 3, "cc"), ("Paul", 1, "obl")))
    assert comparative[1][7] == "case"
    assert h(rows(("Brot", 0, "root"), ("und", 3, "cc"), ("Wein", 1, "conj")))[1][7] == "cc"


def test_shipped_config_keeps_the_augmenter_tag_and_repo_paths(train_nlp, tmp_path: Path) -> None:
    config_file = tmp_path / "config.cfg"
    # what thinc writes after two load-and-save rounds of the tag "$(", plus a machine path
    config_file.write_text(
        f'[paths]\nvectors = "{train_nlp.ROOT}/training/runs/vectors/e5-floret"\n'
        '[variants]\npaired = [{"tags": ["$$$$("], "variants": [["\\u201e", "\\u201c"]]}]\n',
        encoding="utf-8",
    )
    train_nlp._relativise_paths(config_file)
    from thinc.api import Config

    config = Config().from_str(config_file.read_text(encoding="utf-8"), interpolate=False)
    assert config["paths"]["vectors"] == "training/runs/vectors/e5-floret"
    assert config["variants"]["paired"][0]["tags"] == ["$("]
