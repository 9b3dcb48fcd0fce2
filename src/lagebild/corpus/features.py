"""What the corpus stages need from one article, read from its layers.

Clustering looks at articles through a small, serialisable summary: key terms (for TF-IDF),
actors, places, quotes, and date evidence for the main happening plus other dated happenings the
article mentions. This module reads the `time`, `actor`, `quote`, `entities` and `sentences`
layers when they exist and degrades gracefully when a stage has not run (no invented data).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from lagebild.corpus.dating import (
    DateEvidence,
    evidence_from_attrs,
    evidence_from_partial,
    evidence_gap,
)
from lagebild.document import Document
from lagebild.lang.de.stopwords import STOPWORDS

__all__ = ["ArticleFeatures", "Mention", "extract_features", "lead_text", "tokenize_terms"]

_WORD_RE = re.compile(r"[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß\-]{2,}")
_HEADER_CHARS = 250          # a date stamp in the first characters is the publication stamp
_MAX_PAST_DAYS = 45          # happenings further back are background, not the article's news
_SECONDARY_LIMIT = 4
_SECONDARY_MAX_DAYS = 7
_EXTRA_STOP = frozenset(
    "sagte sagt sagten teilte mitteilte erklärte hieß heißt habe hätten sollen soll solle "
    "wolle wollen worden wurde mehr sowie dabei damit jedoch bereits zudem allerdings immer "
    "heute gestern morgen uhr montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "januar februar märz april juni juli august september oktober november dezember "
    "anzeige seit jahr jahren prozent".split()
)


def tokenize_terms(text: str) -> list[str]:
    """Content words, lowercased, without function words; German nouns dominate what remains."""
    out = []
    for match in _WORD_RE.finditer(text):
        word = match.group(0).lower().strip("-")
        if len(word) < 3 or word in STOPWORDS or word in _EXTRA_STOP:
            continue
        out.append(word)
    return out


@dataclass
class Mention:
    """A dated happening mentioned in an article: the date evidence and its sentence."""

    evidence: DateEvidence
    start: int
    end: int
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "evidence": self.evidence.to_dict(),
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        ev = DateEvidence.from_dict(data["evidence"])
        assert ev is not None
        return cls(ev, data["start"], data["end"], data["sentence"])


@dataclass
class ArticleFeatures:
    doc_id: str
    outlet: str
    title: str
    published: dict[str, str] | None
    terms: Counter[str]
    actors: dict[str, str]            # actor_id -> name
    places: list[str]
    main: DateEvidence | None
    secondary: list[Mention] = field(default_factory=list)
    n_quotes: int = 0


def lead_text(doc: Document, max_chars: int = 1200) -> str:
    """Title plus the opening body text: what the article is mainly about."""
    body = doc.text
    title = (doc.title or "").strip()
    text = f"{title}\n{body}" if title and title not in body[:400] else body
    return text[:max_chars]


def _sentence_of(doc: Document, sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for start, end in sents:
        if start <= pos < end:
            return start, end
    return max(0, pos - 100), min(len(doc.text), pos + 100)


def _actors(doc: Document) -> dict[str, str]:
    found: dict[str, str] = {}
    for ann in doc.layer("actor"):
        actor_id = str(ann.attrs.get("actor_id") or "").strip()
        name = str(ann.attrs.get("name") or doc.text_of(ann)).strip()
        if actor_id:
            found.setdefault(actor_id, name)
    if found:
        return found
    # No actor stage yet: persons and organisations from NER, keyed by their surface form.
    for ann in doc.layer("entities"):
        if ann.label in {"PER", "ORG"}:
            name = " ".join(doc.text_of(ann).split())
            if len(name) > 2:
                found.setdefault(f"ner:{name.lower()}", name)
    return found


def _places(doc: Document) -> list[str]:
    counts = Counter(
        " ".join(doc.text_of(a).split()) for a in doc.layer("entities") if a.label == "LOC"
    )
    return [name for name, _ in counts.most_common(5)]


def _reference(doc: Document) -> tuple[DateEvidence | None, int | None]:
    """Publication evidence, narrowed by a date stamp in the header when metadata is coarse.

    Returns the evidence and the start offset of the stamp annotation it came from (if any).
    """
    pub = evidence_from_partial(doc.published.value, doc.published.precision) if (
        doc.published
    ) else None
    if pub is not None and pub.is_day:
        return pub, None
    for ann in doc.layer("time"):
        if ann.start > _HEADER_CHARS:
            break
        ev = evidence_from_attrs(ann.attrs)
        if ev is None or not ev.is_day or ev.days is not None:
            continue
        if pub is None or pub.lo <= ev.lo <= pub.hi:
            return ev, ann.start
    return pub, None


def _is_event_date(ann_label: str, attrs: dict[str, Any]) -> bool:
    kind = str(attrs.get("type") or ann_label or "").upper()
    return kind not in {"DURATION", "SET"}


def _dated_mentions(doc: Document, ref: DateEvidence | None, stamp: int | None) -> list[Mention]:
    sents = list(doc.sentences())
    mentions: list[Mention] = []
    for ann in doc.layer("time"):
        if ann.start == stamp or not _is_event_date(ann.label, ann.attrs):
            continue
        ev = evidence_from_attrs(ann.attrs)
        if ev is None or (ev.hi - ev.lo).days > 31 and ev.days is None:
            continue  # a year or a season says nothing about which happening this is
        if ref is not None:
            # Reported happenings lie before publication and not long before it.
            ev = ev.restrict(ref.lo - timedelta(days=_MAX_PAST_DAYS), ref.hi + timedelta(days=1))
            if ev is None:
                continue
            if ref.is_day and ev.days is not None and len(ev.days) > 1:
                narrowed = ev.restrict(ref.lo - timedelta(days=7), ref.hi)
                ev = narrowed or ev
        start, end = _sentence_of(doc, sents, ann.start)
        mentions.append(Mention(ev, start, end, " ".join(doc.text[start:end].split())))
    return mentions


def extract_features(doc: Document) -> ArticleFeatures:
    """Summarise one stored article for dedup, event assignment and event records."""
    ref, stamp = _reference(doc)
    mentions = _dated_mentions(doc, ref, stamp)
    main: DateEvidence | None
    secondary: list[Mention] = []
    if mentions:
        main = mentions[0].evidence
        for mention in mentions[1:]:
            days = mention.evidence.possible_days()
            if days is None or len(days) > _SECONDARY_MAX_DAYS:
                continue  # "im März" cannot single out a happening to link to
            if evidence_gap(mention.evidence, main) > 0 and len(secondary) < _SECONDARY_LIMIT:
                secondary.append(mention)
    elif ref is not None:
        lo = ref.lo - timedelta(days=2) if ref.is_day else ref.lo
        main = DateEvidence(lo, ref.hi, None, hard=False)
    else:
        main = None
    terms = Counter(tokenize_terms(lead_text(doc, 4000)))
    return ArticleFeatures(
        doc_id=doc.id,
        outlet=doc.outlet or doc.agency or "",
        title=(doc.title or "").strip(),
        published=doc.published.to_dict() if doc.published else None,
        terms=terms,
        actors=_actors(doc),
        places=_places(doc),
        main=main,
        secondary=secondary,
        n_quotes=len(doc.layer("quote")),
    )
