"""HTML to paragraph text with trafilatura, keeping its title/date/author/sitename metadata.

trafilatura finds the main content of a page and drops navigation and comment sections
(`include_comments=False`). Its plain-text output keeps one paragraph per line, which is what
the line classifier expects, so residue that survives extraction ("Anzeige" inside the
article element) is still removed downstream.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

# Ask htmldate for the time of day too; a date-only result comes back at midnight and
# `parse_container_date` turns it into day precision.
_DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S", "original_date": True,
                "extensive_search": True}


@dataclass(frozen=True)
class HtmlExtract:
    """Main text of a page (paragraphs separated by newlines) and its page metadata."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    section: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main content and metadata of one HTML page; empty text if trafilatura finds none."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if result is None:
        return HtmlExtract(text="")
    categories = getattr(result, "categories", None) or []
    return HtmlExtract(
        text=getattr(result, "text", None) or "",
        title=getattr(result, "title", None) or None,
        date=getattr(result, "date", None) or None,
        author=getattr(result, "author", None) or None,
        sitename=getattr(result, "sitename", None) or None,
        section=categories[0] if categories else None,
    )
