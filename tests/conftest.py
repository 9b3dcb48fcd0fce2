"""Helpers shared by test packages (pytest runs with --import-mode=importlib, so test modules
cannot import each other; fixtures are the shared surface)."""

from __future__ import annotations

from collections.abc import Callable

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
