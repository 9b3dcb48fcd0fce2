"""RssReader: items with CDATA HTML, German dates, items without content, broken XML."""

from __future__ import annotations

from pathlib import Path

from lagebild.readers import RawRecord, Rejected, read_paths

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Beispielblatt – Politik</title>
  <link>https://beispielblatt.example/</link>
  <language>de-de</language>
  <item>
    <title>Biden schlägt Putin Gipfeltreffen vor</title>
    <link>https://beispielblatt.example/a1</link>
    <guid>a1</guid>
    <pubDate>Di, 13 Apr 2021 20:25:00 +0200</pubDate>
    <dc:creator>Erika Muster</dc:creator>
    <category>Ausland</category>
    <description><![CDATA[<p>Kurzer Anreißer.</p>]]></description>
    <content:encoded><![CDATA[<p>Washington. US-Präsident Joe Biden hat am Dienstag mit
      Wladimir Putin telefoniert.</p><p>Anzeige</p>]]></content:encoded>
  </item>
  <item>
    <title>Nur eine Beschreibung</title>
    <link>https://beispielblatt.example/a2</link>
    <pubDate>13. April 2021</pubDate>
    <description>Der Kreml bestätigte das Gespräch am Abend.</description>
  </item>
  <item>
    <title>Leere Meldung</title>
    <link>https://beispielblatt.example/a3</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom-Blatt</title>
  <entry>
    <title>Videogipfel</title>
    <link href="https://atom.example/v"/>
    <id>urn:x:1</id>
    <published>2021-12-07T20:00:00+01:00</published>
    <content type="html">&lt;p&gt;Zwei Stunden lang sprachen die Präsidenten.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _split(path: Path) -> tuple[list[RawRecord], list[Rejected]]:
    results = list(read_paths([path]))
    return ([r for r in results if isinstance(r, RawRecord)],
            [r for r in results if isinstance(r, Rejected)])


def test_rss_items_with_cdata_html_and_german_dates(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(FEED, encoding="utf-8")
    good, bad = _split(path)
    assert len(good) == 2
    first, second = good
    assert first.format == "rss" and first.source == f"{path}#item=1"
    assert first.html is not None and "<p>Washington. US-Präsident" in first.html
    assert first.text is None
    assert first.title == "Biden schlägt Putin Gipfeltreffen vor"
    assert first.url == "https://beispielblatt.example/a1"
    assert first.date == "2021-04-13T20:25+02:00"
    assert first.extra["date_raw"] == "Di, 13 Apr 2021 20:25:00 +0200"
    assert first.author == "Erika Muster"
    assert first.outlet == "Beispielblatt – Politik"
    assert first.extra["summary"] == "<p>Kurzer Anreißer.</p>"
    assert first.extra["tags"] == ["Ausland"] and first.extra["language"] == "de-de"
    assert second.date == "2021-04-13"
    assert second.text == "Der Kreml bestätigte das Gespräch am Abend." and second.html is None
    assert len(bad) == 1 and bad[0].location == "item 3"
    assert "has no content" in bad[0].reason and "Leere Meldung" in bad[0].reason


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "atom.xml"
    path.write_text(ATOM, encoding="utf-8")
    good, bad = _split(path)
    assert bad == []
    (entry,) = good
    assert entry.format == "rss" and entry.outlet == "Atom-Blatt"
    assert entry.html == "<p>Zwei Stunden lang sprachen die Präsidenten.</p>"
    assert entry.date == "2021-12-07T20:00+01:00"


def test_truncated_feed_keeps_items_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    cut = FEED.index("<title>Nur eine Beschreibung")
    path.write_text(FEED[:cut + 40], encoding="utf-8")
    good, bad = _split(path)
    assert [r.title for r in good] == ["Biden schlägt Putin Gipfeltreffen vor"]
    assert any("malformed feed XML" in r.reason and "kept" in r.reason for r in bad)


def test_feed_without_items_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Nichts</title>'
                    "</channel></rss>")
    good, bad = _split(path)
    assert good == [] and len(bad) == 1 and "no items" in bad[0].reason
