"""Dictionary lemmas over the trained lemmatizer (`lagebild.lexicon_lemmas`)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.lexicon_lemmas import COMPONENT, apply_lexicon_lemmas, lexicon_lemma
from lagebild.nlp import load_nlp, model_available

VOCAB = spacy.blank("de").vocab


@pytest.mark.parametrize(
    ("text", "pos", "lemma"),
    [
        ("aufgefordert", "VERB", "auffordern"),  # separable verb: "ge" inside, weak
        ("getroffen", "VERB", "treffen"),  # strong participle, vowel change
        ("drohte", "VERB", "drohen"),
        ("Sanktionen", "NOUN", "Sanktion"),
    ],
)
def test_the_dictionary_lemmatises_the_words_it_knows(text: str, pos: str, lemma: str) -> None:
    assert lexicon_lemma(text, pos) == lemma


def test_names_and_adjectives_keep_the_model_lemma() -> None:
    # the dictionary would read a common word into them: "Alp", "vereinigen"
    assert lexicon_lemma("Alpen", "PROPN") is None
    assert lexicon_lemma("Vereinigten", "ADJ") is None
    assert lexicon_lemma("Alpen", "NOUN") == "Alp"  # the same word as a noun is looked up


def test_a_verb_keeps_its_lemma_where_the_dictionary_answers_with_a_noun() -> None:
    # a sentence-initial "Spielen" is "Spiel" to the dictionary: no lemma of a verb
    assert lexicon_lemma("Spielen", "NOUN") == "Spiel"
    assert lexicon_lemma("Spielen", "VERB") is None


def test_pronouns_are_looked_up_in_lower_case() -> None:
    assert lexicon_lemma("Ihnen", "PRON") == lexicon_lemma("ihnen", "PRON") is not None


def test_the_component_replaces_only_the_lemmas_it_knows() -> None:
    doc = Doc(
        VOCAB,
        words=["Biden", "hatte", "Putin", "aufgefordert"],
        pos=["PROPN", "AUX", "PROPN", "VERB"],
        lemmas=["Biden", "haben", "Putin", "aufgeforderen"],
    )
    apply_lexicon_lemmas(doc)
    assert [t.lemma_ for t in doc] == ["Biden", "haben", "Putin", "auffordern"]


needs_model = pytest.mark.skipif(not model_available(), reason="no shipped spaCy model")


@needs_model
def test_the_pipeline_lemmatises_participles_of_separable_verbs() -> None:
    nlp = load_nlp()
    assert COMPONENT in nlp.pipe_names
    doc = nlp("Die Regierung hat die Bürger aufgefordert und die Maßnahmen durchgeführt.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["aufgefordert"] == "auffordern"
    assert lemmas["durchgeführt"] == "durchführen"
    assert lemmas["Maßnahmen"] == "Maßnahme"


@needs_model
def test_the_pass_can_be_switched_off() -> None:
    assert COMPONENT not in load_nlp(lexicon_lemmas=False).pipe_names
