"""The actor registry: states, IGOs, institutions and people with time-bounded offices.

The facts live as tab-separated data files in ``lagebild/data/actors/`` (one line per actor,
office term or role noun), so adding an actor is a one-line data change and reviewable as such.
This module only parses those files and answers questions about them: which actors a name can
denote, and who held an office on a given (possibly partial) date.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.actors.text import fold, tokenize
from lagebild.document import PartialDate
from lagebild.errors import ConfigError

__all__ = [
    "DATA_DIR",
    "Actor",
    "DateRange",
    "Registry",
    "RoleNoun",
    "RoleTerm",
    "date_range",
    "load_registry",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

DateRange = tuple[dt.date, dt.date]  # half-open [start, end)
_FAR_PAST = dt.date(1, 1, 1)
_FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Actor:
    """A canonical actor. ``type`` is person|state|igo|org."""

    id: str
    type: str
    name: str
    codes: tuple[str, ...] = ()
    wikidata: str = ""
    gender: str = ""
    state: str = ""
    names: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()  # "~Berlin": weak metonym (see states.tsv)
    demonyms: tuple[str, ...] = ()
    parent: str = ""
    seat: bool = False
    spokesperson_role: str = ""


@dataclass(frozen=True)
class RoleTerm:
    """One person holding one office of one state/IGO for a half-open date range."""

    person: str
    org: str
    roles: frozenset[str]
    start: dt.date
    end: dt.date
    title: str = ""

    def overlap(self, span: DateRange) -> int:
        """Days of overlap with ``span`` (0 if disjoint)."""
        lo, hi = max(self.start, span[0]), min(self.end, span[1])
        return max(0, (hi - lo).days) if hi > lo else 0


@dataclass(frozen=True)
class RoleNoun:
    """A German noun naming an office or a governing body."""

    form: str
    role: str
    gender: str
    kind: str  # person | body | counterpart
    needs_org: bool
    modifier: str = ""
    sector: str = ""
    default_org: str = ""

    def matches(self, roles: frozenset[str]) -> bool:
        """Whether an office with these role keys answers to this noun ("Minister" answers
        for every kind of minister)."""
        if self.role in roles:
            return True
        return self.role == "minister" and any(r.endswith("minister") for r in roles)


def _parse_date(value: str, default: dt.date) -> dt.date:
    value = value.strip()
    if not value:
        return default
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(parts[0], parts[1], parts[2])


def date_range(when: PartialDate | str | dt.date | DateRange | None) -> DateRange | None:
    """The half-open day range a (partial) date covers: ``2021-12`` is the whole month."""
    if when is None:
        return None
    if isinstance(when, tuple):
        return when
    if isinstance(when, dt.date):
        return when, when + dt.timedelta(days=1)
    if isinstance(when, PartialDate):
        value, precision = when.value, when.precision
    else:
        value, precision = when, ""
    head = value[:10]
    pieces = head.split("-")
    try:
        year = int(pieces[0])
        if len(pieces) == 1 or precision == "year":
            return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        month = int(pieces[1])
        if precision == "quarter" and len(pieces) == 2 and pieces[1].upper().startswith("Q"):
            month = 3 * int(pieces[1][1:]) - 2
            start = dt.date(year, month, 1)
            return start, _add_months(start, 3)
        if len(pieces) == 2 or precision in ("month", "quarter"):
            start = dt.date(year, month, 1)
            return start, _add_months(start, 1)
        day = dt.date(year, month, int(pieces[2]))
    except (ValueError, IndexError):
        return None
    return day, day + dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise ConfigError(f"actor registry file missing: {path}")
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class Registry:
    """All registry facts plus the indexes the matcher needs."""

    actors: dict[str, Actor] = field(default_factory=dict)
    terms: list[RoleTerm] = field(default_factory=list)
    role_nouns: dict[str, RoleNoun] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    org_actor: dict[str, str] = field(default_factory=dict)  # "RUS" -> "state:RUS"
    prefixes: dict[str, str] = field(default_factory=dict)  # folded prefix -> org code
    adjectives: dict[str, str] = field(default_factory=dict)  # folded stem -> org code
    _names: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    _terms_by_person: dict[str, list[RoleTerm]] = field(
        default_factory=lambda: defaultdict(list)
    )

    # -- building ----------------------------------------------------------------------------
    def add_actor(self, actor: Actor) -> None:
        if actor.id in self.actors:
            raise ConfigError(f"duplicate actor id {actor.id!r} in the registry")
        self.actors[actor.id] = actor
        for name in (*actor.names, *actor.surnames):
            self._names[tuple(t.key for t in tokenize(name))].add(actor.id)

    def add_term(self, term: RoleTerm) -> None:
        if term.person not in self.actors:
            raise ConfigError(f"roles.tsv names unknown person {term.person!r}")
        self.terms.append(term)
        self._terms_by_person[term.person].append(term)

    # -- queries -----------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(
        self, name: str, on: PartialDate | str | dt.date | DateRange | None = None
    ) -> list[Actor]:
        """Actors a name can denote (full name, variant or surname; genitive -s tolerated).

        With a date, people who held an office then are listed first.
        """
        key = tuple(t.key for t in tokenize(name))
        ids = set(self._names.get(key, ()))
        if not ids and key and key[-1].endswith("s"):
            ids = set(self._names.get((*key[:-1], key[-1][:-1]), ()))
        found = [self.actors[i] for i in sorted(ids)]
        span = date_range(on)
        if span is not None:
            found.sort(key=lambda a: not self.terms_of(a.id, span))
        return found

    def terms_of(self, person: str, span: DateRange | None = None) -> list[RoleTerm]:
        """Office terms of a person, those overlapping ``span`` only if given."""
        terms = self._terms_by_person.get(person, [])
        if span is None:
            return list(terms)
        return [t for t in terms if t.overlap(span) > 0]

    def holders(
        self, org: str, role: str, on: PartialDate | str | dt.date | DateRange | None
    ) -> list[str]:
        """Person ids holding ``role`` of ``org`` during ``on``, longest overlap first.

        ``on=None`` returns every holder ever, most recent first.
        """
        span = date_range(on)
        matching = [t for t in self.terms if t.org == org and role in t.roles]
        if span is None:
            matching.sort(key=lambda t: t.start, reverse=True)
            return _unique(t.person for t in matching)
        scored = [(t.overlap(span), t) for t in matching]
        scored = [(o, t) for o, t in scored if o > 0]
        scored.sort(key=lambda pair: (-pair[0], pair[1].start))
        return _unique(t.person for _, t in scored)

    def codes_on(self, actor_id: str, span: DateRange | None) -> list[str]:
        """CAMEO-style codes: office-holders get "<ORG> GOV" / "<IGO> IGO" for the date."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return []
        if actor.type != "person":
            return list(actor.codes)
        codes: list[str] = []
        for term in self.terms_of(actor_id, span) if span else []:
            org_actor = self.actors.get(self.org_actor.get(term.org, ""))
            code = org_actor.codes[0] if org_actor and org_actor.type == "igo" else (
                f"{term.org} GOV"
            )
            if code not in codes:
                codes.append(code)
        if not codes and actor.state:
            codes.append(actor.state)
        return codes


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def load_registry(path: str | Path | None = None) -> Registry:
    """Parse the registry data files (default: the ones shipped in ``lagebild/data/actors``)."""
    base = Path(path) if path is not None else DATA_DIR
    registry = Registry()
    for filename, kind in (("states.tsv", "state"), ("igos.tsv", "igo")):
        for row in _read_tsv(base / filename):
            code = row["code"].strip()
            actor = Actor(
                id=row["id"].strip(),
                type=kind,
                name=_split(row["names"])[0],
                codes=(code,),
                wikidata=(row.get("wikidata") or "").strip(),
                names=_split(row["names"]),
                adjectives=_split(row.get("adjectives")),
                prefixes=_split(row.get("prefixes")),
                capitals=_split(row.get("capitals")),
                demonyms=_split(row.get("demonyms")),
            )
            registry.add_actor(actor)
            org = code.split()[0]
            registry.org_actor[org] = actor.id
            for prefix in actor.prefixes:
                registry.prefixes.setdefault(fold(prefix), org)
            for stem in actor.adjectives:
                registry.adjectives.setdefault(fold(stem), org)
    for row in _read_tsv(base / "bodies.tsv"):
        names = _split(row["names"])
        registry.add_actor(
            Actor(
                id=row["id"].strip(),
                type="org",
                name=names[0],
                codes=_split(row["codes"]),
                wikidata=(row.get("wikidata") or "").strip(),
                names=names,
                parent=(row.get("parent") or "").strip(),
                seat=(row.get("seat") or "").strip() == "yes",
                spokesperson_role=(row.get("spokesperson_role") or "").strip(),
            )
        )
    for row in _read_tsv(base / "people.tsv"):
        names = _split(row["names"])
        registry.add_actor(
            Actor(
                id=row["id"].strip(),
                type="person",
                name=names[0],
                wikidata=(row.get("wikidata") or "").strip(),
                gender=(row.get("gender") or "").strip(),
                state=(row.get("state") or "").strip(),
                names=names,
                surnames=_split(row.get("surnames")),
            )
        )
    for row in _read_tsv(base / "roles.tsv"):
        registry.add_term(
            RoleTerm(
                person=row["person"].strip(),
                org=row["org"].strip(),
                roles=frozenset(_split(row["roles"])),
                start=_parse_date(row["start"], _FAR_PAST),
                end=_parse_date(row.get("end") or "", _FAR_FUTURE),
                title=(row.get("title") or "").strip(),
            )
        )
    for row in _read_tsv(base / "role_nouns.tsv"):
        for form in _split(row["forms"]):
            registry.role_nouns.setdefault(
                fold(form),
                RoleNoun(
                    form=form,
                    role=row["role"].strip(),
                    gender=(row.get("gender") or "").strip(),
                    kind=row["kind"].strip(),
                    needs_org=(row.get("needs_org") or "").strip() == "yes",
                    modifier=fold((row.get("modifier") or "").strip()),
                    sector=(row.get("sector") or "").strip(),
                    default_org=(row.get("default_org") or "").strip(),
                ),
            )
    titles_path = base / "titles.txt"
    if titles_path.exists():
        lines = titles_path.read_text(encoding="utf-8").splitlines()
        registry.titles = tuple(
            fold(line.strip()) for line in lines if line.strip() and not line.startswith("#")
        )
    return registry
