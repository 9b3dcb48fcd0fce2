"""People outside the registry, surnames, and the pronouns "er" / "sie".

Unknown people come from an `entities` layer (PER) when present, and otherwise from a name next
to a title ("Gouverneur Andy Beshear", "Andrew Wetzler, ein Anwalt"); their id is
"person:<folded full name>", so it is stable across articles. Later surnames join the most
recent full name. Pronouns go to the subject-like person of the same or one of the two previous
sentences, skipping people inside prepositional phrases and inside direct quotes.
"""

from __future__ import annotations

from lagebild.actors import lexicon as lx
from lagebild.actors.base import PERSON_LABELS, ArticleBase, Mention
from lagebild.actors.text import slugify

__all__ = ["PeopleRules"]


class PeopleRules(ArticleBase):
    """Emits unknown-person, surname and pronoun mentions."""

    def _add_unknown_people(self) -> None:
        spans: list[tuple[int, int, str]] = []
        for start, end, label in self.entities:
            idx = [i for i, t in enumerate(self.tokens) if t.start >= start and t.end <= end]
            if idx and label in ("PER", "ORG"):
                spans.append((idx[0], idx[-1], label))
        titled = self._titled_names() + self._names_before_title()
        spans.extend((a, b, "PER") for a, b, _ in titled)
        genders = {a: g for a, _, g in titled}
        # Full names first, so that single surnames join their cluster.
        spans.sort(key=lambda s: (s[1] - s[0] == 0, s[0]))
        for first, last, label in spans:
            while first < last and (
                not self.tokens[first].is_capitalised or self._role_noun(self.tokens[first])
                or self._is_title(self.tokens[first].key)
            ):
                first += 1
            if self._role_noun(self.tokens[first]) or not self.tokens[first].is_capitalised:
                continue
            if first > last or not self._free(first, last):
                continue
            if label == "ORG":
                self._add_organisation_span(first, last)
                continue
            if self._names_of_several_people(first, last):
                for i in range(first, last + 1):
                    if self._free(i, i):
                        self._add_person_span(i, i)
                continue
            self._add_person_span(first, last, genders.get(first, ""))

    def _add_organisation_span(self, first: int, last: int) -> None:
        """An NER organisation: the registry's actor if the name is one of its (the name rules
        leave some alone, e.g. "Sicherheitsberater im Weißen Haus", a title), else a new id."""
        name = self.text[self.tokens[first].start : self.tokens[last].end]
        known = [a for a in self.reg.lookup(name, self.span) if a.type != "person"]
        if len(known) == 1:
            self._emit(first, last, known[0].id, "ner")
            return
        self._emit(first, last, f"org:{slugify(name)}", "ner", label="org", name=name, codes=[])

    def _names_of_several_people(self, first: int, last: int) -> bool:
        """A span whose every word names a known person, not all the same one: "habe Biden
        Putin eingeladen" is two people side by side, which the NER joined into one."""
        if first == last:
            return False
        people: set[str] = set()
        for tok in self.tokens[first : last + 1]:
            readings = self.gaz.keys.get((tok.key,), [])
            if not readings or not all(e.actor_id.startswith("person:") for e in readings):
                return False
            people |= {e.actor_id for e in readings}
        return len(people) > 1

    def _add_person_span(self, first: int, last: int, gender: str = "") -> None:
        name = self.text[self.tokens[first].start : self.tokens[last].end]
        if first == last:
            key = self.tokens[first].key
            for skey in (key, key[:-1] if key.endswith("s") else key):
                if self.surnames.get(skey):
                    _, actor_id, cname, label = self.surnames[skey][-1]
                    self._emit(first, last, actor_id, "surname", label=label, name=cname,
                               codes=None if label == "person" else [])
                    return
            known = self.reg.lookup(name, self.span)
            if known and known[0].type == "person":
                self._emit(first, last, known[0].id, "surname")
                return
        known = self.reg.lookup(name, self.span)
        if known and known[0].type == "person":
            self._emit(first, last, known[0].id, "name")
            return
        if not self._plausible_new_person(first, last, gender):
            return
        extra = {"gender": gender} if gender else {}
        self._emit(first, last, f"person:{slugify(name)}", "ner", label="unknown_person",
                   name=name, codes=[], extra=extra)

    def _plausible_new_person(self, first: int, last: int, gender: str) -> bool:
        """Guard against NER slips before inventing a new person id.

        A lone capitalised word with no title before it ("Sotschi") is too often a place or a
        noun, and a span holding a known state, city or organisation ("Wunsch Moskaus") is not a
        person name: both are left unresolved rather than minted as people.
        """
        if first == last and not gender:
            return False
        for tok in self.tokens[first : last + 1]:
            readings = self.gaz.keys.get((tok.key,), [])
            if readings and not any(e.actor_id.startswith("person:") for e in readings):
                return False
        return True

    def _titled_names(self) -> list[tuple[int, int, str]]:
        """Name-like tokens after a title noun: "Gouverneur Andy Beshear" (no NER needed),
        with the gender the title shows ("Gouverneurin" -> f)."""
        found = []
        for i, tok in enumerate(self.tokens[:-1]):
            if not tok.is_capitalised or not self._is_title(tok.key):
                continue
            gender = "f" if tok.key.endswith(("in", "innen")) else "m"
            comma = self._comma_apposition(i)
            if comma is not None:
                found.append((*comma, gender))
                continue
            j = i + 1
            while (
                j < len(self.tokens) and j - i <= 3 and self._glued(j - 1, j)
                and self._name_like(j) and self.owner[j] is None
            ):
                j += 1
            if j - i >= 3 and not (j < len(self.tokens) and self._glued(j - 1, j)
                                   and self.tokens[j].is_capitalised):
                found.append((i + 1, j - 1, gender))
        return found

    def _names_before_title(self) -> list[tuple[int, int, str]]:
        """ "Andrew Wetzler, ein Anwalt des ...": a 2-3 token name followed by a comma and a
        title noun phrase."""
        found = []
        for i, tok in enumerate(self.tokens):
            if tok.key not in lx.DETERMINERS or i < 3:
                continue
            comma = self.text[self.tokens[i - 1].end : tok.start].strip()
            if comma != ",":
                continue
            k = i + 1
            while k < len(self.tokens) and k - i <= 3 and self._is_adjective(k):
                k += 1
            if k >= len(self.tokens) or not self.tokens[k].is_capitalised or \
                    not self._is_title(self.tokens[k].key):
                continue
            last = i - 1
            first = last
            while first - 1 >= 0 and last - first < 2 and self._glued(first - 1, first) and \
                    self._name_like(first - 1) and self.owner[first - 1] is None:
                first -= 1
            if first < last and self._name_like(last) and self.owner[last] is None and \
                    self._free(first, last):
                gender = "f" if self.tokens[k].key.endswith(("in", "innen")) else "m"
                found.append((first, last, gender))
        return found

    def _comma_apposition(self, i: int) -> tuple[int, int] | None:
        """ "Der Sprecher des Ministeriums, Erika Muster, sagte": a 2-3 token name between
        commas within a few words after a title noun."""
        j = i + 1
        while j < len(self.tokens) and j - i <= 6 and self._glued(j - 1, j):
            j += 1
        if j >= len(self.tokens) or j - i > 6:
            return None
        if self.text[self.tokens[j - 1].end : self.tokens[j].start].strip() != ",":
            return None
        k = j
        while k < len(self.tokens) and k - j < 3 and self._name_like(k) and \
                self.owner[k] is None and (k == j or self._glued(k - 1, k)):
            k += 1
        if k - j < 2 or k >= len(self.tokens):
            return None
        closing = self.text[self.tokens[k - 1].end : self.tokens[k].start].strip()
        return (j, k - 1) if closing.startswith(",") else None

    def _name_like(self, i: int) -> bool:
        tok = self.tokens[i]
        return (
            tok.is_capitalised and tok.text.replace("-", "").isalpha()
            and not tok.text.isupper() and tok.key not in lx.NOT_NAMES
            and self._role_noun(tok) is None
        )

    def _add_surnames(self) -> None:
        for i, tok in enumerate(self.tokens):
            if self.owner[i] is not None or not tok.is_capitalised:
                continue
            match = self.matches.get(i)
            if match is not None and match.kind == "surname" and self._free(i, match.last):
                self._resolve_surname(match.first, match.last, [e.actor_id for e in match.entries])
                continue
            if match is None and tok.key not in lx.NOT_NAMES:
                key = tok.key[:-1] if tok.key not in self.surnames and tok.key.endswith("s") \
                    else tok.key
                if self.surnames.get(key):
                    self._resolve_surname(i, i, [])

    def _resolve_surname(self, first: int, last: int, registry_ids: list[str]) -> None:
        key = self.tokens[last].key
        entries = self.surnames.get(key) or self.surnames.get(key[:-1], [])
        if entries:
            before = [e for e in entries if e[0] < first]
            pos, actor_id, name, label = (before or entries)[-1]
            self._emit(first, last, actor_id, "surname", label=label, name=name,
                       codes=None if label == "person" else [])
            return
        if len(registry_ids) > 1 and self.span is not None:
            registry_ids = [i for i in registry_ids if self.reg.terms_of(i, self.span)]
        if len(registry_ids) == 1:
            self._emit(first, last, registry_ids[0], "surname")

    def _add_pronouns(self) -> None:
        for i, tok in enumerate(self.tokens):
            if self.owner[i] is not None or self.quoted[i]:
                continue
            dep, _ = self._syntax(i)
            if dep and dep not in lx.SUBJECT_DEPS:
                continue  # the parser says object ("nannte sie eine Freundin")
            if tok.key in lx.PRONOUNS_MASC:
                gender = "m"
            elif tok.key in lx.PRONOUNS_FEM and self._singular_sie(i):
                gender = "f"
            else:
                continue
            found = self._antecedent(i, gender)
            if found is None:
                continue
            self._emit(i, i, found.actor_id, "pronoun", label=found.label, name=found.name,
                       codes=list(found.codes), antecedent=(found.start, found.end))

    def _add_possessives(self) -> None:
        """ "dass sein Land ...": "sein" as a mention of the person it belongs to, only when
        that person is the nearest actor named before it in the sentence ("Russland und seine
        Nachbarn" belongs to a state, and "ihr" is too often plural to try)."""
        for i, tok in enumerate(self.tokens):
            if tok.key not in lx.POSSESSIVES_MASC or self.owner[i] is not None or \
                    self.quoted[i] or i in self.used or self._before_office(i) or \
                    not self._before_noun(i):
                continue
            found = self._antecedent(i, "m")
            if found is None or self.sent_of[found.first] != self.sent_of[i]:
                continue
            before = [m for m in self.mentions if m.last < i and not m.modifier_of
                      and self.sent_of[m.first] == self.sent_of[i]]
            nearest = max(before, key=lambda m: m.last, default=None)
            if nearest is None or nearest.actor_id != found.actor_id:
                continue
            self._emit(i, i, found.actor_id, "pronoun", label=found.label, name=found.name,
                       codes=list(found.codes), antecedent=(found.start, found.end),
                       extra={"possessive": True})

    def _before_noun(self, i: int) -> bool:
        """A determiner before a noun, not the verb "sein" ("soll beteiligt gewesen sein")."""
        k = i + 1
        while k < len(self.tokens) and k - i <= 3 and self._is_adjective(k) and \
                self._glued(k - 1, k):
            k += 1
        return k < len(self.tokens) and self._glued(k - 1, k) and self.tokens[k].is_capitalised

    def _before_office(self, i: int) -> bool:
        """ "sein russischer Amtskollege", "seinem Sprecher": the office is resolved instead."""
        k = i + 1
        while k < len(self.tokens) and k - i <= 3 and self._is_adjective(k):
            k += 1
        return k < len(self.tokens) and self._role_noun(self.tokens[k]) is not None

    def _singular_sie(self, i: int) -> bool:
        _, morph = self._syntax(i)
        if "Number=Plur" in morph or "Case=Acc" in morph or "Case=Dat" in morph:
            return False
        if "Number=Sing" in morph and "Case=Nom" in morph:
            return True
        tok = self.tokens[i]
        if tok.text == "Sie" and not self._sentence_initial_word(i):
            return False  # polite "Sie" mid-sentence
        if i > 0 and self.tokens[i - 1].key in ("fur", "gegen", "ohne", "um", "durch", "an"):
            return False
        if not self._sentence_initial_word(i) and self._glued(i - 1, i):
            verb = self.tokens[i - 1].key
            if not self.tokens[i - 1].is_capitalised and verb.endswith(("te", "t")):
                return True
        if i + 1 < len(self.tokens) and not self.tokens[i + 1].is_capitalised:
            verb = self.tokens[i + 1].key
            return verb.endswith(("t", "te")) and not verb.endswith(("ten", "en"))
        return False

    def _antecedent(self, i: int, gender: str) -> Mention | None:
        """Subject-like person for a pronoun at token i: the first person named in the same
        sentence before it, else in one of the two previous sentences."""
        sent = self.sent_of[i]
        excluded = self._coordinated(i)
        fallback: Mention | None = None
        for target in (sent, sent - 1, sent - 2):
            if target < 0:
                break
            pool = [
                m for m in self.mentions
                if m.label in PERSON_LABELS and self.sent_of[m.first] == target
                and not m.modifier_of and not self.quoted[m.first]
                and (target < sent or m.first < i) and m.actor_id not in excluded
                and self._gender_ok(m, gender)
            ]
            direct = [m for m in pool if not self._is_oblique(m)]
            if direct:
                return min(direct, key=lambda m: m.first)
            if pool and fallback is None and target == sent:
                fallback = min(pool, key=lambda m: m.first)
        return fallback

    def _coordinated(self, i: int) -> set[str]:
        out = set()
        for a, b in ((i + 1, i + 2), (i - 1, i - 2)):
            if 0 <= b < len(self.tokens) and 0 <= a < len(self.tokens) and \
                    self.tokens[a].key == "und" and self.owner[b] is not None:
                out.add(self.owner[b].actor_id)
        return out

    def _gender_ok(self, mention: Mention, gender: str) -> bool:
        actor = self.reg.get(mention.actor_id)
        if actor is not None and actor.gender:
            return actor.gender == gender
        known = mention.extra.get("gender")
        return known == gender if known else gender == "m"

    def _is_oblique(self, m: Mention) -> bool:
        """A mention inside a prepositional phrase ("während des Besuchs von US-Präsident
        Barack Obama"): not a subject candidate for a pronoun."""
        j = m.first - 1
        while j >= 0 and m.first - j <= 4 and self._glued(j, j + 1):
            tok = self.tokens[j]
            if tok.key in lx.PREPOSITIONS:
                return True
            if tok.key in lx.DETERMINERS or tok.key in lx.POSSESSIVES_MASC or \
                    tok.key in lx.POSSESSIVES_FEM or self._is_adjective(j) or self._role_noun(tok):
                j -= 1
                continue
            return False
        return False
