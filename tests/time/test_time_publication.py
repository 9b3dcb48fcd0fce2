"""Publication-date inference and candidate narrowing."""

from __future__ import annotations

from lagebild.document import Document, PartialDate
from lagebild.time import infer_publication_date, narrow_candidates


def test_dateline_narrows_month_only_date() -> None:
    doc = Document(text="Politik\n\n31.12.2021, 00:07 Uhr | dpa\n\nDie Präsidenten sprachen.",
                   published=PartialDate("2021-12", "month"))
    assert infer_publication_date(doc) == PartialDate("2021-12-31T00:07", "minute")


def test_dateline_without_any_published_date() -> None:
    doc = Document(text="Ausland\n13.04.2021\n\nBiden rief Putin an.")
    assert infer_publication_date(doc) == PartialDate("2021-04-13", "day")


def test_inconsistent_dateline_is_ignored() -> None:
    doc = Document(text="13.04.2020\n\nText.", published=PartialDate("2021-12", "month"))
    assert infer_publication_date(doc) is None


def test_weekday_tied_to_explicit_date_gives_a_week() -> None:
    # 6 December 2021 was a Monday, so publication lies in 6-12 December = ISO week 49
    text = ("Am Montag sprachen Biden und Putin per Video. Der Gipfel am 6. Dezember "
            "brachte keinen Durchbruch.")
    doc = Document(text=text, published=PartialDate("2021-12", "month"))
    assert infer_publication_date(doc) == PartialDate("2021-W49", "week")


def test_window_across_two_weeks_is_not_reported() -> None:
    text = "Am Dienstag sprachen sie. Der Gipfel am 7. Dezember brachte nichts."
    doc = Document(text=text, published=PartialDate("2021-12", "month"))
    assert infer_publication_date(doc) is None


def test_nothing_to_narrow_returns_none() -> None:
    doc = Document(text="Am Dienstag sprachen sie.", published=PartialDate("2021-12", "month"))
    assert infer_publication_date(doc) is None


def test_day_precise_date_is_not_touched() -> None:
    doc = Document(text="13.04.2021\nText", published=PartialDate("2021-04-13", "day"))
    assert infer_publication_date(doc) is None


def test_narrow_candidates_keeps_best_supported() -> None:
    tuesdays = ["2021-12-07", "2021-12-14", "2021-12-21", "2021-12-28"]
    evidence = ["2021-12-07T17:00", "2021-12-07", "2021-12-14"]
    assert narrow_candidates(tuesdays, evidence) == ["2021-12-07"]


def test_narrow_candidates_with_week_and_suffix() -> None:
    values = ["2021-12-02TEV", "2021-12-09TEV"]
    assert narrow_candidates(values, ["2021-W49"]) == ["2021-12-09TEV"]


def test_narrow_candidates_never_invents() -> None:
    values = ["2021-12-07", "2021-12-14"]
    assert narrow_candidates(values, ["2022-01-05", "XXXX-XX-XX"]) == values
    assert narrow_candidates(values, []) == values


def test_public_names_exist() -> None:
    import lagebild.time as time_pkg

    for name in time_pkg.__all__:
        assert hasattr(time_pkg, name), name


def test_timexes_as_dicts_for_show_json() -> None:
    from lagebild.stages.temporal import TemporalStage
    from lagebild.time import timexes_as_dicts

    doc = Document(text="Am Dienstag sprachen sie.", published=PartialDate("2021-12", "month"))
    TemporalStage()(doc)
    (item,) = timexes_as_dicts(doc)
    assert item["start"] == 3 and item["label"] == "DATE" and item["value"] == "2021-12-XX"
