"""Attributions become claims: the speaker is matched to an entity where the text makes it clear.

A pronoun or a role ("he", "the envoy") names an entity only when there is one obvious antecedent: the most recent
person for a pronoun, the person described with that role for a role noun. Otherwise the words themselves are the
speaker ("a Russian official", "sources"), which is what a reader needs anyway.
"""

from __future__ import annotations

from typing import Optional

from knowledge.extract.analysis import LocalClaim, Span
from knowledge.extract.entities import DocEntities

PRONOUNS = {"he", "she", "him", "her", "his"}


def _speaker_entity(text: str, span: Optional[Span], ents: DocEntities) -> Optional[int]:
    if span is None:
        return None
    idx = ents.at(*span)
    if idx is not None:
        return idx
    words = text.lower().split()
    if not words:
        return None
    if len(words) == 1 and words[0] in PRONOUNS:
        people = ents.people_before(span[0])
        return people[0] if people else None
    if words[0] == "the" and len(words) <= 4:
        role = words[-1]
        holders = [i for i, e in enumerate(ents.entities) if any(role in d.lower().split() for d in e.descriptions)]
        if len(holders) == 1:
            return holders[0]
    return None


def to_claims(text: str, attributions: list, ents: DocEntities) -> list[LocalClaim]:
    claims: list[LocalClaim] = []
    for att in attributions:
        if not att.content:
            continue
        content = (att.content[0][0], att.content[-1][1])
        source = (att.source[0][0], att.source[-1][1]) if att.source else None
        speaker = text[source[0] : source[1]] if source else None
        pieces = [p for p in (source, content, *att.cue) if p]
        context = (min(p[0] for p in pieces), max(p[1] for p in pieces))
        about = [i for frag in att.content for i in ents.within(*frag)]
        claims.append(
            LocalClaim(
                speaker=speaker,
                speaker_entity=_speaker_entity(speaker or "", source, ents),
                cue=" ".join(text[s:e] for s, e in att.cue),
                cue_lemma=att.cue_lemma,
                stance=att.stance,
                negated=att.negated,
                kind=att.kind,
                via=text[att.via[0] : att.via[1]] if att.via else None,
                content=content,
                context=context,
                parent=att.parent,
                about=list(dict.fromkeys(about)),
            )
        )
    return claims
