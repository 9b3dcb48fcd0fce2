"""Self-training data in scripts/train_nlp.py: the transformer labels what the gold data lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

# Team-written sentences in the two corpus formats (the real corpora are read from ../shared).
GERMEVAL = (
    "#\thttp://example.org\t[2024-01-01]\n"
    "1\tDie\tO\tO\n2\tKanzlerin\tO\tO\n3\tbesuchte\tO\tO\n4\tgestern\tO\tO\n"
    "5\tParis\tB-LOC\tO\n6\t.\tO\tO\n\n"
    "#\thttp://example.org\t[2024-01-02]\n"
    "1\tDer\tO\tO\n2\tVerein\tO\tO\n3\tAcme\tB-ORG\tO\n4\tlud\tO\tO\n5\tGäste\tO\tO\n"
    "6\tein\tO\tO\n7\t.\tO\tO\n\n"
)
CONLLU = """# text = Olaf Scholz reiste nach Warschau.
1\tOlaf\tOlaf\tPROPN\tNE\tCase=Nom|Gender=Masc|Number=Sing\t3\tnsubj\t_\t_
2\tScholz\tScholz\tPROPN\tNE\tCase=Nom|Gender=Masc|Number=Sing\t1\tflat\t_\t_
3\treiste\treisen\tVERB\tVVFIN\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
4\tnach\tnach\tADP\tAPPR\t_\t5\tcase\t_\t_
5\tWarschau\tWarschau\tPROPN\tNE\tCase=Dat|Gender=Neut|Number=Sing\t3\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t$.\t_\t3\tpunct\t_\t_

"""
# HIPE's own tags are all O here: the silver names must come from the teacher
HIPE = "TOKEN\tNE-COARSE-LIT\tMISC\n" + "".join(
    f"{word}\tO\t{'EndOfSentence' if word == '.' else '_'}\n"
    for word in "Der Kaiser empfing Bismarck in Berlin .".split()
)

# A WikiWarsDE-style article (team-written): raw text, no tags inside <TEXT>
WIKIWARS = (
    "<DOC>\n<DOCID>01_Test</DOCID>\n<TEXT>\nDer Feldzug\n\n"
    "Im Sommer zog Napoleon mit seiner Armee nach Moskau.\n</TEXT>\n</DOC>\n"
)


def _write_corpora(data: Path) -> Path:
    """The corpus folders step `silver` reads, in the layout of ../shared/data."""
    (data / "germeval2014").mkdir(parents=True)
    (data / "germeval2014" / "NER-de-test.tsv").write_text(GERMEVAL, encoding="utf-8")
    for treebank, name in (("GSD", "de_gsd-ud-test.conllu"), ("PUD", "de_pud-ud-test.conllu")):
        (data / "ud_german" / treebank).mkdir(parents=True)
        (data / "ud_german" / treebank / name).write_text(CONLLU, encoding="utf-8")
    (data / "hipe2022_de").mkdir()
    (data / "hipe2022_de" / "HIPE-2022-v2.1-sonar-test-de.tsv").write_text(HIPE, encoding="utf-8")
    (data / "wikiwars_de" / "in").mkdir(parents=True)
    (data / "wikiwars_de" / "in" / "01_Test.sgm").write_text(WIKIWARS, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def silver_corpus(load_script, tmp_path_factory: pytest.TempPathFactory) -> Path:
    train_nlp = load_script("train_nlp")
    data = _write_corpora(tmp_path_factory.mktemp("data"))
    corpus = tmp_path_factory.mktemp("corpus")
    train_nlp.CORPUS_DIR = corpus  # the module's output folder; the real one stays untouched
    train_nlp.silver(data)
    return corpus


def _docs(path: Path) -> list:
    import spacy
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(spacy.blank("de").vocab))


def test_silver_trees_keep_gold_treebank_and_leave_morphology_missing(silver_corpus: Path) -> None:
    docs = _docs(silver_corpus / "ud-train-silver.spacy")
    assert len(docs) == 3 + 1  # the gold doc (two sentences) three times, then the silver doc
    gold, silver = docs[0], docs[-1]
    # the two treebank sentences come first, with all their gold annotation
    assert gold.has_annotation("MORPH") and gold[0].pos_ == "PROPN"
    # the GermEval sentences, parsed by the transformer: one tree each, nothing else
    assert [s.text for s in silver.sents] == [
        "Die Kanzlerin besuchte gestern Paris .",
        "Der Verein Acme lud Gäste ein .",
    ]
    assert silver.has_annotation("DEP")
    assert not silver.has_annotation("MORPH") and not silver.has_annotation("TAG")
    assert not silver.has_annotation("POS") and not silver.has_annotation("LEMMA")
    roots = [s.root.text for s in silver.sents]
    assert roots == ["besuchte", "lud"]
    assert {t.dep_ for t in silver[0:6] if t.head.text == "besuchte"} >= {"nsubj", "punct"}


def test_open_silver_trees_add_the_wikiwars_sentences_after_the_germeval_ones(
    silver_corpus: Path,
) -> None:
    plain = _docs(silver_corpus / "ud-train-silver.spacy")
    docs = _docs(silver_corpus / "ud-train-silver-open.spacy")
    assert [d.text for d in docs[:3]] == [d.text for d in plain[:3]]  # gold three times
    silver_sentences = [s.text for d in docs[3:] for s in d.sents]
    assert silver_sentences[:2] == [s.text for s in plain[-1].sents]
    assert silver_sentences[2:] == [
        "Der Feldzug",
        "Im Sommer zog Napoleon mit seiner Armee nach Moskau .",
    ]
    wiki = docs[-1]
    assert wiki.has_annotation("DEP") and not wiki.has_annotation("MORPH")
    assert list(wiki.sents)[-1].root.text == "zog"


def test_silver_names_of_the_hipe_sentences_go_to_their_own_file(silver_corpus: Path) -> None:
    with_hipe = _docs(silver_corpus / "ner-train-aug-silver-hipe.spacy")
    without = _docs(silver_corpus / "ner-train-aug-silver.spacy")
    assert [d.text for d in with_hipe[:-1]] == [d.text for d in without]
    hipe = with_hipe[-1]
    assert hipe.text.startswith("Der Kaiser empfing Bismarck")
    assert {(e.text, e.label_) for e in hipe.ents} >= {("Bismarck", "PER"), ("Berlin", "LOC")}


def test_silver_names_of_the_wikiwars_text_go_last_into_the_open_file(silver_corpus: Path) -> None:
    with_wiki = _docs(silver_corpus / "ner-train-aug-silver-open.spacy")
    with_hipe = _docs(silver_corpus / "ner-train-aug-silver-hipe.spacy")
    assert [d.text for d in with_wiki[: len(with_hipe)]] == [d.text for d in with_hipe]
    heading, sentence = with_wiki[len(with_hipe) :]
    assert heading.text.startswith("Der Feldzug")
    assert sentence.text.startswith("Im Sommer zog Napoleon")
    assert {(e.text, e.label_) for e in sentence.ents} >= {("Napoleon", "PER"), ("Moskau", "LOC")}


def test_registry_copy_puts_the_registry_names_into_the_gold_sentences(
    load_script, silver_corpus: Path
) -> None:
    train_nlp = load_script("train_nlp")
    pools = train_nlp.registry_name_pools()
    assert ["Biden"] in pools["PER"] and ["Weißes", "Haus"] in pools["ORG"]
    with_registry = _docs(silver_corpus / "ner-train-aug-silver-open-registry.spacy")
    plain = _docs(silver_corpus / "ner-train-aug-silver-open.spacy")
    # gold (2) + mention replacement (2), then the registry copy of each gold sentence, then
    # the silver sentences as in the file without it
    assert [d.text for d in with_registry[:4]] == [d.text for d in plain[:4]]
    assert [d.text for d in with_registry[6:]] == [d.text for d in plain[4:]]
    paris, acme = with_registry[4:6]
    assert paris.text.startswith("Die Kanzlerin besuchte gestern ")
    assert [e.label_ for e in paris.ents] == ["LOC"]
    assert paris.ents[0].text.split() in pools["LOC"]
    assert [e.label_ for e in acme.ents] == ["ORG"]
    assert acme.ents[0].text.split() in pools["ORG"]


def test_silver_names_label_the_treebank_sentences(silver_corpus: Path) -> None:
    docs = _docs(silver_corpus / "ner-train-aug-silver.spacy")
    # gold GermEval sentences, one mention-replacement copy of each, then the UD sentences
    assert len(docs) == 2 + 2 + 2
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Paris", "LOC")]
    silver = docs[-1]
    assert silver.text.startswith("Olaf Scholz reiste")
    assert [(e.text, e.label_) for e in silver.ents] == [
        ("Olaf Scholz", "PER"),
        ("Warschau", "LOC"),
    ]


def test_gold_augmenter_leaves_silver_examples_without_morphology(load_script) -> None:
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example

    augmenters = load_script("spacy_augmenters")
    augment = augmenters.create_gold_augmenter(
        lower_level=1.0,  # always lowercase, so the test can see the augmenter at work
        orth_level=1.0,  # the augmentation that wrote "_" into every morphology
        orth_variants={"single": [], "paired": [{"tags": ["$("], "variants": [['"', '"']]}]},
        whitespace_level=0.0,
        whitespace_per_token=0.0,
        whitespace_variants=None,
    )
    nlp = spacy.blank("de")
    words = ['"', "Ja", '"', ",", "sagte", "sie", "."]
    heads = [1, 4, 1, 4, 4, 4, 4]
    deps = ["punct", "ccomp", "punct", "punct", "ROOT", "nsubj", "punct"]
    tags = ["$(", "PTKANT", "$(", "$,", "VVFIN", "PPER", "$."]
    gold = Doc(
        nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, morphs=["_"] * 6 + ["X=Y"]
    )
    silver = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    (gold_out,) = augment(nlp, Example(nlp.make_doc(gold.text), gold))
    assert gold_out.reference[1].text == "ja"  # spaCy's augmenter ran on the gold example
    (silver_out,) = augment(nlp, Example(nlp.make_doc(silver.text), silver))
    assert silver_out.reference[1].text == "Ja"
    # the morphologizer reads "" as missing; spaCy's augmenter would have written "_" here
    assert set(silver_out.get_aligned("MORPH", as_string=True)) == {""}


def test_silver_trees_are_lifted_to_projective_without_decorated_labels(load_script) -> None:
    train_nlp = load_script("train_nlp")
    # "1" hangs on "3", across the root "2": the arc 3 -> 1 crosses 2 -> 0 and is lifted to "2"
    assert train_nlp.lift_nonprojective([2, 3, 2, 2], ["a", "b", "ROOT", "c"]) == [2, 2, 2, 2]
    projective = [1, 1, 1, 2]
    assert train_nlp.lift_nonprojective(projective, ["a", "ROOT", "b", "c"]) == projective


def test_silver_step_lifts_crossing_teacher_arcs(
    load_script, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacy.pipeline._parser_internals import nonproj

    train_nlp = load_script("train_nlp")
    data = _write_corpora(tmp_path / "data")
    words = ["Gäste", "hat", "er", "eingeladen", "viele"]
    # a teacher tree with a crossing arc: "viele" -> "Gäste" spans "eingeladen", the root
    crossing = train_nlp.UDSentence(
        words=words,
        spaces=[True] * 5,
        pos=["NOUN", "AUX", "PRON", "VERB", "DET"],
        heads=[3, 3, 3, 3, 0],
        deps=["obj", "aux", "nsubj", "ROOT", "det"],
    )
    assert nonproj.is_nonproj_tree(crossing.heads)
    monkeypatch.setattr(train_nlp, "teacher_annotations", lambda *args: ([crossing], []))
    monkeypatch.setattr(train_nlp, "CORPUS_DIR", tmp_path / "corpus")
    (tmp_path / "corpus").mkdir()
    train_nlp.silver(data)
    silver = _docs(tmp_path / "corpus" / "ud-train-silver.spacy")[-1]
    assert [t.text for t in silver] == words
    heads = [t.head.i for t in silver]
    assert not nonproj.is_nonproj_tree(heads)
    assert heads[4] == 3  # lifted from "Gäste" to its head
    assert [t.dep_ for t in silver] == ["obj", "aux", "nsubj", "ROOT", "det"]  # undecorated
