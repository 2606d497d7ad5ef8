"""Descriptions and relative pronouns as speakers resolve to what the text names: "which" and "who" are the noun
their clause hangs on; "the group", "the 35-member regional body, which …" continue the organisation named before;
a department an organisation owns is not the organisation; "the US President" capitalised is a title; "according
to her" is a pronoun like "she said"; a nationality said of an organisation sticks to it; a name after a person's
role noun is a person even when the tagger calls it an organisation."""

from __future__ import annotations

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import speakers_by_opening


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_which_that_reports_is_the_organisation_its_clause_hangs_on(nlp):
    text = "Mayor Ana Holt criticised the Harbour Guild which reported fraud in the count."
    assert speakers_by_opening(nlp, text)["fraud in the"] == "Harbour Guild"


def test_who_after_an_unnamed_group_is_that_group_in_its_own_words(nlp):
    text = "Holt skipped the hearing, a point raised by the magistrates who accused her of trying to stall the case."
    found = speakers_by_opening(nlp, text)
    assert "the magistrates" in found.values()
    assert "who" not in found.values()


def test_the_group_with_a_relative_clause_set_off_by_commas_is_the_organisation_named_before(nlp):
    text = (
        "The Harbour Guild said the strike would continue. The group, which has 4,000 members in three cities, "
        "added that talks had failed."
    )
    assert speakers_by_opening(nlp, text)["that talks had"] == "Harbour Guild"


def test_a_department_an_organisation_owns_is_not_the_organisation(nlp):
    text = (
        "(Reuters) – The Organization of Coastal States’ (OCS) election observation department said today it "
        "cannot recognize the results."
    )
    shown = speakers_by_opening(nlp, text)["it cannot recognize"]
    assert shown is not None and shown.endswith("election observation department")


def test_a_body_described_by_its_size_continues_the_organisation_named_before(nlp):
    text = (
        "The Organization of Coastal States said today it cannot recognize the results. The 35-member regional "
        "body, which is to meet on Wednesday, said the council had shown itself biased."
    )
    assert speakers_by_opening(nlp, text)["the council had"] == "Organization of Coastal States"


def test_the_us_president_capitalised_is_the_president_the_story_named(nlp):
    text = "Mayor Ana Holt met US President Tom Vance on Monday. “We stopped it,” the US President said."
    assert speakers_by_opening(nlp, text)["We stopped it"] == "Tom Vance"


def test_according_to_her_is_the_woman_named_before(nlp):
    text = "Mayor Ana Holt spoke on Monday. According to her, the ballots showed a clear win."
    assert speakers_by_opening(nlp, text)["the ballots showed"] == "Ana Holt"


def test_a_nationality_a_description_gives_an_organisation_rules_it_out_for_another_nationality(nlp):
    text = (
        "Halvard Foods withdrew its bid for Nine & X Holdings on Thursday. Nine & X Holdings said in a statement "
        "that the decision was unilateral. The Japanese company called the withdrawal regrettable. The Canadian "
        "firm had proposed to pay 7 trillion yen."
    )
    found = speakers_by_opening(nlp, text)
    assert found["the withdrawal regrettable"] == "Nine & X"
    assert found["to pay 7"] == "Halvard Foods"


def test_a_name_right_after_a_spokespersons_title_is_a_person_though_tagged_an_organisation(nlp):
    doc = nlp("Responding to Holt’s assertion, BPA spokesperson Ravinder Jaswal said, “Trade did not come up.”")
    kinds = {e.name: e.type for e in find_entities(doc).entities}
    assert kinds.get("Ravinder Jaswal") == "PERSON"


def test_two_people_who_spoke_together_are_both_the_speakers_and_both_is_them(nlp):
    text = (
        "Arno Pilt and opposition leader Lena Brask told reporters they had obtained most of the tally sheets. "
        "Both called on people to remain calm."
    )
    found = speakers_by_opening(nlp, text)
    assert found["they had obtained"] == "Arno Pilt and opposition leader Lena Brask"
    assert found["people to remain"] == "Arno Pilt and opposition leader Lena Brask"


def test_they_after_two_people_named_together_is_the_pair(nlp):
    text = "Lena Brask and Arno Pilt told reporters they had won the vote. They called on supporters to stay calm."
    assert speakers_by_opening(nlp, text)["supporters to stay"] == "Lena Brask and Arno Pilt"


def test_a_speaker_is_never_read_from_inside_the_quotation_the_cue_introduces(nlp):
    text = (
        "Vance also reiterated his claim of playing a mediating role, saying, “The war between the two was the "
        "next level that was going to be a nuclear war… They already shot down 7 jets – that was raging.”"
    )
    found = speakers_by_opening(nlp, text)
    assert found["The war between"] == "Vance"


def test_quoted_words_read_as_a_second_subject_do_not_displace_the_speaker_after_said(nlp):
    text = (
        '"The strike in the north has deeply affected our business, our customers and our communities," said '
        "Holt, in part, on October 8."
    )
    assert speakers_by_opening(nlp, text)["The strike in"] == "Holt"


def test_a_plural_title_is_never_the_one_person_who_holds_that_role(nlp):
    text = "Foreign Minister Anna Berg met Pavel Domrin on Monday. The two ministers said the crossing would stay open."
    assert speakers_by_opening(nlp, text)["the crossing would"] != "Anna Berg"


def test_a_name_the_tagger_cut_short_goes_on_to_the_surname_and_the_surname_is_that_person(nlp):
    doc = nlp(
        "Opposition leader Maria Corina Machado said on Monday that the country’s opposition has 73.2 percent of "
        "the voting tallies. Machado said the tallies would be published."
    )
    kinds = {e.name: e.type for e in find_entities(doc).entities}
    assert kinds.get("Maria Corina Machado") == "PERSON"
    assert "Machado" not in kinds
