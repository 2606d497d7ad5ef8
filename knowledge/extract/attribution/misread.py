"""Attributions whose words the parse most likely took from the wrong clause: kept as attributions (PolNeAR's
figures read them as they are), never made into claims, because a briefing would print the wrong words as
someone's.

English news puts a report after what was said in one shape only: the words, a comma (or the closing quote of a
quotation), then the speaker and the verb ("The plan is fair, the minister said"; "“We will win,” the coach said";
"Prices rose, according to a survey"; "The leak was first reported by the Courier"). When the words before a cue
are joined to it by anything else, the cue has words of its own and the clause before it is the writer's:
- a semicolon, colon, dash or opening parenthesis: "Farm groups condemned the tariff; city councils railed
  against it", "She is boxed in by her past: she backed the deal", "… — a sign, some residents believe, that …";
- no punctuation but a speaker between: "grew faster than many economists expected", "the worst of it is that
  she doesn't believe it", "firms that the regulator criticized".
A speaker whose words hold the cue or the words said is a sentence the parse could not split, not a speaker.
A content that opens a parenthesis it does not close ("Unemployment fell (the figure is disputed, according to
union records)") runs from inside a parenthesis out of it: the aside's report is about the aside.
"""

from __future__ import annotations

import re

from knowledge.extract.attribution.record import Attribution

# what may open the stretch between the words said and the cue (or its speaker) that follows them: a comma, or
# the closing quote of the quotation itself, perhaps after the quotation's own last stop ('… humanity." the suit said')
_JOINS = (",", "”", '"', "’", "'")
_CLOSING = re.compile(r"\s*(?:,|[.!?…—–-]*\s*[”\"’'])")


def misread(text: str, att: Attribution) -> bool:
    """True when `att`'s content stands before its cue in a shape English does not report in (see above), or
    crosses out of a parenthesis its cue stands in, or whose speaker's words hold its cue or its words."""
    if not att.content or not att.cue:
        return False
    end = max(e for _s, e in att.content)
    cue_start = min(s for s, _e in att.cue)
    if _opens_unclosed(text, att) or _speaker_holds_report(att):
        return True
    if end > cue_start:
        return False  # words after the cue, or a quote split around it: the usual shapes
    if text[:end].rstrip().endswith(_JOINS[1:]):
        return False  # "“We will win” the coach said": the quotation marks say whose words they are
    # the next piece of the report after the words: its speaker, when that comes before the cue, else the cue
    after = [s for s, _e in att.source if s >= end]
    nxt = min([cue_start, *after])
    gap = text[end:nxt]
    if _CLOSING.match(gap):
        return False
    # nothing at all between the words and a cue with no speaker before it: "X according to Y", "X was reported
    # by Y" (the passive's subject is what was reported)
    return gap.strip() != "" or bool(after and min(after) < cue_start)


def _opens_unclosed(text: str, att: Attribution) -> bool:
    """The content holds an opening parenthesis it does not close, and the cue comes after it."""
    start, end = min(s for s, _e in att.content), max(e for _s, e in att.content)
    words = text[start:end]
    return words.count("(") > words.count(")") and min(s for s, _e in att.cue) > start + words.rfind("(")


def _speaker_holds_report(att: Attribution) -> bool:
    """A speaker span that holds the cue or overlaps the words said is a sentence the parse did not split ("Trump
    on Friday endorsed the re-election of X (R-Wis.)" as the speaker of "the re-election of X"): nobody named."""
    return any(s < end and start < e for start, end in att.source for s, e in (*att.cue, *att.content))
