"""Reported clauses the parser hangs somewhere other than on their cue.

The small English model attaches a that-clause after an adverbial ("tweeted in the morning that ...") as an
adverbial clause, after a time phrase ("has insisted for weeks that ...") as a relative clause of the time noun,
after an aside ("continues to insist, in an interview, that ...") on the governing verb, and an embedded question
("have not said when they would vote") as an adverbial. Each is what the speaker said; `roles.content_tokens`
asks here only when the cue has no clause, object or content preposition of its own.
"""

from __future__ import annotations

from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.stranded import compound_subject

TIME_NOUNS = {"day", "week", "month", "year", "hour", "decade", "time"}
SETTING_MARKS = {"after", "before", "when", "since"}
WH_WORDS = {"when", "why", "how", "whether", "where", "what", "who"}
FOR_VERBS = {"call", "push", "press", "argue", "lobby", "campaign", "plead", "appeal"}
# verbs whose embedded question is what they are about ("did not say when", "asked why"); a bare "when" clause
# after other verbs says when something was said ("spoke when the crowd gathered")
QUESTION_VERBS = {"say", "explain", "ask", "disclose", "reveal", "specify", "detail", "indicate", "question", "wonder"}


def _opens_with_that(clause) -> bool:
    """A clause introduced by "that" with a subject of its own (not "the hours that followed")."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ != "that" for c in clause.children)
    return first.lower_ == "that" and first.head.i == clause.i and first.dep_ in ("mark", "advmod") and own_subject


def _that_advcl(tok, after: int):
    return next((c for c in tok.children if c.dep_ == "advcl" and c.i > after and _opens_with_that(c)), None)


def for_clause(verb):
    """ "called for the United States to step up its efforts": the parser makes "for" the clause's marker, so the
    clause hangs on the verb as an adverbial; "for" belongs to the cue and the rest is what was called for."""
    if verb.lemma_.lower() not in FOR_VERBS or verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if nxt.lower_ == "for" and nxt.dep_ == "mark" and nxt.head.dep_ == "advcl" and nxt.head.head.i == verb.i:
        return nxt.head
    return None


def misplaced_clause(verb, negated: bool):
    """The reported clause's head token, or None."""
    found = _that_advcl(verb, verb.i)
    if found is not None:  # "tweeted in the morning that ..."
        return found
    for p in verb.children:  # "has insisted for weeks that ..."
        if p.dep_ != "prep" or p.i < verb.i:
            continue
        for o in p.children:
            if o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in TIME_NOUNS):
                hit = next((t for t in o.children if t.dep_ in ("acl", "relcl") and _opens_with_that(t)), None)
                if hit is not None:
                    return hit
    if verb.dep_ == "xcomp" and verb.head.i < verb.i:  # "continues to insist, most recently on TV, that ..."
        found = _that_advcl(verb.head, verb.i)
        if found is not None:
            return found
    wanted = for_clause(verb)
    if wanted is not None:
        return wanted
    lemma = verb.lemma_.lower()
    for c in verb.children:  # "have not said when they would vote", "asked why the plant closed"
        wh = c.left_edge.lower_
        if c.dep_ == "advcl" and c.i > verb.i and lemma in QUESTION_VERBS and wh in WH_WORDS:
            if wh != "when" or negated or lemma == "ask":
                return c
    return relative_report(verb)


def relative_report(verb):
    """ "The lawsuit states this happened": the reported clause the parser read as a relative clause of "lawsuit
    states", a noun phrase to it (`stranded.compound_subject`); None for any other verb."""
    if compound_subject(verb) is None:
        return None
    own = lambda c: any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children)  # noqa: E731
    return next((c for c in verb.children if c.dep_ == "relcl" and c.i > verb.i and own(c)), None)


def reporting_as(k) -> bool:
    """ "said the claims were misleading as it rejected the account": an as-clause whose verb reports (with a
    subject of its own, after the verb it hangs on) is the writer telling what else the speaker did, not part of
    the words said; `roles._clause` leaves it out of the content."""
    return (
        k.dep_ == "advcl"
        and k.i > k.head.i
        and k.lemma_.lower() in lex.VERB_CUES
        and any(m.dep_ == "mark" and m.lower_ == "as" for m in k.children)
        and any(x.dep_ in ("nsubj", "nsubjpass") for x in k.children)
    )


def another_report(k) -> bool:
    """A clause closing a reported clause that is somebody's report of its own, so not part of the words said:
    - "said they were sure the count was wrong and rivals accused them of stalling": a coordinated clause whose
      verb reports, with a subject of its own (a second "and that …" is the same speaker's, and a belief —
      "and analysts expect more" — may be what was said);
    - "said the city must outbid Hale, who she called a fraud": a non-restrictive relative clause in which
      somebody else (or the speaker again) reports on the noun; "Hale, who called it a fraud" is the writer's aside
      and stays where `roles.drop_trailing_relative` leaves it;
    - "said he was ready after a voter told him X": a clause saying when, whose verb is somebody's report."""
    lemma = k.lemma_.lower()
    subjects = [x for x in k.children if x.dep_ == "nsubj"]  # who reports ("or why it was mentioned": nobody)
    if lemma not in lex.VERB_CUES or k.i <= k.head.i or not subjects:
        return False
    if k.dep_ == "conj":
        return lemma not in lex.COGNITION and not any(m.dep_ == "mark" for m in k.children)
    if k.dep_ == "advcl":  # "said he was ready after a voter told him X": when it was said, and who else spoke
        return lemma not in lex.COGNITION and any(m.dep_ == "mark" and m.lower_ in SETTING_MARKS for m in k.children)
    if k.dep_ == "relcl":  # the relative word is what is reported on, an active subject reports it
        left = k.left_edge
        return (
            left.i > 0
            and k.doc[left.i - 1].text == ","
            and left.tag_ in ("WP", "WDT")
            and subjects[0].tag_ not in ("WP", "WDT")
        )
    return False


def closing_reports(c) -> list:
    """Another speaker's report closing clause `c`, however deep the parser hangs it (`another_report`)."""
    last = c.right_edge.i
    return [k for k in c.subtree if k.i != c.i and another_report(k) and k.right_edge.i >= last - 1]


def later_reports(comps: list) -> set[int]:
    """What to leave out of the cue's clauses: a later one that is another report whose subject the parser hung
    in the clause before ("said they were sure the agency erred and rivals accused them of X": "accused" made a
    second clause of "said", "rivals" a conjunct of "agency"), from its "and" to its end (the words before it the
    parser gave the later clause stay: "agency" is its subject in that parse)."""
    lost: set[int] = set()
    for c in comps[1:]:
        start = _lost_subject_start(c)
        if start is not None and start > comps[0].left_edge.i:
            lost |= set(range(start, c.right_edge.i + 1))
    return lost


def _lost_subject_start(c) -> int | None:
    """Where "and <noun> <report verb>" opens before clause `c` (a report verb), or None."""
    lemma = c.lemma_.lower()
    if c.dep_ != "ccomp" or lemma not in lex.VERB_CUES or lemma in lex.COGNITION:
        return None
    j = c.i - 1
    while j > 0 and c.doc[j].head.i == c.i and c.doc[j].dep_ in ("aux", "neg", "advmod"):
        j -= 1
    noun = c.doc[j]
    if noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or noun.dep_ not in ("conj", "nsubj"):
        return None
    before = noun.left_edge.i - 1
    return before if before > 0 and c.doc[before].dep_ == "cc" else None
