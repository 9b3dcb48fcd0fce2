"""Accuracy of container-date parsing on German-localised and standard date strings.

Compares `lagebild.readers.dates.parse_container_date` with feedparser's built-in date parsing
(what an RSS reader gets for free) and, if installed, dateparser (``languages=["de"]``).
The strings are our own, hand-written in the formats German feeds, pages and exports use; the
expected value is the ISO date (and time, if stated) a reader must produce. "Stated fields
correct" compares only what the input states (year-month, date, or date plus hour:minute);
"adds unstated fields" counts outputs more precise than the input (a day or a midnight time
that the string never gave), which would turn month-precision dates into false day dates.

    .venv/bin/python scripts/eval_reader_dates.py   # table for docs/ACCURACY.md (readers)
"""

from __future__ import annotations

import re
import sys
import time

from lagebild.readers.dates import parse_container_date

# (input, expected ISO prefix: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" or "YYYY-MM")
CASES: list[tuple[str, str]] = [
    ("Di, 13 Apr 2021 20:25:00 +0200", "2021-04-13T20:25"),
    ("Di., 13. Apr. 2021 20:25:00 +0200", "2021-04-13T20:25"),
    ("Dienstag, 13. April 2021, 20:25 Uhr", "2021-04-13T20:25"),
    ("13. April 2021", "2021-04-13"),
    ("13.04.2021 20:25", "2021-04-13T20:25"),
    ("13.04.2021", "2021-04-13"),
    ("Mi, 16 Jun 2021 19:52:00 +0200", "2021-06-16T19:52"),
    ("16. Juni 2021 - 21:14", "2021-06-16T21:14"),
    ("Mittwoch, 16.06.2021", "2021-06-16"),
    ("Di, 07 Dez 2021 21:10:00 +0100", "2021-12-07T21:10"),
    ("7. Dezember 2021 um 21.10 Uhr", "2021-12-07T21:10"),
    ("07.12.2021, 21:10 Uhr", "2021-12-07T21:10"),
    ("Mi., 8. Dez. 2021 18.30 Uhr MEZ", "2021-12-08T18:30"),
    ("8. Dezember 2021", "2021-12-08"),
    ("Do, 09 Dez 2021 23:05:00 +0100", "2021-12-09T23:05"),
    ("Donnerstag, 30. Dezember 2021, 22:40 Uhr", "2021-12-30T22:40"),
    ("Do, 30 Dez 2021 23:41:00 +0100", "2021-12-30T23:41"),
    ("Fr, 31 Dez 2021 10:05:00 +0100", "2021-12-31T10:05"),
    ("31.12.2021, 00:07 Uhr", "2021-12-31T00:07"),
    ("Sa, 01 Jan 2022 08:00:00 +0100", "2022-01-01T08:00"),
    ("3. Jänner 2022", "2022-01-03"),
    ("So, 6 Feb 2022 12:00:00 +0100", "2022-02-06T12:00"),
    ("1. März 2022, 07:15 Uhr", "2022-03-01T07:15"),
    ("Mo, 14 Mär 2022 09:30:00 +0100", "2022-03-14T09:30"),
    ("2. Mai 2022", "2022-05-02"),
    ("Mo, 3 Okt 2022 06:00:00 +0200", "2022-10-03T06:00"),
    ("Dezember 2021", "2021-12"),
    ("April 2021", "2021-04"),
    # standard formats every parser should handle
    ("Tue, 13 Apr 2021 20:25:00 +0200", "2021-04-13T20:25"),
    ("Thu, 30 Dec 2021 23:41:00 +0100", "2021-12-30T23:41"),
    ("2021-12-07T21:10:00+01:00", "2021-12-07T21:10"),
    ("2021-12-30T21:35:00Z", "2021-12-30T21:35"),
    ("2021-06-16", "2021-06-16"),
]


def _prefix(value: str | None, expected: str) -> str | None:
    return value[: len(expected)] if value else None


def parse_with_feedparser(raw: str) -> str | None:
    from feedparser.datetimes import _parse_date

    parsed = _parse_date(raw)  # UTC struct_time, loses the offset: compare local fields only
    if parsed is None:
        return None
    # feedparser converts to UTC; recover the local time by re-applying the stated offset
    match = re.search(r"([+-])(\d{2}):?(\d{2})$", raw.strip())
    seconds = time.mktime(parsed) - time.timezone
    if match:
        sign = 1 if match.group(1) == "+" else -1
        seconds += sign * (int(match.group(2)) * 3600 + int(match.group(3)) * 60)
    return time.strftime("%Y-%m-%dT%H:%M", time.gmtime(seconds))


def parse_with_dateparser(raw: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(raw, languages=["de", "en"],
                              settings={"PREFER_DAY_OF_MONTH": "first",
                                        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.strftime("%Y-%m-%dT%H:%M") if parsed else None


def main() -> int:
    parsers = {"lagebild": parse_container_date, "feedparser": parse_with_feedparser}
    try:
        import dateparser  # noqa: F401

        parsers["dateparser"] = parse_with_dateparser
    except ImportError:
        pass
    german = [c for c in CASES if not re.match(r"(Tue|Thu|\d{4}-)", c[0])]
    print(f"{len(CASES)} date strings ({len(german)} German-localised)\n")
    print("| parser | stated fields correct (all) | correct (German) | unparsed "
          "| adds unstated fields |")
    print("|---|---|---|---|---|")
    failures: dict[str, list[str]] = {}
    for name, parse in parsers.items():
        ok = ok_de = unparsed = invented = 0
        for raw, expected in CASES:
            value = parse(raw)
            unparsed += value is None
            if value is not None and len(value[:16]) > len(expected):
                invented += 1  # e.g. "Dezember 2021" -> 2021-12-01T00:00
            if _prefix(value, expected) == expected:
                ok += 1
                ok_de += (raw, expected) in german
            else:
                failures.setdefault(name, []).append(f"{raw!r} -> {value!r} (want {expected})")
        print(f"| {name} | {ok}/{len(CASES)} | {ok_de}/{len(german)} | {unparsed} "
              f"| {invented} |")
    for name, items in failures.items():
        print(f"\n{name} misses:")
        for item in items:
            print("  ", item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
