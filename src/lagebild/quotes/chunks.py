"""Noun-phrase chunking for speaker spans, without a parser.

German capitalises nouns, so a speaker description is found as: optional determiner, a few
lower-case attributive words, one or more capitalised words, then continuations that news
style attaches to a speaker: genitives ("der Sprecher des Präsidialamts"), parentheses
("Franz Josef Jung (CDU)"), place/affiliation phrases ("Sullivan vom Weißen Haus") and
appositions between commas ("der Sicherheitsberater, Jake Sullivan,").
"""

from __future__ import annotations

from lagebild.lang.de.quotes import (
    ADJUNCT_NOUNS,
    DETERMINERS,
    FINITE_AUXILIARIES,
    INTERVENING_ADVERBS,
    KONJUNKTIV_I,
    OPENING_MARKS,
    PREPOSITIONS,
    PRONOUNS,
    SPEAKER_PP_PREPOSITIONS,
)
from lagebild.quotes.lexicon import speech_lexicon
from lagebild.quotes.text import Tok

_ADJ_ENDINGS = ("e", "en", "er", "es", "em", "ische", "ischen")
_NON_HEAD_CAPS = frozenset(
    {"Am", "Im", "In", "Auf", "Nach", "Vor", "Laut", "Bei", "Mit", "Zu", "Zum", "Zur", "Es",
     "Das", "Der", "Die", "Dies", "Diese", "Dieser", "Dabei", "Darüber", "Dazu", "Damit",
     "So", "Wie", "Auch", "Aber", "Und", "Doch", "Ich", "Wir", "Ihr", "Man", "Sie", "Er"}
)


_STRUCTURAL = PREPOSITIONS | INTERVENING_ADVERBS | {
    "offiziell", "zuletzt", "seinerzeit", "bezüglich", "hierzu", "ebenso", "weiterhin",
    "trotzdem", "dennoch", "deswegen", "folglich", "schließlich", "letztlich", "zunächst",
    "kürzlich", "erst", "einst", "mittlerweile", "unterdessen", "derweil", "konkret", "als",
    "ausdrücklich", "hier", "dort", "da", "deutlich", "ähnlich", "wenig", "später", "früher",
    "es", "das", "dies", "dabei", "damit", "daher", "deshalb", "so", "und", "aber", "doch",
    "denn", "zudem", "außerdem", "insgesamt", "bereits", "auch", "nun", "jetzt", "heute",
    "gestern", "wörtlich", "darin", "darauf", "dafür", "dagegen", "darüber", "darum", "davon",
    "dazu", "danach", "demnach", "dementsprechend", "hierbei", "hierin", "wobei", "worin",
    "daneben", "dadurch", "daraus", "darunter", "davor", "zwar", "weder", "entweder", "obwohl",
    "während", "nachdem", "weil", "wenn", "falls", "sobald", "seitdem", "indem", "sofern",
    "obgleich", "bevor", "ehe", "sondern", "allerdings", "gleichwohl", "immerhin",
    "vielmehr", "hingegen", "stattdessen", "ebenfalls", "allein", "lediglich", "nur", "ferner",
    "zuvor", "bislang", "bisher", "aktuell", "derzeit", "momentan", "gegenwärtig", "zurzeit",
    "inzwischen", "gleichzeitig", "anschließend", "daraufhin"}


_NOT_GENITIVE = frozenset({"jeder", "aber", "oder", "immer", "wieder", "weder", "sicher",
                           "später", "früher", "bisher", "ferner", "daher", "vorher", "nachher",
                           "außer", "unser", "euer", "hinter", "unter", "über", "wider", "eher",
                           "mehr", "weiter", "lieber", "jener", "dieser", "seiner", "ihrer",
                           "einer", "keiner", "der", "per"})
_TIME_NOUNS = frozenset(
    {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
     "Oktober", "November", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
     "Samstag", "Sonntag", "Sonnabend", "Woche", "Wochen", "Monat", "Monate", "Monaten", "Jahr",
     "Jahre", "Jahren", "Tag", "Tage", "Tagen", "Abend", "Morgen", "Nacht", "Wochenende"})
_ADVERBIAL_NOUNS = frozenset({"weiteren", "übrigen", "anderen", "ganzen", "allgemeinen"})
_INDEFINITE = frozenset({"einem", "einer", "einen", "eines"})

_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "de", "da", "del", "di", "le", "la",
                             "zu", "ten", "ter", "dos", "du"})


def _is_adj(tok: Tok) -> bool:
    w = tok.text
    if tok.pos in {"VERB", "AUX", "ADV", "ADP", "PRON", "SCONJ", "CCONJ"}:
        return False  # a tagger knows "starben" is no adjective, whatever its ending
    if w[:1].islower() and _is_head(tok):
        return False  # "bildblog.de", "el-Baradei"
    return (
        w[:1].islower()
        and w.endswith(_ADJ_ENDINGS)
        and w not in PREPOSITIONS
        and w not in FINITE_AUXILIARIES
        and w not in DETERMINERS
        and w not in KONJUNKTIV_I
        and not speech_lexicon().lookup(w)
    ) or w[:1].isdigit()


def _is_head(tok: Tok) -> bool:
    w = tok.text
    if tok.is_punct:
        return False
    if not w[:1].isupper():
        # "el-Baradei", "ai-Bericht", "bildblog.de": lower-case start, name-like inside
        return ("-" in w and any(p[:1].isupper() for p in w.split("-")[1:])) or (
            "." in w[1:-1] and w.split(".")[-1] in {"de", "com", "org", "net", "at", "ch"})
    if tok.pos in {"VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ", "PRON"}:
        return False  # capitalised at sentence start, but not a noun
    return not speech_lexicon().lookup(w) or w[:1].isupper()


def _core(toks: list[Tok], i: int, end: int) -> int | None:
    """End (exclusive) of [det] adj* Cap+ starting at i, or None."""
    j = i
    if j < end and toks[j].lower in DETERMINERS:
        j += 1
    n_adj = 0
    while j < end and n_adj < 4 and _is_adj(toks[j]):
        j += 1
        n_adj += 1
    k = j
    while k < end:
        if toks[k].text in OPENING_MARKS:  # quoted name: Die Zeitung „Yemen Observer“
            close = next((m for m in range(k + 1, min(end, k + 8)) if toks[m].is_punct
                          and toks[m].text not in "-."), None)
            if close is None or close == k + 1:
                break
            k = close + 1
            continue
        if k > j and toks[k].lower in _NAME_PARTICLES and k + 1 < end and toks[k + 1].is_cap:
            k += 1  # "Abdalla al Badri", "Ursula von der Leyen"
            continue
        if not (_is_head(toks[k]) or (k > j and toks[k].text == "-")):
            break
        if k == i and (toks[k].text in _NON_HEAD_CAPS or toks[k].lower in _STRUCTURAL
                       or toks[k].lower.endswith(("weise", "lich", "mäß", "end"))):
            return None
        k += 1
    if k == j and n_adj and toks[i].lower in DETERMINERS:
        return j  # nominalised adjective: "der 81-jährige"
    if k > j and all(t.text in _TIME_NOUNS or t.lower in _ADVERBIAL_NOUNS or (
            m == i and m + 1 < k and t.lower.endswith(_ADJ_ENDINGS))
            for m, t in enumerate(toks[j:k], start=j)):
        return None  # "letzten September", "Des Weiteren": adverbials, not noun phrases
    return k if k > j else None


def chunk_np(toks: list[Tok], i: int, end: int, *, appositions: bool = True) -> int | None:
    """End (exclusive) of the speaker NP starting at token i (bounded by `end`), or None."""
    if i >= end:
        return None
    if toks[i].text in PRONOUNS:
        return i + 1
    if toks[i].lower in {"dieser", "diese", "letzterer", "letztere", "ersterer", "erstere"} and (
        i + 1 >= end or not toks[i + 1].is_cap
    ):
        return i + 1
    j = _core(toks, i, end)
    if j is None:
        return None
    while j < end:
        w = toks[j].text
        if w in {"des", "der", "eines", "einer"}:
            k = _core(toks, j, end)
            if k is None:
                break
            j = k
        elif (toks[j - 1].is_cap and toks[j - 1].text.endswith("s") and _is_adj(toks[j])
              and not toks[j].text[:1].isdigit()
              and all(t.is_cap for t in toks[i:j])):
            k = _core(toks, j, end)  # Saxon genitive: "Putins außenpolitischer Berater X"
            if k is None:
                break
            j = k
        elif (toks[j].lower.endswith("er") and _is_adj(toks[j]) and j + 1 < end
              and toks[j + 1].is_cap and toks[j - 1].is_cap and toks[j].lower not in _NOT_GENITIVE):
            k = _core(toks, j, end)  # article-less genitive: "Schätzungen französischer Behörden"
            if k is None:
                break
            j = k
        elif w in {"und", "sowie"} and j + 1 < end and (
            toks[j + 1].lower in DETERMINERS or toks[j + 1].is_cap
        ):
            k = _core(toks, j + 1, end)  # coordination: "Die IADB und der MIF"
            if k is None:
                break
            j = k
        elif w == "(":
            close = next((k for k in range(j + 1, min(end, j + 10)) if toks[k].text == ")"), None)
            if close is None:
                break
            j = close + 1
        elif w in SPEAKER_PP_PREPOSITIONS and j + 1 < end:
            if toks[j + 1].lower in _INDEFINITE or (
                    w in {"in", "bei"} and toks[j + 1].lower in DETERMINERS):
                # "Meier in einem Interview", "Dâmaso in der Zeitung X", "in seiner Rede": an
                # adjunct of the statement; a bare place stays ("das Kartellamt in Bonn")
                break
            k = _core(toks, j + 1, end)
            if k is None or toks[k - 1].text in ADJUNCT_NOUNS:
                break
            j = k
        elif w == "," and appositions and j + 1 < end:
            k = chunk_np(toks, j + 1, end, appositions=False)
            if k is None or k - (j + 1) > 12 or toks[j + 1].text in PRONOUNS:
                break
            after = toks[k].text if k < end else ""
            if after not in {",", ":", ")", "am", "gegenüber"} and k < end:
                break
            j = k
        else:
            break
    return j


def chunk_np_backwards(toks: list[Tok], end: int, start: int) -> int | None:
    """Start of an NP that ends right before `end` (used for "X zufolge")."""
    for i in range(max(start, end - 12), end):
        if toks[i].text in ADJUNCT_NOUNS:
            continue
        if (i > start and toks[i].text[:1].islower() and toks[i].lower not in DETERMINERS
                and toks[i - 1].is_cap and not toks[i - 1].text.endswith("s")):
            continue  # "Am Samstag starben behördlichen Angaben zufolge": no NP opens on a
            # lower-case word right after a noun (bar a Saxon genitive: "Putins engster …")
        if chunk_np(toks, i, end) == end:
            return i
    return None
