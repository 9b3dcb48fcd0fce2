"""German temporal tagging for Lagebild: find, normalise and anchor temporal expressions.

`time` layer attrs (one span per expression, label = type):
- type       DATE | TIME | DURATION | SET
- value      ISO 8601 / TIMEX value: "2021-04-13", "2021-12-30TEV", "2021-12-30T21:35+01",
             "2021-12", "2021-W49", "2021-Q1", "2022-SU", "P1W", "PT2H", "PXY", "XXXX-WXX-2",
             "PAST_REF" | "PRESENT_REF" | "FUTURE_REF"; unknown parts are X ("2021-12-XX")
- precision  year | quarter | month | week | day | part_of_day | hour | minute | None (refs)
- candidates every possible value when the anchor is vague and there are at most 7
             (e.g. all Tuesdays of December 2021), else
- interval   [first day, last day] of the possible days
- anchor     "publication" | "previous:<value of the expression it was resolved from>" | "none"
- mod        optional TIMEX modifier: START | MID | END | APPROX | MORE_THAN | LESS_THAN ...
- text       the surface string

Public API:
- `tag_text(text, anchor, *, mode, sentences, tenses) -> list[Timex]`
- `Timex` (start, end, text, type, value, precision, candidates, interval, anchor, mod)
- `infer_publication_date(doc) -> PartialDate | None`
- `narrow_candidates(values, evidence) -> list[str]`
- `timexes_as_dicts(doc) -> list[dict]` (the `time` layer for `lagebild show ID --json`)
"""

from lagebild.time.publication import (
    infer_publication_date,
    narrow_candidates,
    timexes_as_dicts,
)
from lagebild.time.resolve import Timex, TimexResolver
from lagebild.time.tagger import tag_text

__all__ = [
    "Timex",
    "TimexResolver",
    "infer_publication_date",
    "narrow_candidates",
    "tag_text",
    "timexes_as_dicts",
]
