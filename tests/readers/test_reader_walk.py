"""read_paths: walking, sniffing by content, and one rejection per kind of bad input."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from lagebild.readers import RawRecord, Rejected, iter_files, read_paths

ARTICLE = (
    "Moskau. Der Kreml hat am Dienstag ein Telefonat der beiden Präsidenten bestätigt. "
    "Über die Inhalte wurde zunächst wenig bekannt.\n"
)
HTML_PAGE = (
    "<!DOCTYPE html><html lang='de'><head><title>Gipfel vereinbart</title></head>"
    "<body><article><p>" + ARTICLE + "</p></article></body></html>"
)


def _records(paths: list[Path], **kwargs: int) -> tuple[list[RawRecord], list[Rejected]]:
    good: list[RawRecord] = []
    bad: list[Rejected] = []
    for item in read_paths(paths, **kwargs):
        (bad if isinstance(item, Rejected) else good).append(item)
    return good, bad


def _only_rejection(path: Path, **kwargs: int) -> Rejected:
    good, bad = _records([path], **kwargs)
    assert good == []
    assert len(bad) == 1, bad
    assert bad[0].source == str(path)
    return bad[0]


def test_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE)
    (tmp_path / "a" / "1.txt").write_text(ARTICLE)
    (tmp_path / "z.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git" / "config.txt").write_text(ARTICLE)
    names = [Path(p).relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert names == ["a/1.txt", "b/2.txt", "z.txt"]


def test_walk_reads_same_file_once_and_follows_explicit_hidden_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ARTICLE)
    hidden = tmp_path / ".y.txt"
    hidden.write_text(ARTICLE)
    good, bad = _records([tmp_path, tmp_path / "x.txt", hidden])
    assert bad == []
    assert sorted(Path(r.source).name for r in good) == [".y.txt", "x.txt"]


def test_walk_survives_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    good, _ = _records([tmp_path])
    assert [Path(r.source).name for r in good] == ["a.txt"]


def test_sniff_txt_that_is_really_html(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(HTML_PAGE)
    good, _ = _records([path])
    assert good[0].format == "html" and good[0].html and good[0].text is None
    assert good[0].title == "Gipfel vereinbart"


def test_sniff_html_extension_holding_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_text(ARTICLE)
    good, _ = _records([path])
    assert good[0].format == "txt" and good[0].text == ARTICLE


def test_sniff_jsonl_and_feed_without_extension(tmp_path: Path) -> None:
    (tmp_path / "export.dat").write_text(json.dumps({"text": ARTICLE, "title": "T"}) + "\n")
    (tmp_path / "feed").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>"
        "<item><title>I</title><description>" + ARTICLE + "</description></item>"
        "</channel></rss>"
    )
    good, bad = _records([tmp_path])
    assert bad == []
    assert {Path(r.source.split("#")[0]).name: r.format for r in good} == {
        "export.dat": "jsonl",
        "feed": "rss",
    }


def test_sniff_warc_without_extension(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.bin"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/a", "response", payload=io.BytesIO(HTML_PAGE.encode()),
            http_headers=headers))
    good, bad = _records([path])
    assert bad == [] and [r.format for r in good] == ["warc"]


def test_reject_nonexistent_path(tmp_path: Path) -> None:
    rejected = _only_rejection(tmp_path / "missing.txt")
    assert "no such file" in rejected.reason


def test_reject_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert "broken symbolic link" in _only_rejection(link).reason


def test_reject_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty file" in _only_rejection(path).reason


def test_reject_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n\u200b\n")
    assert "only whitespace" in _only_rejection(path).reason


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 4, "NUL"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(64)), "gzip"),
    ],
)
def test_reject_binary_file(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "looks_like.txt"
    path.write_bytes(content)
    rejected = _only_rejection(path)
    assert rejected.reason.startswith("binary file") and kind in rejected.reason


def test_reject_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "sjis.txt"
    path.write_bytes("ロシアとアメリカの首脳が電話会談を行った。".encode("shift_jis") * 5)
    rejected = _only_rejection(path)
    assert "undecodable text" in rejected.reason and "not valid UTF-8" in rejected.reason


def test_cp1252_file_is_decoded_and_encoding_reported(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Gespräch „unter vier Augen“ – Präsident äußert Sorge.\n".encode("cp1252"))
    good, bad = _records([path])
    assert bad == []
    assert good[0].text == "Gespräch „unter vier Augen“ – Präsident äußert Sorge.\n"
    assert good[0].extra["encoding"] == "cp1252"


def test_reject_file_over_max_bytes_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 200 MB of size, no data written
        fh.truncate(200_000_000)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    rejected = _only_rejection(path)
    assert "too large" in rejected.reason and "200,000,000" in rejected.reason
    assert path not in opened
    path.unlink()  # pytest keeps recent tmp dirs; don't leave a 200 MB file behind


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    assert "too large" in _only_rejection(path, max_bytes=10).reason


def test_reject_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:  # root ignores file modes, so simulate the error the OS would give
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    rejected = _only_rejection(path)
    assert "cannot read file" in rejected.reason and "Permission denied" in rejected.reason


def test_reject_unlistable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    real_scandir = os.scandir

    def deny(path: object) -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", deny)
    (tmp_path / "ok.txt").write_text(ARTICLE)
    good, bad = _records([tmp_path])
    assert [Path(r.source).name for r in good] == ["ok.txt"]
    assert len(bad) == 1 and "cannot list folder" in bad[0].reason


def test_reject_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _only_rejection(fifo).reason


def test_reject_unsupported_xml_and_tables(tmp_path: Path) -> None:
    xml = tmp_path / "sitemap.xml"
    xml.write_text("<?xml version='1.0'?><urlset><url><loc>https://x</loc></url></urlset>")
    table = tmp_path / "data.txt"
    table.write_text("".join(f"{i};Politik;Ein Satz über Dinge\n" for i in range(10)))
    _, bad = _records([xml, table])
    assert "unsupported XML" in bad[0].reason and "<urlset>" in bad[0].reason
    assert "semicolon-separated table" in bad[1].reason


def test_bad_files_do_not_stop_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1_good.txt").write_text(ARTICLE)
    (tmp_path / "2_empty.txt").write_bytes(b"")
    (tmp_path / "3_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "4_good.html").write_text(HTML_PAGE)
    good, bad = _records([tmp_path])
    assert [Path(r.source).name for r in good] == ["1_good.txt", "4_good.html"]
    assert [Path(r.source).name for r in bad] == ["2_empty.txt", "3_binary.txt"]
    assert all(r.reason for r in bad)


def test_reader_crash_becomes_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.readers import txt

    def boom(self: object, path: Path) -> object:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(txt.TxtReader, "read", boom)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    rejected = _only_rejection(path)
    assert "txt reader failed" in rejected.reason and "parser bug" in rejected.reason


def test_tab_indented_article_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "indented.txt"
    path.write_text("".join(f"\tAbsatz {i}: Der Kreml äußerte sich am Abend.\n" for i in range(8)))
    good, bad = _records([path])
    assert bad == [] and good[0].format == "txt"


def test_sniff_utf16_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(HTML_PAGE.encode("utf-16"))
    good, bad = _records([path])
    assert bad == [] and good[0].format == "html" and good[0].extra["encoding"] == "utf-16"


@pytest.mark.parametrize("module", ["lagebild.readers", "lagebild.readers.encoding",
                                    "lagebild.readers.dates", "lagebild.readers.txt",
                                    "lagebild.readers.html", "lagebild.readers.jsonl",
                                    "lagebild.readers.rss", "lagebild.readers.warc"])
def test_exported_names_exist(module: str) -> None:
    import importlib

    loaded = importlib.import_module(module)
    assert all(hasattr(loaded, name) for name in loaded.__all__)
