"""A party never disputes its own side: a company's lawyer, spokeswoman or chief executive speaks for the company,
as the text says around the speaker's words, and two statements of one side are never shown as a dispute."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc
from knowledge.extract.sides import sides
from tests.unit.dispute_pairs import pairs


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _sides_by_speaker(nlp, text: str) -> dict[str, set[str]]:
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    names = {str(i): e.name for i, e in enumerate(a.entities)}
    found = sides(text, a.claims, a.entities)
    assert found, "the text has claims"
    return {c.speaker or "": {names.get(k, k) for k in s} for c, s in zip(a.claims, found)}


def test_a_spokeswoman_for_a_company_and_the_company_are_never_set_against_each_other(nlp):
    text = (
        "Halden blamed Norvik for the outage. A spokeswoman for Norvik said Halden was misleading in its response. "
        "Norvik said Halden had contributed to a misleading narrative that Norvik was responsible for its response."
    )
    assert pairs(nlp, text) == []


def test_an_attorney_representing_the_company_speaks_for_the_company_named_before(nlp):
    text = (
        "Halden blamed Norvik Corp. for the outage. An attorney representing the company said Halden was misleading. "
        "Halden declined to say more."
    )
    assert "Norvik" in _sides_by_speaker(nlp, text)["An attorney"]


def test_a_lawyer_named_after_his_role_for_a_described_company_speaks_for_that_company(nlp):
    text = (
        "Halden sued Norvik Corp. in March. A lawyer for the software company, Ed Marsh, said the claim had no merit. "
        "Marsh said the damages were far lower."
    )
    found = _sides_by_speaker(nlp, text)
    assert any("Norvik" in s for speaker, s in found.items() if "Marsh" in speaker)
    assert all("Norvik" in s for speaker, s in found.items() if "Marsh" in speaker)


def test_an_organisation_before_a_role_noun_is_the_side_of_the_person_named_after_it(nlp):
    text = "Halden sued Norvik in March. Norvik attorney Ed Marsh said the claim had no merit."
    found = _sides_by_speaker(nlp, text)
    assert any("Marsh" in speaker for speaker in found)
    assert all("Norvik" in s for speaker, s in found.items() if "Marsh" in speaker)


def test_an_analyst_at_a_company_does_not_speak_for_it(nlp):
    text = "Halden sued Norvik in March. An analyst at Norvik said the lawsuit would take years."
    assert all("Norvik" not in s for s in _sides_by_speaker(nlp, text).values())


def test_a_clause_between_an_organisation_and_a_role_noun_makes_no_side(nlp):
    text = "Norvik said the union leader Ed Marsh had misled workers. Ed Marsh said the vote was fair."
    assert all("Norvik" not in s for speaker, s in _sides_by_speaker(nlp, text).items() if "Marsh" in speaker)


def test_the_other_partys_rebuttal_of_a_lawyers_claim_is_still_a_dispute(nlp):
    text = (
        "Halden said Norvik was misleading in its response to the outage. "
        "Norvik attorney Ed Marsh said Halden had contributed to a misleading narrative about its response."
    )
    assert len(pairs(nlp, text)) == 1


def test_a_companys_officer_answers_for_the_company_when_the_other_party_says_the_company_did_the_opposite(nlp):
    text = (
        "Karen Lund, chief executive of Norvik Corp., said the company improved pay during talks this week. "
        "The Halden Workers Union said on Tuesday that Norvik refused to improve wages or pensions."
    )
    found = pairs(nlp, text)
    assert len(found) == 1
    claim, rebuttal = found[0]
    assert claim.startswith("the company improved pay") and "Norvik refused to improve" in rebuttal


def test_an_officer_describing_another_company_does_not_answer_for_her_own(nlp):
    text = (
        "Ada Holt, chief executive of the Halden Workers Union, said the company improved pay during talks. "
        "The union's rival, Norvik Corp., said that Norvik refused to improve wages or pensions."
    )
    assert pairs(nlp, text) == []


def test_a_company_described_as_the_one_that_did_not_engage_is_answered_by_its_own_we_engaged(nlp):
    text = (
        "Halden Corp. said on Monday it was ending its bid for Norvik Holdings, saying there had been no "
        "constructive engagement from the Oslo-based company. Norvik's special committee said: "
        "“We consistently engaged in good faith, and we regret that Halden Corp. walked away.”"
    )
    found = pairs(nlp, text)
    assert any(
        "no constructive engagement" in claim and "engaged in good faith" in rebuttal for claim, rebuttal in found
    )


def test_a_description_that_fits_a_third_company_named_nearer_is_not_the_answering_party(nlp):
    text = (
        "Halden Corp. said on Monday it was ending its talks with Norvik Holdings after Brevik Holdings had left, "
        "saying there had been no constructive engagement from the Bergen company. Norvik's special committee "
        "said: “We consistently engaged in good faith, and we regret that Halden Corp. walked away.”"
    )
    assert not any("engaged in good faith" in rebuttal for _, rebuttal in pairs(nlp, text))
