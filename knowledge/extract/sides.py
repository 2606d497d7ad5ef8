"""Sides: whom a speaker speaks for, as the text says it, so a party is never set against its own side.

"An attorney representing the company said Delta was misleading" and "a lawyer for the tech company, Ed Marsh,
said Delta had built a misleading narrative" are one company speaking twice through its counsel; pairing them as a
dispute shows two allies as opponents. The text says who an agent acts for in a few fixed shapes around the
speaker's words: a role noun with "representing", "for", "of" or "at" and an organisation ("a spokeswoman for
the ministry"), or an organisation before the role noun ("Norvik attorney Ed Marsh", "the union's lawyer"). An
organisation named by a description ("the company", "the tech company") is the latest one named before it that
fits the description (`speakers.organisations.fits`). Only agents count: an "analyst at" or a "critic of" an
organisation does not speak for it. A side found wrongly only keeps a pair from being shown, never makes one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.extract.analysis import LocalClaim, LocalDispute, LocalEntity
from knowledge.extract.disputes import speaker_key
from knowledge.extract.speakers.org_words import ORG_NOUNS
from knowledge.extract.speakers.organisations import fits, name_kinds
from knowledge.tuning import tuning

# people who act or speak for an organisation: its counsel, its voice, its officers
_AGENT = (
    r"(?:lawyers?|attorneys?|counsel|solicitors?|barristers?|spokes(?:man|woman|person|people|men|women)"
    r"|representatives?|executives?|officials?|officers?|chief|ceo|president|chair(?:man|woman|person)?"
    r"|director|head|adviser|advisor|aides?|negotiators?|managers?|secretary|minister)"
)
_FOR = r"(?:representing|for|of|at|from)"
# the speaker's words then the agent words: "an attorney" + " representing the company", "Ed Marsh, a lawyer for"
_AFTER = re.compile(rf"^(?P<agent>,?\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){{0,2}}?{_AGENT})?\s+{_FOR}\s+", re.I)
_AGENT_WORD = re.compile(rf"\b{_AGENT}\b", re.I)
# words that may stand between an organisation and its agent: "Norvik Commercial Airplanes CEO", "Norvik's chief
# legal officer", never a clause ("Norvik said the CEO")
_TITLE_PART = r"(?:[A-Z][\w&.-]*|chief|senior|deputy|vice|general|lead|outside|top|executive|legal|press|foreign)"
# the organisation before the agent words: "Norvik attorney ", "the union's lawyer, ", "Norvik CEO "
# (matched from a mention's end to the speaker, `match(text, end, start)`, so no slice of the text is made)
_BEFORE = re.compile(rf"(?:[’']s?)?\s+(?:{_TITLE_PART}\s+){{0,3}}?(?i:{_AGENT}),?\s*$")
# the agent words before the speaker's name: "A lawyer for the tech company, " + "Ed Marsh"
_ROLE_FOR_BEFORE = re.compile(rf"\b{_AGENT}\s+{_FOR}\s+((?:the\s+)?(?:[\w&.’'-]+\s+){{0,3}}?[\w&.’'-]+),\s*$", re.I)
# "a lawyer for X", "an attorney representing X", "its chief executive officer at X": the organisation starts after
_ROLE_FOR_IN = re.compile(rf"\b{_AGENT}(?:\s+officer)?\s+{_FOR}\s+", re.I)
_DESCRIBED = re.compile(r"(?:the|its|their)\s+((?:[\w-]+\s+){0,2}[\w-]+)")
_ORG_TYPES = ("ORG", "GPE", "NORP")


def sides(text: str, claims: Sequence[LocalClaim], entities: Sequence[LocalEntity]) -> list[set[str]]:
    """Per claim, the parties its speaker is: the speaker itself and the organisation it acts for, as the text
    says it of this mention or of any mention of the same person."""
    acts_for: dict[int, set[int]] = {}
    for i, e in enumerate(entities):
        if e.type == "PERSON":
            acts_for[i] = {o for s, t in e.mentions if (o := _speaks_for(text, s, t, entities)) is not None}
    out = []
    for c in claims:
        key = speaker_key(c)
        found = {key} if key is not None else set()
        if c.speaker_entity is not None:
            found |= {str(o) for o in acts_for.get(c.speaker_entity, ())}
        if c.speaker:  # the words at this claim: "an attorney representing the company", "A lawyer for X, Ed Marsh"
            at = text.find(c.speaker, c.context[0], c.context[1])
            org = _speaks_for(text, at, at + len(c.speaker), entities) if at >= 0 else None
            found |= {str(org)} if org is not None else set()
        out.append(found)
    return out


def apart(disputes: list[LocalDispute], side: Sequence[set[str]]) -> list[LocalDispute]:
    """The disputes whose two speakers are not one side (`side`: per claim, from `sides`)."""
    return [d for d in disputes if not (side[d.claim] & side[d.other])]


def _speaks_for(text: str, start: int, end: int, entities: Sequence[LocalEntity]) -> int | None:
    """The organisation the words text[start:end] (a speaker) act for, by the shapes of the module docstring."""
    words = text[start:end]
    inside = _ROLE_FOR_IN.search(words)
    if inside:
        return organisation_at(text, start + inside.end(), entities)
    reach = tuning().side_reach_chars
    after = _AFTER.match(text[end : end + reach])
    if after and (after.group("agent") or _AGENT_WORD.search(words)):
        return organisation_at(text, end + after.end(), entities)
    begin = max(0, start - reach)
    role_for = _ROLE_FOR_BEFORE.search(text[begin:start])
    if role_for:  # "A lawyer for the tech company, Ed Marsh"
        return organisation_at(text, begin + role_for.start(1), entities)
    for i, e in enumerate(entities):  # "Norvik attorney Ed Marsh", "the union's lawyer, Ed Marsh"
        if e.type in _ORG_TYPES and any(t <= start and _BEFORE.match(text, t, start) for _, t in e.mentions):
            return i
    return None


def _heads(text: str, end: int) -> bool:
    """A name ending at `end` is the organisation meant, not a word describing another ("the Japan-based company",
    "the Norvik union")."""
    following = re.match(r"(-)?\s*([a-z]*)", text[end : end + 30])
    return following is not None and not following.group(1) and following.group(2) not in ORG_NOUNS


def organisation_at(text: str, at: int, entities: Sequence[LocalEntity]) -> int | None:
    """The organisation named at `at`: one whose mention starts there (after "the"), or, for a description ("the
    tech company"), the latest one named before it that fits."""
    lead = re.match(r"(?:the\s+)?", text[at:], re.I)
    begin = at + (lead.end() if lead else 0)
    for i, e in enumerate(entities):
        if e.type in _ORG_TYPES and any(s in (at, begin) and _heads(text, t) for s, t in e.mentions):
            return i
    described = _DESCRIBED.match(text, at)
    kinds = [ORG_NOUNS[w] for w in described.group(1).lower().split() if w in ORG_NOUNS] if described else []
    kind = kinds[0] if kinds else None
    if kind is None:
        return None
    before = [
        (t, i)
        for i, e in enumerate(entities)
        if e.type == "ORG" and fits(kind, name_kinds(e.name))
        for _, t in e.mentions
        if t <= at
    ]
    return max(before)[1] if before else None
