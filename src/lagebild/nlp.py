"""The German NLP backend behind one small function, so it can be swapped by configuration.

Lagebild ships its own spaCy pipeline (trained by ``scripts/train_nlp.py`` on openly licensed
data) inside the package at ``lagebild/models/de_lagebild``; no German spaCy model can be
installed offline. Everything else reaches spaCy only through `load_nlp`, so a stronger backend
(say a transformer pipeline on a GPU box) is a configuration change: pass its path or installed
package name, or set ``LAGEBILD_NLP_MODEL``.

Three modes, chosen by ``mode=`` or ``LAGEBILD_NLP_MODE`` (figures in docs/ACCURACY.md and
docs/BENCHMARKS.md):

- ``"standard"`` (default): the spaCy model's CNN pipeline as trained, with its own NER tok2vec;
- ``"fast"``: a narrower parser and an NER head that both listen to the one shared tok2vec
  (``parser_fast``/``ner_fast``, stored disabled in the same model): about 1.7× faster, less
  accurate;
- ``"accurate"``: fine-tuned multilingual-e5-small layers run with numpy (`lagebild.encoder`)
  replace the NER and re-parse every sentence the CNN parser delimited: much more accurate,
  about 7× slower.

`load_nlp` also adds sentence-boundary rules the model cannot learn from sentence-split
treebanks: a line break (after a headline, a dateline line, "Anzeige") always ends a sentence;
within a line a sentence ends only at sentence punctuation or a closing quote or bracket; and
no sentence starts right after an opening quotation mark, at a closing one or at a full stop
glued to the word before it. A German dictionary (`lagebild.lexicon_lemmas`) then corrects
the trained lemmatizer where it knows the word. These passes are added at load time, not saved
in the model, so the shipped directory stays a plain spaCy pipeline that ``spacy.load(path)``
opens without importing Lagebild.
"""

from __future__ import annotations

import os
import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.entity_consistency import add_entity_consistency
from lagebild.errors import ConfigError
from lagebild.lexicon_lemmas import add_lexicon_lemmas

if TYPE_CHECKING:  # spaCy is imported lazily: `import lagebild` must stay light
    from collections.abc import Callable

    from spacy.language import Language
    from spacy.tokens import Doc

ENV_VAR = "LAGEBILD_NLP_MODEL"
MODE_ENV_VAR = "LAGEBILD_NLP_MODE"
NLP_MODES = ("standard", "fast", "accurate")
DEFAULT_MODE = "standard"
FAST_COMPONENTS = ("parser_fast", "ner_fast")
TRANSFORMER_COMPONENT = "lagebild_encoder"  # the factory name in lagebild.encoder
# What each mode leaves out of the stored pipeline (missing names are ignored).
_EXCLUDE = {
    "standard": list(FAST_COMPONENTS),
    "fast": ["parser", "ner"],
    "accurate": ["ner", *FAST_COMPONENTS],
}
MODEL_NAME = "de_lagebild"
DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / MODEL_NAME
SENTENCE_RULES = "lagebild_sentence_rules"
OPENING_QUOTES = frozenset("„»‚›")
QUOTES = frozenset("„“”»«‚‘’›‹\"'")
CLOSING_PUNCT = frozenset(".,;:!?)]}…")
SENTENCE_END = frozenset(".!?…:;")
CLOSING_BRACKETS = frozenset(")]}")

_cache: dict[tuple[str, bool, bool, bool, bool, str], Language] = {}
_lock = threading.Lock()


def model_path(config: str | Path | None = None) -> Path | str:
    """Where the pipeline comes from: explicit config, then $LAGEBILD_NLP_MODEL, then shipped.

    Returns a `Path` for a model directory, or the string unchanged when it names an installed
    spaCy package (e.g. ``"de_core_news_lg"``).
    """
    chosen = config if config not in (None, "") else os.environ.get(ENV_VAR) or None
    if chosen is None or chosen == MODEL_NAME:
        return DEFAULT_MODEL
    path = Path(chosen).expanduser()
    if path.exists() or isinstance(chosen, Path) or os.sep in str(chosen):
        return path
    return str(chosen)


def model_available(config: str | Path | None = None) -> bool:
    """True when the configured model directory exists (packages are not probed)."""
    where = model_path(config)
    return not isinstance(where, Path) or (where / "config.cfg").is_file()


def load_nlp(
    config: str | Path | None = None,
    *,
    sentence_rules: bool = True,
    known_actors: bool = True,
    entity_consistency: bool = True,
    lexicon_lemmas: bool = True,
    mode: str | None = None,
) -> Language:
    """Load (once per process) the German spaCy pipeline named by ``config``.

    ``config`` is a model directory, an installed spaCy package name, ``"de_lagebild"`` or
    None (environment variable, else the model shipped in the package). ``mode`` picks speed
    against accuracy (`NLP_MODES`; default ``$LAGEBILD_NLP_MODE``, else ``"standard"``).
    ``known_actors`` adds the registry ruler, ``entity_consistency`` gives every name one label
    per document (`lagebild.entity_consistency`), ``lexicon_lemmas`` lets a German dictionary
    correct the trained lemmatizer (`lagebild.lexicon_lemmas`). Raises
    `ConfigError` with a hint when the model or mode cannot be provided.
    """
    where = model_path(config)
    chosen = nlp_mode(mode)
    key = (str(where), sentence_rules, known_actors, entity_consistency, lexicon_lemmas, chosen)
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy

        if isinstance(where, Path) and not (where / "config.cfg").is_file():
            raise ConfigError(
                f"no spaCy model at {where}; train one with `python scripts/train_nlp.py all` "
                f"or point {ENV_VAR} at a model directory"
            )
        try:
            nlp = spacy.load(where, exclude=_EXCLUDE[chosen])
        except OSError as exc:  # unknown package name
            raise ConfigError(f"cannot load spaCy model {where!r}: {exc}") from exc
        if chosen == "fast":
            _enable_fast_components(nlp, where)
        elif chosen == "accurate":
            add_transformer(nlp)
        if sentence_rules:
            add_sentence_rules(nlp)
        if lexicon_lemmas:
            add_lexicon_lemmas(nlp)
        if known_actors and _ner_name(nlp) is not None:
            add_known_actor_ruler(nlp)
        if entity_consistency and _ner_name(nlp) is not None:
            add_entity_consistency(nlp)
        _cache[key] = nlp
        return nlp


def nlp_mode(mode: str | None = None) -> str:
    """The NLP mode to use: the argument, then ``$LAGEBILD_NLP_MODE``, then the default."""
    chosen = mode or os.environ.get(MODE_ENV_VAR) or DEFAULT_MODE
    if chosen not in NLP_MODES:
        raise ConfigError(
            f"unknown NLP mode {chosen!r} (from {MODE_ENV_VAR} or --nlp-mode); "
            f"choose one of {', '.join(NLP_MODES)}"
        )
    return chosen


def _enable_fast_components(nlp: Language, where: Path | str) -> None:
    missing = [n for n in FAST_COMPONENTS if n not in nlp.component_names]
    if missing:
        raise ConfigError(
            f"model {where} has no fast-mode components {missing}; add them with "
            "`python scripts/train_nlp.py fast` or use another NLP mode"
        )
    for name in FAST_COMPONENTS:
        nlp.enable_pipe(name)


def add_transformer(nlp: Language) -> None:
    """Put the transformer where the CNN ``ner`` was (last, after the parser's sentences)."""
    from lagebild.encoder.e5file import E5FileError
    from lagebild.encoder.model import EncoderModelError
    from lagebild.encoder.spacy_component import FACTORY, register

    register()
    try:
        nlp.add_pipe(FACTORY, name=FACTORY)
    except (EncoderModelError, E5FileError) as exc:
        raise ConfigError(f"accurate mode unavailable: {exc}") from exc


def _ner_name(nlp: Language) -> str | None:
    names = ("ner", "ner_fast", TRANSFORMER_COMPONENT)
    return next((n for n in names if n in nlp.pipe_names), None)


ACTOR_RULER = "lagebild_known_actors"
# NER label of each registry actor type (also the training script's registry augmentation)
ACTOR_ENTITY_LABEL = {"person": "PER", "state": "LOC", "igo": "ORG", "org": "ORG"}


def add_known_actor_ruler(nlp: Language) -> None:
    """Tag names from the actor registry that the statistical NER left untagged.

    The NER is trained on little data and misses frequent political names such as "Kreml",
    "Weißen Hauses" or a bare "Biden"; the registry (`lagebild/data/actors`) knows them with
    their inflected forms, and a person's surname where it names the person on its own. The
    ruler runs after `ner` and never overwrites its entities, so it only fills gaps. A second
    rule after it relabels a seat of government the NER called a place (or MISC) when it is a
    clause's subject (`_acting_seats_are_organisations`).
    """
    from spacy.language import Language

    from lagebild.actors import load_registry

    if ACTOR_RULER in nlp.pipe_names:
        return
    patterns = []
    seat_names: set[str] = set()
    for actor in load_registry().actors.values():
        label = ACTOR_ENTITY_LABEL.get(actor.type)
        if label is None:
            continue
        if actor.seat and label == "ORG":
            seat_names.update(actor.names)
        # surnames only where the registry lists them: forms that name the person anywhere
        for name in (*actor.names, *actor.surnames):
            variants = {name} if name.endswith(("s", "x", "z", "ß")) else {name, name + "s"}
            patterns.extend({"label": label, "pattern": v} for v in sorted(variants))
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=ACTOR_RULER,
        after=_ner_name(nlp),
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    if not Language.has_factory(SEAT_SUBJECTS):
        Language.factory(SEAT_SUBJECTS, default_config={"seat_names": []}, func=_seat_rule)
    nlp.add_pipe(SEAT_SUBJECTS, after=ACTOR_RULER, config={"seat_names": sorted(seat_names)})


SEAT_SUBJECTS = "lagebild_seat_subjects"
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass"})


def _seat_rule(nlp: Language, name: str, seat_names: list[str]) -> Callable[[Doc], Doc]:
    """spaCy factory: `_acting_seats_are_organisations` for the registry's seat names
    ("Kreml", "Weißes Haus": bodies named after their building)."""
    # a partial, not a lambda: picklable for nlp.pipe(n_process=…) with spawned workers
    return partial(_acting_seats_are_organisations, seats=frozenset(seat_names))


def _acting_seats_are_organisations(doc: Doc, seats: frozenset[str]) -> Doc:
    """A seat of government that is the subject of a clause acts, so it is an organisation.

    The NER learns buildings as places: "Das Weiße Haus teilte mit" came out LOC (or MISC,
    with the article inside the span), while the same name after "im" is rightly a place. Only
    names the registry marks as seats change, only when the name is a subject ("nsubj",
    "nsubj:pass"), and only to ORG; a leading article leaves the span, as in GermEval's
    convention, otherwise the model's span stays as it is.
    """
    from spacy.tokens import Span

    ents = list(doc.ents)
    changed = False
    for i, ent in enumerate(ents):
        if ent.label_ in ("ORG", "PER") or ent.root.dep_ not in SUBJECT_RELATIONS:
            continue
        start = ent.start + 1 if len(ent) > 1 and ent[0].pos_ == "DET" else ent.start
        if doc[start : ent.end].text in seats:
            ents[i] = Span(doc, start, ent.end, label="ORG")
            changed = True
    if changed:
        doc.ents = ents
    return doc


def add_sentence_rules(nlp: Language) -> None:
    """Insert the boundary rules before the first component that sets sentences."""
    from spacy.language import Language

    if SENTENCE_RULES in nlp.pipe_names:
        return
    if not Language.has_factory(SENTENCE_RULES):
        Language.component(SENTENCE_RULES, func=_sentence_rules)
    before = next((n for n in ("parser", "parser_fast", "senter") if n in nlp.pipe_names), None)
    if before is not None:
        nlp.add_pipe(SENTENCE_RULES, before=before)
    else:
        nlp.add_pipe(SENTENCE_RULES, first=True)


def _sentence_rules(doc: Doc) -> Doc:
    """Preset boundaries the parser then keeps.

    A token after a line break starts a sentence, so a headline without a full stop never runs
    into the article's first sentence; the token after an opening quote never starts one, nor
    does a quotation mark or closing punctuation glued to the token before it, nor a token
    after a word (see `_may_end_sentence`).

    Reads and writes the doc as arrays: setting ``Token.is_sent_start`` token by token made
    spaCy scan the whole doc for dependencies at every call, which cost 6 % of the fast mode.
    """
    import numpy
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START, SPACY

    if len(doc) < 2:
        return doc
    # as int64, a "not a start" stored as uint64 reads as -1 again
    columns = doc.to_array([IDX, LENGTH, IS_SPACE, SPACY, SENT_START]).astype("int64").tolist()
    text = doc.text
    texts = [text[idx : idx + length] for idx, length, _, _, _ in columns]
    is_space = [bool(row[2]) for row in columns]
    glued = [not row[3] for row in columns]  # no whitespace after the token
    starts = [row[4] for row in columns]
    for i in range(1, len(texts)):
        prev, tok = texts[i - 1], texts[i]
        if is_space[i]:
            continue
        if prev in OPENING_QUOTES or (prev in QUOTES and _opens(glued, is_space, i - 1)):
            starts[i] = -1
        elif (tok in QUOTES or tok[0] in CLOSING_PUNCT) and glued[i - 1] and not is_space[i - 1]:
            starts[i] = -1
        elif is_space[i - 1] and "\n" in prev:
            starts[i] = 1
        elif not _may_end_sentence(prev if not is_space[i - 1] else texts[max(0, i - 2)]):
            starts[i] = -1
    # spaCy's arrays are uint64, "not a start" (-1) wrapped around as to_array returns it
    values = numpy.asarray(starts, dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc


def _may_end_sentence(text: str) -> bool:
    """Can a sentence end after a token of this text within a line? At . ! ? … : ; or a
    closing quote or bracket, never after a word: the parser otherwise splits "Aber Borussia |
    Dortmund darf …" or "Studien zufolge | böten …" (GermEval dev; docs/ACCURACY.md)."""
    return text[-1] in SENTENCE_END or text in QUOTES or text in CLOSING_BRACKETS


def _opens(glued: list[bool], is_space: list[bool], i: int) -> bool:
    """A quotation mark glued to the next token but not to the previous one opens a quote."""
    if not glued[i]:
        return False
    return i == 0 or not glued[i - 1] or is_space[i - 1]
