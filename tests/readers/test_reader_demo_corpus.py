"""The bundled demo corpus: every file reads cleanly, mixed formats, one near-duplicate pair,
and no sentence shared with the sample seeds (the corpus is our own writing)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from lagebild.demo import corpus_path
from lagebild.readers import RawRecord, read_paths

DEMO = corpus_path()
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def _body(record: RawRecord) -> str:
    text = record.text or re.sub(r"<[^>]+>", " ", record.html or "")
    return " ".join(text.split())


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="module")
def records() -> list[RawRecord]:
    results = list(read_paths([DEMO]))
    assert all(isinstance(r, RawRecord) for r in results), [str(r) for r in results]
    return [r for r in results if isinstance(r, RawRecord)]


def test_demo_corpus_reads_without_rejections(records: list[RawRecord]) -> None:
    assert len(records) == 13
    assert Counter(r.format for r in records) == {"txt": 6, "html": 3, "jsonl": 2, "rss": 2}


def test_demo_corpus_has_one_near_duplicate_pair(records: list[RawRecord]) -> None:
    shingles = {Path(r.source).name: _shingles(_body(r), 5) for r in records}
    pairs = []
    names = sorted(shingles)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            jaccard = len(shingles[a] & shingles[b]) / len(shingles[a] | shingles[b])
            if jaccard > 0.5:
                pairs.append((a, b, jaccard))
    assert [(a, b) for a, b, _ in pairs] == [
        ("05_hanse-nachrichtenwerk_videogipfel.txt", "06_mittelland-kurier_videogipfel.txt")]
    assert pairs[0][2] < 1.0


def test_demo_corpus_shares_no_sentence_with_seeds(records: list[RawRecord]) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    seed_shingles: set[tuple[str, ...]] = set()
    for path in SEEDS.glob("*.txt"):
        seed_shingles |= _shingles(path.read_text(encoding="utf-8"))
    for record in records:
        shared = _shingles(_body(record)) & seed_shingles
        assert not shared, (record.source, sorted(shared)[:3])
