"""A subject the parser stranded inside an opening phrase: "In a letter to Acme, Globex called the offer low".

The small parser often reads the name after the comma that closes an opening prepositional phrase as one more item
of that phrase — "Globex" as a second addressee of the letter (a conjunct of "Acme"), "the high court" as an
apposition to the last noun of "Despite support from several countries — the high court, …, claimed" — and leaves
the verb with no subject at all. Such a claim was stored with no speaker, and the speaker's name ended up inside
the channel ("via: a letter to Acme, Globex"). The noun phrase standing right before a verb that has no subject,
set off from the opening phrase by a comma or a dash, is that verb's subject.

A second shape: "The lawsuit states this happened in May". The parser reads "lawsuit states" as one noun phrase
(the noun a compound of the verb) and the reported clause as a relative clause of that phrase; the compound noun
is the verb's subject (`compound_subject`), and `clauses.misplaced_clause` gives the clause back to the verb.
After a quotation the tagger may read the verb itself as a plural noun ('"…," the lawsuit states.'): the phrase ends
the sentence, so "states" is the cue and "the lawsuit" its subject (`misread_cue`). Or it reads the name after the
quotation as part of the quoted sentence (an attribute of its "am", or a root of its own) and the verb as a clause
modifying the name ('"…, I am pleased to announce it," Rivera posted online.'): "posted" is the cue, "Rivera" its
subject, the quotation its words.
"""

from __future__ import annotations

from dataclasses import dataclass

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
ATTACHED = frozenset({"conj", "appos"})  # how the parser hangs the stranded name on the opening phrase
SEPARATORS = frozenset({",", "—", "–", "-", "--", ":"})


def stranded_subject(verb):
    """The subject of `verb` (or of the verb it is coordinated with: "…, Globex called X and said Y") that the
    parser left inside the verb's opening prepositional phrase, else None."""
    seen = 0
    while verb.dep_ == "conj" and verb.head.i < verb.i and seen < 3:
        verb, seen = verb.head, seen + 1
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    last = verb.i - 1
    while last >= 0 and doc[last].is_punct:
        last -= 1
    if last < 1 or doc[last].sent.start != verb.sent.start:
        return None
    node = doc[last]
    while node.i < verb.i and node.head.i != node.i:
        if _set_off(node, last):
            return node if _opening(node, verb) else None
        node = node.head
    return None


def _set_off(tok, last: int) -> bool:
    """A noun phrase the parser attached to the phrase before it, ending at `last` and opened by a comma or dash."""
    start = tok.left_edge.i
    return (
        tok.dep_ in ATTACHED
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.right_edge.i == last
        and start >= 1
        and tok.doc[start - 1].text in SEPARATORS
    )


def _opening(tok, verb) -> bool:
    """Does `tok` hang, through its heads, on a prepositional phrase that opens the clause of `verb`?"""
    node = tok
    for _ in range(40):
        if node.head.i == node.i:
            return False
        if node.head.i == verb.i:
            return node.dep_ == "prep" and node.i < tok.i
        node = node.head
    return False


def compound_subject(verb):
    """ "The lawsuit states …": the determined noun the parser hung on a verb with no subject as a compound."""
    if verb.pos_ != "VERB" or verb.i < 2 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ != "compound" or noun.head.i != verb.i or noun.pos_ != "NOUN":
        return None
    start = noun.left_edge.i  # "The" may hang on the noun or, with the phrase misread, on the verb
    det = noun.doc[start - 1] if noun.left_edge.pos_ != "DET" and start > 0 else noun.left_edge
    return noun if det.pos_ == "DET" and det.i < noun.i and det.head.i in (noun.i, verb.i) else None


@dataclass(frozen=True)
class MisreadCue:
    """A cue the parse did not read as one: its lemma, its speaker's tokens (indices), and the token the speaker
    starts at, right after the quotation that is its content (the caller finds that quotation)."""

    lemma: str
    source: frozenset[int]
    speaker_start: int


def misread_cue(tok, cues) -> MisreadCue | None:
    """A cue after a quotation that the parse misread (`cues`: the cue lexicon), else None. The parser may hang the
    phrase anywhere (as the object of the quotation's last verb); the caller asks for the quotation that closes
    right before the speaker."""
    return _plural_noun_cue(tok, cues) or _modifier_cue(tok, cues)


def _plural_noun_cue(tok, cues) -> MisreadCue | None:
    """A third-person cue the tagger read as a plural noun closing its sentence after a compound noun and its
    article ('"…," the lawsuit states.')."""
    if tok.tag_ != "NNS" or not tok.lower_.endswith("s") or tok.lower_[:-1] not in cues:
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and not (nxt.is_punct and nxt.text in ".!"):
        return None
    noun = tok.doc[tok.i - 1] if tok.i > 1 else None
    if noun is None or noun.dep_ != "compound" or noun.head.i != tok.i or noun.pos_ != "NOUN":
        return None
    det = tok.doc[noun.i - 1]
    if det.dep_ != "det" or det.head.i not in (noun.i, tok.i):
        return None
    return MisreadCue(tok.lower_[:-1], frozenset({det.i, noun.i}), det.i)


QUOTE_CLOSERS = frozenset({"”", '"', "''"})


def _modifier_cue(tok, cues) -> MisreadCue | None:
    """A cue verb with no subject that the parser hung as a clause modifying the name right before it, where that
    name follows a quotation closed by a comma or a question or exclamation mark ('"…," Rivera posted online.',
    '"Why now?" the mayor wrote.'): the quotation is the report's words, the name its speaker."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("acl", "relcl") or tok.lemma_.lower() not in cues:
        return None
    name = tok.head
    if name.i >= tok.i or name.pos_ not in ("PROPN", "NOUN") or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    words = [t for t in name.subtree if t.i < tok.i and not t.is_punct]
    start = words[0].i
    if [t.i for t in words] != list(range(start, tok.i)) or start < 2:
        return None  # the name must run, unbroken, from the quotation's closing mark to the verb
    doc = tok.doc
    if doc[start - 1].text not in QUOTE_CLOSERS or doc[start - 2].text not in (",", "?", "!"):
        return None
    return MisreadCue(tok.lemma_.lower(), frozenset(t.i for t in words), start)


def compound_article(subj) -> set[int]:
    """The article of a compound subject, which the parser hangs on the verb ("The lawsuit states …" read as one
    noun phrase): part of the speaker's words."""
    det = subj.doc[subj.left_edge.i - 1] if subj.dep_ == "compound" and subj.left_edge.i > 0 else None
    return {det.i} if det is not None and det.dep_ == "det" and det.head.i == subj.head.i else set()
