"""A participle closing a sentence goes with the sentence's subject, not with a thing inside what was said:
"X warned whether the vote would be fair, saying P" is X's P. A participle whose speaker can speak stays as read."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_participle_hung_on_a_clause_about_a_thing_is_the_sentence_subjects(nlp):
    text = (
        "Halvard Foods has long warned about whether the vote would be fair, saying decisions by regulators "
        "were meant to create obstacles."
    )
    assert speakers(nlp, text)["decisions by regulators"] == "Halvard Foods"


def test_a_thing_is_recognised_by_its_words_and_a_speaker_is_not():
    from knowledge.extract.speakers.participles import _can_speak

    assert not _can_speak("the vote")
    assert not _can_speak("the talks")
    assert _can_speak("the union")
    assert _can_speak("analysts")
    assert _can_speak("the report")
    assert _can_speak("Ana Ruiz")
    assert _can_speak("it")
