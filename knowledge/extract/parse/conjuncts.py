"""A second speech act the parser joined to the reported clause of the first: "X said the records will be released
and called for rallies", "X says the country has the best system, and accuses rivals of plotting".

The parser hangs "called" / "accuses" on the reported clause ("will be released", "has"), which makes the clause's
subject ("the records", "the country") the one who called or accused. English leaves "X said the minister had
resigned and denied it" open (the minister may have denied it), so only two shapes count as the reporter's: a
finite speech verb in the reporter's own form after a clause whose modal cannot govern it ("will be released and
called"), or after a comma that closes the reported clause before "and" ("has the best system, and accuses"). A
past form after "had" or "was" may share that auxiliary ("had resigned and denied"): left to the clause. ("said A
was true and warned that B", where the second cue has a clause of its own, is `roles.first_cue_of`'s other case.)
"""

from __future__ import annotations

from knowledge.extract.parse import cues as lex


def same_reporter(verb, reported, reporting) -> bool:
    """Is `verb`, a conjunct of the `reported` clause of cue `reporting`, the reporter's own second speech act?"""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.tag_ != reporting.tag_:
        return False
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False  # a bare form ("to accuse", "accusing") shows no agreement either way
    auxes = [c for c in reported.children if c.dep_ in ("aux", "auxpass")]
    modal = any(a.tag_ == "MD" for a in auxes)
    if not modal and verb.tag_ == "VBD" and any(a.lemma_ in ("have", "be") for a in auxes):
        return False  # "had resigned and denied": the participle may share the auxiliary
    if modal:
        return True
    cc = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    return bool(cc) and cc[-1].i > 0 and verb.doc[cc[-1].i - 1].text == ","


def reporters_act(conj, reported) -> bool:
    """Is `conj`, joined to the clause `reported` by the reporting cue, the reporter's own next speech act (kept
    out of what the first cue reported)?"""
    return conj.dep_ == "conj" and conj.lemma_.lower() in lex.VERB_CUES and same_reporter(conj, reported, reported.head)


def grammatical_subject(verb, shared):
    """The subject conjunct `verb` shares with its head, given `shared`, the one found for the head: "X was joined
    by Y and joked" — the agent Y is who joined, but the active conjunct goes on with X, the grammatical subject."""
    head = verb.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if verb.dep_ != "conj" or shared is None or shared.head.dep_ != "agent" or passive:
        return shared
    return next((c for c in head.children if c.dep_ == "nsubjpass"), shared)
