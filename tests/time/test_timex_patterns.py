"""Should-match / must-not-match tables for the named German timex patterns."""

from __future__ import annotations

import re

import pytest

from lagebild.time import patterns as P
from lagebild.time.extract import find_specs


def _full(regex: re.Pattern[str], text: str) -> str | None:
    match = regex.search(text)
    return match.group(0) if match else None


@pytest.mark.parametrize(
    ("regex", "text", "expected"),
    [
        (P.NUMERIC_DATE_RE, "Stand: 13.04.2021 20:25", "13.04.2021 20:25"),
        (P.NUMERIC_DATE_RE, "am 1.9.39 um", "1.9.39"),
        (P.DAY_MONTH_RE, "am 22. und 23. April", "22. und 23. April"),
        (P.DAY_MONTH_RE, "am Dienstag, 13. April 2021", "Dienstag, 13. April 2021"),
        (P.DAY_MONTH_RE, "gegen Abend des 22. Juni 1940", "gegen Abend des 22. Juni 1940"),
        (P.DAY_MONTH_RE, "am 8. Mai, 23:01 Uhr MEZ", "8. Mai, 23:01 Uhr MEZ"),
        (P.MONTH_YEAR_RE, "seit Oktober 2023 in Haft", "Oktober 2023"),
        (P.MONTH_YEAR_RE, "bis Mitte Dezember", "Mitte Dezember"),
        (P.YEAR_RE, "Ende 2021 soll", "Ende 2021"),
        (P.YEAR_RE, "um 490 v. Chr. landeten", "um 490 v. Chr."),
        (P.SEASON_RE, "im Spätsommer 1940", "Spätsommer 1940"),
        (P.DECADE_RE, "in den 1930er-Jahren", "den 1930er-Jahren"),
        (P.CENTURY_RE, "des 20. Jahrhunderts", "20. Jahrhunderts"),
        (P.WEEKDAY_RE, "am Donnerstagabend per Video", "Donnerstagabend"),
        (P.WEEKDAY_RE, "am kommenden Freitag", "kommenden Freitag"),
        (P.NIGHT_TO_RE, "in der Nacht zum Freitag", "Nacht zum Freitag"),
        (P.DEICTIC_DAY_RE, "Gestern Abend trafen", "Gestern Abend"),
        (P.ANAPHORIC_RE, "am Vortag darauf", "am Vortag"),
        (P.ANAPHORIC_RE, "Am Tag darauf rief", "Am Tag darauf"),
        (P.RELATIVE_OFFSET_RE, "Zwei Tage später kam", "Zwei Tage später"),
        (P.AGO_RE, "vor einer Woche", "vor einer Woche"),
        (P.DURATION_RE, "binnen einer Woche", "einer Woche"),
        (P.RELATIVE_PERIOD_RE, "in den kommenden Monaten", "den kommenden Monaten"),
        (P.CLOCK_RE, "gegen 21.35 Uhr MEZ und", "21.35 Uhr MEZ"),
        (P.CLOCK_RE, "um 4 Uhr 45 zu führen", "4 Uhr 45"),
        (P.HOLIDAY_RE, "über Ostern will", "Ostern"),
        (P.SET_RE, "tagt jeden Monat", "jeden Monat"),
    ],
)
def test_pattern_should_match(regex: re.Pattern[str], text: str, expected: str) -> None:
    assert _full(regex, text) == expected


@pytest.mark.parametrize(
    ("regex", "text"),
    [
        (P.WEEKDAY_RE, "Die Dienstagsrunde tagte"),
        (P.NUMERIC_DATE_RE, "Version 3.10.2 veröffentlicht"),
        (P.CLOCK_RE, "Die Uhrmacher"),
        (P.DEICTIC_DAY_RE, "Die heutige Lage"),
        (P.MONTH_YEAR_RE, "Maischberger fragte"),
    ],
)
def test_pattern_must_not_match(regex: re.Pattern[str], text: str) -> None:
    assert regex.search(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Er belegte Platz 3. 10 Teilnehmer kamen.",  # "Platz 3." is no date
        "Der Abgeordnete Mai sagte dazu nichts.",  # "Mai" as a surname
        "Kaiser August regierte.",  # "August" as a name
        "Insgesamt 1370 Landungsboote und 21 Kreuzer",  # counts, not years
        "rund 1500 Soldaten",
        "Geheime Kommandosache Nr. 1939",
        "Am Morgen des Gipfels",  # capitalised noun, not "tomorrow"
    ],
)
def test_find_specs_ignores_traps(text: str) -> None:
    kinds = [(s.kind, text[s.start:s.end]) for s in find_specs(text)]
    assert not [k for k in kinds if k[0] in ("abs", "deictic")], kinds


def test_month_after_cue_word_is_taken() -> None:
    specs = find_specs("Im Mai und im August wurde gewählt.")
    assert [s.data["month"] for s in specs] == [5, 8]


def test_longest_match_wins_over_parts() -> None:
    specs = find_specs("am Dienstag, 13. April 2021 um")
    assert len(specs) == 1
    assert specs[0].data == {**specs[0].data, "year": 2021, "month": 4, "day": 13}


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("iso_date", "2021-04-13T20:25"), ("night_from", "Nacht vom 19. auf den 20. März"),
        ("day_month", "22. und 23. April"), ("holiday", "Silvesternacht"),
        ("numeric_date", "13.04.2021"), ("anaphor", "am Vortag"),
        ("relative_offset", "Zwei Tage später"), ("relative_period", "im vergangenen Jahr"),
        ("ago", "vor einer Woche"), ("night_to", "Nacht zum Freitag"),
        ("weekday_set", "montags"), ("weekday", "Donnerstagabend"),
        ("decade", "den zwanziger Jahren"), ("century", "20. Jahrhunderts"),
        ("year_part", "zweiten Jahreshälfte"), ("season", "Spätsommer 1940"),
        ("month_year", "Mitte Dezember"), ("year", "1939"), ("clock", "21.35 Uhr MEZ"),
        ("deictic", "Gestern Abend"), ("part_of_day", "am Abend"),
        ("weekend", "am Wochenende"), ("duration", "drei Tage"),
        ("long_duration", "jahrelang"), ("adj_duration", "dreitägigen"),
        ("reference", "kurz darauf"), ("present_adj", "heutigen"), ("set", "täglich"),
    ],
)
def test_rule_example_passes_its_trigger(rule: str, text: str) -> None:
    from lagebild.time.extract import RULES

    regex = {name: rx for name, rx, _ in RULES}[rule]
    assert regex.search(text), (rule, text)
    assert P.is_triggered(rule, text, text.lower()), (rule, text)


def test_every_rule_has_a_trigger() -> None:
    from lagebild.time.extract import RULES

    assert {name for name, _, _ in RULES} == set(P.TRIGGER_WORDS) | set(P.TRIGGER_RES)
    assert not set(P.TRIGGER_WORDS) & set(P.TRIGGER_RES)
