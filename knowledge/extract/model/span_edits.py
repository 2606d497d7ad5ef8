"""One-step edits of a content span that annotators often make and the parse cannot decide alone.

"accused X of Y" — is X part of what was said? "urged voters to ...", "said that ...", "criticized the plan": the
rules give one answer per construction, annotated news gives another per verb. Each edit here proposes a variant
of the rules' content; the learned model (`learned`) scores it with the features below and applies at most one.
"""

from __future__ import annotations

from knowledge.extract.parse.roles import date_prep
from knowledge.extract.parse.spans import sentence

OBJECT_DEPS = ("dobj", "dative")


def _leading_object(doc, verb, content: set[int]):
    """The verb's object when the content starts with it and goes on after it ("urged [voters] to act")."""
    for c in verb.children:
        if c.dep_ in OBJECT_DEPS and c.left_edge.i == min(content):
            obj = {t.i for t in c.subtree}
            if obj <= content and content - obj:
                return c, obj
    return None


def variants(doc, verb, content: set[int]) -> list[tuple[str, list[str], set[int]]]:
    """(edit name, feature names, edited token set) for every edit that applies to this content."""
    out: list[tuple[str, list[str], set[int]]] = []
    if not content:
        return out
    lemma = verb.lemma_.lower()
    first, last = doc[min(content)], doc[max(content)]
    lead = _leading_object(doc, verb, content)
    if lead is not None:
        obj, idxs = lead
        rest = content - idxs
        nxt = doc[min(rest)]
        base = [
            f"obj_kind={obj.ent_type_ or obj.pos_}",
            f"next={nxt.dep_}|{nxt.lower_}",
            f"lemma_next={lemma}|{nxt.lower_}",
        ]
        out.append(("drop_object", base, rest))
        if nxt.dep_ in ("prep", "aux", "mark") and len(rest) > 1:
            out.append(("drop_object_and_word", base, rest - {nxt.i}))
    if first.dep_ in ("mark", "aux") and first.lower_ in ("that", "to") and len(content) > 1:
        out.append(("drop_mark", [f"mark={first.lower_}", f"first_dep={first.head.dep_}"], content - {first.i}))
    commas = [i for i in sorted(content) if doc[i].text == "," and min(content) < i < max(content)]
    if commas and not _cut_on_purpose(doc, commas[-1], set(range(commas[-1] + 1, max(content) + 1))):
        cut = commas[-1]
        tail = doc[cut + 1]
        kept = {i for i in content if i < cut}
        out.append(
            (
                "drop_tail",
                [f"tail={tail.dep_}|{tail.tag_}", f"tail_word={tail.lower_}"] + _span(doc, cut + 1, max(content)),
                kept,
            )
        )
    sent = sentence(verb)
    end = sent.end - 1
    while end > last.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    extra = set(range(last.i + 1, end + 1)) - {verb.i}
    # a cue in a subordinate or relative clause ("When X suggested that A, the governor shot back", "Though she
    # has said A – … – critics are unhappy") never runs on into the verb its clause hangs on: the main clause
    clause = verb.head if verb.dep_ in ("aux", "auxpass") else verb  # "has said": the clause is said's
    main = clause.dep_ in ("advcl", "relcl", "acl") and any(a.i in extra for a in clause.ancestors)
    if end > last.i and verb.i < min(content) and not main and not _cut_on_purpose(doc, last.i + 1, extra):
        gap = doc[last.i + 1]
        feats = [f"gap={gap.dep_}|{gap.lower_}", f"gap_len={min(len(extra), 8)}", f"gap_head={gap.head.dep_}"]
        out.append(("extend_end", feats + _span(doc, last.i + 1, end), content | extra))
    shared = [f"lemma={lemma}", f"cue_dep={verb.dep_}", f"first={first.dep_}", f"last={last.dep_}"]
    shared.append(f"size={min(len(content) // 4, 8)}")
    return [(name, [f"{name}|{x}" for x in shared + feats] + [name], idxs) for name, feats, idxs in out]


def _span(doc, start: int, end: int) -> list[str]:
    """What a stretch of tokens holds: a clause with its own subject, a speech verb, a quote, a dash."""
    from knowledge.extract.parse import cues as lex

    toks = doc[start : end + 1]
    f = [f"len={min(len(toks) // 3, 6)}"]
    for t in toks:
        if t.dep_ in ("nsubj", "nsubjpass"):
            f.append(f"has_subj={t.head.dep_}")
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.VERB_CUES:
            f.append("has_cue_verb")
        if t.text in ("“", "”", '"'):
            f.append("has_quote")
        if t.text in ("—", "--", ";", "(", ":"):
            f.append(f"has_punct={t.text}")
        if t.dep_ in ("relcl", "advcl", "acl", "conj", "appos", "ccomp", "parataxis") and t.head.i < start:
            f.append(f"attaches={t.dep_}")
    return sorted(set(f))


def _cut_on_purpose(doc, start: int, extra: set[int]) -> bool:
    """Stretches the rules decide on deliberately, so no edit may move them in or out of a content: a second cue
    of the same speaker ("warned that A and urged B", "denied A, rejecting B": its own claim, which disputes pair
    with the first) and a writer's relative-clause aside (", which ...")."""
    from knowledge.extract.parse import cues as lex
    from knowledge.extract.parse.roles import RELATIVE_PRONOUNS

    if any(doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in lex.VERB_CUES for i in extra):
        return True
    return doc[start].text == "," and start + 1 < len(doc) and doc[start + 1].lower_ in RELATIVE_PRONOUNS


def cue_variants(doc, cue: list, content: set[int]):
    """(edit name, feature names, longer cue) for the words annotators often take into a cue after its verb:
    a particle ("spoke out"), a light verb's object ("expressed concern", "made the case"), a preposition with
    or without its object ("took to Twitter"), a date ("said Tuesday")."""
    head = next((t for t in cue if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
    if head is None:
        return []
    last = max(t.i for t in cue)
    if last + 1 >= len(doc):
        return []
    nxt = doc[last + 1]
    lemma = head.lemma_.lower()
    out = []
    for c in head.children:
        if c.left_edge.i != last + 1:
            continue
        words = list(c.subtree)
        end = words[-1].i + 1
        if c.dep_ == "prt":
            out.append(("cue_particle", [f"word={c.lower_}"], [c]))
        elif c.dep_ in ("dobj", "attr") and c.i - last <= 3:
            words, end = [t for t in words if t.i <= c.i], c.i + 1  # "expressed (deep) concern" without "about X"
            out.append(("cue_object", [f"word={c.lemma_.lower()}", f"n={len(words)}"], words))
            if end < len(doc) and doc[end].dep_ == "prep" and doc[end].head.i in (head.i, c.i):
                out.append(("cue_object_prep", [f"word={c.lemma_.lower()}|{doc[end].lower_}"], words + [doc[end]]))
        elif c.dep_ in ("prep", "agent") and c.i == last + 1 and not date_prep(c):  # not "insisted for weeks"
            out.append(("cue_prep", [f"word={c.lower_}"], [c]))
            obj = next((t for t in c.children if t.dep_ == "pobj"), None)
            if obj is not None and len(words) <= 3:
                out.append(("cue_prep_object", [f"word={c.lower_}", f"kind={obj.ent_type_ or obj.pos_}"], words))
        elif (c.dep_ == "npadvmod" or c.ent_type_ in ("DATE", "TIME")) and len(words) <= 3:
            out.append(("cue_date", [f"word={c.ent_type_ or c.lower_}"], words))
    first_content = min(content) if content else -1
    shared = [f"lemma={lemma}", f"next_dep={nxt.dep_}", f"content_next={first_content == last + 1}"]
    return [
        (
            name,
            [name] + [f"{name}|{x}" for x in shared + feats] + [f"{name}|lemma={lemma}|{f}" for f in feats],
            cue + added,
        )
        for name, feats, added in out
        if all(t.i not in content or t.i < first_content + 4 for t in added)
    ]
