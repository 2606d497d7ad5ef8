"""Quotes that run over paragraphs: the newsroom convention (no closing mark at a paragraph's end, an opening mark
at the next one's start), and quote paragraphs that follow a speaker's quote unsigned."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.parse.spans import find_quotes
from tests.unit.test_attribution import parts


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_each_paragraph_of_a_quote_left_open_until_the_next_opening_mark_is_a_quote():
    text = "The council said: “Our aim is a fair deal.\n\n“Talks must resume.\n\n“We will not bend.”\n\nThe port shut."
    quoted = [text[s:e] for s, e in find_quotes(text)]
    assert quoted == ["“Our aim is a fair deal.", "“Talks must resume.", "“We will not bend.”"]


def test_a_lone_mark_at_a_line_end_or_narration_between_is_never_made_a_quote():
    text = 'Polls differ: forty, yes; fifty, no."\n\n“This is in their heads,” said Lund.'
    assert [text[s:e] for s, e in find_quotes(text)] == ["“This is in their heads,”"]
    text = 'She spoke of a plot and a pillow."\n\nHis zeal is set down in full:\n\n“Here he comes,” she said.'
    assert [text[s:e] for s, e in find_quotes(text)] == ["“Here he comes,”"]


def test_the_paragraphs_of_a_quote_after_a_colon_all_go_to_its_speaker(nlp):
    text = (
        "The dockers' council said on Monday: “Our aim remains a fair contract for every member.\n\n"
        "“Any deal will need real talks, and we are ready for them.\n\n“We will not accept conditions set in advance.”"
        "\n\nThe port stayed closed."
    )
    said = {a["source"]: a["content"] for a in parts(nlp, text)}
    assert said["The dockers' council"] == [
        "Our aim remains a fair contract for every member",
        "Any deal will need real talks, and we are ready for them",
        "We will not accept conditions set in advance",
    ]


def test_quote_paragraphs_after_a_signed_quote_on_single_lines_go_on_with_its_speaker(nlp):
    text = (
        "Harbor Line sued the council on Tuesday.\n“The council keeps blocking our ships for its own gain,” the "
        "company said on X.\n“Today we sued to stop it. It has been spreading false stories about us.\n“It never cared "
        "about the harbour. It always had its own plans.”\nThe council did not reply."
    )
    said = {a["source"]: a["content"] for a in parts(nlp, text)}
    assert said["the company"] == [
        "The council keeps blocking our ships for its own gain",
        "Today we sued to stop it. It has been spreading false stories about us",
        "It never cared about the harbour. It always had its own plans",
    ]


def test_straight_marks_left_open_are_not_read_as_a_run_of_quote_paragraphs():
    # straight marks also open paragraphs excerpted from another text or a transcript ("LEE: ..."), which are no
    # one speaker's run
    text = 'The Ledger reports:\n\n"In a sign of the mood, few gave.\n\n"LEE: Let us start with the debate."\n\nEnd.'
    assert [text[s:e] for s, e in find_quotes(text)] == ['"LEE: Let us start with the debate."']


def test_a_cue_inside_quoted_words_hands_no_paragraph_on(nlp):
    # the letter's writer quotes the other side ("Mira noted it is ..."); the next paragraph of the letter is not Mira's
    text = (
        "Kest wrote to the board:\n“Since the deal, there has been no real talk from Mira, whose chief noted it is "
        "“seriously” weighing our offer.\n“Rather, you have stalled us at every turn.”\nThe board replied on Friday."
    )
    for a in parts(nlp, text):
        if "Rather, you have stalled us at every turn" in a["content"]:
            assert "Mira" not in a["source"]


def test_narration_that_ends_in_a_quoted_phrase_does_not_run_on_into_the_next_quote(nlp):
    text = (
        'The suit accuses the mayor of greed and "unfair dealing." "He claims that without help, he will suffer '
        'harm," Ana Ruiz, a lawyer for the mayor, wrote in the filing.'
    )
    said = {a["source"]: a["content"] for a in parts(nlp, text)}
    assert all("He claims" not in piece for piece in said.get("The suit", []))
