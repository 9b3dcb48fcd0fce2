"""Calendar arithmetic on partial dates: anchors, candidate days, ISO/TIMEX value strings.

Why: resolving German relative expressions needs to carry *uncertainty* through arithmetic
("am Vortag" of "a Wednesday in December 2021" is "a Tuesday in December 2021"), so days are
handled as candidate lists rather than single guesses. Pure functions, no clock access.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from lagebild.document import PartialDate

_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?)?)?"
)
MAX_CANDIDATES = 7


@dataclass(frozen=True)
class Anchor:
    """A reference time known to some precision; `days` lists every day it may denote."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def precision(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "minute" if self.hour is not None else "day"

    @property
    def value(self) -> str:
        if self.year is None:
            return ""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        if self.hour is not None and self.minute is not None:
            out += f"T{self.hour:02d}:{self.minute:02d}"
        return out

    def days(self) -> list[date]:
        """Every day this anchor may denote (empty for year precision or unknown)."""
        if self.year is None or self.month is None:
            return []
        if self.day is not None:
            return [date(self.year, self.month, self.day)]
        return days_of_month(self.year, self.month)


def parse_anchor(published: PartialDate | str | None) -> Anchor:
    """Anchor from a `PartialDate` or ISO-like string; unknown parts stay None."""
    if published is None:
        return Anchor()
    value = published.value if isinstance(published, PartialDate) else published
    match = _VALUE_RE.match(value.strip())
    if not match:
        return Anchor()
    parts = {k: (int(v) if v else None) for k, v in match.groupdict().items()}
    return Anchor(parts["y"], parts["m"], parts["d"], parts["hh"], parts["mm"])


def days_of_month(year: int, month: int) -> list[date]:
    return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def weekday_on_or_before(day: date, isoweekday: int) -> date:
    return day - timedelta(days=(day.isoweekday() - isoweekday) % 7)


def weekday_after(day: date, isoweekday: int) -> date:
    return day + timedelta(days=(isoweekday - day.isoweekday() - 1) % 7 + 1)


def weekday_nearest(day: date, isoweekday: int) -> date:
    before = weekday_on_or_before(day, isoweekday)
    after = weekday_after(day, isoweekday)
    return before if (day - before) <= (after - day) else after


def day_value(days: list[date]) -> str:
    """ISO value for one day, or the shared prefix of several with unknown parts as X."""
    if len(days) == 1:
        return days[0].isoformat()
    if not days:
        return "XXXX-XX-XX"
    years = {d.year for d in days}
    months = {(d.year, d.month) for d in days}
    if len(months) == 1:
        return f"{days[0].year:04d}-{days[0].month:02d}-XX"
    if len(years) == 1:
        return f"{days[0].year:04d}-XX-XX"
    return "XXXX-XX-XX"


def year_value(year: int, bc: bool = False) -> str:
    return f"BC{year:04d}" if bc else f"{year:04d}"


def iso_week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def closest_year(month: int, day: int | None, anchor: Anchor) -> int | None:
    """Year for a year-less date: the one of anchor-1/anchor/anchor+1 nearest the anchor."""
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    ref = date(anchor.year, anchor.month, anchor.day or 15)
    best: tuple[int, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        target = safe_date(year, month, day or 15) or date(year, month, 28)
        distance = abs((target - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else anchor.year


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)



def directed_year(month: int, day: int | None, anchor: Anchor, direction: str | None) -> int | None:
    """`closest_year`, moved a year back/ahead if it contradicts a clear past/future reading.

    A contradiction is a past reading landing more than a month after the anchor (or a
    future one more than a month before it); "seit Februar" in a November article is February
    of the same year, not the nearer February ahead.
    """
    year = closest_year(month, day, anchor)
    if year is None or anchor.month is None or direction not in ("past", "future"):
        return year
    ref = date(anchor.year, anchor.month, anchor.day or 15)
    target = safe_date(year, month, day or 15) or date(year, month, 28)
    if direction == "past" and (target - ref).days > 31:
        return year - 1
    if direction == "future" and (ref - target).days > 31:
        return year + 1
    return year
