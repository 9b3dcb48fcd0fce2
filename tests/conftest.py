"""Helpers shared by test packages (pytest runs with --import-mode=importlib, so test modules
cannot import each other; fixtures are the shared surface)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest


def _verb_arguments(doc, verb_lemma: str) -> dict[str, set[str]]:
    """Relation → texts of the children of the first token with lemma ``verb_lemma``."""
    verb = next(t for t in doc if t.lemma_ == verb_lemma)
    out: dict[str, set[str]] = {}
    for child in verb.children:
        out.setdefault(child.dep_, set()).add(child.text)
    return out


@pytest.fixture
def verb_args() -> Callable[..., dict[str, set[str]]]:
    return _verb_arguments


SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """Import a training script from scripts/ as a module (they are not a package)."""

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"lagebild_{name}", SCRIPTS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module

    return load
