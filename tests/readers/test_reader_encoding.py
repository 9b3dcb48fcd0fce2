"""Decoding and binary detection."""

from __future__ import annotations

import pytest

from lagebild.errors import DecodingError
from lagebild.readers.encoding import binary_kind, declared_charset, decode_bytes, is_plausible_text

GERMAN = "Der Präsident äußerte „große Sorge“ über die Lage – sagte ein Sprecher. 5 €."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), "utf-8-sig"),
        (GERMAN.encode("cp1252"), "cp1252"),
        (GERMAN.encode("utf-16"), "utf-16"),
        ("Größe und Maß".encode("latin-1"), "cp1252"),  # latin-1 letters decode the same
    ],
)
def test_decode_bytes_reports_encoding(data: bytes, encoding: str) -> None:
    text = decode_bytes(data)
    assert text.encoding == encoding
    assert ("Präsident" in text or "Größe" in text) and "\ufeff" not in text


def test_decode_latin1_only_when_cp1252_fails_and_plausible() -> None:
    # 0x81 is undefined in cp1252; latin-1 maps it to a C1 control -> implausible -> rejected
    with pytest.raises(DecodingError, match="undecodable"):
        decode_bytes("Straße".encode("latin-1") + b"\x81\x8d" * 20)


def test_decode_rejects_mojibake_from_other_scripts() -> None:
    with pytest.raises(DecodingError) as info:
        decode_bytes("Путин и Байден провели переговоры".encode("koi8-r"), source="f.txt")
    assert info.value.source == "f.txt"


def test_declared_charset_wins_when_it_decodes() -> None:
    data = b'<html><head><meta charset="windows-1252"></head><body>' + "Grüße".encode(
        "cp1252") + b"</body></html>"
    assert declared_charset(data) == "cp1252"
    assert decode_bytes(data, declared="cp1252").encoding == "cp1252"


def test_wrong_declared_charset_falls_back_to_detection() -> None:
    data = "Grüße aus Genf".encode()
    assert decode_bytes(data, declared="ascii").encoding == "utf-8"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.4", "PDF document"),
        (b"SQLite format 3\x00....", "SQLite database"),
        (b"abc\x00def", "binary data (contains NUL bytes)"),
        ("Text mit Umlauten äöü".encode(), None),
        ("Text".encode("utf-16"), None),
    ],
)
def test_binary_kind(head: bytes, expected: str | None) -> None:
    assert binary_kind(head) == expected


def test_is_plausible_text() -> None:
    assert is_plausible_text(GERMAN)
    assert not is_plausible_text("\x81\x82 control")
    assert not is_plausible_text("ÃÂ¶Ã¼Ã¶Ã¼ÃŸÃ¼Ã¶Ã¤ÃœÃ–Ã„")
