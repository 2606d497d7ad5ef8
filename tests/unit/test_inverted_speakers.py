"""A speech verb before its speaker, the quote after a colon: 'Added Ana Ruiz: "…"'."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.unit.test_attribution import parts


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_speech_verb_opening_the_sentence_names_the_speaker_after_it(nlp):
    text = (
        "The suit was filed in Delaware.\nContinued Berg: “We are acting to protect our members and our customers. "
        "We believe strongly in our case.”\nThe court has not set a date."
    )
    (a,) = parts(nlp, text)
    assert (a["source"], a["cue"]) == ("Berg", "Continued")
    assert a["content"] == ["We are acting to protect our members and our customers. We believe strongly in our case"]
    (b,) = parts(nlp, "The mayor spoke first. Added Ana Ruiz: “We will not wait any longer.”")
    assert (b["source"], b["cue"]) == ("Ana Ruiz", "Added")


def test_a_verb_that_is_no_speech_before_a_colon_names_no_speaker(nlp):
    for a in parts(nlp, "The plan is simple. Consider Paris: “a city of light,” as one guide puts it."):
        assert a["source"] != "Paris"
