"""An organisation's name written again where the tagger missed it: "Nine & X said …" after the tagger found
"Nine & X" once. Within one article a name means one thing (one sense per discourse), so a later occurrence of
the very spelling of an organisation already found — whole tokens, same capitals, outside every tagged span — is
another mention of it. Without it, an untagged repeat reads as an unknown proper noun, and "the company said"
after it cannot tell which organisation is meant."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from spacy.attrs import IDX, LENGTH

from knowledge.extract.analysis import LocalEntity
from knowledge.extract.parse.spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc


class LinkableEntities(Protocol):
    """What this module needs of `entities.DocEntities` (named here, not imported: entities imports us)."""

    entities: list[LocalEntity]
    _spans: list[tuple[int, int, int]]

    def link(self, idx: int, name: str, start: int, end: int, variant: bool = True) -> None: ...


def link_repeats(doc: Doc, ents: LinkableEntities) -> None:
    """Link every untagged whole-token occurrence of an organisation's spelling (two characters or more, starting
    with a capital) to that organisation."""
    text = doc_text(doc)
    offsets = doc.to_array([IDX, LENGTH]).tolist()  # one array, not a Token object per word
    starts = {start for start, _ in offsets}
    ends = {start + length for start, length in offsets}
    taken = sorted((s, e) for s, e, _ in ents._spans)
    spellings = {
        v: idx
        for idx, ent in enumerate(ents.entities)
        if ent.type == "ORG"
        for v in {ent.name, *ent.variants}
        if len(v) >= 2 and v[0].isupper()
    }
    for spelling, idx in sorted(spellings.items(), key=lambda kv: -len(kv[0])):  # the longest spelling first
        for m in re.finditer(re.escape(spelling), text):
            s, e = m.span()
            if s in starts and e in ends and not any(a < e and s < b for a, b in taken):
                ents.link(idx, spelling, s, e, variant=False)
                taken.append((s, e))


# "the National Electoral Council (CNE)", "The Organization of American States’ (OAS)": initials in brackets right
# after an organisation's name are that organisation's short name for the rest of the article.
_ACRONYM = re.compile(r"(?:['’]s?)?\s*\(([A-Z][A-Z.&]{1,8})\)")


def acronyms(text: str, candidates: list) -> dict[str, str]:
    """Initials the text defines for an organisation's name: {"CNE": "National Electoral Council"}."""
    out: dict[str, str] = {}
    for name, label, _start, end, _span in candidates:
        m = _ACRONYM.match(text, end) if label == "ORG" else None
        if m and sum(ch.isupper() for ch in m.group(1)) >= 2 and m.group(1) != name:
            out.setdefault(m.group(1), name)
    return out
