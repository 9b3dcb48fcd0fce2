"""German data for quotation detection: quote marks, speech verbs, reportive phrases, Konjunktiv.

Data only (no logic beyond building lookup tables), so the rules in `lagebild.quotes` stay
readable and the vocabulary can be extended with one-line changes. Word lists are written for
this project from general knowledge of German grammar; verb forms are generated from a compact
description (stem, preterite, participle, separable particle) instead of being listed by hand.
"""

from __future__ import annotations

# Opening mark -> accepted closing marks. German „…“ is standard; the others occur in agency copy,
# Swiss/Austrian texts (»…« / «…») and badly converted text ("…", “…”).
QUOTE_PAIRS: dict[str, tuple[str, ...]] = {
    "„": ("“", "”", '"'),
    "“": ("”", "“"),
    "»": ("«",),
    "«": ("»",),
    '"': ('"', "“"),
    "‚": ("‘", "’"),
}
OPENING_MARKS = frozenset(QUOTE_PAIRS)
CLOSING_MARKS = frozenset(c for closers in QUOTE_PAIRS.values() for c in closers)

# Weak (regular) speech verbs as present stems; forms are generated: stem+e/st/t/en/te/ten,
# ge+stem+t, and for particle verbs also particle+stem forms and "zu" infinitives.
# Entries "particle|stem" are separable verbs (mit|teil -> teilte ... mit, mitgeteilt).
WEAK_SPEECH_VERBS: tuple[str, ...] = (
    "sag", "erklär", "beton", "behaupt", "bestätig", "bericht", "erzähl", "äußer", "meld",
    "kritisier", "warn", "forder", "frag", "antwort", "ergänz", "verkünd", "an|kündig",
    "mit|teil", "bezeichn", "erinner", "mein", "glaub", "hoff", "befürcht", "fürcht", "vermut",
    "schätz", "ein|räum", "zitier", "beklag", "klag", "beschwer", "lob", "dementier",
    "kommentier", "versicher", "beteuer", "verlaut", "informier", "mahn", "ermahn",
    "appellier", "argumentier", "begründ", "entgegn", "erwider", "signalisier", "präzisier",
    "klar|stell", "fest|stell", "dar|stell", "bekräftig", "kontert", "konter",
    "prognostizier", "spekulier", "verdeutlich", "verspräch", "wiederhol", "zusicher",
    "beschuldig", "vorwerf", "an|merk", "hinzufüg", "hinzu|füg", "plädier", "resümier",
    "bilanzier", "schilder", "beruhig", "rechtfertig", "demonstrier",
    "ankündig", "bedauer", "bemängel", "bestreit", "betracht", "beurteil", "bewert",
    "folger", "gesteh", "insistier", "notier", "postulier", "spott",
    "twitter", "poste", "bezweifel", "zweifel", "unterstreich", "verlang", "wünsch",
    "auf|forder", "mutmaß", "berichtig", "korrigier", "vermeld", "verweiger", "verneig",
    "widerleg", "bejah", "vernein", "prahl", "scherz", "seufz", "stöhn", "ruf", "schwärm",
    "brüst", "ahn", "erwart", "rechn", "hinweis", "würdig",
    "heraus|streich", "verurteil", "beton",
    "dar|leg", "konstatier", "skandier", "attestier", "bescheinig", "unterstell", "bezichtig",
    "beanstand", "an|pranger", "proklamier", "verkünd", "klarstell",
    "ein|schränk", "erwähn", "erhoff", "befürwort", "ab|lehn", "zurück|weis",
)

# Strong/irregular speech verbs: (infinitive, present 3sg, preterite 3sg, participle, particle).
STRONG_SPEECH_VERBS: tuple[tuple[str, str, str, str, str], ...] = (
    ("schreiben", "schreibt", "schrieb", "geschrieben", ""),
    ("sprechen", "spricht", "sprach", "gesprochen", ""),
    ("aussprechen", "spricht", "sprach", "ausgesprochen", "aus"),
    ("verweisen", "verweist", "verwies", "verwiesen", ""),
    ("hinweisen", "weist", "wies", "hingewiesen", "hin"),
    ("bekanntgeben", "gibt", "gab", "bekanntgegeben", "bekannt"),
    ("angeben", "gibt", "gab", "angegeben", "an"),
    ("zugeben", "gibt", "gab", "zugegeben", "zu"),
    ("wiedergeben", "gibt", "gab", "wiedergegeben", "wieder"),
    ("bestreiten", "bestreitet", "bestritt", "bestritten", ""),
    ("widersprechen", "widerspricht", "widersprach", "widersprochen", ""),
    ("nennen", "nennt", "nannte", "genannt", ""),
    ("denken", "denkt", "dachte", "gedacht", ""),
    ("wissen", "weiß", "wusste", "gewusst", ""),
    ("raten", "rät", "riet", "geraten", ""),
    ("empfehlen", "empfiehlt", "empfahl", "empfohlen", ""),
    ("vorschlagen", "schlägt", "schlug", "vorgeschlagen", "vor"),
    ("bitten", "bittet", "bat", "gebeten", ""),
    ("unterstreichen", "unterstreicht", "unterstrich", "unterstrichen", ""),
    ("beschreiben", "beschreibt", "beschrieb", "beschrieben", ""),
    ("vorwerfen", "wirft", "warf", "vorgeworfen", "vor"),
    ("zurückweisen", "weist", "wies", "zurückgewiesen", "zurück"),
    ("versprechen", "verspricht", "versprach", "versprochen", ""),
    ("rufen", "ruft", "rief", "gerufen", ""),
    ("aufrufen", "ruft", "rief", "aufgerufen", "auf"),
    ("ausrufen", "ruft", "rief", "ausgerufen", "aus"),
    ("fortfahren", "fährt", "fuhr", "fortgefahren", "fort"),
    ("einwenden", "wendet", "wandte", "eingewandt", "ein"),
    ("beschließen", "beschließt", "beschloss", "beschlossen", ""),
    ("entscheiden", "entscheidet", "entschied", "entschieden", ""),
    ("heißen", "heißt", "hieß", "geheißen", ""),
    ("lesen", "liest", "las", "gelesen", ""),
    ("hervorgehen", "geht", "ging", "hervorgegangen", "hervor"),
    ("verlauten", "verlautet", "verlautete", "verlautet", ""),
    ("anordnen", "ordnet", "ordnete", "angeordnet", "an"),
    ("ankündigen", "kündigt", "kündigte", "angekündigt", "an"),
    ("zusagen", "sagt", "sagte", "zugesagt", "zu"),
    ("absagen", "sagt", "sagte", "abgesagt", "ab"),
    ("voraussagen", "sagt", "sagte", "vorausgesagt", "voraus"),
    ("vorhersagen", "sagt", "sagte", "vorhergesagt", "vorher"),
    ("aussagen", "sagt", "sagte", "ausgesagt", "aus"),
    ("annehmen", "nimmt", "nahm", "angenommen", "an"),
    ("festhalten", "hält", "hielt", "festgehalten", "fest"),
    ("eingestehen", "gesteht", "gestand", "eingestanden", "ein"),
    ("zugestehen", "gesteht", "gestand", "zugestanden", "zu"),
    ("erwidern", "erwidert", "erwiderte", "erwidert", ""),
    ("hinzufügen", "fügt", "fügte", "hinzugefügt", "hinzu"),
    ("klarmachen", "macht", "machte", "klargemacht", "klar"),
    ("deutlich machen", "macht", "machte", "deutlich gemacht", "deutlich"),
    ("bekannt machen", "macht", "machte", "bekannt gemacht", "bekannt"),
    ("geltend machen", "macht", "machte", "geltend gemacht", "geltend"),
    ("ausgehen", "geht", "ging", "ausgegangen", "aus"),
    ("bekanntwerden", "wird", "wurde", "bekanntgeworden", "bekannt"),
    ("hervorheben", "hebt", "hob", "hervorgehoben", "hervor"),
    ("ausführen", "führt", "führte", "ausgeführt", "aus"),
    ("vorwerfen", "wirft", "warf", "vorgeworfen", "vor"),
    ("zusichern", "sichert", "sicherte", "zugesichert", "zu"),
    ("lauten", "lautet", "lautete", "gelautet", ""),
    ("ergeben", "ergibt", "ergab", "ergeben", ""),
    ("ausschließen", "schließt", "schloss", "ausgeschlossen", "aus"),
)

# Verbs that are only speech verbs with a particle or fixed phrase; the bare verb is too common.
PARTICLE_REQUIRED = frozenset(
    {"geben", "gehen", "machen", "stehen", "fahren", "wenden", "nehmen", "halten", "fügen",
     "schlagen", "werfen", "weisen"}
)

# Cue words that do not need a following NP to be a cue ("hieß es", "verlautete").
IMPERSONAL_CUES = frozenset({"hieß", "heißt", "verlautete", "verlautet"})

# Reportive prepositions and particles: "laut X", "X zufolge", "nach Angaben der X", ", so X".
REPORTIVE_PREPOSITIONS = frozenset({"laut", "lt.", "gemäß"})
REPORTIVE_POSTPOSITIONS = frozenset({"zufolge"})
# Nouns that make "nach/aus/gemäß <noun> (von|des|der) X" a reportive frame.
REPORTIVE_NOUNS = frozenset(
    {"Angaben", "Angabe", "Aussagen", "Aussage", "Informationen", "Information", "Auskunft",
     "Auskünften", "Darstellung", "Worten", "Ansicht", "Meinung", "Einschätzung",
     "Einschätzungen", "Schätzung", "Schätzungen", "Erkenntnissen", "Berichten", "Bericht",
     "Mitteilung", "Mitteilungen", "Überzeugung", "Auffassung", "Sicht",
     "Ermittlungen", "Untersuchungen", "Zeugenaussagen", "Polizeiangaben", "Medienberichten",
     "Presseberichten", "Agenturberichten", "Regierungsangaben", "Behördenangaben",
     "Augenzeugenberichten", "Zählungen", "Berechnungen", "Prognosen", "Umfragen"}
)
REPORTIVE_NOUN_PREPOSITIONS = frozenset({"nach", "Nach", "gemäß", "Gemäß"})
# Endings of reportive head nouns, for compounds and inflected forms ("Polizeiangaben",
# "nach einer norwegischen Studie", "Dem Vernehmen nach", "nach Expertenmeinung").
REPORTIVE_NOUN_ENDINGS: tuple[str, ...] = (
    "angaben", "angabe", "meinung", "studie", "bericht", "berichten", "informationen",
    "ansicht", "einschätzung", "schätzung", "schätzungen", "erkenntnissen", "aussage",
    "aussagen", "auskunft", "darstellung", "worten", "umfrage", "untersuchung", "vernehmen",
    "recherchen", "daten", "statistik", "prognose", "prognosen", "berechnungen", "auffassung",
    "überzeugung", "sicht", "meldungen", "meldung", "mitteilung", "zählung", "zählungen",
    "ermittlungen", "auskünften", "erklärung", "darstellungen", "analyse", "gutachten",
    "befragung", "quellen", "kreisen", "stellungnahme", "medien", "planungen", "erkenntnisstand",
    "endergebnis", "ergebnissen", "hinweisen", "überlegungen", "vorüberlegungen", "gerüchten",
    "schilderung", "schilderungen", "zeugenaussagen", "recherche", "unterlagen", "dokumenten",
    "gesetz", "stand", "erfahrungen", "ankündigung", "vorstellung", "vorstellungen",
)

# Konjunktiv I (and the Konjunktiv II substitutes used in reported speech) of frequent verbs.
# Regular 3sg Konjunktiv I (stem + e, e.g. "gebe") is recognised separately in the rules.
KONJUNKTIV_I = frozenset(
    {"sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe",
     "möge", "wisse", "gebe", "gehe", "stehe", "liege", "komme", "bleibe", "lasse", "sehe",
     "halte", "fehle", "handele", "handle", "heiße", "gelte", "brauche", "stelle", "laufe",
     "führe", "trage", "finde", "arbeite", "plane", "erwarte", "bestehe", "entspreche",
     "betreffe", "treffe", "spiele", "lege", "setze", "mache", "nehme", "ziehe",
     "verfüge", "benötige", "drohe", "gehöre", "wachse", "sinke", "steige", "beginne",
     "bedeute", "zeige", "befinde", "verstoße", "reiche", "hänge", "diene", "lohne",
     "existiere", "funktioniere", "basiere", "beruhe", "passe", "schade", "helfe", "trete",
     "bringe", "denke", "kenne", "lebe", "wohne", "suche", "versuche", "prüfe", "sorge"}
)
KONJUNKTIV_II_REPORTED = frozenset(
    {"stünden", "stünde", "gäbe", "gäben", "käme", "kämen", "läge", "lägen", "ginge",
     "gingen", "bekämen", "hielten", "wüssten", "müsste", "könnte", "hätten", "wären",
     "würden", "hätte", "wäre", "würde", "könnten", "müssten", "sollten",
     "dürften"}
)

# Words that may open a complement clause after a speech verb ("sagte, dass …").
COMPLEMENTIZERS = frozenset(
    {"dass", "daß", "ob", "wie", "warum", "weshalb", "wieso", "wann", "wo", "wer", "was",
     "welche", "welcher", "welches", "inwiefern", "inwieweit", "wonach", "weil"}
)

DETERMINERS = frozenset(
    {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
     "einen", "kein", "keine", "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr",
     "ihre", "ihrer", "ihres", "ihrem", "ihren", "dieser", "diese", "dieses", "diesem",
     "diesen", "jener", "jene", "mehrere", "zahlreiche", "viele", "einige", "beide", "beiden",
     "alle", "andere", "weitere", "unser", "unsere", "dessen", "deren", "zwei", "drei",
     "vier", "fünf"}
)
# Determiners that cannot open a nominative NP: a clause-initial NP with one of them is a
# fronted object, so the subject (speaker) follows the verb ("Den Plan lobte der Minister").
OBLIQUE_DETERMINERS = frozenset(
    {"den", "dem", "einen", "einem", "diesen", "diesem", "seinen", "seinem", "ihren", "ihrem",
     "unseren", "unserem", "keinen", "keinem", "jenen", "jenem", "jeden", "jedem", "allen",
     "welchen", "welchem", "solchen", "solchem"}
)
PRONOUNS = frozenset(
    {"er", "sie", "Er", "Sie", "man", "Man", "niemand", "Niemand", "jemand", "Jemand"}
)
PREPOSITIONS = frozenset(
    {"in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "vor",
     "zu", "zum", "zur", "über", "unter", "um", "für", "gegen", "gegenüber", "seit", "durch",
     "ohne", "während", "wegen", "trotz", "hinter", "neben", "zwischen", "ins", "ans", "aufs",
     "bis", "laut", "angesichts", "anlässlich", "innerhalb", "außerhalb", "nahe", "infolge"}
)
# Prepositions whose phrase may belong to a speaker description ("Sprecher im Weißen Haus").
SPEAKER_PP_PREPOSITIONS = frozenset({"von", "vom", "im", "in", "aus", "beim", "bei", "für"})
# Nouns after such a preposition that mark time/place adjuncts, not part of the speaker.
ADJUNCT_NOUNS = frozenset(
    {"Nacht", "Tag", "Abend", "Morgen", "Mittag", "Nachmittag", "Vormittag", "Woche", "Monat",
     "Jahr", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
     "Sonnabend", "Interview", "Gespräch", "Pressekonferenz", "Rahmen", "Anschluss",
     "Fernsehen", "Rundfunk", "Radio", "Zusammenhang", "Hinblick", "Namen", "Auftrag",
     "Videoschalte", "Telefonat", "Rede", "Erklärung", "Stellungnahme", "Januar", "Februar",
     "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
     "Dezember", "Vorfeld", "Verlauf", "Laufe", "Zuge", "Sitzung", "Debatte", "Gegenzug",
     "Nachruf", "Gastbeitrag", "Beitrag", "Brief", "Schreiben", "Mitteilung", "Pressemitteilung",
     "Presseerklärung", "Fernsehinterview", "Zeitungsinterview", "Radiointerview", "Talkshow",
     "Sendung", "Ausgabe", "Artikel", "Kommentar", "Statement", "Bericht", "Sicherheitsgründen",
     "Anfrage", "Nachfrage", "Antwort", "Versammlung", "Parteitag", "Plenum", "Landtag",
     "Frage", "Aussicht", "Betracht", "Kraft"}
)
# Adverbs that can stand between a fronted speech verb and its subject ("sagte jedoch X").
INTERVENING_ADVERBS = frozenset(
    {"jedoch", "aber", "auch", "außerdem", "zudem", "weiter", "ferner", "dazu", "indes",
     "indessen", "nun", "heute", "gestern", "inzwischen", "bereits", "schon", "dann",
     "damals", "nämlich", "allerdings", "wiederum", "daraufhin", "darauf", "später",
     "zuvor", "erneut", "noch", "ebenfalls", "gleichzeitig", "zugleich", "abschließend",
     "demnach", "stattdessen", "hingegen", "dagegen", "selber", "selbst", "sich", "offenbar",
     "anschließend", "jetzt", "etwa", "sogar"}
)
FINITE_AUXILIARIES = frozenset(
    {"hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten", "ist", "war", "sind",
     "waren", "sei", "wurde", "wurden", "wird", "werden", "werde", "würde", "würden", "soll",
     "sollen", "sollte", "will", "wollte", "kann", "konnte", "könne", "muss", "musste", "möchte",
     "lässt", "ließ", "ließen", "lassen"}
)
MONTHS = frozenset(
    {"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
     "September", "Oktober", "November", "Dezember", "Jahrhundert", "Jahrhunderts", "Mal",
     "Platz", "Lebensjahr", "Stock", "Kapitel", "Bundestag", "Spieltag", "Runde"}
)
ABBREVIATIONS = frozenset(
    {"Dr", "Prof", "St", "Nr", "bzw", "ca", "vgl", "Mio", "Mrd", "Abs", "Art", "Str", "Hr",
     "Fr", "usw", "etc", "z.B", "u.a", "d.h", "v.a", "o.ä", "z.T", "s.o", "Jh", "Jr", "Sen",
     "Gen", "Lt", "Mr", "Mrs", "Ms", "Inc", "Co", "Corp", "Ltd", "Dipl", "Ing", "evtl",
     "ggf", "inkl", "bspw", "max", "min", "Tel", "Std", "Min", "Sek", "ehem", "gest", "geb",
     "Verf", "Hrsg", "lt", "sog", "dt", "engl", "franz", "ital", "span", "russ", "amerik"}
)
# Words that open a subordinate clause; the subject follows them ("…, indem er sagte").
SUBORDINATORS = frozenset(
    {"indem", "nachdem", "weil", "als", "wie", "während", "zumal", "da", "dass", "obwohl",
     "wobei", "wonach", "und", "aber", "doch", "sondern", "denn", "wenn", "ehe", "bevor"}
)
# Relative pronouns opening a clause after a comma ("…, die Schröder erklärt hatte").
RELATIVES = frozenset({"die", "der", "das", "den", "dem", "was", "wo", "welche", "welcher"})

# Phrasal cues: a light verb with a fixed complement ("ist der Meinung, dass …", "zeigte sich
# besorgt, dass …", "kam zu dem Schluss, dass …").
OPINION_COPULAS = frozenset({"ist", "sind", "war", "waren", "sei", "seien", "zeigte", "zeigten",
                             "zeigt", "zeigen", "kam", "kamen", "kommt", "kommen"})
OPINION_NOUNS = frozenset({"Meinung", "Ansicht", "Auffassung", "Überzeugung", "Ergebnis",
                           "Schluss", "Einschätzung", "Erkenntnis"})
ATTITUDE_ADJECTIVES = frozenset(
    {"besorgt", "überzeugt", "zuversichtlich", "zufrieden", "enttäuscht", "optimistisch",
     "erleichtert", "skeptisch", "überrascht", "erfreut", "empört", "verärgert", "bestürzt",
     "betroffen", "entsetzt", "zurückhaltend", "kritisch", "erschüttert", "beeindruckt"}
)

# Documents that can stand for their authors in passive frames ("In dem Schreiben wird
# gefordert, …"), besides the reportive nouns below.
DOCUMENT_NOUNS = frozenset(
    {"Schreiben", "Brief", "Resolution", "Petition", "Presseerklärung", "Erklärung", "Antrag",
     "Urteil", "Beschluss", "Gutachten", "Papier", "Dokument", "Aufruf", "Appell", "Kommuniqué",
     "Entwurf", "Gesetzentwurf", "Abschlussbericht", "Report", "Studie", "Bericht"}
)

# Heads of "vor X" phrases that name an audience, i.e. the addressee ("sagte vor Journalisten").
AUDIENCE_NOUNS = frozenset(
    {"Journalisten", "Reportern", "Medienvertretern", "Pressevertretern", "Presse", "Medien",
     "Parlament", "Bundestag", "Landtag", "Abgeordneten", "Delegierten", "Anhängern",
     "Zuhörern", "Publikum", "Studenten", "Studierenden", "Mitgliedern", "Parteimitgliedern",
     "Soldaten", "Gästen", "Vertretern", "Zuschauern", "Unterstützern", "Parteitag",
     "Vollversammlung", "Generalversammlung", "Sicherheitsrat", "Ausschuss", "Plenum"}
)

# Speech-act verbs whose sentences report a statement even without a quoted complement
# ("Die Polizei sprach von einem Unfall", "Die Gewerkschaft forderte höhere Löhne").
REPORTED_SPEECH_ACTS = frozenset(
    {"fordern", "sprechen", "berichten", "vorwerfen", "warnen", "schätzen", "vorschlagen",
     "verweisen", "argumentieren", "befürchten", "plädieren", "beteuern", "appellieren",
     "nennen", "verlangen", "begründen", "auffordern", "raten", "empfehlen", "mahnen",
     "bezeichnen", "bekanntgeben", "hinweisen", "bemängeln", "angeben", "betrachten",
     "ausgehen", "rechnen"}
)
