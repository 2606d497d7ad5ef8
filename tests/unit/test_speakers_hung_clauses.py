"""Who does a verb the parser hangs on another clause (parse/doers): who asked in "told the Herald when asked",
who goes on in a participle hung inside a when-clause, and who does the middle act of a list."""

from __future__ import annotations

import pytest

from knowledge.extract.attribution.relations import find_attributions
from knowledge.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def source_of(nlp, text: str, cue: str) -> list[str]:
    found = [a for a in find_attributions(nlp(text)) if " ".join(text[s:e] for s, e in a.cue) == cue]
    assert found, cue
    return [text[s:e] for s, e in found[0].source]


def test_who_asked_is_the_one_told_not_the_one_who_answered(nlp):
    text = (
        "“I stand by every word,” the Ohio governor told THE HARBOUR HERALD on Monday when asked if he still believes"
        " the port deal cannot be saved."
    )
    assert source_of(nlp, text, "told") == ["the Ohio governor"]
    assert source_of(nlp, text, "asked") == ["THE HARBOUR HERALD"]


def test_a_participle_after_a_when_clause_goes_on_from_the_main_speaker(nlp):
    text = (
        '"We need her back in the council," Dorsey said during a panel on his show after the young mayor easily won'
        ' her primary, remarking that while some voters are "still angry over the ferry plan," Lund already "paid a'
        ' heavy price."'
    )
    assert source_of(nlp, text, "remarking") == ["Dorsey"]


def test_the_middle_act_of_a_list_is_done_by_the_one_who_did_the_first(nlp):
    text = (
        "In fact, the only time the mayor came up was when Nina Holt speculated about the cost of her office,"
        " referred to the mayor's supposed temper and considered whether the governor's support would create a"
        " conflict of interest with the inquiry into her ferry contracts."
    )
    assert source_of(nlp, text, "considered") == ["Nina Holt"]
