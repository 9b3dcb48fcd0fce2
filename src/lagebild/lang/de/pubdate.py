"""Patterns for publication dates as German news pages print them.

Covers the header forms seen on German-language sites: numeric ``13.04.2021 20:25``,
``31.12.2021, 00:07 Uhr``, ``Stand: 13.04.2021``, spelled ``13. April 2021, 18:30 Uhr``,
month-only ``April 2021``, the dump header `` date 2021-12`` and ISO/RFC container dates
(those go through dateutil). Each regex names its groups so one parser handles them all.

Source: German date conventions (DIN 5008 numeric dates, 24-hour clock, "Uhr"), written by the
Lagebild team.
"""

from __future__ import annotations

import re

# Source: German month names and the abbreviations newspapers use (Jan., Feb., Sept. ...).
MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
    "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

# The first line of the shared dump format: " date 2021-12 <rest of line>".
HEADER_DATE_RE = re.compile(
    r"""^[ \t]*date[ \t]+(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?(?=\s|$)[ \t]*""",
    re.VERBOSE,
)

_TIME = r"""(?:(?:\s*[,|/–—-]\s*|\s+)(?:um\s+)?(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)
            (?::(?P<second>[0-5]\d))?(?:\s*Uhr)?)?"""

# 13.04.2021 20:25 | 31.12.2021, 00:07 Uhr | 13.4.21 | Dienstag, 13.04.2021 um 20:25 Uhr
NUMERIC_DATE_RE = re.compile(
    r"""(?<![\d.])(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?(?P<year>(?:19|20)\d{2}|\d{2})
    (?![\d])""" + _TIME,
    re.VERBOSE | re.IGNORECASE,
)

# 13. April 2021 | 13. Apr. 2021, 18:30 Uhr | 1. Dezember 2021
SPELLED_DATE_RE = re.compile(
    r"""(?<!\d)(?P<day>[0-3]?\d)\.\s*(?P<monthname>""" + _MONTH_ALT + r""")\.?\s+
    (?P<year>(?:19|20)\d{2})""" + _TIME,
    re.VERBOSE | re.IGNORECASE,
)

# April 2021 (month precision) - only used on short header lines.
MONTH_YEAR_RE = re.compile(
    r"""(?<![\w.])(?P<monthname>""" + _MONTH_ALT + r""")\.?\s+(?P<year>(?:19|20)\d{2})\b""",
    re.VERBOSE | re.IGNORECASE,
)

# 2021-04-13, 2021-04-13T20:25:00+02:00, 2021-04-13 20:25
ISO_DATE_RE = re.compile(
    r"""(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d)
    (?:[T\s](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?)?""",
    re.VERBOSE,
)

# Words that mark a line as a date/time stamp rather than prose.
DATE_LINE_WORDS_RE = re.compile(
    r"""^(?:stand|aktualisiert(?:\s+am)?|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|
    zuletzt\s+aktualisiert(?:\s+am)?|publiziert(?:\s+am)?|update|erschienen(?:\s+am)?|
    montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|am|vom)\b""",
    re.VERBOSE | re.IGNORECASE,
)

# Broadcasters' note under a text: "Diese Nachricht wurde am 31.12.2021 im Programm ... gesendet.",
# "Über dieses Thema berichtete <Sendung> am 31. Dezember 2021 um 06:00 Uhr."
BROADCAST_NOTE_RE = re.compile(
    r"""^(?:diese[rs]?\s+(?:nachricht|beitrag|sendung)\s+wurde\s+am\s+.{6,40}?\s+
    (?:gesendet|ausgestrahlt|veröffentlicht)|
    über\s+dieses\s+thema\s+berichtete(?:n)?\s+.{2,60}?\s+am\s+.{6,40}?)\.?$""",
    re.VERBOSE | re.IGNORECASE,
)
