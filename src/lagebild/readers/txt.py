"""Plain-text reader: one article per file, including the seed format.

Plain text is the format with the least structure, so the reader only decodes and checks that
there is text; everything else (title, kicker, dateline, boilerplate) is the cleaner's job,
because those decisions need the line classifier. The one container-level fact a text file can
state is the seed header — an optional first line `` date YYYY-MM[-DD] <first line>`` — whose
date goes into `record.date`; the raw text itself is kept intact for the cleaner (only CRLF/CR
line ends become LF and a byte-order mark is dropped).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lagebild.errors import InputError
from lagebild.readers.base import RawRecord, Rejected
from lagebild.readers.encoding import decode_bytes, has_visible_text, normalise_newlines

__all__ = ["SEED_HEADER_RE", "TxtReader", "parse_seed_header"]

# `` date 2021-12 Anzeige`` — leading space optional, day optional, rest of line is article text.
SEED_HEADER_RE = re.compile(
    r"""\A[ \t]*date[ \t]+
        (?P<date>\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)
        (?=[ \t]|$)""",
    re.VERBOSE | re.MULTILINE,
)


def parse_seed_header(text: str) -> str | None:
    """The ``YYYY-MM[-DD]`` date of a seed-format first line, or None."""
    match = SEED_HEADER_RE.match(text)
    return match.group("date") if match else None


class TxtReader:
    """Reads a UTF-8 / cp1252 / latin-1 text file as one `RawRecord` with `text` set."""

    format = "txt"

    def __init__(self, max_bytes: int = 50_000_000) -> None:
        self.max_bytes = max_bytes

    def sniff(self, path: Path, head: bytes) -> bool:
        """Plain text is the fallback: anything that passed the binary check qualifies."""
        return True

    def read(self, path: Path) -> Iterator[RawRecord | Rejected]:
        source = str(path)
        data = path.read_bytes()
        try:
            text = decode_bytes(data, source=source)
        except InputError as exc:
            yield Rejected(source, exc.reason)
            return
        encoding = text.encoding
        body = normalise_newlines(str(text))
        if body.startswith("\ufeff"):
            body = body[1:]
        if not has_visible_text(body):
            yield Rejected(source, "empty file: only whitespace")
            return
        extra: dict[str, str] = {"encoding": encoding}
        header_date = parse_seed_header(body)
        if header_date:
            extra["date_from"] = "seed_header"
        yield RawRecord(
            source=source, format=self.format, text=body, date=header_date, extra=extra
        )
