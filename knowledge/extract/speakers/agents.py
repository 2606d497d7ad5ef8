"""Those who speak for an organisation as the speaker: "Attorneys representing Acme wrote", "The spokesperson said".

A company's or a government's legal team speaks for it, in a filing or in court, as its spokespeople do; a briefing
that prints "Attorneys" as the speaker tells a reader nothing, and the annotators name the organisation. So lawyers
in the plural whose client the phrase names as an organisation (an entity, or a description or pronoun the speakers
pass resolved) give the claim to it, their own words kept as the channel (`via`). A person's lawyers ("Mr. Holt's
lawyers") are not the person, and one lawyer ("a lawyer for Acme") is a person who keeps their own words: both
stay as written.

An unnamed spokesperson in the text's own bare words ("The spokesperson said", no name, no organisation in the
phrase) speaks for the organisation whose claim the article reported just before, within
`Tuning.spokesperson_search_sentences` ("A Brill statement accused Acme. The spokesperson said …"), as a reader
takes it; a spokesperson the article names is `anaphora`'s and keeps their name.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.spans import SENT_KEY, doc_text, sentence
from knowledge.extract.speakers.heads import entity_of
from knowledge.extract.speakers.person_words import GENDERED, role_word
from knowledge.tuning import tuning

# Nouns for those who speak for a party in law.
AGENTS = frozenset("lawyer attorney counsel solicitor barrister".split())
# "The spokesperson", "the spokesman": the bare words of one who speaks for an organisation.
_SPOKESPERSON = re.compile(r"^the\s+(\w+)$", re.I)
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


def _spokesperson(speaker: str | None) -> bool:
    m = _SPOKESPERSON.match((speaker or "").strip())
    return (
        m is not None and role_word(m.group(1)) == "spokesperson" and m.group(1).lower() in (*GENDERED, "spokesperson")
    )


def speaking_for(claims: list[LocalClaim], ents: DocEntities, doc) -> list[LocalClaim]:
    """The claims of a bare "the spokesperson" re-pointed at the organisation whose claim comes just before."""
    if doc is None:
        return claims
    sentence(doc[0])  # fills the per-Doc cache of sentence starts
    starts = doc.user_data[SENT_KEY]
    sent_of = lambda offset: bisect_right(starts, _token_at(doc, offset)) - 1  # noqa: E731
    out = list(claims)
    for n, c in enumerate(claims):
        if c.speaker_entity is not None or not _spokesperson(c.speaker):
            continue
        before = [d for d in out[:n] if d.context[0] < c.context[0]]
        last = max(before, key=lambda d: d.context[0], default=None)
        if last is None or last.speaker_entity is None or ents.entities[last.speaker_entity].type != "ORG":
            continue
        if sent_of(c.context[0]) - sent_of(last.context[0]) > tuning().spokesperson_search_sentences:
            continue
        out[n] = dataclasses.replace(c, speaker=ents.entities[last.speaker_entity].name,
                                     speaker_entity=last.speaker_entity, via=c.via or c.speaker)  # fmt: skip
    return out


def _token_at(doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else 0
