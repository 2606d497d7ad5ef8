"""Where a reported clause ends: a report of somebody's own that closes it is not part of the words said
(parse/clauses.another_report), and a writer's aside about a noun stays where the rules for asides leave it. And who
was asked is not who asked ("Asked whether X, Y said": parse/roles.subject)."""

from __future__ import annotations

import pytest

from knowledge.extract.attribution.relations import find_attributions
from knowledge.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def contents(nlp, text: str, cue: str) -> list[str]:
    """The content pieces of the attribution whose cue is `cue`."""
    found = [a for a in find_attributions(nlp(text)) if " ".join(text[s:e] for s, e in a.cue) == cue]
    assert found, cue
    return [text[s:e] for s, e in found[0].content]


def test_a_relative_clause_in_which_somebody_names_the_noun_is_not_part_of_the_clause_said(nlp):
    text = 'Jones reiterated that the city must fund the plan to beat Mayor Karl Brown, who he blasted as a "fraud".'
    assert contents(nlp, text, "reiterated") == ["that the city must fund the plan to beat Mayor Karl Brown"]
    text = "The clerk stated that he had access to the council's mail server, which he described as wide open."
    assert contents(nlp, text, "stated") == ["that he had access to the council's mail server"]


def test_a_coordinated_clause_in_which_somebody_else_reports_is_not_part_of_the_clause_said(nlp):
    text = "Smith said the ferry plan had failed and Jones argued that it should be scrapped."
    assert contents(nlp, text, "said") == ["the ferry plan had failed"]


def test_a_second_that_clause_of_the_same_report_stays_in_it(nlp):
    text = "Smith said that the ferry plan had failed and that the board expects a new one in May."
    assert contents(nlp, text, "said") == ["that the ferry plan had failed and that the board expects a new one in May"]


def test_a_writers_aside_about_a_noun_inside_the_clause_said_stays_in_it(nlp):
    text = "Smith said that the vote would favour Karl Brown, who leads the race by ten points."
    assert contents(nlp, text, "said") == ["that the vote would favour Karl Brown, who leads the race by ten points"]


def test_a_second_question_of_the_same_clause_stays_in_it(nlp):
    text = (
        "Lane did not explain why a residence rule is listed on the council's website or why it was mentioned at all."
    )
    assert contents(nlp, text, "did not explain") == [
        "why a residence rule is listed on the council's website or why it was mentioned at all"
    ]


def sources(nlp, text: str, cue: str) -> list[str]:
    found = [a for a in find_attributions(nlp(text)) if " ".join(text[s:e] for s, e in a.cue) == cue]
    assert found, cue
    return [text[s:e] for s, e in found[0].source]


def test_who_was_asked_is_not_who_asked_but_stays_who_answered(nlp):
    text = 'Asked whether the board should take the blame for the delay, Mr. Pike said, "That would be fair."'
    assert sources(nlp, text, "Asked") == []
    assert sources(nlp, text, "said") == ["Mr. Pike"]
    text = "When asked about the strike, Holt said the talks would go on."
    assert sources(nlp, text, "asked about") == []


def test_who_had_asked_is_the_one_who_asked(nlp):
    assert sources(nlp, "Having asked for a recount, the mayor said she would wait.", "Having asked for") == [
        "the mayor"
    ]
