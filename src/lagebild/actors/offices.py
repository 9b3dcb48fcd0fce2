"""Office descriptions: "der russische Präsident", "Russlands Staatschef", "sein Amtskollege".

An office noun (from ``role_nouns.tsv``, also inside compounds such as "US-Präsident" or
"Kremlsprecher") is parsed with its pre-modifiers (country adjective, genitive possessor,
determiner, "früherer") and its complement ("des Kremls", "der Ukraine", "in Kiew"). A name
right after it is an apposition and receives the office as ``role``; otherwise the office is
resolved on the article date through the registry, or to a holder named earlier in the article.
Plural, predicative and future ("designierte") offices are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lagebild.actors import lexicon as lx
from lagebild.actors.base import PERSON_LABELS, ArticleBase, Mention
from lagebild.actors.registry import RoleNoun

__all__ = ["OfficeRules"]

LEADER_ROLES = ("president", "prime_minister", "chancellor", "head_of_state",
                "head_of_government", "leader")
ROLE_PRIORITY = (*LEADER_ROLES, "vice_president", "foreign_minister", "defence_minister",
                 "finance_minister", "secretary_general", "commission_president",
                 "council_president", "high_representative")

# Which spokesperson office "Sprecher des <body noun>" names.
BODY_SPOKESPERSON = {
    "presidential_office": "spokesperson",
    "government": "spokesperson",
    "foreign_ministry": "foreign_ministry_spokesperson",
}


@dataclass
class _RoleNP:
    """A parsed office description around a role noun."""

    first: int
    last: int
    noun: RoleNoun
    org: str = ""
    possessor: str = ""
    possessive: str = ""  # folded possessive determiner ("sein", "ihre")
    former: bool = False
    future: bool = False
    plural: bool = False
    adjectives: tuple[str, ...] = ()
    inner: tuple[int, ...] = ()  # token indices of nested name matches (modifiers)
    determined: bool = False  # has an article or possessive determiner
    indefinite: bool = False  # "ein Sprecher"
    dangling: bool = False  # a genitive complement that names no known actor
    spokes_role: str | None = None  # office a "Sprecher des <body>" holds, "" = unknown


class OfficeRules(ArticleBase):
    """Emits office mentions and attaches offices to appositive names."""

    def _add_roles(self) -> None:
        for k in range(len(self.tokens)):
            if self.owner[k] is not None or k in self.used:
                continue
            np = self._parse_role(k)
            if np is None:
                continue
            self.used.update(range(np.first, np.last + 1))
            if np.plural or np.future or self._predicative(np):
                continue
            if np.noun.modifier and not any(a.startswith(np.noun.modifier)
                                            for a in np.adjectives):
                continue
            appositive = self._apposition(np.last)
            if appositive is not None and not self._fits_office(appositive, np):
                appositive = None
            if appositive is not None:
                if not appositive.role:
                    appositive.role = np.noun.role
                    appositive.title = self._slice(np.first, np.last)
                self._mark_modifiers(np, appositive.actor_id)
                continue
            if np.determined or np.org or np.possessor:
                self._emit_role(np)  # a bare "Verteidigungsminister" is a title or predicate

    def _predicative(self, np: _RoleNP) -> bool:
        """ "wird neuer Premierminister", "als Präsident": describes, does not refer."""
        if np.possessor or np.possessive:
            return False
        nxt = np.last + 1
        if nxt < len(self.tokens) and self._glued(np.last, nxt):
            key = self.tokens[nxt].key
            if key in lx.COPULA_INFINITIVES or not np.determined and key in lx.COPULA_FORMS:
                return True  # "will Bundeskanzlerin bleiben", "der Präsident werden könnte"
        j = np.first - 1
        while j >= 0 and self._glued(j, j + 1):
            tok = self.tokens[j]
            if tok.key in lx.PREDICATIVE_HEADS:
                return True
            if tok.is_capitalised or not tok.key.endswith(("e", "en", "er", "es", "em")):
                return False
            j -= 1
        return False

    def _parse_role(self, k: int, depth: int = 0) -> _RoleNP | None:
        found = self._role_noun(self.tokens[k])
        if found is None:
            return None
        noun, org, former = found
        np = _RoleNP(first=k, last=k, noun=noun, org=org, former=former)
        self._premodifiers(np, k)
        if depth < 2:
            self._complement(np, depth)
        return np

    def _premodifiers(self, np: _RoleNP, k: int) -> None:
        """Scan left of the noun: adjectives, a genitive possessor ("Russlands", "Putins"), a
        determiner or possessive. Without a determiner only adjectives that say something
        (country, "früherer") stay in the span, so "sagte US-Präsident" does not grow."""
        adjectives: list[tuple[int, str]] = []
        first, certain, determined = k, k, False
        j = k - 1
        while j >= 0 and k - j <= 5 and self._glued(j, j + 1):
            tok = self.tokens[j]
            key = tok.key
            owner = self.owner[j]
            if key in lx.DETERMINERS:
                np.plural = np.plural or key == "die" and np.noun.gender != "f"
                np.indefinite = key.startswith("ein")
                determined = True
                break
            if key in lx.POSSESSIVES_MASC or key in lx.POSSESSIVES_FEM:
                np.possessive = key
                determined = True
                break
            if key in lx.PLURAL_MARKERS:
                np.plural = True
                j -= 1
                continue
            if owner is not None and owner.last == j and tok.is_capitalised:
                match = self.matches.get(owner.first)
                genitive = match is not None and match.genitive
                if genitive or owner.via == "surname" and key.endswith("s"):
                    self._genitive_possessor(np, owner)
                    np.inner = (*np.inner, owner.first)
                    first = certain = owner.first
                break
            if tok.is_capitalised or not self._is_adjective(j):
                break
            adjectives.append((j, key))
            first = j
            if self._adjective_org(key) or key.startswith(lx.FORMER_ADJECTIVES) \
                    or key.startswith(lx.FUTURE_ADJECTIVES):
                certain = j
            j -= 1
        np.determined = determined
        if not determined:
            first = min(certain, k)
            adjectives = [(i, key) for i, key in adjectives if i >= first]
        for _, key in adjectives:
            org = self._adjective_org(key)
            if org and not np.org:
                np.org = org
            np.former = np.former or key.startswith(lx.FORMER_ADJECTIVES)
            np.future = np.future or key.startswith(lx.FUTURE_ADJECTIVES)
        np.adjectives = tuple(key for _, key in adjectives)
        np.first = first

    def _adjective_org(self, key: str) -> str:
        for stem, org in self.reg.adjectives.items():
            if key.startswith(stem) and key[len(stem):] in lx.ADJECTIVE_ENDINGS:
                return org
        return ""

    def _genitive_possessor(self, np: _RoleNP, owner: Mention) -> None:
        actor = self.reg.get(owner.actor_id)
        if owner.label in PERSON_LABELS:
            np.possessor = owner.actor_id
            if not np.org and np.noun.kind != "counterpart":
                np.org = self._office_org(owner.actor_id)
        elif actor is not None and not np.org:
            np.org = self._org_of_actor(actor.id)

    def _org_of_actor(self, actor_id: str) -> str:
        actor = self.reg.get(actor_id)
        if actor is None:
            return ""
        if actor.type == "org" and actor.parent:
            actor = self.reg.get(actor.parent) or actor
        return actor.codes[0].split()[0] if actor.codes else ""

    def _office_org(self, person: str) -> str:
        terms = self.reg.terms_of(person, self.span)
        return terms[0].org if terms else ""

    def _complement(self, np: _RoleNP, depth: int) -> None:
        """Genitive or prepositional complement: "Präsident Russlands", "Sprecher des Kremls"."""
        m = np.last + 1
        if np.org or m >= len(self.tokens) or not self._glued(np.last, m):
            return
        link = self.tokens[m].key
        if link in lx.PLACE_LINKS and np.noun.kind != "body":
            match = self.matches.get(m + 1)
            if match is None or match.entries[0].kind == "capital":
                return  # "der Botschafter in Moskau": a place, not the employer
        if link in lx.COMPLEMENT_LINKS:
            q = m + 1
            while q < len(self.tokens) and self._glued(q - 1, q) and \
                    not self.tokens[q].is_capitalised and q - m <= 2:
                q += 1
        else:
            q = m
        if q >= len(self.tokens) or not self._glued(q - 1, q):
            return
        match = self.matches.get(q)
        owner = self.owner[q]
        if match is not None and match.entries[0].kind in ("name", "capital") and (
            q > m or match.genitive
        ):
            actor = self.reg.get(match.entries[0].actor_id)
            if actor is not None and actor.type != "person":
                if not np.org:
                    np.org = self._org_of_actor(actor.id)
                if actor.type == "org":
                    np.spokes_role = actor.spokesperson_role
                np.inner = (*np.inner, q)
                np.last = match.last
                return
            if actor is not None and q > m and owner is not None and \
                    self.tokens[m].key in ("des", "von"):
                np.possessor = np.possessor or owner.actor_id
                np.org = np.org or self._office_org(owner.actor_id)
                np.inner = (*np.inner, q)
                np.last = owner.last
                return
        if q > m and self.owner[q] is None:
            inner = self._parse_role(q, depth + 1)
            if inner is not None and not inner.plural and inner.first >= m:
                target = self._resolve_np(inner)
                if target and not np.org:
                    np.org = self._office_org(target) if target.startswith("person:") \
                        else self._org_of_actor(target)
                if inner.noun.kind == "body":
                    np.spokes_role = BODY_SPOKESPERSON.get(inner.noun.role, "")
                if np.org:
                    np.last = inner.last
                    np.inner = (*np.inner, *inner.inner, inner.first)
                    return
        if link in lx.GENITIVE_LINKS and q > m:
            np.dangling = True  # "der Chef der Söldnergruppe": an employer we do not know

    def _apposition(self, last: int) -> Mention | None:
        """A person name right after an office ("Präsident Wladimir Putin", ", Jake Sullivan")."""
        nxt = last + 1
        if nxt >= len(self.tokens):
            return None
        gap = self.text[self.tokens[last].end : self.tokens[nxt].start]
        if gap.strip() not in ("", ","):
            return None
        owner = self.owner[nxt]
        if owner is not None and owner.first == nxt and owner.label in PERSON_LABELS:
            return owner
        return None

    def _fits_office(self, person: Mention, np: _RoleNP) -> bool:
        """Whether a name after an office is its apposition ("der russische Präsident Putin")
        rather than, say, an object ("bot der russische Staatschef Biden ein Gespräch an")."""
        if person.label != "person" or np.noun.kind != "person":
            return True
        terms = self.reg.terms_of(person.actor_id, self.span if not np.former else None)
        if not terms:
            return not np.org
        return any(
            (np.noun.matches(t.roles) or np.noun.role == "leader" and t.roles & set(LEADER_ROLES))
            and (not np.org or t.org == np.org)
            for t in terms
        ) or not np.org and np.noun.needs_org

    def _mark_modifiers(self, np: _RoleNP, actor_id: str) -> None:
        for m in self.mentions:
            if m.first in np.inner and m.actor_id != actor_id and not m.modifier_of:
                m.modifier_of = actor_id

    def _resolve_np(self, np: _RoleNP) -> str:
        """Actor id the office description denotes, or "" when unsure."""
        if np.noun.kind == "body":
            return self.reg.org_actor.get(np.org, "") if np.org else ""
        if np.noun.kind == "counterpart":
            return self._counterpart(np)
        if np.dangling or np.indefinite and np.noun.needs_org and not np.org:
            return ""
        if np.possessive and not np.org and not np.possessor:
            self._possessive_office(np)  # "sein Außenminister": the leader's country
        noun = np.noun
        if noun.role == "spokesperson" and np.spokes_role is not None:
            if not np.spokes_role:
                return ""
            noun = replace(noun, role=np.spokes_role)
        if np.former and not np.org:
            return ""
        return self._office_holder(np.org, noun, np.first, np.former)

    def _possessive_office(self, np: _RoleNP) -> None:
        """Sets org and possessor for "sein Sprecher" / "ihr Außenminister" when the owner is a
        head of state or government (a minister's "Sprecher" is not the government's)."""
        gender = "f" if np.possessive in lx.POSSESSIVES_FEM else "m"
        owner = self._antecedent(np.first, gender)
        if owner is None or owner.label != "person":
            return
        terms = self.reg.terms_of(owner.actor_id, self.span)
        leading = [t for t in terms if t.roles & set(LEADER_ROLES)]
        if leading:
            np.possessor, np.org = owner.actor_id, leading[0].org

    def _office_holder(self, org: str, noun: RoleNoun, pos: int, former: bool) -> str:
        role = noun.role
        mentioned = self._holder_ids_mentioned()
        if org:
            holders = [h for h in self.reg.holders(org, role, self.span)
                       if self._gender_fits(h, noun)]
            if former:
                past = [p for p in self.reg.holders(org, role, None) if p not in holders]
                named = [p for p in past if p in mentioned]
                return named[0] if named else ""
            if self.span is None or len(holders) > 1:
                named = [p for p in holders if p in mentioned]
                if named:
                    return named[0]
                return holders[0] if holders and self.span is not None else ""
            return holders[0] if holders else ""
        # No country given: the nearest person already named who holds such an office.
        candidates = [m for m in self.mentions if m.label == "person" and self._holds(m, noun)
                      and self._gender_fits(m.actor_id, noun)]
        before = [m for m in candidates if m.first < pos]
        if before:
            return max(before, key=lambda m: m.first).actor_id
        after = [m for m in candidates if m.first > pos]
        if after and not noun.needs_org and not former:
            return min(after, key=lambda m: m.first).actor_id
        if noun.default_org and not former:
            return self._office_holder(noun.default_org, noun, pos, former)
        return ""

    def _gender_fits(self, actor_id: str, noun: RoleNoun) -> bool:
        """ "der Kanzler" is not Angela Merkel; ungendered nouns fit everyone."""
        actor = self.reg.get(actor_id)
        return not (noun.gender and actor is not None and actor.gender
                    and actor.gender != noun.gender)

    def _holds(self, mention: Mention, noun: RoleNoun) -> bool:
        terms = self.reg.terms_of(mention.actor_id, self.span)
        return any(noun.matches(t.roles) for t in terms)

    def _counterpart(self, np: _RoleNP) -> str:
        possessor = np.possessor
        if not possessor and np.possessive:
            gender = "f" if np.possessive in lx.POSSESSIVES_FEM else "m"
            found = self._antecedent(np.first, gender)
            possessor = found.actor_id if found else ""
        terms = self.reg.terms_of(possessor, self.span) if possessor else []
        if not terms:
            return ""
        roles = [r for r in ROLE_PRIORITY if any(r in t.roles for t in terms)]
        own_org = terms[0].org
        if np.org:
            for role in (*roles[:1], "leader", "head_of_government"):
                holders = [h for h in self.reg.holders(np.org, role, self.span) if h != possessor]
                if holders:
                    return holders[0]
            return ""
        leader = bool(set(roles) & set(LEADER_ROLES))
        for m in sorted(self.mentions, key=lambda m: abs(m.first - np.first)):
            if m.label != "person" or m.actor_id == possessor:
                continue
            for t in self.reg.terms_of(m.actor_id, self.span):
                same = leader and t.roles & set(LEADER_ROLES) or roles and roles[0] in t.roles
                if same and t.org != own_org:
                    return m.actor_id
        return ""

    def _emit_role(self, np: _RoleNP) -> None:
        actor_id = self._resolve_np(np)
        if not actor_id:
            return
        title = self._slice(np.first, np.last)
        if np.noun.kind == "body":
            actor = self.reg.get(actor_id)
            if actor is None:
                return
            code = actor.codes[0] if actor.type == "igo" else f"{actor.codes[0]} {np.noun.sector}"
            mention = self._emit(np.first, np.last, actor_id, "role", codes=[code],
                                 role=np.noun.role, title=title)
        else:
            mention = self._emit(np.first, np.last, actor_id, "role", role=np.noun.role,
                                 title=title)
        self._mark_modifiers(np, mention.actor_id)
