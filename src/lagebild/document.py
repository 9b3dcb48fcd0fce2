"""The `Document`: cleaned article text plus metadata and standoff annotations.

The cleaned body (`text`) is fixed once the Document exists; every annotation refers to it by
half-open character offsets ``[start, end)``. Boilerplate removed by cleaning is kept as
`RemovedSpan`s on `raw_text`, so nothing is thrown away silently.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from lagebild.errors import AnnotationError

SCHEMA_VERSION = 1

Precision = Literal[
    "year", "quarter", "month", "week", "day", "part_of_day", "hour", "minute", "second"
]
PRECISIONS: tuple[str, ...] = (
    "year", "quarter", "month", "week", "day", "part_of_day", "hour", "minute", "second"
)

_WS_RE = re.compile(r"\s+")


def content_id(text: str) -> str:
    """Stable id from content: whitespace-insensitive SHA-256, 16 hex digits.

    Whitespace is collapsed first so re-encoded or re-wrapped copies of one article get one id.
    """
    normalised = _WS_RE.sub(" ", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class PartialDate:
    """A calendar value known only to some precision, e.g. ``2021-12`` (month)."""

    value: str
    precision: str

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(
                f"unknown date precision {self.precision!r}; expected one of {PRECISIONS}"
            )

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "precision": self.precision}

    @classmethod
    def from_dict(cls, data: dict[str, str] | None) -> PartialDate | None:
        if not data:
            return None
        return cls(value=data["value"], precision=data["precision"])


@dataclass(frozen=True)
class Annotation:
    """One standoff span on the cleaned text of a document."""

    layer: str
    start: int
    end: int
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "attrs": self.attrs,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annotation:
        return cls(
            layer=data["layer"],
            start=int(data["start"]),
            end=int(data["end"]),
            label=data.get("label", ""),
            attrs=dict(data.get("attrs") or {}),
        )


@dataclass(frozen=True)
class RemovedSpan:
    """A stretch of the raw text that cleaning removed or moved into metadata, and why."""

    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason}


@dataclass
class Document:
    """An article: raw input, cleaned body, metadata and standoff annotations."""

    text: str
    raw_text: str = ""
    source: str = ""
    id: str = ""
    title: str | None = None
    kicker: str | None = None
    section: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    agency: str | None = None
    author: str | None = None
    language: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.raw_text:
            self.raw_text = self.text
        if not self.id:
            self.id = content_id(self.raw_text)

    # -- annotations -------------------------------------------------------------------------
    def layer(self, name: str) -> list[Annotation]:
        """All annotations of one layer, sorted by position."""
        return sorted(
            (a for a in self.annotations if a.layer == name), key=lambda a: (a.start, a.end)
        )

    def layers(self) -> set[str]:
        return {a.layer for a in self.annotations}

    def set_layer(self, name: str, spans: Iterable[Annotation]) -> None:
        """Replace one layer wholesale; a stage owns the layers it produces."""
        new = list(spans)
        for span in new:
            self._check_span(span, name)
        self.annotations = [a for a in self.annotations if a.layer != name] + new

    def add(self, layer: str, start: int, end: int, label: str = "", **attrs: Any) -> Annotation:
        span = Annotation(layer, start, end, label, attrs)
        self._check_span(span, layer)
        self.annotations.append(span)
        return span

    def text_of(self, span: Annotation | RemovedSpan) -> str:
        if isinstance(span, RemovedSpan):
            return self.raw_text[span.start : span.end]
        return self.text[span.start : span.end]

    def _check_span(self, span: Annotation, layer: str) -> None:
        if span.layer != layer:
            raise AnnotationError(f"span of layer {span.layer!r} given for layer {layer!r}")
        if not 0 <= span.start <= span.end <= len(self.text):
            raise AnnotationError(
                f"document {self.id}: span [{span.start}, {span.end}) of layer {layer!r} "
                f"outside text of length {len(self.text)}"
            )

    def sentences(self) -> Iterator[tuple[int, int]]:
        """Sentence boundaries from the `sentences` layer, or paragraphs if none exists."""
        sents = self.layer("sentences")
        if sents:
            yield from ((s.start, s.end) for s in sents)
            return
        pos = 0
        for para in self.text.split("\n"):
            if para.strip():
                yield pos, pos + len(para)
            pos += len(para) + 1

    # -- serialisation -----------------------------------------------------------------------
    def metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "kicker": self.kicker,
            "section": self.section,
            "dateline": self.dateline,
            "outlet": self.outlet,
            "agency": self.agency,
            "author": self.author,
            "language": self.language,
            "published": self.published.to_dict() if self.published else None,
        }

    def to_dict(self) -> dict[str, Any]:
        data = self.metadata()
        data.update(
            {
                "schema": SCHEMA_VERSION,
                "text": self.text,
                "raw_text": self.raw_text,
                "removed": [r.to_dict() for r in self.removed],
                "annotations": [a.to_dict() for a in self.annotations],
                "meta": self.meta,
            }
        )
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            text=data["text"],
            raw_text=data.get("raw_text") or data["text"],
            source=data.get("source", ""),
            id=data.get("id", ""),
            title=data.get("title"),
            kicker=data.get("kicker"),
            section=data.get("section"),
            dateline=data.get("dateline"),
            outlet=data.get("outlet"),
            agency=data.get("agency"),
            author=data.get("author"),
            language=data.get("language"),
            published=PartialDate.from_dict(data.get("published")),
            url=data.get("url"),
            removed=[RemovedSpan(**r) for r in data.get("removed", [])],
            annotations=[Annotation.from_dict(a) for a in data.get("annotations", [])],
            meta=dict(data.get("meta") or {}),
        )
