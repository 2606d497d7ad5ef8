"""Words the parse took from the wrong clause never become someone's claim; the usual report shapes still do."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.attribution.misread import misread
from knowledge.extract.attribution.record import Attribution
from knowledge.extract.attribution.relations import find_attributions
from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def said(nlp, text: str) -> list[tuple[str | None, str]]:
    """(speaker, words) of every claim the sentence gives."""
    a = analyze_doc(nlp(text), datetime(2025, 5, 6))
    return [(c.speaker, text[c.content[0] : c.content[1]]) for c in a.claims]


@pytest.mark.parametrize(
    "text, not_said",
    [
        ("Farm groups condemned the tariff; city councils railed against it.", "Farm groups condemned the tariff"),
        ("The mayor is boxed in by her past: she and her deputy backed the stadium deal.", "The mayor is boxed in"),
        ("The budget grew faster than many economists and seasoned bankers expected.", "The budget grew"),
        ("The worst of it is that she doesn't even believe it herself.", "The worst of it is"),
        (
            "The charity has taken millions of dollars from firms that the regulator - before and after the merger - "
            "criticized for their safety records.",
            "The charity has taken",
        ),
        (
            "Judged against the slow pace of the last decade - the council approved the bridge in March - the "
            "mayor's plan sounds sensible.",
            "Judged against",
        ),
        (
            "Unemployment fell to 3 percent last year (the figure is disputed, according to union records).",
            "Unemployment",
        ),
    ],
)
def test_a_clause_joined_to_a_later_cue_by_anything_but_a_comma_is_nobodys_claim(nlp, text, not_said):
    claims = said(nlp, text)
    assert not any(words.startswith(not_said) for _speaker, words in claims), claims


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        ("The plan is fair, the minister said.", "the minister", "The plan is fair"),
        ("“We will win,” the coach said.", "the coach", "We will win"),
        (
            '"The firm has become a closed shop run for one owner." the complaint had alleged.',
            "the complaint",
            "The firm has become a closed shop run for one owner",
        ),
        (
            "Prices rose 4 percent according to a survey released Monday.",
            "a survey released Monday",
            "Prices rose 4 percent",
        ),
        ("The leak was first reported by The Daily Courier.", "The Daily Courier", "The leak"),
    ],
)
def test_words_before_their_cue_after_a_comma_a_quote_or_in_a_passive_stay_the_speakers_claim(
    nlp, text, speaker, words
):
    assert (speaker, words) in said(nlp, text)


def test_a_subordinate_report_never_runs_on_into_the_main_clause_of_its_sentence(nlp):
    claims = said(
        nlp,
        "When the mayor suggested that the city would sue the state for breaking the deal, the governor shot back "
        "angrily: “They will lose.”",
    )
    assert ("the mayor", "that the city would sue the state for breaking the deal") in claims
    claims = said(
        nlp,
        "Though she has said she will follow the advice of the auditors – the ones the board just overruled – "
        "critics are still unhappy.",
    )
    assert claims and not any("critics" in words for _speaker, words in claims), claims


def test_the_attribution_of_a_misread_clause_is_kept_for_the_benchmark(nlp):
    """Only the claim goes: the attribution stays, as PolNeAR's figures read it."""
    text = "Farm groups condemned the tariff; city councils railed against it."
    atts = find_attributions(nlp(text))
    assert any(text[a.cue[0][0] : a.cue[0][1]].startswith("railed") for a in atts)


def test_a_speaker_whose_words_hold_the_cue_or_the_words_said_is_a_misread_sentence():
    text = "Jane Roe on Monday endorsed the re-election of Sen. Tom Hale (R-Wis.), Sen. Ann Vik and others."
    cue = (text.index("endorsed"), text.index("endorsed") + len("endorsed"))
    content = ((text.index("the re-election"), text.index("(R-Wis") + 6),)
    whole = ((0, len(text) - 1),)
    shaped = dict(stance="support", negated=False, via=None, parent=None, kind="indirect", cue_lemma="endorse")
    assert misread(text, Attribution(cue=(cue,), content=content, source=whole, **shaped))
    assert not misread(text, Attribution(cue=(cue,), content=content, source=((0, 8),), **shaped))
