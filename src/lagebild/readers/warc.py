"""WARC reader (warcio): one record per archived HTML page.

Web archives hold far more than articles — requests, metadata, images, redirects — so only
``response`` (and ``resource``) records whose payload is HTML become `RawRecord`s; other
response records are reported as skipped (`Rejected` with ``skipped=True``) so the run summary
can say what was passed over and why, while structural records (request, warcinfo, metadata)
are ignored. warcio stops silently at truncation: a cut-off uncompressed record just comes back
short, and a cut-off gzip member is dropped. Both are detected here (unread bytes left in the
record, or an archive offset short of the file size) and reported, after every record read
before the damage has been yielded.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lagebild.errors import InputError
from lagebild.readers.base import RawRecord, Rejected
from lagebild.readers.dates import parse_container_date
from lagebild.readers.encoding import GZIP_MAGIC, binary_kind, declared_charset, decode_bytes
from lagebild.readers.html import parse_html_record

__all__ = ["WarcReader", "is_warc_head"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CONTENT_RECORDS = ("response", "resource")
# A header cut off by truncation lacks some of these (warcio itself does not check).
_MANDATORY_HEADERS = ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length")
_STRUCTURAL_RECORDS = ("request", "warcinfo", "metadata", "conversion", "continuation")


def is_warc_head(head: bytes) -> bool:
    """True for the first bytes of an uncompressed WARC (or a decompressed gzip member)."""
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class WarcReader:
    """Reads ``.warc`` and ``.warc.gz`` files (format sniffed from content, not the name)."""

    format = "warc"
    accepts_binary = True  # payloads (images, gzip) are binary; sniff before the binary check

    def __init__(self, max_bytes: int = 50_000_000) -> None:
        self.max_bytes = max_bytes

    def sniff(self, path: Path, head: bytes) -> bool:
        if is_warc_head(head):
            return True
        if head.startswith(GZIP_MAGIC):
            try:
                inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
            except zlib.error:
                return False
            return is_warc_head(inflated)
        return False

    def read(self, path: Path) -> Iterator[RawRecord | Rejected]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        source = str(path)
        size = path.stat().st_size
        done = 0
        with path.open("rb") as fh:
            iterator = ArchiveIterator(fh, check_digests=False)
            try:
                for record in iterator:
                    result = self._convert(record, done + 1, source)
                    if result is not None:
                        yield result
                    done += 1
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
                message = " ".join(str(exc).split())[:120]
                yield Rejected(source, f"truncated or corrupt WARC at record {done + 1} "
                                       f"({message}); the "
                                       f"{done} record(s) before it were kept",
                               f"record {done + 1}")
                return
            end = iterator.offset
        if done == 0:
            yield Rejected(source, "no WARC records found")
        elif end < size:
            yield Rejected(source, f"truncated or corrupt WARC: {size - end} byte(s) after "
                                   f"record {done} (offset {end}) could not be read; the "
                                   f"{done} record(s) before were kept", f"record {done + 1}")

    @staticmethod
    def _missing_bytes(record: Any, *, drain: bool) -> int:
        """Bytes of the declared record length the file does not hold (0 if complete)."""
        stream = record.raw_stream
        if drain:
            while stream.read(65_536):
                pass
        return int(getattr(stream, "limit", 0) or 0)

    def _convert(self, record: Any, number: int, source: str) -> RawRecord | Rejected | None:
        location = f"record {number}"
        rec_type = record.rec_type
        absent = [name for name in _MANDATORY_HEADERS if not record.rec_headers.get_header(name)]
        if absent:
            raise ValueError(f"incomplete record header, missing {', '.join(absent)}")
        if not record.rec_headers.get_header("Content-Length").strip().isdigit():
            raise ValueError("incomplete record header, Content-Length is not a number")
        uri = record.rec_headers.get_header("WARC-Target-URI") or None
        what = f" for {uri}" if uri else ""
        if rec_type not in _CONTENT_RECORDS:
            if self._missing_bytes(record, drain=True):
                return Rejected(source, f"truncated {rec_type} record{what}", location)
            if rec_type in _STRUCTURAL_RECORDS:
                return None
            return Rejected(source, f"skipped {rec_type} record{what}", location, skipped=True)
        http = record.http_headers
        if http is not None:
            status = http.get_statuscode()
            content_type = http.get_header("Content-Type") or ""
        else:
            status = "200"
            content_type = record.rec_headers.get_header("Content-Type") or ""
        mime = content_type.split(";")[0].strip().lower()
        skip = None
        if status and not status.startswith("2"):
            skip = f"skipped HTTP {status} response{what}"
        elif mime not in _HTML_TYPES:
            skip = f"skipped non-HTML response ({mime or 'no content type'}){what}"
        if skip is not None:
            missing = self._missing_bytes(record, drain=True)
            if missing:
                return Rejected(source, f"truncated record{what}: {missing} byte(s) of the "
                                        "declared length are missing", location)
            return Rejected(source, skip, location, skipped=True)
        try:
            payload = record.content_stream().read(self.max_bytes + 1)
        except (zlib.error, OSError, EOFError, ValueError) as exc:  # bad Content-Encoding
            return Rejected(source, f"cannot decode HTTP payload{what}: {exc}", location)
        if len(payload) > self.max_bytes:
            return Rejected(source, f"record payload larger than {self.max_bytes} bytes", location)
        missing = self._missing_bytes(record, drain=False)
        if missing:
            return Rejected(source, f"truncated record{what}: {missing} byte(s) of the "
                                    "declared length are missing", location)
        kind = binary_kind(payload[:8192])
        if kind is not None:  # e.g. a Content-Encoding warcio could not undo
            return Rejected(source, f"HTML response{what} holds binary data: {kind}", location)
        try:
            html = decode_bytes(payload, source=source, location=location,
                                declared=_charset(content_type) or declared_charset(payload))
        except InputError as exc:
            return Rejected(source, exc.reason, location)
        warc_date = record.rec_headers.get_header("WARC-Date")
        extra = {"warc_date": warc_date, "warc_record_id":
                 record.rec_headers.get_header("WARC-Record-ID")}
        result = parse_html_record(str(html).lstrip("\ufeff"), source=f"{source}#record={number}",
                                   format=self.format, encoding=html.encoding, extra=extra)
        if isinstance(result, Rejected):
            return Rejected(source, result.reason, location)
        result.url = uri or result.url
        if not result.date and warc_date:  # the page's own date beats the crawl date
            result.date = parse_container_date(warc_date) or warc_date
            result.extra["date_from"] = "warc_date"
        return result
