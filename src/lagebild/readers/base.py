"""Reader contract shared by all formats."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


@dataclass
class RawRecord:
    """One article as read from its container, before cleaning.

    Exactly one of `text` (plain text, cleaned by Lagebild's own line classifier) or `html`
    (extracted with trafilatura) is set. Metadata fields are whatever the container states.
    """

    source: str  # path, plus "#line=N" / "#record=N" / "#item=N" inside containers
    format: str  # txt | html | jsonl | rss | warc
    text: str | None = None
    html: str | None = None
    title: str | None = None
    date: str | None = None  # as found in the container; parsed later
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rejected:
    """An input (or one record of it) that could not be read, and exactly why."""

    source: str
    reason: str
    location: str | None = None  # line / record number inside the file
    # True when nothing was wrong with the input but it holds no article here (e.g. a WARC
    # image response or HTTP redirect): callers count it separately and need not fail the run.
    skipped: bool = False

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        prefix = "skipped: " if self.skipped and not self.reason.startswith("skipped") else ""
        return f"{where}: {prefix}{self.reason}"


class Reader(Protocol):
    format: str

    def sniff(self, path: Path, head: bytes) -> bool:
        """True if the first bytes look like this format."""

    def read(self, path: Path) -> Iterator[RawRecord | Rejected]:
        """Yield every record; a broken record yields `Rejected` and reading goes on."""
