"""Contradictions: two parties in one article saying opposite things about one act, with no denial cue.

"The union said the company refused to improve wages" beside "the company's chief said it improved pay this week":
neither is worded as a denial, yet one negates the act the other states. Such an exchange is paired only inside one
article (the reporter set the two side by side), only between two known parties that are not the same, only when a
word stated by one is negated by the other in its own clause ("no engagement" / "we engaged"), and only when the
two are linked by whom they are about (one names the other's speaker, or both name a third party). A shared word
alone is never enough: two unrelated statements that happen to use one word stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from knowledge.extract.analysis import LocalClaim, LocalDispute
from knowledge.extract.disputes import proposition_words
from knowledge.extract.parse.cues import COGNITION, NEGATORS, RAISING, VERB_CUES
from knowledge.extract.parse.roles import negated as negated_verb
from knowledge.tuning import tuning

# "Quill's special committee", "Holt’s lawyer": a description that names whose it is
_OWNER = re.compile(r"^([A-Z][\w&.-]*(?:\s+(?:&\s+)?[A-Za-z][\w&.-]*)*?)[’']s\s+\w")
# "The company's lawyer" names no owner: the company may be the other side
_DETERMINERS = frozenset("the a an this that these those its his her their our your my".split())
# stances that state something of the world; a question, forecast or demand states nothing to contradict
STATING = frozenset({"assert", "criticize", "accuse", "acknowledge"})


@dataclass(frozen=True)
class Polarity:
    """The acts a statement states (its verbs) and those it negates ("refused to improve", "did not engage",
    "there was no engagement"), as stems of `proposition_words`."""

    stated: frozenset[str]
    negated: frozenset[str]


def polarity(tokens: Iterable[Token]) -> Polarity:
    """By the parse, not by word distance: a verb is negated by its own negation ("did not engage", "never
    engaged") or by the verb it completes ("refused to improve"); a noun only by "no" ("no engagement"). Nouns
    otherwise state no act ("the lack of a plan" is not "a plan"), and neither do verbs under a negated one."""
    stated: set[str] = set()
    negated: set[str] = set()
    for tok in tokens:
        words = proposition_words(tok.text)
        if tok.pos_ == "VERB" and not _telling(tok):
            side = _verb_side(tok)
            if side is not None:
                (stated if side else negated).update(words)
        elif tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            negated |= words
    both = stated & negated  # "it did not improve pay, it improved nothing": no clear side
    return Polarity(frozenset(stated - both), frozenset(negated - both))


def _telling(verb: Token) -> bool:
    """ "Said", "told", "think", "seem": how something is said or held, not the act it is about ("I don't
    think I had one story written" negates no act)."""
    lemma = verb.lemma_.lower()
    return lemma in VERB_CUES or lemma in COGNITION or lemma in RAISING


def _negating(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or tok.lemma_ in NEGATORS


def _verb_side(verb: Token) -> bool | None:
    """True: stated; False: negated — by its own negation, or through the words it completes ("was not able to
    provide", "refused to improve"); None: inside a negated clause ("never said he would resign"), neither."""
    if negated_verb(verb):
        return False
    tok = verb
    while tok.dep_ in ("xcomp", "acomp") and tok.head is not tok:
        tok = tok.head
        if _negating(tok):
            return False
    return None if any(_negating(a) for a in verb.ancestors) else True


def opposed_words(a: Polarity, b: Polarity) -> frozenset[str]:
    """The acts one of the two states and the other negates."""
    return (a.stated & b.negated) | (a.negated & b.stated)


def link_contradictions(
    doc: Doc,
    claims: Sequence[LocalClaim],
    taken: Sequence[LocalDispute],
    names: Sequence[str],
) -> list[LocalDispute]:
    """Pairs of the article's claims that contradict each other (the earlier as the claim, the later as its
    rebuttal), for claims no denial answers yet; each rebuttal answers one claim, and a tie pairs nothing."""
    rebuttals = {d.other for d in taken}
    sides = [polarity(t for t in doc if c.content[0] <= t.idx < c.content[1]) for c in claims]
    out: list[LocalDispute] = []
    parties = [_party(c, names) for c in claims]
    for i, later in enumerate(claims):
        if i in rebuttals or parties[i] is None:
            continue
        best, best_n, tied = None, 0, False
        for j, earlier in enumerate(claims[:i]):
            pj, pi = parties[j], parties[i]
            if pj is None or pi is None or _same_party(pj, pi):
                continue
            if earlier.content[1] > later.content[0]:
                continue
            if later.parent == j or earlier.parent == i or j in rebuttals:
                continue
            if not _linked(later, earlier):
                continue
            n = len(opposed_words(sides[j], sides[i]))
            if n > best_n:
                best, best_n, tied = j, n, False
            elif n and n == best_n and best is not None:
                if _inside(earlier, claims[best]):  # "said it was ending talks, saying there was no P": the clause
                    best, tied = j, False
                elif not _inside(claims[best], earlier):
                    tied = True
        if best is not None and not tied:
            score = tuning().dispute_threshold + 0.01 * best_n
            out.append(LocalDispute(claim=best, other=i, kind="contradiction", score=round(score, 3)))
            rebuttals.add(i)
    return out


def _party(claim: LocalClaim, names: Sequence[str]) -> str | None:
    """The name of the party a speaker stating something belongs to: its own name, or the owner that a
    description names ("Quill's special committee", "Holt's lawyer"). Another description ("the US president",
    "the two companies") may be the other side itself, so it is never set against anyone here."""
    if claim.stance not in STATING:
        return None
    if claim.speaker_entity is not None and claim.speaker_entity < len(names):
        return names[claim.speaker_entity]
    owner = _OWNER.match(claim.speaker or "")
    return owner.group(1) if owner and owner.group(1).split()[0].lower() not in _DETERMINERS else None


def _same_party(a: str, b: str) -> bool:
    """ "Quill" and "Quill Holdings", "Seven & i" and "Seven & i Holdings": one party."""
    a, b = a.lower(), b.lower()
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _linked(a: LocalClaim, b: LocalClaim) -> bool:
    """One names the other's speaker, or both name someone besides the two speakers."""
    speakers = {a.speaker_entity, b.speaker_entity} - {None}
    named = (a.speaker_entity is not None and a.speaker_entity in b.about) or (
        b.speaker_entity is not None and b.speaker_entity in a.about
    )
    return named or bool((set(a.about) & set(b.about)) - speakers)


def _inside(inner: LocalClaim, outer: LocalClaim) -> bool:
    return outer.content[0] <= inner.content[0] and inner.content[1] <= outer.content[1]
