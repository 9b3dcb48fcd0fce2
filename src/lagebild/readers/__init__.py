"""Readers turn files into `RawRecord`s, or `Rejected` records saying exactly what was wrong.

`read_paths` is the one entry point: it walks folders (sorted, hidden entries skipped), checks
each file before parsing it (exists, regular file, not empty, not over the size limit — decided
from `stat`, so a huge file is never read — and not binary), picks a reader by sniffing the
first bytes rather than trusting the extension, and streams the records. Bad data never raises:
every problem becomes a `Rejected` and the walk goes on, and records read from a container
before it turned out to be damaged are kept.

Readers are registered by name in `READERS` (sniffing order: most specific first, plain text
last) as lazy dotted paths, so importing this package loads neither feedparser nor warcio.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from lagebild.errors import ConfigError
from lagebild.readers.base import RawRecord, Reader, Rejected
from lagebild.readers.encoding import binary_kind
from lagebild.registry import load_object

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "RawRecord",
    "Reader",
    "Rejected",
    "create_reader",
    "iter_files",
    "read_file",
    "read_paths",
    "sniff_format",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50_000_000
HEAD_BYTES = 65_536

# format name -> "module:Class"; the order is the sniffing order.
READERS: dict[str, str] = {
    "warc": "lagebild.readers.warc:WarcReader",
    "rss": "lagebild.readers.rss:RssReader",
    "html": "lagebild.readers.html:HtmlReader",
    "jsonl": "lagebild.readers.jsonl:JsonlReader",
    "txt": "lagebild.readers.txt:TxtReader",
}
FALLBACK_READER = "txt"


def create_reader(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Reader:
    """Instantiate a registered reader by format name."""
    if name not in READERS:
        raise ConfigError(f"unknown reader {name!r}; known: {sorted(READERS)}")
    reader: Reader = load_object(READERS[name])(max_bytes=max_bytes)
    return reader


def _unsupported_xml(head: bytes) -> str | None:
    """Root element name of an XML document that is neither a feed nor HTML, if any."""
    text = head[:4096].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith("<?xml"):
        return None
    match = re.search(r"<([A-Za-z_][\w.:-]*)[\s>/]", re.sub(r"<[?!][^>]*>", "", text))
    return match.group(1) if match else "unknown"


def _table_delimiter(path: Path, head: bytes) -> str | None:
    """The delimiter of a CSV/TSV table, so it is not mistaken for one long article.

    A table is five or more lines (``#`` comments aside) of which at least 80 % hold the same
    number (>= 1) of tabs or semicolons; with a ``.csv``/``.tsv`` name, commas count too and
    two lines suffice.
    """
    lines = [
        ln for ln in head.decode("utf-8", "replace").splitlines()[:200]
        if ln.strip() and not ln.startswith("#")  # CoNLL-style comment lines
    ]
    named_table = path.suffix.lower() in (".csv", ".tsv")
    for delimiter, name in (("\t", "tab"), (";", "semicolon"), (",", "comma")):
        if delimiter == "," and not named_table:
            continue  # prose has commas everywhere
        counts = Counter(line.strip().count(delimiter) for line in lines)  # not indentation
        if not counts:
            return None
        common, freq = counts.most_common(1)[0]
        if common >= 1 and freq >= 0.8 * len(lines) and len(lines) >= (2 if named_table else 5):
            return name
    return None


def sniff_format(path: Path, head: bytes, readers: dict[str, Reader]) -> str | Rejected:
    """Name of the reader for a file whose first bytes are `head`, or why none can read it.

    Readers flagged ``accepts_binary`` (WARC, plain or gzipped) sniff first; then binary data
    is refused before any text reader sees it. Plain text (``txt``) is the fallback.
    """
    for name, reader in readers.items():  # containers that may hold binary payloads
        if getattr(reader, "accepts_binary", False) and reader.sniff(path, head):
            return name
    kind = binary_kind(head)
    if kind is not None:
        hint = " (only WARC files are read compressed; unpack it first)" if kind.startswith(
            "gzip") else ""
        return Rejected(str(path), f"binary file: {kind}{hint}")
    for name, reader in readers.items():
        if name != FALLBACK_READER and reader.sniff(path, head):
            return name
    root = _unsupported_xml(head)
    if root is not None:
        return Rejected(str(path), f"unsupported XML document (root element <{root}>), "
                                   "not an RSS/Atom feed or HTML")
    delimiter = _table_delimiter(path, head)
    if delimiter is not None:
        return Rejected(str(path), f"unsupported format: {delimiter}-separated table "
                                   "(convert it to JSONL, one article per line)")
    return FALLBACK_READER


def _walk(folder: Path, seen_dirs: set[tuple[int, int]]) -> Iterator[Path | Rejected]:
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Rejected(str(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    key = (info.st_dev, info.st_ino)
    if key in seen_dirs:  # symlink loop or the same folder given twice
        return
    seen_dirs.add(key)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs)
        else:
            yield path


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    """Files under `paths` in deterministic order; folders recursively, hidden entries skipped.

    Paths given explicitly are used even if hidden. Nonexistent paths and unlistable folders
    come back as `Rejected`.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield Rejected(str(path), "no such file or folder")


def _precheck(path: Path, max_bytes: int) -> Rejected | None:
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        return Rejected(source, reason)
    except OSError as exc:
        return Rejected(source, f"cannot access file: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        return Rejected(source, "not a regular file (device, socket or pipe)")
    if info.st_size == 0:
        return Rejected(source, "empty file (0 bytes)")
    if info.st_size > max_bytes:
        return Rejected(source, f"file too large: {info.st_size:,} bytes exceeds the limit of "
                                f"{max_bytes:,} bytes (not read)")
    return None


def read_file(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
    readers: dict[str, Reader] | None = None,
) -> Iterator[RawRecord | Rejected]:
    """Records of one file; any problem becomes a `Rejected`, never an exception."""
    path = Path(path)
    source = str(path)
    problem = _precheck(path, max_bytes)
    if problem is not None:
        yield problem
        return
    if readers is None:
        readers = {name: create_reader(name, max_bytes=max_bytes) for name in READERS}
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        yield Rejected(source, f"cannot read file: {exc.strerror or exc}")
        return
    chosen = sniff_format(path, head, readers)
    if isinstance(chosen, Rejected):
        yield chosen
        return
    try:
        yield from readers[chosen].read(path)
    except OSError as exc:
        yield Rejected(source, f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # a parser crash on bad data must not end the run
        log.exception("%s reader failed on %s", chosen, source)
        yield Rejected(source, f"{chosen} reader failed: {type(exc).__name__}: {exc}")


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawRecord | Rejected]:
    """Every record (or rejection) from files and folders, in deterministic order.

    Folders are walked recursively in sorted order, skipping hidden files and folders; the same
    file reached twice is read once. The format of each file is sniffed from its content.
    """
    readers = {name: create_reader(name, max_bytes=max_bytes) for name in READERS}
    seen_files: set[Path] = set()
    for item in iter_files(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            key = item.resolve()
        except OSError:
            key = item.absolute()
        if key in seen_files:
            continue
        seen_files.add(key)
        yield from read_file(item, max_bytes=max_bytes, readers=readers)
