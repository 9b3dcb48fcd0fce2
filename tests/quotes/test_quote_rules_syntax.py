"""Second round of quote rules: word order, phrasal cues, addressees, hearsay runs.

All sentences are written for these tests (no corpus text); no model is needed except in the
last test, which builds a tiny hand-made parse instead of loading one.
"""

from __future__ import annotations

from lagebild.document import Document
from lagebild.quotes import QuoteMatch, find_quotes
from lagebild.quotes.chunks import chunk_np, chunk_np_backwards
from lagebild.quotes.detect import Cue, find_speaker
from lagebild.quotes.text import Tok, doc_tokens


def _matches(text: str) -> list[QuoteMatch]:
    return find_quotes(Document(text=text))


def _span(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def _one(text: str) -> tuple[str, str | None, str | None, str | None]:
    """(quote, cue, speaker, addressee) of the only quotation in `text`."""
    found = _matches(text)
    assert len(found) == 1, found
    m = found[0]
    quote = " ".join(text[a:b] for a, b in m.quote_parts)
    cue = " ".join(text[a:b] for a, b in m.cue_parts) or None
    return quote, cue, _span(text, m.speaker), _span(text, m.addressee)


def _toks(text: str) -> list[Tok]:
    return doc_tokens(Document(text=text))


# -- noun phrases -------------------------------------------------------------------------


def test_backwards_np_does_not_start_on_a_verb_after_a_noun() -> None:
    text = "Am Dienstag starben amtlichen Angaben zufolge vier Menschen."
    toks = _toks(text)
    zuf = next(k for k, t in enumerate(toks) if t.text == "zufolge")
    start = chunk_np_backwards(toks, zuf, 0)
    assert start is not None and toks[start].text == "amtlichen"


def test_saxon_genitive_only_after_a_bare_name() -> None:
    # "Putins engster Berater" is one NP; "des Ministeriums lebte …" must not swallow the verb
    toks = _toks("Putins engster Berater Juri Uschakow")
    assert chunk_np(toks, 0, len(toks)) == len(toks)
    toks = _toks("Angaben des Ministeriums lebte der Mann in Berlin")
    end = chunk_np(toks, 0, len(toks))
    assert end is not None and toks[end - 1].text == "Ministeriums"


def test_article_less_genitive_belongs_to_the_np() -> None:
    text = "Schätzungen britischer Behörden zufolge sind zwölf Menschen gestorben."
    _quote, cue, speaker, _ = _one(text)
    assert cue == "zufolge" and speaker == "Schätzungen britischer Behörden"


def test_indefinite_pp_is_not_part_of_the_speaker() -> None:
    text = "Die Lage sei ernst, sagte die Ministerin in einem Interview."
    assert _one(text)[2] == "die Ministerin"
    text = "Die Lage sei ernst, schrieb der Autor in der Zeitung vom Montag."
    assert _one(text)[2] == "der Autor"


# -- speakers by word order --------------------------------------------------------------


def test_fronted_object_with_oblique_article_puts_the_speaker_after_the_verb() -> None:
    text = "Dem Bericht widersprach die Regierung, er sei in allen Punkten falsch."
    assert _one(text)[2] == "die Regierung"


def test_relative_pronoun_is_the_speaker_of_its_clause() -> None:
    text = "Er traf den Minister, der am Montag sagte, man werde das Gesetz ändern."
    _quote, cue, speaker, _ = _one(text)
    assert cue == "sagte" and speaker == "der"


def test_relative_clause_with_its_own_subject_keeps_that_subject() -> None:
    text = "Das ist die Studie, die der Forscher vorstellte, als er sagte, sie sei neu."
    assert all(_span(text, m.speaker) != "die" for m in _matches(text))


def test_whole_prefield_is_the_speaker_when_the_chunker_stops_early() -> None:
    text = "Die Hilfsorganisation Ärzte ohne Grenzen teilte mit, die Bewohner seien geflohen."
    assert _one(text)[2] == "Die Hilfsorganisation Ärzte ohne Grenzen"
    text = "Einer der Streikführer, Karl Meier, ergänzte, der Streik sei rechtmäßig."
    assert _one(text)[2] == "Einer der Streikführer, Karl Meier"


def test_prefield_adverbial_is_not_taken_as_speaker() -> None:
    text = "Am Montag erklärte das Ministerium, die Zahlen seien korrekt."
    assert _one(text)[2] == "das Ministerium"


def test_colon_intro_with_fronted_object() -> None:
    text = "Den Vorschlag lehnte er ab: „Das ist mit uns nicht zu machen.“"
    assert _one(text)[2] == "er"
    text = ("Die neue Regelung stellte der Vorsitzende Hans Berg in Frage: "
            "„Sie ist nicht praktikabel.“")
    assert _one(text)[2] == "der Vorsitzende Hans Berg"
    text = "Die Bewohner des Dorfes bleiben gelassen: „Wir haben keine Angst vor dem Wasser.“"
    assert _one(text)[2] == "Die Bewohner des Dorfes"


# -- cues ----------------------------------------------------------------------------------


def test_phrasal_opinion_cues() -> None:
    text = "Der Verband ist der Ansicht, dass die Reform zu spät komme."
    _quote, cue, speaker, addressee = _one(text)
    assert (cue, speaker, addressee) == ("ist der Ansicht", "Der Verband", None)
    text = "Die Ärztin zeigte sich besorgt, dass die Zahl der Fälle steige."
    assert _one(text)[1:3] == ("zeigte sich besorgt", "Die Ärztin")
    text = "Die Gutachter kamen zu dem Schluss, dass der Damm zu niedrig sei."
    assert _one(text)[1:3] == ("kamen zu dem Schluss", "Die Gutachter")


def test_reportive_noun_before_a_name() -> None:
    text = "Nach Auffassung Frankreichs soll der Vertrag nicht geändert werden."
    _quote, cue, speaker, _ = _one(text)
    assert cue == "Nach" and speaker == "Auffassung Frankreichs"


def test_cue_takes_governed_preposition_and_impersonal_es() -> None:
    text = "Die Behörde warnte vor Glatteis, die Straßen seien gefährlich."
    assert _one(text)[1] == "warnte vor"
    text = "Es wird vermutet, dass der Brand gelegt worden sei."
    assert _one(text)[1] == "Es wird vermutet"


# -- addressees ----------------------------------------------------------------------------


def test_addressee_of_an_appeal_and_of_an_audience() -> None:
    text = "Die Bischöfin appellierte an die Regierung, mehr Flüchtlinge aufzunehmen."
    assert _one(text)[3] == "die Regierung"
    text = "Der Trainer sagte am Sonntag vor Journalisten, die Mannschaft sei müde."
    assert _one(text)[2:] == ("Der Trainer", "Journalisten")


def test_vor_with_a_time_is_no_addressee() -> None:
    text = "Der Trainer sagte vor zwei Wochen, die Mannschaft sei müde."
    assert _one(text)[3] is None


# -- hearsay runs --------------------------------------------------------------------------


def test_consecutive_hearsay_sentences_form_one_quote() -> None:
    text = ("Die Polizei sprach von einem Unfall. Der Fahrer soll zu schnell gefahren sein. "
            "Außerdem soll er getrunken haben.")
    hearsay = [m for m in _matches(text) if m.form == "FreeIndirect"]
    assert len(hearsay) == 1
    quote = " ".join(text[a:b] for a, b in hearsay[0].quote_parts)
    assert "zu schnell" in quote and "getrunken" in quote


# -- dependency hint -----------------------------------------------------------------------


def test_parsed_subject_after_the_verb_overrides_a_fronted_object() -> None:
    words = ["Die", "Reform", "lobte", "der", "Minister", "als", "mutig"]
    deps = [("det", 1), ("obj", 2), ("ROOT", 2), ("det", 4), ("nsubj", 2), ("case", 6),
            ("obl", 2)]
    toks: list[Tok] = []
    pos = 0
    for w, (dep, head) in zip(words, deps, strict=True):
        toks.append(Tok(w, pos, pos + len(w), 0, "NOUN" if w[0].isupper() else "X", "", "",
                        dep, head))
        pos += len(w) + 1
    cue = Cue([2], 2)
    assert find_speaker(toks, 0, len(toks), cue) == (3, 5)
    plain = [Tok(t.text, t.start, t.end) for t in toks]  # no parse: the rules keep the first NP
    assert find_speaker(plain, 0, len(plain), cue) == (0, 2)


def test_lexicon_lemmas_of_ier_verbs() -> None:
    from lagebild.quotes.lexicon import speech_lexicon

    lex = speech_lexicon()
    assert {e.lemma for e in lex.lookup("zitierte")} == {"zitieren"}
    assert lex.lookup("kritisieren")  # 3rd person plural present
    assert {e.lemma for e in lex.lookup("äußerte")} == {"äußern"}


def test_active_zitieren_makes_its_object_the_speaker() -> None:
    text = "Das Blatt zitiert den Bürgermeister Karl Berg mit den Worten: „Wir bauen neu.“"
    assert _one(text)[1:3] == ("zitiert", "den Bürgermeister Karl Berg")
    text = "„Wir bauen neu“, wird der Bürgermeister zitiert."
    assert _one(text)[2] == "der Bürgermeister"


def test_verb_final_particle_written_apart() -> None:
    text = "Wie die Bank am Montag bekannt gab, soll der Chef zurücktreten."
    _quote, cue, speaker, _ = _one(text)
    assert cue is not None and cue.endswith("bekannt gab") and speaker == "die Bank"


def test_short_quoted_predicate_after_a_noun_is_a_quote() -> None:
    text = "Der Minister nannte die Entscheidung „fahrlässig“."
    assert _one(text)[:3] == ("„fahrlässig“", "nannte", "Der Minister")
    assert _matches("Das Schiff „Aurora“ lief am Morgen aus.") == []


def test_adverbial_prefield_is_no_speaker() -> None:
    for opener in ("Bislang", "Abschließend", "Des Weiteren", "Letzten September"):
        toks = _toks(f"{opener} verwies der Minister darauf, dass die Kasse leer sei.")
        first_verb = next(k for k, t in enumerate(toks) if t.text == "verwies")
        assert chunk_np(toks, 0, first_verb) is None, opener
    text = "Bislang gingen die Forscher davon aus, dass der Stern allein sei."
    assert _one(text)[2] == "die Forscher"
