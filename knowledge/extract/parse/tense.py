"""The tense of the verb a date belongs to, which decides the week of a weekday ("met on Friday" / "will meet on
Friday"). Read off the parse: modal "will"/"shall", "is going to", "plans to", "is due to" mean future; a past
tag or a perfect auxiliary means past; a present tag means present. A noun ("a meeting on Friday") takes the
tense of the verb it belongs to."""

from __future__ import annotations

FUTURE_MODALS = {"will", "shall", "'ll", "’ll"}
FUTURE_HEADS = {"plan", "expect", "schedule", "due", "set", "intend", "prepare", "hope", "aim"}


def _verb_tense(tok) -> str | None:
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_MODALS for a in auxes):
        return "future"
    head = tok.head
    if tok.dep_ == "xcomp" and head.i != tok.i:
        if head.lemma_.lower() == "go" and head.tag_ == "VBG" or head.lemma_.lower() in FUTURE_HEADS:
            return "future"  # "is going to meet", "plans to visit", "is due to arrive"
        return _verb_tense(head)
    if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes) or tok.tag_ == "VBD":
        return "past"
    if tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def tense_of(tok) -> str | None:
    """ "past", "present", "future" or None when the parse does not say."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return _verb_tense(tok)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
