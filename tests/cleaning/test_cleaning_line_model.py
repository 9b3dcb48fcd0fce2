"""The statistical line model: deterministic, only removes lines, protects sentences."""

from __future__ import annotations

from lagebild.cleaning.classifier import BODY, BOILERPLATE, LineClassifier
from lagebild.cleaning.lines import split_lines
from lagebild.cleaning.model import LineModel, default_model
from lagebild.lang.de.boilerplate import LINE_PATTERNS, PHRASE_PATTERNS

ARTICLE = "\n".join([
    "Wirtschaft",
    "Stadtwerke senken den Gaspreis",
    "Die Stadtwerke senken zum ersten April den Gaspreis für Haushaltskunden um rund zehn "
    "Prozent. Das teilte das Unternehmen am Dienstag mit.",
    "Grund seien gesunkene Einkaufspreise an den Energiebörsen, sagte ein Sprecher.",
    "Kunden müssen nichts tun",
    "Die neuen Preise gelten automatisch. Eine Kündigung ist nicht nötig, wie es hieß.",
    "Los geht's",
])


def test_shipped_model_loads_and_is_deterministic() -> None:
    model = default_model()
    assert model.weights, "model_weights.py is empty: run scripts/train_cleaning_model.py"
    vec = {"log_words": 1.0, "w=jetzt": 1.0, "after_body": 1.0}
    assert model.probability(vec) == default_model().probability(vec)
    assert 0.0 <= model.probability(vec) <= 1.0


def test_model_only_turns_body_into_boilerplate() -> None:
    lines = split_lines(ARTICLE)
    rules = LineClassifier(use_model=False).classify(lines)
    both = LineClassifier().classify(lines)
    for r, b in zip(rules, both, strict=True):
        if r.label != BODY:
            assert b == r
        elif b.label != BODY:
            assert (b.label, b.reason) == (BOILERPLATE, "model")


def test_sentences_need_evidence_on_the_line() -> None:
    # a model that calls every line residue: sentences and crossheads without a residue sign
    # on the line itself (cue word, "wir/uns", "du", e-mail address ...) must still stay
    always = LineModel({}, intercept=5.0)
    text = ARTICLE + "\nUnterstütze uns und hol dir jetzt die App!"
    lines = split_lines(text)
    labels = LineClassifier(model=always).classify(lines)
    by_text = {line.text: lab for line, lab in zip(lines, labels, strict=True)}
    for line in lines[2:6]:
        assert by_text[line.text].label == BODY, line.text  # paragraphs and the crosshead stay
    assert by_text["Unterstütze uns und hol dir jetzt die App!"].label == BOILERPLATE


def test_model_never_touches_rule_decisions_with_neutral_model() -> None:
    never = LineModel({}, intercept=-5.0)
    lines = split_lines(ARTICLE)
    assert (LineClassifier(model=never).classify(lines)
            == LineClassifier(use_model=False).classify(lines))


def test_rules_only_switch() -> None:
    clf = LineClassifier(use_model=False)
    assert clf.get_config()["use_model"] is False


def test_report_paragraph_next_to_consent_box_stays_body() -> None:
    # glued to a video-consent box, a calm report sentence that mentions "anmelden" is not
    # pulled into the box, and neither is the crosshead above it
    para = ("Kleine Anlagen lassen sich künftig einfacher anmelden. Eine Registrierung beim "
            "Netzbetreiber ist dann nicht mehr nötig, teilte das Ministerium mit.")
    lines = split_lines("\n".join([
        "Die Stadtwerke senken zum ersten April den Gaspreis für Haushaltskunden um rund zehn "
        "Prozent. Das teilte das Unternehmen am Dienstag mit.",
        "Neue Regeln für Solaranlagen", para,
        "Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.",
        "Video laden",
        "Grund seien gesunkene Einkaufspreise an den Energiebörsen, sagte ein Sprecher.",
    ]))
    by_text = {line.text: lab.label
               for line, lab in zip(lines, LineClassifier().classify(lines), strict=True)}
    assert by_text[para] == BODY
    assert by_text["Neue Regeln für Solaranlagen"] == BODY
    assert by_text["Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von "
                   "YouTube."] == BOILERPLATE


def test_disclaimers_and_relative_stamps_are_residue_cues() -> None:
    disclaimers = ["Die Kommentare geben nicht notwendigerweise die Meinung der Redaktion wieder.",
                   "Keine Anlageberatung. Alle Angaben ohne Gewähr.",
                   "Die Inhalte ersetzen keine ärztliche Beratung."]
    for text in disclaimers:
        assert PHRASE_PATTERNS["disclaimer"].search(text), text
    assert not PHRASE_PATTERNS["disclaimer"].search(
        "Die Redaktion gibt in ihrem Kommentar eine klare Meinung wieder.")
    for stamp in ("vor 2 Stunden", "vor 34 Minuten", "gerade eben"):
        assert LINE_PATTERNS["stamp"].fullmatch(stamp), stamp
    lines = split_lines("\n".join(ARTICLE.split("\n")[:6] + ["vor 2 Stunden"]))
    assert LineClassifier().classify(lines)[-1].label == BOILERPLATE
