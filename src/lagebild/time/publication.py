"""Publication-date inference and candidate narrowing, for vague article dates.

Why: many feeds date an article only to the month. A weekday mention then has several
candidate days. The article itself can narrow its own date (a dateline such as
"31.12.2021, 00:07 Uhr", or "am Dienstag" next to "7. Dezember"), and the event stage can
narrow further with dates that *other* articles give for the same event. Both are pure
functions here so the event stage can call them without running the time stage again.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from lagebild.document import Document, PartialDate
from lagebild.time.calendar import iso_week_value
from lagebild.time.resolve import Timex
from lagebild.time.tagger import tag_text

DATELINE_WINDOW = 400  # characters from the top where a bare date counts as the dateline
_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")


def _is_consistent(value: str, published: PartialDate | None) -> bool:
    return published is None or value.startswith(published.value[:10])


def _dateline(text: str, timexes: list[Timex], published: PartialDate | None) -> PartialDate | None:
    """An explicit full date on its own short line near the top (or within the window)."""
    for timex in timexes:
        if timex.start > DATELINE_WINDOW:
            break
        if timex.anchor != "none" or not _DAY_RE.match(timex.value):
            continue
        line_start = text.rfind("\n", 0, timex.start) + 1
        line_end = text.find("\n", timex.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if len(line.strip()) > 60 or not _is_consistent(timex.value, published):
            continue
        precision = "minute" if timex.precision == "minute" else "day"
        return PartialDate(timex.value[:16] if precision == "minute" else timex.value[:10],
                           precision)
    return None


def _weekday_window(timexes: list[Timex]) -> tuple[date, date] | None:
    """Publication window from weekday mentions matched to explicit dates in the text.

    A news weekday ("am Dienstag") names a day of the last week before publication; if the
    same text also gives an explicit date on that weekday, publication lies in [d, d + 6].
    """
    explicit = {m.group(0) for t in timexes if any(c.isdigit() for c in t.text)
                for m in [_DAY_RE.match(t.value)] if m}
    low: date | None = None
    high: date | None = None
    for timex in timexes:
        if not timex.candidates:
            continue
        hits = [c[:10] for c in timex.candidates if c[:10] in explicit]
        if len(hits) != 1:
            continue
        day = date.fromisoformat(hits[0])
        low = day if low is None else max(low, day)
        high = day + timedelta(days=6) if high is None else min(high, day + timedelta(days=6))
    if low is None or high is None or low > high:
        return None
    return low, high


def infer_publication_date(doc: Document) -> PartialDate | None:
    """A narrower publication date than `doc.published`, found in the doc's own text.

    Returns a day/minute-precision date from a dateline, else a week- or day-precision date
    from weekday mentions tied to explicit dates, else None (nothing narrower is supported).
    Never returns a date inconsistent with `doc.published`; never reads the clock.
    """
    published = doc.published
    if published is not None and published.precision not in ("year", "quarter", "month",
                                                              "week"):
        return None
    timexes = doc_timexes(doc)
    found = _dateline(doc.text, timexes, published)
    if found is not None:
        return found
    window = _weekday_window(timexes)
    if window is None:
        return None
    low, high = window
    if low == high:
        result = PartialDate(low.isoformat(), "day")
    elif iso_week_value(low) == iso_week_value(high):
        result = PartialDate(iso_week_value(low), "week")
    else:
        return None
    if published is not None and published.precision != "week":
        if not low.isoformat().startswith(published.value[:7]):
            return None
    return result


def doc_timexes(doc: Document) -> list[Timex]:
    """Timexes of a document, from its `time` layer if present, else by tagging it."""
    layer = doc.layer("time")
    if layer:
        out = []
        for a in layer:
            attrs = a.attrs
            out.append(Timex(a.start, a.end, attrs.get("text", doc.text_of(a)), a.label,
                             attrs.get("value", ""), attrs.get("precision"),
                             attrs.get("candidates"), attrs.get("interval"),
                             attrs.get("anchor", "none"), attrs.get("mod")))
        return out
    return tag_text(doc.text, doc.published)


def _compatible(candidate: str, evidence: str) -> bool:
    cand_day = candidate[:10]
    week = _WEEK_RE.match(evidence)
    if week:
        match = _DAY_RE.match(cand_day)
        return bool(match) and iso_week_value(date.fromisoformat(cand_day)) == week.group(0)
    ev = evidence.split("T")[0]
    if "X" in ev or not ev:
        return False
    return cand_day.startswith(ev) or ev.startswith(cand_day)


def narrow_candidates(values: list[str], evidence: list[str]) -> list[str]:
    """Keep the candidate values best supported by independent evidence.

    values    candidate ISO values of one expression (e.g. every Tuesday of December 2021,
              possibly with a part-of-day suffix such as "2021-12-07TEV").
    evidence  ISO/TIMEX values that other sources give for the same event: days
              ("2021-12-07"), times ("2021-12-07T17:00"), weeks ("2021-W49") or months.
    Returns the candidates compatible with the largest number of evidence values, in input
    order. Evidence that supports no candidate is ignored; if nothing supports any candidate
    the input is returned unchanged (never an invented value).
    """
    support = [sum(_compatible(v, e) for e in evidence) for v in values]
    best = max(support, default=0)
    if best == 0:
        return list(values)
    return [v for v, s in zip(values, support, strict=True) if s == best]



def timexes_as_dicts(doc: Document) -> list[dict[str, object]]:
    """The `time` layer as JSON-ready dicts (start, end, label + attrs), for `show --json`."""
    return [{"start": a.start, "end": a.end, "label": a.label, **a.attrs}
            for a in doc.layer("time")]
