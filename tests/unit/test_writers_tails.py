"""Where a reported clause ends when the writer goes on after it: a contrast of the writer's own (", while …",
", even as …") or a noun summing the clause up (", an admission that …") is not part of the words said
(attribution/tails), a clause saying when, whose verb is somebody else's report, closes it (parse/clauses), and
inside a quote every word stays the speaker's. Who goes on in a conjunct of a passive verb, and who a roundup's
"… - Name: “quote”" credits."""

from __future__ import annotations

import pytest

from knowledge.extract.attribution.relations import find_attributions
from knowledge.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _found(nlp, text: str, cue: str):
    found = [a for a in find_attributions(nlp(text)) if " ".join(text[s:e] for s, e in a.cue) == cue]
    assert found, cue
    return found[0]


def contents(nlp, text: str, cue: str) -> list[str]:
    return [text[s:e] for s, e in _found(nlp, text, cue).content]


def sources(nlp, text: str, cue: str) -> list[str]:
    return [text[s:e] for s, e in _found(nlp, text, cue).source]


def test_a_writers_contrast_after_the_reported_clause_is_not_part_of_it(nlp):
    text = "Mayor Ann Lee said turnout in the harbour district was high, while rival groups disputed the count."
    assert contents(nlp, text, "said") == ["turnout in the harbour district was high"]
    text = "The minister insisted that the ferry budget was sound, even as auditors found gaps in every ledger."
    assert contents(nlp, text, "insisted") == ["that the ferry budget was sound"]


def test_a_noun_summing_up_the_reported_clause_is_the_writers_not_the_speakers(nlp):
    text = "Rask said some dock workers would pay slightly more in fees, an admission that rivals quickly seized on."
    assert contents(nlp, text, "said") == ["some dock workers would pay slightly more in fees"]


def test_a_contrast_inside_a_quote_stays_the_speakers(nlp):
    text = 'Rask said "turnout in the harbour district was high, while the count was slow."'
    assert contents(nlp, text, "said") == ["turnout in the harbour district was high, while the count was slow"]


def test_a_when_clause_in_which_somebody_else_reports_closes_the_reported_clause(nlp):
    text = (
        "Tom Varga is assuring voters he’s tough enough to be president after a woman in Akron told him she worries"
        " he’s “too nice” to fend off rivals like Ivan Petrov."
    )
    assert contents(nlp, text, "is assuring") == ["he’s tough enough to be president"]
    assert sources(nlp, text, "told") == ["a woman in Akron"]


def test_the_conjunct_of_a_passive_verb_goes_on_with_its_subject_not_its_agent(nlp):
    text = "As the hall filled, Dana Ruiz was greeted on stage by Senator Tom Hale and joked, “We should do this more often.”"
    assert sources(nlp, text, "joked") == ["Dana Ruiz"]


def test_a_name_between_a_dash_and_a_colon_is_who_a_roundup_quotes(nlp):
    text = "Turnout has mattered in every county race - Priya Nandakumar: “The suburbs decided it, not the cities.”"
    found = [a for a in find_attributions(nlp(text)) if a.content]
    assert found
    assert [[text[s:e] for s, e in a.source] for a in found] == [["Priya Nandakumar"]]


def test_the_speakers_next_report_after_the_reported_clause_is_a_claim_of_its_own(nlp):
    text = 'Mayor Lin stressed that "the bridge toll must stay low," suggesting that the council could cut fares.'
    assert contents(nlp, text, "stressed") == ['that "the bridge toll must stay low']
    assert contents(nlp, text, "suggesting")[-1] == "that the council could cut fares"
    text = "Senator Hale said the budget was balanced before claiming that the port tax hurts every family."
    assert contents(nlp, text, "said") == ["the budget was balanced"]
    assert contents(nlp, text, "claiming") == ["that the port tax hurts every family"]


def test_a_noun_summing_up_the_reported_clause_after_a_dash_is_the_writers(nlp):
    text = "Ms. Park said the mill would reopen next spring — a sign that the town's long slump may be ending."
    assert contents(nlp, text, "said") == ["the mill would reopen next spring"]


def test_when_and_at_what_occasion_a_noun_phrase_was_reported_is_not_part_of_it(nlp):
    text = "Governor Amos criticized the harbour plan as a costly mistake during a campaign stop in Delft on Tuesday."
    assert contents(nlp, text, "criticized") == ["the harbour plan as a costly mistake"]
    text = "Mayor Ott blamed harbour officials on Twitter before the speech."
    assert contents(nlp, text, "blamed") == ["harbour officials on Twitter"]  # the medium stays: how it was said


def test_a_place_or_a_clause_inside_the_reported_noun_phrase_stays(nlp):
    text = "The council denounced the attack in Paris."
    assert contents(nlp, text, "denounced") == ["the attack in Paris"]
    text = "Ms. Park criticized the plan to build a dam in the valley before the vote."
    assert contents(nlp, text, "criticized") == ["the plan to build a dam in the valley before the vote"]


def test_a_report_coordinated_after_the_reported_clause_is_not_part_of_it(nlp):
    text = (
        "Republicans said they're increasingly convinced the agency mishandled the inquiry and Democrats accused"
        " the party of stoking the issue for political gain."
    )
    assert contents(nlp, text, "said") == ["they're increasingly convinced the agency mishandled the inquiry"]
    text = "Mayor Ott said that he would back the eventual nominee but did not suggest it would be Lind."
    assert contents(nlp, text, "said") == ["that he would back the eventual nominee"]
    assert contents(nlp, text, "did not suggest") == ["it would be Lind"]


def test_a_saying_clause_after_the_reported_clause_stays_inside_it_as_one_statement(nlp):
    text = "The mill said it was ending its bid for the port, saying there had been no real talks with the city."
    assert contents(nlp, text, "said") == [
        "it was ending its bid for the port, saying there had been no real talks with the city"
    ]


def test_a_participle_after_unquoted_reported_words_may_be_theirs_and_stays(nlp):
    text = "He said that the envoy had sent a truce plan in May, suggesting that both sides meet in Oslo."
    assert contents(nlp, text, "said") == [
        "that the envoy had sent a truce plan in May, suggesting that both sides meet in Oslo"
    ]
