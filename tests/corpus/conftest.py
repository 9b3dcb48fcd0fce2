"""Fixtures for corpus tests: an in-memory store and hand-annotated seed documents.

The seed documents get `time` and `actor` layers written by hand here (what the time and actor
stages are specified to produce), so the corpus logic is tested without those stages.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from lagebild.document import Document, PartialDate

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


class MemoryStore:
    """The subset of the store API the corpus stages use."""

    def __init__(self, docs: list[Document] | None = None) -> None:
        self.docs: dict[str, Document] = {d.id: d for d in docs or []}
        self.kinds: dict[str, list[dict[str, Any]]] = {}
        self.blobs: dict[str, bytes] = {}

    def add(self, doc: Document) -> None:
        self.docs[doc.id] = doc

    def iter_documents(self):
        yield from self.docs.values()

    def get_document(self, doc_id: str) -> Document | None:
        return self.docs.get(doc_id)

    def put_results(self, kind: str, items: list[dict[str, Any]]) -> None:
        self.kinds[kind] = [dict(i) for i in items]

    def results(self, kind: str) -> list[dict[str, Any]]:
        return list(self.kinds.get(kind, []))

    def put_blob(self, key: str, data: bytes) -> None:
        self.blobs[key] = data

    def get_blob(self, key: str) -> bytes | None:
        return self.blobs.get(key)


class BagEmbedder:
    """Deterministic stand-in for a sentence encoder: hashed bag of lowercased words."""

    name = "test-bag"
    dim = 256

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w{4,}", text.lower()):
                out[i, sum(map(ord, word)) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return out / norms


def weekdays(year: int, month: int, weekday: int) -> list[str]:
    """ISO days of one weekday (Mon=0) in a month — what the time stage gives for 'am Dienstag'."""
    day = date(year, month, 1)
    out = []
    while day.month == month:
        if day.weekday() == weekday:
            out.append(day.isoformat())
        day += timedelta(days=1)
    return out


def annotate(doc: Document, layer: str, phrase: str, label: str = "", nth: int = 0,
             **attrs: Any) -> None:
    positions = [m.start() for m in re.finditer(re.escape(phrase), doc.text)]
    start = positions[nth]
    doc.add(layer, start, start + len(phrase), label, **attrs)


ACTORS = {
    "Putin": ("Q7747", "Wladimir Putin"),
    "Biden": ("Q6279", "Joe Biden"),
    "Peskow": ("Q4158191", "Dmitri Peskow"),
    "Uschakow": ("Q4502064", "Juri Uschakow"),
    "Selenskyj": ("Q3881680", "Wolodymyr Selenskyj"),
}


def _seed_text(name: str) -> tuple[str, PartialDate | None]:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    match = re.match(r"\s*date (\d{4}-\d{2}) ", raw)
    if match:
        return raw[match.end():].strip(), PartialDate(match.group(1), "month")
    return raw.strip(), None


def _day(value: str) -> dict[str, Any]:
    return {"type": "DATE", "value": value, "precision": "day"}


def _vague(year: int, month: int, weekday: int) -> dict[str, Any]:
    return {"type": "DATE", "value": f"{year}-{month:02d}", "precision": "month",
            "candidates": weekdays(year, month, weekday)}


def build_seed_docs() -> dict[str, Document]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not available")
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    docs: dict[str, Document] = {}
    outlets = ["rnd", "rt-de", "krone", "t-online", "rnd-agency"]
    for key, name in zip(("000", "001", "002", "003", "004"), files, strict=True):
        text, published = _seed_text(name)
        doc = Document(text=text, outlet=outlets[int(key)], published=published)
        docs[key] = doc
    d = docs["000"]
    annotate(d, "time", "am Sonntag", "DATE", **_vague(2021, 12, 6))
    annotate(d, "time", "am Dienstag", "DATE", **_vague(2021, 12, 1))
    d = docs["001"]
    annotate(d, "time", "Am Dienstag", "DATE", **_vague(2021, 4, 1))
    annotate(d, "time", "am 22. und 23. April", "DATE", type="DATE", value="2021-04-22",
             precision="day", interval={"start": "2021-04-22", "end": "2021-04-23"})
    d = docs["002"]
    d.published = PartialDate("2021-04-13", "day")
    annotate(d, "time", "13.04.2021 20:25", "TIME", type="TIME", value="2021-04-13T20:25",
             precision="minute")
    annotate(d, "time", "am Dienstag", "DATE", **_day("2021-04-13"))
    annotate(d, "time", "am 22. und 23. April", "DATE", **_day("2021-04-22"))
    d = docs["003"]
    annotate(d, "time", "31.12.2021, 00:07 Uhr", "TIME", type="TIME",
             value="2021-12-31T00:07", precision="minute")
    annotate(d, "time", "am Donnerstagabend", "DATE", **_vague(2021, 12, 3))
    d = docs["004"]
    annotate(d, "time", "am Mittwoch", "DATE", **_vague(2021, 12, 2))
    annotate(d, "time", "am Vortag", "DATE", **_vague(2021, 12, 1))
    annotate(d, "time", "Anfang 2022", "DATE", type="DATE", value="2022-01", precision="month")
    for doc in docs.values():
        for surname, (actor_id, full) in ACTORS.items():
            for m in re.finditer(surname, doc.text):
                doc.add("actor", m.start(), m.end(), "PER", actor_id=actor_id, name=full,
                        via="surname")
    return docs


@pytest.fixture
def seed_docs() -> dict[str, Document]:
    return build_seed_docs()


@pytest.fixture
def bag_embedder() -> BagEmbedder:
    return BagEmbedder()


@pytest.fixture
def memory_store_cls() -> type[MemoryStore]:
    return MemoryStore
