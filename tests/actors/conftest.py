"""Shared fixtures for the actor tests: one registry and resolver per session (cheap, pure)."""

from __future__ import annotations

import pytest

from lagebild.actors import MentionResolver, Registry, load_registry


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def resolver(registry: Registry) -> MentionResolver:
    return MentionResolver(registry)
