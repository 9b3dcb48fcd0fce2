"""Longest-match lookup of registry names in a token sequence.

Built once per registry (in ``ActorStage.setup``): every name, surname, capital and demonym
variant becomes a key of folded tokens, with a generated genitive form ("Putins", "Russlands",
"des Kremls"). Scanning is a greedy longest match from left to right, which is enough for names
and keeps the cost linear in the article length.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from lagebild.actors.registry import Registry
from lagebild.actors.text import Token, fold, tokenize

__all__ = ["Entry", "Gazetteer", "NameMatch"]

# Preference when one key has several readings: a full name beats a capital, and so on.
KIND_RANK = {"name": 0, "capital": 1, "weak_capital": 2, "surname": 3, "demonym": 4}


@dataclass(frozen=True)
class Entry:
    """One reading of a key: which actor, as what kind of name, and in which form."""

    actor_id: str
    kind: str  # name | surname | capital | weak_capital | demonym
    capitalised: bool
    genitive: bool


@dataclass(frozen=True)
class NameMatch:
    """Tokens ``[first, last]`` (inclusive) matched to one or more readings."""

    first: int
    last: int
    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def kind(self) -> str:
        return self.entries[0].kind

    @property
    def genitive(self) -> bool:
        return all(e.genitive for e in self.entries)


def _genitive(word: str) -> str | None:
    if fold(word)[-1:] in ("s", "x", "z", "ß") or not word[-1:].isalpha():
        return None
    return word + "s"


class Gazetteer:
    """Maps folded token tuples to registry readings."""

    def __init__(self, registry: Registry) -> None:
        self.keys: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.max_len = 1
        self.first_len: dict[str, int] = {}  # first folded token -> longest key starting so
        for actor in registry.actors.values():
            groups = (
                ("name", actor.names),
                ("surname", actor.surnames),
                ("capital", actor.capitals),
                ("demonym", actor.demonyms),
            )
            for kind, variants in groups:
                for variant in variants:
                    if kind == "capital" and variant.startswith("~"):
                        self._add_variant(variant[1:], actor.id, "weak_capital")
                    else:
                        self._add_variant(variant, actor.id, kind)
        for entries in self.keys.values():
            entries.sort(key=lambda e: (KIND_RANK[e.kind], e.genitive, e.actor_id))

    def _add_variant(self, variant: str, actor_id: str, kind: str) -> None:
        self._add(variant, actor_id, kind, genitive=False)
        tokens = variant.split(" ")
        gen = _genitive(tokens[-1]) if kind != "demonym" else None
        if gen:
            self._add(" ".join([*tokens[:-1], gen]), actor_id, kind, genitive=True)

    def _add(self, variant: str, actor_id: str, kind: str, *, genitive: bool) -> None:
        key = tuple(t.key for t in tokenize(variant))
        if not key:
            return
        entry = Entry(actor_id, kind, variant[:1].isupper(), genitive)
        if entry not in self.keys[key]:
            self.keys[key].append(entry)
        self.max_len = max(self.max_len, len(key))
        self.first_len[key[0]] = max(self.first_len.get(key[0], 0), len(key))

    def scan(self, text: str, tokens: list[Token]) -> list[NameMatch]:
        """Greedy longest matches, left to right, never across punctuation."""
        matches: list[NameMatch] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(text, tokens, i)
            if found is None:
                i += 1
                continue
            matches.append(found)
            i = found.last + 1
        return matches

    def _match_at(self, text: str, tokens: list[Token], i: int) -> NameMatch | None:
        longest = self.first_len.get(tokens[i].key, 0)
        for length in range(min(longest, len(tokens) - i), 0, -1):
            window = tokens[i : i + length]
            if any(text[a.end : b.start].strip() for a, b in pairwise(window)):
                continue
            entries = self.keys.get(tuple(t.key for t in window))
            if not entries:
                continue
            cased = tuple(e for e in entries if e.capitalised == window[0].is_capitalised)
            if not cased:
                continue
            return NameMatch(i, i + length - 1, window[0].start, window[-1].end, cased)
        return None
