"""Names the tagger cut or mislabelled, mended from what stands around them: a role noun before a name ("ministry
spokesperson Ravi Anand" is a person, whatever label the name got) and a full name cut short ("Maria Corina" tagged a
person, "Machado" after it left out). Kept apart from `entities`, which reads these repairs."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def after_role(span: Span, role_nouns: set[str]) -> Span | None:
    """The name after a person's role noun, in or right before a span tagged as an organisation ("ministry
    spokesperson Ravi Anand" → "Ravi Anand"): two or three capitalised proper nouns ending the span name the
    role's holder."""
    doc = span.doc
    roles = [t.i for t in doc[max(span.start - 1, 0) : span.end] if t.lower_ in role_nouns]
    if not roles:
        return None
    rest = doc[max(roles[-1] + 1, span.start) : span.end]
    return rest if 2 <= len(rest) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in rest) else None


def cut_short_names(doc: Doc, cands: list) -> list:
    """A two-word person name followed straight away by one capitalised proper noun no entity covers ("Maria
    Corina Machado" tagged as "Maria Corina"): the name goes on to it, unless that word heads a place."""
    covered = {i for *_, span in cands for i in range(span.start, span.end)}
    out = []
    for name, label, start, end, span in cands:
        nxt = doc[span.end] if span.end < len(doc) else None
        if (
            label == "PERSON"
            and len(span) >= 2
            and nxt is not None
            and nxt.i not in covered
            and doc[span.end - 1].whitespace_ == " "
            and nxt.is_title
            and nxt.pos_ == "PROPN"
            and nxt.lower_ not in PLACE_HEADS
        ):
            span = doc[span.start : span.end + 1]
            name, end = span.text, span.end_char
        out.append((name, label, start, end, span))
    return out


# "Victoria Station", "Charlotte Street": a given name before one of these heads names a place, not a person.
PLACE_HEADS = frozenset(
    "street road avenue square station airport bridge river lake bay island islands falls valley city county "
    "park port harbour harbor hall house centre center university college school hospital hill hills mountains "
    "tower".split()
)
