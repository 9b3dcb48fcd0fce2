"""Speech-verb lookup tables built from the compact descriptions in `lagebild.lang.de.quotes`.

A German speech verb shows up as a finite form ("sagte"), a participle ("gesagt"), a
subordinate-clause form of a particle verb ("mitteilte") or a main-clause form whose particle
comes at the end of the clause ("teilte … mit"). `SpeechLexicon` answers which of these a
token is, and which particle (if any) it still needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lagebild.lang.de.quotes import STRONG_SPEECH_VERBS, WEAK_SPEECH_VERBS

_INSEPARABLE = ("be", "er", "ver", "ent", "zer", "ge", "emp", "miss", "über", "unter", "wider")


@dataclass(frozen=True)
class VerbForm:
    """What a token form means: lemma, the particle still needed, finite or participle."""

    lemma: str
    particle: str = ""
    finite: bool = True


@dataclass
class SpeechLexicon:
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)

    def add(self, form: str, entry: VerbForm) -> None:
        bucket = self.forms.setdefault(form.lower(), [])
        if entry not in bucket:
            bucket.append(entry)

    def lookup(self, word: str) -> list[VerbForm]:
        return self.forms.get(word.lower(), [])


def _weak_forms(stem: str) -> tuple[list[str], list[str]]:
    """Finite forms and participles of a weak verb stem."""
    if stem.endswith(("er", "el")) and len(stem) > 4 and not stem.endswith("ier"):
        finite = [stem + "t", stem + "te", stem + "ten", stem + "n", stem + "e", stem + "st"]
    elif stem.endswith(("t", "d")) or stem.endswith(("chn", "gn", "ffn", "tm")):
        finite = [stem + "et", stem + "ete", stem + "eten", stem + "en", stem + "e"]
    else:
        finite = [stem + "t", stem + "te", stem + "ten", stem + "en", stem + "e", stem + "st"]
    suffix = "et" if stem.endswith(("t", "d", "chn", "gn")) else "t"
    if stem.endswith("ier") or stem.startswith(_INSEPARABLE):
        participles = [stem + suffix]
    else:
        participles = ["ge" + stem + suffix]
    return finite, participles


@lru_cache(maxsize=1)
def speech_lexicon() -> SpeechLexicon:
    """The shared, immutable-by-convention speech-verb lexicon."""
    lex = SpeechLexicon()
    for entry in WEAK_SPEECH_VERBS:
        particle, _, stem = entry.rpartition("|")
        short_inf = stem.endswith(("er", "el")) and len(stem) > 4 and not stem.endswith("ier")
        lemma = particle + stem + ("n" if short_inf else "en")  # äußern, but zitieren
        finite, participles = _weak_forms(stem)
        for form in finite:
            lex.add(form, VerbForm(lemma, particle, True))
            if particle:
                lex.add(particle + form, VerbForm(lemma, "", True))
        for form in participles:
            lex.add(particle + form, VerbForm(lemma, "", False))
        if particle:
            lex.add(particle + "zu" + stem + "en", VerbForm(lemma, "", False))
    for inf, pres, pret, part, particle in STRONG_SPEECH_VERBS:
        pret_pl = pret + ("n" if pret.endswith("e") else "en")
        pres_pl = inf[len(particle):] if particle and " " not in inf else inf
        finite = [pres, pret, pret_pl, pres_pl]
        for form in finite:
            lex.add(form, VerbForm(inf, particle, True))
            if particle and " " not in inf:
                lex.add(particle + form, VerbForm(inf, "", True))
        if " " in part:
            lex.add(part.split()[-1], VerbForm(inf, particle, False))
        else:
            lex.add(part, VerbForm(inf, "", False))
    return lex
