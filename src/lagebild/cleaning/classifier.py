"""Line classifier for German web residue in plain-text articles: body, boilerplate or meta.

trafilatura cleans HTML but removes nothing from plain text, and text dumps of news pages keep
ads, newsletter boxes, player controls, comment notices and teasers as lines of their own. The
classifier works in two passes, as jusText does, plus a learned check:

1. Each line on its own: cue patterns (`lagebild.lang.de.boilerplate`), layout features
   (length, stop-word density, sentence punctuation, icon tokens), repetition across documents
   of the same source and within the document. Lines are *residue*, *good* (prose), or *short*.
2. Context: lines next to a residue box (sign-up form, consent or comment notice) join it
   when they carry cues; lines above the first good line are the header (kicker, title,
   section, date, byline: metadata); short lines between good ones are crossheads and stay in
   the body unless a cue speaks against them; lines after the last good line that does not
   address the reader ("Bitte deaktivieren Sie ...") are page furniture.
3. A statistical second opinion (`lagebild.cleaning.model`, logistic regression over
   `lagebild.cleaning.features`) may turn a line the rules kept into boilerplate; sentences and
   crossheads only if the line also shows a residue sign of its own.

It is biased towards keeping text: a body sentence lost is worse than a stray button label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from lagebild.cleaning.features import DocContext, has_residue_evidence, line_vector
from lagebild.cleaning.lines import Line, LineFeatures, measure_line, normalise_line
from lagebild.cleaning.model import LineModel, default_model
from lagebild.cleaning.textmeta import header_role
from lagebild.lang.de.boilerplate import (
    CUE_PATTERNS,
    DOMAIN_LINE_RE,
    LINE_PATTERNS,
    PHRASE_PATTERNS,
    TICKER_ENTRY_RE,
)

BODY, BOILERPLATE, META = "body", "boilerplate", "meta"
_QUOTE_RE = re.compile(r"[„“”\"»«]")
_ALWAYS_PHRASES = ("credit", "player")
_MAX_SHORT_LINE = 300  # whole-line patterns describe short UI strings; skip them on long lines


@dataclass(frozen=True)
class LineLabel:
    """Decision for one line: `label` is body/boilerplate/meta, `reason` says why or what role."""

    label: str
    reason: str


class LineClassifier:
    """Classify the lines of one plain-text article (see module docstring)."""

    def __init__(
        self,
        *,
        min_good_words: int = 5,
        long_line_words: int = 20,
        min_stop_density: float = 0.15,
        max_phrase_line_words: int = 40,
        use_model: bool = True,
        model: LineModel | None = None,
    ) -> None:
        self.min_good_words = min_good_words
        self.long_line_words = long_line_words
        self.min_stop_density = min_stop_density
        self.max_phrase_line_words = max_phrase_line_words
        self.use_model = use_model
        self.model = model

    def get_config(self) -> dict[str, object]:
        config = dict(vars(self))
        config["model"] = "custom" if self.model is not None else "default"
        return config

    def _line_model(self) -> LineModel | None:
        if not self.use_model:
            return None
        if self.model is None:
            self.model = default_model()
        return self.model

    # -- pass 1 ----------------------------------------------------------------------------
    def is_good(self, feat: LineFeatures, *, german: bool = True) -> bool:
        """Prose-like: a full sentence of some length with function words."""
        min_stop = self.min_stop_density if german else 0.0
        if feat.stop_density < min_stop or feat.alpha_ratio < 0.5:
            return False
        if feat.ends_sentence and feat.words >= self.min_good_words:
            # a lone short question is a headline or crosshead ("Worum geht es?")
            return not (feat.question and feat.words <= 12)
        return feat.words >= self.long_line_words and feat.stop_density >= min_stop + 0.05

    def residue_reason(
        self,
        line: Line,
        feat: LineFeatures,
        *,
        repeated: frozenset[str] = frozenset(),
        outlet_names: frozenset[str] = frozenset(),
        german: bool = True,
    ) -> str | None:
        """Why this line is page residue on its own evidence, or None.

        "repeated" and "symbols" are soft reasons: in crosshead position the line stays.
        """
        text = line.text
        if line.header_date or header_role(text) in ("date", "author", "agency"):
            return None
        if len(text) <= _MAX_SHORT_LINE:
            for reason, regex in LINE_PATTERNS.items():
                if regex.fullmatch(text):
                    return reason
        if DOMAIN_LINE_RE.fullmatch(text) or normalise_line(text) in outlet_names:
            return "outlet"
        if feat.icon_tokens:
            return "player"
        phrase_hits = _hits(PHRASE_PATTERNS, text)
        for reason in _ALWAYS_PHRASES:
            if phrase_hits[reason]:
                return reason
        cue_hits = _hits(CUE_PATTERNS, text)
        cues = sum(cue_hits.values()) + int(feat.reader_address)
        good = self.is_good(feat, german=german)
        if phrase_hits:
            # A phrase decides a fragment; prose needs more evidence (it may quote the phrase).
            weight = 2 * sum(phrase_hits.values()) + cues
            if (not good and feat.words <= self.max_phrase_line_words) or weight >= 3:
                return phrase_hits.most_common(1)[0][0]
        dense = cues >= 4 and cues >= 0.15 * feat.words  # e.g. a row of share buttons
        if cues >= 2 and (dense or not good):
            return cue_hits.most_common(1)[0][0] if cue_hits else "service"
        if not good and normalise_line(text) in repeated:
            return "repeated"
        if feat.alpha_ratio < 0.3:
            return "symbols"
        return None

    # -- pass 2 ----------------------------------------------------------------------------
    def classify(
        self,
        lines: list[Line],
        *,
        repeated: frozenset[str] = frozenset(),
        outlet_names: frozenset[str] = frozenset(),
        language: str | None = "de",
    ) -> list[LineLabel]:
        """One label per line, in order: the rules, then the statistical second opinion.

        The model (`lagebild.cleaning.model`) sees only lines the rules keep as body and may
        only turn them into boilerplate; sentences and crossheads also need a residue sign
        on the line itself.
        """
        labels, doc_ctx = self.rule_pass(lines, repeated=repeated, outlet_names=outlet_names,
                                         language=language)
        model = self._line_model()
        if model is None:
            return labels
        out = []
        for i, lab in enumerate(labels):
            # the model judges short lines only; a paragraph of 20+ words is left to the rules
            if lab.label == BODY and doc_ctx.feats[i].words < self.long_line_words:
                # sentences, and headings that introduce a paragraph, must never be lost
                # (an ad or a player between heading and paragraph does not count)
                nxt = next((j for j in range(i + 1, len(lines))
                            if labels[j].label != BOILERPLATE), None)
                heading = lab.reason == "crosshead" and nxt is not None and doc_ctx.good[nxt]
                prose = doc_ctx.good[i] or doc_ctx.feats[i].ends_sentence or heading
                vec = line_vector(i, doc_ctx)
                if model.removes(vec, prose=prose, evidence=has_residue_evidence(vec)):
                    lab = LineLabel(BOILERPLATE, "model")
            out.append(lab)
        return out

    def rule_pass(
        self,
        lines: list[Line],
        *,
        repeated: frozenset[str] = frozenset(),
        outlet_names: frozenset[str] = frozenset(),
        language: str | None = "de",
    ) -> tuple[list[LineLabel], DocContext]:
        """The hand-written rules alone, plus the document context the model's features need."""
        german = language in (None, "de")
        ctx = _Context(lines, [measure_line(line.text) for line in lines])
        ctx.residue = [
            self.residue_reason(line, feat, repeated=repeated, outlet_names=outlet_names,
                                german=german)
            for line, feat in zip(lines, ctx.feats, strict=True)
        ]
        _grow_blocks(ctx, lambda feat: self.is_good(feat, german=german))
        ctx.good = [r is None and self.is_good(f, german=german)
                    for r, f in zip(ctx.residue, ctx.feats, strict=True)]
        if not any(ctx.good):
            # a very short article ("Biden und Putin haben telefoniert."): any sentence counts
            ctx.good = [r is None and f.ends_sentence and f.words >= 2
                        and header_role(line.text) is None
                        for r, f, line in zip(ctx.residue, ctx.feats, lines, strict=True)]
        # Prose that talks to the reader ("Bitte deaktivieren Sie ...") outside quotes is
        # service text: it opens the body zone but does not extend it at the end.
        anchor = [g and not (f.reader_address and not _QUOTE_RE.search(line.text))
                  for g, f, line in zip(ctx.good, ctx.feats, lines, strict=True)]
        if sum(anchor) < 0.5 * sum(ctx.good):
            anchor = ctx.good  # the article itself talks to the reader (advice, open letter)
        ctx.first = next((i for i, g in enumerate(ctx.good) if g), len(lines))
        ctx.last = max((i for i, a in enumerate(anchor) if a), default=-1)
        counts = Counter(normalise_line(line.text) for line in lines)
        labels: list[LineLabel] = []
        in_teaser = False  # inside a "Mehr zum Thema" list of linked headlines
        for i, line in enumerate(lines):
            if ctx.residue[i] == "teaser":
                in_teaser = True
            elif ctx.good[i]:
                in_teaser = False
            duplicate = counts[normalise_line(line.text)] > 1
            labels.append(self._label(i, ctx, labels, in_teaser=in_teaser, duplicate=duplicate))
        doc_ctx = DocContext(lines, ctx.feats, ctx.good, ctx.residue, ctx.first, ctx.last,
                             repeated, dict(counts))
        return labels, doc_ctx

    def _label(self, i: int, ctx: _Context, labels: list[LineLabel], *, in_teaser: bool,
               duplicate: bool) -> LineLabel:
        line, residue = ctx.lines[i], ctx.residue[i]
        role = header_role(line.text)
        if line.header_date:
            return LineLabel(META, "date")
        if role in ("date", "author", "agency") and not residue:
            return LineLabel(META, role or "")
        if i < ctx.first and role == "section":
            return LineLabel(META, "section")  # "Kommentar" as a genre label
        if residue in _SOFT and ctx.first < i < ctx.last and ctx.is_crosshead_slot(i):
            return LineLabel(BODY, "crosshead")  # "Hintergrund" repeats across articles
        if residue in _SOFT and i < ctx.first and ctx.headline_follows(i):
            return LineLabel(META, role or "header")  # a kicker the outlet reuses
        if residue:
            return LineLabel(BOILERPLATE, residue)
        if ctx.good[i] and ctx.first <= i <= ctx.last:
            return LineLabel(BODY, "prose")
        if ctx.good[i] and i > ctx.last:
            # reader-address prose right after the body closes it ("Schreiben Sie mir.");
            # after other residue it is service text ("Bitte deaktivieren Sie ...").
            follows_body = bool(labels) and labels[-1].label == BODY and not _has_cue(line.text)
            return LineLabel(BODY, "prose") if follows_body else LineLabel(BOILERPLATE, "service")
        if i < ctx.first:
            if role is None and i == ctx.first - 1 and ctx.is_opening_crosshead(i):
                return LineLabel(BODY, "crosshead")
            return LineLabel(META, role or "header")
        if duplicate:
            return LineLabel(BOILERPLATE, "repeated")
        if i > ctx.last:
            return self._footer_label(line, ctx.feats[i], labels[-1] if labels else None)
        return self._inner_label(i, ctx, in_teaser)

    def _footer_label(self, line: Line, feat: LineFeatures,
                      previous: LineLabel | None) -> LineLabel:
        """A short line after the last paragraph: closing sentence, source line, or residue."""
        if feat.ends_sentence and feat.words >= 3 and (
            feat.stop_density >= 0.25 or (previous is not None and previous.label == BODY)
        ):
            return LineLabel(BODY, "short_sentence")
        return LineLabel(BOILERPLATE, "footer")

    def _inner_label(self, i: int, ctx: _Context, in_teaser: bool) -> LineLabel:
        """A short line between body paragraphs: crosshead, list item, short sentence, residue.

        After a teaser label ("Mehr zum Thema") short lines are the linked headlines, except
        the last one when a paragraph follows it directly: that is the next crosshead.
        """
        feat = ctx.feats[i]
        nxt = ctx.next_kept(i)
        next_good = nxt is not None and ctx.good[nxt]
        if in_teaser and not next_good and not feat.ends_sentence:
            return LineLabel(BOILERPLATE, "teaser")
        cues = sum(_hits(CUE_PATTERNS, ctx.lines[i].text).values())
        if (cues >= 2 or (cues and feat.words <= 3)) and not ctx.is_crosshead_slot(i):
            return LineLabel(BOILERPLATE, "cue")
        if (not feat.ends_sentence and i + 1 < len(ctx.lines) and ctx.residue[i + 1]
                and not next_good):
            return LineLabel(BOILERPLATE, "block")  # the heading of a residue box
        if feat.ends_sentence and feat.words >= 2:
            return LineLabel(BODY, "short_sentence")
        return LineLabel(BODY, "crosshead")


@dataclass
class _Context:
    """Per-document state of pass 2: lines, their features and pass-1 results."""

    lines: list[Line]
    feats: list[LineFeatures]
    residue: list[str | None] = field(default_factory=list)
    good: list[bool] = field(default_factory=list)
    first: int = 0  # first good line
    last: int = -1  # last anchoring good line

    def next_kept(self, i: int) -> int | None:
        """Index of the next line after i that is not residue."""
        return next((j for j in range(i + 1, len(self.lines)) if self.residue[j] is None), None)

    def is_opening_crosshead(self, i: int) -> bool:
        """The header line just above the first paragraph opens the body, not the header.

        Kicker and title must already stand above it, and it must look like a section heading:
        a question ("Worum geht es?"), a ticker entry ("10:45 Uhr – ..."), or the first line
        after the date/byline block.
        """
        headlines = sum(1 for j in range(i) if self.residue[j] is None
                        and not self.lines[j].header_date
                        and header_role(self.lines[j].text) is None)
        if headlines < 2:
            return False
        after_stamp = i > 0 and header_role(self.lines[i - 1].text) in ("date", "author")
        return (self.feats[i].question or after_stamp
                or TICKER_ENTRY_RE.match(self.lines[i].text) is not None)

    def headline_follows(self, i: int) -> bool:
        """A free-text header line (a headline candidate) comes between i and the body."""
        return any(self.residue[j] is None and header_role(self.lines[j].text) is None
                   for j in range(i + 1, self.first))

    def is_crosshead_slot(self, i: int) -> bool:
        """A heading position: no final full stop, and a paragraph follows directly."""
        return (i + 1 < len(self.lines) and self.good[i + 1]
                and not self.lines[i].text.endswith("."))


_SOFT = ("repeated", "symbols")
# Residue that comes in boxes of several lines (sign-up forms, consent and comment notices).
_BOX_REASONS = frozenset({"newsletter", "subscription", "consent", "comments", "share", "block"})


def _grow_blocks(ctx: _Context, is_good: Callable[[LineFeatures], bool]) -> None:
    """Extend residue boxes (sign-up forms, consent and comment notices) to their other lines.

    A box mixes strong lines ("E-Mail-Adresse eingeben") with weaker ones ("Jeden Werktag im
    Postfach. Jetzt kostenlos anmelden!"). A line joins a neighbouring box if it is glued to
    box lines on both sides (no blank line between), glued on one side and carries a cue, or
    next to it and reads like service text (two cues, and talks to the reader, exclaims, or is
    no sentence). Ads are not boxes (they sit between paragraphs), and neither quoted prose nor
    calm prose (no reader address, no exclamation) ever joins.
    """
    n = len(ctx.lines)
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(ctx.lines):
            if ctx.residue[i] is not None or _QUOTE_RE.search(line.text):
                continue
            prev_box = i > 0 and ctx.residue[i - 1] in _BOX_REASONS
            next_box = i + 1 < n and ctx.residue[i + 1] in _BOX_REASONS
            if not (prev_box or next_box):
                continue
            glued_prev = prev_box and not line.blank_before
            glued_next = next_box and not ctx.lines[i + 1].blank_before
            feat = ctx.feats[i]
            if is_good(feat) and not feat.reader_address and "!" not in line.text:
                continue  # a report paragraph that merely mentions "anmelden" stays body
            cues = sum(_hits(CUE_PATTERNS, line.text).values()) + int(feat.reader_address)
            service = feat.reader_address or "!" in line.text or not is_good(feat)
            if ((glued_prev and glued_next) or ((glued_prev or glued_next) and cues)
                    or (cues >= 2 and service)):
                ctx.residue[i] = "block"
                changed = True


def _hits(patterns: dict[str, re.Pattern[str]], text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for reason, regex in patterns.items():
        found = len(regex.findall(text))
        if found:
            counts[reason] = found
    return counts


def _has_cue(text: str) -> bool:
    return any(regex.search(text) for regex in CUE_PATTERNS.values())
