"""`Cleaner`: turn a reader's `RawRecord` into a `Document` with clean body and metadata.

Ingest calls `observe()` on all records of a run first, so lines that repeat across documents
of one source (an outlet's sign-up box, its name, a recurring teaser) are known before any
single document is cleaned, then `to_document()` per record. HTML goes through trafilatura
first; plain text goes straight to the line classifier. Nothing removed is lost: every removed
line is a `RemovedSpan` on `raw_text` whose reason says what it was ("boilerplate:ad",
"meta:title").
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from lagebild.cleaning.classifier import BODY, BOILERPLATE, META, LineClassifier, LineLabel
from lagebild.cleaning.dates import (
    find_date_in_text,
    parse_container_date,
    parse_header_date,
    pick_published,
    precision_rank,
)
from lagebild.cleaning.html import HtmlExtract, extract_html
from lagebild.cleaning.lines import Line, normalise_line, split_lines
from lagebild.cleaning.textmeta import (
    assign_headline_roles,
    byline_author,
    find_agency,
    find_dateline,
    find_outlet_hint,
    find_trailing_agency,
    host_of,
    outlet_for_host,
)
from lagebild.document import Document, PartialDate, RemovedSpan
from lagebild.errors import EmptyDocumentError

if TYPE_CHECKING:
    from lagebild.readers.base import RawRecord

_MAX_REPEAT_LINE = 200  # longer lines are prose; never counted for repetition
_LANGID_CHARS = 3000
_RELANG_SHARE = 0.7  # re-identify the language on the body if cleaning removed more than 30%


def group_key(record: RawRecord) -> str:
    """Which documents share page furniture: same outlet, same host, or same folder."""
    if record.outlet:
        return f"outlet:{record.outlet.strip().lower()}"
    host = host_of(record.url)
    if host:
        return f"host:{host}"
    path = record.source.split("#", 1)[0]
    return f"dir:{PurePath(path).parent}"


def detect_language(text: str) -> str | None:
    """ISO 639-1 code from py3langid, or None for text too short to tell.

    Only the first `_LANGID_CHARS` characters are read: enough to tell, and the cost of
    py3langid grows with the length of its input.
    """
    if len(text.strip()) < 20:
        return None
    import py3langid  # lazy: loads its model on first use

    return str(py3langid.classify(text[:_LANGID_CHARS])[0])


class Cleaner:
    """Plain-text/HTML cleaning and text metadata; the lead's ingest calls this API."""

    def __init__(
        self,
        *,
        min_repeat_docs: int = 2,
        classifier: dict[str, Any] | None = None,
    ) -> None:
        self.min_repeat_docs = min_repeat_docs
        self.classifier_config = dict(classifier or {})
        self._classifier = LineClassifier(**self.classifier_config)
        self._line_docs: dict[str, Counter[str]] = defaultdict(Counter)

    def get_config(self) -> dict[str, Any]:
        return {"min_repeat_docs": self.min_repeat_docs, "classifier": self.classifier_config}

    @property
    def classifier(self) -> LineClassifier:
        """The line classifier (rules + model) this cleaner uses."""
        return self._classifier

    # -- cross-document statistics ----------------------------------------------------------
    def observe(self, records: Iterable[RawRecord]) -> None:
        """Count, per source group, in how many documents each short line occurs."""
        for record in records:
            if record.text is None:
                continue  # HTML: trafilatura handles page templates itself
            keys = {normalise_line(line.text) for line in split_lines(record.text)
                    if len(line.text) <= _MAX_REPEAT_LINE and not line.header_date}
            self._line_docs[group_key(record)].update(keys)

    def repeated_lines(self, record: RawRecord) -> frozenset[str]:
        counts = self._line_docs.get(group_key(record), Counter())
        return frozenset(k for k, n in counts.items() if n >= self.min_repeat_docs)

    # -- one document -------------------------------------------------------------------------
    def to_document(self, record: RawRecord) -> Document:
        """Clean one record; raises EmptyDocumentError if no body text remains."""
        page = self._page(record)
        if not page.text.strip():
            raise EmptyDocumentError(record.source, "no text in record")
        lines = split_lines(page.text)
        outlet_names = frozenset(
            normalise_line(n) for n in (record.outlet, host_of(record.url), page.sitename) if n
        )
        raw_language = detect_language(" ".join(line.text for line in lines))
        labels = self._classifier.classify(
            lines, repeated=self.repeated_lines(record), outlet_names=outlet_names,
            language=raw_language,
        )
        body = [line for line, lab in zip(lines, labels, strict=True) if lab.label == BODY]
        if not body:
            raise EmptyDocumentError(record.source, "no body text left after cleaning")
        roles = self._headline_roles(lines, labels, record.title or page.title)
        removed = [
            RemovedSpan(line.start, line.end, f"{lab.label}:{roles.get(i, lab.reason)}")
            for i, (line, lab) in enumerate(zip(lines, labels, strict=True))
            if lab.label != BODY
        ]
        text = "\n\n".join(unicodedata.normalize("NFC", line.text) for line in body)
        meta: dict[str, Any] = {"format": record.format,
                                "cleaning": dict(Counter(lab.label for lab in labels))}
        if record.text is None:
            meta["raw_from"] = "trafilatura"
        return Document(
            text=text,
            raw_text=page.text,
            source=record.source,
            url=record.url,
            removed=removed,
            meta=meta,
            **self._metadata(record, page, self._texts_by_role(lines, labels, roles), body,
                             [line.text for line, lab in zip(lines, labels, strict=True)
                              if lab.label == BOILERPLATE]),
            language=(raw_language if len(text) >= _RELANG_SHARE * len(page.text)
                      else detect_language(text)),
        )

    @staticmethod
    def _page(record: RawRecord) -> HtmlExtract:
        """The text to clean: the record's plain text, or trafilatura's extract of its HTML."""
        if record.text is None and record.html is not None:
            return extract_html(record.html, record.url)
        return HtmlExtract(text=record.text or "")

    def _metadata(self, record: RawRecord, page: HtmlExtract, by_role: dict[str, list[str]],
                  body: list[Line], residue_texts: list[str]) -> dict[str, Any]:
        """Title, kicker, section, dateline, outlet, agency, author and date of one article.

        Container fields (the record's, then the HTML page's) win for title, author and outlet;
        the text's own header wins for the date unless the container's is more precise.
        """
        # the dateline opens the report proper, which may follow a lead paragraph
        dateline, dateline_agency = find_dateline(body[0].text)
        if dateline is None and len(body) > 1:
            dateline, dateline_agency = find_dateline(body[1].text)
        tagged = (by_role.get("date", []) + by_role.get("agency", [])
                  + by_role.get("author", []) + by_role.get("header", []))
        bylines = [a for a in map(byline_author, by_role.get("author", [])) if a]
        return {
            "title": record.title or _first(by_role.get("title")) or page.title,
            "kicker": _first(by_role.get("kicker")),
            "section": _first(by_role.get("section")) or page.section,
            "dateline": dateline,
            "outlet": self._outlet(record, page.sitename, residue_texts),
            "agency": (find_agency(tagged) or dateline_agency
                       or find_trailing_agency(body[-1].text)),
            "author": record.author or page.author or _first(bylines),
            "published": self._published(by_role.get("date", []), record.date, page.date),
        }

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _headline_roles(lines: list[Line], labels: list[LineLabel],
                        container_title: str | None) -> dict[int, str]:
        """Kicker/title roles for the free-text header lines above the body."""
        first_body = next(i for i, lab in enumerate(labels) if lab.label == BODY)
        idx = [i for i in range(first_body)
               if labels[i].label == META and labels[i].reason == "header"]
        texts = [lines[i].text for i in idx]
        return dict(zip(idx, assign_headline_roles(texts, container_title), strict=True))

    @staticmethod
    def _texts_by_role(lines: list[Line], labels: list[LineLabel],
                       roles: dict[int, str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for i, (line, lab) in enumerate(zip(lines, labels, strict=True)):
            if lab.label == META:
                out[roles.get(i, lab.reason)].append(line.text)
        return out

    @staticmethod
    def _published(date_lines: list[str], container: str | None,
                   html_date: str | None) -> PartialDate | None:
        text_date: PartialDate | None = None
        for text in date_lines:
            found = parse_header_date(text) or find_date_in_text(text)
            if found and (text_date is None or precision_rank(found) > precision_rank(text_date)):
                text_date = found
        container_date = parse_container_date(container) or parse_container_date(html_date)
        return pick_published(text_date, container_date)

    @staticmethod
    def _outlet(record: RawRecord, sitename: str | None, residue_texts: list[str]) -> str | None:
        """record.outlet, else the URL's host, else the page's site name, else residue hints."""
        if record.outlet:
            return record.outlet
        host = host_of(record.url)
        if host:
            return outlet_for_host(host)
        return sitename or find_outlet_hint(residue_texts)


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None
