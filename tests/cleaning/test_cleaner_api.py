"""Cleaner.observe / Cleaner.to_document on hand-made records (plain text and HTML)."""

from __future__ import annotations

import pytest

from lagebild.cleaning import Cleaner
from lagebild.document import PartialDate
from lagebild.errors import EmptyDocumentError
from lagebild.readers.base import RawRecord

BODY = [
    "Berlin (dpa) - Die Bundesregierung hat das Telefonat der Präsidenten begrüßt. Jeder "
    "direkte Kontakt helfe, Missverständnisse zu vermeiden, sagte ein Sprecher.",
    "Kanzleramt setzt auf Diplomatie",
    "Man werde sich eng mit den Partnern abstimmen, hieß es weiter. Eine gemeinsame Linie sei "
    "wichtiger als schnelle Schlagzeilen.",
]


def _record(lines: list[str], source: str = "corpus/a.txt", **kw: object) -> RawRecord:
    return RawRecord(source=source, format="txt", text="\n\n".join(lines), **kw)  # type: ignore[arg-type]


def test_to_document_text_metadata_and_removed_spans() -> None:
    raw_lines = [" date 2021-12 Gespräch im Advent", "Regierung begrüßt Telefonat",
                 "08.12.2021, 06:30 Uhr", "Anzeige", *BODY, "Anzeige", "Teilen"]
    doc = Cleaner().to_document(_record(raw_lines))
    assert doc.text.split("\n\n") == BODY
    assert doc.published == PartialDate("2021-12-08T06:30", "minute")
    assert (doc.kicker, doc.title) == ("Gespräch im Advent", "Regierung begrüßt Telefonat")
    assert (doc.dateline, doc.agency, doc.language) == ("Berlin", "dpa", "de")
    removed = {doc.raw_text[s.start:s.end]: s.reason for s in doc.removed}
    assert removed["Anzeige"] == "boilerplate:ad"
    assert removed["Regierung begrüßt Telefonat"] == "meta:title"
    assert removed["date 2021-12"] == "meta:date"
    assert doc.id and doc.raw_text == "\n\n".join(raw_lines)


def test_container_date_wins_only_if_more_precise() -> None:
    rec = _record([" date 2021-12 Titel", *BODY], date="2021-12-08T10:00:00+01:00")
    assert Cleaner().to_document(rec).published == PartialDate("2021-12-08T10:00", "minute")
    rec = _record([" date 2021-12 Titel", *BODY], date="2021")
    assert Cleaner().to_document(rec).published == PartialDate("2021-12", "month")


def test_observe_removes_lines_repeated_across_source() -> None:
    promo = "Hol dir die Beispiel-App"
    recs = [_record([f"Titel {i}", *BODY, promo], source=f"site/{i}.txt") for i in range(3)]
    cleaner = Cleaner()
    cleaner.observe(recs)
    doc = cleaner.to_document(recs[0])
    assert promo not in doc.text
    assert any(doc.raw_text[s.start:s.end] == promo for s in doc.removed)


def test_outlet_from_url_and_residue() -> None:
    rec = _record(["Titel", *BODY], url="https://www.krone.at/123")
    assert Cleaner().to_document(rec).outlet == "Kronen Zeitung"
    rec = _record(["Titel", *BODY, "beispielzeitung.de"])
    assert Cleaner().to_document(rec).outlet == "beispielzeitung.de"


def test_empty_record_raises() -> None:
    with pytest.raises(EmptyDocumentError):
        Cleaner().to_document(_record(["Anzeige", "Teilen", "play_arrow"]))
    with pytest.raises(EmptyDocumentError):
        Cleaner().to_document(RawRecord(source="x.txt", format="txt", text="   "))


def test_html_record_uses_trafilatura_and_drops_comments() -> None:
    html = (
        "<html><head><title>Putin warnt Biden</title>"
        '<meta property="og:site_name" content="Beispielblatt">'
        '<meta property="article:published_time" content="2021-12-31T00:07:00+01:00">'
        "</head><body><nav>Startseite Politik</nav><article><h1>Putin warnt Biden</h1>"
        f"<p>{BODY[0]}</p><p>Anzeige</p><h2>{BODY[1]}</h2><p>{BODY[2]}</p></article>"
        '<div id="comments" class="comments"><p>Leser123 schreibt: Das ist doch alles '
        "Unsinn und ich glaube kein Wort davon.</p></div></body></html>"
    )
    doc = Cleaner().to_document(RawRecord(source="a.html", format="html", html=html))
    assert "Anzeige" not in doc.text
    assert "Unsinn" not in doc.text
    assert doc.text.split("\n\n") == BODY
    assert doc.title == "Putin warnt Biden"
    assert doc.outlet == "Beispielblatt"
    assert doc.published == PartialDate("2021-12-31T00:07", "minute")
