"""Date evidence: parsing, intersection across members, and never inventing a day."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.corpus.dating import (
    DateEvidence,
    combine_evidence,
    evidence_from_attrs,
    evidence_from_partial,
    evidence_gap,
    parse_iso,
)


@pytest.mark.parametrize(
    ("value", "lo", "hi"),
    [
        ("2021-04-13", date(2021, 4, 13), date(2021, 4, 13)),
        ("2021-04-13T20:25", date(2021, 4, 13), date(2021, 4, 13)),
        ("2021-12-30TEV", date(2021, 12, 30), date(2021, 12, 30)),
        ("2021-12", date(2021, 12, 1), date(2021, 12, 31)),
        ("2021-W49", date(2021, 12, 6), date(2021, 12, 12)),
        ("2021-Q2", date(2021, 4, 1), date(2021, 6, 30)),
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
    ],
)
def test_parse_iso_ranges(value: str, lo: date, hi: date) -> None:
    assert parse_iso(value) == (lo, hi)


@pytest.mark.parametrize("value", ["PAST_REF", "2021-XX-XX", "", "P1W"])
def test_parse_iso_rejects_unresolved(value: str) -> None:
    assert parse_iso(value) is None


def test_attrs_prefer_candidates_over_vague_value() -> None:
    ev = evidence_from_attrs(
        {"value": "2021-04-XX", "candidates": ["2021-04-06", "2021-04-13", "2021-04-20"]}
    )
    assert ev is not None and ev.days == {date(2021, 4, 6), date(2021, 4, 13), date(2021, 4, 20)}


def test_attrs_interval() -> None:
    ev = evidence_from_attrs({"interval": {"start": "2021-04-22", "end": "2021-04-23"}})
    assert ev == DateEvidence(date(2021, 4, 22), date(2021, 4, 23))


def test_combine_narrows_weekday_set_with_dated_member() -> None:
    tuesdays = evidence_from_attrs({"candidates": ["2021-04-06", "2021-04-13", "2021-04-20"]})
    exact = evidence_from_partial("2021-04-13", "day")
    combined = combine_evidence([tuesdays, exact])
    assert combined is not None
    assert combined.to_record() == {"value": "2021-04-13", "precision": "day", "candidates": []}


def test_combine_keeps_vague_date_vague() -> None:
    tuesdays = evidence_from_attrs({"candidates": ["2021-12-07", "2021-12-14", "2021-12-21"]})
    month = evidence_from_partial("2021-12", "month")
    combined = combine_evidence([tuesdays, month])
    assert combined is not None
    record = combined.to_record()
    assert record["precision"] == "month" and record["value"] == "2021-12"
    assert record["candidates"] == ["2021-12-07", "2021-12-14", "2021-12-21"]


def test_combine_ignores_publication_only_evidence_when_content_dates_exist() -> None:
    content = evidence_from_partial("2021-04-13", "day")
    soft = DateEvidence(date(2021, 4, 1), date(2021, 4, 30), hard=False)
    assert combine_evidence([soft, content]) == content


def test_combine_conflict_keeps_majority_not_empty() -> None:
    a = evidence_from_partial("2021-04-13", "day")
    b = evidence_from_partial("2021-04-13", "day")
    c = evidence_from_partial("2021-04-15", "day")
    combined = combine_evidence([a, b, c])
    assert combined is not None and combined.lo == combined.hi == date(2021, 4, 13)


def test_gap_between_disjoint_weekday_sets() -> None:
    sundays = evidence_from_attrs({"candidates": ["2021-12-05", "2021-12-12"]})
    wednesdays = evidence_from_attrs({"candidates": ["2021-12-08", "2021-12-15"]})
    assert evidence_gap(sundays, wednesdays) == 3
    assert evidence_gap(sundays, evidence_from_partial("2021-12", "month")) == 0


def test_evidence_roundtrip() -> None:
    ev = evidence_from_attrs({"candidates": ["2021-12-05", "2021-12-12"]})
    assert ev is not None
    assert DateEvidence.from_dict(ev.to_dict()) == ev
