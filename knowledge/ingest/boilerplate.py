"""Web boilerplate in plain text: sharing widgets, prev/next teasers, comment forms, glued navigation.

Copy-pasted or scraped articles carry the page around them. A trailing block is cut only from a marker line on,
and only when everything after the marker looks like page furniture (short lines, markers, teaser headlines);
a real paragraph after it means the marker was article text, and nothing is cut. The rules are data below.
"""

from __future__ import annotations

import re
import unicodedata

# A line that starts page furniture at the end of an article.
TRAILING_MARKERS = [
    r"share (this|the) (article|story|post)",  # sharing widgets
    r"shareable url",
    r"(prev|previous) (post|article)",  # navigation to neighbouring posts
    r"next (post|article)",
    r"leave a (reply|comment)",  # comment forms
    r"your email address will not be published",
    r"required fields are marked",
    r"read (next|more)",  # teaser lists
    r"related( articles| stories| posts)?:?",
    r"more from .{0,40}",
    r"subscribe to (our|the) newsletter",
    r"sign up for .{0,40}newsletter",
    r"advertisement",
    r"(we use )?cookies?( policy| settings)?",
    r"(tags|filed under):.*",
    r"follow us on .*",
]
_MARKER = re.compile(r"^\s*(" + "|".join(TRAILING_MARKERS) + r")\s*\.?\s*$", re.I)
# Navigation text glued to the first sentence: "Read nextU.S. Special Envoy ..." or "Read next: The ...".
_LEAD_NAV = re.compile(r"^\s*(read next|read more|advertisement|skip to (main )?content)\s*[:\-–—]?\s*", re.I)
MAX_FURNITURE_LINE = 120  # teaser headlines are short; article paragraphs are not


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _looks_like_furniture(lines: list[str]) -> bool:
    """Short lines only: markers, teaser headlines, button labels. A full paragraph is article text."""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) > MAX_FURNITURE_LINE:
            return False
        if stripped.endswith((".", "!", "?", "”", '"')) and len(stripped.split()) > 12 and not _MARKER.match(stripped):
            return False
    return True


def _cut_trailing(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i > 0 and _MARKER.match(line) and _looks_like_furniture(lines[i + 1 :]):
            return "\n".join(lines[:i]).rstrip()
    return text


def _cut_lead(text: str) -> str:
    match = _LEAD_NAV.match(text)
    if match and len(text) > match.end() and (text[match.end()].isupper() or text[match.end()] in "“\"'"):
        return text[match.end() :]
    return text


def strip_boilerplate(text: str) -> str:
    text = normalize(text)
    previous = None
    while previous != text:
        previous = text
        text = _cut_lead(_cut_trailing(text)).strip()
    return text
