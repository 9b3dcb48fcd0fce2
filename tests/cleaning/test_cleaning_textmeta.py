"""Agency, dateline, outlet and header roles read from article text."""

from __future__ import annotations

import pytest

from lagebild.cleaning.textmeta import (
    assign_headline_roles,
    find_agency,
    find_dateline,
    find_outlet_hint,
    find_trailing_agency,
    header_role,
    host_of,
    outlet_for_host,
)


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("31.12.2021, 00:07 Uhr | rtr", "Reuters"),
        ("08.12.2021, 06:30 Uhr | dpa, AFP", "dpa, AFP"),
        ("Quelle: ntv.de, mli/AFP", "AFP"),
        ("dpa/mk", "dpa"),
        ("(epd)", "epd"),
        ("Nachrichtenagentur KNA", "KNA"),
        ("Quelle: ZEIT ONLINE, dpa, AFP, ces", "dpa, AFP"),
        ("Putin sprach mit der Agentur über die Lage.", None),
    ],
)
def test_find_agency_tags(line: str, agency: str | None) -> None:
    assert find_agency([line]) == agency


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("Moskau. Russlands Präsident hat ...", "Moskau", None),
        ("Washington. Der russische Präsident ...", "Washington", None),
        ("Berlin (dpa) - Die Bundesregierung ...", "Berlin", "dpa"),
        ("MOSKAU/WASHINGTON (AFP) – Der Kreml ...", "Moskau/Washington", "AFP"),
        ("Am Dienstag fand ein Telefonat statt.", None, None),
        ("Er schwieg. Dann sprach er.", None, None),
        ("Fazit: Es bleibt schwierig.", None, None),
    ],
)
def test_find_dateline(text: str, place: str | None, agency: str | None) -> None:
    assert find_dateline(text) == (place, agency)


def test_find_trailing_agency() -> None:
    assert find_trailing_agency("Das Treffen ist für Januar geplant. (dpa)") == "dpa"
    assert find_trailing_agency("Das Treffen (in Genf) ist für Januar geplant.") is None


def test_outlet_hints_from_residue() -> None:
    assert find_outlet_hint(["krone.at", "Loading..."]) == "Kronen Zeitung"
    assert find_outlet_hint(['Lesen Sie den RND-Newsletter "Der Tag".']) == "RND"
    assert find_outlet_hint(["Anzeige"]) is None
    assert find_outlet_hint(["© Beispielblatt 2021 – Alle Rechte vorbehalten"]) == "Beispielblatt"
    assert find_outlet_hint(["© 2021 Musterverlag GmbH"]) == "Musterverlag"
    assert find_outlet_hint(["© dpa-infocom"]) is None
    assert find_outlet_hint(["Weserblatt", "Teilen", "Weserblatt"]) == "Weserblatt"
    assert find_outlet_hint(["Anzeige", "Anzeige", "Teilen"]) is None
    assert host_of("https://www.t-online.de/nachrichten/123") == "t-online.de"
    assert outlet_for_host("sport.orf.at") == "ORF"
    assert outlet_for_host("example.org") == "example.org"


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Ausland", "section"),
        ("Politik > Ausland", "section"),
        ("13.04.2021 20:25", "date"),
        ("Von Anna Beispiel", "author"),
        ("Von Jan Muster, Moskau", "author"),
        ("So will Biden jetzt Beziehung zu Putin retten", None),
    ],
)
def test_header_role(line: str, role: str | None) -> None:
    assert header_role(line) == role


def test_headline_roles_use_container_title() -> None:
    texts = ["Nach dem Streit", "Biden ruft Putin an"]
    assert assign_headline_roles(texts, None) == ["kicker", "title"]
    assert assign_headline_roles(texts, "Nach dem Streit") == ["title", "header"]
