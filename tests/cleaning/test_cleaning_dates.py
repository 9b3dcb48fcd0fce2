"""Publication dates keep the precision that was printed."""

from __future__ import annotations

import pytest

from lagebild.cleaning.dates import (
    find_date_in_text,
    is_date_line,
    parse_container_date,
    parse_header_date,
    pick_published,
)
from lagebild.document import PartialDate


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("13.04.2021 20:25", "2021-04-13T20:25", "minute"),
        ("31.12.2021, 00:07 Uhr | rtr", "2021-12-31T00:07", "minute"),
        ("Stand: 07.12.2021 21:15 Uhr", "2021-12-07T21:15", "minute"),
        ("Veröffentlicht am 15.12.2021 um 17:45 Uhr", "2021-12-15T17:45", "minute"),
        ("Aktualisiert am 8. Dezember 2021, 4:12 Uhr", "2021-12-08T04:12", "minute"),
        ("14. April 2021", "2021-04-14", "day"),
        ("Mittwoch, 08. Dezember 2021", "2021-12-08", "day"),
        ("Dezember 2021", "2021-12", "month"),
        ("1. Jänner 2022", "2022-01-01", "day"),
    ],
)
def test_find_date_in_text_precision(text: str, value: str, precision: str) -> None:
    assert find_date_in_text(text) == PartialDate(value, precision)


@pytest.mark.parametrize("text", ["Platz 3. im Turnier", "32.13.2021", "Er kam um 20:25 an."])
def test_find_date_in_text_rejects_non_dates(text: str) -> None:
    assert find_date_in_text(text) is None


def test_parse_header_date_month_and_day() -> None:
    assert parse_header_date(" date 2021-12 Anzeige") == PartialDate("2021-12", "month")
    assert parse_header_date("date 2021-04-13 Titel") == PartialDate("2021-04-13", "day")
    assert parse_header_date("Datum 2021-12") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-04-13T20:25:00+02:00", PartialDate("2021-04-13T20:25", "minute")),
        ("2021-04-13", PartialDate("2021-04-13", "day")),
        ("2021-12", PartialDate("2021-12", "month")),
        ("Tue, 13 Apr 2021 18:25:00 +0000", PartialDate("2021-04-13T18:25", "minute")),
        ("Tue, 13 Apr 2021 00:00:00 +0000", PartialDate("2021-04-13", "day")),
        ("13.04.2021", PartialDate("2021-04-13", "day")),
        ("", None),
        ("gestern", None),
    ],
)
def test_parse_container_date(value: str, expected: PartialDate | None) -> None:
    assert parse_container_date(value) == expected


def test_pick_published_container_wins_only_if_more_precise() -> None:
    month = PartialDate("2021-12", "month")
    day = PartialDate("2021-12-08", "day")
    assert pick_published(month, day) == day
    assert pick_published(month, PartialDate("2021", "year")) == month
    assert pick_published(None, day) == day
    assert pick_published(month, None) == month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13.04.2021 20:25", True),
        ("31.12.2021, 00:07 Uhr | rtr", True),
        ("Stand: 13.04.2021 22:03 Uhr", True),
        ("Am 13.04.2021 telefonierten Biden und Putin miteinander.", False),
    ],
)
def test_is_date_line(text: str, expected: bool) -> None:
    assert is_date_line(text) is expected
