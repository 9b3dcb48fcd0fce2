"""Canonical actors: the registry of states, organisations and office-holders, and the
resolver that maps mentions in an article ("Putins", "der US-Präsident", "der Kreml", "er")
to registry ids by the article's date."""

from lagebild.actors.gazetteer import Gazetteer
from lagebild.actors.registry import Actor, Registry, RoleNoun, RoleTerm, date_range, load_registry
from lagebild.actors.resolver import Mention, MentionResolver

__all__ = [
    "Actor",
    "Gazetteer",
    "Mention",
    "MentionResolver",
    "Registry",
    "RoleNoun",
    "RoleTerm",
    "date_range",
    "load_registry",
]
