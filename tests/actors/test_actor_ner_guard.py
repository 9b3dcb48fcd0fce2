"""NER slips must not mint new people: lone untitled words and spans holding known places."""

from __future__ import annotations

from lagebild.document import Document, PartialDate
from lagebild.stages.actors import ActorStage


def _actors(text: str, spans: list[str], label: str = "PER") -> Document:
    """Run the stage on ``text`` with an entities layer holding ``spans`` (first occurrences)."""
    doc = Document(text=text, published=PartialDate("2021-12", "month"))
    for name in spans:
        start = text.index(name)
        doc.add("entities", start, start + len(name), label)
    stage = ActorStage()
    stage.setup()
    return stage(doc)


def _resolve(text: str, per_spans: list[str]) -> dict[str, str]:
    doc = _actors(text, per_spans)
    return {doc.text_of(a): a.attrs["actor_id"] for a in doc.layer("actor")}


def test_actor_ner_lone_untitled_word_is_not_a_new_person() -> None:
    found = _resolve("In Sotschi traf man sich am Nachmittag.", ["Sotschi"])
    assert "Sotschi" not in found


def test_actor_ner_span_with_known_place_is_not_a_person() -> None:
    found = _resolve("Dem Wunsch Moskaus folgte niemand.", ["Wunsch Moskaus"])
    assert not any(v.startswith("person:wunsch") for v in found.values())


def test_actor_ner_full_unknown_name_still_becomes_person_and_joins_surname() -> None:
    text = "Die Anwältin Marta Kowalczyk widersprach. Kowalczyk kündigte Berufung an."
    found = _resolve(text, ["Marta Kowalczyk", "Kowalczyk"])
    assert found["Marta Kowalczyk"] == "person:marta-kowalczyk"
    assert found["Kowalczyk"] == "person:marta-kowalczyk"


def test_actor_ner_span_of_two_known_peoples_names_is_split() -> None:
    # The CNN tags two adjacent surnames as one person ("… habe Biden Putin eingeladen").
    text = (
        "US-Präsident Joe Biden sprach mit Wladimir Putin. Eingeladen habe Biden Putin zu "
        "einem Gipfel. Putin sagte zu."
    )
    doc = _actors(text, ["Biden Putin"])
    start = text.index("Biden Putin")
    ids = {doc.text_of(a): a.attrs["actor_id"] for a in doc.layer("actor")}
    assert not any("biden-putin" in actor_id for actor_id in ids.values())
    second = [a for a in doc.layer("actor") if a.start >= start]
    assert [(doc.text_of(a), a.attrs["actor_id"]) for a in second] == [
        ("Biden", "person:joe-biden"),
        ("Putin", "person:wladimir-putin"),
        ("Putin", "person:wladimir-putin"),
    ]


def test_actor_ner_organisation_known_to_the_registry_gets_its_id() -> None:
    text = "Das sagte der Sicherheitsberater im Weißen Haus, Jake Sullivan, am Abend."
    doc = _actors(text, ["Weißen Haus"], label="ORG")
    found = {doc.text_of(a): (a.label, a.attrs["actor_id"]) for a in doc.layer("actor")}
    assert found["Weißen Haus"] == ("org", "org:weisses-haus")  # not a new "org:weissen-haus"
