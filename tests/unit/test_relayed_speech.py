"""Relayed speech keeps its inner speaker: the one who was told is a listener, not a speaker; the one an
according-to report quotes is the speaker and the report the channel; a reported clause the parser hangs on the
setting of the cue ("in a phone call that ...") is still what was said."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import claim_vias


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_one_who_was_informed_is_the_channel_and_the_other_side_of_the_meeting_the_speaker(nlp):
    text = "During a meeting with Governor Arno Pilt on Monday, Minister Lena Brask was informed that the port would close."
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert found[0] == ("that the port", "Arno Pilt", "Minister Lena Brask")


def test_the_one_who_was_told_is_never_the_speaker_when_the_teller_is_not_named(nlp):
    text = "Minister Lena Brask was told that the port would close."
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert found[0] == ("that the port", None, "Minister Lena Brask")


def test_a_reported_telling_without_a_teller_is_left_to_the_report_that_carries_it(nlp):
    text = "Governor Tomas Reyl was told that the capital had agreed to the truce, Deputy Minister Karl Obst said on Monday."
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert all(speaker != "Tomas Reyl" for _, speaker, _ in found)
    assert ("Governor Tomas Reyl", "Karl Obst", None) in found, "the report of the telling was lost"


def test_the_speaker_an_according_to_report_names_is_the_speaker_and_the_report_the_channel(nlp):
    text = "According to the deputy spokeswoman Lena Brask, Governor Arno Pilt personally urged the council to act."
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert ("the council to", "Arno Pilt", "the deputy spokeswoman Lena Brask") in found
    assert ("Governor Arno Pilt", "Lena Brask", None) in found, "the report that he urged it is the spokeswoman's"


def test_according_to_a_person_over_a_finding_stays_that_persons_claim(nlp):
    text = "Mayor Ana Holt spoke on Monday. According to Holt, the ballots showed a clear win."
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert ("the ballots showed", "Ana Holt", None) in found


def test_a_clause_the_parser_hangs_on_the_phone_call_is_what_the_caller_clarified(nlp):
    text = (
        "Chancellor Ilse Marven has clarified to Governor Tomas Reyl in a telephonic conversation that the "
        "harbour deal was never discussed, Deputy Minister Karl Obst said."
    )
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert ("that the harbour", "Ilse Marven", "Deputy Minister Karl Obst") in found


def test_the_ones_an_outlet_cites_after_its_cue_are_the_speakers_and_the_outlet_the_channel(nlp):
    text = (
        "The new bid would value the harbour operator at 7 trillion yen, Bloomberg said, citing people with "
        "knowledge of the matter."
    )
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert found == [("The new bid", "people with knowledge of the matter", "Bloomberg")]


def test_a_report_an_organisation_owns_is_that_organisations_word_with_the_report_as_channel(nlp):
    text = "The Harbour Guild released figures on Monday. The Harbour Guild's tally showed that most members voted to strike."
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert ("that most members", "Harbour Guild", "The Harbour Guild's tally") in found


def test_a_report_named_after_an_unnamed_owner_is_that_owners_in_its_own_words(nlp):
    text = "The opposition's tally of polling station results showed Arno Pilt had won more than two-thirds of votes."
    found = claim_vias(nlp, text)
    assert found, "no claim was extracted"
    assert found[0][1] == "The opposition"
