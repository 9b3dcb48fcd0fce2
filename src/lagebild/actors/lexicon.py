"""Closed-class German words the actor resolver needs (articles, pronouns, prepositions).

Kept apart from the registry data because they are grammar, not facts about actors, and apart
from the resolver code so that they are named and testable. All entries are folded
(``lagebild.actors.text.fold``). Source: German grammar, written by the Lagebild team.
"""

from __future__ import annotations

# Determiners that may open a role description ("der russische Präsident").
DETERMINERS = frozenset(
    "der die das dem den des ein eine einem einen einer eines".split()
)
# Possessive determiners: "sein russischer Amtskollege", "ihre Sprecherin".
POSSESSIVES_MASC = frozenset("sein seine seinem seinen seiner seines".split())
POSSESSIVES_FEM = frozenset("ihr ihre ihrem ihren ihrer ihres".split())
# Plural markers before a noun: "die beiden Präsidenten", "zwei Außenminister".
PLURAL_MARKERS = frozenset("beide beiden zwei drei vier alle mehrere viele".split())
# Adjectives marking a former holder ("der frühere US-Präsident") or a future one.
FORMER_ADJECTIVES = ("fruher", "ehemalig", "einstig", "damalig", "vormalig")
FUTURE_ADJECTIVES = ("designiert", "kunftig", "gewahlt", "neugewahlt")
FORMER_PREFIXES = ("ex-", "alt")
# Inflection endings of attributive adjectives.
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
# Prepositions after which a capital is a place, not an actor ("in Moskau").
LOCATIVE_PREPOSITIONS = frozenset(
    "in im nach aus bei beim nahe um bis durch gen vor ab".split()
)
# Prepositions after which a seat of government is the building: "im Kanzleramt".
SEAT_PLACE_PREPOSITIONS = frozenset("in im vor hinter neben nahe".split())
# Direction words before "von <capital>": "nördlich von London" is a place.
DIRECTION_WORDS = frozenset(
    "nordlich sudlich ostlich westlich nordostlich nordwestlich sudostlich sudwestlich "
    "unweit".split()
)
# Prepositions: a person named inside a prepositional phrase is not a subject candidate.
PREPOSITIONS = frozenset(
    """
    von vom mit fur gegen bei beim nach zu zum zur an am auf uber unter vor hinter neben
    zwischen wahrend wegen trotz ohne um durch seit aus in im laut gemass zufolge
    """.split()
)
# Verbs introducing a source right before "in <capital>": "hieß es in Moskau".
SOURCE_PHRASE_HEADS = frozenset("hiess verlautete verlautet heisst".split())
# Prepositions linking an office to its country or organisation.
COMPLEMENT_LINKS = frozenset("des der von vom im in beim bei".split())
# Genitive links after an office: "Sprecher des Kremls", "Chef der Söldnergruppe".
GENITIVE_LINKS = frozenset("des der vom von".split())
# Links after which a capital names a place: "der Botschafter in Moskau".
PLACE_LINKS = frozenset("in im bei beim".split())
# Words before an office that make it a predicate, not a reference: "wird neuer Premier".
PREDICATIVE_HEADS = frozenset(
    "wird werden wurde wurden ist sind war waren bleibt blieb sei seien als zum zur".split()
)
# Copula forms after an office that make it a predicate: "will Kanzlerin bleiben", "der
# Präsident werden könnte"; finite forms only count after a bare office ("der Präsident wird
# morgen reisen" is a reference).
COPULA_INFINITIVES = frozenset("bleiben werden sein geworden gewesen geblieben".split())
COPULA_FORMS = COPULA_INFINITIVES | {"bleibt", "wird"}
# Prepositions relating an actor to another: "Verhältnis zu Washington", "Druck auf Moskau".
RELATIONAL_PREPOSITIONS = frozenset("mit zu zwischen gegen fur von an auf seitens".split())
# UD relations of a subject, and of arguments a government can fill (from an NLP tokens layer).
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "ROOT"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent"})
# Personal pronouns resolved to persons. "er" is always nominative; "sie" only singular uses.
PRONOUNS_MASC = frozenset({"er"})
PRONOUNS_FEM = frozenset({"sie"})
# Capitalised function words and calendar words that never start a person name.
NOT_NAMES = frozenset(
    """
    der die das dem den des ein eine einem einen einer eines am im in an auf aus bei mit nach
    vor fur von zu zum zur und oder aber auch es er sie wir ich ihr man dies diese dieser dass
    wenn als wie so noch nur schon mehr doch zudem zuvor dabei damit daher dann denn deshalb
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz april mai
    juni juli august september oktober november dezember heute gestern morgen nacht ende anfang
    mitte seit laut nachdem wahrend trotz unter uber gegen ohne um bis sowie
    """.split()
)
