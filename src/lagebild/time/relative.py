"""Parsers for relative, deictic and duration expressions: regex match -> `Spec` list.

Why: "am Vortag", "vor einer Woche", "drei Tage", "21.35 Uhr MEZ" and weekdays say nothing
absolute; their parse only records what the words say, and `resolve` anchors them later.
"""

from __future__ import annotations

import re

from lagebild.time import patterns as P
from lagebild.time.spec import (
    Spec,
    duration_value,
    is_sentence_start,
    mod_value,
    number_value,
    previous_word,
    unit_stem,
    zone_offset,
)


def parse_weekday(m: re.Match[str], text: str) -> list[Spec]:
    pod_word = m["pod"] or m["pod2"]
    pod = P.PARTS_OF_DAY[pod_word.lower()] if pod_word else None
    week = {"vergangener": -1, "letzter": -1, "voriger": -1, "kommender": 1, "nächster": 1,
            "dieser": 0}.get(m["relw"] or "")
    prev = previous_word(text, m.start())
    cue = "future" if prev in ("bis", "ab") else ("past" if prev == "seit" else None)
    return [Spec("weekday", m.start(), m.end(),
                 {"weekday": P.WEEKDAYS[m["wd"].lower()], "pod": pod, "rel": m["rel"],
                  "week": week, "cue": cue})]


def parse_night_to(m: re.Match[str], text: str) -> list[Spec]:
    return [Spec("weekday", m.start(), m.end(),
                 {"weekday": P.WEEKDAYS[m["wd"].lower()], "pod": "NI", "rel": None,
                  "week": None, "cue": None})]


def parse_weekday_set(m: re.Match[str], text: str) -> list[Spec]:
    word = (m["wd"] or m["adv"]).lower().rstrip("s")
    return [Spec("literal", m.start(), m.end(),
                 {"value": f"XXXX-WXX-{P.WEEKDAYS[word]}", "type": "SET", "precision": "day"})]


def parse_deictic(m: re.Match[str], text: str) -> list[Spec]:
    word = m["w"].lower()
    if m["w"] == "Morgen" and not is_sentence_start(text, m.start()):
        return []
    if word == "morgen" and m["pod"] and m["pod"].lower() == "morgen":
        return []
    offset = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}[word]
    pod = P.PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else None
    return [Spec("deictic", m.start(), m.end(), {"offset": offset, "pod": pod, "word": word})]


def parse_anaphor(m: re.Match[str], text: str) -> list[Spec]:
    if m["vortag"]:
        data = {"unit": "day", "offset": -1,
                "pod": "EV" if m["vortag"] == "Vorabend" else None}
    elif m["folgetag"]:
        data = {"unit": "day", "offset": 1}
    elif m["tagdir"]:
        data = {"unit": "day", "offset": -1 if m["tagdir"] in ("zuvor", "davor") else 1}
    elif m["folgejahr"]:
        word = m["folgejahr"]
        unit = "year" if "jahr" in word else "month"
        data = {"unit": unit, "offset": 1 if word.startswith("Folge") else -1,
                "deictic": word.startswith("Vor")}
    elif m["jahrdir"]:
        data = {"unit": "year", "offset": -1 if m["jahrdir"] in ("zuvor", "davor") else 1}
    else:
        det, unit_word = m["det"], m["unit"].rstrip("s").replace("Jahre", "Jahr")
        if det == "neuen" and unit_word != "Jahr":
            return []
        if det == "nächsten" and unit_word in ("Woche", "Monat", "Jahr"):
            return []
        if det in ("diesem", "dieser") and unit_word in ("Woche", "Monat", "Jahr"):
            return []
        offset = 0 if det in ("selben", "gleichen", "diesem", "dieser") else 1
        pod = P.PARTS_OF_DAY.get(unit_word.lower()) if unit_word != "Tag" else None
        unit = {"Woche": "week", "Monat": "month", "Jahr": "year"}.get(unit_word, "day")
        data = {"unit": unit, "offset": offset, "pod": pod}
    return [Spec("anaphor", m.start(), m.end(), data)]


def parse_relative_offset(m: re.Match[str], text: str) -> list[Spec]:
    n = number_value(m["n"])
    sign = -1 if m["dir"].lower() in ("zuvor", "davor", "vorher", "früher") else 1
    return [Spec("offset", m.start(), m.end(),
                 {"n": n, "unit": unit_stem(m["unit"]), "sign": sign, "base": "previous"})]


def parse_ago(m: re.Match[str], text: str) -> list[Spec]:
    n = number_value(m["n"])
    unit = unit_stem(m["unit"])
    if m["prep"].lower() == "nach":  # the preposition is not part of the expression
        return [Spec("offset", m.start("approx") if m["approx"] else m.start("n"), m.end(),
                     {"n": n, "unit": unit, "sign": 1, "base": "previous"})]
    if m["prep"].lower() == "vor":
        return [Spec("offset", m.start(), m.end(),
                     {"n": n, "unit": unit, "sign": -1, "base": "anchor"})]
    return [Spec("offset", m.start(), m.end(),
                 {"n": n, "unit": unit, "sign": 1, "base": "anchor", "in": True,
                  "dur_start": m.start("n") if not m["approx"] else m.start("approx")})]


def parse_duration(m: re.Match[str], text: str) -> list[Spec]:
    unit = unit_stem(m["unit"])
    n = number_value(m["n"])
    mod_word = (m["mod"] or "").lower()
    mod = mod_value(mod_word) if mod_word not in ("nächsten", "letzten", "ersten", "kommenden",
                                             "vergangenen", "nur", "ganze", "ganzen") else None
    return [Spec("literal", m.start(), m.end(),
                 {"value": duration_value(n, unit), "type": "DURATION",
                  "precision": P.UNITS[unit][2], "mod": mod})]


def parse_long_duration(m: re.Match[str], text: str) -> list[Spec]:
    word = (m["unit"] or m["seit"]).lower()
    unit = unit_stem(word)
    return [Spec("literal", m.start(), m.end(),
                 {"value": duration_value(None, unit), "type": "DURATION",
                  "precision": P.UNITS[unit][2]})]


def parse_adj_duration(m: re.Match[str], text: str) -> list[Spec]:
    n = number_value(m["n"])
    unit = {"tägig": "tag", "wöchig": "woche", "monatig": "monat", "stündig": "stunde"}[m["unit"]]
    return [Spec("literal", m.start(), m.end(),
                 {"value": duration_value(n, unit), "type": "DURATION",
                  "precision": P.UNITS[unit][2]})]


def parse_relative_period(m: re.Match[str], text: str) -> list[Spec]:
    rel = re.sub(r"e[nmrs]?$", "", m["rel"].lower())
    unit_word = m["unit"]
    offset = {"kommend": 1, "nächst": 1, "vergangen": -1, "letzt": -1, "vorig": -1,
              "laufend": 0, "dies": 0, "vorletzt": -2}[rel]
    plural = unit_word in ("Wochen", "Monaten", "Monate", "Jahren", "Jahre", "Tagen", "Tage",
                           "Jahrzehnten")
    if plural:
        value = "FUTURE_REF" if offset > 0 else ("PAST_REF" if offset < 0 else "PRESENT_REF")
        return [Spec("reference", m.start(), m.end(), {"value": value})]
    if unit_word == "Wochenende":
        return [Spec("period", m.start(), m.end(), {"unit": "weekend", "offset": offset})]
    unit = unit_stem(unit_word)
    if unit in ("jahrzehnt",):
        return []
    return [Spec("period", m.start(), m.end(), {"unit": unit, "offset": offset})]


def parse_weekend(m: re.Match[str], text: str) -> list[Spec]:
    return [Spec("period", m.start("w"), m.end(), {"unit": "weekend", "offset": None})]


def parse_clock(m: re.Match[str], text: str) -> list[Spec]:
    hour = int(m["h"])
    minute = int(m["m"] or m["m2"] or 0)
    if hour > 24:
        return []
    return [Spec("clock", m.start(), m.end(), {"hour": hour, "minute": minute,
                                               "tz": zone_offset(m["tz"])})]


def parse_part_of_day(m: re.Match[str], text: str) -> list[Spec]:
    word = (m["pod"] or m["adv"]).lower()
    mod = mod_value(m["adj"]) if m["adj"] else None
    return [Spec("pod", m.start(), m.end(), {"pod": P.PARTS_OF_DAY[word], "mod": mod})]


def parse_reference(m: re.Match[str], text: str) -> list[Spec]:
    word = re.sub(r"\s+", " ", m["w"].lower())
    return [Spec("reference", m.start(), m.end(),
                 {"value": P.REFERENCE_WORDS[word], "word": word})]


def parse_present_adj(m: re.Match[str], text: str) -> list[Spec]:
    return [Spec("reference", m.start(), m.end(), {"value": "PRESENT_REF", "adj": True})]


def parse_set(m: re.Match[str], text: str) -> list[Spec]:
    word = re.sub(r"\s+", " ", m["w"].lower())
    value = {"täglich": "P1D", "jeden tag": "P1D", "wöchentlich": "P1W", "jede woche": "P1W",
             "monatlich": "P1M", "jeden monat": "P1M", "jährlich": "P1Y", "alljährlich": "P1Y",
             "jedes jahr": "P1Y", "stündlich": "PT1H", "vierteljährlich": "P3M",
             "halbjährlich": "P6M"}[word]
    return [Spec("literal", m.start(), m.end(), {"value": value, "type": "SET",
                                                 "precision": None})]
