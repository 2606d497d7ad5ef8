"""Names a title-case headline glues to its verbs and nouns: "Acme Denies Breaching Court Order", "Judge Presses
Acme to Settle", "Court Upholds Ban". Capitalised words make the tagger draw one name over the actor and the words
around it ("Acme Denies Breaching Court Order" an organisation, "Presses Acme" a person), and since the body's
"Acme" begins that longer name, it joins it and the actor is printed under the headline's words.

A page repeats its headline and prints sub-headlines inside the body, so this is read on every headline-shaped
line, not only the first. The rule follows what the body shows: a name drawn in a title-case headline line is cut
to the longest run of its words, at its start or its end, that the body (the lines written as sentences) uses as
a name of its own; the body's label goes with it ("Presses Acme" is the organisation Acme). A headline name the
body never uses otherwise stays as drawn.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from knowledge.extract.name_parts import ORG_PARTS
from knowledge.extract.parse.spans import doc_text
from knowledge.names import ROLE_NOUNS, name_key
from knowledge.text.headline import is_headline

# words a title-case headline writes in lower case ("Court Order in Acme Lawsuit", "Sell or Shut Down by Sunday")
_MINOR = frozenset("a an and as at but by for from in into of on or over the to up vs with".split())
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# the share of a line's other words written with a capital for the line to be a title-case headline
_TITLE_SHARE = 0.75


def _title_case(line: str) -> bool:
    """A headline-shaped line whose words are capitalised, as headlines and sub-headlines write them."""
    if not is_headline(line):
        return False
    words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def headline_cut(doc: Doc, cands: list) -> list:
    """Candidates (name, label, start, end, span) with names drawn in title-case headline lines cut to the part
    the body names on its own (see the module docstring)."""
    text = doc_text(doc)
    in_title = [_title_case(_line_of(text, start)) for _, _, start, _, _ in cands]
    body = {name_key(name): label for (name, label, *_), title in zip(cands, in_title) if not title}
    prose = "\n".join(line for line in text.split("\n") if not _title_case(line))
    out = []
    for cand, title in zip(cands, in_title):
        name, label, start, end, span = cand
        if not title or name_key(name) in body:
            out.append(cand)
            continue
        part = _body_part(span, body, prose)
        if part is None:
            out.append(cand)
            continue
        out.append((part.text, body.get(name_key(part.text), label), part.start_char, part.end_char, part))
    return out


def _drops_part(span: Span, part: Span) -> bool:
    """Would the cut drop a word naming a part of an organisation or its people ("Kestrel Union Says …": the
    union is not Kestrel)?"""
    return any(t.lower_ in ORG_PARTS for t in span if not part.start <= t.i < part.end)


def _body_part(span: Span, body: dict[str, str], prose: str) -> Span | None:
    """The longest run of `span`'s words, from its start or to its end, that the body uses as a name: one the
    tagger drew there; else the same capitalised words written there (the tagger may miss in the body a name it
    drew in a headline), never a title ("Judge") the body writes before a name."""
    parts = [p for k in range(len(span) - 1, 0, -1) for p in (span[:k], span[len(span) - k :])]
    parts = [p for p in parts if p[0].is_alpha and (p[0].is_title or p[0].is_upper) and not _drops_part(span, p)]
    found = next((p for p in parts if name_key(p.text) in body), None)
    if found is not None:
        return found
    return next(
        (
            p
            for p in parts
            if not {t.lower_ for t in p} & ROLE_NOUNS and re.search(rf"(?<![\w-]){re.escape(p.text)}(?![\w-])", prose)
        ),
        None,
    )
