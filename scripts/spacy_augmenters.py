"""spaCy registry functions for `scripts/train_nlp.py` (passed to ``spacy train --code``).

``lagebild.gold_augmenter.v1``: spaCy's combined augmenter (whitespace tokens, „…“/»…« quote
variants) for gold examples only. Silver examples (`train_nlp.silver`) carry trees but no
morphology; spaCy's orth-variant augmentation rebuilds a doc with every morphology set to the
empty value "_", which the morphologizer then learns as a label for every silver token (GSD dev
UPOS fell to 22 % in the first silver run). Examples without morphology therefore pass
through unchanged; for the gold treebanks the augmenter is spaCy's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.training import Example
from spacy.training.augment import create_combined_augmenter
from spacy.util import registry


@registry.augmenters("lagebild.gold_augmenter.v1")
def create_gold_augmenter(
    lower_level: float,
    orth_level: float,
    orth_variants: dict[str, list[dict]] | None,
    whitespace_level: float,
    whitespace_per_token: float,
    whitespace_variants: list[str] | None,
) -> Callable[[Language, Example], Iterator[Example]]:
    augment = create_combined_augmenter(
        lower_level=lower_level,
        orth_level=orth_level,
        orth_variants=orth_variants,
        whitespace_level=whitespace_level,
        whitespace_per_token=whitespace_per_token,
        whitespace_variants=whitespace_variants,
    )

    def gold_augmenter(nlp: Language, example: Example) -> Iterator[Example]:
        if example.reference.has_annotation("MORPH"):
            yield from augment(nlp, example)
        else:  # silver: trees only
            yield example

    return gold_augmenter
