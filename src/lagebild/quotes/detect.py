"""Rule-based detection of direct and reported speech with cue, frame and speaker.

Why rules: the only German training data available to the project (Wikinews quotation corpus)
may not be shipped, and news quotation follows a small set of stable surface patterns:

* direct quotes between quotation marks, introduced ("X sagte: „…“") or followed
  ("„…“, sagte X.") by a frame, or standing alone after an attributed quote;
* reported speech with a speech verb and a complement clause ("X sagte, dass …", "…, sagte X."),
  with "wie X mitteilte", or with reportive phrases ("laut X", "X zufolge", "nach Angaben der X",
  ", so X");
* continuation sentences in Konjunktiv I ("Es sei aber zu früh …"), attributed to the speaker of
  the preceding reported speech.

Everything works on `Tok` lists (token index spans); `lagebild.quotes.find_quotes` turns the
result into character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lagebild.lang.de.quotes import (
    ATTITUDE_ADJECTIVES,
    COMPLEMENTIZERS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FINITE_AUXILIARIES,
    IMPERSONAL_CUES,
    INTERVENING_ADVERBS,
    KONJUNKTIV_I,
    KONJUNKTIV_II_REPORTED,
    OBLIQUE_DETERMINERS,
    OPENING_MARKS,
    OPINION_COPULAS,
    OPINION_NOUNS,
    PRONOUNS,
    QUOTE_PAIRS,
    RELATIVES,
    REPORTIVE_NOUN_ENDINGS,
    REPORTIVE_NOUN_PREPOSITIONS,
    REPORTIVE_NOUNS,
    REPORTIVE_POSTPOSITIONS,
    REPORTIVE_PREPOSITIONS,
    SUBORDINATORS,
)
from lagebild.quotes.chunks import chunk_np, chunk_np_backwards
from lagebild.quotes.lexicon import speech_lexicon
from lagebild.quotes.text import Tok

Span = tuple[int, int]  # token indices, end exclusive


@dataclass
class Found:
    """One quotation in token indices."""

    kind: str  # "direct" | "indirect"
    form: str  # corpus-style type: Direct | Indirect | IndirectFreeIndirect
    quote: list[int]  # token indices of the quoted material
    cue: list[int] = field(default_factory=list)
    frame: list[int] = field(default_factory=list)
    speaker: Span | None = None
    source: Span | None = None
    addressee: Span | None = None
    inherited: bool = False  # speaker taken from a neighbouring quote

    @property
    def first(self) -> int:
        return min(self.quote)


@dataclass
class Cue:
    tokens: list[int]
    verb: int  # index of the finite or main verb token
    impersonal: bool = False
    passive: bool = False  # "wurde aufgefordert": the agent is in a von-phrase, if anywhere


# -- speech verbs ----------------------------------------------------------------------------


def cue_at(toks: list[Tok], i: int, lo: int, hi: int) -> Cue | None:
    """The speech-verb cue whose verb is token i (clause toks[lo:hi]), or None."""
    phrasal = _phrasal_cue(toks, i, hi)
    if phrasal is not None:
        return phrasal
    lex = speech_lexicon()
    aux = None
    for k in range(i - 1, max(lo, i - 15) - 1, -1):
        if toks[k].text in {",", ";", ":"}:
            break
        if toks[k].lower in FINITE_AUXILIARIES:
            aux = k
            break
    entries = lex.lookup(toks[i].text)
    if aux is not None:  # "hatte … beschlossen": the participle reading wins
        entries = sorted(entries, key=lambda e: e.finite)
    for entry in entries:
        if toks[i].text[:1].isupper() and (i != lo or (i + 1 < hi and toks[i + 1].text == "Sie")):
            continue  # capitalised: a noun ("Sagen") or an imperative ("Lesen Sie"), not a cue
        infinitive = (entry.finite and aux is not None and toks[aux].lower in _MODAL_AUX
                      and toks[i].lower.endswith("en"))  # "ließ … mitteilen", "will … sagen"
        if entry.finite and not infinitive:
            tokens = [i]
            if i + 1 < hi and toks[i + 1].lower == "sich":
                tokens.append(i + 1)
            if entry.particle:
                # a separable particle closes its clause: "teilte … mit," / "… mit."
                part = next((k for k in range(i + 1, hi) if toks[k].lower == entry.particle
                             and (k + 1 >= hi or toks[k + 1].is_punct)), None)
                if part is None and i > lo and toks[i - 1].lower == entry.particle:
                    part = i - 1  # verb-final, particle written apart: "…, wie X bekannt gab"
                if part is None:
                    continue
                tokens.append(part)
            return Cue(sorted(tokens), i, toks[i].lower in IMPERSONAL_CUES)
        if entry.particle and (i == lo or toks[i - 1].lower != entry.particle):
            continue
        cue = [i - 1, i] if entry.particle else [i]
        if aux is None and i + 1 < hi and toks[i + 1].lower in _PASSIVE_AUX:
            aux = i + 1  # verb-final: "…, dass X aufgefordert wurde"
        if aux is not None:
            cue = [aux, *cue]
        passive = (aux is not None and toks[aux].lower in _PASSIVE_AUX
                   and entry.lemma not in {"zitieren"})  # "wird X zitiert": X is the speaker
        return Cue(sorted(cue), aux if aux is not None else i, passive=passive)
    return None


def _phrasal_cue(toks: list[Tok], i: int, hi: int) -> Cue | None:
    """"ist der Meinung", "zeigte sich (darüber) besorgt", "kam zu dem Schluss" as one cue."""
    if toks[i].lower not in OPINION_COPULAS:
        return None
    for k in range(i + 1, min(hi, i + 6)):
        t = toks[k]
        if t.text in {",", ":", ";"}:
            return None
        if t.text in OPINION_NOUNS and toks[k - 1].lower in {"der", "dem", "zum", "zu"}:
            first = k - 1 if toks[k - 1].lower in {"der", "zum"} else k - 2
            if toks[i].lower.startswith("k") != (toks[k - 1].lower in {"dem", "zum"}):
                return None  # "kam zu dem Schluss" / "ist der Meinung", not mixed
            return Cue(sorted({i, *range(max(first, i + 1), k + 1)}), i)
        if t.lower in ATTITUDE_ADJECTIVES and toks[i].lower.startswith("zeig") and any(
                toks[m].lower == "sich" for m in range(i + 1, k)):
            return Cue([i, k], i)
    return None


_DEMONSTRATIVES = frozenset({"dieser", "diese", "letzterer", "letztere", "ersterer", "erstere"})
_PASSIVE_AUX = frozenset({"wurde", "wurden", "wird", "werden", "worden"})
_SOURCE_PREPOSITIONS = frozenset({"in", "im", "bei", "beim", "auf", "laut", "aus", "von", "vom"})
_MODAL_AUX = frozenset(
    {"ließ", "lässt", "ließen", "lassen", "will", "wollte", "wollen", "kann", "konnte", "muss",
     "musste", "soll", "sollte", "möchte", "wird", "würde", "werde", "werden", "wollten"}
)


def find_cue(toks: list[Tok], lo: int, hi: int, *, last: bool = False) -> Cue | None:
    """First (or last) speech-verb cue in toks[lo:hi], with its particle and auxiliary."""
    order = range(hi - 1, lo - 1, -1) if last else range(lo, hi)
    for i in order:
        cue = cue_at(toks, i, lo, hi)
        if cue is not None:
            return cue
    return None


def _skip_adverbs(toks: list[Tok], i: int, hi: int) -> int:
    while i < hi and toks[i].lower in INTERVENING_ADVERBS:
        i += 1
    return i


def _clause_start(toks: list[Tok], lo: int, v: int) -> int:
    """Start of the clause holding the verb at v: after a comma + subordinator, else lo."""
    for k in range(v - 1, lo - 1, -1):
        if toks[k].text in {";", ":"}:
            return k + 1
        if toks[k].text == ",":
            if k + 1 < v and toks[k + 1].lower in SUBORDINATORS | RELATIVES:
                return k + 2
            break
    if toks[lo].lower in SUBORDINATORS and toks[lo].lower != "als" and lo + 1 < v:
        return lo + 1
    return lo


def find_speaker(toks: list[Tok], lo: int, hi: int, cue: Cue) -> Span | None:
    """Speaker NP for a cue in the clause toks[lo:hi]: subject before or after the verb.

    The surface rules decide, with two corrections: an active "zitieren" makes its object the
    speaker, and when the nlp stage ran, a nominal subject that the parser attaches to the
    cue verb after it replaces a prefield NP the rules took (object-first clauses: "Eine
    Verschiebung bezeichnete Conze als fatal"). The parse is only a hint (LAS ≈ 0.72): it
    never adds a speaker the rules did not find.
    """
    found = _speaker_rules(toks, lo, hi, cue)
    if found is not None and found[1] <= cue.verb and _quoting(toks, cue):
        # "Die Zeitung zitiert den Minister (mit den Worten) …": the quoted one speaks
        start = _skip_adverbs(toks, cue.verb + 1, hi)
        end = chunk_np(toks, start, hi, appositions=False) if start < hi else None
        if end is not None and toks[start].lower not in {"aus", "in", "im"}:
            return (start, end)
    subj = None if cue.passive else _parsed_subject(toks, lo, hi, cue)
    if subj is None or found is None or found[0] <= subj < found[1]:
        return found
    if found[1] <= cue.verb < subj and not any(
            toks[m].dep == "nsubj" for m in range(found[0], found[1])):
        return _np_around(toks, subj, lo, hi)  # fronted object, subject after the verb
    return found


def _document_source(toks: list[Tok], lo: int, hi: int) -> Span | None:
    """The text a passive statement comes from: "In einer Presseerklärung wurde gefordert"."""
    for k in range(lo, hi):
        if toks[k].lower in {"in", "im"} and k + 1 < hi:
            end = chunk_np(toks, k + 1, hi)
            if end is not None and (_reportive_head(toks, k + 1, end)
                                    or toks[end - 1].text in DOCUMENT_NOUNS):
                return (k + 1, end)
    return None


def _quoting(toks: list[Tok], cue: Cue) -> bool:
    """Is the cue an active form of "zitieren" (its object is the speaker)?"""
    return not cue.passive and any(
        e.lemma == "zitieren" for e in speech_lexicon().lookup(toks[cue.verb].text))


def _parsed_subject(toks: list[Tok], lo: int, hi: int, cue: Cue) -> int | None:
    """Index of the nominal subject the dependency parse attaches to a cue token, if any."""
    heads = set(cue.tokens)
    for k in range(lo, hi):
        t = toks[k]
        if t.dep == "nsubj" and t.head in heads and (t.pos in {"NOUN", "PROPN", "PRON"}):
            if t.pos == "PRON" and t.text not in PRONOUNS:
                continue  # relative/demonstrative pronouns: let the rules decide
            return k
    return None


def _np_around(toks: list[Tok], k: int, lo: int, hi: int) -> Span:
    """The speaker NP containing token k: the longest chunk that starts at most 8 tokens
    before it and covers it, else k with its left determiners, adjectives and compounds."""
    for i in range(max(lo, k - 8), k + 1):
        if toks[i].is_punct or (i < k and toks[i].text in PRONOUNS):
            continue
        end = chunk_np(toks, i, hi)
        if end is not None and end > k and all(
                toks[m].text not in {",", ";", ":"} for m in range(i, k)):
            return (i, end)
    start = k
    while start > lo and toks[start - 1].head == k and toks[start - 1].dep in {
            "det", "amod", "compound", "flat", "nmod:poss", "det:poss"}:
        start -= 1
    return (start, k + 1)


def _relative_subject(toks: list[Tok], lo: int, plo: int, v: int) -> Span | None:
    """The relative pronoun as speaker: "…, der am Montag sagte, …" (corpus convention).

    Only nominative-capable pronouns, and only when no noun phrase stands between the
    pronoun and the verb ("…, die Schröder erklärt hatte" has its own subject).
    """
    r = plo - 1
    if r <= lo or toks[r - 1].text != "," or toks[r].lower not in {"der", "die", "welcher",
                                                                  "welche"}:
        return None
    if plo < v and (toks[plo].is_cap or toks[plo].text in PRONOUNS
                    or toks[plo].lower in DETERMINERS):
        return None
    return (r, r + 1)


def _speaker_rules(toks: list[Tok], lo: int, hi: int, cue: Cue) -> Span | None:
    """Speaker by surface rules only (see `find_speaker`)."""
    v = cue.verb
    if cue.passive:
        # the agent phrase nearest to the participle: "wurde die Regierung vom LSVD aufgefordert"
        part = max(cue.tokens)
        agents = [k for k in range(lo, hi) if toks[k].lower in {"von", "vom"}]
        agent = min(agents, key=lambda k: (k > part, abs(part - k))) if agents else None
        if agent is None:
            return _document_source(toks, lo, hi)
        end = chunk_np(toks, agent + 1, hi)
        return (agent + 1, end) if end is not None else None
    if v + 1 < hi and toks[v + 1].text in PRONOUNS and toks[v + 1].lower != "sie":
        return (v + 1, v + 2)
    plo = _clause_start(toks, lo, v)
    rel = _relative_subject(toks, lo, plo, v)
    if rel is not None:
        return rel
    while plo < v - 1 and toks[plo].lower in {"auch", "doch", "aber", "so", "und", "nun"}:
        plo += 1
    pend = v
    while pend > plo and (
        toks[pend - 1].lower in INTERVENING_ADVERBS or toks[pend - 1].text == ","
    ):
        pend -= 1
    if pend > plo:
        end = chunk_np(toks, plo, pend)
        subordinate = plo > lo  # verb-final clause: the subject follows the conjunction
        if end is not None and (end == pend or subordinate or toks[end].text in {",", "(", "–"}):
            if subordinate or toks[plo].lower not in OBLIQUE_DETERMINERS:
                return (plo, end)
            after = _subject_after(toks, v, hi, cue)  # "Den Vorschlag lehnte der Minister ab"
            if after is not None:
                return after
            return (plo, end)
    if pend > plo and toks[pend - 1].text not in {",", "(", ")"}:
        # "…, und die Hongkonger befürchten, …": the NP right before a verb-second verb
        before = chunk_np_backwards(toks, pend, plo)
        if before is not None and before > plo and toks[before - 1].lower in {"und", "aber"}:
            return (before, pend)
    start = _skip_adverbs(toks, v + 1, hi)
    if cue.impersonal and start < hi and toks[start].text != "es":
        end = chunk_np(toks, start, hi)  # "verlautete der Kreml": a real subject
        if end is not None:
            return (start, end)
    if cue.impersonal:
        if start < hi and toks[start].text == "es":
            start = _skip_adverbs(toks, start + 1, hi)
        if start < hi and toks[start].lower in _SOURCE_PREPOSITIONS:
            end = chunk_np(toks, start + 1, hi)
            return (start + 1, end) if end is not None else None
        if pend > plo + 1 and toks[plo].lower in _SOURCE_PREPOSITIONS:
            end = chunk_np(toks, plo + 1, pend)  # "Aus EU-Kreisen verlautete, …"
            return (plo + 1, end) if end is not None else None
        return None
    later = [c for c in cue.tokens if c > start]
    limit = min([hi, *later])
    end = chunk_np(toks, start, limit)
    if end is not None:
        return (start, end)
    if v > plo and (toks[v - 1].lower in {"und", "sowie"} or toks[v - 1].text == ","):
        # coordinated predicate: "X stellte die Arbeit ein und empfahl, …"
        first = _skip_adverbs(toks, plo, v)
        end = chunk_np(toks, first, v)
        if end is not None:
            return (first, end)
    return _prefield(toks, lo, plo, pend)


def _prefield(toks: list[Tok], lo: int, plo: int, pend: int) -> Span | None:
    """The whole prefield of a verb-second clause when it opens like a noun phrase.

    German puts exactly one constituent before the finite verb. When no subject follows the
    verb and the prefield starts like an NP the chunker could not finish ("Die Organisation
    Ärzte ohne Grenzen teilte mit", "Einer der Putschisten, X, ergänzte"), it is the speaker.
    """
    if plo != lo or pend - plo < 2 or pend - plo > 15:
        return None
    first = toks[plo]
    if not (first.lower in DETERMINERS or first.lower in _PRONOMINAL_HEADS or (
            first.is_cap and chunk_np(toks, plo, pend) is not None)):
        return None
    if not any(t.is_cap and t.lower not in DETERMINERS for t in toks[plo + 1:pend]):
        return None
    if any(t.text in OPENING_MARKS or t.text in {":", ";"} or t.lower in COMPLEMENTIZERS
           or t.lower in FINITE_AUXILIARIES for t in toks[plo:pend]):
        return None
    return (plo, pend)


_PRONOMINAL_HEADS = frozenset({"einer", "eine", "eines", "keiner", "jeder", "jede", "viele",
                               "einige", "beide", "alle", "mehrere", "teile"})


def _subject_after(toks: list[Tok], v: int, hi: int, cue: Cue) -> Span | None:
    """The NP right after a verb-second verb (object-first clause), or None."""
    start = _skip_adverbs(toks, v + 1, hi)
    if start >= hi or toks[start].lower in OBLIQUE_DETERMINERS:
        return None
    if toks[start].text in PRONOUNS:
        return (start, start + 1)
    later = [c for c in cue.tokens if c > start]
    end = chunk_np(toks, start, min([hi, *later]))
    return (start, end) if end is not None else None


# -- direct quotes ---------------------------------------------------------------------------


def find_quote_marks(toks: list[Tok], text: str) -> list[Span]:
    """Spans of quotation-mark pairs (inclusive of the marks); unclosed ones end at paragraph."""
    spans: list[Span] = []
    i = 0
    n = len(toks)
    while i < n:
        w = toks[i].text
        if w in OPENING_MARKS and not (w == '"' and i + 1 < n and toks[i + 1].start > toks[i].end):
            closers = QUOTE_PAIRS[w]
            j = i + 1
            while j < n:
                if "\n" in text[toks[j - 1].end : toks[j].start]:
                    break
                if toks[j].text in closers and j > i + 1:
                    break
                if toks[j].text in OPENING_MARKS and toks[j].text == w and w != '"':
                    break
                j += 1
            gap = text[toks[j - 1].end : toks[j].start] if j < n else "\n"
            if j < n and toks[j].text in closers and "\n" not in gap:
                spans.append((i, j + 1))
                i = j + 1
                continue
            spans.append((i, j))  # unclosed: up to the break
            i = j
            continue
        i += 1
    return spans


def count_words(toks: list[Tok], idx: list[int] | range) -> int:
    """Number of non-punctuation tokens among `idx`."""
    return sum(1 for k in idx if not toks[k].is_punct)


# -- reportive phrases -----------------------------------------------------------------------


def find_reportive(toks: list[Tok], lo: int, hi: int) -> tuple[list[int], Span, list[int]] | None:
    """A "laut X" / "X zufolge" / "nach Angaben X" / ", so X" phrase: (cue, speaker, frame)."""
    for i in range(lo, hi):
        w = toks[i].text
        lw = w.lower()
        if lw in REPORTIVE_PREPOSITIONS:
            end = chunk_np(toks, i + 1, hi)
            if end is not None:
                return [i], (i + 1, end), list(range(i, end))
        if lw in REPORTIVE_POSTPOSITIONS:
            start = chunk_np_backwards(toks, i, lo)
            if start is not None:
                return [i], (start, i), list(range(start, i + 1))
        if w in REPORTIVE_NOUN_PREPOSITIONS and i + 1 < hi:
            end = chunk_np(toks, i + 1, hi)
            if end is not None and _reportive_head(toks, i + 1, end):
                return [i], (i + 1, end), list(range(i, end))
        if lw == "nach" and i > lo and toks[i - 1].is_cap:
            start = chunk_np_backwards(toks, i, lo)
            if start is not None and _reportive_head(toks, start, i):
                return [i], (start, i), list(range(start, i + 1))
        if lw == "so" and i > lo and toks[i - 1].text == "," and i + 1 < hi and (
            toks[i + 1].is_cap or toks[i + 1].lower in DETERMINERS | _DEMONSTRATIVES
            or toks[i + 1].text in PRONOUNS
        ):
            end = chunk_np(toks, i + 1, hi)
            after = _skip_adverbs(toks, end, hi) if end is not None else hi
            if end is not None and (after >= hi or toks[after].text in {",", ".", ";", "–"}
                                    or toks[after].lower in {"gegenüber", "in", "im", "bei"}):
                return [i], (i + 1, end), list(range(i - 1, after))
        if lw == "demnach" and i == lo:
            return [i], (i, i + 1), [i]
    return None


def _reportive_head(toks: list[Tok], lo: int, hi: int) -> bool:
    """Is the NP toks[lo:hi] headed by a reportive noun ("nach Grupps Meinung")?

    The head is the last capitalised word before the first genitive/prepositional attribute.
    """
    heads = []
    for k in range(lo, hi):
        if heads and (toks[k].lower in {"des", "der", "von", "vom", "für", "aus", "im", "in",
                                        "zu", "zur", "zum", "auf", "über"}
                      or toks[k].text[:1].islower()):
            break  # a genitive or prepositional attribute follows the head
        if toks[k].is_cap and toks[k].lower not in DETERMINERS:
            heads.append(toks[k])
    # the head is the last capitalised word before the attribute, or the first one when a
    # name follows it ("nach Auffassung Österreichs")
    return any(h.text in REPORTIVE_NOUNS or h.lower.endswith(REPORTIVE_NOUN_ENDINGS)
               for h in heads[:1] + heads[-1:])


def is_konjunktiv(toks: list[Tok], lo: int, hi: int) -> bool:
    """Does the clause contain a finite verb in Konjunktiv I (or a reported-speech KII)?"""
    for k in range(lo, hi):
        t = toks[k]
        present_subjunctive = "Mood=Sub" in t.morph and "Tense=Pres" in t.morph
        if present_subjunctive and t.text not in KONJUNKTIV_II_REPORTED:
            return True
        if t.text in KONJUNKTIV_I:
            prev = toks[k - 1].lower if k > lo else ""
            if prev in {"ich", "ja"} or (k + 1 < hi and toks[k + 1].lower == "ich"):
                continue
            return True
    return False


def is_reported_kii(toks: list[Tok], lo: int, hi: int) -> bool:
    return any(toks[k].text in KONJUNKTIV_II_REPORTED for k in range(lo, hi))


_ZU_INFINITIVE = re.compile(
    r"^(ab|an|auf|aus|bei|ein|fest|fort|her|hin|mit|nach|vor|weg|zurück|dar|heraus|hinaus|"
    r"vorbei|wieder|zusammen|frei|offen|bekannt|klar|kennen|teil|statt|stand)zu[a-zäöüß]{3,}en$"
)


def complement_ok(toks: list[Tok], lo: int, hi: int) -> bool:
    """Can toks[lo:hi] be the reported content after "X sagte,"? (dass-clause, Konjunktiv,
    zu-infinitive)."""
    if lo >= hi:
        return False
    if toks[lo].lower in COMPLEMENTIZERS:
        return True
    if is_konjunktiv(toks, lo, hi) or is_reported_kii(toks, lo, hi):
        return True
    # zu-infinitive: "…, den Giftmüll zu entsorgen", "…, kurzfristig zurückzutreten"
    for k in range(lo, hi):
        w = toks[k].lower
        nxt = toks[k + 1].text if k + 1 < hi else ""
        if w == "zu" and nxt[:1].islower() and nxt.endswith("n"):
            return True
        if _ZU_INFINITIVE.match(w):
            return True
    return False


_FINAL = frozenset({".", "!", "?", ";"})


def strip_final(toks: list[Tok], lo: int, hi: int) -> int:
    """End of toks[lo:hi] without the sentence-final punctuation."""
    while hi > lo and toks[hi - 1].text in _FINAL:
        hi -= 1
    return hi
