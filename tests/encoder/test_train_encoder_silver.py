"""`--silver-tasks` in scripts/train_encoder.py: which teacher labels join the gold data."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def train_encoder(load_script):
    return load_script("train_encoder")


def _silver(train_encoder):
    tree = train_encoder.UDSentence(
        words=["Biden", "droht"], pos=["PROPN", "VERB"], heads=[1, 1], deps=["nsubj", "root"]
    )
    names = [(["Putin", "spricht"], ["B-PER", "O"])]
    return [tree], names


@pytest.mark.parametrize(
    ("spec", "keeps_trees", "keeps_names"),
    [("ud", True, False), ("ner", False, True), ("ner,ud", True, True), (" ud , ner ", True, True)],
)
def test_silver_tasks_keep_only_the_requested_labels(
    train_encoder, spec: str, keeps_trees: bool, keeps_names: bool
) -> None:
    trees, names = _silver(train_encoder)
    kept_trees, kept_names = train_encoder.select_silver(trees, names, spec)
    assert kept_trees == (trees if keeps_trees else [])
    assert kept_names == (names if keeps_names else [])


@pytest.mark.parametrize("spec", ["", "pos", "ud,lemma"])
def test_unknown_silver_tasks_are_refused_with_the_given_value(train_encoder, spec: str) -> None:
    trees, names = _silver(train_encoder)
    with pytest.raises(SystemExit, match="--silver-tasks"):
        train_encoder.select_silver(trees, names, spec)
