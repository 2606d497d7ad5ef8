"""A reporter's second speech act that the parser hangs on the reported clause: "X said the records will be
released and called for rallies" (X called for them, not the records), and the shapes English leaves to the clause
("X said the minister had resigned and denied it")."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc
from tests.claim_speakers import claim_speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _by_opening(nlp, text: str) -> dict[str, str | None]:
    found = dict(claim_speakers(nlp, text))
    assert found, "no claim was extracted"
    return found


def test_a_second_speech_act_after_a_modal_clause_is_the_reporters(nlp):
    text = (
        "Vega said that the records will be released on Monday on a secure website and called for public rallies "
        "requesting a review of the result."
    )
    found = _by_opening(nlp, text)
    assert found["public rallies requesting"] == "Vega"
    assert found["that the records"] == "Vega"


def test_the_reporters_second_speech_act_is_not_part_of_the_first_claim(nlp):
    text = "Vega said that the records will be released on Monday and called for public rallies."
    analysis = analyze_doc(nlp(text), datetime(2025, 5, 7))
    contents = [text[c.content[0] : c.content[1]] for c in analysis.claims]
    first = [c for c in contents if c.startswith("that the records")]
    assert first
    assert "called" not in first[0]


def test_a_second_speech_act_after_a_comma_closing_the_reported_clause_is_the_reporters(nlp):
    text = (
        "Ortiz says Ruritania has the most transparent vote system in the world, and accuses violent factions of "
        "seeking to overthrow him."
    )
    assert _by_opening(nlp, text)["violent factions of"] == "Ortiz"


def test_a_past_verb_that_may_share_the_clauses_auxiliary_stays_with_the_clause(nlp):
    text = "Ortiz said the minister had resigned and denied any wrongdoing."
    assert _by_opening(nlp, text)["the minister had"] == "Ortiz"
    assert "any wrongdoing" not in _by_opening(nlp, text)
