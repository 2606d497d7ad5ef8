"""Attributions become claims: the speaker is matched to an entity where the text makes it clear.

A pronoun or a title ("he", "the envoy") names whom `speakers` finds: the nearest compatible person before it. An
unnamed antecedent gives its words ("a ministry spokesman"); with none, the words themselves are the speaker ("a
Russian official", "sources"), which is what a reader needs anyway.
"""

from __future__ import annotations

import re

from knowledge.extract.analysis import LocalClaim, Span
from knowledge.extract.attribution.misread import misread
from knowledge.extract.entities import DocEntities
from knowledge.extract.model.learned import done_not_said
from knowledge.extract.parse.marks import balance
from knowledge.extract.speakers.agents import clients, speaking_for
from knowledge.extract.speakers.capitals import government_seat
from knowledge.extract.speakers.documents import issuers, spoken_in
from knowledge.extract.speakers.heads import glued_organisation, head_entity
from knowledge.extract.speakers.participles import hung_participles
from knowledge.extract.speakers.quoted import quoted_sources
from knowledge.extract.speakers.relatives import speaker_referent
from knowledge.extract.speakers.relayed import passive_telling
from knowledge.extract.speakers.renewed import renewed_claims
from knowledge.extract.speakers.reports import passed_on

# "A Russian official, speaking anonymously to NBC, ...": the channel named in a participle between speaker and cue.
_CHANNEL = re.compile(
    r"\b(?:speaking|talking|writing|quoted)\b[^,:;“”\"]{0,40}?\b(?:to|by|in)\s+"
    r"((?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
)

# "Two officials, who spoke on condition of anonymity to Radio Calder, said": a relative clause closing the speaker
# phrase that names the channel; the speaker is the words before it.
_RELATIVE_CHANNEL = re.compile(
    r",\s*(?:who|which)\s+(?:spoke|talked|were speaking|was speaking|wrote)\b[^,;:“”\"]{0,60}?\b(?:to|with)\s+"
    r"((?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s*,?\s*$"
)

# "Officials, who declined to be named, said": the speaker's anonymity is neither a claim nor part of the speaker
_ANONYMITY = re.compile(r"^(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b", re.I)
_RELATIVE_ANONYMOUS = re.compile(
    r",\s*who\s+(?:declined|refused|asked|requested|did not want)\b[^,;:“”\"]{0,30}?\b(?:named|identified|anonymity)"
    r"\s*,?\s*$"
)


# "GENEVA (CPA) — ": a dateline opens a wire story's first sentence; it says where the copy was filed, not what the
# speaker said, and kept in the content it reads as words of the speaker ("Field says GENEVA (CPA) — A ceasefire").
_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"\s*(?:\([A-Z][\w .&'-]{0,30}\)\s*)?(?:—|–|--)\s*"
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the content starts once a leading dateline is skipped (`start` when there is none)."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


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
    return None  # pronouns, titles and relative "who" are `speakers`' (nearest compatible person, never a guess)


def _named(doc, ents: DocEntities, source: Span | None, speaker: str) -> int | None:
    """The entity the speaker phrase is headed by, read off the parse where it can be ("aides to X" is not X)."""
    decided, idx = head_entity(doc, ents, source)
    return idx if decided else _speaker_entity(speaker, source, ents, doc)


def _channel(text: str, source: Span | None, cue) -> str | None:
    if not source or not cue or cue[0][0] <= source[1]:
        return None
    m = _CHANNEL.search(text, source[1], cue[0][0])
    return m.group(1) if m else None


def text_at(ents: DocEntities, mention: Span, span: Span, text: str) -> str:
    return text[mention[0] - span[0] : mention[1] - span[0]]


def _done_not_said(doc, att) -> bool:
    for start, end in att.cue:
        span = doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if tok.lemma_.lower() == att.cue_lemma:
                if _deprived(tok):
                    return True
                # "According to NBC, officials see X as Y": the outer report vouches that it is a view
                return att.via is None and att.parent is None and done_not_said(tok)
    return False


# "Its shareholders have been denied the premium": a passive deny or refuse with an object says what someone was
# not given, not what anyone denied; no one speaks
_DEPRIVING = frozenset({"deny", "refuse"})


def _deprived(tok) -> bool:
    children = list(tok.children)
    return (
        tok.lemma_.lower() in _DEPRIVING
        and any(c.dep_ == "auxpass" for c in children)
        and any(c.dep_ in ("dobj", "obj") for c in children)
    )


def to_claims(text: str, attributions: list, ents: DocEntities, doc=None) -> list[LocalClaim]:
    claims: list[LocalClaim] = []
    anonymity: set[int] = set()
    claim_of: dict[int, int] = {}  # attribution index -> claim index: `att.parent` counts attributions, not claims
    for n, att in enumerate(attributions):
        if not att.content or misread(text, att) or (doc is not None and _done_not_said(doc, att)):
            continue
        relay = passive_telling(doc, att.cue)
        if relay is not None and relay.teller is None and att.parent is not None:
            continue  # "Trump was told X, he said": the report of it carries the words, with their speaker
        claim_of[n] = len(claims)
        pieces_of = [balance(text, s, e) for s, e in att.content]  # trimming never leaves a quote mark unpaired
        pieces_of[0] = (after_dateline(text, *pieces_of[0]), pieces_of[0][1])
        content = (min(p[0] for p in pieces_of), max(p[1] for p in pieces_of))
        source = (att.source[0][0], att.source[-1][1]) if att.source else None
        if relay is not None:  # "X was informed that": X heard it; the teller, if the clause shows one, said it
            source = relay.teller
        speaker = text[source[0] : source[1]] if source else None
        if _ANONYMITY.match(text[content[0] : content[1]]):
            anonymity.add(len(claims))
        relative = _RELATIVE_CHANNEL.search(speaker) if speaker else None
        anonymous = _RELATIVE_ANONYMOUS.search(speaker) if speaker and relative is None else None
        cut = relative or anonymous
        if cut is not None and source is not None:
            source = (source[0], source[0] + cut.start())
            speaker = text[source[0] : source[1]]
        written_in = spoken_in(speaker) if speaker and source else None
        if written_in is not None and source is not None and written_in.start() > 0:
            source = (source[0], source[0] + written_in.start())  # "the airline in its lawsuit": the airline
            speaker = text[source[0] : source[1]]
        glued = glued_organisation(doc, ents, source)
        if glued is not None:  # "…, Meyumi Ito, chair of its committee, Nine & X said": Nine & X said it
            source, speaker = glued, text[glued[0] : glued[1]]
        ref = speaker_referent(doc, ents, source)
        if ref is not None and ref.entity is None:
            speaker = ref.text  # "he" after "a ministry spokesman": the words that say who he is
        pieces = [p for p in (source, content, *att.cue) if p]
        context = (min(p[0] for p in pieces), max(p[1] for p in pieces))
        about = [i for frag in pieces_of for i in ents.within(*frag)]
        claims.append(
            LocalClaim(
                speaker=speaker,
                speaker_entity=ref.entity
                if ref is not None
                else government_seat(ents, _named(doc, ents, source, speaker or "")),
                cue=" ".join(text[s:e] for s, e in att.cue),
                cue_lemma=att.cue_lemma,
                stance=att.stance,
                negated=att.negated,
                kind=att.kind,
                via=text[relay.listener[0] : relay.listener[1]]
                if relay is not None
                else text[att.via[0] : att.via[1]]
                if att.via
                else relative.group(1)
                if relative is not None
                else written_in.group(1)
                if written_in is not None
                else _channel(text, source, att.cue),
                content=content,
                context=context,
                parent=att.parent,
                about=list(dict.fromkeys(about)),
                fragments=list(pieces_of) if len(pieces_of) > 1 else [],
            )
        )
    _reindex_parents(claims, attributions, claim_of)
    claims, quoted = quoted_sources(claims, text)
    claims = passed_on(claims, ents, doc)  # "CNN reports that Acme alleges …": Acme's, via CNN
    claims = _drop_carriers(claims, anonymity | quoted)
    _reporters_as_channels(claims)
    claims = speaking_for(clients(issuers(claims, ents, doc), ents, doc), ents, doc)
    # "X reiterated its claim that P", "X warned whether the vote …, saying P": X's, read once X is settled
    return hung_participles(renewed_claims(claims, ents), text)


def _reindex_parents(claims: list[LocalClaim], attributions: list, claim_of: dict[int, int]) -> None:
    """Point each claim's parent at the claim of its parent attribution. An attribution that became no claim
    (no content, a deed rather than a saying) passes its own parent on, so a claim nested in it hangs on the
    nearest enclosing claim; without this a parent index counted attributions and named the wrong claim, or
    none at all."""
    for c in claims:
        parent, seen = c.parent, set()
        while parent is not None and parent not in claim_of and parent not in seen and 0 <= parent < len(attributions):
            seen.add(parent)
            parent = attributions[parent].parent
        c.parent = claim_of.get(parent) if parent is not None else None


def _reporters_as_channels(claims: list[LocalClaim]) -> None:
    """ "A told B that X, C said": A said X, and C is the channel it reached the reader through (B only heard it).
    A nested claim with no channel of its own takes its reporter's words as `via`. Inside an according-to report
    only a named speaker does ("According to C, A urged X": A's words, via C; C's report that A urged it stays
    C's, as "C said A told B that X" does); "According to C, the figures show X" stays C's claim alone."""
    for c in claims:
        if c.via is None and c.parent is not None:
            outer = claims[c.parent]
            named = outer.cue_lemma != "according to" or c.speaker_entity is not None
            if named and outer.speaker and outer.speaker != c.speaker:
                c.via = outer.speaker


def _drop_carriers(claims: list[LocalClaim], drop: set[int]) -> list[LocalClaim]:
    """ "According to NBC, officials see X as a threat": the officials' view, via NBC, is the claim a reader needs;
    NBC's report of it says nothing more, so it is left out (parents are re-pointed past it), as is a speaker's
    "declined to be named" (`drop` on entry)."""
    drop = drop | {
        c.parent
        for i, c in enumerate(claims)
        if i not in drop  # a dropped report leaves its carrier the only claim of its words
        and c.parent is not None
        and claims[c.parent].cue_lemma == "according to"
        and c.via is not None
        and c.via == claims[c.parent].speaker
    }
    if not drop:
        return claims
    index = {old: new for new, old in enumerate(i for i in range(len(claims)) if i not in drop)}
    out = []
    for i, c in enumerate(claims):
        if i in drop:
            continue
        parent = c.parent
        while parent in drop:
            parent = claims[parent].parent
        c.parent = index.get(parent) if parent is not None else None
        out.append(c)
    return out
