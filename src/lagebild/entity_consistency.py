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
        counts = votes[_name_key(entity.text, texts)]
        label, n = counts.most_common(1)[0]
        if label != entity.label_ and n >= MIN_VOTES and 2 * n > sum(counts.values()):
            entity = Span(doc, entity.start, entity.end, label=label, kb_id=entity.kb_id)
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
        label, n = counts.most_common(1)[0]
        if n >= MIN_VOTES and 2 * n > sum(counts.values()) and name[:1].isupper():
            names[tuple(name.split())] = (label, n)
    if not names:
        return []
    covered = [False] * len(doc)
    for entity in entities:
        covered[entity.start : entity.end] = [True] * len(entity)
    words = [token.text for token in doc]
    found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    longest = max(len(name) for name in names)
    start = 0
    while start < len(doc):
        match = None
        for size in range(min(longest, len(doc) - start), 0, -1):
            window = tuple(words[start : start + size])
            if any(covered[start : start + size]):
                continue
            if window in names:
                match = window
            elif size == 1 and window[0].endswith("s") and (window[0][:-1],) in names:
                match = (window[0][:-1],)
            if match is not None:
                found.setdefault(match, []).append((start, start + size))
                start += size
                break
        else:
            start += 1
    added: list[Span] = []
    for name, spans in found.items():
        label, n = names[name]
        # The tagger's silence is a vote too: propagate only where the name is mostly labelled.
        if n > len(spans):
            added.extend(Span(doc, begin, end, label=label) for begin, end in spans)
    return added
