"""Events: actions with actors, a date and a place ("met ... on June 21 in Minsk", "Belarus released X").

An event is anchored on a trigger word (a verb or an event noun, listed in `TRIGGERS` as data) and cites the
sentence that reports it. Actions inside reported speech are not events but parts of claims ("Lukashenko said
Kellogg agreed to ..." does not make the agreement a fact), so triggers inside claim content are skipped unless
the claim only confirms what happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from spacy.attrs import POS
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from knowledge.extract.analysis import LocalEvent, Span
from knowledge.extract.dates import resolve_date
from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.cues import GATHERINGS
from knowledge.extract.parse.spans import doc_text, sentence, tokens_where
from knowledge.extract.parse.tense import tense_of

VERB_TRIGGERS = {
    "meet",
    "release",
    "free",
    "land",
    "arrive",
    "visit",
    "travel",
    "fly",
    "hold",
    "sign",
    "bar",
    "ban",
    "exclude",
    "replace",
    "freeze",
    "halt",
    "pause",
    "suspend",
    "stall",
    "attack",
    "strike",
    "launch",
    "invade",
    "kill",
    "arrest",
    "detain",
    "elect",
    "appoint",
    "fire",
    "resign",
    "host",
    "impose",
    "lift",
    "withdraw",
    "deploy",
    "return",
    "veto",
    "approve",
    "sideline",
    "oust",
    "sanction",
    "pardon",
    "expel",
    "shell",
    "bomb",
    "capture",
    "seize",
    "storm",
    "clash",
    "collapse",
    "cancel",
    "postpone",
    "resume",
    "join",
    "leave",
    "step",
    "take",
    # business and the courts: suits, rulings, deals, inquiries, votes, lay-offs
    "sue",
    "file",
    "rule",
    "block",
    "acquire",
    "buy",
    "merge",
    "investigate",
    "probe",
    "fine",
    "settle",
    "vote",
    "appeal",
    "lay",
    "hire",
}
NOUN_TRIGGERS = {
    "meeting",
    "talks",
    "summit",
    "visit",
    "release",
    "clash",
    "attack",
    "strike",
    "invasion",
    "election",
    "trip",
    "negotiations",
    "discussions",
    "conference",
    "exchange",
    "ceasefire",
    "truce",
    "deal",
    "agreement",
    "call",
    "confrontation",
    "standoff",
    "offensive",
    "sanctions",
    "exclusion",
    "snub",
    "freeze",
    "pause",
    "lawsuit",
    "ruling",
    "acquisition",
    "takeover",
    "merger",
    "investigation",
    "probe",
    "settlement",
    "vote",
    "layoffs",
}
# Words for the same kind of happening share one trigger, so reports worded differently merge into one line.
SAME_EVENT = {
    "land": "arrive",
    "fly": "arrive",
    "free": "release",
    "meeting": "meet",
    "talks": "meet",
    "exclusion": "exclude",
    "bar": "exclude",
    "ban": "exclude",
    "sideline": "exclude",
    "oust": "exclude",
    "freeze": "pause",
    "suspend": "pause",
    "halt": "pause",
    "lawsuit": "sue",
    "suit": "sue",
    "complaint": "sue",
    "case": "sue",
    "buy": "acquire",
    "acquisition": "acquire",
    "takeover": "acquire",
    "merger": "merge",
    "probe": "investigate",
    "investigation": "investigate",
    "ruling": "rule",
    "settlement": "settle",
    "layoffs": "lay off",
    "lay": "lay off",
}
NOT_EVENTS_WITH = {"rule": {"out"}, "buy": {"back", "into"}, "vote": {"down"}}
# "filed a lawsuit", "filed an appeal": a light verb is the event its object names, and nothing without one.
OBJECT_VERBS = {"file": {"lawsuit", "suit", "complaint", "case", "appeal", "motion", "petition"}}
# "take over", "step in": particles that turn a light verb into an event.
PARTICLE_VERBS = {"step": {"in", "down", "aside"}, "take": {"over"}, "lay": {"off"}}
ACTOR_TYPES = ("PERSON", "ORG", "GPE")
NOUN_DATE_DEPS = {"nmod", "poss", "compound"}  # a date attached to a noun this way is that thing's date
PAIR_WORDS = {"two", "both"}  # "the two ministers", "both leaders": a pair the article named just before
PLACE_PREPS = {"in", "at", "to", "into", "from", "near", "outside", "inside"}


def _entity_at_token(tok: Token, ents: DocEntities, spans: Sequence[SpacySpan]) -> int | None:
    """The entity whose named-entity span (one of the Doc's `spans`, read once: `doc.ents` builds them anew on
    every access) contains this token (not its whole syntactic subtree)."""
    for span in spans:
        if span.start <= tok.i < span.end:
            return ents.at(span.start_char, span.end_char)
    return None


def _subtree_entities(tok: Token, ents: DocEntities) -> list[int]:
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return ents.within(start, end)


TRIGGER_POS = {NOUN, VERB}  # the parts of speech `_is_trigger` accepts: no other token is built to be tested


def _is_trigger(tok: Token) -> bool:
    if tok.pos_ in ("VERB",) and tok.lemma_.lower() in VERB_TRIGGERS:
        objects = OBJECT_VERBS.get(tok.lemma_.lower())
        if objects is not None:
            return _object_of(tok, objects) is not None
        if any(c.dep_ == "prt" and c.lower_ in NOT_EVENTS_WITH.get(tok.lemma_.lower(), ()) for c in tok.children):
            return False  # "ruled out", "bought back": another verb
        allowed = PARTICLE_VERBS.get(tok.lemma_.lower())
        if allowed is not None:
            return any(c.dep_ == "prt" and c.lower_ in allowed for c in tok.children) or any(
                c.dep_ == "prep" and c.lower_ in allowed for c in tok.children
            )
        return tok.tag_ not in ("VBG",) or tok.dep_ in ("ROOT", "conj", "advcl")
    return tok.pos_ == "NOUN" and tok.lower_ in NOUN_TRIGGERS


def _object_of(tok: Token, nouns: set[str]) -> Token | None:
    """The light verb's object when it is one of `nouns` ("filed a lawsuit")."""
    return next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)


def _trigger_word(tok: Token) -> str:
    """The event a trigger reports, one word for its different wordings ("sued", "filed a lawsuit": "sue")."""
    lemma = tok.lemma_.lower()
    if lemma in OBJECT_VERBS:
        obj = _object_of(tok, OBJECT_VERBS[lemma])
        lemma = obj.lemma_.lower() if obj is not None else lemma
    return SAME_EVENT.get(lemma, lemma)


def _dates_a_thing(date_span: SpacySpan, trigger: Token) -> bool:
    """The date modifies a noun other than the trigger that is no time word itself ("its June 3 offer", but not
    the "night" of "Tuesday night")."""
    head = date_span.root.head
    return (
        date_span.root.dep_ in NOUN_DATE_DEPS
        and head.pos_ in ("NOUN", "PROPN")
        and head != trigger
        and head.ent_type_ not in ("DATE", "TIME")
    )


def _date_for(tok: Token, doc: Doc, published: datetime | None, by_sentence: dict):
    sent = sentence(tok)
    dates = by_sentence.get(sent.start, [])
    inside = [e for e in dates if tok.left_edge.i <= e.start and e.end - 1 <= tok.right_edge.i]
    # "since 2020" bounds a comparison, it does not date the event; "its September 23 offer", "Sunday's vote" date
    # a thing named in the sentence (the date modifies a noun), not the withdrawal or rejection of it.
    dates = [
        e
        for e in dates
        if (e.start == 0 or doc[e.start - 1].lower_ not in ("since", "until", "before")) and not _dates_a_thing(e, tok)
    ]
    inside = [e for e in inside if e in dates]
    for span in inside or (dates if len(dates) == 1 else []):
        resolved = resolve_date(span.text, published, tense_of(tok))
        if resolved is not None:
            return resolved
    return None


def _place_for(tok: Token, ents: DocEntities, spans: Sequence[SpacySpan]) -> tuple[int | None, str | None]:
    """The nearest place introduced by a locative preposition inside the trigger's phrase."""
    preps = [c for c in tok.subtree if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
    for prep in sorted(preps, key=lambda p: abs(p.i - tok.i)):
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                idx = _entity_at_token(obj, ents, spans)
                if idx is not None and ents.entities[idx].type == "GPE":
                    return idx, ents.entities[idx].name
    return None, None


def _pair_named_before(phrase: Token, ents: DocEntities) -> list[int]:
    """ "The two ministers", "both leaders", "the two sides" naming no one themselves: the two people the article
    named just before (the sentence before and this one up to the phrase), when it named exactly two; with one,
    three or more there is no telling who the pair is, and the phrase adds no one."""
    node = next((c for c in phrase.children if c.dep_ == "pobj"), phrase) if phrase.dep_ == "prep" else phrase
    paired = any(c.lower_ in PAIR_WORDS and c.dep_ in ("nummod", "det", "predet") for c in node.children)
    if node.tag_ != "NNS" or not paired or _subtree_entities(node, ents):
        return []
    sent = sentence(node)
    begin = sentence(node.doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
    people = [i for i in ents.within(begin, node.left_edge.idx) if ents.entities[i].type == "PERSON"]
    return people if len(people) == 2 else []


def _actors(tok: Token, ents: DocEntities) -> list[int]:
    actors: list[int] = []
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "poss", "compound") or (
            child.dep_ == "prep" and child.lower_ in ("with", "by", "between", "of", "for")
        ):
            for idx in _subtree_entities(child, ents) or _pair_named_before(child, ents):
                if ents.entities[idx].type in ACTOR_TYPES and idx not in actors:
                    actors.append(idx)
    if not any(c.dep_.startswith("nsubj") for c in tok.children) and tok.dep_ in ("conj", "xcomp", "advcl"):
        actors += [a for a in _actors(tok.head, ents) if a not in actors] if tok.head.pos_ == "VERB" else []
    return actors


def _sentence_actors(tok: Token, ents: DocEntities, place: int | None) -> list[int]:
    sent = sentence(tok)
    return [
        i
        for i in ents.within(sent.start_char, sent.end_char)
        if ents.entities[i].type in ("PERSON", "ORG") and i != place
    ]


def _sentence_span(tok: Token) -> Span:
    sent = sentence(tok)
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def find_events(doc: Doc, ents: DocEntities, published: datetime | None, reported: list[Span]) -> list[LocalEvent]:
    """`reported` are content spans of claims whose events are hearsay, not narrated facts."""
    events: list[LocalEvent] = []
    seen: set[tuple] = set()
    by_sentence: dict[int, list] = {}  # sentence start -> its DATE/TIME entities, computed once per document
    spans = doc.ents
    for ent in spans:
        if ent.label_ in ("DATE", "TIME"):
            by_sentence.setdefault(sentence(ent[0]).start, []).append(ent)
    for tok in tokens_where(doc, POS, TRIGGER_POS):
        if not _is_trigger(tok):
            continue
        if any(s <= tok.idx < e for s, e in reported):
            continue
        actors = _actors(tok, ents)
        resolved = _date_for(tok, doc, published, by_sentence)
        place, place_text = _place_for(tok, ents, spans)
        if tok.pos_ == "NOUN":
            if not (resolved or place is not None):
                continue
            if not actors and tok.lower_ in GATHERINGS:
                actors = _sentence_actors(tok, ents, place)
        if not actors and not (resolved and place is not None):
            continue
        if place is not None and place in actors:
            actors.remove(place)
        span = _sentence_span(tok)
        key = (tok.lemma_.lower(), tuple(actors), span)
        if key in seen:
            continue
        seen.add(key)
        events.append(
            LocalEvent(
                what=doc_text(doc)[span[0] : span[1]],
                trigger=_trigger_word(tok),
                span=span,
                actors=actors,
                place=place,
                place_text=place_text,
                date_start=resolved.start if resolved else None,
                date_end=resolved.end if resolved else None,
                date_precision=resolved.precision if resolved else "unknown",
                date_text=resolved.text if resolved else None,
                date_unresolved=resolved.unresolved if resolved else False,
            )
        )
    return events
