"""Resolution of German temporal expressions against publication and previous dates."""

from __future__ import annotations

import pytest

from lagebild.document import PartialDate
from lagebild.time import Timex, tag_text


def _one(text: str, anchor: str | None, surface: str, **kw: object) -> Timex:
    hits = [t for t in tag_text(text, anchor, **kw) if t.text == surface]
    assert hits, [t.text for t in tag_text(text, anchor, **kw)]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "value"),
    [
        # past-tense weekday on the publication weekday is that same day
        ("Der Minister hatte am Dienstag erklärt, er trete zurück.", "2021-04-13T20:25",
         "Dienstag", "2021-04-13"),
        ("Sie telefonierten am Donnerstagabend miteinander.", "2021-12-31T00:07",
         "Donnerstagabend", "2021-12-30TEV"),
        ("Es regnete in der Nacht zum Freitag stark.", "2021-12-31T00:07",
         "Nacht zum Freitag", "2021-12-31TNI"),
        ("Der Rat wird am Mittwoch entscheiden.", "2024-06-03", "Mittwoch", "2024-06-05"),
        ("Am kommenden Freitag stimmt der Bundestag ab.", "2023-03-15", "kommenden Freitag",
         "2023-03-17"),
        ("Gestern Abend trafen sich beide Seiten.", "2023-03-15T09:30", "Gestern Abend",
         "2023-03-14TEV"),
        ("Das Gesetz tritt am 1. Juli in Kraft.", "2023-03-15", "1. Juli", "2023-07-01"),
        ("Seit Februar dauert der Krieg an.", "2022-11", "Februar", "2022-02"),
        ("Für Januar sind Gespräche geplant.", "2021-12-31", "Januar", "2022-01"),
        ("Die Frist läuft in zehn Tagen ab.", "2018-05-14", "in zehn Tagen", "2018-05-24"),
        ("Vor zwei Jahren scheiterte ein Gipfel.", "2022-11", "Vor zwei Jahren", "2020"),
        ("Die Kandidatin trat vor einer Woche an.", "2020-02-29", "vor einer Woche", "2020-W08"),
        ("Anfang 2022 wollen sie sich treffen.", "2021-12-31", "Anfang 2022", "2022"),
        ("Im ersten Quartal 2018 sank der Umsatz.", "2018-05-14", "ersten Quartal 2018",
         "2018-Q1"),
        ("Der Streik dauerte drei Tage.", "2023-03-15", "drei Tage", "P3D"),
        ("Das dauerte fast eine Stunde.", "2023-03-15", "fast eine Stunde", "PT1H"),
        ("Die Partei liegt seit Wochen stabil.", "2023-03-15", "seit Wochen", "PXW"),
        ("In den kommenden Monaten soll es ein Treffen geben.", "2021-04-13",
         "den kommenden Monaten", "FUTURE_REF"),
        ("Im Fokus stand zuletzt die Ukraine.", "2021-12-31", "zuletzt", "PAST_REF"),
        ("Über Ostern will die Regierung entscheiden.", "2021-03", "Ostern", "2021-04-04"),
        ("Die Notenbank tagt jeden Monat.", "2025-01-02", "jeden Monat", "P1M"),
    ],
)
def test_news_values(text: str, anchor: str, surface: str, value: str) -> None:
    assert _one(text, anchor, surface).value == value


def test_two_days_share_one_month() -> None:
    timexes = tag_text("Der Gipfel findet am 22. und 23. April statt.", "2021-04-13T20:25")
    assert [(t.text, t.value) for t in timexes] == [("22.", "2021-04-22"),
                                                     ("23. April", "2021-04-23")]


def test_month_only_anchor_gives_candidates_not_a_day() -> None:
    timex = _one("Die Präsidenten hatten am Dienstag gesprochen.", "2021-12", "Dienstag")
    assert timex.value == "2021-12-XX"
    assert timex.candidates == ["2021-12-07", "2021-12-14", "2021-12-21", "2021-12-28"]
    assert timex.anchor == "publication"


def test_vortag_follows_the_previous_resolved_date() -> None:
    text = "Am Mittwoch sprach Putin. Er habe sich am Vortag mit Biden geeinigt."
    timexes = tag_text(text, "2021-12")
    vortag = [t for t in timexes if t.text == "am Vortag"][0]
    assert vortag.anchor.startswith("previous:")
    assert vortag.candidates == ["2021-11-30", "2021-12-07", "2021-12-14", "2021-12-21",
                                 "2021-12-28"]


def test_vortag_with_day_anchor() -> None:
    text = "Die Regierung hat am Dienstag entschieden. Am Vortag hatte sie beraten."
    vortag = _one(text, "2023-03-15T09:30", "Am Vortag")
    assert vortag.value == "2023-03-13"
    assert vortag.anchor == "previous:2023-03-14"


def test_clock_time_takes_the_day_of_the_previous_expression() -> None:
    text = "Sie sprachen am Donnerstagabend. Das Gespräch begann gegen 21.35 Uhr MEZ."
    clock = _one(text, "2021-12-31T00:07", "21.35 Uhr MEZ")
    assert clock.type == "TIME"
    assert clock.value == "2021-12-30T21:35+01"


def test_weekday_without_anchor_stays_unresolved() -> None:
    timex = _one("Am Dienstag gab es Gespräche.", None, "Dienstag")
    assert timex.value == "XXXX-WXX-2"
    assert timex.anchor == "none"


def test_accepts_partialdate_anchor() -> None:
    timex = _one("Gestern kam er an.", PartialDate("2024-06-03", "day"), "Gestern")  # type: ignore[arg-type]
    assert timex.value == "2024-06-02"


def test_narrative_mode_uses_previous_year() -> None:
    text = "Am 1. September 1939 begann der Krieg. Am 17. September folgte die Sowjetunion."
    timexes = tag_text(text, "2011-02-16", mode="narrative")
    assert [t.value for t in timexes] == ["1939-09-01", "1939-09-17"]


def test_narrative_heute_is_present_ref() -> None:
    assert _one("Das ist heute ein Museum.", "2011-02-16", "heute", mode="narrative").value == \
        "PRESENT_REF"


def test_unknown_mode_is_rejected() -> None:
    with pytest.raises(ValueError, match="mode"):
        tag_text("heute", "2021-01-01", mode="poetry")


def test_attrs_have_layer_keys() -> None:
    attrs = _one("Am Dienstag kam es zum Treffen.", "2021-12", "Dienstag").attrs()
    assert {"type", "value", "precision", "anchor", "text", "candidates"} <= attrs.keys()


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "value"),
    [
        # reported speech: the nearer future cue decides, not the reporting verb
        ("Er werde am Dienstag kommen, sagte der Sprecher.", "2024-06-05", "Dienstag",
         "2024-06-11"),
        ("Die Sperrung dauert voraussichtlich bis Freitag.", "2023-09-20", "Freitag",
         "2023-09-22"),
        ("Am Donnerstag vergangener Woche scheiterte die Einigung.", "2022-06-24",
         "Donnerstag vergangener Woche", "2022-06-16"),
        ("Am heutigen Donnerstag wird er aussagen.", "2019-10-10", "heutigen Donnerstag",
         "2019-10-10"),
        # a past-tense clock time later than the publication time was the evening before
        ("Die Wahllokale wurden um 20 Uhr geschlossen.", "2020-11-04T06:30", "20 Uhr",
         "2020-11-03T20:00"),
    ],
)
def test_direction_cues(text: str, anchor: str, surface: str, value: str) -> None:
    assert _one(text, anchor, surface).value == value


def test_narrative_new_year_phrase_moves_the_story() -> None:
    text = ("Am 16. Dezember 1941 gab er den Befehl. In den Schlachten des neuen Jahres fiel "
            "am 28. Mai die Stadt.")
    values = [t.value for t in tag_text(text, "2011-02-16", mode="narrative")]
    assert values == ["1941-12-16", "1942", "1942-05-28"]


def test_narrative_look_back_does_not_move_the_story() -> None:
    text = "Im März 1863 griff er an, wie schon im letzten Jahr. Im Mai folgte die Schlacht."
    values = [t.value for t in tag_text(text, "2011-02-16", mode="narrative")]
    assert values == ["1863-03", "1862", "1863-05"]


def test_limit_years_do_not_move_the_story() -> None:
    text = "Im Juli 1862 kämpften sie, Banken überfielen sie bis 1881. Im August zogen sie ab."
    values = [t.value for t in tag_text(text, "2011-02-16", mode="narrative")]
    assert values == ["1862-07", "1881", "1862-08"]


def test_approximate_year_and_year_part_with_year() -> None:
    timexes = tag_text("Gegen Ende 1967 und zum Jahresbeginn 1918 war es so.", None)
    assert [(t.text, t.value, t.mod) for t in timexes] == [
        ("Gegen Ende 1967", "1967", "END"), ("Jahresbeginn 1918", "1918", "START")]


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Am Wochenende wurde gestreikt.", "2020-03-02", "2020-W09-WE"),
        ("Am Wochenende will er kommen.", "2020-03-02", "2020-W10-WE"),
    ],
)
def test_bare_weekend_follows_tense(text: str, anchor: str, value: str) -> None:
    assert _one(text, anchor, "Wochenende").value == value


def test_bc_years_and_invalid_dates() -> None:
    assert [t.value for t in tag_text("Um 490 v. Chr. landeten sie.", None)] == ["BC0490"]
    assert tag_text("am 31.02.2021 und am 30. Februar", "2021-01-01") == []
