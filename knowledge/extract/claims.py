"""Attributions become claims: the speaker is matched to an entity where the text makes it clear.

A pronoun or a role ("he", "the envoy") names an entity only when there is one obvious antecedent: the most recent
person for a pronoun, the person described with that role for a role noun. Otherwise the words themselves are the
speaker ("a Russian official", "sources"), which is what a reader needs anyway.
"""

from __future__ import annotations

import re

from knowledge.extract.analysis import LocalClaim, Span
from knowledge.extract.entities import DocEntities
from knowledge.extract.spans import sentence

PRONOUNS = {"he", "she", "him", "her", "his"}
# "A Russian official, speaking anonymously to NBC, ...": the channel named in a participle between speaker and cue.
_CHANNEL = re.compile(
    r"\b(?:speaking|talking|writing|quoted)\b[^,:;“”\"]{0,40}?\b(?:to|by|in)\s+"
    r"((?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
)


def _sentence_subject(doc, offset: int, ents: DocEntities) -> int | None:
    """The person who is the subject of the main clause of the sentence around `offset`, if any."""
    if doc is None:
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    root = sentence(span[0]).root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.idx != offset:
            idx = ents.at(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
            if idx is not None and ents.entities[idx].type == "PERSON":
                return idx
    return None


def _speaker_entity(text: str, span: Span | None, ents: DocEntities, doc=None) -> int | None:
    if span is None:
        return None
    idx = ents.at(*span)
    if idx is not None:
        ent = ents.entities[idx]
        last = max((m for m in ent.mentions if span[0] <= m[0] and m[1] <= span[1]), key=lambda m: m[1])
        # "Russian officials" are not Russia: the entity must be the head of the phrase, i.e. end it.
        if ent.type in ("PERSON", "ORG", "GPE") and text.rstrip(" ,.’'s").endswith(text_at(ents, last, span, text)):
            return idx
        return None
    words = text.lower().split()
    if not words:
        return None
    if len(words) == 1 and words[0] in PRONOUNS:
        # In an embedded clause ("X denied claims by Y that he agreed") the main subject is the likelier
        # antecedent; otherwise the most recently named person.
        subject = _sentence_subject(doc, span[0], ents)
        if subject is not None:
            return subject
        people = ents.people_before(span[0])
        return people[0] if people else None
    if words[0] == "the" and len(words) <= 4:
        role = words[-1]
        holders = [i for i, e in enumerate(ents.entities) if any(role in d.lower().split() for d in e.descriptions)]
        if len(holders) == 1:
            return holders[0]
    return None


def _channel(text: str, source: Span | None, cue) -> str | None:
    if not source or not cue or cue[0][0] <= source[1]:
        return None
    m = _CHANNEL.search(text, source[1], cue[0][0])
    return m.group(1) if m else None


def text_at(ents: DocEntities, mention: Span, span: Span, text: str) -> str:
    return text[mention[0] - span[0] : mention[1] - span[0]]


def to_claims(text: str, attributions: list, ents: DocEntities, doc=None) -> list[LocalClaim]:
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
                speaker_entity=_speaker_entity(speaker or "", source, ents, doc),
                cue=" ".join(text[s:e] for s, e in att.cue),
                cue_lemma=att.cue_lemma,
                stance=att.stance,
                negated=att.negated,
                kind=att.kind,
                via=text[att.via[0] : att.via[1]] if att.via else _channel(text, source, att.cue),
                content=content,
                context=context,
                parent=att.parent,
                about=list(dict.fromkeys(about)),
                fragments=[tuple(f) for f in att.content] if len(att.content) > 1 else [],
            )
        )
    return claims
