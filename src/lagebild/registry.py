"""Registries of built-in readers and stages, by name, as lazy dotted import paths.

Lazy paths keep `import lagebild` from importing spaCy or any other heavy dependency.
"""

from __future__ import annotations

import importlib
from typing import Any

from lagebild.errors import ConfigError

# name -> "module:attribute"; order of DEFAULT_STAGES is the run order.
STAGES: dict[str, str] = {
    "nlp": "lagebild.stages.nlp_spacy:SpacyStage",
    "time": "lagebild.stages.temporal:TemporalStage",
    "actors": "lagebild.stages.actors:ActorStage",
    "quotes": "lagebild.stages.quotes:QuoteStage",
}
DEFAULT_STAGES: tuple[str, ...] = ("nlp", "time", "actors", "quotes")


def load_object(dotted: str) -> Any:
    module_name, _, attr = dotted.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr)


def create_stage(name: str, **config: Any) -> Any:
    if name not in STAGES:
        raise ConfigError(f"unknown stage {name!r}; known: {sorted(STAGES)}")
    return load_object(STAGES[name])(**config)
