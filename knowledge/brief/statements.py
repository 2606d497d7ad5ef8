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

from knowledge.brief.bodies import INFINITIVE_LEMMAS, third_person
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


# speech verbs that add nothing before what was said: "said “a ceasefire by Friday”" reads no better than the quote
_WORDS_SPEAK_FOR_THEMSELVES = frozenset("say tell add state write note according post comment reply respond".split())


# stances whose words are the cue's object, a person or thing, whatever clause follows it: "urged “people … to
# remain calm”", "backed “Maduro's claims that he won”"
_AIMED = frozenset({"accuse", "criticize", "support", "demand"})


def claim_lead(row: Mapping[str, Any], quote: str) -> str:
    """The cue to show before words that are no clause, or that are the object of an accusation, criticism, support
    or call ("accused", "has slammed", "refused to propose"; a participle in its present form: "accusing" →
    "accuses"), so the line says what the speaker did with them; nothing before a clause, a direct quote, or after a
    plain speech verb ("said", "according to"), where the words speak for themselves."""
    cue, lemma = (row.get("cue") or "").strip(), (row.get("cue_lemma") or "").lower()
    if not cue or row.get("kind") == "direct" or lemma in _WORDS_SPEAK_FOR_THEMSELVES:
        return ""
    aimed = row.get("stance") in _AIMED and not quote.lstrip().startswith(("“", '"', "that "))
    if has_finite_verb(quote) and not aimed:
        return ""
    if cue.split()[-1].lower().endswith("ing") and lemma.isalpha() and len(cue.split()) == 1:
        return third_person(lemma)
    return cue


def shown_as_claim(row: Mapping[str, Any]) -> bool:
    """Whether a stored claim becomes a line of the briefing's claim list."""
    return names_speaker(row) and is_statement(row)
