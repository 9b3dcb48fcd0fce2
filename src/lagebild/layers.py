"""Canonical annotation layer names and what their `attrs` hold.

tokens     label=UPOS; attrs: lemma, tag, morph, dep, head (token index), i (token index)
sentences  one span per sentence
entities   label=PER|LOC|ORG|MISC
time       label=DATE|TIME|DURATION|SET;
           attrs: type, value, precision, candidates|interval, anchor
actor      label=person|state|igo|org|unknown_person;
           attrs: actor_id, name, codes, via (name|surname|role|metonym|pronoun|ner),
           optional role, title, modifier_of, antecedent, possessive, gender, form
quote      label=direct|indirect;
           attrs: cue {text,start,end}, speaker {text,start,end,actor_id,name},
           source (relaying actor), about (actor ids), addressee, form, parts, frame, inherited
"""

from __future__ import annotations

TOKENS = "tokens"
SENTENCES = "sentences"
ENTITIES = "entities"
TIME = "time"
ACTOR = "actor"
QUOTE = "quote"

ALL = (TOKENS, SENTENCES, ENTITIES, TIME, ACTOR, QUOTE)
