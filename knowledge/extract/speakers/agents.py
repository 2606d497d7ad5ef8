"""An organisation's lawyers as the speaker: "Attorneys representing Acme wrote", "Lawyers for Acme said".

A company's or a government's legal team speaks for it, in a filing or in court, as its spokespeople do; a briefing
that prints "Attorneys" as the speaker tells a reader nothing, and the annotators name the organisation. So lawyers
in the plural whose client the phrase names as an organisation (an entity, or a description or pronoun the speakers
pass resolved) give the claim to it, their own words kept as the channel (`via`). A person's lawyers ("Mr. Holt's
lawyers") are not the person, and one lawyer ("a lawyer for Acme") is a person who keeps their own words: both
stay as written.
"""

from __future__ import annotations

import dataclasses

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.spans import doc_text
from knowledge.extract.speakers.heads import entity_of

# Nouns for those who speak for a party in law.
AGENTS = frozenset("lawyer attorney counsel solicitor barrister".split())
# Prepositions that name the client right after the noun ("lawyers for Acme", "attorneys of the union").
_FOR = frozenset({"for", "of"})


def _client(noun, ents: DocEntities) -> int | None:
    """The entity the agents `noun` act for: "representing X", "for X", "X's"; None when the phrase names none."""
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() == "represent":
            target = next((o for o in c.children if o.dep_ in ("dobj", "obj")), None)
        elif c.dep_ == "prep" and c.lower_ in _FOR and c.i == noun.i + 1:
            target = next((o for o in c.children if o.dep_ == "pobj"), None)
        elif c.dep_ == "poss":
            target = c
        else:
            continue
        if target is None:
            continue
        ref = ents.referents.get(target.i)
        idx = ref.entity if ref is not None else entity_of(ents, target)
        if idx is not None and ents.entities[idx].type in ("ORG", "GPE"):
            return idx
    return None


def _agents_phrase(noun) -> str:
    """ "Attorneys representing Acme": the noun with its client, not the rest of the clause it hangs on."""
    end = noun
    for c in noun.children:
        if c.i > noun.i and (c.dep_ == "acl" or c.dep_ == "prep" and c.lower_ in _FOR):
            obj = next((o for o in c.children if o.dep_ in ("dobj", "obj", "pobj")), None)
            end = max(end, obj if obj is not None else c, key=lambda t: t.i)
    text = doc_text(noun.doc)
    return text[noun.left_edge.idx : end.idx + len(end.text)]


def clients(claims: list[LocalClaim], ents: DocEntities, doc) -> list[LocalClaim]:
    """The claims whose speaker is a party's lawyers re-pointed at the party, the lawyers kept as `via`."""
    if doc is None:
        return claims
    text = doc_text(doc)
    out = list(claims)
    for n, c in enumerate(claims):
        if c.speaker_entity is not None or not c.speaker:
            continue
        at = text.find(c.speaker, c.context[0], c.context[1])
        span = doc.char_span(at, at + len(c.speaker), alignment_mode="expand") if at >= 0 else None
        noun = span.root if span is not None and len(span) else None
        if noun is None or noun.lemma_.lower() not in AGENTS or noun.tag_ != "NNS":
            continue
        idx = _client(noun, ents)
        if idx is not None:
            via = _agents_phrase(noun) + (f" in {c.via}" if c.via else "")  # "Acme's lawyers in a filing"
            out[n] = dataclasses.replace(c, speaker=ents.entities[idx].name, speaker_entity=idx, via=via)
    return out
