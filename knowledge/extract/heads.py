"""Who a speaker phrase names, read off its head word: "Union leader Sami Rask" is Rask, "aides to X" nobody named.

Kept apart from `speakers` (which resolves anaphors) because claims read named speakers directly.
"""

from __future__ import annotations

from knowledge.extract.entities import DocEntities
from knowledge.extract.spans import doc_text


def entity_of(ents: DocEntities, tok) -> int | None:
    for s, e, idx in ents._spans:
        if s <= tok.idx < e and ents.entities[idx].type in ("PERSON", "ORG", "GPE"):
            return idx
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
    idx = entity_of(ents, root)
    if idx is not None:
        return True, idx
    for child in root.children:
        if child.dep_ == "appos" and src.start <= child.i < src.end:
            idx = entity_of(ents, child)
            if idx is not None and ents.entities[idx].type == "PERSON":
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
