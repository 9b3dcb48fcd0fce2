"""Metadata read from the article text: header roles, agency, dateline place, outlet, language.

Plain-text articles carry their metadata as text: a kicker and headline above the body, a
section name, a time stamp with an agency tag ("31.12.2021, 00:07 Uhr | rtr"), a dateline
("Moskau. ..." / "Berlin (dpa) - ..."), and the outlet's name in its own residue ("krone.at",
"RND-Newsletter"). These helpers read them; `Cleaner` decides which lines they look at.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from lagebild.cleaning.dates import is_date_line
from lagebild.lang.de.boilerplate import CUE_PATTERNS, DOMAIN_LINE_RE, LINE_PATTERNS
from lagebild.lang.de.bylines import (
    AGENCIES,
    AGENCY_NAME_RE,
    AGENCY_NAMES,
    BYLINE_RE,
    OUTLET_HINT_RE,
    OUTLET_HOSTS,
    PAREN_AGENCY_RE,
    PIPE_AGENCY_RE,
    SECTIONS,
    SOURCE_LINE_AGENCY_RE,
)
from lagebild.lang.de.pubdate import BROADCAST_NOTE_RE
from lagebild.lang.de.stopwords import STOPWORDS

# "Moskau. Russlands ...", "Berlin (dpa) - Die ...", "MOSKAU/WASHINGTON (AFP) – ..."
DATELINE_RE = re.compile(
    r"""^(?P<place>[A-ZÄÖÜ][\w'’-]+(?:(?:\s|\s?/\s?)[A-ZÄÖÜ][\w'’-]+){0,2})
    (?:\s*\((?P<tags>[^()]{2,30})\))?
    (?:\s*\.\s+|\s+[-–—]\s+|\s*:\s+)(?=[A-ZÄÖÜ„“"»(])""",
    re.VERBOSE,
)

# "© Tagesblick 2021", "© 2021 Beispielverlag GmbH" - the outlet or publisher owning the page.
COPYRIGHT_NAME_RE = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?(?P<name>[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})",
    re.IGNORECASE,
)
_LEGAL_FORM_RE = re.compile(r"\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|e\.\s?V\.)\.?$")
# A line that is only a name: "Weserbote", "Mittelland-Kurier".
_NAME_LINE_RE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*")

# dpa's service line under its copy: "dpa-infocom, dpa:211208-99-301001/3".
DPA_ID_RE = re.compile(r"^(?:dpa-infocom\b|dpa:\d{6}-\d{2}-\d+)")

# Capitalised words that open a sentence with a full stop but are no place names.
_NOT_PLACES = frozenset(
    """nein ja danke klar gut hallo achtung update wichtig fazit bilanz ende eilmeldung
    tatsächlich natürlich stimmt richtig falsch bitte vorsicht immerhin""".split()
)

_AGENCY_TOKEN_RE = re.compile(r"[A-Za-z-]+")
_MAX_ROLE_LINE = 200  # header lines are short; longer lines are never a date/byline/section


def canonical_agencies(tags: str) -> str | None:
    """'AFP/dpa' -> 'AFP, dpa'; None if no known agency token is present."""
    names: list[str] = []
    for match in AGENCY_NAME_RE.finditer(tags):
        name = AGENCY_NAMES[" ".join(match.group(1).lower().split())]
        if name not in names:
            names.append(name)
    tags = AGENCY_NAME_RE.sub(" ", tags)
    for token in _AGENCY_TOKEN_RE.findall(tags):
        name = AGENCIES.get(token.lower().removesuffix("-infocom"))
        if name and name not in names:
            names.append(name)
    return ", ".join(names) if names else None


def find_agency(lines: Iterable[str]) -> str | None:
    """The agency tagged in header/byline/source lines ("| rtr", "(dpa)", "Quelle: AFP")."""
    for text in lines:
        if len(text) > _MAX_ROLE_LINE:
            continue
        for regex in (PIPE_AGENCY_RE, SOURCE_LINE_AGENCY_RE):
            match = regex.search(text)
            if match:
                agency = canonical_agencies(match["tags"])
                if agency:
                    return agency
        match = PAREN_AGENCY_RE.search(text)
        if match and len(text) < 120:
            agency = canonical_agencies(match["tags"])
            if agency:
                return agency
    return None


def find_trailing_agency(text: str) -> str | None:
    """An agency tag closing the body, as in "... sagte er. (dpa)"."""
    tail = text.rstrip()[-40:]
    match = PAREN_AGENCY_RE.search(tail)
    if match and tail.rstrip().endswith(")") and match.end() >= len(tail.rstrip()) - 1:
        return canonical_agencies(match["tags"])
    return None


def find_dateline(text: str) -> tuple[str | None, str | None]:
    """(place, agency) from a dateline at the start of the first body paragraph."""
    match = DATELINE_RE.match(text)
    if not match:
        return None, None
    place = match["place"]
    words = re.split(r"\s|/", place)
    if any(w.lower() in STOPWORDS or w.lower() in _NOT_PLACES for w in words if w):
        return None, None
    tags = match["tags"]
    agency = canonical_agencies(tags) if tags else None
    if tags and agency is None:
        return None, None  # "(Archiv)" or similar: not a dateline
    if match.group(0).rstrip().endswith(":") and agency is None:
        return None, None  # "Fazit: ..." style lead-ins
    if place.isupper():
        place = "/".join(part.title() for part in place.split("/"))
    return place, agency


def host_of(url: str | None) -> str | None:
    """'https://www.krone.at/123' -> 'krone.at'."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def outlet_for_host(host: str) -> str:
    """Known outlet name for a host (or any parent domain), else the host itself."""
    parts = host.lower().split(".")
    for i in range(len(parts) - 1):
        name = OUTLET_HOSTS.get(".".join(parts[i:]))
        if name:
            return name
    return host


def find_outlet_hint(lines: Iterable[str]) -> str | None:
    """Outlet named in boilerplate lines, strongest hint first.

    A host name or mail address ("krone.at", "forum@krone.at"); a product of the outlet
    ("RND-Newsletter"); a copyright line ("© Tagesblick 2021"); a bare name line that occurs
    twice ("Weserbote").
    """
    lines = list(lines)
    hosts: list[str] = []
    products: list[str] = []
    copyrights: list[str] = []
    for text in lines:
        match = DOMAIN_LINE_RE.fullmatch(text)
        if match:
            hosts.append(match.group(1).lower())
            continue
        for link in CUE_PATTERNS["link"].findall(text):
            host = link.split("@", 1)[1] if "@" in link else host_of(link)
            if host:
                hosts.append(host.lower().rstrip("."))
        products.extend(m["name"] for m in OUTLET_HINT_RE.finditer(text))
        match = COPYRIGHT_NAME_RE.match(text)
        if match and canonical_agencies(match["name"]) is None:
            copyrights.append(_LEGAL_FORM_RE.sub("", match["name"]).strip())
    names = Counter(t for t in lines if _NAME_LINE_RE.fullmatch(t) and not _is_ui_word(t))
    for candidates in (hosts, products, copyrights):
        if candidates:
            best = max(candidates, key=candidates.count)
            return outlet_for_host(best) if candidates is hosts else best
    repeated = [name for name, n in names.most_common() if n >= 2]
    return repeated[0] if repeated else None


def _is_ui_word(text: str) -> bool:
    return text.lower() in SECTIONS or any(r.fullmatch(text) for r in LINE_PATTERNS.values())


def is_section_line(text: str) -> bool:
    """'Ausland', 'Politik > Ausland', 'Politik | Russland' - a section name or breadcrumb."""
    parts = [p.strip().lower() for p in re.split(r"\s*[>|/»›]\s*", text) if p.strip()]
    return bool(parts) and len(parts) <= 4 and all(p in SECTIONS for p in parts)


def header_role(text: str) -> str | None:
    """Role of a header line that is not headline text: date, author, agency or section."""
    if len(text) > _MAX_ROLE_LINE:
        return None
    if is_date_line(text) or BROADCAST_NOTE_RE.match(text):
        return "date"
    if SOURCE_LINE_AGENCY_RE.match(text) or DPA_ID_RE.match(text):
        return "agency"
    if (len(text) <= 40 and text.startswith("(") and text.endswith(")")
            and PAREN_AGENCY_RE.match(text.split(",")[0] + ")")):
        return "agency"
    if BYLINE_RE.match(text):
        return "author"
    if is_section_line(text):
        return "section"
    return None


def byline_author(text: str) -> str | None:
    match = BYLINE_RE.match(text)
    return match["author"].strip() if match else None


def assign_headline_roles(texts: list[str], container_title: str | None) -> list[str]:
    """Roles for the free-text header lines, top to bottom: kicker, title, or header.

    With a container title, the matching line is the title and the line above it the kicker.
    Without one, the last line above the body is the title and the one before it the kicker.
    """
    roles = ["header"] * len(texts)
    if not texts:
        return roles
    title_at = len(texts) - 1
    if container_title:
        wanted = " ".join(container_title.lower().split())
        for i, text in enumerate(texts):
            if " ".join(text.lower().split()) == wanted:
                title_at = i
                break
    roles[title_at] = "title"
    if title_at > 0:
        roles[title_at - 1] = "kicker"
    return roles
