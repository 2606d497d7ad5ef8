"""Which stored claims a briefing lists as claims: the ones that say who said what, where the extractor is sure.

A claim line reads "Speaker (stance): words". Two kinds of stored claim make a line a reader cannot use, and on
real news they are also the ones most often wrong (measured on PolNeAR's training articles, benchmarks/README.md):
- no speaker the reader can tell: the extractor found no source ("unnamed source" although the article names one)
  or kept a bare pronoun it could not resolve ("he", "they", "her");
- words that are no statement where the line promises one: a claim, a speculation, a forecast or a question is
  a proposition, so a noun phrase a verb took as its object ("mentioned her Senate record", "cited the debate")
  is an act the writer describes, not words a speaker said; shown it reads as "Clinton (claim): “disparaging
  remarks”". A stance aimed at a thing keeps its object ("criticism: the new timetable", "call: an inquiry",
  "denial: the report"), and so does what a speaker makes public ("announced a full ceasefire", "confirmed the
  talks"): the label and the cue say what was done to it. A direct quote is the speaker's own words and
  stays; so does "to …" after a verb that takes it as what is said ("vowed to appeal").
The store keeps them (the summary, disputes and search still read them); only the claim list leaves them out.
Anonymous speakers described in words ("a Russian official", "two aides") keep their lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from knowledge.brief.bodies import INFINITIVE_LEMMAS
from knowledge.extract.parse.cues import FACTUAL_CUES
from knowledge.text.wellformed import DETERMINERS, SUBJECTS, has_finite_verb

_WORD = re.compile(r"[\w’'-]+")


def names_speaker(row: Mapping[str, Any]) -> bool:
    """The claim says who spoke: an entity, or words that describe someone ("a ministry spokesman"), not nothing
    and not a bare pronoun ("he", "they", "her") left unresolved."""
    if row.get("speaker_entity_id"):
        return True
    words = [w.lower() for w in _WORD.findall(row.get("speaker") or "")]
    return bool(words) and not all(w in SUBJECTS or w in DETERMINERS for w in words)


# Stances whose line reads as a proposition ("claim", "speculation", "forecast", "question": labels.STANCE_LABELS)
PROPOSITIONAL = {"assert", "speculate", "forecast", "question"}


def is_statement(row: Mapping[str, Any]) -> bool:
    """The claim's words are what its line says they are: for a proposition, a clause, a direct quote, or "to …"
    after a verb of promising, wanting or refusing, not a noun phrase; any words for a stance aimed at a thing."""
    quote = (row.get("quote") or "").strip()
    if row.get("stance") not in PROPOSITIONAL or row.get("cue_lemma") in FACTUAL_CUES:
        return True  # "criticized the timetable", "announced a ceasefire": the thing is what the line is about
    if row.get("kind") == "direct" or has_finite_verb(quote):
        return True
    return quote.lower().startswith("to ") and (row.get("cue_lemma") or "") in INFINITIVE_LEMMAS


def shown_as_claim(row: Mapping[str, Any]) -> bool:
    """Whether a stored claim becomes a line of the briefing's claim list."""
    return names_speaker(row) and is_statement(row)
