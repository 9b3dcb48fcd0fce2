from pathlib import Path

import pytest

from lagebild.document import Document, PartialDate
from lagebild.errors import StoreError
from lagebild.store import open_store
from lagebild.store.migrations import MIGRATIONS
from lagebild.store.sqlite import build_match_query, fold_german


def _doc(text: str, source: str = "a.txt") -> Document:
    published = PartialDate("2021-12", "month")
    doc = Document(text=text, source=source, title="Titel", published=published)
    doc.add("entities", 0, 5, "PER")
    return doc


def test_store_add_is_idempotent_and_keeps_all_sources(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        assert store.add_document(_doc("Putin sprach.", "a.txt")) is True
        assert store.add_document(_doc("Putin  sprach.", "b.txt")) is False
        assert store.count() == 1
        [doc] = list(store.iter_documents())
        assert store.sources(doc.id) == ["a.txt", "b.txt"]


def test_store_round_trips_document_with_layers(tmp_path: Path) -> None:
    original = _doc("Putin sprach mit Biden.")
    with open_store(tmp_path / "x.db") as store:
        store.add_document(original)
    with open_store(tmp_path / "x.db") as store:
        again = store.get_document(original.id)
    assert again is not None
    assert again.published == PartialDate("2021-12", "month")
    assert [again.text_of(a) for a in again.layer("entities")] == ["Putin"]


def test_store_migrates_to_latest_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        assert store.schema_version == len(MIGRATIONS)


def test_store_rejects_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable Lagebild database"):
        open_store(bad)


def test_store_transaction_rolls_back_on_crash(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        store.add_document(_doc("Erster Artikel."))
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_document(_doc("Zweiter Artikel."))
                raise RuntimeError("crash mid-batch")
        assert store.count() == 1


@pytest.mark.parametrize(
    "query", ["Präsident", "praesident", "prasident", "US-Präsident", "Gipfel*", "STRASSE"]
)
def test_store_search_folds_case_and_umlauts(tmp_path: Path, query: str) -> None:
    with open_store(tmp_path / "x.db") as store:
        store.add_document(_doc("Der US-Präsident schlug ein Gipfeltreffen an der Straße vor."))
        store.add_document(_doc("Ganz anderer Text über Wetter."))
        hits = store.search(query)
    assert len(hits) == 1
    assert hits[0].title == "Titel"


def test_store_search_ignores_fts_syntax_in_user_input(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        store.add_document(_doc("Putin sprach."))
        assert store.search('") OR (NEAR') == []
        assert store.search("") == []


def test_fold_german_and_match_query() -> None:
    assert fold_german("Größe Übung") == "groesse uebung"
    assert build_match_query("US-Präsident") == '("us präsident" OR "us praesident")'


def test_store_results_replace_per_kind(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store:
        store.put_results("events", [{"id": 1}, {"id": 2}])
        store.put_results("events", [{"id": 3}])
        store.put_blob("idx", b"\x00\x01")
        assert store.results("events") == [{"id": 3}]
        assert store.get_blob("idx") == b"\x00\x01"
        assert store.get_blob("nope") is None
