"""TxtReader: seed header, raw text kept intact, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.readers import RawRecord, read_paths
from lagebild.readers.txt import parse_seed_header

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (" date 2021-12 Anzeige", "2021-12"),
        ("date 2021-04 Joe Biden lädt ein", "2021-04"),
        (" date 2021-12-07 Titel", "2021-12-07"),
        (" date 2021-12", "2021-12"),
        ("Das date 2021-12 steht mitten im Satz", None),
        (" date 2021-13 kein Monat", None),
        (" date 20211 kaputt", None),
        ("Datum: 2021-12", None),
    ],
)
def test_parse_seed_header(line: str, expected: str | None) -> None:
    assert parse_seed_header(line + "\n\nText.") == expected


def test_txt_keeps_raw_text_and_puts_header_date_in_record(tmp_path: Path) -> None:
    raw = " date 2021-12 Anzeige\n\nMoskau. Der Kreml äußerte sich am Mittwoch.\n"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    (record,) = list(read_paths([path]))
    assert isinstance(record, RawRecord)
    assert record.text == raw
    assert record.date == "2021-12"
    assert record.extra == {"encoding": "utf-8", "date_from": "seed_header"}
    assert record.html is None and record.format == "txt"


def test_txt_normalises_crlf_and_strips_bom(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffZeile eins.\r\nZeile zwei.\r\n".encode())
    (record,) = list(read_paths([path]))
    assert record.text == "Zeile eins.\nZeile zwei.\n"
    assert record.extra["encoding"] == "utf-8-sig"


def test_txt_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Über den Gipfel wurde berichtet.".encode("utf-16"))
    (record,) = list(read_paths([path]))
    assert isinstance(record, RawRecord)
    assert record.text == "Über den Gipfel wurde berichtet."


def test_txt_reads_all_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    records = list(read_paths([SEEDS]))
    assert len(records) == 5 and all(isinstance(r, RawRecord) for r in records)
    dates = {Path(r.source).name[:3]: r.date for r in records}
    assert dates == {"000": "2021-12", "001": "2021-04", "002": None, "003": "2021-12",
                     "004": "2021-12"}
    for record in records:
        assert record.text == (Path(record.source).read_text(encoding="utf-8"))
