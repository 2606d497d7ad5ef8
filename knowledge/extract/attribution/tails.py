"""The writer's asides that close a reported clause: not part of what the speaker said.

The parse hangs whatever follows a reported clause inside it, so "said turnout was high, while rivals disputed it",
"said the plan was sound, even as critics scoffed", "said prices would rise, an admission that ..." (or "— a
sign that ...") carry the writer's words at the end of the content. So do the speaker's next report ("stressed
that X, suggesting that Y", "said X before claiming that Y": Y is a claim of its own, found from its own cue) and,
after a reported noun phrase, where and when it was said ("criticized the plan during a stop in Flint",
"thanked supporters at a meeting", "blamed officials before the speech"). Annotated news (PolNeAR) more often ends the
content before them than keeps them (a trailing "according to" source is `pipeline`'s to cut; a relative clause
inside a reported clause stays, see `roles.drop_trailing_relative`: annotators split about evenly on it). Only an
unquoted tail that runs to the end of the content is dropped: inside a quote every word is the speaker's.
"""

from __future__ import annotations

from knowledge.extract.attribution.asides import SUMMARY_NOUNS
from knowledge.extract.parse import cues as lex

DASHES = frozenset({"—", "–", "-", "--"})
# prepositions that place a reported noun phrase in time or at an occasion, whatever their object
WHEN_PREPS = frozenset({"during", "before", "after", "amid", "since", "despite"})
# prepositions that do so when their object is a date, a time or a gathering ("at a meeting", "on Tuesday")
AT_PREPS = frozenset({"at", "on", "in"})
NEXT_REPORT_PREPS = frozenset({"before", "after"})
# "said X, saying P" is one statement, P its gist, nested in X (`disputes` reads "Quill's claims" after it as one)
SAME_STATEMENT = frozenset({"say"})
_VERBS = ("VERB", "AUX")
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
# nouns by which the writer sums up the clause before ("..., a swipe at X", "..., an acknowledgment that Y")
COMMENT_NOUNS = frozenset(SUMMARY_NOUNS) | frozenset(
    {
        "acknowledgment",
        "acknowledgement",
        "admission",
        "swipe",
        "jab",
        "dig",
        "message",
        "point",
        "reference",
        "sign",
        "signal",
        "indication",
        "nod",
        "tactic",
        "warning",
        "charge",
        "accusation",
        "rebuke",
        "allusion",
        "echo",
        "reversal",
        "departure",
        "shift",
        "concession",
        "metaphor",
        "reminder",
    }
)


def drop_trailing_aside(doc, idxs: set[int], quotes) -> set[int]:
    """`idxs` without the first unquoted aside (see the module) that runs from a comma or dash to its end."""
    if len(idxs) < 4:
        return idxs
    first, last = min(idxs), max(idxs)
    last_quoted = quotes.at(doc[last].idx) is not None
    for k in range(first + 2, last + 1):
        if k not in idxs or quotes.at(doc[k].idx) is not None:
            continue
        if _next_report(doc, k, last):  # its own claim, quoted or not
            kept = {i for i in idxs if i < k}
        elif last_quoted or k < first + 3 or not _aside_at(doc, k, last, idxs):
            continue
        else:
            kept = {i for i in idxs if i < k - 1}
        kept = _trim_marks(doc, kept)
        return kept if len(kept) >= 2 else idxs
    return _drop_setting(doc, idxs, quotes)


def _trim_marks(doc, idxs: set[int]) -> set[int]:
    while idxs and (doc[max(idxs)].is_punct or doc[max(idxs)].dep_ == "cc"):
        idxs = idxs - {max(idxs)}
    return idxs


def _next_report(doc, k: int, last: int) -> bool:
    """'"…," suggesting that Y' / "… before claiming that Y" running to the content's end: the speaker's next
    report, a participle of a cue verb with a clause of its own and no subject (so the same speaker). After
    unquoted words ("said the envoy had sent a plan, suggesting talks") the participle may be the reported
    clause's own (the plan suggests), and annotators keep it; ", saying Y" is never cut."""
    tok, opener = doc[k], doc[k - 1]
    after_quote = opener.is_quote and doc[k - 2].text == ","  # '"… together," suggesting': the writer's reading
    if tok.dep_ == "prep" and tok.lower_ in NEXT_REPORT_PREPS:
        verb = next((c for c in tok.children if c.dep_ == "pcomp"), None)
    else:
        verb = tok if tok.dep_ == "advcl" and after_quote else None
    return (
        verb is not None
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in lex.VERB_CUES
        and verb.lemma_.lower() not in SAME_STATEMENT
        and verb.right_edge.i >= last - 1
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _drop_setting(doc, idxs: set[int], quotes) -> set[int]:
    """A reported noun phrase ("criticized the plan as a failure during a stop in Flint") without the unquoted
    phrase after it saying when or at what occasion it was said, down to the content's end."""
    roots = sorted(i for i in idxs if doc[i].head.i not in idxs or doc[i].head.i == i)  # the object, its preps
    if not roots or doc[roots[0]].pos_ not in ("NOUN", "PROPN", "PRON") or any(doc[i].pos_ in _VERBS for i in roots):
        return idxs
    last = max(idxs)
    for k in sorted(idxs):
        tok = doc[k]
        if k <= roots[0] or tok.dep_ != "prep" or not _setting(tok, idxs) or _in_clause(tok, idxs):
            continue
        tail = doc[k : last + 1]
        if any(t.pos_ in _VERBS or quotes.at(t.idx) is not None for t in tail):
            return idxs
        kept = _trim_marks(doc, {i for i in idxs if i < k})
        return kept if kept else idxs
    return idxs


def _in_clause(tok, idxs: set[int]) -> bool:
    """The phrase hangs inside a clause of the content ("the plan to build a dam before the vote")."""
    head = tok.head
    while head.i in idxs and head.head.i != head.i:
        if head.pos_ in _VERBS:
            return True
        head = head.head
    return head.i in idxs and head.pos_ in _VERBS


def _setting(prep, idxs: set[int]) -> bool:
    """A time or occasion phrase: one of `WHEN_PREPS` on the cue, or on what the object is called ("criticized X
    as a failure during a stop": not "praised them for their work during the flood", the work's time), or one of
    `AT_PREPS` before a date, a time or a gathering anywhere in the phrase (a medium, "in social media posts",
    annotators keep: it says how)."""
    low = prep.lower_
    head = prep.head
    if low in WHEN_PREPS:
        return head.i not in idxs or (head.dep_ == "pobj" and head.head.lower_ == "as")
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return low in AT_PREPS and any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in lex.GATHERINGS for o in objs)


def _aside_at(doc, k: int, last: int, idxs: set[int]) -> bool:
    opener, tok = doc[k - 1], doc[k]
    if opener.text not in DASHES | {","}:
        return False
    low = tok.lower_
    if opener.text != "," and low not in ("a", "an"):
        return False
    if low in CONTRAST_MARKS or (low == "even" and k < last and doc[k + 1].lower_ in ("as", "though")):
        clause = doc[k + 1].head if low == "even" else tok.head
        return _closing_clause(clause, last, idxs)
    if low in ("a", "an") and tok.head.lemma_.lower() in COMMENT_NOUNS:
        noun = tok.head
        return noun.left_edge.i == k and noun.right_edge.i >= last - 1
    return False


def _closing_clause(clause, last: int, idxs: set[int]) -> bool:
    """A clause with a subject of its own, hung on the content, that runs to the content's end."""
    return (
        clause.dep_ == "advcl"
        and clause.head.i in idxs
        and clause.right_edge.i >= last - 1
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    )
