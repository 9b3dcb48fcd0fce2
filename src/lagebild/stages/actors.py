"""The `actors` stage: resolve every actor mention of an article to a canonical registry id.

Produces the `actor` layer (label = person|state|igo|org|unknown_person; attrs actor_id, name,
codes, via = name|surname|role|metonym|pronoun|ner, plus role/title, modifier_of, antecedent).
It needs nothing but text; `sentences`, `entities` and `tokens` layers are used when an earlier
stage (the `nlp` stage) produced them: sentences sharpen pronoun resolution, PER/ORG entities
add people and organisations missing from the registry, and the parser's relations confirm
subject pronouns and capitals used as actors. Offices ("der US-Präsident") are
resolved on `doc.published`, so the document's date matters and nothing reads the clock.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lagebild import layers
from lagebild.actors.gazetteer import Gazetteer
from lagebild.actors.registry import Registry, load_registry
from lagebild.actors.resolver import MentionResolver
from lagebild.document import Annotation, Document
from lagebild.stage import Stage

__all__ = ["ActorStage"]

_NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


class ActorStage(Stage):
    """Adds the `actor` layer.

    registry_path: folder with the registry TSV files (default: the shipped registry).
    use_entities: use an `entities` layer for people/organisations not in the registry.
    """

    name: ClassVar[str] = "actors"
    requires: ClassVar[frozenset[str]] = frozenset()
    produces: ClassVar[frozenset[str]] = frozenset({layers.ACTOR})

    def __init__(self, registry_path: str | None = None, use_entities: bool = True) -> None:
        self.registry_path = registry_path
        self.use_entities = use_entities
        self._resolver: MentionResolver | None = None

    def get_config(self) -> dict[str, Any]:
        return {"registry_path": self.registry_path, "use_entities": self.use_entities}

    def setup(self) -> None:
        if self._resolver is None:
            registry = load_registry(self.registry_path)
            self._resolver = MentionResolver(registry, Gazetteer(registry))

    @property
    def registry(self) -> Registry:
        self.setup()
        assert self._resolver is not None
        return self._resolver.registry

    def __getstate__(self) -> dict[str, Any]:
        # Picklable for Dask: ship the config only; each worker calls setup() again.
        state = dict(self.__dict__)
        state["_resolver"] = None
        return state

    def __call__(self, doc: Document) -> Document:
        self.setup()  # idempotent; a no-op after the pipeline's setup()
        assert self._resolver is not None
        sentences = [(s.start, s.end) for s in doc.layer(layers.SENTENCES)] or None
        entities: list[tuple[int, int, str]] = []
        if self.use_entities:
            for ent in doc.layer(layers.ENTITIES):
                label = _NER_LABELS.get(ent.label.upper())
                if label:
                    entities.append((ent.start, ent.end, label))
        tokens = [(t.start, t.end, t.attrs) for t in doc.layer(layers.TOKENS)]
        mentions = self._resolver.resolve(
            doc.text, doc.published, sentences=sentences, entities=entities, tokens=tokens
        )
        doc.set_layer(
            layers.ACTOR,
            [Annotation(layers.ACTOR, m.start, m.end, m.label, m.to_attrs()) for m in mentions],
        )
        return doc
