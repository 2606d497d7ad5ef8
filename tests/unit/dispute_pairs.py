"""The disputes an analysis finds in a text written here, as (claim words, rebuttal words) pairs."""

from __future__ import annotations

from datetime import datetime

from knowledge.extract.pipeline import analyze_doc


def pairs(nlp, text: str) -> list[tuple[str, str]]:
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))

    def quote(c) -> str:
        return text[c.content[0] : c.content[1]]

    return [(quote(a.claims[d.claim]), quote(a.claims[d.other])) for d in a.disputes]
