"""RSS / Atom / RDF feed reader (feedparser): one record per item.

Feeds often carry the whole article as HTML in ``content:encoded`` (or only a teaser in
``description``); that HTML goes to `record.html` so it takes the same trafilatura path as web
pages. feedparser cannot parse German-localised dates ("Di, 13 Apr 2021 20:25:00 +0200"), so the
raw date string is parsed by `lagebild.readers.dates` and stored as ISO 8601; the raw string is
kept in `extra["date_raw"]`. feedparser is lenient: items before a syntax error are kept and the
error itself is reported as a `Rejected` for the feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lagebild.readers.base import RawRecord, Rejected
from lagebild.readers.dates import normalise_record_date
from lagebild.readers.encoding import has_visible_text, head_text

__all__ = ["FEED_ROOT_RE", "RssReader"]

FEED_ROOT_RE = re.compile(
    r"""\A\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*
        <(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)\b""",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
_MARKUP_RE = re.compile(r"<[A-Za-z][^>]*>|&[a-zA-Z#0-9]+;")
# Exceptions feedparser reports for feeds it still read completely and correctly.
_BENIGN_BOZO = ("CharacterEncodingOverride", "NonXMLContentType")


def _entry_content(entry: Any) -> tuple[str | None, str]:
    """Best body of a feed item, and where it came from."""
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if has_visible_text(value):
            return value, "content"
    summary = entry.get("summary") or ""
    if has_visible_text(summary):
        return summary, "summary"
    return None, ""


class RssReader:
    """Reads RSS 0.9x/2.0, RDF/RSS 1.0 and Atom files."""

    format = "rss"

    def __init__(self, max_bytes: int = 50_000_000) -> None:
        self.max_bytes = max_bytes

    def sniff(self, path: Path, head: bytes) -> bool:
        return bool(FEED_ROOT_RE.match(head_text(head).lstrip("\ufeff")))

    def read(self, path: Path) -> Iterator[RawRecord | Rejected]:
        import feedparser  # lazy: only feed inputs pay for the import

        source = str(path)
        parsed = feedparser.parse(path.read_bytes(), sanitize_html=True,
                                  resolve_relative_uris=True)
        feed = parsed.get("feed", {})
        outlet = feed.get("title") or None
        language = feed.get("language") or None
        entries = parsed.get("entries", [])
        for number, entry in enumerate(entries, start=1):
            yield self._record(entry, number, source, outlet, language)
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if problem is not None and type(problem).__name__ not in _BENIGN_BOZO:
            where = getattr(problem, "getLineNumber", lambda: None)()
            location = f"line {where}" if where else None
            yield Rejected(source, f"malformed feed XML ({problem}); {len(entries)} item(s) read "
                                   "before the error were kept", location)
        elif not entries:
            yield Rejected(source, "feed has no items")

    def _record(self, entry: Any, number: int, source: str, outlet: str | None,
                language: str | None) -> RawRecord | Rejected:
        location = f"item {number}"
        body, origin = _entry_content(entry)
        if body is None:
            title = entry.get("title") or "untitled"
            return Rejected(source, f"feed item {title!r} has no content (no content:encoded, "
                                    "description or summary)", location)
        raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
        extra: dict[str, Any] = {"content_from": origin}
        if language:
            extra["language"] = language
        if entry.get("id"):
            extra["guid"] = entry["id"]
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            extra["tags"] = tags
        if origin == "content" and has_visible_text(entry.get("summary") or ""):
            extra["summary"] = entry["summary"]
        is_markup = bool(_MARKUP_RE.search(body))
        return RawRecord(
            source=f"{source}#item={number}",
            format=self.format,
            html=body if is_markup else None,
            text=None if is_markup else body,
            title=entry.get("title") or None,
            date=normalise_record_date(raw_date, extra),
            url=entry.get("link") or None,
            outlet=outlet,
            author=entry.get("author") or None,
            extra=extra,
        )
