"""Turn parsed specs into TIMEX values, anchored on the publication date or the previous date.

Why a stateful resolver: German news anchors deictic words ("gestern", "am Dienstag") on the
publication date, but anaphoric ones ("am Vortag", "drei Tage später", a year-less "22. April"
in a narrative) on the most recent date the text itself resolved. When the anchor is vague
(article dated only to the month) the resolver carries *candidates* instead of guessing a day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lagebild.time import patterns as P
from lagebild.time.calendar import (
    MAX_CANDIDATES,
    Anchor,
    day_value,
    directed_year,
    easter_sunday,
    iso_week_value,
    safe_date,
    shift_month,
    weekday_after,
    weekday_nearest,
    weekday_on_or_before,
    year_value,
)
from lagebild.time.spec import Spec, duration_value

MODES = ("news", "narrative")
TenseFn = Callable[[int], "str | None"]


@dataclass
class Timex:
    """One resolved temporal expression with character offsets into the text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    precision: str | None
    candidates: list[str] | None = None
    interval: list[str] | None = None
    anchor: str = "none"
    mod: str | None = None

    def attrs(self) -> dict[str, Any]:
        """The `time` layer attrs: type, value, precision, anchor, text (+ optional keys)."""
        out: dict[str, Any] = {"type": self.type, "value": self.value,
                               "precision": self.precision, "anchor": self.anchor,
                               "text": self.text}
        if self.candidates is not None:
            out["candidates"] = list(self.candidates)
        if self.interval is not None:
            out["interval"] = list(self.interval)
        if self.mod:
            out["mod"] = self.mod
        return out


def _week_value(weeks: list[str]) -> str:
    """One ISO week, or the shared year with an unknown week ("2023-WXX")."""
    if len(weeks) == 1:
        return weeks[0]
    years = {w[:4] for w in weeks}
    return f"{years.pop()}-WXX" if len(years) == 1 else "XXXX-WXX"


class TimexResolver:
    """Resolves specs in text order; remembers the last resolved day, month and year."""

    def __init__(self, anchor: Anchor, mode: str = "news", tense_at: TenseFn | None = None):
        if mode not in MODES:
            raise ValueError(f"unknown timex mode {mode!r}; expected one of {MODES}")
        self.anchor = anchor
        self.mode = mode
        self.tense_at = tense_at or (lambda pos: None)
        self.last_days: list[date] | None = None
        self.last_value = ""
        self.last_month: tuple[int, int] | None = None
        self.last_year: int | None = None

    # -- state --------------------------------------------------------------------------------
    def _remember(self, timex: Timex, days: list[date] | None, month: tuple[int, int] | None,
                  year: int | None) -> None:
        if days:
            self.last_days = days
            self.last_value = timex.value
            if len({(d.year, d.month) for d in days}) == 1:
                self.last_month = (days[0].year, days[0].month)
                self.last_year = days[0].year
            return
        if month:
            if not self.last_days or (self.last_days[0].year, self.last_days[0].month) != month:
                self.last_days = None
            self.last_month = month
            self.last_year = month[0]
            self.last_value = timex.value
        elif year is not None:
            if self.last_year != year:
                self.last_days = None
                self.last_month = None
            self.last_year = year
            self.last_value = timex.value

    def _base_days(self, prefer_previous: bool) -> tuple[list[date], str]:
        if prefer_previous and self.last_days:
            return self.last_days, f"previous:{self.last_value}"
        if prefer_previous and self.mode == "narrative":
            return [], "none"
        days = self.anchor.days()
        if days:
            return days, "publication"
        if self.last_days:
            return self.last_days, f"previous:{self.last_value}"
        return [], "none"

    def _base_year(self, prefer_previous: bool) -> tuple[int | None, str]:
        if prefer_previous and self.last_year is not None:
            return self.last_year, f"previous:{self.last_value}"
        if self.anchor.year is not None:
            return self.anchor.year, "publication"
        if self.last_year is not None:
            return self.last_year, f"previous:{self.last_value}"
        return None, "none"

    # -- dispatch -----------------------------------------------------------------------------
    def resolve(self, spec: Spec, text: str) -> Timex | None:
        handler = getattr(self, f"_resolve_{spec.kind}")
        return handler(spec, text[spec.start:spec.end])

    def _make(self, spec: Spec, surface: str, type_: str, value: str, precision: str | None,
              **extra: Any) -> Timex:
        return Timex(spec.start, spec.end, surface, type_, value, precision, **extra)

    def _days_timex(self, spec: Spec, surface: str, days: list[date], pod: str | None,
                    anchor: str, mod: str | None = None) -> Timex:
        days = sorted(set(days))
        suffix = f"T{pod}" if pod else ""
        type_ = "TIME" if pod else "DATE"
        precision = "part_of_day" if pod else "day"
        value = day_value(days) + suffix
        extra: dict[str, Any] = {"anchor": anchor, "mod": mod}
        if len(days) > MAX_CANDIDATES:
            extra["interval"] = [days[0].isoformat(), days[-1].isoformat()]
        elif len(days) > 1:
            extra["candidates"] = [d.isoformat() + suffix for d in days]
        timex = self._make(spec, surface, type_, value, precision, **extra)
        self._remember(timex, days, None, None)
        return timex

    def _unknown_day(self, spec: Spec, surface: str, pod: str | None = None) -> Timex | None:
        """A day we cannot pin down: keep whatever month/year the narrative is in."""
        if self.last_month:
            value = f"{self.last_month[0]:04d}-{self.last_month[1]:02d}-XX"
        elif self.last_year is not None:
            value = f"{self.last_year:04d}-XX-XX"
        else:
            return None
        if pod:
            return self._make(spec, surface, "TIME", f"{value}T{pod}", "part_of_day",
                              anchor=f"previous:{self.last_value}")
        return self._make(spec, surface, "DATE", value, "day", anchor=f"previous:{self.last_value}")

    # -- kinds --------------------------------------------------------------------------------
    def _abs_year(self, spec: Spec) -> tuple[int | None, str]:
        """Year of an absolute expression: written, two-digit, relative or inferred."""
        d = spec.data
        month, day = d.get("month"), d.get("day")
        year, anchor = d.get("year"), "none"
        if year is not None and d.get("year2"):
            year += (self.anchor.year or self.last_year or 2000) // 100 * 100
            if self.anchor.year and year > self.anchor.year + 5:
                year -= 100
        if year is None and "year_offset" in d:
            base_year, anchor = self._base_year(prefer_previous=self.mode == "narrative")
            year = base_year + d["year_offset"] if base_year is not None else None
        if year is not None:
            return year, anchor
        if d.get("year_hint"):
            return d["year_hint"], anchor
        if self.mode == "news" and month is not None:
            # past only on "seit": a past-tense clause often fixes a *future* date
            direction = "past" if d.get("since") else (
                "future" if self.tense_at(spec.start) == "future" else None)
            year = directed_year(month, day, self.anchor, direction)
            if year is not None:
                return year, "publication"
        if self.last_year is not None:
            return self.last_year, f"previous:{self.last_value}"
        if self.anchor.year is not None:
            return self.anchor.year, "publication"
        return None, "none"

    def _resolve_abs(self, spec: Spec, surface: str) -> Timex | None:
        d = spec.data
        month, day = d.get("month"), d.get("day")
        year, anchor = self._abs_year(spec)
        bc = bool(d.get("bc"))
        mod = d.get("mod")
        ytext = year_value(year, bc) if year is not None else "XXXX"
        if month is None:
            timex = self._make(spec, surface, "DATE", ytext, "year", anchor=anchor, mod=mod)
            if not d.get("aside"):
                self._remember(timex, None, None, year if not bc else None)
            return timex
        if day is None:
            timex = self._make(spec, surface, "DATE", f"{ytext}-{month:02d}", "month",
                               anchor=anchor, mod=mod)
            if not d.get("aside"):
                self._remember(timex, None, (year, month) if year and not bc else None, None)
            return timex
        the_day = safe_date(year, month, day) if year is not None and not bc else None
        if year is not None and not bc and the_day is None:
            return None
        base = f"{ytext}-{month:02d}-{day:02d}"
        if d.get("hour") is not None:
            value = f"{base}T{d['hour']:02d}:{d['minute']:02d}" + (d.get("tz") or "")
            timex = self._make(spec, surface, "TIME", value, "minute", anchor=anchor)
        elif d.get("pod"):
            timex = self._make(spec, surface, "TIME", f"{base}T{d['pod']}", "part_of_day",
                               anchor=anchor, mod=mod)
        else:
            timex = self._make(spec, surface, "DATE", base, "day", anchor=anchor, mod=mod)
        if not d.get("aside"):
            self._remember(timex, [the_day] if the_day else None, None, None)
        return timex

    def _direction(self, spec: Spec) -> str:
        rel = (spec.data.get("rel") or "").lower()
        if rel in ("kommenden", "nächsten"):
            return "future"
        if rel in ("vergangenen", "letzten", "vorigen", "vorvergangenen"):
            return "past"
        if rel == "diesen" or self.mode == "narrative":
            return "nearest"
        return spec.data.get("cue") or self.tense_at(spec.start) or "past"

    def _resolve_weekday(self, spec: Spec, surface: str) -> Timex:
        wd, pod = spec.data["weekday"], spec.data.get("pod")
        base, anchor = self._base_days(prefer_previous=self.mode == "narrative")
        if not base:
            return self._make(spec, surface, "TIME" if pod else "DATE",
                              f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""),
                              "part_of_day" if pod else "day")
        direction = self._direction(spec)
        days = set()
        week = spec.data.get("week")
        for day in base:
            if spec.data.get("rel") == "heutigen":
                days.add(day)
            elif week is not None:
                monday = day - timedelta(days=day.isoweekday() - 1)
                days.add(monday + timedelta(days=7 * week + wd - 1))
            elif direction == "future":
                days.add(weekday_after(day, wd))
            elif direction == "nearest":
                days.add(weekday_nearest(day, wd))
            else:
                hit = weekday_on_or_before(day, wd)
                if (spec.data.get("rel") or "") == "vorvergangenen":
                    hit -= timedelta(days=7)
                days.add(hit)
        if anchor == "publication" and self.anchor.precision == "month":
            inside = {d for d in days if (d.year, d.month) == (self.anchor.year, self.anchor.month)}
            days = inside or days
        return self._days_timex(spec, surface, list(days), pod, anchor)

    def _resolve_deictic(self, spec: Spec, surface: str) -> Timex:
        offset, pod, word = spec.data["offset"], spec.data.get("pod"), spec.data["word"]
        if self.mode == "narrative" and word == "heute" and not pod:
            return self._make(spec, surface, "DATE", "PRESENT_REF", None, anchor="publication")
        base = self.anchor.days()
        if not base:
            value = "PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF")
            return self._make(spec, surface, "DATE", value, None)
        days = [d + timedelta(days=offset) for d in base]
        return self._days_timex(spec, surface, days, pod, "publication")

    def _resolve_anaphor(self, spec: Spec, surface: str) -> Timex | None:
        unit, offset = spec.data["unit"], spec.data["offset"]
        deictic = spec.data.get("deictic") and self.mode == "news"
        if unit in ("day", "week"):
            base, anchor = self._base_days(prefer_previous=not deictic)
            if not base:
                return self._unknown_day(spec, surface, spec.data.get("pod"))
            step = 7 if unit == "week" else 1
            days = [d + timedelta(days=offset * step) for d in base]
            if unit == "week":
                weeks = sorted({iso_week_value(d) for d in days})
                return self._make(spec, surface, "DATE", _week_value(weeks), "week",
                                  anchor=anchor, candidates=weeks if len(weeks) > 1 else None)
            return self._days_timex(spec, surface, days, spec.data.get("pod"), anchor)
        if unit == "month":
            if self.last_month and not deictic:
                y, m = self.last_month
                anchor = f"previous:{self.last_value}"
            elif self.anchor.month:
                y, m, anchor = self.anchor.year, self.anchor.month, "publication"
            else:
                return None
            y, m = shift_month(y, m, offset)
            timex = self._make(spec, surface, "DATE", f"{y:04d}-{m:02d}", "month", anchor=anchor)
            self._remember(timex, None, (y, m), None)
            return timex
        year, anchor = self._base_year(prefer_previous=not deictic)
        if year is None:
            return None
        timex = self._make(spec, surface, "DATE", year_value(year + offset), "year", anchor=anchor)
        self._remember(timex, None, None, year + offset)
        return timex

    def _resolve_offset(self, spec: Spec, surface: str) -> Timex | None:
        d = spec.data
        n, unit, sign = d["n"], d["unit"], d["sign"]
        if d.get("in") and self.mode == "narrative":
            start = d["dur_start"]
            sub = Spec("literal", start, spec.end, {})
            return self._make(sub, surface[start - spec.start:], "DURATION",
                              duration_value(n, unit), None)
        if n is None or unit in ("sekunde", "minute", "stunde", "jahrzehnt", "jahrhundert"):
            value = "FUTURE_REF" if sign > 0 else "PAST_REF"
            anchor = "publication" if d["base"] == "anchor" else f"previous:{self.last_value}"
            return self._make(spec, surface, "DATE", value, None, anchor=anchor)
        prefer_previous = d["base"] == "previous"
        if unit in ("tag", "woche"):
            base, anchor = self._base_days(prefer_previous)
            if not base:
                return self._unknown_day(spec, surface)
            step = 7 if unit == "woche" else 1
            days = [x + timedelta(days=int(round(n * step)) * sign) for x in base]
            if unit == "woche" and not prefer_previous:
                weeks = sorted({iso_week_value(x) for x in days})
                return self._make(spec, surface, "DATE", _week_value(weeks), "week",
                                  anchor=anchor, candidates=weeks if len(weeks) > 1 else None)
            return self._days_timex(spec, surface, days, None, anchor)
        months = int(round(n * (12 if unit == "jahr" else 1))) * sign
        if unit == "monat" or months % 12:
            if prefer_previous and self.last_month:
                (y, m), anchor = self.last_month, f"previous:{self.last_value}"
            elif self.anchor.month:
                y, m, anchor = self.anchor.year, self.anchor.month, "publication"
            else:
                return None
            y, m = shift_month(y, m, months)
            timex = self._make(spec, surface, "DATE", f"{y:04d}-{m:02d}", "month", anchor=anchor)
            self._remember(timex, None, (y, m), None)
            return timex
        year, anchor = self._base_year(prefer_previous)
        if year is None:
            return None
        timex = self._make(spec, surface, "DATE", year_value(year + months // 12), "year",
                           anchor=anchor)
        self._remember(timex, None, None, year + months // 12)
        return timex

    def _resolve_period(self, spec: Spec, surface: str) -> Timex | None:
        unit, offset = spec.data["unit"], spec.data["offset"]
        if unit in ("woche", "weekend"):
            base, anchor = self._base_days(prefer_previous=False)
            if not base:
                return None
            if offset is None:  # bare "am Wochenende": the last Saturday, or the next one
                past = (self.tense_at(spec.start) or "past") == "past"
                base = [weekday_on_or_before(b, 6) if past else weekday_after(b - timedelta(1), 6)
                        for b in base]
                offset = 0
            weeks = sorted({iso_week_value(b + timedelta(days=7 * offset)) for b in base})
            suffix = "-WE" if unit == "weekend" else ""
            values = [w + suffix for w in weeks]
            return self._make(spec, surface, "DATE", _week_value(weeks) + suffix, "week",
                              anchor=anchor, candidates=values if len(values) > 1 else None)
        if unit == "monat":
            if not self.anchor.month:
                return None
            y, m = shift_month(self.anchor.year, self.anchor.month, offset)
            return self._make(spec, surface, "DATE", f"{y:04d}-{m:02d}", "month",
                              anchor="publication")
        if unit == "jahr":
            year, anchor = self._base_year(prefer_previous=self.mode == "narrative")
            if year is None:
                return None
            timex = self._make(spec, surface, "DATE", year_value(year + offset), "year",
                               anchor=anchor)
            if self.mode == "narrative" and offset > 0:  # a look-back does not move the story
                self._remember(timex, None, None, year + offset)
            return timex
        return None

    def _resolve_clock(self, spec: Spec, surface: str) -> Timex:
        d = spec.data
        base, anchor = self._base_days(prefer_previous=True)
        clock = f"T{d['hour']:02d}:{d['minute']:02d}" + (d["tz"] or "")
        if not base:
            return self._make(spec, surface, "TIME", "XXXX-XX-XX" + clock, "minute")
        base = sorted(set(base))
        if anchor == "publication" and self._is_earlier_evening(spec, d["hour"], d["minute"]):
            base = [b - timedelta(days=1) for b in base]
        extra: dict[str, Any] = {"anchor": anchor}
        if 1 < len(base) <= MAX_CANDIDATES:
            extra["candidates"] = [b.isoformat() + clock for b in base]
        elif len(base) > MAX_CANDIDATES:
            extra["interval"] = [base[0].isoformat(), base[-1].isoformat()]
        return self._make(spec, surface, "TIME", day_value(base) + clock, "minute", **extra)

    def _is_earlier_evening(self, spec: Spec, hour: int, minute: int) -> bool:
        """A past-tense clock time later than the publication time happened the day before."""
        if self.anchor.hour is None or self.anchor.minute is None:
            return False
        later = (hour, minute) > (self.anchor.hour, self.anchor.minute)
        return later and self.tense_at(spec.start) == "past"

    def _resolve_pod(self, spec: Spec, surface: str) -> Timex | None:
        base, anchor = self._base_days(prefer_previous=True)
        pod = spec.data["pod"]
        if not base:
            return self._unknown_day(spec, surface, pod)
        base = sorted(set(base))
        extra: dict[str, Any] = {"anchor": anchor, "mod": spec.data.get("mod")}
        if 1 < len(base) <= MAX_CANDIDATES:
            extra["candidates"] = [b.isoformat() + f"T{pod}" for b in base]
        elif len(base) > MAX_CANDIDATES:
            extra["interval"] = [base[0].isoformat(), base[-1].isoformat()]
        return self._make(spec, surface, "TIME", day_value(base) + f"T{pod}", "part_of_day",
                          **extra)

    def _resolve_reference(self, spec: Spec, surface: str) -> Timex | None:
        if self.mode == "narrative" and spec.data.get("word") == "zuletzt":
            return None  # in narratives "zuletzt" means "finally", not "recently"
        anchor = "publication" if self.anchor.year is not None else "none"
        return self._make(spec, surface, "DATE", spec.data["value"], None, anchor=anchor)

    def _resolve_season(self, spec: Spec, surface: str) -> Timex | None:
        d = spec.data
        written = d["year"] is not None
        year, anchor = (d["year"], "none") if written else self._base_year(
            prefer_previous=self.mode == "narrative")
        if year is not None and not written:
            year += d.get("year_offset", 0)
        ytext = year_value(year, d.get("bc", False)) if year is not None else "XXXX"
        timex = self._make(spec, surface, "DATE", f"{ytext}-{d['season']}", "quarter",
                           anchor=anchor, mod=d.get("mod"))
        if written and not d.get("bc"):
            self._remember(timex, None, None, year)
        return timex

    def _resolve_year_rel(self, spec: Spec, surface: str) -> Timex | None:
        d = spec.data
        if d.get("unit") == "Monats":
            if self.last_month and self.mode == "narrative":
                (y, m), anchor = self.last_month, f"previous:{self.last_value}"
            elif self.anchor.month:
                y, m, anchor = self.anchor.year, self.anchor.month, "publication"
            else:
                return None
            return self._make(spec, surface, "DATE", f"{y:04d}-{m:02d}", "month",
                              anchor=anchor, mod=d.get("mod"))
        year, anchor = (d["year"], "none") if d.get("year") else self._base_year(
            prefer_previous=self.mode == "narrative")
        if year is not None and not d.get("year"):
            year += d.get("year_offset", 0)
        ytext = year_value(year) if year is not None else "XXXX"
        part = d.get("part")
        value = f"{ytext}-{part}" if part else ytext
        return self._make(spec, surface, "DATE", value, "quarter" if part else "year",
                          anchor=anchor, mod=d.get("mod"))

    def _resolve_holiday(self, spec: Spec, surface: str) -> Timex | None:
        d = spec.data
        year, anchor = (d["year"], "none") if d["year"] else self._base_year(
            prefer_previous=self.mode == "narrative")
        if year is None:
            return None
        name = d["name"]
        if name in P.FIXED_HOLIDAYS:
            month, day = P.FIXED_HOLIDAYS[name]
            the_day = date(year, month, day)
        else:
            the_day = easter_sunday(year) + timedelta(days=P.EASTER_HOLIDAYS[name])
        pod = P.HOLIDAY_PARTS.get(name)
        if pod and name.startswith("silvester"):
            return self._days_timex(spec, surface, [the_day], pod, anchor)
        timex = self._make(spec, surface, "DATE", the_day.isoformat(), "day", anchor=anchor)
        self._remember(timex, [the_day], None, None)
        return timex

    def _resolve_literal(self, spec: Spec, surface: str) -> Timex:
        d = spec.data
        return self._make(spec, surface, d["type"], d["value"], d.get("precision"),
                          mod=d.get("mod"))
