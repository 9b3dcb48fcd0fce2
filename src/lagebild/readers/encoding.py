"""Byte-level checks shared by all readers: binary detection and careful text decoding.

Why a module of its own: every reader must answer the same two questions before it can parse
anything — "is this text at all?" and "which encoding is it in?" — and must answer them the same
way, with a reason a user can act on. Decoding never guesses silently: UTF-8 (with or without BOM)
is tried first; the single-byte fallbacks cp1252 and latin-1 are used only when the result looks
like Western-European prose, and the encoding actually used is reported to the caller.
"""

from __future__ import annotations

import codecs
import re

from lagebild.errors import DecodingError

__all__ = [
    "DecodedText",
    "binary_kind",
    "decode_bytes",
    "declared_charset",
    "has_visible_text",
    "head_text",
    "is_plausible_text",
    "normalise_newlines",
]

# File signatures of common non-text inputs, so a rejection can say what the file really is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"RIFF", "RIFF media file (WebP/WAV/AVI)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document (OLE2)"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
)
GZIP_MAGIC = b"\x1f\x8b"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Non-ASCII characters that ordinary German / Western-European news text contains. A cp1252 or
# latin-1 decoding whose non-ASCII characters are mostly outside this set is mojibake, not text.
_PLAUSIBLE_NON_ASCII = frozenset(
    "äöüÄÖÜßéèêëáàâãåçñóòôõøúùûíìîïýÿæœÉÈÊÀÁÂÇÑÓÒÔØÚÙÛÍÎÆŒšžŠŽčćČĆ"
    "„“”‚‘’«»‹›–—…€£¥°§©®™·•×÷±²³¼½¾¹ºª¬¦¡¿\u00a0\u00ad"
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)["']""")


class DecodedText(str):
    """A decoded string that remembers which encoding produced it."""

    encoding: str

    def __new__(cls, value: str, encoding: str) -> DecodedText:
        obj = super().__new__(cls, value)
        obj.encoding = encoding
        return obj


def binary_kind(head: bytes) -> str | None:
    """Name the kind of binary data `head` starts with, or None if it may be text.

    Text encoded as UTF-16/32 (with BOM) contains NUL bytes but is text, so BOMs are checked
    first. Otherwise a NUL byte, a known file signature or many control bytes mean binary.
    """
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(GZIP_MAGIC):
        return "gzip-compressed data"
    if b"\x00" in head:
        return "binary data (contains NUL bytes)"
    sample = head[:8192]
    if sample:
        controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11, 27))
        if controls / len(sample) > 0.05:
            return f"binary data ({controls} control bytes in the first {len(sample)})"
    return None


def head_text(head: bytes) -> str:
    """Lenient decoding of a file's first bytes for sniffing (honours a BOM, never fails)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return head.decode(name, "replace").lstrip("\ufeff")
    return head.decode("utf-8", "replace")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML `<meta>` or XML declaration states in the first bytes, if valid."""
    head = data[:4096]
    match = _META_CHARSET_RE.search(head) or _XML_ENCODING_RE.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def is_plausible_text(text: str) -> bool:
    """Heuristic: does a single-byte decoding look like Western-European prose?

    Rejects C0/C1 control characters and text whose non-ASCII characters are mostly outside
    the letters and punctuation German news actually uses (typical of mis-decoded CJK, Cyrillic
    in KOI8, or binary data that slipped past the binary check).
    """
    visible = 0
    non_ascii = 0
    odd = 0
    for ch in text:
        if ch.isspace():
            continue
        visible += 1
        code = ord(ch)
        if code < 32 or 0x7F <= code <= 0x9F:
            if ch not in _ALLOWED_CONTROLS:
                return False
        if code > 127:
            non_ascii += 1
            if ch not in _PLAUSIBLE_NON_ASCII:
                odd += 1
    if visible == 0:
        return False
    if visible >= 40 and non_ascii / visible > 0.25:
        return False
    return odd <= max(2, 0.2 * non_ascii)


def _utf8_error(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid UTF-8"
    return "valid UTF-8"  # pragma: no cover - only called after a failure


def decode_bytes(
    data: bytes, *, source: str = "", declared: str | None = None, location: str | None = None
) -> DecodedText:
    """Decode `data` and report which encoding was used.

    Order: BOM (utf-8-sig / utf-16 / utf-32), a declared charset (HTML meta, XML declaration,
    HTTP header) if it decodes cleanly, strict UTF-8, then cp1252 and latin-1 — the last two only
    when the result passes `is_plausible_text`. Raises `DecodingError` otherwise.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    source, f"file starts with a {name} byte-order mark but does not decode: {exc}",
                    location=location,
                ) from exc
    if declared:
        try:
            name = codecs.lookup(declared).name
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
        else:
            if name in ("utf-8", "ascii") or is_plausible_text(text):
                return DecodedText(text, name)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for name in ("cp1252", "latin-1"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if is_plausible_text(text):
            return DecodedText(text, name)
    raise DecodingError(
        source,
        f"undecodable text: {_utf8_error(data)}, and neither cp1252 nor latin-1 gives "
        "plausible text",
        location=location,
    )


def normalise_newlines(text: str) -> str:
    """Unify CR/LF variants; keeps every other character (and so every offset) intact."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Whitespace plus invisible format characters (zero-width spaces/joiners, BOM, soft hyphen).
_VISIBLE_RE = re.compile(r"[^\s\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff]")


def has_visible_text(text: str) -> bool:
    """True if `text` holds at least one visible character (stops at the first one)."""
    return _VISIBLE_RE.search(text) is not None
