"""German word tables and compiled patterns for temporal expressions.

Why a separate module: every pattern here is a named constant with should-match and
must-not-match tests (tests/time/test_timex_patterns.py), so the tagger logic never hides
inline regex soup. Word tables are plain German vocabulary (source: general German usage and
the TIMEX3 / TIMEX2 guidelines for the value codes such as ``TEV`` or ``SU``).
"""

from __future__ import annotations

import re

# -- vocabulary -------------------------------------------------------------------------------
MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan.": 1, "februar": 2, "feber": 2, "feb.": 2, "märz": 3,
    "april": 4, "apr.": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8, "aug.": 8,
    "september": 9, "sept.": 9, "sep.": 9, "oktober": 10, "okt.": 10, "november": 11,
    "nov.": 11, "dezember": 12, "dez.": 12,
}
# Month names that are also common names or nouns ("Mai" surname, "August" first name): a bare
# occurrence needs a year, a day or a temporal cue word before it.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"mai", "august"})
MONTH_CUES: frozenset[str] = frozenset({
    "im", "in", "seit", "bis", "ab", "von", "vom", "zum", "anfang", "mitte", "ende", "beginn",
    "des", "und", "oder", "/", "(", "–", "-", "noch", "schon", "bereits", "letzten",
    "vergangenen", "kommenden", "nächsten", "diesen", "jeden", "zwischen",
})
WEEKDAYS: dict[str, int] = {
    "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
    "samstag": 6, "sonnabend": 6, "sonntag": 7,
}
# TIMEX part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morgen": "MO", "früh": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
    "abend": "EV", "nacht": "NI", "morgens": "MO", "vormittags": "MO", "mittags": "MI",
    "nachmittags": "AF", "abends": "EV", "nachts": "NI",
}
SEASONS: dict[str, str] = {
    "frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI",
}
NUMBER_WORDS: dict[str, float] = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2, "beiden": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "hundert": 100, "anderthalb": 1.5, "eineinhalb": 1.5,
    "zweieinhalb": 2.5, "halbes": 0.5, "halben": 0.5, "halbe": 0.5,
}
VAGUE_NUMBERS: frozenset[str] = frozenset({
    "einige", "einigen", "mehrere", "mehreren", "wenige", "wenigen", "weniger", "viele",
    "vielen", "etliche", "etlichen", "paar",
})
# unit stem -> (TIMEX unit letter, needs "T" time designator, precision name)
UNITS: dict[str, tuple[str, bool, str]] = {
    "sekunde": ("S", True, "second"), "minute": ("M", True, "minute"),
    "stunde": ("H", True, "hour"), "tag": ("D", False, "day"), "woche": ("W", False, "week"),
    "monat": ("M", False, "month"), "jahr": ("Y", False, "year"),
    "jahrzehnt": ("DE", False, "year"), "jahrhundert": ("CE", False, "year"),
}
DECADE_WORDS: dict[str, int] = {
    "zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
    "siebziger": 7, "achtziger": 8, "neunziger": 9,
}
# Time zones as written in German news -> ISO 8601 offset.
TIME_ZONES: dict[str, str] = {
    "MEZ": "+01", "MESZ": "+02", "CET": "+01", "CEST": "+02", "UTC": "Z", "GMT": "Z",
    "Ortszeit": "", "deutscher Zeit": "", "Moskauer Zeit": "+03",
    "mitteleuropäischer Zeit": "+01", "mitteleuropäischer Sommerzeit": "+02",
}
# Modifier words -> TIMEX2/3 mod values.
MODIFIERS: dict[str, str] = {
    "anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END", "früh": "START",
    "frühen": "START", "spät": "END", "späten": "END", "gegen": "APPROX", "etwa": "APPROX",
    "rund": "APPROX", "ungefähr": "APPROX", "fast": "LESS_THAN", "knapp": "LESS_THAN",
    "mehr als": "MORE_THAN", "über": "MORE_THAN", "gut": "MORE_THAN", "mindestens": "EQUAL_OR_MORE",
    "weniger als": "LESS_THAN",
}
# Vague reference words -> TIMEX value.
REFERENCE_WORDS: dict[str, str] = {
    "jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF",
    "gegenwärtig": "PRESENT_REF", "heutzutage": "PRESENT_REF", "zuletzt": "PAST_REF",
    "kürzlich": "PAST_REF", "jüngst": "PAST_REF", "unlängst": "PAST_REF",
    "vor kurzem": "PAST_REF", "vorher": "PAST_REF", "zuvor": "PAST_REF",
    "kurz zuvor": "PAST_REF", "zwischenzeitlich": "PAST_REF", "bald": "FUTURE_REF",
    "demnächst": "FUTURE_REF", "künftig": "FUTURE_REF", "zukünftig": "FUTURE_REF",
    "in zukunft": "FUTURE_REF", "in kürze": "FUTURE_REF", "später": "FUTURE_REF",
    "kurz darauf": "FUTURE_REF", "kurz danach": "FUTURE_REF", "wenig später": "FUTURE_REF",
    "kurz später": "FUTURE_REF", "kurze zeit später": "FUTURE_REF",
    "in der folge": "FUTURE_REF", "der folgezeit": "FUTURE_REF",
}
# Words before a four-digit number that mark it as a year ...
YEAR_CUES: frozenset[str] = frozenset({
    "im", "in", "seit", "bis", "von", "vom", "ab", "um", "jahr", "jahre", "jahres", "anfang",
    "ende", "mitte", "beginn", "frühjahr", "frühling", "sommer", "herbst", "winter", "nach",
    "vor", "zwischen", "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "des", "dem", "jahreswechsel",
})
# ... and words that mark it as a count ("rund 1500 Soldaten").
COUNT_CUES: frozenset[str] = frozenset({
    "über", "rund", "etwa", "fast", "knapp", "insgesamt", "ungefähr", "circa", "ca",
    "mindestens", "weitere", "weiteren", "nur", "als", "und", "sowie", "mit", "auf",
})
# Quantity nouns after a four-digit number that show it is a count, not a year.
COUNT_NOUNS: frozenset[str] = frozenset({
    "mann", "soldaten", "menschen", "tote", "toten", "verletzte", "km", "kilometer", "meter",
    "euro", "dollar", "prozent", "einwohner", "stück", "panzer", "flugzeuge", "schiffe",
    "gefangene", "opfer", "personen", "kinder", "frauen", "männer", "kämpfer", "truppen",
    "geschütze", "fahrzeuge", "häuser", "tonnen", "mark", "pfund", "franc", "rubel", "yen",
    "quadratkilometer", "einheiten", "reiter", "seeleute", "matrosen", "schuss",
})

# -- regex building blocks --------------------------------------------------------------------
_MONTH_ALT = (
    r"Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember|Jan\.|Feb\.|Apr\.|Aug\.|Sept\.|Sep\.|Okt\.|Nov\.|Dez\."
)
_WEEKDAY_ALT = r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
_POD_ALT = r"Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht"
_NUM_ALT = (
    r"\d{1,3}(?:,\d)?|ein|eine|einen|einem|einer|eines|zwei|beiden|drei|vier|fünf|sechs|sieben"
    r"|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn"
    r"|neunzehn|zwanzig|dreißig|vierzig|fünfzig|hundert|anderthalb|eineinhalb|zweieinhalb"
    r"|einige|einigen|mehrere|mehreren|wenige|wenigen|weniger|vielen|etliche|etlichen"
    r"|ein\s+paar|ein\s+halbes|einem\s+halben|einer\s+halben|eine\s+halbe|einen\s+halben"
)
_UNIT_ALT = (
    r"Sekunden?|Minuten?|Stunden?|Tage?n?|Tages|Wochen?|Monate?n?|Monats|Jahre?n?|Jahres"
    r"|Jahrzehnte?n?|Jahrhunderte?n?"
)
_YEAR = r"(?:1\d{3}|20\d{2})"
_TZ_ALT = (
    r"MEZ|MESZ|UTC|GMT|CET|CEST|Ortszeit|deutscher\s+Zeit|Moskauer\s+Zeit"
    r"|mitteleuropäischer\s+(?:Sommer)?[Zz]eit"
)
_POD_DES_ALT = (
    r"Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Morgenstunden|Abendstunden"
    r"|Nachmittagsstunden|Vormittagsstunden"
)
_BC = r"\s*v\.\s?Chr\.?"
_REL_YEAR = (
    r"folgenden|nächsten|neuen|darauffolgenden|selben|gleichen|vorigen|vorangegangenen|jenes"
    r"|vergangenen|letzten|kommenden"
)
# year offset of the relative words above
RELATIVE_YEAR_WORDS: dict[str, int] = {
    "folgenden": 1, "nächsten": 1, "neuen": 1, "darauffolgenden": 1, "kommenden": 1,
    "selben": 0, "gleichen": 0, "jenes": 0, "": 0, "vorigen": -1, "vorangegangenen": -1,
    "vergangenen": -1, "letzten": -1,
}
_MOD_WORD = r"Anfang|Mitte|Ende|Beginn|Anfang\s+bis\s+Mitte|Mitte\s+bis\s+Ende"

# Holidays with a fixed date (month, day); Easter-based ones are computed (offset from Easter).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "neujahr": (1, 1), "neujahrstag": (1, 1), "heiligabend": (12, 24),
    "heiligen abend": (12, 24), "weihnachten": (12, 25), "silvester": (12, 31),
    "tag der deutschen einheit": (10, 3), "allerheiligen": (11, 1),
    "silvesternacht": (12, 31), "silvesterabend": (12, 31),
}
# part of day implied by a holiday name
HOLIDAY_PARTS: dict[str, str] = {"silvesternacht": "NI", "silvesterabend": "EV",
                                 "heiligabend": "EV", "heiligen abend": "EV"}
EASTER_HOLIDAYS: dict[str, int] = {
    "karfreitag": -2, "ostern": 0, "ostersonntag": 0, "ostermontag": 1, "pfingsten": 49,
    "pfingstsonntag": 49, "pfingstmontag": 50, "christi himmelfahrt": 39,
}
HOLIDAY_RE = re.compile(
    r"""(?<![\wäöü])(?P<name>Neujahrstag|Neujahr|Heiligabend|Heiligen\s+Abend|Weihnachten
        |Silvesternacht|Silvesterabend|Silvester|Tag\s+der\s+Deutschen\s+Einheit|Allerheiligen|Karfreitag|Ostersonntag
        |Ostermontag|Ostern|Pfingstsonntag|Pfingstmontag|Pfingsten|Christi\s+Himmelfahrt)
        (?![\wäöü])(?:\s+(?P<y>(?:1\d{3}|20\d{2}))(?!\d))?""",
    re.VERBOSE,
)
# "Nacht vom 19. auf den 20. März"
NIGHT_FROM_RE = re.compile(
    rf"""Nacht\s+vom\s+(?P<d1>[0-3]?\d)\.\s+(?:auf|zum)\s+(?:den\s+)?(?P<d2>[0-3]?\d)\.\s*
        (?P<mon>{_MONTH_ALT})(?:\s+(?P<y>{_YEAR})(?![\d]))?""",
    re.VERBOSE,
)
# "13.04.2021", "1.9.39", optionally followed by a clock time "20:25" / "00:07 Uhr".
NUMERIC_DATE_RE = re.compile(
    r"""(?<![\d.,/])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>\d{4}|\d{2})?(?![\d])
        (?:,?\s*(?:um\s+)?(?P<hh>[0-2]?\d)[:.](?P<mm>[0-5]\d)(?![\d.])(?:\s*Uhr)?)?""",
    re.VERBOSE,
)
ISO_DATE_RE = re.compile(
    r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?(?![\d])"
)
# "22. und 23. April 2021", "Dienstag, 13. April", "späten Nachmittag des 2. Mai".
DAY_MONTH_RE = re.compile(
    rf"""(?:(?P<gegen>gegen\s+)?(?:(?P<podmod>frühen|späten)\s+)?(?P<pod>{_POD_DES_ALT})\s+des\s+)?
        (?:(?P<wd>{_WEEKDAY_ALT}),?\s+(?:de[nm]\s+)?)?
        (?P<days>(?:[0-3]?\d\.\s*(?:,|und|bis|oder|/|–|-)\s*)*)
        (?<!\d)(?P<d>[0-3]?\d)\.\s*(?P<mon>{_MONTH_ALT})
        (?:\s+(?P<y>{_YEAR}(?![\d])|\d{{1,4}}(?={_BC}))(?P<bc>{_BC})?)?
        (?:,\s+(?P<hh>[0-2]?\d)[:.](?P<mm>[0-5]\d)\s*Uhr(?:\s+(?P<tz>{_TZ_ALT}))?)?""",
    re.VERBOSE,
)
MONTH_YEAR_RE = re.compile(
    rf"""(?:(?P<mod>{_MOD_WORD})\s+)?(?P<mon>Januar|Jänner|Februar|März|April|Mai|Juni|Juli
        |August|September|Oktober|November|Dezember)(?![\wäöü])
        (?:\s+(?:desselben\s+Jahres|des\s+(?P<rely>{_REL_YEAR}|)\s*Jahres(?!\s+\d)))?
        (?:\s+(?:des\s+Jahres\s+)?(?P<y>{_YEAR}(?![\d])|\d{{1,4}}(?={_BC}))(?P<bc>{_BC})?)?""",
    re.VERBOSE,
)
# "2014", "im Jahr 2014", "Ende 2021", "490 v. Chr.", "Ende des Jahres 1939".
YEAR_RE = re.compile(
    rf"""(?:(?P<approx>[Gg]egen|[Ee]twa|[Uu]m|[Cc]irca|[Cc]a\.)\s+(?:das\s+)?(?=[\dAMEBJ]))?
        (?:(?P<mod>{_MOD_WORD})\s+(?:des\s+Jahres\s+)?)?(?:(?P<jahr>Jahre?s?)\s+)?
        (?<![\d.,/])(?P<y>{_YEAR}|\d{{1,4}}(?={_BC}))(?![\d]|\.\d|,\d)(?P<bc>{_BC})?""",
    re.VERBOSE,
)
# "Ende des Jahres", "Jahresende", "zweiten Jahreshälfte", "ersten Quartal 2021".
YEAR_PART_RE = re.compile(
    rf"""(?:(?:(?P<gegen>[Gg]egen|[Ii]m)\s+)?(?P<mod>{_MOD_WORD}|Laufe)\s+(?:des|dieses)\s+
        (?:(?P<rely>{_REL_YEAR})\s+)?(?P<unit>Jahres|Monats)(?!\s+\d)
        |(?P<compound>Jahresende|Jahresbeginn|Jahresanfang|Jahresmitte|Jahreswechsel)
         (?:\s+(?P<cy>{_YEAR})(?![\d]))?
        |(?P<half>ersten|zweiten)\s+(?:Jahreshälfte|Hälfte\s+(?:des\s+Jahres\s+)?)(?:\s*(?P<hy>{_YEAR}))?
        |(?P<q>ersten|zweiten|dritten|vierten|letzten)\s+Quartal(?:s)?(?:\s+(?P<qy>{_YEAR}))?)""",
    re.VERBOSE,
)
SEASON_RE = re.compile(
    rf"""(?:(?P<mod>{_MOD_WORD})\s+(?:des\s+)?)?(?:(?P<adj>frühen|späten)\s+)?
        (?:(?P<pre>Spät|Früh|Hoch)(?P<s1>sommer|herbst|winter|jahr|ling)
        |(?P<s2>Frühjahr|Frühling|Sommer|Herbst|Winter))(?:s|es)?(?![\wäöü-])
        (?:\s+(?:desselben\s+Jahres|des\s+(?P<rely>{_REL_YEAR}|)\s*Jahres(?!\s+\d)))?
        (?:\s+(?:des\s+Jahres\s+)?(?P<y>{_YEAR}(?![\d])|\d{{1,4}}(?={_BC}))(?P<bc>{_BC})?)?""",
    re.VERBOSE,
)
DECADE_RE = re.compile(
    r"""(?:(?P<mod>Anfang|Mitte|Ende)\s+)?(?:(?P<det>de[nr])\s+)?
        (?:(?P<num>(?:1\d|20)?\d0)er|(?P<word>zwanziger|dreißiger|vierziger|fünfziger|sechziger
        |siebziger|achtziger|neunziger))(?:\s*-\s*|\s+)?Jahre[n]?""",
    re.VERBOSE,
)
CENTURY_RE = re.compile(rf"(?P<n>\d{{1,2}})\.\s*Jahrhunderts?(?P<bc>{_BC})?")
# "am Donnerstagabend", "kommenden Dienstag", "Freitag früh", "Nacht zum Freitag".
WEEKDAY_RE = re.compile(
    rf"""(?:(?P<rel>kommenden|nächsten|vergangenen|letzten|vorigen|vorvergangenen|diesen
        |heutigen)\s+)?
        (?P<wd>{_WEEKDAY_ALT})(?P<pod>abend|morgen|nachmittag|vormittag|mittag|nacht|früh)?
        (?:\s+(?P<pod2>Abend|Morgen|Nachmittag|Vormittag|Mittag|Nacht|früh)(?![\wäöü]))?
        (?:\s+(?P<relw>vergangener|letzter|voriger|kommender|nächster|dieser)\s+Woche)?
        (?![\wäöü])""",
    re.VERBOSE,
)
NIGHT_TO_RE = re.compile(
    rf"""Nacht\s+(?:von\s+(?:{_WEEKDAY_ALT})\s+)?(?:zum|zu|auf|auf\s+den)\s+(?P<wd>{_WEEKDAY_ALT})""",
    re.VERBOSE,
)
WEEKDAY_SET_RE = re.compile(
    r"(?<![\wäöü])(?:(?P<jeden>[Jj]eden)\s+(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag"
    r"|Samstag|Sonntag)|(?P<adv>montags|dienstags|mittwochs|donnerstags|freitags|samstags"
    r"|sonntags))(?![\wäöü])"
)
# "heute", "gestern Abend", "morgen früh", "vorgestern".
DEICTIC_DAY_RE = re.compile(
    r"""(?<![\wäöü])(?P<w>[Hh]eute|[Gg]estern|[Vv]orgestern|[Mm]orgen|[Üü]bermorgen)
        (?:\s+(?P<pod>[Aa]bend|[Mm]orgen|[Nn]achmittag|[Vv]ormittag|[Mm]ittag|[Nn]acht|früh))?
        (?![\wäöü])""",
    re.VERBOSE,
)
# "am Vortag", "am Tag darauf", "am selben Abend", "im selben Monat", "im Folgejahr".
ANAPHORIC_RE = re.compile(
    r"""(?<![\wäöü])(?P<prep>[Aa]m\s+|[Aa]n\s+|[Ii]m\s+|[Ii]n\s+)?
        (?:(?P<vortag>Vortag|Vorabend)|(?P<folgetag>Folgetag)
        |Tag(?:e)?\s+(?P<tagdir>zuvor|davor|darauf|danach)
        |(?P<det>selben|gleichen|diesem|dieser|folgenden|nächsten|darauffolgenden|darauf\s+folgenden
         |neuen)\s+(?P<unit>Tag|Abend|Morgen|Nacht|Nachmittag|Vormittag|Woche|Monats?|Jahres
         |Jahr)(?!\w)
        |(?P<folgejahr>Folgejahr|Vorjahr|Folgemonat|Vormonat)
        |Jahr\s+(?P<jahrdir>darauf|danach|zuvor|davor))""",
    re.VERBOSE,
)
# "drei Tage später", "einen Tag zuvor", "wenige Wochen danach".
RELATIVE_OFFSET_RE = re.compile(
    rf"""(?<![\wäöü])(?:(?P<approx>etwa|rund|knapp|fast|gut|nur)\s+)?(?P<n>{_NUM_ALT})\s+
        (?P<unit>{_UNIT_ALT})\s+(?P<dir>später|danach|darauf|zuvor|davor|vorher|früher)(?![\wäöü])""",
    re.VERBOSE | re.IGNORECASE,
)
# "vor einer Woche", "vor drei Jahren", "in zwei Wochen".
AGO_RE = re.compile(
    rf"""(?<![\wäöü])(?P<prep>[Vv]or|[Ii]n|[Nn]ach)\s+(?:(?P<approx>etwa|rund|knapp|fast|gut|nur)\s+)?
        (?P<n>{_NUM_ALT})\s+(?P<unit>{_UNIT_ALT})(?![\wäöü])""",
    re.VERBOSE,
)
# "drei Tage", "mehr als zwei Wochen", "anderthalb Jahre", "einer Woche".
DURATION_RE = re.compile(
    rf"""(?<![\wäöü])(?:(?P<mod>mehr\s+als|über|fast|knapp|etwa|rund|gut|mindestens|weniger\s+als
        |nur|ganze[n]?|nächsten|letzten|ersten|kommenden|vergangenen)\s+)?(?P<n>{_NUM_ALT})\s+
        (?:(?P<adj>ganzen|vollen|aufeinanderfolgenden|langen)\s+)?(?P<unit>{_UNIT_ALT})(?![\wäöü])""",
    re.VERBOSE,
)
LONG_DURATION_RE = re.compile(
    r"""(?<![\wäöü])(?P<unit>tage|wochen|monate|jahre|jahrzehnte|stunden)lang(?:e[nrms]?)?
        (?![\wäöü])|(?<![\wäöü])[Ss]eit\s+(?P<seit>Tagen|Wochen|Monaten|Jahren|Jahrzehnten)
        (?![\wäöü])""",
    re.VERBOSE | re.IGNORECASE,
)
ADJ_DURATION_RE = re.compile(
    r"""(?<![\wäöü])(?P<n>ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d{1,2})
        -?(?P<unit>tägig|wöchig|monatig|stündig)(?:e[nrms]?)?(?![\wäöü])""",
    re.VERBOSE,
)
# "diese Woche", "im vergangenen Jahr", "nächsten Monat", "am Wochenende", plural vague forms.
RELATIVE_PERIOD_RE = re.compile(
    r"""(?<![\wäöü])(?:(?P<det>de[nmrs]|die|das|im|am|diese[nmrs]?)\s+)?
        (?P<rel>kommende[nmrs]?|nächste[nmrs]?|vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?
        |laufende[nmrs]?|diese[nmrs]?|vorletzte[nmrs]?)\s+
        (?P<unit>Wochenende|Wochen|Woche|Monaten|Monate|Monats|Monat|Jahren|Jahre|Jahres|Jahr
        |Tagen|Tage|Jahrzehnten|Jahrzehnt)(?![\wäöü])""",
    re.VERBOSE,
)
WEEKEND_RE = re.compile(r"(?<![\wäöü])(?:[Aa]m|[Üü]bers)\s+(?P<w>Wochenende)(?![\wäöü])")
# "21.35 Uhr MEZ", "4:45 Uhr", "4 Uhr 45", "gegen 8 Uhr".
CLOCK_RE = re.compile(
    rf"""(?<![\d.,:])(?P<h>[0-2]?\d)(?:[.:](?P<m>[0-5]\d))?\s*Uhr(?:\s+(?P<m2>[0-5]\d)(?![\d]))?
        (?:\s+(?P<tz>{_TZ_ALT}))?""",
    re.VERBOSE,
)
# "am Abend", "in der Nacht", "gegen Mittag", "nachts", "am frühen Morgen".
PART_OF_DAY_RE = re.compile(
    rf"""(?<![\wäöü])(?:(?P<prep>[Aa]m|[Ii]n\s+der|[Gg]egen|zum|in\s+die|dem)\s+
        (?:(?P<adj>frühen|späten)\s+)?
        (?P<pod>{_POD_ALT})(?!\s+de[sr]\s)|(?P<adv>nachts|abends|morgens|mittags|nachmittags
        |vormittags))(?![\wäöü])""",
    re.VERBOSE,
)
REFERENCE_RE = re.compile(
    r"""(?<![\wäöü])(?P<w>[Jj]etzt|[Dd]erzeit|[Zz]urzeit|[Gg]egenwärtig|[Hh]eutzutage|[Zz]uletzt
        |[Kk]ürzlich|[Jj]üngst|[Uu]nlängst|[Vv]or\s+kurzem|[Kk]urz\s+zuvor|[Zz]wischenzeitlich
        |[Bb]ald|[Dd]emnächst|[Kk]ünftig|[Zz]ukünftig|[Ii]n\s+Zukunft|[Ii]n\s+Kürze
        |[Kk]urz\s+darauf|[Kk]urz\s+danach|[Ww]enig\s+später|[Kk]urze\s+Zeit\s+später
        |[Ii]n\s+der\s+Folge(?!\s+de[sr])|der\s+Folgezeit)(?![\wäöü])""",
    re.VERBOSE,
)
PRESENT_ADJ_RE = re.compile(r"(?<![\wäöü])(?P<w>heutige[nmrs]?(?:\s+Tag)?)(?![\wäöü])")
SET_RE = re.compile(
    r"""(?<![\wäöü])(?P<w>täglich|wöchentlich|monatlich|jährlich|stündlich|alljährlich
        |vierteljährlich|halbjährlich
        |[Jj]eden\s+Tag|[Jj]ede\s+Woche|[Jj]eden\s+Monat|[Jj]edes\s+Jahr)(?![\wäöü])""",
    re.VERBOSE,
)

# -- tense cues (used when no `tokens` layer with morphology is present) ----------------------
PAST_CUE_RE = re.compile(
    r"""(?<![\wäöü])(?:hatte|hatten|hattest|war|waren|wurde|wurden|hieß|gab|kam|kamen|fand|fanden
        |ging|gingen|sprach|sprachen|traf|trafen|sagte|sagten|teilte|teilten|erklärte|erklärten
        |betonte|betonten|berichtete|berichteten|bezeichnete|warnte|forderte|kündigte|drohte
        |telefonierte|telefonierten|einigten|schrieb|verkündete|bestätigte|lehnte|stimmte|wies
        |(?:mit|an|ab|auf|aus|bei|ein|fest|vor|zu|zurück|bekannt|statt)(?:teilte|gab|kündigte
        |nahm|sagte|wies|rief|traf|sprach|stellte|legte|setzte|kam|fand|hielt)n?
        |verabschiedete|beschloss|beschlossen|starb|starben|begann|begannen|endete|ereignete)
        (?![\wäöü])|(?<![\wäöü])(?:hat|haben|habe|ist|sind|sei|seien)\s(?:[^.!?]{0,80}?)
        (?<![\wäöü])(?!gegen|genau|genug|gestern|gesamt|gerade|gemeinsam|generell|gern)
        ge\w{2,}(?:t|en)(?![\wäöü])""",
    re.VERBOSE,
)
FUTURE_CUE_RE = re.compile(
    r"""(?<![\wäöü])(?:wird|werden|werde|will|wollen|wolle|soll|sollen|solle|plant|planen
        |geplant|geplanten
        |kommende[nmrs]?|nächste[nmrs]?|bevorstehende[nmrs]?|künftig|angesetzt|vorgesehen
        |beabsichtigt|beabsichtigen)(?![\wäöü])""",
    re.VERBOSE,
)

# -- cheap triggers ---------------------------------------------------------------------------
# A rule's full pattern only runs on paragraphs that contain one of its trigger substrings
# (compared on the lower-cased paragraph; plain `in` tests are far cheaper than regexes). Each
# trigger set is a necessary condition for a match of its rule; tests check this on examples.
_MONTH_WORDS = ("jan", "jän", "feb", "märz", "apr", "mai", "juni", "juli", "aug", "sep", "okt",
                "nov", "dez")
_WEEKDAY_WORDS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                  "sonnabend", "sonntag")
_UNIT_WORDS = ("sekunde", "minute", "stunde", "tag", "woche", "monat", "jahr")
TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "night_from": ("nacht",),
    "day_month": _MONTH_WORDS,
    "holiday": ("neujahr", "heilig", "weihnacht", "silvester", "einheit", "allerheiligen",
                "karfreitag", "oster", "pfingst", "himmelfahrt"),
    "anaphor": ("vortag", "vorabend", "folge", "tag", "abend", "morgen", "nacht", "mittag",
                "woche", "monat", "jahr"),
    "relative_offset": ("später", "danach", "darauf", "zuvor", "davor", "vorher", "früher"),
    "relative_period": ("kommende", "nächste", "vergangene", "letzte", "vorige", "laufende",
                        "diese"),
    "ago": _UNIT_WORDS,
    "night_to": ("nacht",),
    "weekday_set": _WEEKDAY_WORDS,
    "weekday": _WEEKDAY_WORDS,
    "decade": ("0er", "ziger", "ßiger"),
    "century": ("jahrhundert",),
    "year_part": ("jahres", "quartal", "hälfte"),
    "season": ("frühjahr", "frühling", "sommer", "herbst", "winter"),
    "month_year": _MONTH_WORDS,
    "clock": ("uhr",),
    "deictic": ("heute", "gestern", "morgen"),
    "part_of_day": ("morgen", "mittag", "abend", "nacht"),
    "weekend": ("wochenende",),
    "duration": _UNIT_WORDS,
    "long_duration": ("lang", "seit"),
    "adj_duration": ("tägig", "wöchig", "monatig", "stündig"),
    "reference": ("jetzt", "derzeit", "zurzeit", "gegenwärtig", "heutzutage", "zuletzt",
                  "kürzlich", "jüngst", "unlängst", "kurz", "zwischenzeitlich", "bald",
                  "demnächst", "künftig", "zukunft", "kürze", "später", "folge"),
    "present_adj": ("heutige",),
    "set": ("lich", "jede"),
}
# Rules whose trigger is a digit pattern (a leading character class keeps these fast).
TRIGGER_RES: dict[str, re.Pattern[str]] = {
    "iso_date": re.compile(r"\d{4}-\d\d-\d\d"),
    "numeric_date": re.compile(r"\d\.\s?\d"),
    "year": re.compile(r"\d{3}|\d\s*v\.\s?Chr"),
}


def is_triggered(rule: str, text: str, lowered: str) -> bool:
    """True if `text` (and its lower-cased copy) may contain a match of `rule`."""
    regex = TRIGGER_RES.get(rule)
    if regex is not None:
        return regex.search(text) is not None
    return any(word in lowered for word in TRIGGER_WORDS[rule])
