"""Container date parsing, including German-localised feed dates."""

from __future__ import annotations

import pytest

from lagebild.readers.dates import parse_container_date


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("Di, 13 Apr 2021 20:25:00 +0200", "2021-04-13T20:25+02:00"),
        ("Tue, 13 Apr 2021 20:25:00 +0200", "2021-04-13T20:25+02:00"),
        ("13. April 2021", "2021-04-13"),
        ("Do, 30 Dez 2021 23:58:00 +0100", "2021-12-30T23:58+01:00"),
        ("Donnerstag, 30. Dezember 2021, 22:40 Uhr", "2021-12-30T22:40"),
        ("Mi., 8. Dez. 2021 18.30 Uhr MEZ", "2021-12-08T18:30+01:00"),
        ("7. März 2021 09:05:30 MESZ", "2021-03-07T09:05:30+02:00"),
        ("13.04.2021 20:25", "2021-04-13T20:25"),
        ("31.12.2021, 00:07 Uhr", "2021-12-31T00:07"),
        ("2021-12-30T21:35:00Z", "2021-12-30T21:35+00:00"),
        ("2021-12-07", "2021-12-07"),
        ("Dezember 2021", "2021-12"),
        ("Jänner 2022", "2022-01"),
        ("Mai 2021", "2021-05"),
    ],
)
def test_parse_container_date(raw: str, iso: str) -> None:
    assert parse_container_date(raw) == iso


@pytest.mark.parametrize("raw", [None, "", "   ", "13. April", "gestern", "Mai", "kein Datum 2021"])
def test_parse_container_date_refuses_to_guess(raw: str | None) -> None:
    assert parse_container_date(raw) is None
