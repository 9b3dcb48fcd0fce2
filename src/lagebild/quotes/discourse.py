"""Document-level passes over the quotations found sentence by sentence.

News reports spread one statement over several sentences: reported speech continues in
Konjunktiv I ("Es sei aber zu früh …"), hearsay "soll" sentences and quoted sentences without a
frame follow an attributed one, and a later "schrieb Putin weiter" names the speaker of the quote
before it. These passes add such quotations, pass speakers on, and complete cue and addressee
the way the Wikinews quotation corpus annotates them.
"""

from __future__ import annotations

from lagebild.lang.de.quotes import (
    AUDIENCE_NOUNS,
    IMPERSONAL_CUES,
    OPENING_MARKS,
    REPORTED_SPEECH_ACTS,
)
from lagebild.quotes.chunks import chunk_np
from lagebild.quotes.detect import (
    Cue,
    Found,
    Span,
    count_words,
    find_cue,
    find_speaker,
    is_konjunktiv,
    is_reported_kii,
    strip_final,
)
from lagebild.quotes.lexicon import speech_lexicon
from lagebild.quotes.text import Tok

_WEITER = frozenset({"weiter", "fort"})


_CUE_PARTS = frozenset(
    {"davon", "darauf", "dazu", "damit", "darüber", "daran", "dafür", "dagegen", "darum", "als"}
)


def complete_cue(toks: list[Tok], f: Found) -> list[int]:
    """Add the words the corpus counts as part of a cue: "hieß es", "wie … mitteilte",
    "geht davon aus", "wies darauf hin", "bezeichnete … als"."""
    cue = set(f.cue)
    frame = set(f.frame)
    first, last = min(cue), max(cue)
    if first + 1 in frame and toks[first + 1].text == "es":
        cue.add(first + 1)
    if first - 1 in frame and toks[first - 1].lower == "es" and toks[first].lower in {
            "wird", "wurde", "werde", "hieß", "heißt"}:
        cue.add(first - 1)  # "Es wird vermutet, …", "Es hieß, …"
    for k in range(first + 1, last):
        if toks[k].lower == "sich" and k in frame:
            cue.add(k)  # "hat sich … geäußert"
    for k in range(first - 1, max(min(frame) - 1, first - 12), -1):
        if toks[k].lower == "wie" and k in frame:
            cue.add(k)
            break
        if toks[k].text in {",", ";", ":"}:
            break
    for k in range(first + 1, max(frame) + 1):
        if k in frame and toks[k].lower in _CUE_PARTS and (
                k <= last or k == max(frame) or k == last + 1):
            cue.add(k)
    lex = speech_lexicon()
    preps = {_GOVERNED.get(e.lemma) for c in f.cue for e in lex.lookup(toks[c].text)} - {None}
    for k in range(last + 1, min(max(frame) + 1, last + 7)):
        if k in frame and toks[k].lower in preps:
            cue.add(k)  # the preposition the verb governs: "warnte vor", "sprach von"
            break
        if toks[k].text in {",", ":", ";"}:
            break
    return sorted(cue)


_GOVERNED = {"warnen": "vor", "sprechen": "von", "reden": "von", "klagen": "über",
             "hinweisen": "auf", "verweisen": "auf", "appellieren": "an"}


# Verbs whose object is the addressee ("forderte die SPD auf", "warf dem Iran vor").


_ADDRESSING = frozenset(
    {"auffordern", "bitten", "vorwerfen", "vorschlagen", "mitteilen", "raten", "empfehlen",
     "warnen", "informieren", "versichern", "zusichern", "antworten", "ermahnen", "mahnen",
     "beschuldigen", "fragen"}
)


def _appeal(toks: list[Tok], f: Found) -> bool:
    """Is the cue a verb that takes its addressee with "an" ("appellierte an X")?"""
    lex = speech_lexicon()
    if any(e.lemma in _AN_ADDRESSEE for c in f.cue for e in lex.lookup(toks[c].text)):
        return True
    return any(toks[k].lower in {"gewandt", "gerichtet", "wandte", "richtete", "wendet",
                                 "richtet", "appelliert", "appellierte"} for k in f.frame)


_AN_ADDRESSEE = frozenset({"appellieren", "schreiben", "richten", "wenden", "auffordern"})


_DATIVE = frozenset({"dem", "einem", "ihm", "ihr", "ihnen", "seinem", "seiner", "ihrem"})


def find_addressee(toks: list[Tok], f: Found) -> Span | None:
    """Whom the statement is addressed to: "gegenüber X", "sagte der Zeitung", "teilte ihm mit"."""
    frame = set(f.frame)
    if not frame:
        return None
    hi = max(frame) + 1
    for k in sorted(frame):
        if toks[k].lower == "gegenüber" and k + 1 < hi:
            end = chunk_np(toks, k + 1, hi)
            if end is not None:
                return (k + 1, end)
        if toks[k].lower == "mit" and k > 0 and toks[k - 1].lower.startswith("interview"):
            end = chunk_np(toks, k + 1, hi)
            if end is not None:
                return (k + 1, end)
        if toks[k].lower == "an" and k + 1 < hi and _appeal(toks, f):
            end = chunk_np(toks, k + 1, hi)  # "appellierte an die Regierung", "an X gewandt"
            if end is not None:
                return (k + 1, end)
        if toks[k].lower == "vor" and k + 1 < hi:
            end = chunk_np(toks, k + 1, hi, appositions=False)
            if end is not None and toks[end - 1].text in AUDIENCE_NOUNS:
                return (k + 1, end)  # "sagte vor Journalisten", "erklärte vor dem Parlament"
    if any(toks[c].lower in {"wurde", "wurden", "wird", "werden", "worden"} for c in f.cue):
        lo = min(frame)  # passive: "Die Männer werden beschuldigt, …" -- the subject is addressed
        if lo < min(f.cue):
            end = chunk_np(toks, lo, min(f.cue))
            if end is not None and (f.speaker is None or end <= f.speaker[0]):
                return (lo, end)
        return None
    if f.speaker is None:
        return None
    v = min(f.cue)
    s_lo, s_hi = f.speaker
    p = s_hi if s_lo > v else v + 1
    while p < hi and (toks[p].lower in {"sich", "am", "heute", "gestern", "auch", "dazu"}
                      or p in f.cue):
        p += 1
    lex = speech_lexicon()
    addressing = any(e.lemma in _ADDRESSING for c in f.cue for e in lex.lookup(toks[c].text))
    object_np = addressing and p < hi and (toks[p].lower in {"der", "die", "den", "das"} or (
        toks[p].is_cap and toks[p].lower not in {"es", "das", "dies"}))
    if p < hi and p in frame and (
        toks[p].lower in _DATIVE or (s_lo < v and toks[p].lower == "der") or object_np
    ):
        end = chunk_np(toks, p, hi, appositions=False)
        if toks[p].lower in {"ihm", "ihr", "ihnen"}:
            end = p + 1
        if end is not None:
            return (p, end)
    return None


def _speech_act(toks: list[Tok], cue: Cue) -> bool:
    lex = speech_lexicon()
    lemmas = {e.lemma for k in cue.tokens for e in lex.lookup(toks[k].text)}
    return bool(lemmas & REPORTED_SPEECH_ACTS)


def add_reported(
    toks: list[Tok], sents: list[Span], founds: list[Found], covered: set[int]
) -> None:
    """Speech acts without a quoted complement ("Die Polizei sprach von einem Unfall")."""
    taken = {toks[k].sent for f in founds for k in f.quote}
    for si, (lo, hi) in enumerate(sents):
        if si in covered or si in taken or count_words(toks, range(lo, hi)) < 4:
            continue
        cue = find_cue(toks, lo, hi)
        if cue is None or cue.impersonal or not _speech_act(toks, cue):
            continue
        if any(toks[k].text in OPENING_MARKS for k in range(lo, hi)):
            continue  # "nannte die Studie „unseriös“": the quoted words are the quotation
        speaker = find_speaker(toks, lo, hi, cue)
        if speaker is None:
            continue
        founds.append(Found("indirect", "Reported", list(range(lo, hi)), speaker=speaker))
    founds.sort(key=lambda f: f.first)


def add_continuations(
    toks: list[Tok], sents: list[Span], founds: list[Found], covered: set[int]
) -> None:
    """Konjunktiv-I sentences right after reported speech continue it (same speaker)."""
    by_sent: dict[int, Found] = {}
    for f in founds:
        by_sent[toks[max(f.quote)].sent] = f
    last: Found | None = None
    last_sent = -10
    for si, (lo, hi) in enumerate(sents):
        if si in by_sent:
            last, last_sent = by_sent[si], si
            continue
        if si in covered:
            continue
        reported = is_konjunktiv(toks, lo, hi) or is_reported_kii(toks, lo, hi)
        chained = last is not None and si - last_sent == 1
        if not reported and _hearsay(toks, lo, hi) and (chained or _hearsay_perfect(toks, lo, hi)):
            if chained and last is not None and last.form == "FreeIndirect":
                last.quote.extend(range(lo, hi))  # the corpus keeps a hearsay run as one quote
                last_sent = si
                continue
            speaker = last.speaker if last is not None and chained else None
            f = Found("indirect", "FreeIndirect", list(range(lo, hi)), speaker=speaker,
                      inherited=True)
            founds.append(f)
            last, last_sent = f, si
            continue
        if not reported or count_words(toks, range(lo, hi)) < 3:
            continue
        if (last is None or si - last_sent > 1) and si > 0:
            plo, phi = sents[si - 1]
            cue = find_cue(toks, plo, phi)
            speaker = find_speaker(toks, plo, phi, cue) if cue is not None else None
            if speaker is None and is_konjunktiv(toks, lo, hi):
                # Konjunktiv I alone marks reported speech; the source is the most recent
                # speaker in the article, if any
                np_end = chunk_np(toks, plo, phi)
                speaker = (plo, np_end) if np_end is not None else next(
                    (f.speaker for f in reversed(founds) if f.speaker is not None and f.first < lo),
                    None)
            elif speaker is None:
                continue
            last = Found("indirect", "Reported", [plo], speaker=speaker)
            last_sent = si - 1
        if last is not None:
            if last.form == "IndirectFreeIndirect" and last_sent == si - 1:
                last.quote.extend(range(lo, hi))
            else:
                f = Found("indirect", "IndirectFreeIndirect", list(range(lo, hi)),
                          speaker=last.speaker, inherited=True)
                founds.append(f)
                last = f
            last_sent = si
    founds.sort(key=lambda f: f.first)


def _hearsay_perfect(toks: list[Tok], lo: int, hi: int) -> bool:
    """"soll … geholfen haben" / "sollen … getötet worden sein": hearsay, not obligation."""
    end = strip_final(toks, lo, hi)
    return end - lo > 3 and toks[end - 1].lower in {"haben", "sein"} and (
        toks[end - 2].lower.startswith("ge") or toks[end - 2].lower == "worden"
        or toks[end - 2].lower.endswith(("t", "en")))


def _hearsay(toks: list[Tok], lo: int, hi: int) -> bool:
    """Hearsay modal "soll(en)" ("Er soll geholfen haben")."""
    return any(toks[k].lower in {"soll", "sollen"} for k in range(lo, hi))


def _continuation_of(toks: list[Tok], founds: list[Found], i: int) -> Found | None:
    """The next quotation, within two sentences, whose frame says "weiter"/"fort"."""
    f = founds[i]
    for g in founds[i + 1 :]:
        if toks[g.first].sent - toks[max(f.quote)].sent > 2:
            return None
        if g.form == "Reported" or g.first in f.quote:
            continue
        if g.speaker is not None and any(toks[k].lower in _WEITER for k in g.frame):
            return g
        if g.kind == "direct":
            return None
    return None


def inherit_speakers(toks: list[Tok], founds: list[Found]) -> None:
    """Quotes without a speaker take it from the nearest attributed neighbour.

    "„…“, hieß es in dem Telegramm. „…“, schrieb Putin weiter." -- the continuation marker
    makes Putin the speaker of both; the document the first was published in becomes the
    source.
    """
    for i, f in enumerate(founds):
        cont = _continuation_of(toks, founds, i)
        impersonal = bool(f.cue) and toks[f.cue[0]].lower in IMPERSONAL_CUES
        if cont is not None and (impersonal or f.speaker is None):
            if impersonal and f.speaker is not None:
                f.source = f.speaker
            f.speaker, f.inherited = cont.speaker, True
            continue
        if f.speaker is not None or (f.cue and f.kind == "indirect"):
            continue
        prev = next((g for g in reversed(founds[:i]) if g.form != "Reported"), None)
        nxt = founds[i + 1] if i + 1 < len(founds) else None
        if prev is not None and prev.speaker is not None and toks[f.first].sent - toks[
            max(prev.quote)
        ].sent <= 2:
            f.speaker, f.inherited = prev.speaker, True
        elif nxt is not None and nxt.speaker is not None and toks[nxt.first].sent - toks[
            max(f.quote)
        ].sent <= 1:
            f.speaker, f.inherited = nxt.speaker, True
