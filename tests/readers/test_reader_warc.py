"""WarcReader: HTML responses read, other records skipped with a reason, damage detected."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.readers import RawRecord, Rejected, read_paths


def _page(n: int) -> bytes:
    body = " ".join(["Die Präsidenten sprachen über die Lage an der Grenze."] * 20)
    return (f"<html><head><title>Artikel {n}</title></head><body><p>{body}</p></body></html>"
            ).encode()


def _write_warc(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record("crawl", {"software": "test"}))

        def response(uri: str, payload: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers))

        response("https://news.example/1", _page(1), "text/html; charset=utf-8")
        writer.write_record(writer.create_warc_record(
            "https://news.example/1", "request", payload=io.BytesIO(b"GET /1 HTTP/1.1\r\n\r\n")))
        response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
                 "image/png")
        response("https://news.example/old", b"", "text/html", status="301 Moved Permanently")
        response("https://news.example/2", _page(2).decode().encode("cp1252"),
                 "text/html; charset=windows-1252")
        response("https://news.example/3", _page(3), "text/html")


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_reads_html_responses_and_skips_others(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    _write_warc(path, gzip=gzip)
    results = list(read_paths([path]))
    good = [r for r in results if isinstance(r, RawRecord)]
    skipped = [r for r in results if isinstance(r, Rejected)]
    assert [r.url for r in good] == [f"https://news.example/{i}" for i in (1, 2, 3)]
    assert all(r.format == "warc" and r.html and r.text is None for r in good)
    assert [r.title for r in good] == ["Artikel 1", "Artikel 2", "Artikel 3"]
    assert good[1].extra["encoding"] == "cp1252" and "Präsidenten" in good[1].html
    assert good[0].date and good[0].date.startswith("20") and good[0].extra["warc_date"]
    assert all(r.skipped for r in skipped)
    reasons = [r.reason for r in skipped]
    assert any("non-HTML response (image/png)" in r for r in reasons)
    assert any("HTTP 301" in r for r in reasons)
    assert len(skipped) == 2  # warcinfo and request records are structural, not reported


@pytest.mark.parametrize("gzip", [False, True])
def test_truncated_warc_keeps_records_before_the_damage(tmp_path: Path, gzip: bool) -> None:
    full = tmp_path / "full.warc"
    _write_warc(full, gzip=gzip)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.9)])
    results = list(read_paths([cut]))
    good = [r for r in results if isinstance(r, RawRecord)]
    errors = [r for r in results if isinstance(r, Rejected) and not r.skipped]
    assert [r.url for r in good] == ["https://news.example/1", "https://news.example/2"]
    assert len(errors) == 1
    assert "truncated" in errors[0].reason and errors[0].location is not None
    assert errors[0].source == str(cut)


def test_corrupt_warc_garbage_in_the_middle(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    _write_warc(full, gzip=False)
    data = full.read_bytes()
    second = data.index(b"WARC/1", 10)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data[:second] + b"this is not a warc header\r\n\r\n" + data[second:])
    results = list(read_paths([bad]))
    errors = [r for r in results if isinstance(r, Rejected) and not r.skipped]
    assert len(errors) == 1 and "WARC" in errors[0].reason
    assert "kept" in errors[0].reason


def test_warc_with_only_a_header_line(tmp_path: Path) -> None:
    path = tmp_path / "stub.warc"
    path.write_bytes(b"WARC/1.0\r\n")
    results = list(read_paths([path]))
    assert results and all(isinstance(r, Rejected) and not r.skipped for r in results)


@pytest.mark.parametrize("marker", [b"WARC-Target-URI: https://news.example/2",
                                    b"Content-Length", b"HTTP/1.1 200 OK\r\nContent-Type: text/html"
                                    b"; charset=windows"])
def test_warc_cut_inside_a_header_is_reported(tmp_path: Path, marker: bytes) -> None:
    full = tmp_path / "full.warc"
    _write_warc(full, gzip=False)
    data = full.read_bytes()
    position = data.index(marker, data.index(b"https://news.example/old")) + len(marker) // 2
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:position])
    results = list(read_paths([cut]))
    good = [r for r in results if isinstance(r, RawRecord)]
    errors = [r for r in results if isinstance(r, Rejected) and not r.skipped]
    assert [r.url for r in good] == ["https://news.example/1"]
    assert len(errors) == 1 and "truncated" in errors[0].reason


def test_warc_record_with_broken_content_encoding_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "enc.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                              ("Content-Encoding", "gzip")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/bad", "response", payload=io.BytesIO(b"\x1f\x8bnot gzip at all"),
            http_headers=headers))
        ok = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/ok", "response", payload=io.BytesIO(_page(9)), http_headers=ok))
    results = list(read_paths([path]))
    assert [r.url for r in results if isinstance(r, RawRecord)] == ["https://news.example/ok"]
    errors = [r for r in results if isinstance(r, Rejected)]
    assert len(errors) == 1 and errors[0].location == "record 1"
