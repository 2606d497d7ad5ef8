"""Possessives the parser misreads: a bare apostrophe after a name in -s."""

from __future__ import annotations


def bare_possessor(doc, first: int) -> set[int]:
    """ "Hastings’ hand-picked board": a possessive written as a bare apostrophe after a name in -s, which the
    parser often takes for a closing quote and hangs elsewhere; the possessor belongs to the phrase it opens."""
    if first < 2:
        return set()
    mark, owner = doc[first - 1], doc[first - 2]
    if mark.text not in ("’", "'") or owner.whitespace_ or not owner.text.endswith("s") or not owner.text[:1].isupper():
        return set()
    if doc[first].lower_ in ("the", "a", "an") or any(t.text in ("‘", "'") for t in mark.sent if t.i < owner.i):
        return set()  # "… to the Philippines’ the minister said": the mark closes a quote
    return {first - 2, first - 1}
