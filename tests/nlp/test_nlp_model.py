"""The shipped German model: loads offline from the package, tokenises news text sensibly,
finds names and the core arguments of verbs. Sentences are our own examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from lagebild.errors import ConfigError
from lagebild.nlp import DEFAULT_MODEL, load_nlp, model_available, model_path


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(mode="standard")  # these tests describe the default model, whatever the env


def _ents(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


def test_shipped_model_is_a_plain_spacy_directory_within_budget() -> None:
    assert model_available()
    assert model_path() == DEFAULT_MODEL
    raw = spacy.load(DEFAULT_MODEL)  # no Lagebild code needed, no network
    for name in ("tagger", "morphologizer", "parser", "trainable_lemmatizer", "ner"):
        assert name in raw.pipe_names
    assert set(raw.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    size = sum(p.stat().st_size for p in Path(DEFAULT_MODEL).rglob("*") if p.is_file())
    assert size <= 80 * 1024 * 1024


def test_load_nlp_caches_and_adds_sentence_rules(nlp) -> None:
    assert load_nlp(mode="standard") is nlp
    assert "lagebild_sentence_rules" in nlp.pipe_names
    assert nlp.pipe_names.index("lagebild_sentence_rules") < nlp.pipe_names.index("parser")


def test_missing_model_path_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_nlp(tmp_path / "nowhere")


def test_tokenizer_keeps_compounds_and_splits_quotes_and_datelines(nlp) -> None:
    doc = nlp.make_doc("Hamburg. Der EU-Kommissar sagte: „Wir prüfen das.“ Die UN-Mission endet.")
    words = [t.text for t in doc]
    assert words[:2] == ["Hamburg", "."]
    assert "EU-Kommissar" in words and "UN-Mission" in words
    assert "„" in words and "“" in words
    assert words[words.index("„") + 1] == "Wir"


def test_sentences_split_datelines_and_paragraphs_but_not_quotes(nlp) -> None:
    text = (
        "Hamburg. Die Reederei meldet einen Rekordgewinn.\n\n"
        "Neue Schiffe bestellt\n\n"
        "„Wir wachsen weiter“, sagte die Chefin. Die Aktie stieg."
    )
    sents = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sents[0] == "Hamburg."
    assert "Neue Schiffe bestellt" in sents
    assert "„Wir wachsen weiter“, sagte die Chefin." in sents
    assert not any(s in ("„", "“") for s in sents)


def test_within_a_line_no_sentence_starts_after_a_word(nlp) -> None:
    doc = nlp.make_doc("Aber Borussia Dortmund darf nie allein gehören. Warum? „Nie“ Dann: Schluss")
    doc = nlp.get_pipe("lagebild_sentence_rules")(doc)
    may_start = {t.text: t.is_sent_start is not False for t in doc[1:]}
    # after words: never; after . ? : and a closing quote: left to the parser
    assert not any(may_start[w] for w in ("Borussia", "Dortmund", "darf", "gehören"))
    assert may_start["Warum"] and may_start["Dann"] and may_start["Schluss"]
    assert may_start["„"]  # after "?"
    headline = nlp.make_doc("Gipfel ohne Ergebnis\nDie Präsidenten sprachen zwei Stunden.")
    headline = nlp.get_pipe("lagebild_sentence_rules")(headline)
    assert headline[4].text == "Die" and headline[4].is_sent_start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bundeskanzler Olaf Scholz hat am Montag in Paris den französischen Präsidenten "
            "Emmanuel Macron getroffen.",
            {("Olaf Scholz", "PER"), ("Paris", "LOC"), ("Emmanuel Macron", "PER")},
        ),
        (
            "Die Europäische Union verurteilte den Angriff auf die Stadt Charkiw scharf.",
            {("Europäische Union", "ORG"), ("Charkiw", "LOC")},
        ),
        (
            "Die Deutsche Bahn und der ADAC warnen vor Glatteis in Bayern.",
            {("Deutsche Bahn", "ORG"), ("ADAC", "ORG"), ("Bayern", "LOC")},
        ),
        (
            "Der Siemens-Konzern verlegt seine Zentrale von München nach Berlin, teilte "
            "Vorstandschef Roland Busch mit.",
            {("München", "LOC"), ("Berlin", "LOC"), ("Roland Busch", "PER")},
        ),
    ],
)
def test_named_entities_on_own_sentences(nlp, text: str, expected: set) -> None:
    assert expected <= _ents(nlp(text))


def test_subject_and_objects_of_a_threat(nlp, verb_args) -> None:
    doc = nlp("Merkel hatte Erdoğan im Telefonat mit harten Sanktionen gedroht.")
    args = verb_args(doc, "drohen")
    assert "Merkel" in args.get("nsubj", set())
    assert "Erdoğan" in args.get("obj", set()) | args.get("iobj", set())
    assert doc[0].pos_ == "PROPN"


def test_subject_and_objects_of_a_ditransitive_verb(nlp, verb_args) -> None:
    doc = nlp("Der Minister hat der Kommission einen Bericht übergeben.")
    args = verb_args(doc, "übergeben")
    assert "Minister" in args.get("nsubj", set())
    assert "Bericht" in args.get("obj", set())
    assert "Kommission" in args.get("iobj", set()) | args.get("obl", set()) | args.get(
        "obl:arg", set()
    )


def test_lemmas_and_morphology(nlp) -> None:
    doc = nlp("Die Soldaten zogen sich aus den umkämpften Städten zurück.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Soldaten"] == "Soldat"
    assert lemmas["Städten"] == "Stadt"
    assert lemmas["zogen"] == "ziehen"
    assert doc[1].morph.get("Number") == ["Plur"]


def test_model_path_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LAGEBILD_NLP_MODEL", raising=False)
    assert model_path(None) == DEFAULT_MODEL
    assert model_path("de_lagebild") == DEFAULT_MODEL
    assert model_path("de_core_news_lg") == "de_core_news_lg"  # an installed package name
    assert model_path(tmp_path) == tmp_path
    monkeypatch.setenv("LAGEBILD_NLP_MODEL", str(tmp_path))
    assert model_path(None) == tmp_path
    assert not model_available(None)
    assert model_path(DEFAULT_MODEL) == DEFAULT_MODEL  # explicit config beats the environment


def test_known_actor_ruler_fills_gaps_without_overwriting_ner() -> None:
    from lagebild.nlp import ACTOR_RULER, load_nlp

    nlp = load_nlp(mode="standard")  # the CNN misses these names; the ruler fills the gaps
    assert nlp.pipe_names.index(ACTOR_RULER) == nlp.pipe_names.index("ner") + 1
    doc = nlp("Der Kreml wies die Vorwürfe zurück. Das Weiße Haus schwieg.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Kreml", "ORG") in ents
    assert ("Weiße Haus", "ORG") in ents
    plain = load_nlp(known_actors=False, mode="standard")
    assert ACTOR_RULER not in plain.pipe_names


def test_known_actor_ruler_tags_a_registry_surname_on_its_own() -> None:
    text = "Im Telefonat bestätigte Biden außerdem die Zusagen. Peskows Antwort blieb vage."
    nlp = load_nlp(mode="standard")
    # the statistical NER switched off: every name below comes from the registry's surnames
    with nlp.select_pipes(disable=["ner"]):
        ruled = nlp(text)
    assert {("Biden", "PER"), ("Peskows", "PER")} <= _ents(ruled)
    without = load_nlp(known_actors=False, mode="standard")
    with without.select_pipes(disable=["ner"]):
        assert not _ents(without(text))


def _seat_rule_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str],
    pos: list[str] | None = None,
):
    from lagebild.nlp import SEAT_SUBJECTS, load_nlp

    rule = load_nlp(mode="standard").get_pipe(SEAT_SUBJECTS)
    doc = spacy.tokens.Doc(
        spacy.blank("de").vocab, words=words, heads=heads, deps=deps, ents=ents, pos=pos
    )
    return {(e.text, e.label_) for e in rule(doc).ents}


def test_a_seat_of_government_as_subject_is_an_organisation_elsewhere_a_place() -> None:
    # "Das Weiße Haus schwieg ." with the name tagged as a place, as the CNN tends to
    acting = _seat_rule_doc(
        ["Das", "Weiße", "Haus", "schwieg", "."],
        [2, 2, 3, 3, 3],
        ["det", "amod", "nsubj", "ROOT", "punct"],
        ["O", "B-LOC", "I-LOC", "O", "O"],
    )
    assert acting == {("Weiße Haus", "ORG")}
    # "Im Weißen Haus tagten Berater ." : the building; "Berlin schwieg ." : not a seat
    place = _seat_rule_doc(
        ["Im", "Weißen", "Haus", "tagten", "Berater", "."],
        [2, 2, 3, 3, 3, 3],
        ["case", "amod", "obl", "ROOT", "nsubj", "punct"],
        ["O", "B-LOC", "I-LOC", "O", "O", "O"],
    )
    assert place == {("Weißen Haus", "LOC")}
    city = _seat_rule_doc(
        ["Berlin", "schwieg", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"], ["B-LOC", "O", "O"]
    )
    assert city == {("Berlin", "LOC")}


def test_a_seat_tagged_misc_with_its_article_becomes_the_organisation_without_it() -> None:
    # "Das Weiße Haus verbreitete eine Erklärung ." with the article inside a MISC span
    words = ["Das", "Weiße", "Haus", "verbreitete", "eine", "Erklärung", "."]
    heads = [2, 2, 3, 3, 5, 3, 3]
    deps = ["det", "amod", "nsubj", "ROOT", "det", "obj", "punct"]
    pos = ["DET", "ADJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    misc = ["B-MISC", "I-MISC", "I-MISC", "O", "O", "O", "O"]
    acting = _seat_rule_doc(words, heads, deps, misc, pos)
    assert acting == {("Weiße Haus", "ORG")}
    # a person's name is never relabelled, even as a subject
    person = _seat_rule_doc(words, heads, deps, ["O", "B-PER", "I-PER", "O", "O", "O", "O"], pos)
    assert person == {("Weiße Haus", "PER")}
