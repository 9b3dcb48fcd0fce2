"""One label per name within a document (`lagebild.entity_consistency`)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.entity_consistency import COMPONENT, harmonise_entity_labels
from lagebild.nlp import ACTOR_RULER, load_nlp

VOCAB = spacy.blank("de").vocab


def _doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(VOCAB, words=words, ents=ents)


def _labels(doc: Doc) -> list[tuple[str, str, int, int]]:
    return [(e.text, e.label_, e.start, e.end) for e in doc.ents]


def test_a_minority_label_of_a_name_follows_the_majority() -> None:
    words = "Putin sagte . Biden rief Putin an . Ein Telefonat mit Putin .".split()
    tags = ["B-PER", "O", "O", "B-PER", "O", "B-PER", "O", "O", "O", "O", "O", "B-LOC", "O"]
    doc = harmonise_entity_labels(_doc(words, tags))
    assert _labels(doc) == [
        ("Putin", "PER", 0, 1),
        ("Biden", "PER", 3, 4),
        ("Putin", "PER", 5, 6),
        ("Putin", "PER", 11, 12),  # was LOC; same span, new label
    ]


def test_a_tie_or_a_single_vote_changes_nothing() -> None:
    words = "Washington schwieg . In Washington regnete es . Paris auch .".split()
    tags = ["B-PER", "O", "O", "O", "B-LOC", "O", "O", "O", "B-LOC", "O", "O"]
    doc = harmonise_entity_labels(_doc(words, tags))
    assert [label for _, label, _, _ in _labels(doc)] == ["PER", "LOC", "LOC"]


def test_a_full_name_and_a_genitive_vote_with_the_surname() -> None:
    words = "Wladimir Putin kam . Putins Rede . Gespräch mit Putin .".split()
    tags = ["B-PER", "I-PER", "O", "O", "B-PER", "O", "O", "O", "O", "B-LOC", "O"]
    doc = harmonise_entity_labels(_doc(words, tags))
    assert _labels(doc) == [
        ("Wladimir Putin", "PER", 0, 2),
        ("Putins", "PER", 4, 5),
        ("Putin", "PER", 9, 10),
    ]


def test_organisations_are_harmonised_too() -> None:
    words = "Die Nato tagt . Die Nato warnt . Beitritt zur Nato .".split()
    tags = ["O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "B-LOC", "O"]
    doc = harmonise_entity_labels(_doc(words, tags))
    assert [label for _, label, _, _ in _labels(doc)] == ["ORG", "ORG", "ORG"]


@pytest.mark.parametrize("mode", ["standard", "fast", "accurate"])
def test_every_mode_ends_with_the_consistency_pass(mode: str) -> None:
    names = load_nlp(mode=mode).pipe_names
    assert names[-1] == COMPONENT
    assert names.index(ACTOR_RULER) < names.index(COMPONENT)
    assert COMPONENT not in load_nlp(mode=mode, entity_consistency=False).pipe_names


def test_a_mention_the_tagger_missed_gets_the_names_label() -> None:
    words = "Biden sagte . Biden rief an . Gespräch mit Biden . Bidens Plan . Joe Biden".split()
    tags = ["B-PER", "O", "O", "B-PER", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    tags += ["B-PER", "I-PER"]
    doc = harmonise_entity_labels(_doc(words, tags))
    assert _labels(doc) == [
        ("Biden", "PER", 0, 1),
        ("Biden", "PER", 3, 4),
        ("Biden", "PER", 9, 10),  # added
        ("Bidens", "PER", 11, 12),  # added: genitive of the name
        ("Joe Biden", "PER", 14, 16),
    ]


def test_a_multi_word_name_is_matched_on_whole_tokens_outside_other_entities() -> None:
    words = "Das Weiße Haus schwieg . Im Weiße Haus - Streit ? Das Weiße Haus . Weiße Haus".split()
    tags = ["O", "B-ORG", "I-ORG", "O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC"]
    tags += ["O", "O", "B-ORG", "I-ORG", "O", "O", "O"]
    doc = harmonise_entity_labels(_doc(words, tags))
    assert _labels(doc) == [
        ("Weiße Haus", "ORG", 1, 3),
        ("Weiße Haus - Streit", "MISC", 6, 10),  # covers a mention: left alone
        ("Weiße Haus", "ORG", 12, 14),
        ("Weiße Haus", "ORG", 15, 17),  # added
    ]


def test_a_name_the_tagger_mostly_leaves_alone_is_not_propagated() -> None:
    words = "Union kam . Union ging . Union hier . Union da . Union dort .".split()
    tags = ["B-ORG", "O", "O", "B-ORG", "O", "O"] + ["O"] * 9
    doc = harmonise_entity_labels(_doc(words, tags))
    assert [(start, end) for _, _, start, end in _labels(doc)] == [(0, 1), (3, 4)]


def test_a_single_vote_or_a_lowercase_name_adds_nothing() -> None:
    words = "Sullivan kam . Sullivan ging . iPhone , iPhone und iPhone . iPhone".split()
    tags = ["B-PER", "O", "O", "O", "O", "O", "B-MISC", "O", "B-MISC", "O", "B-MISC", "O", "O"]
    doc = harmonise_entity_labels(_doc(words, tags))
    assert [(start, end) for _, _, start, end in _labels(doc)] == [(0, 1), (6, 7), (8, 9), (10, 11)]
