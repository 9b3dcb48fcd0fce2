"""Parse the date strings containers state (feed pubDate, WARC-Date, JSON fields) to ISO 8601.

Why not feedparser's own parsing: it understands English RFC 822 and ISO 8601 only, so German
feeds ("Di, 13 Apr 2021 20:25:00 +0200", "13. April 2021") end up without a date. Registering a
handler with `feedparser.registerDateHandler` would mutate process-global state, so readers call
`parse_container_date` on the raw string themselves. The result keeps what the input knows:
a date-only input gives ``YYYY-MM-DD`` (``YYYY-MM`` for "Dezember 2021"), a time gives
``YYYY-MM-DDTHH:MM[:SS][±HH:MM]``. A missing year is never guessed (returns None).
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as date_parser
from dateutil.tz import tzoffset

__all__ = ["GERMAN_MONTHS", "GERMAN_WEEKDAYS", "normalise_record_date", "parse_container_date"]

# German (incl. Austrian "Jänner") month names and abbreviations -> English abbreviation.
GERMAN_MONTHS: dict[str, str] = {
    "januar": "Jan", "jänner": "Jan", "jän": "Jan", "jan": "Jan",
    "februar": "Feb", "feber": "Feb", "feb": "Feb",
    "märz": "Mar", "maerz": "Mar", "mär": "Mar", "mrz": "Mar",
    "april": "Apr", "apr": "Apr",
    "mai": "May",
    "juni": "Jun", "jun": "Jun",
    "juli": "Jul", "jul": "Jul",
    "august": "Aug", "aug": "Aug",
    "september": "Sep", "sept": "Sep", "sep": "Sep",
    "oktober": "Oct", "okt": "Oct",
    "november": "Nov", "nov": "Nov",
    "dezember": "Dec", "dez": "Dec",
}
GERMAN_WEEKDAYS: frozenset[str] = frozenset(
    {
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
        "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
    }
)
_ENGLISH_WEEKDAYS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
_TZ_NAMES = {
    "MEZ": tzoffset("MEZ", 3600), "CET": tzoffset("CET", 3600),
    "MESZ": tzoffset("MESZ", 7200), "CEST": tzoffset("CEST", 7200),
    "UTC": tzoffset("UTC", 0), "GMT": tzoffset("GMT", 0), "Z": tzoffset("UTC", 0),
}
_WORD_RE = re.compile(r"[^\W\d_]+\.?", re.UNICODE)
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b(?!\.\d{2,4})")
_YEAR_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
_CLOCK_WORDS_RE = re.compile(r"\b(?:uhr|um|am|den)\b\.?", re.IGNORECASE)


def _format(dt: datetime, has_time: bool) -> str:
    if not has_time:
        return dt.date().isoformat()
    spec = "seconds" if dt.second else "minutes"
    return dt.isoformat(timespec=spec)


def _translate_german(raw: str) -> str:
    """Replace German month/weekday words by English ones dateutil understands."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0).rstrip(".").lower()
        if word in GERMAN_MONTHS:
            return GERMAN_MONTHS[word]
        if word in GERMAN_WEEKDAYS or word in _ENGLISH_WEEKDAYS:
            return " "
        return match.group(0)

    text = _CLOCK_WORDS_RE.sub(" ", raw)
    text = _WORD_RE.sub(swap, text)
    # "13. Apr 2021" -> "13 Apr 2021"; keep "13.04.2021" intact.
    text = re.sub(r"(\d{1,2})\.\s+(?=[A-Za-z])", r"\1 ", text)
    return re.sub(r"\s*,\s*", " ", text).strip()


def parse_container_date(raw: str | None) -> str | None:
    """ISO 8601 for an RFC 822, ISO 8601 or German-localised date string; None if unparseable."""
    if not raw or not raw.strip():
        return None
    text = " ".join(raw.split())
    iso = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        pass
    else:
        return _format(dt, "T" in iso or " " in iso.strip())
    try:
        return _format(parsedate_to_datetime(text), True)
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR_RE.search(text):
        return None
    translated = _translate_german(text)
    has_time = bool(_TIME_RE.search(translated))
    if has_time:
        # "20.25 Uhr" -> "20:25" so dateutil does not read it as a date
        translated = re.sub(r"\b(\d{1,2})\.(\d{2})\b(?!\.)", r"\1:\2", translated)
    try:
        # Two different defaults reveal which fields the input did not state.
        dt = date_parser.parse(
            translated, dayfirst=True, tzinfos=_TZ_NAMES, default=datetime(2000, 1, 1)
        )
        alt = date_parser.parse(
            translated, dayfirst=True, tzinfos=_TZ_NAMES, default=datetime(2001, 2, 2)
        )
    except (ValueError, OverflowError, date_parser.ParserError):
        return None
    if dt.year != alt.year:
        return None
    if dt.month != alt.month:
        return f"{dt.year:04d}"
    if dt.day != alt.day:
        return f"{dt.year:04d}-{dt.month:02d}"
    return _format(dt, has_time)


def normalise_record_date(raw: str | None, extra: dict[str, object]) -> str | None:
    """ISO form of a container date for `RawRecord.date`; the original goes to ``date_raw``.

    An unparseable string is kept as it is (the cleaner may still make sense of it), so no
    information is lost either way.
    """
    if raw is None or not raw.strip():
        return None
    iso = parse_container_date(raw)
    if iso is None or iso != raw:
        extra.setdefault("date_raw", raw)
    return iso or raw
