"""Organisations the text names in ways the tagger or the walk back missed: a name written again untagged, a name
with "&" in it, a description that names itself by apposition, "according to the company", a thing the
organisation owns as the subject, and the one union an article names."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def speakers(nlp, text: str) -> dict[str, str]:
    """first three words of each claim's content -> speaker as a briefing shows it."""
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    out = {}
    for c in a.claims:
        shown = a.entities[c.speaker_entity].name if c.speaker_entity is not None else c.speaker
        out[" ".join(text[c.content[0] : c.content[1]].split()[:3])] = shown
    assert out, "no claim was extracted"
    return out


def test_a_name_with_an_ampersand_is_one_subject_so_it_after_it_is_that_company(nlp):
    text = "Nine & x noted that regulators would require a sale, but it said Halvard Foods had no plan."
    assert speakers(nlp, text)["Halvard Foods had"] == "Nine & x"


def test_the_company_after_a_name_with_an_ampersand_is_that_company(nlp):
    text = (
        'There is no guarantee that either proposal will be accepted, Nine & x noted. "No decision has been '
        'made," the company said.'
    )
    assert speakers(nlp, text)["No decision has"] == "Nine & x"


def test_an_organisation_name_the_tagger_missed_the_second_time_is_still_that_organisation(nlp):
    from knowledge.extract.entities import find_entities

    text = "Halvard Foods made an offer for Nine & x in May. Later, Nine & x said it would think about it."
    ents = find_entities(nlp(text))
    second = text.rindex("Nine & x")
    found = ents.at(second, second + len("Nine & x"))
    assert found is not None and ents.entities[found].name == "Nine & x"


def test_a_description_that_names_itself_by_apposition_is_the_organisation_named(nlp):
    text = (
        "Halvard Foods said it withdrew its offer. The union, the Guild of Harbour Pilots and Dock Workers, "
        "said on Tuesday that Halvard Foods refused to raise wages."
    )
    assert speakers(nlp, text)["that Halvard Foods"] == "Guild of Harbour Pilots and Dock Workers"


def test_according_to_the_company_is_the_company_named_before(nlp):
    text = (
        "Halvard Foods said it withdrew its offer. The average pay of its dockers is $75,000 and will rise to "
        "$90,000 under the new deal, according to the company."
    )
    assert speakers(nlp, text)["The average pay"] == "Halvard Foods"


def test_the_company_after_a_subject_an_organisation_owns_is_the_owner(nlp):
    text = (
        "Halvard Foods raised its offer for all of Nine & X. Nine & X has yet to respond. "
        "Halvard Foods’s daily operations have faced headwinds this year. "
        "The company reported earnings of 74 cents a share, below estimates."
    )
    assert speakers(nlp, text)["earnings of 74"] == "Halvard Foods"


def test_the_union_before_any_union_is_a_subject_is_the_one_union_the_article_names(nlp):
    text = (
        "Halvard Foods said it withdrew its offer after talks with the dockers broke down. "
        "The union said Halvard Foods refused to raise wages. "
        "The union, the Guild of Harbour Pilots and Dock Workers, said on Tuesday that the offer was an insult."
    )
    assert speakers(nlp, text)["Halvard Foods refused"] == "Guild of Harbour Pilots and Dock Workers"
