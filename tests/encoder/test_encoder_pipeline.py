"""The shipped transformer (accurate mode): loads offline, tags and parses our own sentences,
windows long ones, is selected by argument or environment, and fits the model size budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.encoder.spacy_component import DEFAULT_FOLDER, FACTORY
from lagebild.errors import ConfigError
from lagebild.nlp import ACTOR_RULER, DEFAULT_MODEL, load_nlp, nlp_mode

pytestmark = pytest.mark.skipif(
    not (DEFAULT_FOLDER / "weights.npz").is_file(), reason="transformer model not shipped"
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(mode="accurate")


def _ents(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


def test_replaces_the_cnn_ner_and_keeps_the_registry_ruler_after_it(nlp) -> None:
    assert "ner" not in nlp.pipe_names
    names = nlp.pipe_names
    assert names.index("parser") < names.index(FACTORY) < names.index(ACTOR_RULER)
    assert load_nlp(mode="accurate") is nlp
    assert load_nlp(mode="standard") is not nlp


def test_finds_persons_places_and_organisations(nlp) -> None:
    doc = nlp(
        "Die Außenministerin Annalena Baerbock traf am Montag in Warschau ihren polnischen "
        "Kollegen. Danach sprach sie vor Vertretern der Europäischen Kommission und der Nato."
    )
    ents = _ents(doc)
    assert ("Annalena Baerbock", "PER") in ents
    assert ("Warschau", "LOC") in ents
    assert ("Europäischen Kommission", "ORG") in ents
    assert ("Nato", "ORG") in ents
    assert all(label in {"PER", "LOC", "ORG", "MISC"} for _, label in ents)


def test_long_sentence_is_tagged_in_overlapping_windows(nlp) -> None:
    filler = " ".join(["und dann redeten alle noch sehr lange über das Wetter"] * 40)
    text = f"Olaf Scholz sagte in Hamburg, {filler}, bis Emmanuel Macron in Paris ankam."
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        token.is_sent_start = False
    doc = nlp.get_pipe(FACTORY)(doc)
    ents = _ents(doc)
    assert ("Olaf Scholz", "PER") in ents
    assert ("Emmanuel Macron", "PER") in ents
    assert ("Paris", "LOC") in ents


def test_a_token_longer_than_a_window_does_not_stop_the_sentence(nlp) -> None:
    doc = nlp("Siehe " + "x" * 3000 + " , sagte Angela Merkel in Berlin.")
    assert ("Angela Merkel", "PER") in _ents(doc)


def test_deterministic_and_batch_independent(nlp) -> None:
    texts = [
        "Wladimir Putin empfing den türkischen Präsidenten im Kreml.",
        "Der Bundestag in Berlin stimmte zu.",
        "Kurz.",
    ]
    one_by_one = [_ents(nlp(t)) for t in texts]
    batched = [_ents(d) for d in nlp.pipe(texts, batch_size=3)]
    assert one_by_one == batched


def test_reparses_subject_and_objects(nlp, verb_args) -> None:
    if not nlp.get_pipe(FACTORY).parse:
        pytest.skip("shipped encoder has no parsing heads")
    doc = nlp("Scholz hatte Orbán im Gespräch mit deutlichen Konsequenzen gedroht.")
    args = verb_args(doc, "drohen")
    assert "Scholz" in args.get("nsubj", set())
    # "drohen" takes a dative object, which GSD marks as iobj or obl:arg
    assert "Orbán" in args.get("obj", set()) | args.get("iobj", set()) | args.get("obl:arg", set())
    doc = nlp("Die Ministerin hat dem Ausschuss gestern einen neuen Entwurf vorgelegt.")
    args = verb_args(doc, "vorlegen")
    assert "Ministerin" in args.get("nsubj", set())
    assert "Entwurf" in args.get("obj", set())
    # GSD marks dative objects as iobj or obl:arg
    assert "Ausschuss" in args.get("iobj", set()) | args.get("obl:arg", set())
    for sent in doc.sents:  # one tree per sentence, boundaries kept
        assert sum(1 for t in sent if t.dep_ == "ROOT") == 1


def test_backend_from_environment_and_bad_names(monkeypatch) -> None:
    monkeypatch.setenv("LAGEBILD_NLP_MODE", "accurate")
    assert nlp_mode() == "accurate"
    assert nlp_mode("fast") == "fast"
    monkeypatch.setenv("LAGEBILD_NLP_MODE", "bert")
    with pytest.raises(ConfigError, match="bert"):
        nlp_mode()


def test_stage_records_the_backend() -> None:
    from lagebild.stages.nlp_spacy import SpacyStage

    assert SpacyStage(mode="accurate").get_config()["mode"] == "accurate"


def test_shipped_models_fit_the_size_budget() -> None:
    def size(folder: Path) -> int:
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())

    assert size(DEFAULT_MODEL) + size(DEFAULT_FOLDER) <= 80 * 1024 * 1024


def test_evaluate_reports_entity_scores_without_the_ruler() -> None:
    from spacy.tokens import Doc
    from spacy.training import Example

    plain = load_nlp(mode="accurate", known_actors=False)
    assert ACTOR_RULER not in plain.pipe_names
    words = "Wladimir Putin traf Angela Merkel in Berlin .".split()
    tags = ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
    gold = Doc(plain.vocab, words=words, ents=tags)
    wrong = Doc(plain.vocab, words=words, ents=["O"] * 6 + ["B-ORG", "O"])
    scores = plain.evaluate([Example(Doc(plain.vocab, words=words), gold)])
    assert scores["ents_f"] == 1.0 and set(scores["ents_per_type"]) == {"PER", "LOC"}
    # the scorer compares with the reference: a reference the model disagrees with scores lower
    assert plain.evaluate([Example(Doc(plain.vocab, words=words), wrong)])["ents_f"] == 0.0


def test_a_chunk_of_two_sentences_gives_names_across_it_and_a_tree_per_sentence(nlp) -> None:
    model = nlp.get_pipe(FACTORY).model
    first = ["Olaf", "Scholz", "landete", "am", "Morgen", "."]
    second = ["Er", "traf", "Emmanuel", "Macron", "in", "Paris", "."]
    parse = model.parses
    segments = [(0, 6), (6, 13)] if parse else []
    [(entities, trees)] = model.analyse_chunks([first + second], [segments])
    assert ("PER", 0, 2) in entities and ("PER", 8, 10) in entities
    assert ("LOC", 11, 12) in entities
    if not parse:
        return
    for tree, n in zip(trees, (6, 7), strict=True):
        assert tree.heads is not None and len(tree.heads) == n
        assert all(0 <= h < n for h in tree.heads)  # heads stay inside their own sentence
        assert sum(1 for w, h in enumerate(tree.heads) if w == h) == 1
