"""Acceptance of issue 2 on the five sample articles in ../shared/seeds (skipped if absent).

Expectations are line numbers into the seed files, never their text (the seeds stay outside
the repo).
"""

import re
from pathlib import Path

import pytest

from lagebild.document import Document
from lagebild.ingest import ingest_paths
from lagebild.store import open_store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")

# seed prefix -> 1-based line numbers of real body paragraphs and crossheads
BODY_LINES = {
    "000": [5, 7, 9, 11, 15, 17, 23, 25, 27],
    "001": [3, 5, 7, 9, 11, 13, 15],
    "002": [8, 10, 12, 14, 15, 17],
    "003": [9, 11, 13, 15, 17, 19, 21],
    "004": [3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23],
}
# seed prefix -> line numbers of web residue that must not reach the body
RESIDUE_LINES = {
    "000": [3, 13, 19, 21],
    "002": list(range(19, 48)),
    "003": [7],
}
TITLE_LINE = {"002": 3, "003": 3}
EXPECTED_DATES = {
    "000": ("2021-12", "month"),
    "001": ("2021-04", "month"),
    "002": ("2021-04-13T20:25", "minute"),
    "003": ("2021-12-31T00:07", "minute"),
    "004": ("2021-12", "month"),
}
RESIDUE_WORDS = re.compile(
    r"\bAnzeige\b|Newsletter|ABONNIEREN|play_arrow|Loading|00:00|Kommentare|Kommentieren"
    r"|Kostenlose Spiele|krone\.at|\(Quelle:|forum@"
)


def _seed_lines(prefix: str) -> list[str]:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def seed_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_store(db) as store:
        report = ingest_paths([SEEDS], store)
        assert len(report.new) == 5 and not report.rejected
        again = ingest_paths([SEEDS], store)
        assert (len(again.new), len(again.duplicates)) == (0, 5)
        assert store.count() == 5
        docs = list(store.iter_documents())
    return {Path(doc.source).name[:3]: doc for doc in docs}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("prefix", sorted(EXPECTED_DATES))
def test_seed_publication_date_and_precision(seed_docs: dict[str, Document], prefix: str) -> None:
    published = seed_docs[prefix].published
    assert published is not None
    assert (published.value, published.precision) == EXPECTED_DATES[prefix]


def test_seed_agency_reuters(seed_docs: dict[str, Document]) -> None:
    assert seed_docs["003"].agency == "Reuters"


@pytest.mark.parametrize("prefix", sorted(BODY_LINES))
def test_seed_body_paragraphs_all_kept(seed_docs: dict[str, Document], prefix: str) -> None:
    body = _norm(seed_docs[prefix].text)
    lines = _seed_lines(prefix)
    missing = [n for n in BODY_LINES[prefix] if _norm(lines[n - 1]) not in body]
    assert not missing, f"{prefix}: body lines {missing} lost"


@pytest.mark.parametrize("prefix", sorted(BODY_LINES))
def test_seed_body_has_no_web_residue(seed_docs: dict[str, Document], prefix: str) -> None:
    doc = seed_docs[prefix]
    assert not RESIDUE_WORDS.search(doc.text), RESIDUE_WORDS.search(doc.text)
    body_lines = {_norm(line) for line in doc.text.split("\n")}
    lines = _seed_lines(prefix)
    leaked = [n for n in RESIDUE_LINES.get(prefix, []) if lines[n - 1].strip()
              and _norm(lines[n - 1]) in body_lines]
    assert not leaked, f"{prefix}: residue lines {leaked} left in body"
    assert doc.removed, "removed boilerplate must be kept as spans"


@pytest.mark.parametrize("prefix", sorted(TITLE_LINE))
def test_seed_title_is_metadata_not_body(seed_docs: dict[str, Document], prefix: str) -> None:
    doc = seed_docs[prefix]
    title = _norm(_seed_lines(prefix)[TITLE_LINE[prefix] - 1])
    assert doc.title is not None and _norm(doc.title) == title
    assert not doc.text.lstrip().startswith(title)


def test_seed_dateline_and_outlet_hints(seed_docs: dict[str, Document]) -> None:
    assert seed_docs["000"].dateline == "Moskau"
    assert seed_docs["004"].dateline == "Washington"
    assert seed_docs["002"].outlet and "krone" in seed_docs["002"].outlet.lower()
    assert seed_docs["000"].outlet and "RND" in seed_docs["000"].outlet
    assert all(doc.language == "de" for doc in seed_docs.values())
