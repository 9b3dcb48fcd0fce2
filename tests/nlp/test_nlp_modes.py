"""The three NLP modes: which components run, the fast mode's shared tok2vec, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from lagebild.errors import ConfigError
from lagebild.nlp import ACTOR_RULER, DEFAULT_MODEL, FAST_COMPONENTS, SENTENCE_RULES, load_nlp


def test_standard_mode_leaves_the_fast_heads_out() -> None:
    nlp = load_nlp(mode="standard")
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    assert not set(FAST_COMPONENTS) & set(nlp.component_names)
    raw = spacy.load(DEFAULT_MODEL)  # stored disabled: a plain spacy.load runs the standard set
    assert not set(FAST_COMPONENTS) & set(raw.pipe_names)
    assert set(FAST_COMPONENTS) <= set(raw.component_names)


def test_fast_mode_runs_one_tok2vec_and_narrow_heads() -> None:
    nlp = load_nlp(mode="fast")
    names = nlp.pipe_names
    assert "parser" not in names and "ner" not in names
    assert names.index(SENTENCE_RULES) < names.index("parser_fast")
    assert names.index("ner_fast") < names.index(ACTOR_RULER)
    # the fast heads listen to the shared tok2vec instead of carrying their own
    tok2vec = nlp.get_pipe("tok2vec")
    assert set(FAST_COMPONENTS) <= set(tok2vec.listening_components)
    doc = nlp("Der Minister reiste am Montag nach Berlin. Dort traf er die Kanzlerin.")
    sents = list(doc.sents)
    assert len(sents) == 2
    assert all(sum(1 for t in s if t.dep_ == "ROOT") == 1 for s in sents)
    assert ("Berlin", "LOC") in {(e.text, e.label_) for e in doc.ents}


def test_fast_mode_needs_the_fast_heads(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    spacy.blank("de").to_disk(folder)
    with pytest.raises(ConfigError, match="fast-mode components"):
        load_nlp(folder, mode="fast")
