"""Names, seats, capitals and demonyms: when a registry name is an actor mention.

The hard part is capitals: "Moskau" is the Russian government in "Moskau warnte" but a place
in "in Moskau", "Lazio Rom" or a list of cities. A capital only counts with positive evidence
(genitive, relational preposition, source phrase, or next to a verb); seats ("im Kanzleramt")
and country names inside other names ("Neues Deutschland") are filtered likewise.
"""

from __future__ import annotations

from lagebild.actors import lexicon as lx
from lagebild.actors.base import CAPITAL_KINDS, ArticleBase
from lagebild.actors.gazetteer import NameMatch

__all__ = ["PlaceRules"]


class PlaceRules(ArticleBase):
    """Emits name, seat, capital-metonym and demonym mentions."""

    def _add_names(self) -> None:
        for match in self.matches.values():
            entry = match.entries[0]
            if entry.kind == "surname":
                continue
            if entry.kind in CAPITAL_KINDS:
                if self._is_place(match) or entry.kind == "weak_capital" and \
                        not self._relational(match):
                    continue
                actor = self.reg.get(entry.actor_id)
                codes = [f"{actor.codes[0]} GOV"] if actor and actor.type == "state" else None
                self._emit(match.first, match.last, entry.actor_id, "metonym", codes=codes)
                continue
            actor_id = self._pick_person(match) if entry.kind == "name" else entry.actor_id
            actor = self.reg.get(actor_id)
            if actor is not None and actor.type == "state" and self._inside_name(match):
                continue
            if actor is not None and actor.seat and self._seat_as_place(match):
                continue
            via = "metonym" if actor is not None and actor.seat else "name"
            extra = {"form": "demonym"} if entry.kind == "demonym" else {}
            self._emit(match.first, match.last, actor_id, via, extra=extra)

    def _inside_name(self, match: NameMatch) -> bool:
        """A country name that ends another name: "Piratenpartei Deutschland", "Neues
        Deutschland", "Haus Luxemburg" (genitives such as "Präsident Russlands" are fine)."""
        for start, end, label in self.entities:
            if label in ("ORG", "MISC") and start <= match.start and match.end <= end and (
                start, end) != (match.start, match.end):
                return True  # the NER layer saw a longer name around it
        j = match.first - 1
        if match.genitive or j < 0 or not self._glued(j, match.first):
            return False
        prev = self.tokens[j]
        if not prev.is_capitalised or self._sentence_initial_word(j) or prev.key in lx.NOT_NAMES:
            return False
        # Without NER only a capitalised adjective gives the name away ("Neues Deutschland");
        # "in Sachen Russland" or "Gastland Tschechien" must stay.
        return prev.key.endswith(("es", "er", "e")) and self.owner[j] is None and \
            self._role_noun(prev) is None and not self._is_title(prev.key)

    def _pick_person(self, match: NameMatch) -> str:
        ids = [e.actor_id for e in match.entries if e.kind == "name"]
        if len(ids) > 1 and self.span is not None:
            active = [i for i in ids if self.reg.terms_of(i, self.span)]
            if active:
                return active[0]
        return ids[0]

    def _is_place(self, match: NameMatch) -> bool:
        """A capital used as a place, not as a metonym for the government. A capital counts as
        the government only with positive evidence: genitive ("Moskaus Haltung"), a relational
        preposition ("Verhältnis zu Washington"), a source phrase ("hieß es in Moskau"), or an
        argument position next to a verb ("Moskau warnte", "drohte Moskau")."""
        first, last = match.first, match.last
        if first > 1 and self.tokens[first - 1].key in ("und", "oder", "sowie"):
            conjunct = self.matches.get(self._match_start(first - 2))
            if conjunct is not None and conjunct.kind in CAPITAL_KINDS and self._is_place(conjunct):
                return True  # "nach Moskau und Kiew"
        if self._in_comma_list(match) or self._next_key(last) == "d":
            return True  # "in Stockholm, Warschau, Helsinki und Paris", "Washington D.C."
        line_start = self.text.rfind("\n", 0, match.start) + 1
        if not self.text[line_start : match.start].strip() and \
                self.text[match.end : match.end + 2].startswith((".", " (")):
            return True  # dateline "Moskau. ..."
        j = first - 1
        while j >= 0 and self._glued(j, j + 1) and self._is_adjective(j):
            j -= 1  # "im norwegischen Oslo"
        if j < 0 or self.tokens[j].key not in lx.LOCATIVE_PREPOSITIONS:
            j = first - 1  # the skipped word was no adjective after all ("dankte Berlin")
        prev = self.tokens[j] if j >= 0 and self._glued(j, j + 1) else None
        if prev is not None:
            if prev.key in lx.LOCATIVE_PREPOSITIONS:
                return not self._source_phrase(j)
            if prev.key == "von" and j > 0 and (
                self.tokens[j - 1].key in lx.DIRECTION_WORDS or self.tokens[j - 1].is_capitalised
                or self._next_key(last) == "nach"
            ):
                return True  # "nördlich von London", "Bischof von Rom", "von Moskau nach"
            if j == first - 1 and prev.is_capitalised and not self._sentence_initial_word(j):
                return True  # part of a name: "Landgericht Berlin", "Lazio Rom"
            if j == first - 1 and prev.key in lx.DETERMINERS:
                return True  # "der London-Express": cities take no article
        if match.genitive:
            return False
        dep, _ = self._syntax(last)
        if dep in lx.ARGUMENT_DEPS:
            return False  # the parser says subject or object: "dass Moskau Truppen schickt"
        if prev is not None and j == first - 1 and not prev.is_capitalised:
            if prev.key in lx.RELATIONAL_PREPOSITIONS:
                return False
            if prev.key not in lx.PREPOSITIONS and prev.key not in lx.DETERMINERS:
                return False  # after a verb or conjunction: "drohte Moskau", "und Moskau"
        nxt = last + 1
        if nxt < len(self.tokens) and self._glued(last, nxt) and \
                not self.tokens[nxt].is_capitalised:
            return False  # before a verb: "Moskau warnte", "Kiew bemüht sich"
        return True

    def _relational(self, match: NameMatch) -> bool:
        """ "Verhältnis zu Berlin", "hieß es in Berlin": evidence strong enough for a capital
        that is also a city-state."""
        j = match.first - 1
        if j < 0 or not self._glued(j, match.first):
            return False
        key = self.tokens[j].key
        return key in lx.RELATIONAL_PREPOSITIONS or (
            key in lx.LOCATIVE_PREPOSITIONS and self._source_phrase(j))

    def _seat_as_place(self, match: NameMatch) -> bool:
        """ "eine Ministerrunde im Kanzleramt", "vor der Downing Street": the building."""
        j = match.first - 1
        if j >= 0 and self.tokens[j].key in lx.DETERMINERS:
            j -= 1
        return j >= 0 and self.tokens[j].key in lx.SEAT_PLACE_PREPOSITIONS

    def _source_phrase(self, j: int) -> bool:
        """ "hieß es in Moskau", "verlautete aus Washington": the capital is the source."""
        before = self.tokens[j - 1].key if j > 0 else ""
        if before in lx.SOURCE_PHRASE_HEADS:
            return True
        return before == "es" and j > 1 and self.tokens[j - 2].key in lx.SOURCE_PHRASE_HEADS

    def _in_comma_list(self, match: NameMatch) -> bool:
        """A capital next to another capital across a comma: an enumeration of places."""
        before = self.text[: match.start].rstrip()
        if before.endswith(","):
            prev = self.matches.get(self._match_start(match.first - 1))
            if prev is not None and prev.kind in CAPITAL_KINDS:
                return True
        after = self.text[match.end :].lstrip()
        if after.startswith(",") and match.last + 1 < len(self.tokens):
            nxt = self.matches.get(match.last + 1)
            if nxt is not None and nxt.kind in CAPITAL_KINDS:
                return True
        return False
