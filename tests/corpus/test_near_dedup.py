"""Near-duplicate linking with MinHash-LSH: copies are linked to the first version, not dropped."""

from __future__ import annotations

from lagebild.corpus.dedup import NearDuplicateIndex, shingles

BASE = (
    "Der Bundestag hat am Donnerstag nach langer Debatte das Gesetz zur Reform der Pflege "
    "beschlossen. Die Koalition sprach von einem wichtigen Schritt für Beschäftigte und "
    "Angehörige, die Opposition kritisierte die Finanzierung als unzureichend. Der Entwurf sieht "
    "höhere Löhne in der Altenpflege, mehr Personal in Heimen und eine Entlastung bei den "
    "Eigenanteilen vor. Der Bundesrat muss dem Gesetz noch zustimmen, die Länderkammer befasst "
    "sich im Juli damit. Sozialverbände begrüßten die Pläne grundsätzlich, forderten aber "
    "weitere Schritte gegen den Fachkräftemangel in Kliniken und ambulanten Diensten."
)


def test_shingles_are_word_ngrams() -> None:
    assert b"a b c d e" in shingles("A b c d e f", 5)
    assert shingles("zwei Worte", 5) == {b"zwei", b"worte"}


def test_dedup_links_updated_copy_to_first_version() -> None:
    index = NearDuplicateIndex()
    assert index.add("orig", BASE) is None
    updated = BASE.replace("im Juli", "Anfang Juli") + " (aktualisiert)"
    link = index.add("copy", updated)
    assert link is not None and link.duplicate_of == "orig" and link.kind == "near"
    other = "Ein ganz anderer Bericht über Fußball in Hamburg und Bremen."
    assert index.add("other", other) is None


def test_dedup_chain_points_to_original() -> None:
    index = NearDuplicateIndex()
    index.add("a", BASE)
    index.add("b", BASE + " Mit Material von dpa.")
    link = index.add("c", BASE + " Mit Material von dpa und AFP.")
    assert link is not None and link.duplicate_of == "a"


def test_dedup_state_roundtrip_keeps_links_and_matches() -> None:
    index = NearDuplicateIndex()
    index.add("a", BASE)
    index.add("b", BASE)
    restored = NearDuplicateIndex.from_state(*index.to_state())
    assert [link.to_dict() for link in restored.links()] == [
        link.to_dict() for link in index.links()
    ]
    link = restored.add("c", BASE)
    assert link is not None and link.duplicate_of == "a" and link.kind == "exact"
