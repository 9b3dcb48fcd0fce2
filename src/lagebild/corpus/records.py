"""Event records: the stored, human-facing description of one event.

Everything in a record is taken from the member articles — headline and summary are sentences
chosen by centrality to the event's TF-IDF centroid with maximal marginal relevance (MMR) against
repetition, never generated text. The date is the intersection of the members' evidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from lagebild.corpus.dating import DateEvidence
from lagebild.corpus.events import EventState
from lagebild.corpus.features import ArticleFeatures, tokenize_terms
from lagebild.document import Document
from lagebild.lang.de.bylines import AGENCIES, AGENCY_NAMES

__all__ = ["build_event_record", "select_sentences"]

_MAX_SENTS_PER_DOC = 8
_SUMMARY_SENTS = 3
_MAX_QUOTES = 5
_MIN_SENT_CHARS = 40
_MAX_SENT_CHARS = 400
_HEADLINE_RANKS = 3
_SPLIT_RE = re.compile(r"(?<=[.!?“\"])\s+(?=[A-ZÄÖÜ„\"])")
_SENTENCE_END = tuple(".!?\"“”»«)")
_QUOTE_START = tuple("„\"»«“")
# Sentence openers that point back to earlier text; such sentences make poor headlines.
_ANAPHORIC_START = frozenset(
    "er sie es dies diese dieser das dabei damit darüber daher deshalb zudem auch außerdem "
    "allerdings nichtsdestotrotz zuvor".split()
)


def _vector(text: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(tokenize_terms(text))
    return {t: (1 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def select_sentences(
    candidates: list[dict[str, Any]], centroid: dict[str, float], idf: dict[str, float],
    k: int = _SUMMARY_SENTS, diversity: float = 0.3,
) -> list[dict[str, Any]]:
    """MMR: pick sentences close to the centroid and unlike those already picked."""
    vectors = [_vector(c["text"], idf) for c in candidates]
    relevance = [_cos(v, centroid) for v in vectors]
    chosen: list[int] = []
    while len(chosen) < min(k, len(candidates)):
        best, best_score = -1, -1e9
        for i in range(len(candidates)):
            if i in chosen:
                continue
            redundancy = max((_cos(vectors[i], vectors[j]) for j in chosen), default=0.0)
            score = (1 - diversity) * relevance[i] - diversity * redundancy
            score -= 0.01 * candidates[i]["rank"]  # ties go to earlier, lead sentences
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)
    return [dict(candidates[i], score=round(relevance[i], 3)) for i in chosen]


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """The `sentences` layer, or paragraphs split at sentence-final punctuation as a fallback."""
    if doc.layer("sentences"):
        return list(doc.sentences())
    spans = []
    for start, end in doc.sentences():
        pos = start
        for match in _SPLIT_RE.finditer(doc.text, start, end):
            spans.append((pos, match.start()))
            pos = match.end()
        spans.append((pos, end))
    return spans


def _sentence_candidates(doc: Document) -> list[dict[str, Any]]:
    out = []
    for start, end in _sentence_spans(doc):
        text = " ".join(doc.text[start:end].split())
        if _MIN_SENT_CHARS <= len(text) <= _MAX_SENT_CHARS and text.endswith(_SENTENCE_END):
            out.append(
                {"doc_id": doc.id, "start": start, "end": end, "text": text, "rank": len(out)}
            )
        if len(out) >= _MAX_SENTS_PER_DOC:
            break
    return out


def _quotes(docs: list[Document], participants: set[str]) -> list[dict[str, Any]]:
    found = []
    seen: set[str] = set()
    for doc in docs:
        for ann in doc.layer("quote"):
            text = " ".join(doc.text_of(ann).split())
            key = text.lower()[:80]
            if len(text) < 20 or key in seen:
                continue
            seen.add(key)
            speaker = ann.attrs.get("speaker") or {}
            if not isinstance(speaker, dict):
                speaker = {"name": str(speaker)}
            cue = ann.attrs.get("cue") or {}
            found.append({
                "doc_id": doc.id,
                "text": text,
                "kind": ann.label or "direct",
                "speaker": {
                    "actor_id": speaker.get("actor_id"),
                    "name": speaker.get("name") or speaker.get("text"),
                },
                "cue": cue.get("text") if isinstance(cue, dict) else str(cue),
                "start": ann.start,
                "end": ann.end,
            })
    found.sort(key=lambda q: (
        q["speaker"]["actor_id"] not in participants, q["kind"] != "direct", len(q["text"]) > 300,
    ))
    return found[:_MAX_QUOTES]


def _is_headline_like(text: str) -> bool:
    first = text.split(" ", 1)[0].strip(",.:").lower()
    return not text.startswith(_QUOTE_START) and first not in _ANAPHORIC_START


def _headline(
    docs: list[Document], summary: list[dict[str, Any]], centroid: dict[str, float],
    idf: dict[str, float],
) -> str:
    best_title, best_score = "", 0.0
    for doc in docs:
        title = " ".join((doc.title or "").split())
        if 15 <= len(title) <= 160:
            score = _cos(_vector(title, idf), centroid)
            if score > best_score:
                best_title, best_score = title, score
    leads = [
        c for doc in docs for c in _sentence_candidates(doc)
        if c["rank"] < _HEADLINE_RANKS and _is_headline_like(c["text"])
    ] or summary
    scored = [
        (_cos(_vector(c["text"], idf), centroid) * (1 - 0.15 * c["rank"]), -c["rank"], c["text"])
        for c in leads
    ]
    if best_title and (not scored or best_score >= 0.5 * max(scored)[0]):
        return best_title
    if not scored:
        return best_title
    text = max(scored)[2]
    if len(text) <= 160:
        return text
    cut = text[:160].rsplit(" ", 1)[0]
    return cut + " …"


def is_news_agency(name: str) -> bool:
    """News agencies report events; naming them ("AFP", "Interfax") does not make them actors."""
    key = name.strip().lower()
    return key in AGENCIES or key in AGENCY_NAMES or name in AGENCIES.values()


def build_event_record(
    event: EventState, docs: dict[str, Document], feats: dict[str, ArticleFeatures],
    duplicates: dict[str, str], idf: dict[str, float], storyline: str | None = None,
) -> dict[str, Any]:
    """The stored record of one event, from its state and its member documents."""
    members = [docs[m] for m in event.members if m in docs]
    dup_members = sorted(d for d, orig in duplicates.items() if orig in event.members)
    centroid = {t: (1 + math.log(c)) * idf.get(t, 1.0) for t, c in event.terms.most_common(60)}
    candidates = [c for doc in members for c in _sentence_candidates(doc)]
    summary = select_sentences(candidates, centroid, idf)
    participants = [
        {"actor_id": a, "name": event.actor_names.get(a, a), "articles": n}
        for a, n in event.actors.most_common(16)
        if not is_news_agency(event.actor_names.get(a, a))
    ][:12]
    places = Counter(event.places)
    for doc in members:
        if doc.dateline and len(doc.dateline) < 40 and not any(ch.isdigit() for ch in doc.dateline):
            places[doc.dateline.strip(" .,-–")] += 1
    evidence: DateEvidence | None = event.evidence
    date = evidence.to_record() if evidence else {
        "value": None, "precision": None, "candidates": []
    }
    if evidence is not None:
        date["evidence"] = "content" if evidence.hard else "publication"
    member_rows = [_member_row(doc, feats.get(doc.id), None) for doc in members]
    member_rows += [
        _member_row(docs[d], feats.get(d), duplicates[d]) for d in dup_members if d in docs
    ]
    outlets = sorted({row["outlet"] for row in member_rows if row["outlet"]})
    return {
        "id": event.id,
        "date": date,
        "headline": _headline(members, summary, centroid, idf),
        "summary": [
            {k: s[k] for k in ("doc_id", "start", "end", "text")} for s in summary
        ],
        "participants": participants,
        "place": places.most_common(1)[0][0] if places else None,
        "members": member_rows,
        "n_articles": len(members),
        "n_copies": len(dup_members),
        "outlets": outlets,
        "quotes": _quotes(members, {p["actor_id"] for p in participants}),
        "linked": sorted(event.linked),
        "storyline": storyline,
        "keywords": [t for t, _ in sorted(centroid.items(), key=lambda kv: -kv[1])[:8]],
    }


def _member_row(
    doc: Document, feats: ArticleFeatures | None, duplicate_of: str | None
) -> dict[str, Any]:
    return {
        "doc_id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet or doc.agency,
        "url": doc.url,
        "published": doc.published.to_dict() if doc.published else None,
        "duplicate_of": duplicate_of,
        "date_evidence": feats.main.to_record() if feats and feats.main else None,
        "mentions": [
            {"date": m.evidence.to_record(), "sentence": m.sentence} for m in feats.secondary
        ] if feats else [],
    }
