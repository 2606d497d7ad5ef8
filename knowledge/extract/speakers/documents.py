"""A document as the speaker: "the letter said", "the statement added", "according to a statement, the union …".

A letter or a statement says nothing by itself; a reader wants who issued it, and the document is the channel
(`via`). The rules follow only what the text shows:
- "the letter said" / "the statement added" (a definite document) continues the latest earlier claim, within
  reach, whose sentence names a document of that kind ("X said in a letter …", "he said in a statement"): its
  speaker issued it;
- "according to a statement, the union is seeking …" (an unowned statement or release, the kind an organisation
  issues about itself) is the subject of what it reports, when that subject is an organisation or a person the
  text resolves.
- "a U.N. report said", "the union's tally showed" (a document its owner names) is the owner's: the organisation
  or person named before the document's noun, the document kept as the channel.
Anything else (a report, whose author the text does not show) stays as written.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.spans import SENT_KEY, doc_text, sentence
from knowledge.extract.speakers.heads import entity_of
from knowledge.tuning import tuning

# a legal document is one kind under any of its names: "the lawsuit" after "Acme's complaint" is that complaint
LEGAL = frozenset("lawsuit suit complaint counterclaim countersuit motion petition filing".split())
# the papers that open a case: who filed them is said by a verb ("Acme sued", "Acme filed the lawsuit"), while a
# motion or a filing may come from either side of a case another party opened
SUITS = frozenset("lawsuit suit complaint counterclaim countersuit".split())
# what a court or a judge issues: "the ruling said", "the court order says" are the court's or the judge's words
RULINGS = frozenset("ruling order decision opinion judgment judgement verdict injunction".split())
# what a party files in a case beside the lawsuit itself: "the agency's appeal brief said", "said the questionnaire"
FILINGS = frozenset("brief questionnaire memorandum affidavit".split())
DOCUMENTS = frozenset("letter statement release memo email note notice communique communiqué post".split()) | LEGAL
DOCUMENTS |= RULINGS | FILINGS
# what brings a document into being: "Acme filed a lawsuit", "the union sent a letter"
BRINGING = frozenset("file bring launch lodge submit send issue release publish".split())
# what brings a lawsuit into being with no noun for it: "Acme sued Brill" makes "the lawsuit" Acme's
SUING = frozenset("sue countersue".split())
# what an organisation or a person issues about itself: "according to a statement, Acme will …" is Acme's word
OWN_WORD = frozenset("statement release communique communiqué".split())
# what a named owner issues: "a U.N. report", "the union's tally", "Acme's filing"
OWNED = DOCUMENTS | frozenset("report tally study survey audit analysis review count findings".split())
# "the airline in its lawsuit", "Acme in a statement": a speaker phrase that closes on the document it spoke in
_DOCUMENT_NOUNS = "|".join(sorted(OWNED))
_IN_DOCUMENT = re.compile(
    rf"\s+in\s+((?:its|his|her|their|the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_DOCUMENT_NOUNS})s?)\s*,?\s*$", re.I
)
# what a party speaks in: "In Acme's response, the company said" is Acme speaking in its own response
SPOKEN_IN = OWNED | frozenset("response reply answer rebuttal remarks comments testimony".split())
_DEFINITE = re.compile(r"^(?:the|this|that)\s+(?:[\w-]+[’']s\s+)?(?:[\w-]+\s+){0,2}?(\w+)$", re.I)
# the participles that follow a document's noun to say where, when or to whom it went, not what it is: "the suit
# filed in Ohio", "the letter sent to members on Monday", "the memo obtained by the Herald"
PLACING = frozenset("filed sent issued released submitted lodged published dated obtained seen reviewed".split())
_PLACED = re.compile(rf"\s+(?:{'|'.join(sorted(PLACING))})\s.*$", re.I)
_INDEFINITE = re.compile(r"^an?\s+(?:[\w-]+\s+){0,2}?(\w+)$", re.I)


def spoken_in(speaker: str) -> re.Match | None:
    """The document a speaker phrase closes on ("the airline in its lawsuit"): the channel, not part of who spoke."""
    return _IN_DOCUMENT.search(speaker)


def _noun(words: str | None, shape: re.Pattern) -> str | None:
    """The document noun heading `words` ("The lawsuit, filed in Ohio," and "the suit filed in Ohio" are lawsuits:
    the aside or the participle says where)."""
    m = shape.match(_PLACED.sub("", (words or "").split(",")[0].strip()))
    return m.group(1).lower() if m and m.group(1).lower() in DOCUMENTS else None


def issuers(claims: list[LocalClaim], ents: DocEntities, doc) -> list[LocalClaim]:
    """The claims with a document as speaker re-pointed at whoever issued it, the document kept as `via`."""
    if doc is None:
        return claims
    out = list(claims)
    for n, c in enumerate(out):
        noun = _noun(c.speaker, _DEFINITE)
        issuer: tuple[str, int | None] | None = _owner(c, ents, doc) if c.speaker_entity is None else None
        if issuer is None and noun in RULINGS:
            issuer = _court_author(ents)
        elif issuer is None and noun in SUITS:  # who filed a suit is said by its verb: read that before speakers
            issuer = _earlier_owner(c, noun, ents, doc) or _earlier_issuer(out, n, noun, doc)
        elif issuer is None and noun is not None:
            issuer = _earlier_issuer(out, n, noun, doc) or _earlier_owner(c, noun, ents, doc)
            issuer = issuer or _sole_issuer(out, n, noun, doc)
        elif issuer is None and c.cue_lemma == "according to" and _noun(c.speaker, _INDEFINITE) in OWN_WORD:
            issuer = _subject_of(c, ents, doc)
        if issuer is not None:
            channel = c.via or (c.speaker or "").split(",")[0]  # "The lawsuit, filed in Ohio,": the lawsuit
            out[n] = dataclasses.replace(c, speaker=issuer[0], speaker_entity=issuer[1], via=channel)
    return out


def _court_author(ents: DocEntities) -> tuple[str, int | None] | None:
    """Who issued "the ruling" or "the court order" when its words do not say: the one judge the text names, else
    the one court it names; two judges or two courts (a trial court and the appeals court) leave it as written.
    A party's appeal or reply is never taken for the ruling's author, so earlier speakers are not read."""
    judges = {i for i, roles in ents.roles.items() if "judge" in roles and ents.entities[i].type == "PERSON"}
    if judges:
        return _one(ents, judges)
    return _one(ents, {i for i, e in enumerate(ents.entities) if e.type == "ORG" and "court" in _words(e.name)})


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", name.lower())


def _one(ents: DocEntities, ids: set[int]) -> tuple[str, int | None] | None:
    """The one actor `ids` name, a shorter form of a name counted with it ("Gonzalez Rogers" and "Yvonne Gonzalez
    Rogers", "the Court" and "the Supreme Court"), the fullest name kept; None for none or two."""
    names = {i: _words(ents.entities[i].name) for i in ids}
    whole = {i for i in ids if not any(j != i and _ends(names[j], names[i]) for j in ids)}
    if len(whole) != 1:
        return None
    idx = whole.pop()
    return ents.entities[idx].name, idx


def _ends(full: list[str], short: list[str]) -> bool:
    return len(full) > len(short) and full[len(full) - len(short) :] == short


def _sentence_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return sentence(span[0]) if span is not None and len(span) else None


def _earlier_issuer(claims: list[LocalClaim], n: int, noun: str, doc) -> tuple[str, int | None] | None:
    """The speaker of the latest claim before claim `n`, within reach, whose sentence names a `noun`."""
    here = _sentence_at(doc, claims[n].context[0])
    if here is None:
        return None
    starts = doc.user_data[SENT_KEY]  # filled by `sentence`
    text = doc_text(doc)
    for c in sorted(claims[:n], key=lambda c: -c.context[0]):
        if c.context[0] >= claims[n].context[0] or not c.speaker or _noun(c.speaker, _DEFINITE):
            continue
        outer = claims[c.parent] if c.parent is not None and c.parent < len(claims) else None
        if outer is not None and (_noun(outer.speaker, _DEFINITE) or _noun(outer.via, _DEFINITE)):
            continue  # "X found that …, said the brief": X is reported in the document, not its issuer
        first = _sentence_at(doc, c.context[0])
        if first is None:
            continue
        if bisect_left(starts, here.start) - bisect_left(starts, first.start) > tuning().speaker_search_sentences:
            return None
        if _kind(noun) & {w.lower() for w in re.findall(r"\w+", text[first.start_char : first.end_char])}:
            return c.speaker, c.speaker_entity
    return None


def _sole_issuer(claims: list[LocalClaim], n: int, noun: str, doc) -> tuple[str, int | None] | None:
    """ "X said in a statement … [many sentences] … the statement added": beyond the reach of `_earlier_issuer`,
    the one speaker of every earlier claim whose sentence names a `noun`; two speakers there leave it as written."""
    text = doc_text(doc)
    found: dict[object, tuple[str, int | None]] = {}
    for c in claims[:n]:
        if c.context[0] >= claims[n].context[0] or not c.speaker or _noun(c.speaker, _DEFINITE):
            continue
        sent = _sentence_at(doc, c.context[0])
        words = {w.lower() for w in re.findall(r"\w+", text[sent.start_char : sent.end_char])} if sent else set()
        if _kind(noun) & words:
            found[c.speaker_entity if c.speaker_entity is not None else c.speaker] = (c.speaker, c.speaker_entity)
    return next(iter(found.values())) if len(found) == 1 else None


def _subject_of(c: LocalClaim, ents: DocEntities, doc) -> tuple[str, int | None] | None:
    span = doc.char_span(*c.content, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for tok in span.root.children:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        idx = _stands_for(tok, ents, ("ORG", "PERSON"))
        if idx is not None:
            words = doc_text(doc)[tok.left_edge.idx : tok.idx + len(tok.text)]
            return words, idx
    return None


def _owner(c: LocalClaim, ents: DocEntities, doc) -> tuple[str, int | None] | None:
    """ "a U.N. report", "The union's tally of results": the organisation or person named as the document's
    owner, by the possessive or the name before its noun."""
    at = doc_text(doc).find(c.speaker, c.context[0], c.context[1]) if c.speaker else -1
    if at < 0 or c.speaker is None:
        return None
    span = doc.char_span(at, at + len(c.speaker), alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    if root is None or root.lemma_.lower() not in OWNED:
        return None
    return _owner_of(root, ents, doc)


def brought_by(root, ents: DocEntities) -> int | None:
    """ "a lawsuit filed by Acme", "a letter sent by the union": the entity (or the resolved description) the
    participle that brought the document names as its agent, if an organisation or a person; else None."""
    for verb in root.children:
        if verb.dep_ != "acl" or verb.i < root.i or verb.lemma_.lower() not in BRINGING:
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            idx = next((_stands_for(o, ents, ("ORG", "PERSON")) for o in agent.children if o.dep_ == "pobj"), None)
            if idx is not None:
                return idx
    return None


def _owner_of(root, ents: DocEntities, doc) -> tuple[str, int | None] | None:
    brought = brought_by(root, ents)
    if brought is not None:
        return ents.entities[brought].name, brought
    for prep in root.children:  # "the statement from Acme", "a letter by the union's lawyers"
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by") and prep.i == root.i + 1:
            idx = next((_stands_for(o, ents, ("ORG", "PERSON")) for o in prep.children if o.dep_ == "pobj"), None)
            if idx is not None:
                return ents.entities[idx].name, idx
    for tok in root.children:
        if tok.dep_ not in ("poss", "compound", "nmod") or tok.i > root.i:
            continue
        idx = _stands_for(tok, ents, ("ORG", "PERSON", "GPE"))
        if idx is not None:
            return ents.entities[idx].name, idx
        if tok.dep_ == "poss" and tok.pos_ == "NOUN":  # "the opposition's tally": its owner in its own words
            return doc_text(doc)[tok.left_edge.idx : tok.idx + len(tok.text)], None
    return None


def _stands_for(tok, ents: DocEntities, types: tuple[str, ...]) -> int | None:
    """The entity `tok` names or refers to (a pronoun or description the speakers pass resolved), if of `types`."""
    ref = ents.referents.get(tok.i)
    idx = ref.entity if ref is not None else entity_of(ents, tok)
    return idx if idx is not None and ents.entities[idx].type in types else None


def _kind(noun: str) -> frozenset[str]:
    return LEGAL if noun in LEGAL else frozenset({noun})


def _earlier_owner(c: LocalClaim, noun: str, ents: DocEntities, doc) -> tuple[str, int | None] | None:
    """ "The lawsuit claims …" after "Acme filed a lawsuit" or "the Acme complaint": the owner of the latest
    earlier mention of that kind of document, within reach — named before its noun, or the subject that brought
    it (`BRINGING`)."""
    text = doc_text(doc)
    at = text.find(c.speaker or "", c.context[0], c.context[1])
    at = at if at >= 0 else c.context[0]  # an "it" resolved to the document: its words stand earlier
    here = _sentence_at(doc, c.context[0])
    if here is None:
        return None
    starts = doc.user_data[SENT_KEY]  # filled by `sentence`
    # a definite document reaches as far back as a definite description of an organisation does: a story names
    # who sued in its lede and says "the suit" many sentences on
    reach = starts[max(0, bisect_left(starts, here.start) - tuning().org_description_search_sentences)]
    kind = _kind(noun)
    for tok in reversed(doc[reach : here.end]):  # the sentences within reach only, nearest mention first
        if tok.idx >= at:
            continue
        if kind is LEGAL and tok.pos_ == "VERB" and tok.lemma_.lower() in SUING:  # "Acme and Brill sued Galen"
            found = _subject_party(tok, ents, doc)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in kind:
            found = _owner_of(tok, ents, doc) or _bringer(tok, ents, doc)
        else:
            continue
        if found is not None:
            return found
    return None


def _bringer(noun, ents: DocEntities, doc) -> tuple[str, int | None] | None:
    """Who filed, sent or issued the document `noun` is the object of ("Acme filed a lawsuit"), or who acted in it
    ("In a second filing, the companies sued Galen")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB" and verb.i < verb.head.i:
        return _subject_party(verb.head, ents, doc)
    if noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in BRINGING:
        return None
    return _subject_party(verb, ents, doc)


def _subject_party(verb, ents: DocEntities, doc) -> tuple[str, int | None] | None:
    """The party the subject of `verb` names: an entity, a description or pronoun the speakers pass resolved, or
    parties joined by "and", in the text's own words ("Acme and Brill sued")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    joined = [c for c in subject.children if c.dep_ == "conj"]
    if joined and all(_stands_for(t, ents, ("ORG", "PERSON", "GPE")) is not None for t in (subject, *joined)):
        last = max(joined, key=lambda t: t.i).right_edge
        return doc_text(doc)[subject.left_edge.idx : last.idx + len(last.text)], None
    ref = ents.referents.get(subject.i)
    if ref is not None and ref.entity is None and not joined:
        return ref.text, None  # "the companies", resolved to the parties in the text's own words
    idx = _stands_for(subject, ents, ("ORG", "PERSON", "GPE"))
    return (ents.entities[idx].name, idx) if idx is not None else None
