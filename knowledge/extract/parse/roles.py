"""Roles read off the dependency tree: who the speaker of a verb is, what it governs, how it reached us.

Each function answers one question about one cue verb and returns token indices, so the caller can subtract
overlaps (a cue inside its own content, a source inside a clause) before turning them into character spans.
"""

from __future__ import annotations

from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.clauses import closing_reports, for_clause, later_reports, misplaced_clause, reporting_as
from knowledge.extract.parse.conjuncts import grammatical_subject, reporters_act, same_reporter
from knowledge.extract.parse.doers import asked_by, owner_verb, quoted_as
from knowledge.extract.parse.possessors import bare_possessor

COMP_DEPS = {"ccomp", "xcomp"}
SETTING_PREPS = {"during", "after", "before", "since", "amid", "at", "on", "in", "while", "despite"}
OBJECT_PREPS = {"to", "as", "for", "with"}
PREP_CONTENT = {"about", "of", "on", "against", "with", "for"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
CUE_MEDIA = {"interview", "email", "e-mail"}
RELATIVE_PRONOUNS = {"which", "who", "whom", "whose"}
CONTINUING_CUES = {"add", "insist", "stress", "note", "argue", "acknowledge", "admit", "deny"}
NOT_CONTENT = {"punct", "aux", "auxpass", "neg", "cc", "mark", "prep", "agent"}


def subtree(tok, exclude=()) -> set[int]:
    """Subtree indices, leaving out the subtrees of `exclude` tokens (nested clauses, the cue itself)."""
    drop: set[int] = set()
    for t in exclude:
        drop.update(x.i for x in t.subtree)
    return {x.i for x in tok.subtree} - drop


def source_tokens(subj) -> set[int]:
    """The subject phrase minus participle clauses ("speaking anonymously to ..."), which describe the channel. A
    relative pronoun ("..., who said") stays the source, as annotators mark it; the claims layer resolves it."""
    cut = [c for c in subj.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"]
    out = subtree(subj, cut)
    return out | bare_possessor(subj.doc, min(out)) if out else out


def subject(verb, depth: int = 0):
    """The verb's own subject, else the one it shares through coordination or a participle clause."""
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [x for x in c.children if x.dep_ == "pobj"]
            if objs:
                return objs[0]
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if len(subjects) > 1:
        # '"A lot of it," he said': the parser takes the quoted phrase as a second subject; the speaker is the
        # one nearest the verb on its left.
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    if subjects:
        return subjects[0]
    head = verb.head
    quoted = quoted_as(verb)
    if quoted is not None:  # "X was quoted (by Y) as saying ...": X said it
        # "Y quoted X as saying": X (the object) said it, Y only passed it on
        return next((c for d in ("nsubjpass", "dobj", "nsubj") for c in quoted.children if c.dep_ == d), None)
    if verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD") and verb.left_edge.is_sent_start and verb.i < head.i:
        if not any(c.dep_ == "aux" for c in verb.children):  # "Having asked for X, Y said": Y asked
            return None  # "Asked whether X, Y said": Y is who was asked; who asked (a reporter, a poll) is unnamed
    decided, asker = asked_by(verb)
    owner = owner_verb(verb)
    if decided or owner is not None:  # `doers`: who asked, or the verb whose subject goes on in this one
        return asker if decided else subject(owner, depth + 1) if depth < 3 else None
    outer = first_cue_of(verb)
    if outer is not None and depth < 3:
        # "X said A was true and warned that B": the one who warned is the one who said
        return subject(outer, depth + 1)
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        if (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and head.dep_ == "ccomp"
            and head.head.pos_ in ("VERB", "AUX")
            and verb.right_edge.i >= head.right_edge.i - 1
        ):
            # "X speculated that Y would quit, pointing to Z": a trailing participle the parser hung inside the
            # reported clause belongs to the speaker, not to the person the claim is about
            return subject(head.head, depth + 1)
        return grammatical_subject(verb, subject(head, depth + 1))
    return None


def first_cue_of(verb):
    """The first cue when `verb` is a second cue that the parser joined to the first cue's reported clause: with
    a clause of its own ("said A was true and warned that B") or in the reporter's form (`conjuncts`)."""
    head = verb.head
    if (
        verb.dep_ == "conj"
        and head.dep_ == "ccomp"
        and head.head.lemma_.lower() in lex.VERB_CUES
        and verb.lemma_.lower() in lex.VERB_CUES
        and (comp_children(verb) or same_reporter(verb, head, head.head))
    ):
        return head.head
    return None


def negated(verb) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in lex.NEGATORS


def comp_children(verb):
    return [c for c in verb.children if c.dep_ in COMP_DEPS and c.i != verb.i]


def content_tokens(verb, subj) -> set[int]:
    comps = comp_children(verb)
    lost = later_reports(comps)  # "said X and rivals accused Y" misparsed: "and rivals accused Y" is not said
    if verb.lemma_ in ("call", "urge", "ask") and not comps:
        comps = [c for c in verb.children if c.dep_ in ("oprd", "dobj")]
    if comps:
        out = set()
        for c in comps:
            out |= _clause(c)
            own_subj = any(m.dep_ in SUBJ_DEPS for m in c.children)
            if c.dep_ == "xcomp" or not own_subj:  # "expects X to win": X belongs to what is expected
                out |= set().union(set(), *(subtree(o) for o in verb.children if o.dep_ == "dobj" and o.i < c.i))
                for p in verb.children:  # "called on X to act": X is who is asked
                    if p.dep_ in ("prep", "prt") and p.lower_ == "on" and p.i < c.i:
                        out |= {t.i for t in p.subtree if t.i != p.i}
            if c.dep_ == "xcomp" and raising(verb):  # "X is expected to win": X is part of the expectation
                out |= set().union(set(), *(subtree(o) for o in verb.children if o.dep_ in SUBJ_DEPS))
            if c.dep_ == "xcomp":  # "wants to triple X, grow Y and create Z": the parser hangs Y, Z on the cue
                for k in verb.children:
                    if (
                        k.dep_ == "conj"
                        and k.i > c.i
                        and k.tag_ == "VB"
                        and not any(x.dep_ in SUBJ_DEPS for x in k.children)
                    ):
                        out |= subtree(k)
                        out |= {
                            t.i
                            for t in verb.doc[c.right_edge.i + 1 : k.left_edge.i]
                            if t.dep_ in ("cc", "punct") and t.head.i == verb.i
                        }
        # "In his book, he suggested Y": a setting placed before the speaker is not part of what was said
        if subj is not None and out and min(out) < subj.left_edge.i and max(out) > verb.i:
            out = {i for i in out if i > verb.i}
        return drop_leading_cc(verb.doc, _drop_leading_date(verb, out - lost))
    head = verb.head
    if subj is not None and subj.left_edge.i > 0:
        # '"My answer, that was a mistake," the mayor said': the parser hangs the quoted words on the verb as a
        # second subject or an adverbial; they are what was said.
        before = verb.doc[subj.left_edge.i - 1].text
        quoted = before in ("”", '"', "''")
        others = [
            c for c in verb.children if c.i < subj.i and c.dep_ not in NOT_CONTENT and (c.dep_ in SUBJ_DEPS or quoted)
        ]
        if others and (quoted or before == ","):
            return drop_leading_cc(verb.doc, set().union(*(subtree(o) for o in others)))
    # "X was emotional as she called for Y", "A, and leaders could call on their help": a cue with an object or a
    # content preposition of its own said that, not the clause it hangs on
    # "as one lawyer put it, X": the "it" stands for X
    has_object = any(
        (c.dep_ == "dobj" and not (c.lower_ == "it" and verb.lemma_ == "put")) or _content_prep(verb, c)
        for c in verb.children
    )
    if (
        verb.dep_ == "advcl"
        and head.i != verb.i
        and not has_object
        and any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children)
    ):
        # "As experts have pointed out, X is free to ...": the clause the aside hangs on is what they said
        return drop_leading_cc(verb.doc, subtree(head, [verb]))
    # "A, he said, B" / "A, he said." : the cue hangs off the content's verb.
    # an adverbial cue clause with an object or a marker of its own has its own content ("..., calling for X")
    own = has_object or any(c.dep_ == "mark" for c in verb.children)
    if (
        verb.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        and verb.i != head.i
        and (verb.i > head.i or verb.dep_ == "parataxis")
        and not (verb.dep_ == "advcl" and own)
        and not (verb.dep_ == "conj" and has_object)
    ):
        if verb.dep_ != "conj" or (subj is not None and subj.i > head.i):
            return drop_leading_cc(
                verb.doc, subtree(head, [verb]) - ({t.i for t in subj.subtree} if subj is not None else set())
            )
    hung = setting_clause(verb)
    if hung is not None:
        return subtree(hung)
    objs = [c for c in verb.children if c.dep_ in ("dobj",)]
    if objs and verb.lemma_ in ("tell", "respond", "reply", "answer"):
        # "told a meeting of leaders that ...": the parser hangs the that-clause inside the object
        clauses = [
            t
            for t in objs[0].subtree
            if t.dep_ in ("acl", "relcl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == t.left_edge.i for m in t.children)
        ]
        if clauses:
            return subtree(clauses[0])
    if objs and verb.lemma_ not in ("say", "tell"):
        out = subtree(objs[0])
        out = drop_trailing_relative(verb.doc, out)
        for c in verb.children:  # "linked X to Y": the object and where it is put together are the claim
            if c.i <= max(out):
                continue
            if c.dep_ == "prep" and (c.lower_ in OBJECT_PREPS or c.lower_ not in SETTING_PREPS):
                out |= subtree(c)
            elif c.dep_ in ("oprd", "xcomp", "ccomp", "dative") or (c.dep_ == "dobj" and c.left_edge.i == max(out) + 1):
                out |= subtree(c)  # a second object right after the first: "proclaimed X the winner" (X is Y)
            elif c.dep_ in ("punct",) and c.text != ",":
                continue
            else:
                break
        return out
    clause = misplaced_clause(verb, negated(verb))
    if clause is not None:
        # "called for X to act": the clause's "for" marker belongs to the cue (`cue_tokens`)
        return _clause(clause) - {m.i for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"}
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in verb.children):  # "was endorsed by X": the endorsed is the content
        return subtree(passive[0])
    if verb.lemma_ in ("respond", "reply"):  # "did not respond to requests for comment", "responded by ..."
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "by") and c.i > verb.i]
        if preps:
            return subtree(preps[0])
    if PREP_CONTENT:
        preps = [c for c in verb.children if _content_prep(verb, c)]
        if preps:
            return {t.i for t in preps[0].subtree if t.i != preps[0].i}
    return set()


def _that_clause(tok) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.left_edge.i for m in tok.children)


def setting_clause(verb):
    """ "clarified to X in a phone call that ...": a setting says where it was said, not what, so a that-clause the
    parser hangs on the noun of a call, a meeting or a medium is the cue's reported clause (not on any noun:
    "amid concerns that X", "took offense at the suggestion that X" report no words of the subject)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in SETTING_PREPS:
            continue
        for t in prep.subtree:
            noun = t.head
            if t.dep_ in ("acl", "relcl", "ccomp") and noun.head.i == prep.i and _that_clause(t) and _said_in(noun):
                return t
    return None


def _said_in(noun) -> bool:
    low = noun.lemma_.lower()
    return low in lex.GATHERINGS or low in lex.MEDIA_NOUNS or low in CUE_MEDIA


def _clause(c) -> set[int]:
    """A reported clause without the cue verbs coordinated into it: "said he would act and warned ..." is the
    speaker's next act, its own claim; nor another report closing it (`clauses.another_report`)."""
    drop = [
        k
        for k in c.children
        if k.dep_ == "conj"
        and (speech_verb(k) or _cue_with_clause(k))
        and not any(x.dep_ in SUBJ_DEPS for x in k.children)
        or reporting_as(k)
        or reporters_act(k, c)
    ]
    drop += closing_reports(c)
    out = subtree(c, drop)
    while drop and len(out) > 1 and c.doc[max(out)].dep_ in ("cc", "punct"):  # "... and" left by the next act
        out.discard(max(out))
    return out


def _drop_leading_date(verb, idxs: set[int]) -> set[int]:
    """ "said on Wednesday the ban would end": the parser hangs the date on the reported verb, but right after the
    cue and before the clause's subject it says when it was said."""
    doc = verb.doc
    if not idxs or min(idxs) != verb.i + 1:
        return idxs
    first = doc[verb.i + 1]
    if first.head.i in idxs and date_prep(first):
        rest = idxs - {t.i for t in first.subtree}
        if rest and doc[min(rest)].dep_ not in ("mark", "punct"):
            return rest
    return idxs


def _content_prep(verb, c) -> bool:
    """'complained about X', 'pointed to X': a preposition after the cue that introduces what was said (parsed
    as a particle in "could call on their help")."""
    if c.dep_ == "prt" and c.i > verb.i and (verb.lemma_, c.lower_) in lex.PARTICLE_CUES:
        return any(o.dep_ == "pobj" for o in c.children)
    if c.dep_ != "prep" or c.i < verb.i or date_prep(c):
        return False  # "spoke on Monday" says when, not what
    return c.lower_ in PREP_CONTENT or (verb.lemma_, c.lower_) in lex.PARTICLE_CUES


def date_prep(tok) -> bool:
    """'on Monday', 'at noon': a preposition whose object is a date or a time."""
    return tok.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in tok.children)


def _cue_with_clause(tok) -> bool:
    """'and added that B', 'and urged X to leave', 'but did not suggest B' (not a belief): a cue with its own clause."""
    lemma = tok.lemma_.lower()
    if lemma in CONTINUING_CUES or lex.VERB_CUES.get(lemma) == lex.DEMAND:
        return bool(comp_children(tok))
    return lemma in lex.VERB_CUES and lemma not in lex.COGNITION and any(c.dep_ == "ccomp" for c in tok.children)


def speech_verb(tok) -> bool:
    lemma = tok.lemma_.lower()
    return lex.VERB_CUES.get(lemma) in (lex.ASSERT, lex.FORECAST, lex.CRITICIZE) and lemma not in lex.NEEDS_CLAUSE


def raising(verb) -> bool:
    """'is expected to', 'seems to': the grammatical subject is inside the content and nobody is the source."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
    return passive or verb.lemma_ in lex.RAISING


def drop_trailing_relative(doc, idxs: set[int]) -> set[int]:
    """ "criticized Y, who is 70": a non-restrictive relative clause closing an object is the writer's aside about
    the object, not part of what was criticized (annotated news agrees; inside a that-clause it is usually kept)."""
    if not idxs:
        return idxs
    first, last = min(idxs), max(idxs)
    for t in doc[first : last + 1]:
        left = t.left_edge.i
        if t.dep_ != "relcl" or t.i not in idxs or t.right_edge.i < last or left <= first + 1:
            continue
        tail = doc[left : last + 1].text
        if doc[left].lower_ in RELATIVE_PRONOUNS and doc[left - 1].text == "," and not any(q in tail for q in '"“”'):
            return {i for i in idxs if i < left - 1}
    return idxs


def drop_leading_cc(doc, idxs: set[int]) -> set[int]:
    """'But the goal is ...': the connective links to the previous sentence, not to what was said."""
    while (
        idxs and doc[min(idxs)].dep_ == "cc" or (idxs and doc[min(idxs)].is_punct and doc[min(idxs)].text not in "“\"'")
    ):
        idxs = idxs - {min(idxs)}
    while idxs and (doc[max(idxs)].dep_ == "cc" or doc[max(idxs)].text in (",", "--", "—")):
        idxs = idxs - {max(idxs)}
    return idxs


def cue_tokens(verb) -> list:
    """The verb with its particle ("called for"), the auxiliaries right before it ("has also said", "to discuss")
    and the preposition that introduces its content ("complained about")."""
    toks = _left_chain(verb)
    gov = verb.head
    if (
        verb.dep_ == "xcomp"
        and gov.pos_ in ("VERB", "AUX")
        and gov.i < verb.i
        and verb.i - gov.i <= 4
        and not any(c.dep_ in ("dobj", "dative") for c in gov.children)
        and all(t.head.i in (gov.i, verb.i) for t in verb.doc[gov.i + 1 : toks[0].i])
    ):
        # "went on to discuss", "appeared to suggest": annotators take the whole verb chain as the cue
        toks = _left_chain(gov) + list(verb.doc[gov.i + 1 : toks[0].i]) + toks
    bare = not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    for c in verb.children:
        if c.i != verb.i + 1:
            continue
        if c.dep_ in ("prt", "prep") and (verb.lemma_, c.lower_) in lex.PARTICLE_CUES:
            toks.append(c)
        elif bare and c.dep_ == "prep" and c.lower_ in PREP_CONTENT and not date_prep(c):  # "complained about X"
            toks.append(c)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and len(list(c.subtree)) <= 5
            and any(o.dep_ == "pobj" and o.lemma_.lower() in CUE_MEDIA for o in c.children)
        ):
            toks += list(c.subtree)  # "said in a phone interview": annotated as one cue (the interview is also the via)
    if for_clause(verb) is not None:
        toks.append(verb.doc[verb.i + 1])  # "called for X to act"
    return toks


def _left_chain(verb) -> list:
    """The verb with the auxiliaries, negation and cue adverbs right before it."""
    toks = [verb]
    i = verb.i - 1
    left = {c.i: c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < verb.i}
    while i in left and (
        left[i].dep_ != "advmod" or left[i].lower_ in lex.CUE_ADVERBS or left[i].lower_.endswith("ly")
    ):
        toks.insert(0, left[i])
        i -= 1
    return toks
