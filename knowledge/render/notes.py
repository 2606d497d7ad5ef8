"""Numbered source notes for summary lines: one note per document, shared by every line that cites it.

A summary is read in seconds, so a line carries short marks ([1][2]) and the notes say where each document came
from (outlet, date, title, link); the exact quoted words stay in the details and the Sources view. At most
`PER_LINE` marks per line (the original reports first); the rest of a storyline's documents are counted, not
listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.brief.model import CitationRef, SummaryLine

PER_LINE = 3


@dataclass
class Note:
    number: int
    citation: CitationRef  # the first citation of the document: outlet, date, title, URL
    siblings: list[CitationRef] = field(default_factory=list)  # the citations of the line that first cited it

    @property
    def when(self) -> str:
        c = self.citation
        return c.published_at.strftime("%-d %b %Y") if c.published_at else "date unknown"


def number(
    lines: list[SummaryLine], first: Sequence[CitationRef] = (), per_line: int = PER_LINE
) -> tuple[list[tuple[list[int], int]], list[Note], list[int]]:
    """(marks per line, notes, notes for `first`): document numbers in order of first use; `first` (the identity's
    citations) are numbered before the lines."""
    notes: list[Note] = []
    by_doc: dict[str, Note] = {}

    def mark(c: CitationRef, siblings: Sequence[CitationRef]) -> int:
        if c.document_id not in by_doc:
            by_doc[c.document_id] = Note(len(notes) + 1, c, list(siblings))
            notes.append(by_doc[c.document_id])
        return by_doc[c.document_id].number

    head = list(dict.fromkeys(mark(c, first) for c in first))
    marks = []
    for line in lines:
        docs = list(dict.fromkeys(c.document_id for c in line.citations))
        chosen = [next(c for c in line.citations if c.document_id == d) for d in docs[:per_line]]
        marks.append(([mark(c, line.citations) for c in chosen], max(0, len(docs) - per_line)))
    return marks, notes, head


def same_text(a: str, b: str) -> bool:
    """Whether two lines say the same words (so the second is shown as a source note only)."""
    return " ".join(a.split()).strip(' .“”"').casefold() == " ".join(b.split()).strip(' .“”"').casefold()
