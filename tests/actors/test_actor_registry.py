"""The registry data files: they parse, hold consistent facts, and answer date questions."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from lagebild.actors import Registry, date_range, load_registry
from lagebild.actors.registry import DATA_DIR
from lagebild.document import PartialDate
from lagebild.errors import ConfigError


def test_registry_loads_all_kinds(registry: Registry) -> None:
    kinds = {a.type for a in registry.actors.values()}
    assert kinds == {"person", "state", "igo", "org"}
    assert registry.get("state:RUS").codes == ("RUS",)
    assert registry.get("igo:NATO").codes == ("NATO IGO",)
    assert registry.get("org:kreml").codes == ("RUS GOV",)


def test_registry_ids_and_wikidata_are_well_formed(registry: Registry) -> None:
    for actor in registry.actors.values():
        assert re.fullmatch(r"(person|state|igo|org):[A-Za-z0-9-]+", actor.id), actor.id
        assert actor.wikidata == "" or re.fullmatch(r"Q\d+", actor.wikidata), actor.id
        assert actor.names, actor.id


def test_registry_terms_are_ordered_and_use_known_roles(registry: Registry) -> None:
    known_roles = {noun.role for noun in registry.role_nouns.values()} | {
        "head_of_state", "head_of_government", "leader", "crown_prince", "supreme_leader",
    }
    for term in registry.terms:
        assert term.start < term.end, term
        assert term.roles <= known_roles, term
        assert term.org in registry.org_actor, term


@pytest.mark.parametrize(
    ("org", "role", "when", "expected"),
    [
        ("USA", "president", "2021-12", "person:joe-biden"),
        ("USA", "president", "2020-06", "person:donald-trump"),
        ("USA", "president", "2025-06", "person:donald-trump"),
        ("USA", "president", PartialDate("2025-01-25", "day"), "person:donald-trump"),
        ("USA", "president", PartialDate("2025-01", "month"), "person:joe-biden"),
        ("USA", "foreign_minister", "2022", "person:antony-blinken"),
        ("USA", "nsa", "2021-12", "person:jake-sullivan"),
        ("RUS", "president", "2021", "person:wladimir-putin"),
        ("RUS", "president", "2010", "person:dmitri-medwedew"),
        ("RUS", "spokesperson", "2021-12", "person:dmitri-peskow"),
        ("DEU", "chancellor", "2020-03", "person:angela-merkel"),
        ("DEU", "chancellor", "2023-03", "person:olaf-scholz"),
        ("NATO", "secretary_general", "2022-02", "person:jens-stoltenberg"),
        ("NATO", "secretary_general", "2025-02", "person:mark-rutte"),
        ("GRC", "prime_minister", "2021-12", "person:kyriakos-mitsotakis"),
    ],
)
def test_registry_holders_by_date(
    registry: Registry, org: str, role: str, when: object, expected: str
) -> None:
    assert registry.holders(org, role, when)[0] == expected


def test_registry_holders_none_outside_terms(registry: Registry) -> None:
    assert registry.holders("USA", "nsa", "2019-05") == []


def test_registry_lookup_names_variants_and_genitive(registry: Registry) -> None:
    assert [a.id for a in registry.lookup("Putins")] == ["person:wladimir-putin"]
    assert [a.id for a in registry.lookup("Zelensky")] == ["person:wolodymyr-selenskyj"]
    assert [a.id for a in registry.lookup("Ushakov")] == ["person:juri-uschakow"]
    assert [a.id for a in registry.lookup("Vereinigte Staaten")] == ["state:USA"]
    assert registry.lookup("Niemand Bekanntes") == []


def test_registry_codes_follow_the_date(registry: Registry) -> None:
    assert registry.codes_on("person:joe-biden", date_range("2022-05")) == ["USA GOV"]
    assert registry.codes_on("person:joe-biden", date_range("2019-05")) == ["USA"]
    assert registry.codes_on("person:jens-stoltenberg", date_range("2022")) == ["NATO IGO"]


def test_date_range_precisions() -> None:
    assert date_range("2021-12") == (dt.date(2021, 12, 1), dt.date(2022, 1, 1))
    assert date_range(PartialDate("2021", "year")) == (dt.date(2021, 1, 1), dt.date(2022, 1, 1))
    assert date_range(PartialDate("2021-04-13T20:25", "minute")) == (
        dt.date(2021, 4, 13), dt.date(2021, 4, 14)
    )
    assert date_range(None) is None


def test_registry_one_line_adds_an_actor(tmp_path: Path) -> None:
    copy = tmp_path / "actors"
    shutil.copytree(DATA_DIR, copy)
    with (copy / "people.tsv").open("a", encoding="utf-8") as handle:
        handle.write("person:erika-beispiel\t\tf\tDEU\tErika Beispiel\tBeispiel\n")
    with (copy / "roles.tsv").open("a", encoding="utf-8") as handle:
        handle.write("person:erika-beispiel\tDEU\tfinance_minister\t2030-01-01\t\tMinisterin\n")
    extended = load_registry(copy)
    assert extended.holders("DEU", "finance_minister", "2031") == ["person:erika-beispiel"]


def test_registry_rejects_terms_of_unknown_people(tmp_path: Path) -> None:
    copy = tmp_path / "actors"
    shutil.copytree(DATA_DIR, copy)
    with (copy / "roles.tsv").open("a", encoding="utf-8") as handle:
        handle.write("person:gibt-es-nicht\tDEU\tfinance_minister\t2030-01-01\t\t\n")
    with pytest.raises(ConfigError):
        load_registry(copy)
