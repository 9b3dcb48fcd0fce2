"""Cue patterns for German web-article residue (ads, newsletters, players, comments, credits).

Plain text copied out of a news page keeps the page furniture: ad markers, newsletter sign-up
blocks, video-player controls, comment-section notices, teaser rows, share buttons and photo
credits. The classifier in `lagebild.cleaning.classifier` combines these cues with layout
features (length, stop-word density, punctuation) and cross-document repetition, so a cue here
only has to be *typical* of residue, not proof of it. Three strengths:

- ``LINE_PATTERNS`` match a whole line (after trimming) and decide it on their own
  ("Anzeige", "play_arrow", "00:00 / 00:00", "Kommentare").
- ``PHRASE_PATTERNS`` are multi-word phrases that practically never occur in reporting
  ("kein Kommentieren mehr möglich", "Lesen Sie auch"); one hit decides a line unless the line
  is long prose, where a hit only adds to the score.
- ``CUE_PATTERNS`` are single words that also occur in news prose ("Newsletter", "abonnieren");
  they count towards a score weighed against the line length.

Source: written by the Lagebild team from the structure of German news sites in general
(generic UI vocabulary), not from any particular page or list.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE | re.VERBOSE

# reason -> regex matched against the whole trimmed line (fullmatch).
LINE_PATTERNS: dict[str, re.Pattern[str]] = {
    "ad": re.compile(
        r"""(?:\*\s*)?(?:anzeige|werbung|advertisement|sponsored|gesponsert|promotion|
        anzeige\s+schließen|partnerinhalt|paid\s+content|sponsored\s+content|
        weiter\s+nach\s+der\s+anzeige|(?:der\s+)?artikel\s+(?:wird\s+)?(?:geht\s+)?
        (?:nach|unter)\s+der\s+anzeige\s+(?:fortgesetzt|weiter)|
        werbung\s*[-–—:]?\s*(?:bitte\s+)?(?:scrollen|weiterlesen).*)\s*[.:!]?""",
        _F,
    ),
    "player": re.compile(
        r"""(?:[a-z]+(?:_[a-z0-9]+)+                                  # icon ligature names
        |close|explore|pause|fullscreen|fullscreen_exit|more_vert|more_horiz|menu|search|
        share|settings|subtitles|cast|airplay|replay|
        \d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?     # 00:00 / 00:00
        |loading(?:\s*\.\.\.|…)?|wird\s+geladen(?:\s*\.\.\.|…)?|lädt(?:\s*\.\.\.|…)?|
        (?:\d(?:[.,]\d+)?x\s+)?(?:wiedergabe)?geschwindigkeit|
        video(?:\s+abspielen|\s+starten|\s+ansehen)?|audio(?:\s+abspielen)?|
        (?:jetzt\s+)?(?:artikel\s+)?(?:anhören|hören|vorlesen(?:\s+lassen)?)|
        bildbeschreibung\s+(?:ein|aus)blenden|bild\s+(?:vergrößern|schließen)|
        untertitel|vollbild|stummschalten|ton\s+(?:an|aus)|live|beta|
        (?:dauer:?\s*)?\d{1,2}:\d{2}\s*min\.?|\d+\s*min(?:\.|uten)?\s+lesezeit|
        lesezeit:?\s*\d+\s*min(?:\.|uten)?|(?:nächstes|vorheriges)\s+video|
        autoplay|weitere\s+videos|alle\s+videos|mediathek|
        (?:(?:liveblog|ticker|seite|artikel|beiträge)\s+)?(?:aktualisieren|neu\s+laden)|
        (?:inhalt|inhalte|beitrag|tweet|post|karte|grafik|umfrage)\s+(?:anzeigen|laden|ausblenden)|
        alle\s+(?:folgen|episoden)|(?:episode|folge|podcast)\s+(?:herunterladen|abonnieren)|
        symbolbild|(?:neueste|älteste|beliebteste)\s+zuerst|sendung\s+verpasst\??|
        (?:video|audio|podcast|fotostrecke|bildergalerie)\s*:\s*[^.!?]{2,100})\s*""",
        _F,
    ),
    "comments": re.compile(
        r"""(?:\d+\s+)?(?:kommentare?|leserkommentare|diskussion|forum|
        kommentar\s+(?:schreiben|verfassen|abgeben)|zu\s+den\s+kommentaren|
        kommentare\s+(?:anzeigen|ausblenden|lesen|öffnen|schließen)|
        (?:jetzt\s+)?mitdiskutieren|diskutieren\s+sie\s+mit|antworten|melden|postings?|
        zum\s+forum|\d+\s+(?:gefällt\s+mir|likes?)|
        beitrag\s+melden|netiquette)\s*[.:!]?\s*(?:\(\d+\))?""",
        _F,
    ),
    "share": re.compile(
        r"""(?:teilen|twittern|tweeten|facebook|twitter|x|whatsapp|telegram|linkedin|xing|
        pinterest|flipboard|reddit|e-mail|email|mail|drucken|link\s+kopieren|
        artikel\s+(?:teilen|drucken|merken|versenden|verschenken)|merken|
        zur\s+merkliste|(?:dem\s+)?autor\s+folgen|folgen|feedback|
        (?:auf\s+)?(?:facebook|twitter|whatsapp)\s+teilen)\s*""",
        _F,
    ),
    "teaser": re.compile(
        r"""(?:kostenlose\s+spiele|spiele|rätsel|sudoku|kreuzworträtsel|horoskop|
        gewinnspiele?|mehr\s+zum\s+thema|themenverwandte[rn]?\s+artikel|mehr\s+aus\s+\S+(?:\s+\S+)?|mehr\s+(?:news|nachrichten|
        artikel|videos|themen)|weitere\s+(?:artikel|meldungen|nachrichten|themen)(?:\s+zu[mr]?\s+\w+)?|
        auch\s+interessant|das\s+könnte\s+sie\s+(?:auch\s+)?interessieren|
        empfehlungen(?:\s+der\s+redaktion)?|unsere\s+empfehlungen|top[-\s]?themen|
        meistgelesen(?:e\s+artikel)?|meistgeklickt|beliebte\s+artikel|
        themenübersicht|alle\s+(?:news|nachrichten|themen|artikel)|
        weiterlesen|mehr\s+lesen|(?:hier\s+)?(?:klicken|mehr\s+erfahren)|
        zur\s+startseite|zurück(?:\s+zur\s+übersicht)?|nach\s+oben|startseite|
        (?:neue\s+)?["„“»«]?stories["“”»«]?\s+entdecken|schlagzeilen|news-?ticker|
        zum\s+weiterlesen|weiterlesen\s+(?:auf|bei)\s+\S+|teile\s+diesen\s+artikel|
        (?:kommentare|diskussion)\s*\(\d+(?:\s+beiträge)?\)|
        liveblog|im\s+überblick|ressorts?|navigation|menü|suche|seite\s+\d+\s+von\s+\d+|
        \d+\s*/\s*\d+|bild\s+\d+\s+von\s+\d+|bildergalerie|galerie|zoom|vergrößern|
        (?:tags|schlagw[öo]rte?r?|stichw[öo]rte?r?|themen)\s*:?\s+[^,.!?\s][^,.!?]*
        (?:,\s*[^,.!?\s][^,.!?]*)+)
        \s*[.:!]?""",
        _F,
    ),
    "subscription": re.compile(
        r"""(?:abonnieren|jetzt\s+abonnieren|abo|jetzt\s+abo\s+abschließen|abo\s+abschließen|
        anmelden|einloggen|login|registrieren|jetzt\s+registrieren|abmelden|abbestellen|
        \w+\s*(?:plus|\+)\s+(?:inhalt|artikel)|
        (?:jetzt\s+)?(?:gratis\s+)?testen|\w+\s*plus|\w+\+|plus-artikel|
        exklusiv\s+für\s+abonnenten|newsletter|zum\s+newsletter|(?:zum\s+)?e-paper|
        newsletter\s+(?:abonnieren|bestellen)|jetzt\s+anmelden)\s*[.:!]?""",
        _F,
    ),
    # a relative time stamp of a comment or ticker entry ("vor 2 Stunden")
    "stamp": re.compile(
        r"""(?:vor\s+(?:\d+|einer|einem)\s+(?:sekunden?|sek\.|minuten?|min\.|stunden?|std\.|
        tag(?:en)?)|gerade\s+eben)""",
        _F,
    ),
    "consent": re.compile(
        r"""(?:cookies?(?:-einstellungen)?|datenschutz(?:erklärung|einstellungen)?|
        privatsphäre(?:-einstellungen)?|impressum|agb|kontakt|akzeptieren|zustimmen|
        alle\s+akzeptieren|einstellungen|externe\s+inhalte|
        externer\s+inhalt)\s*[.:!]?""",
        _F,
    ),
}

# reason -> multi-word phrase searched anywhere in a line.
PHRASE_PATTERNS: dict[str, re.Pattern[str]] = {
    "comments": re.compile(
        r"""kein(?:e)?\s+kommentier\w*\s+mehr|kommentarfunktion|kommentarbereich|
        community[-\s]team|community[-\s]richtlinien|netiquette|mitzudiskutieren|
        diskutieren\s+sie\s+mit|kommentare\s+(?:sind|werden)\s+(?:geschlossen|moderiert|deaktiviert|gesperrt)|
        ihre\s+meinung\s+(?:ist\s+gefragt|zum\s+thema)|leserkommentar|
        forum\s+(?:ist\s+)?geschlossen|artikel\s+(?:ist\s+)?älter\s+als\s+\d+|
        schreibe(?:n\s+sie)?\s+einen\s+kommentar|fehler\s+gefunden|
        e-mail-adresse\s+wird\s+nicht\s+veröffentlicht|
        (?:melde\s+dich|melden\s+sie\s+sich)\s+an,?\s+um\s+(?:zu\s+)?(?:kommentieren|mitzudiskutieren)|
        hat\s+(?:dir|ihnen)\s+(?:der|dieser|unser)\s+(?:artikel|beitrag)\s+gefallen""",
        _F,
    ),
    "newsletter": re.compile(
        r"""newsletter[-\s]anmeldung|zum\s+newsletter|unser(?:em|en)?\s+newsletter|
        newsletter\s+(?:abonnieren|bestellen|erhalten)|aktivierungs(?:mail|link)|
        werbevereinbarung|abmeldung\s+ist\s+jederzeit|jederzeit\s+(?:wieder\s+)?abbestell|
        (?:ihre|deine)\s+e-mail-adresse|e-mail-adresse\s+eingeben|
        mit\s+(?:meiner|ihrer)\s+anmeldung|\w+-newsletter|was\s+heute\s+wichtig\s+ist|
        (?:bestätigen\s+sie|bestätige)\s+(?:ihre|deine)\s+(?:anmeldung|e-mail)|
        anmeldung\s+(?:ist\s+)?(?:fehlgeschlagen|hat\s+(?:leider\s+)?nicht\s+geklappt)|
        vielen\s+dank\s+für\s+(?:ihr|dein)\s+interesse""",
        _F,
    ),
    "subscription": re.compile(
        r"""jetzt\s+(?:weiterlesen|abonnieren|testen|registrieren)|weiterlesen\s+mit|
        sie\s+haben\s+bereits\s+ein\s+abo|bereits\s+(?:abonnent|registriert)|
        ersten?\s+monat\s+(?:kostenlos|gratis|für)|\d+\s+tage\s+(?:kostenlos|kostenfrei|gratis)|
        (?:kostenlos|kostenfrei|gratis)\s+(?:testen|lesen)|
        für\s+abonnenten|abonnenten\s+vorbehalten|\w*plus[-\s]artikel|
        zugang\s+zu\s+allen\s+(?:\S+\s+)?(?:artikeln|inhalten)|jederzeit\s+kündbar|
        unterstützen\s+sie\s+(?:\w+\s+)?\w*journalismus|ohne\s+abonnement|
        artikel\s+gehört\s+zum\s+angebot|weil\s+er\s+ihnen\s+geschenkt|
        \b(?:folg|abonnier)\w*\s+(?:sie\s+)?(?:uns|unsere[mnr]?)\b|
        verpass\w*\s+(?:sie\s+)?keine\s+(?:nachricht|news|folge|meldung)|app\s+herunterladen|
        hol\s+dir\s+(?:die|unsere)\s+app|teile?n?\s+(?:sie\s+)?(?:ihn|diesen\s+artikel|den\s+artikel)
        \s+mit""",
        _F,
    ),
    "teaser": re.compile(
        r"""lesen\s+sie\s+(?:auch|hier|mehr|jetzt)|mehr\s+zum\s+thema|
        das\s+könnte\s+sie\s+(?:auch\s+)?interessieren|auch\s+interessant:|
        kostenlose\s+spiele|jetzt\s+(?:spielen|kostenlos\s+spielen)|
        hier\s+(?:geht\s+es|gehts?)\s+zu|hier\s+klicken|
        alle\s+(?:aktuellen\s+)?(?:entwicklungen|news|infos)\s+(?:im|in\s+unserem)\s+(?:live)?(?:ticker|blog)|
        zum\s+(?:live)?(?:ticker|blog)|zur\s+themenseite|themenübersicht|
        (?:erschien|erschienen)\s+(?:zuerst|erstmals|ursprünglich)\s+(?:in|im|bei|auf)|
        push-(?:nachrichten|mitteilungen)\s+aktivieren|
        (?:diese[rs]?|der)\s+(?:artikel|text|beitrag)\s+wurde\s+(?:am\s+\S+\s+)?
        (?:aktualisiert|maschinell|automatisch|automatisiert)|maschinell\s+(?:aus\s+dem\s+\w+\s+)?übersetzt""",
        _F,
    ),
    "consent": re.compile(
        r"""wir\s+verwenden\s+cookies|cookies?\s+(?:zustimmen|akzeptieren)|
        mit\s+dem\s+laden\s+des\s+inhalts|externe[rn]?\s+inhalte?\s+(?:laden|anzeigen|aktivieren)|
        ich\s+bin\s+damit\s+einverstanden|redaktionelle[rn]?\s+inhalt|
        mit\s+einem\s+klick\s+auf|an\s+dieser\s+stelle\s+(?:finden|steht|sehen)|einwilligung\s+(?:widerrufen|erteilen)|
        datenschutzerklärung|personenbezogene\s+daten\s+(?:an|übermittelt)""",
        _F,
    ),
    # editorial and legal disclaimers of the site, not of the story
    "disclaimer": re.compile(
        r"""(?:geben|gibt|spiegeln|spiegelt)\s+(?:\w+\s+){0,2}die\s+meinung\s+(?:der|des|unserer)\s+
        (?:redaktion|einsender\w*|verfasser\w*|autor\w*|user\w*|nutzer\w*)|
        behält\s+sich\s+(?:kürzungen|das\s+recht)|
        ersetz\w*\s+(?:keine|nicht\s+die)\s+(?:ärztliche|medizinische|rechtliche|persönliche)\s+
        (?:beratung|untersuchung)|keine\s+anlageberatung|(?:alle\s+)?angaben\s+ohne\s+gewähr|
        alle\s+rechte\s+vorbehalten|(?:weiterverbreitung|nachdruck|vervielfältigung)\s+nur\s+mit|
        umfrage\s+ist\s+nicht\s+repräsentativ|unter\s+klarnamen""",
        _F,
    ),
    "ad": re.compile(
        r"""\bprovisions?[-\s]?link|affiliate[-\s]link|enthält\s+(?:werbe|affiliate)[-\s]?links|
        \bwerbung\s*[-–—]\s*scrollen|\bartikel\s+wird\s+nach\s+der\s+anzeige|
        \b(?:ad-?|werbe)blocker""",
        _F,
    ),
    "credit": re.compile(
        r"""\((?:quelle|foto|fotos|bild|bilder|grafik|video|credit)\s*:\s*[^()]{2,80}\)\s*$|
        (?:^|\s)(?:foto|fotos|bild|bildquelle|bilder|grafik|quelle\s+bild)\s*:\s*\S[^.!?]{0,80}$|
        ^©|©\s*[\w\s./-]{2,60}$|\b(?:imago(?:\s+images)?|picture[-\s]alliance|getty\s+images|
        shutterstock|istock(?:photo)?|keystone|ap\s+photo)\s*(?:/\s*[\w\s.-]{1,60})?\)?\s*$""",
        _F,
    ),
    "player": re.compile(
        r"""\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}|play_arrow|\bskip_(?:next|previous)\b|
        \breplay_\d+\b|\bforward_\d+\b|\bvolume_(?:up|off|mute)\b|
        video\s+(?:konnte\s+nicht|wird\s+geladen)|ihr\s+browser\s+unterstützt""",
        _F,
    ),
}

# reason -> single words that lean towards residue but also occur in prose (weak cues).
CUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "newsletter": re.compile(
        r"\bnewsletter\w*|\babonn(?:ier|ement)\w*|\babbestell\w*|\banmeld\w*", _F
    ),
    "subscription": re.compile(
        r"(?<!\S)[A-ZÄÖÜ]{1,10}\+(?!\S)|\babos?\b|\b(?:digital|probe|print)-?abos?\b|"
        r"\bregistrier\w*|\blogin\b|\beinlogg\w*|\bkündbar|\btelegram-kanal",
        _F,
    ),
    "share": re.compile(
        r"\bteilen\b|\bwhatsapp\b|\bfacebook\b|\btwitter\b|\bdrucken\b|\binstagram\b|"
        r"\btiktok\b|\byoutube\b|\bspotify\b|\bapple\s+podcasts\b|\bpodcasts?\b",
        _F,
    ),
    "link": re.compile(
        r"https?://\S+|www\.\S+|\b[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,63}\b|"
        r"\b[\w-]{1,63}\.(?:de|at|ch|net|com)\b",
        _F,
    ),
    "consent": re.compile(r"\bcookies?\b|\bdatenschutz\w*|\beinwilligung\w*", _F),
    # the site talking about itself: "dieser Artikel", "unsere Redaktion", "unserer Seite"
    "self": re.compile(
        r"\b(?:dieser|diesen|diesem)\s+(?:artikel|beitrag|text|seite|website)\b|"
        r"\bunsere[rnms]?\s+(?:seite|website|redaktion|app|angebot|artikel|newsletter|community|"
        r"printausgabe|zeitung|ausgabe)\b",
        _F,
    ),
    "teaser": re.compile(r"\bklicken\b|\bhier\b\s+\w+\s+sie|\bentdecken\b|\bjetzt\b", _F),
}

# A line that is only a host name ("krone.at", "www.example.de"): an outlet's name repeated.
DOMAIN_LINE_RE = re.compile(
    r"""\s*(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:de|at|ch|com|net|org|eu|info|news|tv|fm))
    /?\s*""",
    _F,
)

# Reader address inside a sentence ("Sie", "Ihnen", "Ihr" capitalised mid-sentence): service
# text talks to the reader, reporting rarely does (quotes can, so this is a weak cue).
READER_ADDRESS_RE = re.compile(
    r"(?<=[a-zäöüß,]\s)(?:Sie|Ihnen|Ihre[mnrs]?|Ihr)\b"  # "... können Sie ...", "für Sie"
    r"|^[A-ZÄÖÜ][a-zäöüß]+en\s+Sie\b"  # imperative opening: "Hören Sie ...", "Lesen Sie ..."
    r"|\b(?:dir|dich|deine[mnrs]?|dein|du|euch|eure[mnrs]?)\b"  # informal: "Hol dir die App"
)

# Icon-font ligature names ("play_arrow", "expand_more") - never German prose.
ICON_TOKEN_RE = re.compile(r"(?<!\S)[a-z]+(?:_[a-z0-9]+)+(?!\S)")

# A live-ticker entry heading: "10:45 Uhr – Kreml zufrieden mit Telefonat", "22:10: ...".
TICKER_ENTRY_RE = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*Uhr)?\s*[-–—:|]\s*\S")
