"""JSONL reader: one article object per line (also accepts a JSON array of such objects).

Exports from scrapers and news APIs disagree on field names, so a few common aliases are mapped
onto the canonical ``text/html/title/date/url/outlet/author``; every other field is kept in
`extra`. The file is streamed line by line and each line is decoded and parsed on its own, so
one malformed or mis-encoded line is rejected with its line number while every good line is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lagebild.errors import InputError
from lagebild.readers.base import RawRecord, Rejected
from lagebild.readers.dates import normalise_record_date
from lagebild.readers.encoding import decode_bytes, has_visible_text, head_text

__all__ = ["FIELD_ALIASES", "JsonlReader", "record_from_object"]

# canonical field -> accepted names, first match wins
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "article", "fulltext"),
    "html": ("html", "raw_html", "content_html"),
    "title": ("title", "headline"),
    "date": ("date", "published", "date_publish", "pubDate", "published_at", "datePublished"),
    "url": ("url", "link", "uri"),
    "outlet": ("outlet", "source", "source_domain", "site", "publisher"),
    "author": ("author", "authors", "byline"),
}
_SNIFF_LINE_RE = re.compile(r'\A\s*\{\s*(?:"[^"\n]*"\s*:|\})')


def _string(field: str, value: Any) -> str | None:
    """A field value as text, or None if its type makes no sense for the field.

    Strings as-is; for metadata also lists of strings (joined) and ``{"name": ...}`` objects;
    numbers only for ``date`` (epoch seconds are kept as their digits, parsed later).
    """
    if isinstance(value, str):
        return value
    if field in ("text", "html"):
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    if field == "date" and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def record_from_object(obj: Any, *, source: str, location: str) -> RawRecord | Rejected:
    """Map one decoded JSON value to a `RawRecord`, or say why it is not an article."""
    if not isinstance(obj, dict):
        return Rejected(source, f"JSON value is a {type(obj).__name__}, not an object", location)
    fields: dict[str, str | None] = {}
    used: set[str] = set()
    for canonical, aliases in FIELD_ALIASES.items():
        fields[canonical] = None
        for key in aliases:
            if key in obj and obj[key] is not None:
                used.add(key)
                value = _string(canonical, obj[key])
                if value is None:
                    kind = type(obj[key]).__name__
                    return Rejected(source, f"field {key!r} is a {kind}, expected a string",
                                    location)
                fields[canonical] = value
                break
    text, html = fields.pop("text"), fields.pop("html")
    if text is not None and not has_visible_text(text):
        text = None
    if html is not None and not has_visible_text(html):
        html = None
    if text is None and html is None:
        keys = ", ".join(sorted(obj)) or "none"
        return Rejected(source, f"JSON object has no article text (no non-empty 'text' or "
                                f"'html' field; keys: {keys})", location)
    if text is not None:
        html = None  # text wins: exactly one of text/html is set (see RawRecord)
    extra = {k: v for k, v in obj.items() if k not in used}
    fields["date"] = normalise_record_date(fields["date"], extra)
    return RawRecord(source=f"{source}#{location.replace(' ', '=')}", format="jsonl", text=text,
                     html=html, extra=extra, **fields)


class JsonlReader:
    """Reads JSON Lines (``.jsonl``/``.ndjson``, or any file whose lines are JSON objects)."""

    format = "jsonl"

    def __init__(self, max_bytes: int = 50_000_000) -> None:
        self.max_bytes = max_bytes

    def sniff(self, path: Path, head: bytes) -> bool:
        text = head_text(head).lstrip("\ufeff \t\r\n")
        if path.suffix.lower() in (".jsonl", ".ndjson", ".json") and text[:1] in ("{", "["):
            return True
        return bool(_SNIFF_LINE_RE.match(text)) or text.startswith("[{") or (
            text.startswith("[") and text[1:].lstrip().startswith("{")
        )

    def read(self, path: Path) -> Iterator[RawRecord | Rejected]:
        with path.open("rb") as fh:
            first_line = fh.readline(1_000_000).removeprefix(b"\xef\xbb\xbf").strip()
        if first_line.startswith(b"[") or (
            first_line.startswith(b"{") and not _parses(first_line)
        ):
            # A JSON array, or one pretty-printed object; if the whole file does not parse
            # either, fall through to line-by-line so each bad line is reported.
            whole = list(self._read_document(path))
            if whole:
                yield from whole
                return
        yield from self._read_lines(path)

    def _read_lines(self, path: Path) -> Iterator[RawRecord | Rejected]:
        source = str(path)
        seen = 0
        with path.open("rb") as fh:
            for number, raw in enumerate(fh, start=1):
                location = f"line {number}"
                if number == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                if not raw.strip():
                    continue
                seen += 1
                try:
                    line = decode_bytes(raw, source=source, location=location)
                except InputError as exc:
                    yield Rejected(source, exc.reason, location)
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Rejected(source, f"malformed JSON: {exc.msg} at column {exc.colno}",
                                   location)
                    continue
                yield record_from_object(obj, source=source, location=location)
        if seen == 0:
            yield Rejected(source, "empty file: no JSON lines")

    def _read_document(self, path: Path) -> Iterator[RawRecord | Rejected]:
        """Records of a file holding one JSON document (array of objects, or one object).

        Yields nothing if the file is not valid JSON as a whole, so the caller can fall back.
        """
        source = str(path)
        try:
            data = json.loads(decode_bytes(path.read_bytes(), source=source))
        except (InputError, json.JSONDecodeError):
            return
        if isinstance(data, dict):
            yield record_from_object(data, source=source, location="item 1")
        elif isinstance(data, list) and data:
            for index, obj in enumerate(data, start=1):
                yield record_from_object(obj, source=source, location=f"item {index}")
        else:
            yield Rejected(source, "JSON file is neither an article object nor a non-empty "
                                   "array of article objects")


def _parses(line: bytes) -> bool:
    try:
        json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return True
