"""Put the quote rules together over one document: direct quotes, reported speech, continuations.

Order matters: direct quotes claim their sentences first; reported speech is then looked for in
the remaining sentences (speech-verb frames before reportive phrases, "Dies bestätigte X" after
its statement); the document-level passes in `lagebild.quotes.discourse` then add Konjunktiv-I
continuations, hearsay and speech-act sentences, pass speakers on and complete cues; short quoted
phrases are kept when nested in a quotation or next to a speech verb.
"""

from __future__ import annotations

from lagebild.lang.de.quotes import (
    DETERMINERS,
    FINITE_AUXILIARIES,
    INTERVENING_ADVERBS,
    KONJUNKTIV_I,
    OBLIQUE_DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
)
from lagebild.quotes.chunks import chunk_np
from lagebild.quotes.detect import (
    Found,
    Span,
    complement_ok,
    count_words,
    cue_at,
    find_cue,
    find_quote_marks,
    find_reportive,
    find_speaker,
    strip_final,
)
from lagebild.quotes.discourse import (
    add_continuations,
    add_reported,
    complete_cue,
    find_addressee,
    inherit_speakers,
)
from lagebild.quotes.text import Tok

_CLAUSE_OPENERS = frozenset(
    {"da", "während", "obwohl", "wenn", "nachdem", "weil", "als", "seit", "seitdem", "falls",
     "sobald", "bevor", "ehe", "damit", "indem", "obgleich", "sofern", "um"}
)


def _sentence_ranges(toks: list[Tok]) -> list[Span]:
    ranges: list[Span] = []
    for i, t in enumerate(toks):
        if not ranges or toks[i - 1].sent != t.sent:
            ranges.append((i, i + 1))
        else:
            ranges[-1] = (ranges[-1][0], i + 1)
    return ranges


def _verb_like(tok: Tok) -> bool:
    """A finite-verb guess without a tagger: a lower-case word that is no article,
    preposition, adjective-like form or adverb (POS decides when the nlp stage ran)."""
    if tok.pos:
        return tok.pos in {"VERB", "AUX"}
    w = tok.lower
    return (tok.text[:1].islower() and not tok.is_punct and w not in DETERMINERS
            and w not in PREPOSITIONS and w not in INTERVENING_ADVERBS
            and (w in FINITE_AUXILIARIES or w.endswith(("t", "te", "ten", "en")))
            and not w.endswith(("ische", "ischen", "lichen", "igen")))


def _fronted_object(toks: list[Tok], first: int, np_end: int, hi: int) -> Span | None:
    """Subject after the verb when the intro's first NP is a fronted object.

    "Den Unmut der CDU brachte die Sprecherin X zum Ausdruck: „…“", "Das Angebot lehnt er
    ab: „…“": the NP is followed by a finite verb and then by a subject pronoun, or the
    first NP cannot be nominative, or a masculine nominative "der …" follows the verb while
    the first NP is not masculine.
    """
    if np_end >= hi or not _verb_like(toks[np_end]):
        return None
    post = np_end + 1
    while post < hi and toks[post].lower in {"sich", "auch", "dazu", "nun", "jedoch", "aber",
                                             "deshalb", "daher", "dann"}:
        post += 1
    if post >= hi:
        return None
    if toks[post].text in PRONOUNS and toks[post].lower not in {"man"}:
        return (post, post + 1)
    oblique = toks[first].lower in OBLIQUE_DETERMINERS
    masculine_after = toks[post].lower == "der" and toks[first].lower not in {"der", "ein"}
    if not (oblique or masculine_after):
        return None
    end = chunk_np(toks, post, hi)
    return (post, end) if end is not None else None


def _frame_from_previous(toks: list[Tok], prev: Span, found: Found) -> None:
    """Take cue and speaker from an introducing sentence that ends with a colon."""
    lo, hi = prev
    cue = find_cue(toks, lo, hi - 1, last=True)
    if cue is None:
        return
    found.cue = cue.tokens
    found.frame = list(range(lo, hi))
    found.speaker = find_speaker(toks, lo, hi - 1, cue)


def _direct_quote(
    toks: list[Tok], span: Span, host: Span, marked: set[int]
) -> Found | None:
    a, b = span
    s_lo, s_hi = host
    inner = range(a + 1, b - 1 if b - 1 > a and toks[b - 1].text != toks[a].text else b)
    n_words = count_words(toks, inner)
    end = strip_final(toks, b, s_hi)
    left = [k for k in range(s_lo, a) if k not in marked]
    right = [k for k in range(b, end) if k not in marked]
    frame = left + right
    found = Found("direct", "Direct", list(range(a, b)), frame=frame)
    if count_words(toks, frame) == 0:
        found.frame = []
        return found if n_words >= 2 else None
    cue = speaker = None
    if right and toks[right[0]].text == ",":
        cue = find_cue(toks, right[0] + 1, end)
        if cue is not None:
            speaker = find_speaker(toks, right[0] + 1, end, cue)
    if cue is None and left:
        lhi = a - 1 if toks[a - 1].text in {":", ","} else a
        cue = find_cue(toks, s_lo, lhi, last=True)
        if cue is not None:
            speaker = find_speaker(toks, s_lo, lhi, cue)
        elif toks[a - 1].text == ":":
            # "Die Bewohner des Dorfes sehen alles gelassen: „…“" -- the intro's subject
            first = s_lo + 1 if toks[s_lo].lower in {"so", "auch", "und", "aber"} else s_lo
            np_end = chunk_np(toks, first, a - 1)
            if np_end is not None:
                speaker = _fronted_object(toks, first, np_end, a - 1) or (first, np_end)
            else:  # "In der ARD zeigt sich der Bundestrainer zufrieden: „…“"
                verb = next((k for k in range(first + 1, a - 1) if _verb_like(toks[k])), None)
                if verb is not None:
                    start = verb + 1
                    while start < a - 1 and toks[start].lower in {"sich", "es", "auch", "dazu"}:
                        start += 1
                    np_end = chunk_np(toks, start, a - 1)
                    if np_end is not None:
                        speaker = (start, np_end)
    rep = find_reportive(toks, s_lo, end)
    if rep is not None and rep[1][0] >= b or (rep is not None and rep[1][1] <= a):
        if cue is None and speaker is None:
            found.cue, speaker = rep[0], rep[1]
        elif speaker is None or not (rep[1][0] < speaker[1] and speaker[0] < rep[1][1]):
            found.source = rep[1]
    if cue is not None:
        found.cue = cue.tokens
    found.speaker = speaker
    if found.cue or speaker is not None:
        return found if n_words >= 1 else None
    return found if n_words >= 6 and toks[b - 2].text in {".", "!", "?"} else None


def _indirect(toks: list[Tok], lo: int, hi: int) -> Found | None:
    """Reported speech in one sentence toks[lo:hi] (no direct quote in it)."""
    end = strip_final(toks, lo, hi)
    commas = [k for k in range(lo, end) if toks[k].text in {",", ":"}]
    # 1. trailing "…, wie X mitteilte(, …)"
    for c in commas:
        if c + 1 < end and toks[c + 1].lower == "wie" and c - lo >= 3:
            found = _trailing(toks, lo, c, end, wie=True)
            if found is not None:
                return found
    # 2. leading frame: "X sagte, (dass) …"
    for c in commas:
        cue = find_cue(toks, lo, c)
        if (cue is not None and cue.verb > lo and toks[cue.verb - 1].text == ","
                and c + 1 < end and toks[c + 1].lower in KONJUNKTIV_I | FINITE_AUXILIARIES):
            break  # an inserted frame: "Der Plan, sagte sie, sei gescheitert."
        long_enough = count_words(toks, range(c + 1, end)) >= 2
        if cue is not None and long_enough and complement_ok(toks, c + 1, end):
            found = Found("indirect", "Indirect", list(range(c + 1, end)), cue=cue.tokens,
                          frame=list(range(lo, c + 1)))
            found.speaker = find_speaker(toks, lo, c, cue)
            _add_source(toks, found, lo, c)
            return found
        if cue is not None:
            break
    # 3. trailing frame: "…, sagte X (adjuncts)."
    for c in commas:
        if c - lo >= 1 and c + 1 < end:
            found = _trailing(toks, lo, c, end, wie=False)
            if found is not None:
                return found
    # 4. sentence-initial "Wie X mitteilte, …"
    wie = lo + 1 if toks[lo].lower in {"denn", "und", "aber", "doch"} else lo
    if toks[wie].lower == "wie" and commas:
        c = commas[0]
        cue = find_cue(toks, wie + 1, c)
        if cue is not None:
            np_lo = wie + 1
            while np_lo < cue.verb and toks[np_lo].lower in {"schon", "bereits", "auch"}:
                np_lo += 1
            np_end = chunk_np(toks, np_lo, cue.verb)
            found = Found("indirect", "Indirect", list(range(c + 1, end)), cue=cue.tokens,
                          frame=list(range(lo, c + 1)))
            found.speaker = (np_lo, np_end) if np_end is not None else None
            return found
    # 5. reportive phrase: "laut X", "X zufolge", "nach Angaben der X", "…, so X."
    rep = find_reportive(toks, lo, end)
    if rep is not None:
        cue_idx, speaker, frame = rep
        frame_set = set(frame)
        quote = [k for k in range(lo, end) if k not in frame_set]
        if quote and toks[quote[-1]].text == ",":
            quote.pop()
        if count_words(toks, quote) >= 3:
            return Found("indirect", "Indirect", quote, cue=cue_idx, frame=frame, speaker=speaker)
    return None


def _trailing(toks: list[Tok], lo: int, c: int, end: int, *, wie: bool) -> Found | None:
    """Frame after the comma at c: ", sagte X …" or ", wie X mitteilte"."""
    k = c + 1
    if wie:
        cue = find_cue(toks, k + 1, end)
        if cue is None:
            return None
        np_lo = k + 1
        while np_lo < cue.verb and toks[np_lo].lower in {"schon", "bereits", "auch", "es"}:
            np_lo += 1
        if np_lo < cue.verb and toks[np_lo].lower in {"auf", "in", "im", "bei", "beim", "aus"}:
            np_lo += 1  # "wie es auf einer Pressekonferenz hieß"
        np_end = chunk_np(toks, np_lo, cue.verb)
        speaker = (np_lo, np_end) if np_end is not None else None
        clause_end = next((j for j in range(max(cue.tokens) + 1, end) if toks[j].text == ","), end)
        frame = list(range(c, clause_end))
        quote = list(range(lo, c)) + list(range(clause_end + 1, end))
    else:
        cue = cue_at(toks, k, k, end)
        if cue is None:
            return None
        speaker = find_speaker(toks, k, end, cue)
        if speaker is None and not cue.impersonal:
            return None
        if toks[lo].lower in _CLAUSE_OPENERS:
            return None  # "Da X nicht möglich war, bat er …": adverbial clause + main clause
        frame = list(range(c, end))
        quote = list(range(lo, c))
        after = max([*cue.tokens, speaker[1] - 1 if speaker else k])
        seg_end = next((j for j in range(after + 1, min(end, after + 7)) if toks[j].text == ","),
                       None)
        inserted = seg_end is not None and seg_end + 1 < end and (
            toks[seg_end + 1].lower in KONJUNKTIV_I | FINITE_AUXILIARIES)
        np_end = chunk_np(toks, lo, c)
        if not inserted and np_end is not None and (np_end == c or toks[np_end].text == ","):
            return None  # "Der Direktor, der …, bezeichnet …": a subject NP, not a statement
        if inserted and seg_end is not None:
            # frame inside the statement: "Der Plan, sagte Meier, sei gescheitert."
            frame = list(range(c, seg_end + 1))
            quote += list(range(seg_end + 1, end))
    if count_words(toks, quote) < 3:
        return None
    found = Found("indirect", "Indirect", quote, cue=cue.tokens, frame=frame, speaker=speaker)
    _add_source(toks, found, c, end)
    return found


def _retro_frame(
    toks: list[Tok], sents: list[Span], si: int, covered: set[int]
) -> Found | None:
    """"<statement>. Dies bestätigte X." -- the frame follows in its own sentence."""
    lo, hi = sents[si]
    if si == 0 or si - 1 in covered or hi - lo < 3 or toks[lo].lower not in {"dies", "das"}:
        return None
    end = strip_final(toks, lo, hi)
    cue = cue_at(toks, lo + 1, lo + 1, end)
    if cue is None:
        return None
    speaker = find_speaker(toks, lo + 1, end, cue)
    plo, phi = sents[si - 1]
    quote = list(range(plo, strip_final(toks, plo, phi)))
    if speaker is None or count_words(toks, quote) < 3:
        return None
    return Found("indirect", "Indirect", quote, cue=cue.tokens, frame=list(range(lo + 1, end)),
                 speaker=speaker)


def _add_source(toks: list[Tok], found: Found, lo: int, hi: int) -> None:
    rep = find_reportive(toks, lo, hi)
    if rep is None:
        return
    sp = found.speaker
    if sp is None or not (rep[1][0] < sp[1] and sp[0] < rep[1][1]):
        found.source = rep[1]


def _sentential(toks: list[Tok], a: int, b: int, sent_lo: int) -> bool:
    """Is the quote a statement (not a title, term or scare quote)?"""
    n_words = count_words(toks, range(a, b))
    if any(toks[k].text in {".", "!", "?"} for k in range(a + 1, b)):
        return True
    if a == sent_lo:
        return n_words >= 2
    return toks[a - 1].text in {":", ","} and n_words >= 2


def find_in_tokens(toks: list[Tok], text: str) -> list[Found]:
    """All quotations in a tokenised document, in text order."""
    sents = _sentence_ranges(toks)
    founds: list[Found] = []
    covered: set[int] = set()
    marks = find_quote_marks(toks, text)
    marked = {k for a, b in marks for k in range(a, b)}
    short: list[Span] = []
    for a, b in marks:
        host = (sents[toks[a].sent][0], sents[toks[b - 1].sent][1])
        if not _sentential(toks, a, b, host[0]):
            short.append((a, b))
            continue
        found = _direct_quote(toks, (a, b), host, marked)
        if found is None:
            continue
        si = toks[a].sent
        if not found.frame and si > 0 and toks[sents[si - 1][1] - 1].text == ":":
            _frame_from_previous(toks, sents[si - 1], found)  # "Er sagte:\n„…“"
            covered.add(si - 1)
        founds.append(found)
        covered.update(range(toks[a].sent, toks[b - 1].sent + 1))
    for si, (lo, hi) in enumerate(sents):
        if si in covered:
            continue
        found = _retro_frame(toks, sents, si, covered)
        if found is not None:
            founds.append(found)
            covered.update({si - 1, si})
            continue
        found = _indirect(toks, lo, hi)
        if found is not None:
            founds.append(found)
            covered.add(si)
    founds.sort(key=lambda f: f.first)
    add_continuations(toks, sents, founds, covered)
    add_reported(toks, sents, founds, covered)
    _nested_short(toks, sents, founds, short, marked)
    founds.sort(key=lambda f: f.first)
    inherit_speakers(toks, founds)
    for f in founds:
        if f.cue and not f.inherited and f.addressee is None:
            f.addressee = find_addressee(toks, f)
        if f.cue and f.frame:
            f.cue = complete_cue(toks, f)
    return founds


def _nested_short(
    toks: list[Tok], sents: list[Span], founds: list[Found], short: list[Span], marked: set[int]
) -> None:
    """Short quoted phrases: nested in a quotation (same roles) or next to a speech verb."""
    owners = {k: f for f in list(founds) for k in f.quote}
    framed = {k for f in founds for k in f.frame}
    for a, b in short:
        parent = owners.get(a)
        if parent is not None and b - 1 in set(parent.quote) and parent.form != "Reported":
            # the corpus nests quoted phrases inside reported speech, with the same roles
            founds.append(Found("direct", "Direct", list(range(a, b)), cue=parent.cue,
                                frame=parent.frame, speaker=parent.speaker,
                                source=parent.source, inherited=parent.inherited))
            continue
        words = [toks[k] for k in range(a + 1, b) if not toks[k].is_punct]
        if len(words) >= 2 and all(t.is_cap or t.text[:1].isdigit() for t in words):
            continue  # a title or name: „Grupo Planeta“, „documenta 12“
        if parent is not None or a in framed:
            continue
        if (a > 0 and toks[a - 1].is_cap and toks[a - 1].sent == toks[a].sent
                and a + 1 < b and toks[a + 1].is_cap):
            continue  # a name after its noun: "das Schiff „Aurora“" (not "nannte X „dumm“")
        host = (sents[toks[a].sent][0], sents[toks[b - 1].sent][1])
        found = _direct_quote(toks, (a, b), host, marked)
        if found is None or not found.cue or found.speaker is None:
            continue
        if min(abs(c - a) for c in found.cue) > 30 and min(abs(c - b) for c in found.cue) > 30:
            continue
        founds.append(found)

