"""Speech passed on to a listener: "X was told that …", "X was informed that …".

The grammatical subject of a passive telling verb is the one who heard the words, not the one who said them; a
briefing that pins the words on the listener has the relay backwards. The one who told is the agent ("was told by
Y"), which the parse already reads as the source; without an agent the clause may still show who it was — the
other side of the meeting or call it happened in ("during a meeting with Y, X was informed that …"). When the text
does not show the teller, the words have no named speaker and the listener is only the way they reached us.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.extract.parse.cues import GATHERINGS

# Verbs whose passive subject is the listener ("was told", "was informed", "was assured", "was briefed").
TELLING = frozenset({"tell", "inform", "assure", "brief", "notify", "advise", "reassure"})
Span = tuple[int, int]


@dataclass(frozen=True)
class Relay:
    """A passive telling: who heard the words, and who told them when the clause shows it."""

    listener: Span
    teller: Span | None


def _cue_verb(doc, cue: tuple[Span, ...]):
    for start, end in cue:
        span = doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if tok.lemma_.lower() in TELLING and tok.pos_ == "VERB":
                return tok
    return None


def _phrase(tok) -> Span:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _other_side(verb):
    """ "during a meeting with Y", "in a call with Y": Y, the one the listener was talking to."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in GATHERINGS):
            for w in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
                party = [o for o in w.children if o.dep_ == "pobj"]
                if party:
                    return party[0]
    return None


def passive_telling(doc, cue: tuple[Span, ...]) -> Relay | None:
    """The relay when the cue is a telling verb in the passive without an agent; None otherwise (an active "told"
    and "was told by Y" already have the teller as their source)."""
    if doc is None or not cue:
        return None
    verb = _cue_verb(doc, cue)
    if verb is None or any(c.dep_ == "agent" for c in verb.children):
        return None
    listener = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if listener is None:
        return None
    teller = _other_side(verb)
    return Relay(_phrase(listener), _phrase(teller) if teller is not None else None)
