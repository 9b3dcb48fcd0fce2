"""One label per name within a document: the spaCy component ``lagebild_entity_consistency``.

The NER taggers label every mention from its sentence alone. In news that goes wrong in
predictable places — "ein Telefonat mit Putin" reads like "ein Telefonat mit Moskau", so a
name that is a person twenty times in an article is a place once, or no entity at all. A news
article uses a name for one thing, so the component does two things:

1. It relabels a mention when the other mentions of the same name in the document agree on a
   different label: that label needs at least two votes and a strict majority.
2. It labels a mention the tagger left out when the name is that label at least twice in the
   document and its labelled mentions outnumber the unlabelled ones (so a capitalised word the
   tagger mostly leaves alone is not turned into a name). A mention is a whole-token match
   outside every other entity; a genitive "-s" of a one-word name counts ("Bidens").

A person's multi-word name also votes for its last word ("Wladimir Putin" for "Putin"), and a
genitive "-s" form counts with its base form ("Putins" with "Putin"). Existing spans are never
removed or moved. spaCy has no such component, hence this module.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

COMPONENT = "lagebild_entity_consistency"
MIN_VOTES = 2
PERSON = "PER"


def add_entity_consistency(nlp: Language) -> None:
    """Append the component as the last one of ``nlp``; idempotent."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=harmonise_entity_labels)
    nlp.add_pipe(COMPONENT, last=True)


def _name_key(text: str, known: set[str]) -> str:
    """The name a mention is counted under: genitive "Putins" joins "Putin" if that occurs."""
    if text.endswith("s") and text[:-1] in known:
        return text[:-1]
    return text


def _established(counts: Counter[str]) -> tuple[str, int] | None:
    """The label a name's mentions agree on (at least two votes, strict majority) and its votes."""
    label, n = counts.most_common(1)[0]
    if n >= MIN_VOTES and 2 * n > sum(counts.values()):
        return label, n
    return None


def harmonise_entity_labels(doc: Doc) -> Doc:
    from spacy.tokens import Span

    entities: tuple[Span, ...] = doc.ents
    if len(entities) < 2:
        return doc
    texts = {e.text for e in entities} | {e[-1].text for e in entities if e.label_ == PERSON}
    votes: dict[str, Counter[str]] = {}
    for entity in entities:
        votes.setdefault(_name_key(entity.text, texts), Counter())[entity.label_] += 1
        if entity.label_ == PERSON and len(entity) > 1:
            votes.setdefault(_name_key(entity[-1].text, texts), Counter())[PERSON] += 1
    changed = False
    relabelled: list[Span] = []
    for entity in entities:
        agreed = _established(votes[_name_key(entity.text, texts)])
        if agreed is not None and agreed[0] != entity.label_:
            entity = Span(doc, entity.start, entity.end, label=agreed[0], kb_id=entity.kb_id)
            changed = True
        relabelled.append(entity)
    added = _unlabelled_mentions(doc, relabelled, votes)
    if changed or added:
        doc.ents = sorted(relabelled + added, key=lambda span: span.start)
    return doc


def _unlabelled_mentions(
    doc: Doc, entities: list[Span], votes: dict[str, Counter[str]]
) -> list[Span]:
    """Spans for mentions of a document's established names that no entity covers."""
    from spacy.tokens import Span

    names: dict[tuple[str, ...], tuple[str, int]] = {}
    for name, counts in votes.items():
        agreed = _established(counts)
        if agreed is not None and name[:1].isupper():
            names[tuple(name.split())] = agreed
    if not names:
        return []
    covered = [False] * len(doc)
    for entity in entities:
        covered[entity.start : entity.end] = [True] * len(entity)
    words = [token.text for token in doc]
    longest = max(len(name) for name in names)

    def name_at(start: int) -> tuple[tuple[str, ...], int] | None:
        """The longest established name (or one-word genitive) starting at ``start``."""
        for size in range(min(longest, len(doc) - start), 0, -1):
            if any(covered[start : start + size]):
                continue
            window = tuple(words[start : start + size])
            if window in names:
                return window, size
            if size == 1 and window[0].endswith("s") and (window[0][:-1],) in names:
                return (window[0][:-1],), size
        return None

    found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    start = 0
    while start < len(doc):
        hit = name_at(start)
        if hit is None:
            start += 1
            continue
        name, size = hit
        found.setdefault(name, []).append((start, start + size))
        start += size
    added: list[Span] = []
    for name, spans in found.items():
        label, n = names[name]
        # The tagger's silence is a vote too: propagate only where the name is mostly labelled.
        if n > len(spans):
            added.extend(Span(doc, begin, end, label=label) for begin, end in spans)
    return added
