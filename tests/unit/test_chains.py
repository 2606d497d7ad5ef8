"""Reporting chains and asides: who said it first, through whom, and claims told inside a dash aside."""

from __future__ import annotations

import pytest

from knowledge.extract.attribution.relations import find_attributions
from knowledge.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def found(nlp, text):
    doc = nlp(text)
    out = []
    for a in find_attributions(doc):
        out.append(
            (
                " ".join(text[s:e] for s, e in a.source),
                a.cue_lemma,
                " … ".join(text[s:e] for s, e in a.content),
                text[a.via[0] : a.via[1]] if a.via else None,
            )
        )
    return out


def test_according_to_an_outlet_which_cited_sources_makes_the_sources_speak_via_the_outlet(nlp):
    text = "The mine will close in June, according to the Korvik Daily, which cited two managers."
    assert found(nlp, text) == [("two managers", "according to", "The mine will close in June", "the Korvik Daily")]


def test_an_outlet_reporting_citing_sources_passes_the_claim_to_the_sources(nlp):
    text = "The Herald reported, citing three officials, that the plan had been dropped."
    assert found(nlp, text) == [("three officials", "report", "that the plan had been dropped", "The Herald")]


def test_told_names_the_listener_as_the_channel(nlp):
    ((source, _, _, via),) = found(nlp, "Union leader Sami Rask told the Korvik Daily that workers were angry.")
    assert (source, via) == ("Union leader Sami Rask", "the Korvik Daily")


def test_a_claim_inside_a_dash_aside_is_found_with_what_it_is_about(nlp):
    text = "She has defended the new aid to farmers—something Nordby claims only raises prices—in every speech."
    assert ("Nordby", "claim", "the new aid to farmers … only raises prices", None) in found(nlp, text)
