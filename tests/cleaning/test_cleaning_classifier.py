"""Line classifier: residue out, body paragraphs and crossheads kept, header to metadata."""

from __future__ import annotations

from lagebild.cleaning import LineClassifier, split_lines

P1 = ("Der Kreml hat das Telefonat der beiden Präsidenten am Abend bestätigt und von einem "
      "sachlichen Gespräch gesprochen.")
P2 = ("Beide Seiten wollen die Gespräche im Januar fortsetzen, hieß es anschließend aus "
      "Washington und aus Moskau.")


def _labels(raw: str, **kwargs: object) -> list[tuple[str, str]]:
    lines = split_lines(raw)
    labels = LineClassifier().classify(lines, **kwargs)  # type: ignore[arg-type]
    return [(line.text, lab.label) for line, lab in zip(lines, labels, strict=True)]


def test_split_lines_offsets_and_header_date() -> None:
    raw = " date 2021-12 Anzeige\n\n  Erster Absatz.  \nZweiter"
    lines = split_lines(raw)
    assert [line.text for line in lines] == ["date 2021-12", "Anzeige", "Erster Absatz.", "Zweiter"]
    assert all(raw[line.start:line.end] == line.text for line in lines)
    assert lines[0].header_date and not lines[1].header_date


def test_crosshead_between_paragraphs_survives_ad() -> None:
    raw = "\n".join([P1, "Putin will persönliches Treffen", "Anzeige", P2])
    assert _labels(raw) == [(P1, "body"), ("Putin will persönliches Treffen", "body"),
                            ("Anzeige", "boilerplate"), (P2, "body")]


def test_player_and_comment_footer_removed() -> None:
    footer = ["beispiel.at", "Loading...", "00:00 / 00:00", "play_arrow", "1.0x Geschwindigkeit",
              "Kommentare", "Kostenlose Spiele",
              "Die Kommentarfunktion ist für diesen Artikel geschlossen."]
    result = _labels("\n".join([P1, P2, *footer]))
    assert [label for _, label in result] == ["body", "body"] + ["boilerplate"] * len(footer)


def test_header_lines_become_meta() -> None:
    raw = "\n".join(["Nach dem Anruf", "Biden und Putin reden wieder", "Ausland",
                     "13.04.2021 20:25", P1, P2])
    assert [label for _, label in _labels(raw)] == ["meta"] * 4 + ["body"] * 2


def test_newsletter_block_removed_but_prose_about_newsletters_kept() -> None:
    block = ("Jetzt den Newsletter abonnieren. Vielen Dank für Ihr Interesse an unserem "
             "Newsletter. In Kürze erhalten Sie einen Aktivierungslink per E-Mail.")
    prose = ("Ein Verlag bietet seit dieser Woche einen Newsletter über Osteuropa an, den "
             "bereits mehrere tausend Menschen abonniert haben.")
    result = dict(_labels("\n\n".join([P1, block, prose, P2])))
    assert result[block] == "boilerplate"
    assert result[prose] == "body"


def test_signup_box_lines_glued_to_box_are_removed() -> None:
    box = ["Der Abendbrief – Ihr Überblick", "Jeden Werktag im Postfach. Jetzt anmelden!",
           "E-Mail-Adresse eingeben", "Anmelden",
           "Mit der Anmeldung akzeptieren Sie die Datenschutzhinweise."]
    raw = "\n\n".join([P1, "\n".join(box), "Kreml: Gespräch war offen", P2])
    result = dict(_labels(raw))
    assert [result[line] for line in box] == ["boilerplate"] * len(box)
    assert result["Kreml: Gespräch war offen"] == "body"


def test_photo_credit_caption_removed() -> None:
    caption = ("Biden spricht per Video mit Putin, rechts sitzt sein Außenminister. "
               "(Quelle: Beispiel/Agentur)")
    result = dict(_labels("\n".join(["Titelzeile hier", caption, P1, P2])))
    assert result[caption] == "boilerplate"


def test_teaser_list_removed_next_crosshead_kept() -> None:
    raw = "\n".join([P1, "Mehr zum Thema", "Ukraine: Was Moskau will", "Analyse: Der Gipfel",
                     "Kreml: Offenes Gespräch", P2])
    result = dict(_labels(raw))
    assert result["Ukraine: Was Moskau will"] == "boilerplate"
    assert result["Analyse: Der Gipfel"] == "boilerplate"
    assert result["Kreml: Offenes Gespräch"] == "body"


def test_repeated_lines_across_documents_removed() -> None:
    raw = "\n".join([P1, "Der Abendbrief der Redaktion", P2, "Der Abendbrief der Redaktion 2"])
    repeated = frozenset({"der abendbrief der redaktion 0"})
    result = _labels(raw, repeated=repeated)
    assert result[-1][1] == "boilerplate"


def test_short_closing_sentence_kept() -> None:
    raw = "\n".join([P1, P2, "Ein weiteres Treffen ist für Januar geplant."])
    assert _labels(raw)[-1][1] == "body"


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    para = ("Der Kreml hat das Telefonat der beiden Präsidenten am Abend bestätigt und von "
            "einem sachlichen Gespräch gesprochen, das fast eine Stunde gedauert habe. Beide "
            "Seiten wollen die Gespräche im Januar fortsetzen, hieß es anschließend aus "
            "Washington und aus Moskau, wo man sich zurückhaltend äußerte.")
    wrapped = []
    for block in (para, para):
        words, line = block.split(), ""
        for word in words:
            if len(line) + len(word) > 60:
                wrapped.append(line.strip())
                line = ""
            line += word + " "
        wrapped += [line.strip(), ""]
    lines = split_lines("\n".join(wrapped))
    assert [line.text for line in lines] == [para, para]


def test_sentence_broken_before_lowercase_continuation_is_joined() -> None:
    raw = "Ab sofort kann das Bundesamt für Katastrophenhilfe\n(BBK) erstmals bundesweit warnen."
    assert [line.text for line in split_lines(raw)] == [raw.replace("\n", " ")]
    assert len(split_lines("00:00 / 00:00\nplay_arrow")) == 2


def test_pathological_lines_do_not_hang() -> None:
    """Regexes must stay linear-ish on long, repetitive lines (no catastrophic backtracking)."""
    lines = ["Tags: " + ", ".join(["a b c"] * 30) + ". x",
             "1.2.3.4." * 2000,
             "Quelle: " + "dpa/" * 2000 + "x",
             "Von " + ", ".join(["Anna Beispiel Muster"] * 200) + " x"]
    labels = LineClassifier().classify(split_lines("\n".join([P1, *lines, P2])))
    assert labels[0].label == "body" and labels[-1].label == "body"


def test_non_german_document_keeps_prose() -> None:
    text = ("The president spoke with his counterpart on Tuesday evening, officials said.\n"
            "play_arrow\n"
            "Both sides agreed to continue the talks in January in Geneva, the statement said.")
    labels = LineClassifier().classify(split_lines(text), language="en")
    assert [lab.label for lab in labels] == ["body", "boilerplate", "body"]


def test_article_addressing_the_reader_is_kept() -> None:
    paras = [
        "Wenn Sie in diesem Winter Gas sparen wollen, sollten Sie zuerst die Heizung prüfen "
        "lassen.",
        "Viele Fachleute raten Ihnen außerdem, die Raumtemperatur um ein Grad zu senken.",
        "Auch beim Lüften können Sie viel Energie sparen, wenn Sie kurz und kräftig lüften.",
    ]
    labels = LineClassifier().classify(split_lines("\n\n".join(["Energie sparen", *paras])))
    assert [lab.label for lab in labels] == ["meta", "body", "body", "body"]


def test_service_prose_after_residue_is_removed() -> None:
    notice = "Sie nutzen einen Werbeblocker. Bitte deaktivieren Sie ihn für unsere Seite."
    raw = "\n\n".join([P1, P2, "Teilen", notice])
    assert _labels(raw)[-1] == (notice, "boilerplate")


def test_very_short_article_keeps_its_sentence() -> None:
    labels = LineClassifier().classify(split_lines("Eilmeldung\n\nBiden und Putin telefonieren."))
    assert [lab.label for lab in labels] == ["meta", "body"]
