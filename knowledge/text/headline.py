"""What a headline line is: one rule for the three places that ask.

Ingestion takes a file's first line for its title when it is a headline; extraction leaves a headline's claims and
events to the body, where the wording is complete; furniture masking treats the headlines listed under a teaser
label ("Read next", "Related stories") as page furniture. All three ask the same question of one line — is it a
headline rather than a sentence or the lead-in to one — and used to answer it three slightly different ways.

A headline is short and does not end the way a sentence does (".", "!") or the way a lead-in does (":", ","). A
question mark, a closing quotation mark and a semicolon do end headlines: "Who is Keith Kellogg?", a quoted
headline, and the "headline; deck" form many papers print.
"""

from __future__ import annotations

MAX_HEADLINE = 150  # characters, stripped; article paragraphs are longer, the longest real headlines shorter
NOT_HEADLINE_ENDS = (".", "!", ":", ",")


def is_headline(line: str) -> bool:
    """A short line (non-empty, under `MAX_HEADLINE` characters once stripped) that ends neither a sentence nor a
    lead-in."""
    stripped = line.strip()
    return 0 < len(stripped) < MAX_HEADLINE and not stripped.endswith(NOT_HEADLINE_ENDS)


def first_line_headline(text: str) -> str | None:
    """The first line of `text`, stripped, when it is a headline with more text below it; else None."""
    first, sep, _ = text.partition("\n")
    return first.strip() if sep and is_headline(first) else None
