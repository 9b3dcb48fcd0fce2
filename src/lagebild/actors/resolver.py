"""Resolve the actor mentions of one article: names, surnames, offices, metonyms, pronouns.

News text names an actor once in full ("Russlands Präsident Wladimir Putin") and then refers
back by surname ("Putins"), by office ("der russische Staatschef", "sein Amtskollege"), by seat
("der Kreml") or by pronoun ("er"). Offices are resolved against the registry *on the article's
date*, so "der US-Präsident" is Biden in 2021 and Trump in mid-2025. Everything is decided inside
one article; ids come from the registry (or from the normalised full name for unknown people),
so the same actor gets the same id in every article.

The resolver is deliberately conservative where German is ambiguous: capitals after a locative
preposition are places, plural offices ("die beiden Präsidenten") are skipped, "sie" is only
resolved when the verb shows the singular, and pronouns inside direct quotes are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from lagebild.actors.base import Mention, find_quoted_regions, split_sentences
from lagebild.actors.gazetteer import Gazetteer
from lagebild.actors.offices import OfficeRules
from lagebild.actors.people import PeopleRules
from lagebild.actors.places import PlaceRules
from lagebild.actors.registry import Registry, RoleNoun, date_range
from lagebild.document import PartialDate

__all__ = ["Mention", "MentionResolver", "find_quoted_regions", "split_sentences"]


class MentionResolver:
    """Finds and resolves actor mentions in article text against a `Registry`."""

    def __init__(self, registry: Registry, gazetteer: Gazetteer | None = None) -> None:
        self.registry = registry
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer(registry)
        endings = "|".join(sorted((re.escape(t) for t in registry.titles), key=len, reverse=True))
        self.title_re = re.compile(rf"(?:{endings})(?:innen|in|en|s|n)?$" if endings else r"$^")
        self.role_cache: dict[str, tuple[RoleNoun, str, bool] | None] = {}

    def resolve(
        self,
        text: str,
        published: PartialDate | str | None = None,
        *,
        sentences: Sequence[tuple[int, int]] | None = None,
        entities: Iterable[tuple[int, int, str]] = (),
        tokens: Iterable[tuple[int, int, dict[str, Any]]] = (),
    ) -> list[Mention]:
        """All mentions in ``text``, sorted by position.

        ``entities`` are NER spans ``(start, end, label)`` with labels PER/ORG/LOC/MISC;
        ``tokens`` are ``(start, end, attrs)`` of an NLP tokens layer (UD ``dep``, ``morph``),
        used to confirm subjects and objects where the plain-text rules have to guess.
        """
        article = _Article(
            self.registry, self.gazetteer, self.title_re, self.role_cache,
            text, date_range(published), sentences, list(entities),
            {start: attrs for start, _, attrs in tokens},
        )
        return article.run()


class _Article(PlaceRules, PeopleRules, OfficeRules):
    """One article's resolution run: names first, then unknown people, surnames, offices and
    pronouns, each step seeing the mentions of the steps before."""

    def run(self) -> list[Mention]:
        for match in self.gaz.scan(self.text, self.tokens):
            self.matches[match.first] = match
        self._add_names()
        self._add_unknown_people()
        self._add_surnames()
        self._add_roles()
        self._add_pronouns()
        self._add_possessives()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions
