"""Build a chain of stages, check its data flow, run it over documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from lagebild.document import Document
from lagebild.errors import PipelineConfigError, StageError
from lagebild.registry import DEFAULT_STAGES, create_stage
from lagebild.stage import Stage

# Layers every Document has before any stage runs (the reader/cleaner provides text only).
READER_LAYERS: frozenset[str] = frozenset()


class Pipeline:
    """An ordered list of stages whose `requires` are all met by earlier producers."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)
        check_data_flow(self.stages)
        self._ready = False

    @classmethod
    def from_names(
        cls, names: Iterable[str] | None = None, config: dict[str, dict[str, Any]] | None = None
    ) -> Pipeline:
        """Stages by registry name; ``config`` gives keyword options per stage name."""
        chosen = list(names) if names is not None else list(DEFAULT_STAGES)
        config = config or {}
        return cls([create_stage(name, **config.get(name, {})) for name in chosen])

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def setup(self) -> None:
        if not self._ready:
            for stage in self.stages:
                stage.setup()
            self._ready = True

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        self.setup()
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = _guarded(stage, stream, batch_size)
        yield from stream


def _guarded(stage: Stage, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
    current: Document | None = None

    def remember(items: Iterable[Document]) -> Iterator[Document]:
        nonlocal current
        for item in items:
            current = item
            yield item

    try:
        yield from stage.pipe(remember(docs), batch_size=batch_size)
    except StageError:
        raise
    except Exception as exc:  # wrap with stage name and document id, then re-raise
        raise StageError(stage.name, current.id if current else "?", exc) from exc


def check_data_flow(stages: Sequence[Stage]) -> None:
    """Raise if a stage needs a layer no earlier stage produces, or two stages produce one."""
    produced: dict[str, str] = {layer: "reader" for layer in READER_LAYERS}
    for stage in stages:
        missing = set(stage.requires) - set(produced)
        if missing:
            raise PipelineConfigError(
                f"stage {stage.name!r} requires layers {sorted(missing)} that no earlier stage "
                f"produces (produced so far: {sorted(produced)})"
            )
        for layer in stage.produces:
            if layer in produced:
                raise PipelineConfigError(
                    f"layer {layer!r} produced by both {produced[layer]!r} and {stage.name!r}"
                )
            produced[layer] = stage.name
