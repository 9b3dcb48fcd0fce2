"""HTML reader: one article page per file; raw markup is kept for the cleaner.

Text extraction (trafilatura, comments excluded) belongs to the cleaner so that HTML from files,
feeds and WARC records goes through one path. The reader's job is what only the container knows:
the right character set (``<meta charset>``, XML declaration, HTTP header for WARC) and the
metadata the page states in its ``<head>`` — title, canonical URL, site name, author, publication
time, language. `parse_html_record` is shared with the RSS and WARC readers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from lagebild.errors import InputError
from lagebild.readers.base import RawRecord, Rejected
from lagebild.readers.dates import normalise_record_date
from lagebild.readers.encoding import declared_charset, decode_bytes, has_visible_text, head_text

__all__ = ["HtmlReader", "looks_like_html", "parse_html_record"]

_HTML_START_RE = re.compile(
    r"""\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*
        <(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|section)\b""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_TAG_RE = re.compile(
    r"</?(?:html|head|body|div|p|span|a|article|section|h[1-6]|br|ul|li|table|script|meta)\b",
    re.IGNORECASE,
)
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg")
_VISIBLE_TEXT_XPATH = ".//text()[not(ancestor::" + " or ancestor::".join(_INVISIBLE_TAGS) + ")]"


def looks_like_html(text: str) -> bool:
    """True if `text` starts like an HTML document or is dominated by HTML tags."""
    head = text[:8192]
    if _HTML_START_RE.match(head):
        return True
    stripped = head.lstrip("\ufeff \t\r\n")
    return stripped.startswith("<") and len(_TAG_RE.findall(head)) >= 3


def _first(values: list[Any]) -> str | None:
    for value in values:
        text = value.strip() if isinstance(value, str) else None
        if text:
            return " ".join(text.split())
    return None


def _json_ld_values(tree: Any) -> dict[str, str]:
    """`headline`, `datePublished`, author and publisher from JSON-LD blocks, if any."""
    found: dict[str, str] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
            for key in ("headline", "datePublished", "url"):
                if isinstance(item.get(key), str):
                    found.setdefault(key, item[key])
            for key in ("author", "publisher"):
                value = item.get(key)
                value = value[0] if isinstance(value, list) and value else value
                if isinstance(value, dict) and isinstance(value.get("name"), str):
                    found.setdefault(key, value["name"])
                elif isinstance(value, str):
                    found.setdefault(key, value)
    return found


def _meta(tree: Any, *names: str) -> list[str]:
    values: list[str] = []
    for name in names:
        values += tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return values


def parse_html_record(
    html: str, *, source: str, format: str, encoding: str, extra: dict[str, Any] | None = None
) -> RawRecord | Rejected:
    """Build a `RawRecord` from decoded HTML, with metadata from its head; or say why not."""
    try:
        tree = lxml.html.document_fromstring(
            html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (lxml.etree.LxmlError, ValueError) as exc:
        return Rejected(source, f"unparseable HTML: {exc}")
    ld = _json_ld_values(tree)
    body = tree.find("body")
    scope = body if body is not None else tree
    if not any(has_visible_text(t) for t in scope.xpath(_VISIBLE_TEXT_XPATH)):
        return Rejected(source, "HTML page has no visible text")
    info: dict[str, Any] = {"encoding": encoding, **(extra or {})}
    lang = _first(tree.xpath("/html/@lang") + _meta(tree, "og:locale", "language"))
    if lang:
        info["language"] = lang
    for key in ("article:section", "article:tag", "description", "og:description"):
        value = _first(_meta(tree, key))
        if value:
            info[key.split(":")[-1]] = value
    date = _first(
        _meta(tree, "article:published_time", "date", "pubdate", "dc.date", "DC.date.issued")
        + [ld.get("datePublished", "")]
        + tree.xpath("//*[@itemprop='datePublished']/@content")
        + tree.xpath("//time/@datetime")
    )
    return RawRecord(
        source=source,
        format=format,
        html=html,
        title=_first(
            _meta(tree, "og:title") + [ld.get("headline", "")] + tree.xpath("//title/text()")
            + [h.text_content() for h in tree.xpath("//h1")[:1]]
        ),
        date=normalise_record_date(date, info),
        url=_first(
            tree.xpath('//link[@rel="canonical"]/@href') + _meta(tree, "og:url")
            + [ld.get("url", "")]
        ),
        outlet=_first(_meta(tree, "og:site_name", "application-name") + [ld.get("publisher", "")]),
        author=_first(_meta(tree, "author", "article:author") + [ld.get("author", "")]),
        extra=info,
    )


class HtmlReader:
    """Reads an HTML file (any extension) as one `RawRecord` with `html` set."""

    format = "html"

    def __init__(self, max_bytes: int = 50_000_000) -> None:
        self.max_bytes = max_bytes

    def sniff(self, path: Path, head: bytes) -> bool:
        return looks_like_html(head_text(head))

    def read(self, path: Path) -> Iterator[RawRecord | Rejected]:
        source = str(path)
        data = path.read_bytes()
        try:
            html = decode_bytes(data, source=source, declared=declared_charset(data))
        except InputError as exc:
            yield Rejected(source, exc.reason)
            return
        yield parse_html_record(
            str(html).lstrip("\ufeff"), source=source, format=self.format, encoding=html.encoding
        )
