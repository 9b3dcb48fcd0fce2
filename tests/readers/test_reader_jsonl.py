"""JsonlReader: field mapping, bad lines rejected with line numbers, good lines kept."""

from __future__ import annotations

import json
from pathlib import Path

from lagebild.readers import RawRecord, Rejected, read_paths


def _write_lines(path: Path, lines: list[str | bytes]) -> None:
    with path.open("wb") as fh:
        for line in lines:
            fh.write((line if isinstance(line, bytes) else line.encode()) + b"\n")


def test_jsonl_bad_lines_rejected_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    _write_lines(path, [
        json.dumps({"text": "Erster Artikel über den Gipfel.", "title": "Eins",
                    "date": "2021-12-07", "url": "https://a.example/1", "outlet": "Blatt",
                    "author": ["A. Autor", "B. Autorin"], "section": "Politik"}),
        '{"text": "kaputt", ',
        "",
        json.dumps({"title": "Nur Titel", "url": "https://a.example/3"}),
        json.dumps(["keine", "Objekt"]),
        json.dumps({"text": 42}),
        "{\"text\": \"Gr\xfc\xdfe\"}".encode("latin-1") + b"\x81" * 30,
        json.dumps({"text": "   ", "html": "<p>Zweiter Artikel als HTML.</p>"}),
        json.dumps({"body": "Dritter Artikel mit anderem Feldnamen.", "headline": "Drei",
                    "published": "Do, 30 Dez 2021", "source": "Zeitung"}),
    ])
    results = list(read_paths([path]))
    good = [r for r in results if isinstance(r, RawRecord)]
    bad = [r for r in results if isinstance(r, Rejected)]
    assert [r.source for r in good] == [f"{path}#line=1", f"{path}#line=8", f"{path}#line=9"]
    first = good[0]
    assert (first.title, first.date, first.url, first.outlet) == (
        "Eins", "2021-12-07", "https://a.example/1", "Blatt")
    assert first.author == "A. Autor, B. Autorin"
    assert first.extra == {"section": "Politik"}
    assert good[1].html == "<p>Zweiter Artikel als HTML.</p>" and good[1].text is None
    assert (good[2].text, good[2].title, good[2].outlet) == (
        "Dritter Artikel mit anderem Feldnamen.", "Drei", "Zeitung")
    reasons = {r.location: r.reason for r in bad}
    assert set(reasons) == {"line 2", "line 4", "line 5", "line 6", "line 7"}
    assert reasons["line 2"].startswith("malformed JSON")
    assert "no article text" in reasons["line 4"] and "title" in reasons["line 4"]
    assert "not an object" in reasons["line 5"]
    assert "'text' is a int" in reasons["line 6"]
    assert "undecodable" in reasons["line 7"]
    assert all(r.source == str(path) for r in bad)


def test_jsonl_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"text": "A."}, {"nope": 1}, {"content": "B."}]))
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["RawRecord", "Rejected", "RawRecord"]
    assert results[1].location == "item 2"


def test_jsonl_only_blank_lines_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n   \n")
    (result,) = list(read_paths([path]))
    assert isinstance(result, Rejected)
    assert "whitespace" in result.reason or "no JSON lines" in result.reason


def test_pretty_printed_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "Eins", "text": "Ein Artikel."}, indent=2))
    (result,) = list(read_paths([path]))
    assert isinstance(result, RawRecord) and result.title == "Eins"
    assert result.source == f"{path}#item=1"


def test_malformed_json_array_falls_back_to_line_reports(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "A."},\n{"text": "B."\n')
    results = list(read_paths([path]))
    assert results and all(isinstance(r, Rejected) for r in results)
    assert all(r.location and r.location.startswith("line") for r in results)
