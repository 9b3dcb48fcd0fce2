"""The tree decoder returns the highest-scoring tree with one root child (brute-force check)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from lagebild.encoder.mst import best_tree


def _is_tree(heads: list[int]) -> bool:
    if sum(1 for h in heads if h == 0) != 1:
        return False
    for start in range(1, len(heads) + 1):
        node, seen = start, set()
        while node != 0:
            if node in seen:
                return False
            seen.add(node)
            node = heads[node - 1]
    return True


def _brute_force(scores: np.ndarray) -> float:
    n = scores.shape[0] - 1
    best = -np.inf
    for heads in itertools.product(range(n + 1), repeat=n):
        if any(h == d + 1 for d, h in enumerate(heads)) or not _is_tree(list(heads)):
            continue
        best = max(best, sum(scores[d + 1, h] for d, h in enumerate(heads)))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_best_tree_matches_brute_force(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 6))
    scores = rng.normal(size=(n + 1, n + 1))
    heads = best_tree(scores)
    assert _is_tree(heads)
    total = sum(scores[d + 1, h] for d, h in enumerate(heads))
    assert total == pytest.approx(_brute_force(scores))


def test_cycle_of_greedy_heads_is_broken() -> None:
    # words 1 and 2 prefer each other as heads; the tree must still reach the root
    scores = np.full((4, 4), -5.0)
    scores[1, 2] = scores[2, 1] = 10.0
    scores[3, 0] = 1.0
    scores[1, 3] = 2.0
    heads = best_tree(scores)
    assert _is_tree(heads)
    assert heads.count(0) == 1
