"""Maximum spanning dependency tree (Chu-Liu/Edmonds) over arc scores.

The biaffine scorer gives every word a score for every possible head; taking each word's best
head can produce cycles or several roots. Chu-Liu/Edmonds finds the best tree that has exactly
one word attached to the root, allowing crossing arcs (German has them). spaCy has no public
decoder for external scores and the recursion is short, so it is written here.
"""

from __future__ import annotations

import numpy as np


def best_tree(scores: np.ndarray) -> list[int]:
    """``scores[d, h]`` for nodes 0..n (0 = root, row 0 unused) → head of each node 1..n."""
    n = scores.shape[0]
    if n <= 1:
        return []
    s = scores.astype(np.float64).copy()
    np.fill_diagonal(s, -np.inf)
    s[0, :] = -np.inf
    heads = _chu_liu_edmonds(s)
    if int((heads[1:] == 0).sum()) == 1:
        # The best tree overall already has one root child, so it is also the best such tree;
        # the trained scorer almost always gets here, which keeps decoding off the hot path.
        return [int(h) for h in heads[1:]]
    # Several root children: try each candidate (the best ten in long sentences, to bound the
    # cost; the right one is almost always among them) and keep the best tree.
    candidates = n - 1 if n <= 31 else 10
    root_order = np.argsort(-s[1:, 0])[:candidates] + 1
    best_heads: list[int] | None = None
    best_score = -np.inf
    for root_child in root_order:
        t = s.copy()
        t[1:, 0] = -np.inf
        t[root_child, :] = -np.inf
        t[root_child, 0] = s[root_child, 0]
        heads = _chu_liu_edmonds(t)
        total = sum(t[d, heads[d]] for d in range(1, n))
        if total > best_score:
            best_score, best_heads = total, heads
    assert best_heads is not None
    return [int(h) for h in best_heads[1:]]


def _chu_liu_edmonds(s: np.ndarray) -> np.ndarray:
    n = s.shape[0]
    heads = s.argmax(axis=1)
    heads[0] = -1
    cycle = _find_cycle(heads)
    if cycle is None:
        return heads
    in_cycle = np.zeros(n, dtype=bool)
    in_cycle[cycle] = True
    rest = np.flatnonzero(~in_cycle)
    c = len(rest)  # the contracted node's index in the smaller problem
    cycle_score = sum(s[d, heads[d]] for d in cycle)
    small = np.full((c + 1, c + 1), -np.inf)
    small[np.ix_(range(c), range(c))] = s[np.ix_(rest, rest)]
    # arcs into the cycle: entering at d replaces d's cycle arc
    enter_gain = s[np.ix_(cycle, rest)] - s[cycle, heads[cycle]][:, None]
    best_enter = enter_gain.argmax(axis=0)
    small[c, :c] = enter_gain[best_enter, range(c)] + cycle_score
    # arcs out of the cycle: the best cycle node as head of each outside node
    leave = s[np.ix_(rest, cycle)]
    best_leave = leave.argmax(axis=1)
    small[:c, c] = leave[range(c), best_leave]
    small_heads = _chu_liu_edmonds(small)
    out = heads.copy()
    for i, node in enumerate(rest):
        if node == 0:
            continue
        h = small_heads[i]
        out[node] = cycle[best_leave[i]] if h == c else rest[h]
    h = small_heads[c]
    entry = cycle[best_enter[h]]
    out[entry] = rest[h]
    return out


def _find_cycle(heads: np.ndarray) -> np.ndarray | None:
    n = len(heads)
    state = np.zeros(n, dtype=np.int8)  # 0 unseen, 1 on the current path, 2 done
    for start in range(1, n):
        path = []
        node = start
        while node > 0 and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = heads[node]
        if node > 0 and state[node] == 1:
            return np.array(path[path.index(node) :])
        for p in path:
            state[p] = 2
    return None
