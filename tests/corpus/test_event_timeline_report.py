"""Timeline filters and the self-contained HTML report."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from lagebild.corpus.report import render_report
from lagebild.corpus.timeline import build_timeline, format_date


def _event(eid: str, value: str, precision: str, cands: list[str], actors: list[str],
           members: int = 1, copies: int = 0, storyline: str | None = None) -> dict[str, Any]:
    rows = [{"doc_id": f"{eid}-{i}", "outlet": f"o{i}", "duplicate_of": None}
            for i in range(members)]
    rows += [{"doc_id": f"{eid}-c{i}", "outlet": "copy", "duplicate_of": f"{eid}-0"}
             for i in range(copies)]
    return {
        "id": eid, "date": {"value": value, "precision": precision, "candidates": cands},
        "headline": f"Headline <{eid}>", "summary": [{"text": "Satz & mehr."}],
        "participants": [{"actor_id": a.lower(), "name": a} for a in actors],
        "place": "Moskau", "members": rows, "outlets": ["o0"], "quotes": [
            {"text": "Wir hoffen auf Dialog", "speaker": {"name": actors[0]}}
        ], "linked": [], "storyline": storyline,
    }


EVENTS = [
    _event("ev-dec", "2021-12", "month", ["2021-12-07", "2021-12-14"], ["Putin", "Biden"],
           storyline="st-1"),
    _event("ev-apr", "2021-04-13", "day", [], ["Biden", "Putin"], members=2, copies=1),
    _event("ev-late", "2021-12-30", "day", [], ["Putin"], storyline="st-1"),
]
STORIES = [{"id": "st-1", "title": "Ukraine-Krise", "events": ["ev-dec", "ev-late"],
            "start": "2021-12-07", "end": "2021-12-30", "actors": [{"name": "Putin"}]}]


def test_timeline_orders_by_first_possible_day() -> None:
    assert [e["event_id"] for e in build_timeline(EVENTS, STORIES)] == [
        "ev-apr", "ev-dec", "ev-late"
    ]


def test_timeline_counts_copies_once() -> None:
    entry = build_timeline(EVENTS)[0]
    assert entry["sources"] == 2 and entry["copies"] == 1 and len(entry["members"]) == 2


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"actor": "biden"}, ["ev-apr", "ev-dec"]),
        ({"date_from": "2021-12"}, ["ev-dec", "ev-late"]),
        ({"date_from": "2021-12-10", "date_to": "2021-12-20"}, ["ev-dec"]),
        ({"date_to": "2021-04"}, ["ev-apr"]),
        ({"date_from": "2021-12-15", "date_to": "2021-12-20"}, []),
    ],
)
def test_timeline_filters(kwargs: dict[str, str], expected: list[str]) -> None:
    assert [e["event_id"] for e in build_timeline(EVENTS, STORIES, **kwargs)] == expected


def test_timeline_rejects_bad_date() -> None:
    with pytest.raises(ValueError, match="cannot read date"):
        build_timeline(EVENTS, date_from="last week")


def test_format_date_shows_candidates() -> None:
    assert format_date(EVENTS[0]) == "2021-12 (Di 7., 14.)"
    assert format_date(EVENTS[1]) == "2021-04-13"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"script", "img", "iframe"} and values.get("src"):
            self.external.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            self.external.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")


def test_report_is_self_contained_and_escaped() -> None:
    page = render_report(EVENTS, STORIES, [{"doc_id": "x", "duplicate_of": "y"}])
    collector = _Collector()
    collector.feed(page)
    assert collector.external == []
    assert not re.search(r"https?://", page)
    assert {"ev-dec", "ev-apr", "ev-late"} <= collector.ids
    assert "Headline &lt;ev-apr&gt;" in page and "<ev-apr>" not in page
    assert "Zeitleiste" in page and "Ukraine-Krise" in page and "<svg" in page
    assert page.index("ev-apr") < page.index("ev-late")


def test_report_without_events_still_renders() -> None:
    page = render_report([], [])
    assert "Keine Ereignisse" in page and page.rstrip().endswith("</html>")
