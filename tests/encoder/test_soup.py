"""Model soup members in scripts/train_encoder.py: runs, exported folders, seed checks."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lagebild.encoder.model import export_weights


@pytest.fixture(scope="module")
def train_encoder(load_script):
    return load_script("train_encoder")


def _weights(seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "ner.w": rng.normal(size=(9, 32)).astype(np.float32),
        "ner.b": rng.normal(size=9).astype(np.float32),
    }


def _run(folder: Path, weights: dict[str, np.ndarray], seed: int, tasks: list[str]) -> Path:
    folder.mkdir()
    np.savez(folder / "best.npz", **weights)
    meta = {"tasks": tasks, "upos": None, "deps": None, "args": {"seed": seed}}
    (folder / "best.json").write_text(json.dumps(meta))
    return folder


def test_exported_folder_is_read_back_as_float(train_encoder, tmp_path: Path) -> None:
    original = _weights(0)
    members = {"soup": ["a", "b"], "members": [{"seed": 0}, {"seed": 0, "data_seed": 2}]}
    export_weights(original, tmp_path / "shipped", {"args": members})
    weights, meta = train_encoder.soup_member(tmp_path / "shipped")
    assert set(weights) == set(original)
    # int8 with one scale per row: at most half a step of that row's scale off
    step = np.abs(original["ner.w"]).max(axis=1, keepdims=True) / 127.0
    assert np.all(np.abs(weights["ner.w"] - original["ner.w"]) <= step / 2 + 1e-6)
    assert np.array_equal(weights["ner.b"], original["ner.b"])
    assert meta["tasks"] == ["ner"]
    assert train_encoder._seeds(meta["args"]) == {0}


def test_auxiliary_task_does_not_block_averaging(train_encoder, tmp_path: Path) -> None:
    _, meta = train_encoder.soup_member(_run(tmp_path / "r", _weights(1), 0, ["ner", "ud", "hipe"]))
    assert meta["tasks"] == ["ner", "ud"]


def test_neither_run_nor_model_is_refused(train_encoder, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit, match="neither a finished training run"):
        train_encoder.soup_member(tmp_path / "empty")


def test_runs_from_other_seeds_are_refused(train_encoder, tmp_path: Path) -> None:
    a = _run(tmp_path / "a", _weights(1), 0, ["ner"])
    b = _run(tmp_path / "b", _weights(2), 1, ["ner"])
    with pytest.raises(SystemExit, match="another --seed"):
        train_encoder.soup([a, b], tmp_path / "out", tmp_path)
    assert not (tmp_path / "out").exists()


def test_shares_must_match_the_members(train_encoder, tmp_path: Path) -> None:
    a = _run(tmp_path / "a", _weights(1), 0, ["ner"])
    with pytest.raises(SystemExit, match="--shares"):
        train_encoder.soup([a], tmp_path / "out", tmp_path, shares=[1.0, 2.0])


def test_seeds_of_a_nested_soup(train_encoder) -> None:
    inner = {"soup": ["x", "y"], "members": [{"seed": 0}, {"seed": 0}]}
    assert train_encoder._seeds({"soup": ["s", "z"], "members": [inner, {"seed": 0}]}) == {0}
    assert train_encoder._seeds({"soup": ["s", "z"], "members": [inner, {"seed": 3}]}) == {0, 3}


def test_a_member_without_the_bilinear_term_counts_it_as_zero(
    train_encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(train_encoder, "runtime_dev_scores", lambda *_: {"ner": {"all": {"f": 0}}})
    plain = _weights(1)
    with_term = {**_weights(2), "lab.u": np.ones((6, 3), dtype=np.float32)}
    a = _run(tmp_path / "a", plain, 0, ["ner"])
    b = _run(tmp_path / "b", with_term, 0, ["ner"])
    train_encoder.soup([a, b], tmp_path / "out", tmp_path, shares=[3.0, 1.0])
    averaged = dict(np.load(tmp_path / "out" / "best.npz"))
    assert np.allclose(averaged["lab.u"], 0.25)
    assert np.allclose(averaged["ner.b"], (3 * plain["ner.b"] + with_term["ner.b"]) / 4)
    other = _run(tmp_path / "c", {**_weights(3), "arc.u": np.ones((2, 2), np.float32)}, 0, ["ner"])
    with pytest.raises(SystemExit, match="other weight names"):
        train_encoder.soup([a, other], tmp_path / "out2", tmp_path)
