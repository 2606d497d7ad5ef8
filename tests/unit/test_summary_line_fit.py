"""The lead story gets a line: a long lede is cut where its main clause ends even without a comma, a quoted
sentence that fits beside a short name is framed whole, and a speaker description cut short is no speaker."""

from __future__ import annotations

from knowledge.brief.bodies import LINE_BODY, claim_body, sentence_candidate
from knowledge.brief.sentences import Sentence, clause_cuts
from tests.unit.storyline_members import PEOPLE, member

LEDE = (
    "The dockers' union of Lindenport has decided to withdraw its negotiators and several senior shop stewards "
    "from the port talks after the freight operators named them as obstacles to a settlement in a letter"
)


def test_a_long_lede_without_a_comma_is_cut_where_its_main_clause_ends():
    m = member("e:lede", LEDE + ".", doc="d1")
    m.sentence = Sentence(0, len(LEDE) + 1, LEDE + ".", 0)
    found = sentence_candidate(m, {"lindenport"})
    assert found is not None
    assert found.body == (
        "The dockers' union of Lindenport has decided to withdraw its negotiators and several senior shop "
        "stewards from the port talks"
    )


def test_a_second_verb_phrase_opened_by_and_is_a_place_to_cut():
    text = (
        "The dockers' union and the port operators have reached a tentative agreement on wages and have agreed "
        "to extend the contract"
    )
    assert "The dockers' union and the port operators have reached a tentative agreement on wages" in clause_cuts(text)


def test_no_cut_leaves_a_relative_clause_or_a_parenthesis_open():
    assert clause_cuts("The talks, which began after the vote on wages, ended on Friday") == ["The talks"]
    assert clause_cuts("The union (which met after the vote) accepted the offer") == []


def test_a_quoted_sentence_that_fits_beside_a_short_name_is_framed_whole():
    quote = (
        "The operators' careless conduct, taken at the expense of the dockers and the agreed contract, has harmed "
        "the port's workers, its shippers and its customers"
    )
    m = member(
        "c:q",
        quote,
        doc="d2",
        kind="claim",
        speaker="person:maria-lindqvist",
        speaker_name="Maria Lindqvist",
        stance="assert",
    )
    m.fields["kind"] = "direct"
    body = claim_body(m, PEOPLE)
    assert body == f"Lindqvist says: “{quote}”"
    assert len(body) <= LINE_BODY


def test_a_speaker_description_cut_short_names_no_one():
    m = member(
        "c:d",
        "that the port of Lindenport will reopen on Monday",
        doc="d3",
        kind="claim",
        speaker="the shipping company's veteran chief who is no longer involved in the daily running of the port",
        speaker_name="the shipping company's veteran chief who is no longer involved in the daily running of the port",
        stance="assert",
    )
    assert claim_body(m, PEOPLE) is None


def test_a_statement_cued_by_declared_or_affirmed_is_framed_as_what_the_speaker_says():
    m = member(
        "c:a",
        "that the port operators had written the report before the inspectors arrived",
        doc="d4",
        kind="claim",
        speaker="person:tomas-berger",
        speaker_name="Tomas Berger",
        stance="assert",
        cue_lemma="affirm",
    )
    assert (
        claim_body(m, PEOPLE) == "Berger says the port operators had written the report before the inspectors arrived"
    )


def test_no_cut_between_a_measure_of_time_and_its_conjunction():
    assert clause_cuts("Berger says he felt adrift in the weeks after the strike began at Lindenport") == []
    assert clause_cuts("The ships left shortly before the dockers walked out") == []


def test_a_speaker_description_a_little_too_long_to_compress_is_said_whole():
    description = "A spokesman for the freight operators of Lindenport and Varna harbours"
    m = member(
        "c:s",
        "that the port of Lindenport will reopen on Monday",
        doc="d5",
        kind="claim",
        speaker="a spokesman",
        speaker_name=description,
        stance="assert",
    )
    assert claim_body(m, PEOPLE) == f"{description} says the port of Lindenport will reopen on Monday"


def _ruling(words: str, lemma: str) -> object:
    m = member(
        "c:r",
        words,
        doc="d4",
        kind="claim",
        speaker="person:maria-lindqvist",
        speaker_name="Maria Lindqvist",
        stance="deny",
    )
    m.fields["cue_lemma"] = lemma
    return m


def test_a_deed_whose_object_runs_on_into_a_second_past_verb_is_not_framed_in_the_present():
    m = _ruling("the dockers' request for an injunction and ruled in favour of the port operators", "deny")
    assert claim_body(m, PEOPLE) is None  # not "Lindqvist denies the request … and ruled in favour of …"


def test_a_denied_clause_with_two_past_verbs_of_its_own_is_still_framed():
    m = _ruling("that the dockers had asked for an injunction and lost", "deny")
    assert claim_body(m, PEOPLE) == "Lindqvist denies the dockers had asked for an injunction and lost"
