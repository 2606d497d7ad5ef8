"""Web boilerplate in plain text: sharing widgets, prev/next teasers, comment forms, glued navigation.

Copy-pasted or scraped articles carry the page around them. A trailing block is cut only from a marker line on,
and only when everything after the marker looks like page furniture (short lines, more markers, teaser headlines);
a real paragraph after it means the marker was article text, and nothing is cut. When in doubt, text is kept:
losing a sentence of the article is worse than keeping a "Share this article" line. The rules are data below.
"""

from __future__ import annotations

import re
import unicodedata

# A whole line that starts page furniture at the end of an article (matched case-insensitively, an optional
# trailing "." or ":" allowed). Everything from the first such line on is cut if the rest is furniture too.
TRAILING_MARKERS = [
    r"share (this|the) (article|story|post|page)",  # sharing widgets
    r"share( this)?",  # WordPress "Share this:"
    r"share on (facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email)",
    r"shareable (url|link)",
    r"copy link",
    r"(prev|previous) (post|article|story)",  # links to neighbouring posts, each followed by a teaser headline
    r"next (post|article|story)",
    r"leave a (reply|comment)",  # comment forms
    r"(\d+ )?comments?",
    r"your email address will not be published\.?( required fields are marked \*?)?",
    r"required fields are marked \*?",
    r"read (next|more|also)",  # teaser lists
    r"related( articles| stories| posts| news| coverage)?",
    r"related: .{1,150}",  # "Related: <teaser headline>"
    r"you (may|might) also like",
    r"more (from|on) .{1,40}",
    r"most (read|popular)",
    r"recommended( for you)?",
    r"subscribe to (our|the) newsletter",
    r"sign up for .{0,40}newsletter",
    r"advertisement",
    r"(tags|filed under|topics): .{0,150}",
    r"follow us on .{0,60}",
    r"(we use |this (web)?site uses )?cookies?( policy| settings| preferences)?",
]
_MARKER = re.compile(r"^\s*(" + "|".join(TRAILING_MARKERS) + r")\s*[.:]?\s*$", re.I)

# Lines dropped wherever they stand: ad slots, cookie and consent banners and "Read more: <headline>" links are
# never article text. Each must match the whole line, so a sentence that mentions cookies or ads is untouched.
STANDALONE_LINES = [
    r"advertisement|sponsored( content)?",  # ad slot labels
    r"(skip|jump) to (main )?content",  # accessibility link at the top of every page
    r"(we|this (web)?site|our (web)?site) uses? cookies\b.{0,200}",  # "We use cookies to improve your experience."
    r"by (continuing|using|browsing)( to (use|browse))? (this|our) (web)?site\b.{0,160}",  # consent banner text
    r"(accept|reject|decline|allow|manage|customi[sz]e) (all( cookies)?|cookies|consent( preferences| settings)?"
    r"|(cookie )?preferences|cookie settings)",  # consent buttons
    r"(cookie|privacy|consent) (settings|preferences|choices|options|policy)",
    r"we value your privacy|your privacy choices|do not sell( or share)? my personal information",
    # A link to another story between paragraphs: a label and a headline (no final period, so not a sentence).
    r"(read more|read also|related|see also|more on this( story)?): (?!.*[.!?”\"]\s*$).{1,150}",
]
_STANDALONE = re.compile(r"^\s*(" + "|".join(STANDALONE_LINES) + r")\s*[.:]?\s*$", re.I)

# Links to the neighbouring posts: the next non-empty line is that post's headline, whatever it ends with.
_TEASER_INTRO = re.compile(r"^\s*(prev|previous|next) (post|article|story)\s*[.:]?\s*$", re.I)

# Navigation glued to the lead by a scraper: "Read nextU.S. Special Envoy ..." or "Read next: The ...".
# Only cut when the real text after it starts like a sentence (capital letter, digit or opening quote).
_LEAD_NAV = re.compile(
    r"^\s*(read next|read more|read also|advertisement|skip to (main )?content)\s*[:\-–—|]?\s*", re.I
)
# Navigation glued to the end of the last sentence: "...remains to be seen.Read next".
_TAIL_NAV = re.compile(r"(?<=[.!?”\"’)])\s*(read next|read more|share this article)\s*$", re.I)

MAX_FURNITURE_LINE = 150  # teaser headlines and button labels are short; article paragraphs are not
MAX_QUESTION_WORDS = 16  # a teaser headline may end in "?"; a longer question is taken for article text
SENTENCE_END = (".", "!", "”", '"', "’", "…", ".)")  # how article sentences end; teaser headlines usually don't


def normalize(text: str) -> str:
    """NFC, \\n line ends, no trailing spaces, at most one blank line in a row, no outer whitespace."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _is_furniture_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or _MARKER.match(stripped) or _STANDALONE.match(stripped):
        return True
    if len(stripped) > MAX_FURNITURE_LINE:
        return False
    if stripped.endswith(SENTENCE_END) and len(stripped.split()) >= 3:
        return False  # a sentence, so article text (a teaser headline has no final period)
    if stripped.endswith("?") and len(stripped.split()) > MAX_QUESTION_WORDS:
        return False
    return True


def _is_furniture_block(lines: list[str]) -> bool:
    """True when every line is furniture; a headline right after "Prev Post"/"Next Post" counts as furniture."""
    after_intro = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        headline = after_intro and len(stripped) <= MAX_FURNITURE_LINE
        after_intro = bool(_TEASER_INTRO.match(stripped))
        if not headline and not _is_furniture_line(stripped):
            return False
    return True


def _cut_trailing(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i > 0 and _MARKER.match(line) and _is_furniture_block(lines[i:]):
            return "\n".join(lines[:i]).rstrip()
    return text


def _cut_lead(text: str) -> str:
    match = _LEAD_NAV.match(text)
    if match and len(text) > match.end():
        first = text[match.end()]
        label, gap = match.group(1).lower(), text[match.end(1) : match.end()]
        if gap == " " and label in ("read more", "read also"):
            return text  # "Read More Books, Library Urges" may be a headline; glued or set apart, it is navigation
        if first.isupper() or first.isdigit() or first in "“\"‘'":
            return text[match.end() :]
    return text


def _drop_standalone(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _STANDALONE.match(line))


def strip_boilerplate(text: str) -> str:
    """The article text without page furniture: whole furniture lines, plus navigation glued to the first or last
    sentence. Words of the article are never changed, only whitespace is normalized; rules repeat until stable
    because cutting one layer (a trailing block) can expose another (a glued "Read next")."""
    text = normalize(text)
    previous = None
    while previous != text:
        previous = text
        text = normalize(_TAIL_NAV.sub("", _cut_lead(_cut_trailing(_drop_standalone(text)))))
    return text
