"""Find German temporal expressions: regex matches -> context-free specs, then overlap pruning.

Why two phases: a match is first *parsed* into a small spec (what the words say, e.g.
"weekday 2, evening"), independent of any anchor. Overlaps are settled on specs (longest
wins, then rule order), and only the surviving specs are *resolved* in text order by
`lagebild.time.resolve`, which needs the running reference date. This module holds the
parsers for absolute expressions and the rule table; relative ones are in `relative`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lagebild.time import patterns as P
from lagebild.time import relative as R
from lagebild.time.spec import (
    Spec,
    duration_value,
    is_aside,
    mod_value,
    pod_code,
    previous_word,
    zone_offset,
)

__all__ = ["RULES", "Spec", "duration_value", "find_specs"]


def _parse_numeric(m: re.Match[str], text: str) -> list[Spec]:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return []
    year = m["y"]
    if year is None and previous_word(text, m.start()) not in {"am", "vom", "bis", "zum", "den",
                                                                "ab", "seit"}:
        return []
    data = {"year": int(year) if year else None, "year2": year is not None and len(year) == 2,
            "month": mo, "day": d}
    if m["hh"] is not None:
        hh, mm = int(m["hh"]), int(m["mm"])
        if hh > 24:
            return []
        data.update(hour=hh, minute=mm)
    return [Spec("abs", m.start(), m.end(), data)]


def _parse_iso(m: re.Match[str], text: str) -> list[Spec]:
    data: dict[str, Any] = {"year": int(m["y"]), "month": int(m["m"]), "day": int(m["d"])}
    if m["hh"]:
        data.update(hour=int(m["hh"]), minute=int(m["mm"]))
    return [Spec("abs", m.start(), m.end(), data)]


def _parse_day_month(m: re.Match[str], text: str) -> list[Spec]:
    month = P.MONTHS[m["mon"].lower()]
    year = int(m["y"]) if m["y"] else None
    bc = bool(m["bc"])
    pod = pod_code(m["pod"]) if m["pod"] else None
    specs = []
    main_start = m.start("d") if m["days"] else m.start()
    if m["days"]:
        for dm in re.finditer(r"([0-3]?\d)\.", m["days"]):
            day = int(dm.group(1))
            s = m.start("days") + dm.start()
            if 1 <= day <= 31:
                specs.append(Spec("abs", s, s + len(dm.group(0)),
                                  {"year": year, "month": month, "day": day, "bc": bc}))
        if m["wd"] or m["pod"]:
            main_start = m.start()
            specs = []
    day = int(m["d"])
    if not 1 <= day <= 31:
        return []
    mod = "APPROX" if m["gegen"] else mod_value(m["podmod"])
    data: dict[str, Any] = {"year": year, "month": month, "day": day, "bc": bc, "pod": pod,
                            "mod": mod, "aside": is_aside(text, main_start),
                            "since": previous_word(text, main_start) == "seit"}
    if m["hh"] is not None and int(m["hh"]) <= 24:
        data.update(hour=int(m["hh"]), minute=int(m["mm"]), tz=zone_offset(m["tz"]))
    specs.append(Spec("abs", main_start, m.end(), data))
    return specs


def _parse_month_year(m: re.Match[str], text: str) -> list[Spec]:
    name = m["mon"].lower()
    year = int(m["y"]) if m["y"] else None
    if year is None and not m["mod"] and name in P.AMBIGUOUS_MONTHS:
        if previous_word(text, m.start()) not in P.MONTH_CUES:
            return []
    if year is None:
        follow = re.match(r"\s*(?:/|und|bis|oder|–|-)\s*(?:[A-ZÄÖÜ][a-zäöü]+)\s+(\d{4})(?!\d)",
                          text[m.end():m.end() + 30])
        data: dict[str, Any] = {"year_hint": int(follow.group(1))} if follow else {}
    else:
        data = {}
    data.update(year=year, month=P.MONTHS[name], bc=bool(m["bc"]), mod=mod_value(m["mod"]),
                aside=is_aside(text, m.start()))
    data["since"] = previous_word(text, m.start()) == "seit"
    if m["rely"] is not None:
        data["year_offset"] = P.RELATIVE_YEAR_WORDS[m["rely"]]
    return [Spec("abs", m.start(), m.end(), data)]


def _parse_year(m: re.Match[str], text: str) -> list[Spec]:
    year = int(m["y"])
    bc = bool(m["bc"])
    if not bc and not (1000 <= year <= 2099):
        return []
    tail = text[m.end():m.end() + 25]
    nxt = re.match(r"\s+([\wäöüÄÖÜß]+)", tail)
    if not bc and nxt and nxt.group(1).lower() in P.COUNT_NOUNS:
        return []
    prev = previous_word(text, m.start())
    plain = not bc and not m["mod"] and not m["jahr"]
    if plain and prev not in P.YEAR_CUES:
        if prev in P.COUNT_CUES - {"und", "als"} and not (nxt and nxt.group(1) in ("bis", "und")):
            return []
        if nxt and nxt.group(1)[0].isupper() and _looks_like_count_list(text, m.start()):
            return []
    # years naming a limit or a digression ("bis 1881", "(1881)") do not move the narrative
    aside = is_aside(text, m.start())
    if not bc and re.match(r"\s*(?:%|Prozent|-mal|mal\b)", tail):
        return []
    if re.search(r"(?:Nr\.|Nummer|Artikel|Paragraph|§|Kapitel|Seite|S\.)\s*$",
                 text[max(0, m.start() - 12):m.start()]):
        return []
    mod = mod_value(m["mod"]) or ("APPROX" if m["approx"] else None)
    return [Spec("abs", m.start(), m.end(),
                 {"year": year, "bc": bc, "mod": mod, "aside": aside})]


def _looks_like_count_list(text: str, pos: int) -> bool:
    """True if other plain numbers precede within the clause ("21 Kreuzer und 1370 Boote")."""
    head = text[max(0, pos - 60):pos]
    head = head[max(head.rfind("."), head.rfind(";")) + 1:]
    return bool(re.search(r"(?<![\d.])\d{1,3}(?:\.\d{3})*\s+[A-ZÄÖÜ]", head))


def _parse_year_part(m: re.Match[str], text: str) -> list[Spec]:
    if m["unit"]:
        data: dict[str, Any] = {"mod": mod_value(m["mod"]), "unit": m["unit"]}
        if m["rely"]:
            data["year_offset"] = P.RELATIVE_YEAR_WORDS[m["rely"]]
        return [Spec("year_rel", m.start(), m.end(), data)]
    if m["compound"]:
        mod = {"jahresende": "END", "jahresbeginn": "START", "jahresanfang": "START",
               "jahresmitte": "MID", "jahreswechsel": "END"}[m["compound"].lower()]
        year = int(m["cy"]) if m["cy"] else None
        return [Spec("year_rel", m.start(), m.end(), {"mod": mod, "year": year})]
    if m["half"]:
        part = "H1" if m["half"] == "ersten" else "H2"
        year = int(m["hy"]) if m["hy"] else None
        return [Spec("year_rel", m.start(), m.end(), {"part": part, "year": year})]
    quarter = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "letzten": 4}[m["q"]]
    year = int(m["qy"]) if m["qy"] else None
    return [Spec("year_rel", m.start(), m.end(), {"part": f"Q{quarter}", "year": year})]


def _parse_season(m: re.Match[str], text: str) -> list[Spec]:
    name = (m["s1"] or m["s2"]).lower()
    if m["pre"] and name == "jahr":
        name, pre = "frühjahr", None
    elif m["pre"] and name == "ling":
        name, pre = "frühling", None
    else:
        pre = m["pre"]
    code = P.SEASONS[name]
    prefix_mod = {"Spät": "END", "Früh": "START", "Hoch": "MID"}.get(pre or "")
    mod = mod_value(m["mod"]) or mod_value(m["adj"]) or prefix_mod
    if m["s2"] == "Sommer" and m["y"] is None and previous_word(text, m.start()) not in {
            "im", "den", "diesen", "des", "der", "letzten", "vergangenen", "kommenden",
            "nächsten", "bis", "seit", "ab", "zum", "vom", "diesem", "jenem", "frühen", "späten"}:
        return []
    year = int(m["y"]) if m["y"] else None
    data = {"season": code, "year": year, "mod": mod, "bc": bool(m["bc"])}
    if m["rely"] is not None:
        data["year_offset"] = P.RELATIVE_YEAR_WORDS[m["rely"]]
    return [Spec("season", m.start(), m.end(), data)]


def _parse_decade(m: re.Match[str], text: str) -> list[Spec]:
    if m["word"]:
        value = f"19{P.DECADE_WORDS[m['word'].lower()]}"
    else:
        num = m["num"]
        if len(num) == 2:
            value = f"19{num[0]}"
        elif len(num) == 4:
            value = num[:3]
        else:
            return []
    return [Spec("literal", m.start(), m.end(),
                 {"value": value, "type": "DATE", "precision": "year", "mod": mod_value(m["mod"])})]


def _parse_century(m: re.Match[str], text: str) -> list[Spec]:
    n = int(m["n"])
    if not 1 <= n <= 21:
        return []
    value = f"BC{n - 1:02d}" if m["bc"] else f"{n - 1:02d}"
    return [Spec("literal", m.start(), m.end(), {"value": value, "type": "DATE",
                                                 "precision": "year"})]


def _parse_holiday(m: re.Match[str], text: str) -> list[Spec]:
    name = re.sub(r"\s+", " ", m["name"].lower())
    return [Spec("holiday", m.start(), m.end(),
                 {"name": name, "year": int(m["y"]) if m["y"] else None})]


def _parse_night_from(m: re.Match[str], text: str) -> list[Spec]:
    month = P.MONTHS[m["mon"].lower()]
    year = int(m["y"]) if m["y"] else None
    return [Spec("abs", m.start(), m.end("d1") + 1, {"year": year, "month": month,
                                                        "day": int(m["d1"]), "pod": "NI"}),
            Spec("abs", m.start("d2"), m.end(), {"year": year, "month": month,
                                                 "day": int(m["d2"])})]


Parser = Callable[[re.Match[str], str], list[Spec]]

# Rule order breaks ties between equally long matches (earlier wins).

RULES: tuple[tuple[str, re.Pattern[str], Parser], ...] = (
    ("iso_date", P.ISO_DATE_RE, _parse_iso),
    ("night_from", P.NIGHT_FROM_RE, _parse_night_from),
    ("day_month", P.DAY_MONTH_RE, _parse_day_month),
    ("holiday", P.HOLIDAY_RE, _parse_holiday),
    ("numeric_date", P.NUMERIC_DATE_RE, _parse_numeric),
    ("anaphor", P.ANAPHORIC_RE, R.parse_anaphor),
    ("relative_offset", P.RELATIVE_OFFSET_RE, R.parse_relative_offset),
    ("relative_period", P.RELATIVE_PERIOD_RE, R.parse_relative_period),
    ("ago", P.AGO_RE, R.parse_ago),
    ("night_to", P.NIGHT_TO_RE, R.parse_night_to),
    ("weekday_set", P.WEEKDAY_SET_RE, R.parse_weekday_set),
    ("weekday", P.WEEKDAY_RE, R.parse_weekday),
    ("decade", P.DECADE_RE, _parse_decade),
    ("century", P.CENTURY_RE, _parse_century),
    ("year_part", P.YEAR_PART_RE, _parse_year_part),
    ("season", P.SEASON_RE, _parse_season),
    ("month_year", P.MONTH_YEAR_RE, _parse_month_year),
    ("year", P.YEAR_RE, _parse_year),
    ("clock", P.CLOCK_RE, R.parse_clock),
    ("deictic", P.DEICTIC_DAY_RE, R.parse_deictic),
    ("part_of_day", P.PART_OF_DAY_RE, R.parse_part_of_day),
    ("weekend", P.WEEKEND_RE, R.parse_weekend),
    ("duration", P.DURATION_RE, R.parse_duration),
    ("long_duration", P.LONG_DURATION_RE, R.parse_long_duration),
    ("adj_duration", P.ADJ_DURATION_RE, R.parse_adj_duration),
    ("reference", P.REFERENCE_RE, R.parse_reference),
    ("present_adj", P.PRESENT_ADJ_RE, R.parse_present_adj),
    ("set", P.SET_RE, R.parse_set),
)

def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            spans.append((pos, pos + len(para)))
        pos += len(para) + 1
    return spans

def find_specs(text: str) -> list[Spec]:
    """All non-overlapping temporal expressions in `text`, parsed, in text order.

    Matches never cross a line break; each rule runs only on paragraphs containing its
    trigger (`patterns.is_triggered`), which keeps the tagger fast on ordinary news text.
    """
    candidates: list[tuple[int, int, int, list[Spec]]] = []
    paragraphs = [(a, b, text[a:b]) for a, b in _paragraphs(text)]
    lowered = [para.lower() for _, _, para in paragraphs]
    whole = text.lower()
    for index, (name, regex, parse) in enumerate(RULES):
        if not P.is_triggered(name, text, whole):
            continue
        for (p_start, p_end, para), low in zip(paragraphs, lowered, strict=True):
            if not P.is_triggered(name, para, low):
                continue
            for match in regex.finditer(text, p_start, p_end):
                if match.end() == match.start():
                    continue
                specs = parse(match, text)
                if specs:
                    start = min(s.start for s in specs)
                    end = max(s.end for s in specs)
                    candidates.append((start, end, index, specs))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Spec] = []
    for start, end, _, specs in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.extend(specs)
    chosen.sort(key=lambda s: (s.start, s.end))
    return chosen
