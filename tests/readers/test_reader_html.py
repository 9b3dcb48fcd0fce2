"""HtmlReader: raw markup kept, head metadata read, charset honoured."""

from __future__ import annotations

from pathlib import Path

from lagebild.readers import RawRecord, Rejected, read_paths

PAGE = """<!DOCTYPE html>
<html lang="de"><head>
<meta charset="windows-1252">
<title>Gipfel per Video | Beispielblatt</title>
<meta property="og:title" content="Zwei Stunden Gespräch per Video">
<meta property="og:site_name" content="Beispielblatt">
<meta property="article:published_time" content="2021-12-07T21:10:00+01:00">
<meta name="author" content="Erika Muster">
<link rel="canonical" href="https://beispielblatt.example/politik/gipfel">
</head><body>
<div class="cookie">Wir verwenden Cookies.</div>
<article><h1>Zwei Stunden Video-Gipfel</h1>
<p>Die beiden Präsidenten sprachen am Dienstag rund zwei Stunden miteinander.</p>
</article></body></html>
"""


def test_html_keeps_markup_and_reads_head_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.encode("cp1252"))
    (record,) = list(read_paths([path]))
    assert isinstance(record, RawRecord) and record.format == "html"
    assert record.text is None
    assert "<div class=\"cookie\">" in record.html and "Präsidenten" in record.html
    assert record.title == "Zwei Stunden Gespräch per Video"
    assert record.outlet == "Beispielblatt"
    assert record.date == "2021-12-07T21:10+01:00"
    assert record.extra["date_raw"] == "2021-12-07T21:10:00+01:00"
    assert record.author == "Erika Muster"
    assert record.url == "https://beispielblatt.example/politik/gipfel"
    assert record.extra["encoding"] == "cp1252" and record.extra["language"] == "de"


def test_html_json_ld_metadata(tmp_path: Path) -> None:
    path = tmp_path / "ld.html"
    path.write_text(
        '<html><head><script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Telefonat","datePublished":"2021-12-30T23:10:00+01:00",'
        '"author":[{"@type":"Person","name":"Max Muster"}],'
        '"publisher":{"@type":"Organization","name":"Kurier"}}</script></head>'
        "<body><p>Text des Artikels.</p></body></html>"
    )
    (record,) = list(read_paths([path]))
    assert (record.title, record.date, record.author, record.outlet) == (
        "Telefonat", "2021-12-30T23:10+01:00", "Max Muster", "Kurier")


def test_html_without_visible_text_rejected(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><title>Leer</title><script>var a = 1;</script></head>"
                    "<body><div id='app'></div><script>render()</script></body></html>")
    (result,) = list(read_paths([path]))
    assert isinstance(result, Rejected) and "no visible text" in result.reason
