"""Dictionary lemmas over the trained lemmatizer: the spaCy component ``lagebild_lexicon_lemmas``.

The CNN's edit-tree lemmatizer learnt from about 2,000 treebank sentences. It knows the common
inflection patterns but not the German participle: on GSD dev (held out) it lemmatises 72 % of
the participles right, turning "aufgefordert" into "aufgeforderen", "durchgeführt" into
"durchgeführen" and "getroffen" into "troffen"; the quote and temporal stages read lemmas.
simplemma (MIT, pure Python, its dictionaries inside the package) knows the forms of German
words from a full-language lexicon, so where it knows a word its lemma replaces the model's.
Two word classes keep the model's lemma, because there the dictionary reads a different word
than the treebank means: names (PROPN: "Alpen" is not the plural of "Alp",
"Jasmine" is no form of "Jasmin") and adjectives (the participial "Vereinigten" stays
"vereinigt", not the verb "vereinigen"). A verb whose dictionary lemma is a noun keeps the
model's lemma too.

Measured in docs/ACCURACY.md (round 10; `scripts/eval_lemmas.py`): GSD dev lemma accuracy on
gold tokens 0.937 -> 0.963, participles 0.72 -> 0.94.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "lagebild_lexicon_lemmas"
LANGUAGE = "de"
# the model's lemma stays: names and adjectives (see the module docstring), and tokens the
# dictionary has nothing to say about
KEEP_MODEL_LEMMA = frozenset({"PROPN", "ADJ", "PUNCT", "SYM", "SPACE", "X"})
# looked up in lower case: a sentence-initial "Ihr" is the pronoun "ihr"
LOWER_CASE_LOOKUP = frozenset({"PRON"})
VERBAL = frozenset({"VERB", "AUX"})


def add_lexicon_lemmas(nlp: Language) -> None:
    """Append the component to ``nlp`` (after the components that set POS and lemmas);
    idempotent."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=apply_lexicon_lemmas)
    nlp.add_pipe(COMPONENT, last=True)


@lru_cache(maxsize=200_000)
def dictionary_lemma(word: str) -> str | None:
    """simplemma's lemma of ``word``, or None where the dictionary does not change it
    (unknown words, and words that are their own lemma)."""
    import simplemma

    lemma = simplemma.lemmatize(word, lang=LANGUAGE)
    return lemma if lemma != word else None


def lexicon_lemma(text: str, pos: str) -> str | None:
    """The dictionary lemma a token of this text and universal POS gets, or None to keep the
    model's."""
    if pos in KEEP_MODEL_LEMMA:
        return None
    lemma = dictionary_lemma(text.lower() if pos in LOWER_CASE_LOOKUP else text)
    if lemma is None or (pos in VERBAL and lemma[:1].isupper()):
        return None
    return lemma


def apply_lexicon_lemmas(doc: Doc) -> Doc:
    """Replace the lemma of every token the dictionary knows (see `lexicon_lemma`)."""
    for token in doc:
        lemma = lexicon_lemma(token.text, token.pos_)
        if lemma is not None:
            token.lemma_ = lemma
    return doc
