"""Publication dates with precision, from header lines of the text and from container fields.

A date is only as precise as what was printed: "2021-12" is a month, "13.04.2021 20:25" a
minute. Keeping the precision (rather than padding to midnight on the 1st) lets later stages
know what they do not know. Container dates (JSONL/RSS/WARC/HTML metadata) arrive as ISO 8601
or RFC 2822 strings; both are read without network or locale dependence.
"""

from __future__ import annotations

import email.utils
import re
from datetime import datetime

from lagebild.document import PRECISIONS, PartialDate
from lagebild.lang.de.pubdate import (
    DATE_LINE_WORDS_RE,
    HEADER_DATE_RE,
    ISO_DATE_RE,
    MONTH_YEAR_RE,
    MONTHS,
    NUMERIC_DATE_RE,
    SPELLED_DATE_RE,
)

_RANK = {p: i for i, p in enumerate(PRECISIONS)}
_LEFTOVER_RE = re.compile(
    r"[\W\d_]+|\b(?:uhr|um|am|vom|stand|aktualisiert|veröffentlicht|erstellt|zuletzt|publiziert|"
    r"update|erschienen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mez|mesz)\b",
    re.IGNORECASE,
)


def precision_rank(date: PartialDate) -> int:
    """Larger is more precise (year < month < day < minute ...)."""
    return _RANK[date.precision]


def _build(year: int, month: int | None = None, day: int | None = None,
           hour: int | None = None, minute: int | None = None,
           second: int | None = None) -> PartialDate | None:
    """A PartialDate from components, or None if they do not form a real calendar date."""
    try:
        datetime(year, month or 1, day or 1, hour or 0, minute or 0, second or 0)
    except ValueError:
        return None
    if month is None:
        return PartialDate(f"{year:04d}", "year")
    if day is None:
        return PartialDate(f"{year:04d}-{month:02d}", "month")
    stamp = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is None or minute is None:
        return PartialDate(stamp, "day")
    if second:
        return PartialDate(f"{stamp}T{hour:02d}:{minute:02d}:{second:02d}", "second")
    return PartialDate(f"{stamp}T{hour:02d}:{minute:02d}", "minute")


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None


def _year(value: str) -> int:
    year = int(value)
    return year + 2000 if year < 100 else year


def parse_header_date(line: str) -> PartialDate | None:
    """The dump-format header `` date 2021-12`` (month or day precision)."""
    match = HEADER_DATE_RE.match(line)
    if not match:
        return None
    return _build(int(match["year"]), int(match["month"]), _int(match["day"]))


def find_date_in_text(text: str, *, allow_month: bool = True) -> PartialDate | None:
    """The first German date in `text` (numeric, spelled, ISO, or month-year), with precision."""
    match = NUMERIC_DATE_RE.search(text) or SPELLED_DATE_RE.search(text)
    if match:
        groups = match.groupdict()
        month = (MONTHS[groups["monthname"].lower().rstrip(".")] if groups.get("monthname")
                 else int(groups["month"]))
        return _build(_year(groups["year"]), month, int(groups["day"]), _int(groups["hour"]),
                      _int(groups["minute"]), _int(groups.get("second")))
    match = ISO_DATE_RE.search(text)
    if match:
        return _build(int(match["year"]), int(match["month"]), _int(match["day"]),
                      _int(match["hour"]), _int(match["minute"]), _int(match["second"]))
    if allow_month:
        match = MONTH_YEAR_RE.search(text)
        if match:
            return _build(int(match["year"]), MONTHS[match["monthname"].lower().rstrip(".")])
    return None


def is_date_line(text: str) -> bool:
    """True if the line is a time stamp ("13.04.2021 20:25", "Stand: 1. Mai 2021") not prose.

    After removing the date itself, an agency tag and stamp words, almost nothing may remain.
    """
    if len(text) > 80 or find_date_in_text(text) is None:
        return False
    rest = re.split(r"[|·•]", text)[0]
    for regex in (NUMERIC_DATE_RE, SPELLED_DATE_RE, ISO_DATE_RE, MONTH_YEAR_RE):
        rest = regex.sub(" ", rest)
    rest = _LEFTOVER_RE.sub(" ", rest).strip()
    return len(rest) <= 3 or bool(DATE_LINE_WORDS_RE.match(text) and len(rest) <= 12)


def parse_container_date(value: str | None) -> PartialDate | None:
    """A container's date string (ISO 8601, RFC 2822, or German) as a PartialDate.

    An RFC 2822 stamp at exactly 00:00:00 is read as a bare date (day precision): feeds write
    midnight when they only know the day.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    match = ISO_DATE_RE.match(value)
    if match:
        return _build(int(match["year"]), int(match["month"]), _int(match["day"]),
                      _int(match["hour"]), _int(match["minute"]), _int(match["second"]))
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0):
            return _build(parsed.year, parsed.month, parsed.day)
        return _build(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute,
                      parsed.second)
    return find_date_in_text(value)


def pick_published(text_date: PartialDate | None,
                   container_date: PartialDate | None) -> PartialDate | None:
    """The text's own date, unless the container's is strictly more precise."""
    if text_date is None:
        return container_date
    if container_date is None:
        return text_date
    if precision_rank(container_date) > precision_rank(text_date):
        return container_date
    return text_date
