"""A speech verb before its speaker: 'Added Berg: "…"', 'Continued Ana Ruiz: "…"'.

A quote a colon opens is the colon's content; its speaker is normally the subject before it ('Berg added: "…"').
Some outlets invert the two, so the parser finds no subject: the verb opens the sentence and the name follows.
"""

from __future__ import annotations

from knowledge.extract.parse import cues as lex


def inverted_speaker(doc, start: int, colon: int):
    """(the verb, the name's token indices) when a past-tense speech verb opens the sentence at `start` and a
    short name stands between it and the colon at `colon`; else None."""
    while start < colon and doc[start].is_space:
        start += 1
    verb = doc[start]
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in lex.VERB_CUES:
        return None
    name = short_name(doc, start + 1, colon, 4)
    return (verb, name) if name else None


def short_name(doc, start: int, end: int, most: int) -> set[int]:
    """The token indices of doc[start:end] when it is a short proper name (1 to `most` tokens, all proper nouns),
    as a speaker written before a quote's colon is ('Added Berg:', '- Jane Roe:'); empty otherwise."""
    name = doc[start:end]
    return {t.i for t in name} if 1 <= len(name) <= most and all(t.pos_ == "PROPN" for t in name) else set()
