"""Who a relative pronoun that speaks stands for: "Tom Vance, who said …", "the Carter Center, which reported …".

A relative pronoun is never a speaker a reader can use; grammar already says whom it means — the noun its clause
hangs on. That noun is the speaker: the entity it names, or its own words ("the justices who accused him") when it
names none. Kept apart from `anaphora`, which resolves pronouns and titles by searching back through the text;
`speaker_referent` reads what both found for a claim's source.
"""

from __future__ import annotations

from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.spans import doc_text
from knowledge.extract.speakers.heads import Referent, entity_of, shared_surname
from knowledge.extract.speakers.person_words import PERSON_NOUNS

RELATIVES = frozenset({"who", "which", "that"})


def relative_referent(doc, ents: DocEntities, head) -> Referent | None:
    """The referent of `head` when it is a relative pronoun, the subject of a relative clause; else None."""
    if head.lower_ not in RELATIVES or head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "relcl":
        return None
    noun = head.head.head  # "Tom Vance, who said ...": the relative clause hangs on the person
    if head.lower_ == "who" and noun.dep_ == "pobj" and noun.ent_type_ in ("GPE", "LOC", "FAC"):
        noun = noun.head.head  # "officials in Kyiv, who ...": the parser hangs it on the place, not on them
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    named = entity_of(ents, noun)
    if head.lower_ == "who" and _misattached(ents, noun, head):
        noun = _person_before(ents, head) or noun
        named = entity_of(ents, noun)
    if named is not None:
        return Referent(named, ents.entities[named].name)
    return Referent(None, doc_text(doc)[noun.left_edge.idx : noun.idx + len(noun.text)])


def speaker_referent(doc, ents: DocEntities, span: tuple[int, int] | None) -> Referent | None:
    """The referent of a claim's source when it is an anaphor: a pronoun, a title, a relative "who" or a bare
    surname that several people in the article share."""
    if doc is None or span is None:
        return None
    src = doc.char_span(span[0], span[1], alignment_mode="expand")
    if src is None or not len(src):
        return None
    head = src.root
    referents = ents.referents
    if head.i in referents:
        return referents[head.i]
    relative = relative_referent(doc, ents, head) if len(src) == 1 else None
    return relative if relative is not None else shared_surname(doc, ents, src)


def _person(ents: DocEntities, tok) -> bool:
    idx = entity_of(ents, tok)
    if idx is not None:
        return ents.entities[idx].type == "PERSON"
    return tok.lemma_.lower() in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS


def _misattached(ents: DocEntities, noun, who) -> bool:
    """An aside ", who …" the parser hung on a name or a date that is no person ("Acme News spoke with an aide on
    Monday, who …"); a common noun it hangs on ("the justices who accused him") is taken as the parse gives it."""
    idx = entity_of(ents, noun)
    named = idx is not None and ents.entities[idx].type != "PERSON" or noun.ent_type_ in ("DATE", "TIME")
    return named and who.i > 0 and who.doc[who.i - 1].text == ","


def _person_before(ents: DocEntities, who):
    """ "Acme News spoke with a ministry official on Monday, who confirmed …": "who" is said of a person, and the
    parser may hang it on an organisation or a date standing nearer or further; the latest person before it in its
    sentence (a person noun, or a name the text gives a person) is the one meant. None when no person stands
    there ("the Carter Center, who said": the organisation it hangs on stays)."""
    for t in reversed(who.doc[who.sent.start : who.i]):
        if t.pos_ in ("NOUN", "PROPN") and _person(ents, t):
            return t
    return None
