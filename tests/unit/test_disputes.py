"""A denial is paired with a claim only when both are about the same proposition, never on speakers alone."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.disputes import dispute_score, proposition_words, quotes_the_claim, rebuts, states_a_rebuttal
from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc
from tests.unit.dispute_pairs import pairs


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_denial_of_a_different_proposition_about_the_same_person_is_not_paired():
    # the claim is about the denier and the denial names the claimant, but they speak of different things
    assert (
        dispute_score("vik", {"solberg"}, "that the fund would be cut", "solberg", {"vik"}, "she broke a promise") == 0
    )


def test_shared_wording_beyond_names_pairs_a_denial_with_its_claim():
    score = dispute_score(
        "vik",
        set(),
        "that she had promised the union a seat on the board",
        "solberg",
        {"vik"},
        "the commissioner had promised the union a seat on the quota board",
    )
    assert score > 0.7


def test_a_back_reference_never_pairs_across_articles_even_when_it_names_the_claimant():
    # "rejected Solberg's account" names a person, not a proposition: any of Solberg's claims elsewhere would do
    assert dispute_score("moen", {"solberg"}, "Solberg's account", "solberg", set(), "fees doubled", across=True) == 0
    assert dispute_score("moen", set(), "the claim", "solberg", {"moen"}, "fees doubled", across=True) == 0


def test_a_denial_naming_its_claimant_never_pairs_with_anothers_claim_in_the_same_words():
    denial = "Solberg's claim that the harbour fees had doubled since the spring"
    claim = "the harbour fees had doubled since the spring"
    assert dispute_score("moen", {"solberg"}, denial, "berg", {"moen"}, claim) == 0
    assert dispute_score("moen", {"solberg"}, denial, "solberg", {"moen"}, claim) > 0.7
    assert dispute_score("moen", set(), "claims made by Solberg about the fees", "berg", set(), claim) == 0


def test_across_articles_shared_content_must_be_more_than_two_words_and_the_same_people():
    claim = "the ferry company had raised the winter fares twice"
    assert dispute_score("moen", {"solberg"}, "that the fares were raised", "solberg", set(), claim, across=True) == 0
    assert dispute_score("moen", {"solberg"}, "that the fares were raised", "solberg", set(), claim) > 0.7


def test_word_forms_of_one_stem_count_as_shared_content():
    assert proposition_words("mediation and engagement") == proposition_words("mediated, engaged")


def test_a_verdict_on_a_named_statement_rebuts_it_whatever_its_cue():
    assert rebuts("assert", "Solberg's claims were entirely false")
    assert rebuts("assert", "parts of the union's announcement as erroneous")
    assert rebuts("deny", "that the quay was sold")
    assert not rebuts("assert", "the withdrawal regrettable")  # a verdict on an act, not on a statement
    assert not rebuts("assert", "the harbour fees had doubled")


def test_a_verdict_said_of_a_claim_answers_the_claim_before_it(nlp):
    text = (
        "Union chairman Erik Solberg said that the board had sold the north quay to a developer. "
        "Board chair Lise Moen said Solberg's claims were entirely false."
    )
    assert pairs(nlp, text) == [
        ("that the board had sold the north quay to a developer", "Solberg's claims were entirely false")
    ]


def test_a_back_reference_answers_the_nearest_statement_of_the_claimant_not_a_description_of_someone(nlp):
    text = (
        "Erik Solberg said that the harbour fees had doubled since spring. He also described Lise Moen as a "
        "careless manager. Moen rejected Solberg's account."
    )
    assert pairs(nlp, text) == [("that the harbour fees had doubled since spring", "Solberg's account")]


def test_denying_any_wrongdoing_answers_the_accusation_before_it(nlp):
    text = "Prosecutors accused Per Ahl of bribing two harbour officials on Monday. Ahl denied any wrongdoing."
    found = pairs(nlp, text)
    assert len(found) == 1 and found[0][1] == "any wrongdoing" and "bribing" in found[0][0]


def test_names_alone_are_not_shared_content():
    assert proposition_words("Kellogg met Lukashenko in Minsk") == {"met"}


def test_one_claim_draws_several_denials_and_an_unrelated_denial_stays_plain(nlp):
    text = (
        "Union chairman Erik Solberg said that the harbour board had sold the north quay to a developer. "
        "Board chair Lise Moen denied that the board had sold the north quay. "
        "Treasurer Per Ahl also denied that the quay had been sold to a developer. "
        "Moen denied that the ferry would stop running in winter."
    )
    found = pairs(nlp, text)
    assert {d for _, d in found} == {
        "that the board had sold the north quay",
        "that the quay had been sold to a developer",
    }
    assert all(c.startswith("that the harbour board had sold") for c, _ in found)


def test_rejecting_the_claim_answers_the_claim_just_before_it(nlp):
    text = "Erik Solberg claimed that the permit fees had doubled since spring. Lise Moen rejected the claim."
    assert pairs(nlp, text) == [("that the permit fees had doubled since spring", "the claim")]


def test_refusing_an_act_or_rejecting_an_offer_is_no_rebuttal_of_a_statement():
    claim = "that the company had offered the union no real help during the outage"
    for act in ("to meet demands to restore the pension plan", "the council's initial offer", "the lawsuit"):
        assert not states_a_rebuttal(act)
        assert dispute_score("e1", {"e2"}, act, "e2", {"e1"}, claim) == 0.0


def test_a_denial_that_names_the_claim_or_states_the_opposite_can_answer_it():
    assert states_a_rebuttal("Berger's claim that he mediated the truce")
    assert states_a_rebuttal("that help was offered and refused")
    assert not states_a_rebuttal("to comment")


def test_a_denial_never_answers_words_of_its_own_restated_or_reported(nlp):
    text = (
        "Union chairman Erik Solberg said that the harbour board had ignored the union for months. The board "
        "rejected the statement that it had ignored the union, according to a press release."
    )
    assert [c for c, _ in pairs(nlp, text)] == ["that the harbour board had ignored the union for months"]


def test_a_back_reference_naming_someone_answers_a_definite_description_of_them_but_no_unnamed_source(nlp):
    described = (
        "the union chairman repeatedly claimed that the harbour fees had doubled. Moen rejected Solberg's account."
    )
    assert [c for c, _ in pairs(nlp, "Erik Solberg chairs the union. In May " + described)] == [
        "that the harbour fees had doubled"
    ]
    unnamed = "A harbour worker claimed that the fees had doubled. Moen rejected Solberg's account."
    assert pairs(nlp, "Erik Solberg chairs the union. " + unnamed) == []


def test_a_party_described_the_same_way_never_disputes_itself(nlp):
    text = "The harbour board said that the quay would stay public. The harbour board later rejected the claim."
    assert pairs(nlp, text) == []


def test_declining_an_offer_answers_no_statement(nlp):
    text = (
        "Union chairman Erik Solberg said the union had asked for a closed hearing. The union's lawyer offered a "
        "closed hearing on the quay sale, but Lise Moen declined."
    )
    assert pairs(nlp, text) == []
    assert not rebuts("deny", "the union's lawyer offered a closed hearing", "decline")


def test_a_denial_naming_a_story_shares_its_subject_not_its_proposition():
    claim = "that the story about the quay sale had moved on"
    assert dispute_score("maher", {"solberg"}, "the story about the quay", "solberg", set(), claim) == 0
    assert (
        dispute_score("maher", {"solberg"}, "the story about Moen’s emails", "solberg", set(), claim + " emails") == 0
    )


def test_calling_a_declared_result_implausible_answers_the_declaration_before_it(nlp):
    text = (
        "The county election board declared Lena Berg the winner of the mayoral vote. "
        "Independent statisticians called that result implausible."
    )
    found = pairs(nlp, text)
    assert len(found) == 1 and found[0][1] == "that result implausible" and "winner" in found[0][0]


def test_calling_the_material_behind_a_claim_forged_answers_the_claim_before_it(nlp):
    text = (
        "The opposition's count of the ballots showed that Lena Berg had won two thirds of the votes. "
        "The ruling party said the material was forged."
    )
    found = pairs(nlp, text)
    assert len(found) == 1 and found[0][1] == "the material was forged" and "two thirds" in found[0][0]


def test_a_back_reference_answers_the_speakers_statement_not_a_clause_inside_it_that_nobody_is_said_to_make(nlp):
    text = (
        "Erik Solberg also said the union was ready to talk after warning the board to stop the sale. "
        "However, Lise Moen has denied his claim."
    )
    assert pairs(nlp, text) == [("the union was ready to talk after warning the board to stop the sale", "his claim")]


def test_a_lede_denying_claims_made_by_someone_answers_that_persons_claim_reported_after_it(nlp):
    text = (
        "The harbour board has firmly denied claims made by former union chairman Erik Solberg regarding the sale "
        "of the north quay. Solberg had claimed that the board sold the quay in secret. Moen said the board "
        "met in public."
    )
    assert pairs(nlp, text) == [
        (
            "that the board sold the quay in secret",
            "claims made by former union chairman Erik Solberg regarding the sale of the north quay",
        )
    ]


def test_a_denials_words_end_before_the_according_to_phrase_that_sources_its_sentence(nlp):
    text = (
        "Union chairman Erik Solberg said that the harbour board had ignored the union for months. The board "
        "rejected the statement that it had ignored the union, according to a press release."
    )
    assert [d for _, d in pairs(nlp, text)] == ["the statement that it had ignored the union"]


def test_an_answer_that_negates_what_it_responds_to_rebuts_it(nlp):
    text = (
        "Port deal\n\nResponding to Holt's claim that the strike cost the port millions, harbour spokesman "
        "Tom Vik said the port had not lost any money."
    )
    assert pairs(nlp, text) == [("that the strike cost the port millions", "the port had not lost any money")]


def test_an_answer_that_does_not_say_the_opposite_is_no_rebuttal(nlp):
    text = (
        "Port deal\n\nResponding to Holt's claim that the strike cost the port millions, harbour spokesman "
        "Tom Vik said talks with the union would go on."
    )
    assert pairs(nlp, text) == []


def test_a_statement_the_writer_says_contradicts_a_named_claim_rebuts_it(nlp):
    text = (
        "Port row\n\nIn a rare admission, Westport's mayor Lena Vik has conceded that the port never accepted "
        "outside arbitration on its disputes, contradicting former governor Ada Holt's claim that she had been "
        "invited to arbitrate the harbour row."
    )
    assert pairs(nlp, text) == [
        (
            "that she had been invited to arbitrate the harbour row",
            "that the port never accepted outside arbitration on its disputes",
        )
    ]


def test_a_speaker_contradicting_their_own_earlier_claim_is_no_dispute(nlp):
    text = (
        "Port row\n\nMayor Lena Vik said on Monday that the port was thriving, contradicting her own claim "
        "last spring that the port was failing."
    )
    assert pairs(nlp, text) == []


def test_a_contrast_inside_the_speakers_quote_stays_in_their_words(nlp):
    text = 'Port row\n\n"There has been no engagement from Marlow, contrary to comments made by its executives," Holt said.'
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    assert [text[slice(*c.content)] for c in a.claims] == [
        "There has been no engagement from Marlow, contrary to comments made by its executives"
    ]


def test_a_claim_and_the_denial_told_in_apposition_to_it_are_paired(nlp):
    text = "Port row\n\nHolt said the deal was signed, an account disputed by the council."
    assert pairs(nlp, text) == [("the deal was signed", "the deal was signed")]


def test_a_verdict_on_parts_of_another_firms_announcement_answers_its_statement_before_it(nlp):
    text = (
        "Norvik Foods said the harbour board had refused to share its tonnage figures. "
        "The board described parts of the food group’s announcement as erroneous."
    )
    assert pairs(nlp, text) == [
        (
            "the harbour board had refused to share its tonnage figures",
            "parts of the food group’s announcement as erroneous",
        )
    ]


def test_calling_the_allegations_of_a_lawsuit_baseless_answers_the_allegation_before_it(nlp):
    text = (
        "The harbour board said Norvik Foods had broken its lease by refusing to pay the quay fees. "
        "In a statement, Norvik Foods called the allegations in the lawsuit baseless and without merit."
    )
    found = pairs(nlp, text)
    assert len(found) == 1 and "quay fees" in found[0][0] and "baseless" in found[0][1]


def test_calling_anothers_data_false_answers_the_claim_across_an_abbreviation(nlp):
    text = (
        "The opposition said that Lena Berg had won 67 percent of the vote. "
        "Despite support for those findings from the U.S. and the E.U., the election court said the "
        "opposition's data were false."
    )
    found = pairs(nlp, text)
    assert len(found) == 1 and "67 percent" in found[0][0] and "data were false" in found[0][1]


def test_calling_the_allegations_baseless_after_two_parties_statements_about_the_speaker_pairs_neither(nlp):
    text = (
        "The harbour board said Norvik Foods had broken its lease by refusing to pay the quay fees. "
        '"Norvik has harmed the port and its workers," the union leader Erik Solberg said. '
        "Norvik Foods called the allegations baseless."
    )
    assert pairs(nlp, text) == []


def test_calling_a_named_partys_claims_a_tactic_to_distract_answers_that_partys_claim(nlp):
    text = (
        "Norvik Foods said the harbour board had hidden the quay survey from its tenants. "
        '"Norvik\'s claims are a deliberate tactic to distract from its unpaid fees," the board told reporters.'
    )
    found = pairs(nlp, text)
    assert len(found) == 1 and "quay survey" in found[0][0] and "distract" in found[0][1]


def test_a_partys_claims_in_the_plural_after_two_separate_statements_of_theirs_pair_with_neither(nlp):
    text = (
        "Norvik Foods said the harbour board had hidden the quay survey. Norvik Foods also said the board owed it "
        'two months of rent. "Norvik\'s claims are a deliberate tactic to distract from its unpaid fees," the board '
        "told reporters."
    )
    assert pairs(nlp, text) == []


def test_rejecting_a_named_persons_claim_that_p_answers_that_claim_not_another_of_theirs_nearby(nlp):
    text = (
        "The harbour ministry on Monday rejected former mayor Ada Holt’s claim that she brokered the ferry truce "
        "by offering tax breaks. Holt said last week that tax breaks persuaded both towns to accept the ferry "
        "truce."
    )
    assert (
        "that she brokered the ferry truce by offering tax breaks",
        "former mayor Ada Holt’s claim that she brokered the ferry truce by offering tax breaks",
    ) in pairs(nlp, text)


def test_a_plural_back_reference_left_open_is_not_paired_with_a_statement_after_it_either(nlp):
    text = (
        "Norvik Foods said the harbour board had hidden the quay survey. Norvik Foods also said the board owed it "
        'two months of rent. "Norvik\'s claims are a deliberate tactic to distract from its unpaid fees," the board '
        "told reporters. Norvik Foods said it would seek damages from the board."
    )
    assert pairs(nlp, text) == []


def test_dismissing_the_story_about_a_subject_answers_no_statement_made_about_it(nlp):
    text = (
        "Senator Ada Holt said that the story about the harbour contracts had moved on. "
        "She was asked by host Per Lund, who has previously dismissed the story about the harbour contracts, "
        "whether voters still cared."
    )
    assert pairs(nlp, text) == []


def test_denying_having_done_an_act_answers_the_claim_that_the_denier_did_it(nlp):
    text = (
        "The regulator said that Harbor Freight Lines was in open breach of the port authority’s safety rules. "
        "Harbor Freight Lines denied breaching the port authority rules and said it would appeal."
    )
    assert pairs(nlp, text) == [
        (
            "that Harbor Freight Lines was in open breach of the port authority’s safety rules",
            "breaching the port authority rules",
        )
    ]


def test_a_verb_in_ing_states_a_denied_act_only_after_deny():
    assert states_a_rebuttal("breaching the safety rules", "deny")
    assert states_a_rebuttal("ever having met the envoy", "deny")
    assert not states_a_rebuttal("raising the harbour fees", "reject")  # a plan refused, no deed denied
    assert not states_a_rebuttal("anything improper", "deny")


def test_a_possessive_names_the_same_thing_as_the_bare_noun():
    assert proposition_words("the tribunal’s ruling") == proposition_words("a tribunal ruling")
    assert proposition_words("the tribunal's ruling") == proposition_words("a tribunal ruling")


def test_calling_a_statement_misinformation_is_a_verdict_on_it():
    assert rebuts("assert", "the airline’s claims rest on misinformation about the outage")


def test_a_rebuttal_elsewhere_that_names_the_claimant_and_quotes_the_claim_answers_it():
    denial = (
        'what it called "absurd slanders", among them those by Premier Jan Holt accusing Oslo of "funding criminal '
        'gangs" and "harassing exiled reporters"'
    )
    claim = (
        "The Norwegian government made a grave mistake in believing it could keep funding criminal gangs here on "
        "our soil, be it for extortion or violent assaults"
    )
    assert quotes_the_claim(denial, claim)
    assert dispute_score("oslo", {"holt", "sweden"}, denial, "holt", {"oslo"}, claim, across=True) > 0.7
    # the same words from someone the denial does not name are no quotation of that one's claim
    assert dispute_score("oslo", {"sweden"}, denial, "vik", {"oslo"}, claim, across=True) == 0.0


def test_a_short_quoted_verdict_is_no_restated_claim():
    assert not quotes_the_claim('the charges as "concocted"', "that the envoy had concocted the charges")


def test_an_answer_to_a_statement_and_its_reason_disputes_the_reason_it_speaks_of(nlp):
    text = (
        "Halvard Shipping said on Monday that it was ending its bid for the ferry line, saying the line's owners "
        "had shown no real engagement over a deal. "
        "The owners said Halvard had made misleading claims as it ended its bid, and that they had engaged in good "
        "faith throughout."
    )
    found = pairs(nlp, text)
    assert found and all(c.startswith("the line's owners had shown no real engagement") for c, _ in found)


def test_a_verdict_said_of_this_answers_the_other_partys_statement_just_before_it(nlp):
    text = (
        "Harbour board chair Lise Moen said Norvik Foods had walked away from the lease talks without notice. "
        '"This is clearly an attempt to distract from the board\'s own failures," Norvik Foods said.'
    )
    found = pairs(nlp, text)
    assert len(found) == 1 and found[0][0].startswith("Norvik Foods had walked away")
    assert found[0][1].startswith("This is clearly an attempt")


def test_a_demonstrative_without_a_verdict_answers_nothing(nlp):
    text = (
        "Harbour board chair Lise Moen said Norvik Foods had walked away from the lease talks without notice. "
        '"This is a question for the courts now," Norvik Foods said.'
    )
    assert pairs(nlp, text) == []


LIND = (
    "Marta Lind said the port had broken the Harbour Compact by selling the north quay to a developer. "
    "Lind also demanded that the port publish its accounts every month. "
    "In a court filing, lawyers for the port argued that Lind was a disappointed bidder looking for a share of its "
    'success. "The relief Lind seeks is as extraordinary as her claims are contrived," they wrote.'
)


def test_a_verdict_naming_its_claimant_and_what_the_claim_named_answers_that_claim(nlp):
    text = LIND + ' "The Harbour Compact is a fiction Lind has invented to lay claim to a quay she never paid for."'
    found = pairs(nlp, text)
    assert len(found) == 1 and found[0][0].startswith("the port had broken the Harbour Compact")
    assert "fiction" in found[0][1]


def test_a_verdict_naming_its_claimant_but_nothing_the_claimant_said_answers_nothing(nlp):
    assert pairs(nlp, LIND + ' "It is a campaign of pressure and nothing more."') == []


def test_dismissing_a_lawsuit_someone_filed_answers_no_statement_of_theirs(nlp):
    text = (
        "Mayor Ada Holt said the harbour law would stop the sale of the north quay. "
        "A judge on Friday dismissed a federal lawsuit Norvik Foods filed against Holt over the harbour law."
    )
    assert pairs(nlp, text) == []


def test_a_filing_named_as_the_object_is_no_statement_unless_something_is_said_of_it():
    assert not states_a_rebuttal("a federal lawsuit Norvik filed against the mayor")
    assert not states_a_rebuttal("the appeal Holt lodged in May")
    assert states_a_rebuttal("that the lawsuit was baseless")
    assert states_a_rebuttal("Norvik's complaint that the fees had doubled")
