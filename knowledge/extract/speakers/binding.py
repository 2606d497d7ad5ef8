"""Where an anaphor may not look, and which earlier subject matters most: two facts of clause structure.

- A subject pronoun never means a name inside its own clause: "Trump was told X, he said" — "he" governs the
  clause that contains "Trump", and a pronoun does not bind a name it c-commands (binding theory's principle C),
  so "he" is somebody else, usually the speaker before.
- The subject of a sentence's main verb outranks a subject inside what was reported: in "Misri said the prime
  minister spoke to Trump", the one who goes on speaking in the next sentence is Misri.
"""

from __future__ import annotations

from knowledge.extract.speakers.person_words import PRONOUNS


def own_clause(tok) -> frozenset[int]:
    """Token indices a subject pronoun c-commands: what its verb says (its complement, wherever it stands —
    "Trump was told X, he said") and everything after the pronoun in its clause; not an adverbial placed before it
    ("Since Trump spoke, he has repeated it": "he" may well be Trump). Empty for anything but a subject pronoun."""
    if tok.lower_ not in PRONOUNS or tok.dep_ not in ("nsubj", "nsubjpass"):
        return frozenset()
    verb = tok.head
    out = {t.i for t in verb.subtree if t.i > tok.i}
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS:
            out |= {t.i for t in child.subtree}
    return frozenset(out)


_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "parataxis"})


def main_subject(doc, start: int, end: int) -> bool:
    """Is the phrase at [start, end) the subject of its sentence's main verb?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ in ("compound", "flat", "appos", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"
