"""Contradictions: two parties in one article saying opposite things about one act, with no denial cue.

"Holt said Quill had touched the ballot box" beside "Quill said she had never touched it": neither is worded as a
denial, yet one answers the other. Such an exchange is paired only inside one article (the reporter set the two
side by side), only between named parties that are not the same (or "Quill's committee", which names its owner),
only when one says the other did an act and the other answers for itself with the opposite polarity of the same
verb ("no engagement from Quill" / "we engaged"), and only when one of the two names the other's speaker. Words
shared after a negation are no evidence on their own: a looser rule (any shared verb, any shared third party)
paired statements that agree or speak of different things about as often as real exchanges. A party includes the
organisation its speaker acts for (`sides`: "the company improved pay", said by its chief executive, against the
union's "Norvik refused to improve wages"), and a doer the text describes ("no engagement from the Oslo-based
company") is the organisation named before it that fits the description.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from knowledge.extract.analysis import LocalClaim, LocalDispute, LocalEntity
from knowledge.extract.disputes import proposition_words
from knowledge.extract.parse.cues import COGNITION, NEGATORS, RAISING, VERB_CUES
from knowledge.extract.parse.roles import negated as negated_verb
from knowledge.extract.parse.spans import doc_text
from knowledge.extract.sides import organisation_at
from knowledge.extract.speakers.org_words import ORG_NOUNS
from knowledge.extract.speakers.organisations import fits, name_kinds
from knowledge.tuning import tuning

# "Quill's special committee", "Holt’s lawyer": a description that names whose it is
_OWNER = re.compile(r"^([A-Z][\w&.-]*(?:\s+(?:&\s+)?[A-Za-z][\w&.-]*)*?)[’']s\s+\w")
# "the company", "our firm": the one description a speaker gives of its own organisation
_DESCRIPTION = re.compile(r"^(?:the|our|its)\s+(?:[\w-]+\s+)?([a-z]+)$")
# between a party's own name and the organisations it speaks for (`sides`), in the party's words
_SIDE = " | "
# "The company's lawyer" names no owner: the company may be the other side
_DETERMINERS = frozenset("the a an this that these those its his her their our your my".split())
# verbs that carry tense, aspect or a modal sense rather than an act of their own
LIGHT_VERBS = frozenset("be have do go get make take come want need try let keep seem become give put".split())
# stances that state something of the world; a question, forecast or demand states nothing to contradict
STATING = frozenset({"assert", "criticize", "accuse", "acknowledge"})


Act = tuple[str, str]  # (the act's stem, the words of whoever does it: "engag", "marlow bank")


@dataclass(frozen=True)
class Polarity:
    """The acts a statement states (its verbs) and those it negates ("refused to improve", "did not engage",
    "there was no engagement from Marlow"), each with the words of who does it."""

    stated: frozenset[Act]
    negated: frozenset[Act]
    # a doer's words the text names elsewhere: "the japan-based company" -> "Seven & i Holdings" (`named_by`)
    named: tuple[tuple[str, str], ...] = ()


def polarity(tokens: Iterable[Token], named_by: Callable[[Token], str] | None = None) -> Polarity:
    """By the parse, not by word distance: a verb is negated by its own negation ("did not engage", "never
    engaged") or by the verb it completes ("refused to improve"); a noun only by "no" ("no engagement"). Nouns
    otherwise state no act ("the lack of a plan" is not "a plan"), and neither do verbs under a negated one."""
    stated: set[Act] = set()
    negated: set[Act] = set()
    named: dict[str, str] = {}
    for tok in tokens:
        words = proposition_words(tok.text)
        acts = tok.pos_ == "VERB" and not _telling(tok) and not _ought(tok)
        side = _verb_side(tok) if acts else False if _no(tok) else None
        if side is None:
            continue
        doer = _doer(tok)
        (stated if side else negated).update((w, _words(doer)) for w in words)
        if doer is not None and named_by is not None and (name := named_by(doer)):
            named[_words(doer)] = name.lower()
    both = {w for w, _ in stated} & {w for w, _ in negated}  # "it did not improve pay, it improved nothing"
    return Polarity(
        frozenset(a for a in stated if a[0] not in both),
        frozenset(a for a in negated if a[0] not in both),
        tuple(sorted(named.items())),
    )


def _no(tok: Token) -> bool:
    """ "No engagement": a noun negated by "no" (other nouns state no act)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _words(doer: Token | None) -> str:
    return " ".join(t.lower_ for t in doer.subtree) if doer is not None else ""


def _doer(tok: Token) -> Token | None:
    """Who does the act: the subject of the verb or of the verbs it completes ("Holt was not able to provide":
    Holt), or for a noun the one it comes from ("no engagement from Marlow": Marlow)."""
    if tok.pos_ == "NOUN":
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")):
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
        return None
    while True:
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if tok.dep_ not in ("xcomp", "acomp", "conj") or tok.head is tok:
            return None
        tok = tok.head


def _ought(verb: Token) -> bool:
    """ "Holt should release his returns", "should follow the precedent and release them": what someone ought
    to do, not what was done."""
    while True:
        if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head is verb:
            return False
        verb = verb.head


def _telling(verb: Token) -> bool:
    """ "Said", "told", "think", "seem": how something is said or held, not the act it is about ("I don't
    think I had one story written" negates no act); nor do light verbs name one ("not going to win", "we are
    going to win": the act is the other verb)."""
    lemma = verb.lemma_.lower()
    return lemma in VERB_CUES or lemma in COGNITION or lemma in RAISING or lemma in LIGHT_VERBS


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


def opposed_words(a: Polarity, b: Polarity, party_a: str, party_b: str) -> frozenset[str]:
    """The acts one of the two states and the other negates, where one says what the other party did ("Quill
    never touched him") and the other answers for itself ("I touched him", "we engaged")."""
    out = set()
    names_a, names_b = dict(a.named), dict(b.named)
    for x, y in ((a.stated, b.negated), (a.negated, b.stated)):
        for stem, doer_a in x:
            for other, doer_b in y:
                if stem == other and (
                    _names(f"{doer_a} {names_a.get(doer_a, '')}", party_b)
                    and _self(doer_b, party_b)
                    or _names(f"{doer_b} {names_b.get(doer_b, '')}", party_a)
                    and _self(doer_a, party_a)
                ):
                    out.add(stem)
    return frozenset(out)


def _names(words: str, party: str) -> bool:
    """The doer's words name the party ("the Smithsonian museum" names the Smithsonian Institution)."""
    mine = {w.lower() for w in re.findall(r"[A-Za-z][\w-]{2,}", party) if w[0].isupper()}
    return bool(mine & set(re.findall(r"[a-z][\w-]{2,}", words)))


def _self(words: str, party: str) -> bool:
    """The doer is the party: a pronoun, its name, or, for a party that speaks for an organisation, a description
    that fits it ("the company improved pay", said by its chief executive)."""
    if words in ("i", "we", "he", "she", "it", "they") or _names(words, party):
        return True
    described = _DESCRIPTION.match(words)
    kind = ORG_NOUNS.get(described.group(1)) if described else None
    return kind is not None and any(fits(kind, name_kinds(org)) for org in party.split(_SIDE)[1:])


def link_contradictions(
    doc: Doc,
    claims: Sequence[LocalClaim],
    taken: Sequence[LocalDispute],
    names: Sequence[str],
    side: Sequence[set[str]] = (),
    entities: Sequence[LocalEntity] = (),
) -> list[LocalDispute]:
    """Pairs of the article's claims that contradict each other (the earlier as the claim, the later as its
    rebuttal), for claims no denial answers yet; each rebuttal answers one claim, and a tie pairs nothing.
    `side`: per claim, the parties its speaker is (`sides.sides`), so a company's officer answers for the company
    ("the company improved pay" / "Norvik refused to improve wages"); `entities`: the article's, by which a doer
    described ("no engagement from the Japan-based company") is the organisation named before that fits it."""
    rebuttals = {d.other for d in taken}
    starts = doc.to_array(
        IDX
    ).tolist()  # tokens by where they start: each claim's tokens found by bisection, not a scan
    text = doc_text(doc)
    organisations = [e.name if e.type == "ORG" else "" for e in entities]

    def named_by(doer: Token) -> str:
        if doer.lemma_.lower() not in ORG_NOUNS or not any(c.lower_ == "the" for c in doer.children):
            return ""
        found = organisation_at(text, doer.left_edge.idx, entities)
        return organisations[found] if found is not None else ""

    sides = [
        polarity(doc[bisect_left(starts, c.content[0]) : bisect_left(starts, c.content[1])], named_by) for c in claims
    ]
    out: list[LocalDispute] = []
    parties = [
        _with_side(_party(c, names), side[n] if n < len(side) else set(), organisations) for n, c in enumerate(claims)
    ]
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
            if not (_linked(later, earlier) or bool(side) and _linked_sides(later, earlier, side[i], side[j])):
                continue
            n = len(opposed_words(sides[j], sides[i], pj, pi))
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


def _with_side(party: str | None, side: set[str], organisations: Sequence[str]) -> str | None:
    """The party's name, then the organisations it speaks for: "Ada Holt | Norvik"."""
    if party is None:
        return None
    orgs = [organisations[int(k)] for k in sorted(side) if k.isdigit() and int(k) < len(organisations)]
    return _SIDE.join([party, *(o for o in orgs if o and o != party)])


def _same_party(a: str, b: str) -> bool:
    """ "Quill" and "Quill Holdings", "Seven & i" and "Seven & i Holdings": one party; a company and its officer
    (a name of one side in the other's)."""
    for x in a.lower().split(_SIDE):
        for y in b.lower().split(_SIDE):
            if x == y or x.startswith(y + " ") or y.startswith(x + " "):
                return True
    return False


def _linked(a: LocalClaim, b: LocalClaim) -> bool:
    """One names the other's speaker: "X said Y did not touch him" / "Y said he never touched X". Two statements
    that only name the same third person (a candidate, a country) are as often two views of different things."""
    return (a.speaker_entity is not None and a.speaker_entity in b.about) or (
        b.speaker_entity is not None and b.speaker_entity in a.about
    )


def _linked_sides(a: LocalClaim, b: LocalClaim, side_a: set[str], side_b: set[str]) -> bool:
    """As `_linked`, with the organisation a speaker acts for: the union that names the company answers the
    company's officer."""
    return any(k.isdigit() and int(k) in b.about for k in side_a) or any(
        k.isdigit() and int(k) in a.about for k in side_b
    )


def _inside(inner: LocalClaim, outer: LocalClaim) -> bool:
    return outer.content[0] <= inner.content[0] and inner.content[1] <= outer.content[1]
