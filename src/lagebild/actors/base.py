"""Shared state and small helpers of the per-article actor resolver.

`resolver._Article` combines the rule sets in `places`, `people` and `offices`; each works on
the state kept here (tokens, sentence and quote positions, name matches, mentions so far) and
adds mentions through `ArticleBase._emit`, which also keeps the per-article surname index that
links "Putin" back to "Wladimir Putin".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from re import Pattern
from typing import Any

from lagebild.actors import lexicon as lx
from lagebild.actors.gazetteer import Gazetteer, NameMatch
from lagebild.actors.registry import DateRange, Registry, RoleNoun
from lagebild.actors.text import Token, fold, tokenize
from lagebild.lang.de.sentences import split_sentences

__all__ = ["ArticleBase", "Mention", "find_quoted_regions", "split_sentences"]

PERSON_LABELS = ("person", "unknown_person")
CAPITAL_KINDS = ("capital", "weak_capital")

_QUOTE_PAIRS = {"„": "“”\"", "“": "”“\"", "»": "«", "«": "»", '"': '"', "‚": "‘’'"}


@dataclass
class Mention:
    """One resolved mention; ``to_attrs`` gives the ``actor`` layer attributes."""

    start: int
    end: int
    label: str
    actor_id: str
    name: str
    codes: list[str]
    via: str
    first: int = -1
    last: int = -1
    role: str = ""
    title: str = ""
    modifier_of: str = ""
    antecedent: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_attrs(self) -> dict[str, Any]:
        attrs: dict[str, Any] = {
            "actor_id": self.actor_id,
            "name": self.name,
            "codes": list(self.codes),
            "via": self.via,
        }
        if self.role:
            attrs["role"] = self.role
        if self.title:
            attrs["title"] = self.title
        if self.modifier_of:
            attrs["modifier_of"] = self.modifier_of
        if self.antecedent is not None:
            attrs["antecedent"] = {"start": self.antecedent[0], "end": self.antecedent[1]}
        attrs.update(self.extra)
        return attrs


def find_quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed quote ends at the paragraph end."""
    regions: list[tuple[int, int]] = []
    opener, start = "", 0
    for i, ch in enumerate(text):
        if ch == "\n" and opener:
            regions.append((start, i))
            opener = ""
        elif opener and ch in _QUOTE_PAIRS[opener]:
            regions.append((start, i + 1))
            opener = ""
        elif not opener and ch in _QUOTE_PAIRS:
            opener, start = ch, i
    if opener:
        regions.append((start, len(text)))
    return regions


class ArticleBase:
    """Per-article working state; built and discarded for every article."""

    def __init__(
        self,
        registry: Registry,
        gazetteer: Gazetteer,
        title_re: Pattern[str],
        role_cache: dict[str, tuple[RoleNoun, str, bool] | None],
        text: str,
        span: DateRange | None,
        sentences: Sequence[tuple[int, int]] | None,
        entities: list[tuple[int, int, str]],
        token_attrs: dict[int, dict[str, Any]] | None = None,
    ) -> None:
        self.reg = registry
        self.gaz = gazetteer
        self.title_re = title_re
        self.role_cache = role_cache
        self.text = text
        self.span = span
        self.entities = entities
        self.token_attrs = token_attrs or {}  # start offset -> attrs of the `tokens` layer
        self.tokens = tokenize(text)
        sents = list(sentences) if sentences else split_sentences(text)
        self.sent_of = _assign(self.tokens, sents)
        quoted = find_quoted_regions(text)
        self.quoted = [any(a < t.start < b for a, b in quoted) for t in self.tokens]
        self.matches: dict[int, NameMatch] = {}
        self.mentions: list[Mention] = []
        self.owner: list[Mention | None] = [None] * len(self.tokens)
        self.surnames: dict[str, list[tuple[int, str, str, str]]] = defaultdict(list)
        self.used: set[int] = set()  # tokens inside an office description already handled

    def _emit(self, first: int, last: int, actor_id: str, via: str, **kw: Any) -> Mention:
        actor = self.reg.get(actor_id)
        label = kw.pop("label", None) or (actor.type if actor else "unknown_person")
        name = kw.pop("name", None) or (actor.name if actor else actor_id)
        codes = kw.pop("codes", None)
        if codes is None:
            codes = self.reg.codes_on(actor_id, self.span) if actor else []
        mention = Mention(
            self.tokens[first].start, self.tokens[last].end, label, actor_id, name,
            list(codes), via, first, last, **kw,
        )
        self.mentions.append(mention)
        for i in range(first, last + 1):
            if self.owner[i] is None:
                self.owner[i] = mention
        if label in PERSON_LABELS and via in ("name", "ner"):
            self._index_surname(first, last, mention)
        return mention

    def _index_surname(self, first: int, last: int, mention: Mention) -> None:
        key = self.tokens[last].key
        if self.matches.get(first) is not None and self.matches[first].genitive:
            key = key[:-1]
        self.surnames[key].append((first, mention.actor_id, mention.name, mention.label))
        actor = self.reg.get(mention.actor_id)
        for surname in actor.surnames if actor else ():
            skey = fold(surname.split()[-1])
            if skey != key:
                self.surnames[skey].append((first, mention.actor_id, mention.name, mention.label))

    def _free(self, first: int, last: int) -> bool:
        return all(self.owner[i] is None for i in range(first, last + 1))

    def _glued(self, a: int, b: int) -> bool:
        """Tokens a and b are adjacent with only whitespace between."""
        return not self.text[self.tokens[a].end : self.tokens[b].start].strip()

    def _holder_ids_mentioned(self) -> dict[str, int]:
        seen: dict[str, int] = {}
        for m in self.mentions:
            if m.label == "person":
                seen.setdefault(m.actor_id, m.first)
        return seen

    def _sentence_initial_word(self, i: int) -> bool:
        return i == 0 or self.sent_of[i - 1] != self.sent_of[i]

    def _next_key(self, last: int) -> str:
        return self.tokens[last + 1].key if last + 1 < len(self.tokens) else ""

    def _match_start(self, last: int) -> int:
        for first, match in self.matches.items():
            if match.last == last:
                return first
        return -1

    def _is_adjective(self, j: int) -> bool:
        tok = self.tokens[j]
        return not tok.is_capitalised and tok.key.endswith(("e", "en", "er", "es", "em")) and \
            tok.key not in lx.DETERMINERS and tok.key not in lx.PREDICATIVE_HEADS and \
            tok.key not in lx.PREPOSITIONS and tok.key not in lx.LOCATIVE_PREPOSITIONS

    def _is_title(self, key: str) -> bool:
        return self.title_re.search(key) is not None

    def _role_noun(self, tok: Token) -> tuple[RoleNoun, str, bool] | None:
        """(noun, org from a compound prefix, former?) for a role-noun token."""
        if not tok.is_capitalised:
            return None
        if tok.key not in self.role_cache:
            self.role_cache[tok.key] = self._split_role_noun(tok.key)
        return self.role_cache[tok.key]

    def _split_role_noun(self, key: str) -> tuple[RoleNoun, str, bool] | None:
        former = False
        for prefix in lx.FORMER_PREFIXES:
            rest = key[len(prefix):]
            if key.startswith(prefix) and (rest in self.reg.role_nouns or "-" in rest):
                key, former = rest.lstrip("-"), True
                break
        nouns = self.reg.role_nouns
        if key in nouns:
            return nouns[key], "", former
        head, sep, rest = key.partition("-")
        if sep and head in self.reg.prefixes and rest in nouns:
            return nouns[rest], self.reg.prefixes[head], former
        for prefix, org in self.reg.prefixes.items():
            if key.startswith(prefix) and key[len(prefix):] in nouns and len(prefix) > 1:
                return nouns[key[len(prefix):]], org, former
        return None

    def _slice(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def _syntax(self, i: int) -> tuple[str, str]:
        """(UD relation, morphology) of token i from an NLP `tokens` layer, or ("", "")."""
        attrs = self.token_attrs.get(self.tokens[i].start)
        if not attrs:
            return "", ""
        return str(attrs.get("dep") or ""), str(attrs.get("morph") or "")

    def _antecedent(self, i: int, gender: str) -> Mention | None:
        """Pronoun antecedent; implemented by `people.PeopleRules`."""
        raise NotImplementedError


def _assign(tokens: list[Token], sents: Sequence[tuple[int, int]]) -> list[int]:
    """Sentence index of each token (tokens between sentences join the previous one)."""
    out, s = [], 0
    ordered = sorted(sents)
    for tok in tokens:
        while s + 1 < len(ordered) and tok.start >= ordered[s + 1][0]:
            s += 1
        out.append(s)
    return out
