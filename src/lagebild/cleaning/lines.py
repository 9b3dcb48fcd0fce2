"""Split raw article text into lines with offsets, and measure each line's layout features.

Plain text copied from web pages keeps one block per line: headline, paragraphs, player
controls, each on its own line. Classifying lines (not sentences) matches that structure and
keeps every removed stretch addressable as a span on the raw text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lagebild.lang.de.boilerplate import ICON_TOKEN_RE, READER_ADDRESS_RE
from lagebild.lang.de.pubdate import HEADER_DATE_RE
from lagebild.lang.de.stopwords import STOPWORDS

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_END_RE = re.compile(r"""[.!?…:]["'“”»«)\]]*$""")
_CONTINUATION_RE = re.compile(r"[a-zäöüß(]")
_QUESTION_RE = re.compile(r"""\?["'“”»«)\]]*$""")
_INNER_END_RE = re.compile(r"[.!?]\s+\S")


@dataclass(frozen=True)
class Line:
    """One non-empty line of the raw text; `start`/`end` bound the trimmed text in raw_text."""

    index: int
    start: int
    end: int
    text: str
    header_date: bool = False  # the " date YYYY-MM" prefix of the dump format
    blank_before: bool = False  # a blank line separates it from the line above


@dataclass(frozen=True)
class LineFeatures:
    """Layout features of one line, the classifier's input besides cue patterns."""

    chars: int
    words: int
    stop_density: float  # share of words that are German function words
    alpha_ratio: float  # share of characters that are letters
    digit_ratio: float
    upper_ratio: float  # share of words written in capitals only (ABONNIEREN)
    ends_sentence: bool  # ends with . ! ? : … (closing quotes/brackets may follow)
    question: bool  # ends with ? and has no other sentence end inside
    reader_address: bool  # formal "Sie/Ihnen" mid-sentence
    icon_tokens: int  # play_arrow-style tokens


def split_lines(raw: str) -> list[Line]:
    """Non-empty lines of `raw` with trimmed offsets, ready for classification.

    The dump-format header date becomes its own line. Lines broken inside a sentence are
    joined again (their `text` then has a space where the raw text has a line break):
    a whole hard-wrapped text is split at blank lines instead, and elsewhere a line that
    continues in lower case, as in "... Katastrophenhilfe / (BBK) erstmalig ...", is joined
    to the line before it.
    """
    pieces = _raw_pieces(raw)
    if pieces and not pieces[0].header_date and _is_hard_wrapped(pieces):
        pieces = _join(pieces, lambda prev, cur: not cur.blank_before)
    else:
        pieces = _join(pieces, _continues)
    return [Line(i, p.start, p.end, p.text, p.header_date, p.blank_before)
            for i, p in enumerate(pieces)]


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    text: str
    header_date: bool = False
    blank_before: bool = False


def _raw_pieces(raw: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    pos = 0
    blank = False
    for chunk in raw.splitlines(keepends=True):
        line_start = pos
        pos += len(chunk)
        body = chunk.rstrip("\r\n")
        text = body.strip()
        if not text:
            blank = True
            continue
        start = line_start + len(body) - len(body.lstrip())
        match = HEADER_DATE_RE.match(body) if not pieces else None
        if match:
            date_text = match.group(0).strip()
            d_start = line_start + body.index(date_text)
            pieces.append(_Piece(d_start, d_start + len(date_text), date_text, True))
            rest = body[match.end():].strip()
            if rest:
                r_start = line_start + body.index(rest, match.end())
                pieces.append(_Piece(r_start, r_start + len(rest), rest))
        else:
            pieces.append(_Piece(start, start + len(text), text, blank_before=blank))
        blank = False
    return pieces


def _continues(prev: _Piece, cur: _Piece) -> bool:
    """`cur` carries on the sentence of `prev`.

    No blank line between them, `prev` is a sentence start (four words or more, some function
    words, no final punctuation) and `cur` starts in lower case with more than one word.
    """
    if cur.blank_before or prev.header_date or _SENTENCE_END_RE.search(prev.text):
        return False
    if not _CONTINUATION_RE.match(cur.text) or len(_WORD_RE.findall(cur.text)) < 2:
        return False
    if ICON_TOKEN_RE.search(cur.text):
        return False
    words = [w.lower() for w in _WORD_RE.findall(prev.text)]
    return len(words) >= 4 and any(w in STOPWORDS for w in words)


def _join(pieces: list[_Piece], joins: Callable[[_Piece, _Piece], bool]) -> list[_Piece]:
    out: list[_Piece] = []
    for piece in pieces:
        if out and joins(out[-1], piece):
            prev = out[-1]
            out[-1] = _Piece(prev.start, piece.end, f"{prev.text} {piece.text}", prev.header_date,
                             prev.blank_before)
        else:
            out.append(piece)
    return out


def _is_hard_wrapped(pieces: list[_Piece]) -> bool:
    """Most lines that run on into a next line have about the same length (a wrap column)."""
    running = [len(p.text) for p, nxt in zip(pieces, pieces[1:], strict=False)
               if not nxt.blank_before]
    if len(running) < 5:
        return False
    median = sorted(running)[len(running) // 2]
    near = sum(1 for n in running if 0.75 * median <= n <= 1.1 * median)
    return median >= 40 and near >= 0.8 * len(running)


def measure_line(text: str) -> LineFeatures:
    """Compute the layout features of one trimmed line."""
    words = _WORD_RE.findall(text)
    n_words = len(words)
    n_chars = len(text)
    letters = sum(ch.isalpha() for ch in text)
    stop = sum(1 for w in words if w.lower() in STOPWORDS)
    upper = sum(1 for w in words if len(w) > 1 and w.isupper())
    return LineFeatures(
        chars=n_chars,
        words=n_words,
        stop_density=stop / n_words if n_words else 0.0,
        alpha_ratio=letters / n_chars if n_chars else 0.0,
        digit_ratio=len(_DIGIT_RE.findall(text)) / n_chars if n_chars else 0.0,
        upper_ratio=upper / n_words if n_words else 0.0,
        ends_sentence=bool(_SENTENCE_END_RE.search(text)),
        question=bool(_QUESTION_RE.search(text)) and not _INNER_END_RE.search(text),
        reader_address=bool(READER_ADDRESS_RE.search(text)),
        icon_tokens=len(ICON_TOKEN_RE.findall(text)),
    )


def normalise_line(text: str) -> str:
    """Key for repetition counts: case- and digit-insensitive, whitespace collapsed."""
    return " ".join(_DIGIT_RE.sub("0", text.lower()).split())
