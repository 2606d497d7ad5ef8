"""Who a speaker phrase names, read off its head word ("Union leader Sami Rask" is Rask, "aides to X" nobody
named), and which of several people sharing a surname a bare "Holt" is.

Kept apart from `speakers` (which resolves anaphors) because claims read named speakers directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.spans import doc_text, sentence
from knowledge.extract.speakers.org_words import ORG_NOUNS
from knowledge.extract.speakers.person_words import HONORIFICS, PERSON_NOUNS


@dataclass
class Referent:
    """What an anaphor stands for: an entity of the document, or the words of an unnamed person."""

    entity: int | None
    text: str


@dataclass
class _Mention:
    """Somebody a pronoun or a title may stand for, where the text names them (`anaphora`)."""

    start: int
    end: int
    sent: int
    subject: int  # 2 the subject of a speech verb, 1 another subject, 0 any other role
    number: str
    entity: int | None  # an entity index, or None for an unnamed person ("a ministry spokesman")
    text: str
    roles: set[str] = field(default_factory=set)
    gender: str | None = None  # only for unnamed people; a named person's gender is the entity's


def entity_of(ents: DocEntities, tok) -> int | None:
    for s, e, idx in ents._spans:
        if s <= tok.idx < e and ents.entities[idx].type in ("PERSON", "ORG", "GPE"):
            return idx
    return None


def title_chain(span) -> str:
    """The words right before a person's name that describe them, as one phrase: "Acme president and CEO" in
    "Acme president and CEO Ana Ruiz" (names, nouns, adjectives, "and", hyphens; six words at most, on the name's
    own line), which ties the roles in it to the organisation named there. Empty unless a title in the singular
    stands right before the name ("told reporters Trump" gives Trump no role)."""
    doc = span.doc
    i = span.start - 1
    elect = i >= 2 and doc[i].lower_ == "elect" and doc[i - 1].text == "-" and doc[i - 2].lower_ in PERSON_NOUNS
    if i < 0 or not elect and (doc[i].lower_ not in PERSON_NOUNS or doc[i].tag_ not in ("NN", "NNP")):
        return ""  # a title, or one chosen for it: "President-elect Ana Ruiz"
    while (
        i >= 0
        and span.start - i <= 6
        and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ") or doc[i].lower_ == "and" or doc[i].text == "-")
        and "\n" not in doc[i].whitespace_
    ):
        i -= 1
    return doc[i + 1 : span.start].text


def _two_people(ents: DocEntities, src) -> bool:
    """Does the speaker phrase join two different people by "and"?"""
    inside = {i for s, e, i in ents._spans if src.start_char <= s and e <= src.end_char}
    people = {i for i in inside if ents.entities[i].type == "PERSON"}
    return len(people) >= 2 and any(t.lower_ == "and" for t in src)


def _listed(tok, root) -> bool:
    """Is `tok` the phrase's head or an item listed with it ("A, B and C": conjuncts, or the appositives and
    modifiers a comma list of names is often parsed as)?"""
    while tok.i != root.i:
        if tok.dep_ not in ("conj", "appos", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _joined_actors(ents: DocEntities, root) -> bool:
    """ "Acme, Brill, Jane Roe's X and Nine Group said": actors the parse joins as conjuncts of the phrase's head
    said it together; pinning the words on the last (or the first) of them would print a wrong name."""
    if not any(t.dep_ == "cc" for t in root.subtree):
        return False
    heads = [t for t in root.subtree if _listed(t, root)]
    actors = {entity_of(ents, t) for t in heads}
    return len({i for i in actors if i is not None and ents.entities[i].type in ("PERSON", "ORG")}) >= 2


def _possessor(root, src=None) -> bool:
    """ "The Coastal League’s (CL) legal department said": the parser may read the noun after an apostrophe as an
    appositive of the name, or leave the name and the noun as two heads of the phrase; the speaker is that
    department (a union, a board, a lawyer), which the name only owns."""
    last = src[-1] if src is not None and len(src) else None
    if (
        last is not None
        and last.i > root.i
        and any(c.dep_ == "case" and c.text in ("’", "'", "’s", "'s") for c in root.children)
        and last.tag_ == "NN"
        and (last.lemma_.lower() in ORG_NOUNS or last.lower_ in PERSON_NOUNS)
        and not last.ent_type_
    ):
        return True
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > root.i:
            between = root.doc[root.right_edge.i if root.right_edge.i < c.i else root.i : c.left_edge.i]
            if any(t.text in ("’", "'", "’s", "'s") for t in between) and not any(t.text == "," for t in between):
                return True
    return False


def glued_organisation(doc, ents: DocEntities, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "In the letter, signed by A and Meyumi Ito, chair of its committee, Nine & X said": a person is never an
    organisation, so an organisation parsed as her appositive, set off by a comma and ending the speaker phrase
    right before the cue, is the subject the parser glued her to: the speaker (its offsets), else None."""
    src = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None and span else None
    if src is None or len(src) < 3:
        return None
    idx = entity_of(ents, src.root)
    if idx is None or ents.entities[idx].type != "PERSON":
        return None
    last = src[-1] if not src[-1].is_punct else src[-2]
    for c in src.root.children:
        if c.dep_ != "appos" or c.i < src.root.i or c.right_edge.i != last.i or doc[c.left_edge.i - 1].text != ",":
            continue
        org = entity_of(ents, c)
        if org is not None and ents.entities[org].type == "ORG":
            return c.left_edge.idx, last.idx + len(last.text)
    return None


def head_entity(doc, ents: DocEntities, span: tuple[int, int] | None) -> tuple[bool, int | None]:
    """(decided, entity) for a named speaker phrase, from its head word: "Union leader Sami Rask" is Rask, "the
    ministry's spokesperson, Omar Said" is Said (an appositive name), "aides to Keith Kellogg" and "Russian
    officials" are nobody named, though a name sits inside them. Undecided when the parse gives no common-noun or
    named head (the caller then reads the words)."""
    if doc is None or span is None:
        return False, None
    src = doc.char_span(span[0], span[1], alignment_mode="expand")
    if src is None or not len(src):
        return False, None
    root = src.root
    if _two_people(ents, src) or _joined_actors(ents, root):
        return True, None  # "X and Y told reporters": both said it, neither alone
    idx = entity_of(ents, root)
    if idx is not None:
        return (True, None) if _possessor(root, src) else (True, idx)
    for child in root.children:
        if child.dep_ == "appos" and src.start <= child.i < src.end:
            idx = entity_of(ents, child)
            kind = ents.entities[idx].type if idx is not None else None
            # "the union, the Guild of Harbour Pilots,": a description naming itself, unless it is a person's
            # role ("the spokesman, Acme," is not Acme)
            if kind == "PERSON" or kind == "ORG" and root.lemma_.lower() in ORG_NOUNS:
                return True, idx
    if root.pos_ not in ("NOUN", "PRON"):
        return False, None
    # "A spokesman for the ministry, Idris Numan": a name set off by a comma at the end is the speaker's
    text = doc_text(doc)
    end = span[0] + len(text[span[0] : span[1]].rstrip(" ,.’'s"))
    for s, e, i in ents._spans:
        if span[0] <= s and e == end and ents.entities[i].type == "PERSON" and text[:s].rstrip().endswith(","):
            return True, i
    return True, None


def shared_surname(doc, ents: DocEntities, src) -> Referent | None:
    """ "Holt said" where the article named both Ana Holt and Ben Holt: the one named most recently before, unless
    an honorific says otherwise."""
    words = [t for t in src if not t.is_punct]
    honorific = HONORIFICS.get(words[0].lower_) if len(words) == 2 else None
    if not (len(words) == 1 or honorific) or not words[-1].is_title:
        return None
    last = words[-1].lower_
    people = [
        i
        for i, e in enumerate(ents.entities)
        if e.type == "PERSON" and len(e.name.split()) >= 2 and e.name.split()[-1].lower() == last
    ]
    if len(people) < 2:
        return None
    genders = ents.genders
    best, best_at = None, -1
    for s, _e, idx in ents._spans:
        if idx not in people or s >= src.start_char or s <= best_at:
            continue
        if honorific is None or genders.get(idx) in (None, honorific):
            best, best_at = idx, s
    if best is not None and honorific is None:
        here = sentence(doc.char_span(best_at, best_at + 1, alignment_mode="expand")[0]).start
        for s, _e, idx in ents._spans:
            if idx != best and idx in people and s < src.start_char:
                if sentence(doc.char_span(s, s + 1, alignment_mode="expand")[0]).start == here:
                    # "Mr Arif Khan and Mrs Leila Khan were arrested. Khan said": either of them, so as written
                    return Referent(None, src.text)
    return Referent(best, ents.entities[best].name) if best is not None else None
