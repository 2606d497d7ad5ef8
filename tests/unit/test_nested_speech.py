"""Reports inside reports and who a speaker spoke through: "A told B that X, C said" is A's claim reaching us via
C (B only heard it); "Y quoted X as saying" is X's claim via Y; a description such as "the company" continues the
organisation the story named, even many sentences on."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def claims(nlp, text: str):
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    assert a.claims, "no claim was extracted"
    return a, a.claims


def shown(a, c) -> str:
    return a.entities[c.speaker_entity].name if c.speaker_entity is not None else c.speaker


def test_the_inner_speaker_of_a_told_report_reaches_us_via_the_reporter_not_the_listener(nlp):
    text = (
        "Chancellor Ilse Marven on Monday told Governor Tomas Reyl that the port would never be sold, "
        "Deputy Minister Karl Obst said."
    )
    a, found = claims(nlp, text)
    inner = [c for c in found if text[c.content[0] : c.content[1]].startswith("that the port")]
    assert inner, "the told claim was not extracted"
    assert "Ilse Marven" in shown(a, inner[0])
    assert inner[0].via is not None and "Obst" in inner[0].via
    assert all(c.via is None or "Reyl" not in c.via for c in found)


def test_a_told_report_goes_on_after_and_when_the_next_clause_has_its_own_subject(nlp):
    text = (
        "The chancellor told the governor that the harbour works were “urgent” and the contractors had finished "
        "only the northern pier, the deputy minister said."
    )
    a, found = claims(nlp, text)
    inner = [c for c in found if c.cue == "told"]
    assert inner, "the told claim was not extracted"
    assert text[inner[0].content[0] : inner[0].content[1]].endswith("only the northern pier")


def test_the_one_quoted_as_saying_is_the_speaker_and_the_quoter_the_channel(nlp):
    text = "Obst quoted Marven as having repeated that the sale was discussed only with the harbour board."
    a, found = claims(nlp, text)
    inner = [c for c in found if text[c.content[0] : c.content[1]].startswith("that the sale")]
    assert inner, "the quoted claim was not extracted"
    assert shown(a, inner[-1]) == "Marven"
    assert inner[-1].via == "Obst"


def test_the_company_many_sentences_after_the_company_was_a_subject_is_still_that_company(nlp):
    text = (
        "Halvard Foods said on Monday that its bakery would reopen. The strike cost millions. Workers returned to "
        "the ovens. Analysts were cautious. Shares rose on Tuesday. Shops waited for bread. Inspectors checked the "
        "lines. Suppliers prepared flour. The average pay of bakers will rise to $60,000 under the new contract, "
        "according to the company."
    )
    a, found = claims(nlp, text)
    pay = [c for c in found if text[c.content[0] : c.content[1]].startswith("The average pay")]
    assert pay, "the according-to claim was not extracted"
    assert shown(a, pay[0]) == "Halvard Foods"


def test_an_outlet_told_is_still_the_channel(nlp):
    text = "The minister told Reuters that the port would stay open."
    a, found = claims(nlp, text)
    assert found[0].via == "Reuters"


def test_a_capital_that_speaks_is_stored_as_its_country_when_the_article_names_it(nlp):
    text = (
        "Norway and Sweden agreed on a new border crossing on Saturday. Oslo said the talks were held directly "
        "between the two ministries."
    )
    a, found = claims(nlp, text)
    assert shown(a, found[0]) == "Norway"


def test_the_press_told_is_the_channel_but_a_named_listener_is_not(nlp):
    text = "Mayor Ana Holt told reporters that the bridge would reopen. She told Governor Piet Malan that it was safe."
    a, found = claims(nlp, text)
    vias = {text[c.content[0] : c.content[1]].split()[1]: c.via for c in found}
    assert vias == {"the": "reporters", "it": None}
