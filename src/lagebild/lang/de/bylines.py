"""Agency tags, outlet hints and section names found in German article headers and bylines.

News pages mark agency copy with short tags ("| rtr", "(dpa)", "AFP/dpa", "epd") and print the
section ("Ausland", "Politik") and the outlet's name or host ("krone.at", "RND-Newsletter")
around the article. `lagebild.cleaning.textmeta` turns these into Document metadata.

Source: the agencies' own public names and common abbreviations, and the public names/hosts of
German-language outlets, written by the Lagebild team.
"""

from __future__ import annotations

import re

# Source: public names of news agencies active in German-language media.
# token (lowercase, as printed in tags) -> canonical agency name
AGENCIES: dict[str, str] = {
    "dpa": "dpa",
    "dpa-afx": "dpa-AFX",
    "afp": "AFP",
    "ap": "AP",
    "rtr": "Reuters",
    "reuters": "Reuters",
    "rts": "Reuters",
    "epd": "epd",
    "kna": "KNA",
    "apa": "APA",
    "sda": "SDA",
    "sid": "SID",
    "ddp": "ddp",
    "dts": "dts",
    "afx": "dpa-AFX",
    "efe": "EFE",
    "ansa": "ANSA",
    "tass": "TASS",
    "ria": "RIA Novosti",
    "interfax": "Interfax",
    "upi": "UPI",
    "idea": "idea",
}

# Source: the agencies' full names, as printed in credit lines ("© The Associated Press").
AGENCY_NAMES: dict[str, str] = {
    "associated press": "AP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "deutsche presse-agentur": "dpa",
    "thomson reuters": "Reuters",
    "evangelischer pressedienst": "epd",
    "katholische nachrichten-agentur": "KNA",
    "austria presse agentur": "APA",
    "keystone-sda": "SDA",
}
AGENCY_NAME_RE = re.compile(
    r"\b(?:the\s+)?(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in AGENCY_NAMES)
    + r")\b",
    re.IGNORECASE,
)

_AGENCY_ALT = "|".join(
    sorted([re.escape(k) for k in AGENCIES]
           + [r"(?:the\s+)?" + re.escape(n).replace(r"\ ", r"\s+") for n in AGENCY_NAMES],
           key=len, reverse=True)
)

# "| rtr", "| dpa, AFP", "· Reuters, dpa" at the end of a header/date line.
PIPE_AGENCY_RE = re.compile(
    r"""[|·•]\s*(?P<tags>(?:""" + _AGENCY_ALT + r""")(?:\s*[,/]\s*(?:""" + _AGENCY_ALT + r"""))*)
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)

# "(dpa)", "(AFP/dpa)", "(dpa/AFP)" - agency tag in parentheses (datelines, end of text).
PAREN_AGENCY_RE = re.compile(
    r"""\(\s*(?P<tags>(?:""" + _AGENCY_ALT + r""")(?:\s*[,/]\s*(?:""" + _AGENCY_ALT
    + r"""|[a-z]{2,4}))*)\s*\)""",
    re.VERBOSE | re.IGNORECASE,
)

# A source line: "Quelle: dpa", "Quelle: ZEIT ONLINE, dpa, AFP, ces", "Nachrichtenagentur AFP",
# "dpa/fho", "© dpa-infocom", "(AFP)".
SOURCE_LINE_AGENCY_RE = re.compile(
    r"""^(?:(?:(?:verwendete\s+)?quellen?|mit\s+material\s+von|material|
    (?:nachrichten)?agentur(?:en)?)\s*:?\s*(?:[\w .-]{0,30},\s*)?|©\s*|\(|
    von\s+[^,]{2,60},\s*)?(?:[a-z]{2,4}\s*/\s*)*
    (?P<tags>(?:""" + _AGENCY_ALT + r""")(?:-infocom)?(?:\s*(?:[,/]|und)\s*(?:""" + _AGENCY_ALT
    + r"""|[a-z]{2,4}))*)\)?\s*[.]?$""",
    re.VERBOSE | re.IGNORECASE,
)

# Author bylines: "Von Anna Beispiel", "Ein Kommentar von Jan Muster", "Von A. B. und C. D.".
BYLINE_RE = re.compile(
    r"""^(?:(?:[Ee]in(?:e)?\s+(?:[Kk]ommentar|[Aa]nalyse|[Gg]astbeitrag|[Ee]ssay|[Rr]eportage)\s+)?
    [Vv]on|[Dd]as\s+(?:[Ii]nterview|[Gg]espräch)\s+führten?|[Aa]utor(?:in)?:?)\s+
    (?P<author>[A-ZÄÖÜ][\w.'-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w.'-]+){0,3}
    (?:\s*(?:,|und)\s*[A-ZÄÖÜ][\w.'-]+(?:\s+[A-ZÄÖÜ][\w.'-]+){0,3})*)
    (?:\s*[,|]\s*[\w\s/.,|()-]{0,60})?\s*\.?$""",
    re.VERBOSE,
)

# Source: public names of German-language outlets; host or printed hint -> outlet name.
OUTLET_HOSTS: dict[str, str] = {
    "krone.at": "Kronen Zeitung",
    "rnd.de": "RND",
    "t-online.de": "t-online",
    "spiegel.de": "Der Spiegel",
    "zeit.de": "Die Zeit",
    "faz.net": "FAZ",
    "sueddeutsche.de": "Süddeutsche Zeitung",
    "welt.de": "Die Welt",
    "tagesschau.de": "tagesschau.de",
    "zdf.de": "ZDF",
    "n-tv.de": "n-tv",
    "focus.de": "Focus",
    "stern.de": "Stern",
    "bild.de": "Bild",
    "derstandard.at": "Der Standard",
    "diepresse.com": "Die Presse",
    "orf.at": "ORF",
    "nzz.ch": "NZZ",
    "srf.ch": "SRF",
    "tagesspiegel.de": "Tagesspiegel",
    "taz.de": "taz",
    "dw.com": "Deutsche Welle",
    "handelsblatt.com": "Handelsblatt",
    "merkur.de": "Merkur",
    "fr.de": "Frankfurter Rundschau",
    "rp-online.de": "Rheinische Post",
    "mdr.de": "MDR",
    "br.de": "BR",
    "ndr.de": "NDR",
    "wdr.de": "WDR",
    "deutschlandfunk.de": "Deutschlandfunk",
    "snanews.de": "SNA",
    "de.rt.com": "RT DE",
}

# Outlet names printed inside residue ("RND-Newsletter", "SPIEGEL+", "Mit RND-Konto").
OUTLET_HINT_RE = re.compile(
    r"""\b(?P<name>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,15}|[A-Z]{2,8})[-\s](?i:newsletter|konto|app|plus|
    abo|community|forum|redaktion)\b""",
    re.VERBOSE,
)

# Source: section names of German news sites (Ressorts).
SECTIONS: frozenset[str] = frozenset(
    """
    ausland inland politik wirtschaft kultur sport panorama wissen gesellschaft meinung
    deutschland welt international europa russland ukraine usa amerika osteuropa nahost
    digital technik netzwelt reise auto gesundheit lokales regional bundesland region
    finanzen börse karriere leben stil feuilleton kommentar analyse hintergrund interview
    nachrichten news aktuell ticker liveblog wahlen verteidigung sicherheit
    """.split()
)
