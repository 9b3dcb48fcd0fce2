"""Light tokenisation and sentence splitting for the quote rules.

The quote stage uses the `tokens`/`sentences` layers of the nlp stage when they exist. Without
them it must still work, so this module offers a small regex tokenizer and a sentence splitter
that knows German ordinals ("am 13. Oktober"), abbreviations and quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.document import Document
from lagebild.lang.de.quotes import ABBREVIATIONS, CLOSING_MARKS, MONTHS, OPENING_MARKS

_TOKEN_RE = re.compile(
    r"\d+(?:[.,]\d+)*-[\wÀ-ɏ]+(?:-[\wÀ-ɏ]+)*"  # "23-jährige", "5-Prozent-Hürde"
    r"|\d+(?:[.,:]\d+)*\.?(?=\s+[A-ZÄÖÜa-zäöü])"  # numbers, ordinals like "13."
    r"|\d+(?:[.,:]\d+)*"
    r"|(?:[A-Za-zÄÖÜäöüß]\.){2,}"  # u.a. z.B. S.E.
    r"|[\wÀ-ɏ]+(?:[-'’][\wÀ-ɏ]+|\.[a-zäöü][\wÀ-ɏ]*)*-?"
    r"|[^\s\w]",
    re.UNICODE,
)


@dataclass(frozen=True)
class Tok:
    """One token: text, character offsets, sentence index and optional morphology."""

    text: str
    start: int
    end: int
    sent: int = 0
    pos: str = ""
    morph: str = ""
    lemma: str = ""
    dep: str = ""  # UD relation from the nlp stage ("" without it)
    head: int = -1  # index of the syntactic head in the same token list (-1: unknown/root)

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_punct(self) -> bool:
        return not any(ch.isalnum() for ch in self.text)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split text into (token, start, end) triples."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _is_boundary(toks: list[tuple[str, int, int]], i: int, text: str) -> bool:
    """Does a sentence end after token i?"""
    word, _start, end = toks[i]
    if i + 1 >= len(toks):
        return True
    nxt, nstart, nend = toks[i + 1]
    if "\n" in text[end:nstart]:
        return True
    if word == '"' and nstart == end:
        return False  # a straight quote glued to the next word opens a quotation
    # an ambiguous mark (" “) opens a quotation when preceded by space and glued to a word
    nxt_opens = nxt in OPENING_MARKS and (
        nxt not in CLOSING_MARKS or (nstart > end and text[nend : nend + 1].strip() != "")
    )
    closing_quote = word in CLOSING_MARKS and i > 0 and toks[i - 1][0] in ".!?"
    if word in ".!?" or closing_quote:
        if word in CLOSING_MARKS and nxt in {",", ";"}:
            return False
        if word == "." and i > 0:
            prev = toks[i - 1][0]
            if prev in ABBREVIATIONS or (len(prev) == 1 and prev.isupper()):
                return False
        # Next token in the same paragraph must look like a sentence start.
        if word in ".!?" and nxt in CLOSING_MARKS and not nxt_opens:
            return False
        return nxt[:1].isupper() or nxt[:1].isdigit() or nxt_opens
    if word.endswith(".") and len(word) > 1:
        stem = word[:-1]
        if stem.isdigit() and len(stem) <= 2:
            return nxt[:1].isupper() and nxt not in MONTHS and not nxt[:1].isdigit()
        if stem.isdigit():
            return nxt[:1].isupper()
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` over `text` (paragraph breaks always end a sentence)."""
    toks = tokenize(text)
    spans: list[tuple[int, int]] = []
    begin: int | None = None
    for i, (_w, start, end) in enumerate(toks):
        if begin is None:
            begin = start
        if _is_boundary(toks, i, text):
            spans.append((begin, end))
            begin = None
    return spans


def doc_tokens(doc: Document, *, use_layer_sentences: bool = False) -> list[Tok]:
    """Tokens with sentence indices; POS and morphology from the `tokens` layer if present.

    The rules were written against this module's own tokenisation (quotation marks always
    separate, German ordinals kept), so tokens are always computed here; an nlp `tokens` layer
    only contributes POS, morphology (e.g. ``Mood=Sub``) and lemma for tokens starting at the
    same offset.
    """
    layer_sents = [(s.start, s.end) for s in doc.layer("sentences")]
    sents = layer_sents if use_layer_sentences and layer_sents else split_sentences(doc.text)
    layer = doc.layer("tokens")
    info = {
        a.start: (a.label, str(a.attrs.get("morph", "")), str(a.attrs.get("lemma", "")),
                  str(a.attrs.get("dep", "")), a.attrs.get("head"))
        for a in layer
    }
    raw = [(w, s, e, *info.get(s, ("", "", "", "", None))) for w, s, e in tokenize(doc.text)]
    own = {s: k for k, (_w, s, _e, *_rest) in enumerate(raw)}
    # the layer's head is an index into the layer; map it to this module's tokens by offset
    by_index = {a.attrs.get("i", k): a.start for k, a in enumerate(layer)}
    out: list[Tok] = []
    si = 0
    for w, s, e, pos, morph, lemma, dep, head in raw:
        while si + 1 < len(sents) and s >= sents[si][1]:
            si += 1
        h = -1
        if isinstance(head, int) and head in by_index:
            h = own.get(by_index[head], -1)
        out.append(Tok(w, s, e, si, pos, morph, lemma, dep, h))
    return out
