"""Annotated claims the store never held, in two shapes of real pages: a quotation a cut-off page leaves open, and a
report whose verb the parser hung on the speaker's name after a quotation."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from knowledge.extract.attribution.relations import find_attributions
from knowledge.extract.nlp import load_nlp
from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.spans import find_quotes
from knowledge.extract.parse.stranded import misread_cue
from tests.unit.test_attribution import parts


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_quotation_the_end_of_a_cut_off_page_leaves_open_runs_to_the_end_of_the_text():
    text = "The ferry crews struck.\n\n“We will sail,” the mayor said. “These boats carry most of the island's food and"
    assert [text[s:e] for s, e in find_quotes(text)] == [
        "“We will sail,”",
        "“These boats carry most of the island's food and",
    ]


def test_a_mark_left_open_before_the_last_paragraph_or_closing_a_word_is_no_cut_off_quotation():
    text = "She wrote “We will sail.\n\nThe crews went home."
    assert find_quotes(text) == []
    text = "The crews went home. The new captain is 6'2\""
    assert find_quotes(text) == []


def test_the_words_of_a_quotation_a_cut_off_page_leaves_open_go_on_with_the_speaker_before_them(nlp):
    text = (
        "Ferry crews walked out on Monday. “It is vital for both sides to reach a fair deal soon that keeps the "
        "ferries running,” the mayor said in a statement. “These ferries carry more than 60% of all island freight and 5"
    )
    said = {a["source"]: a["content"] for a in parts(nlp, text)}
    assert said["the mayor"] == [
        "It is vital for both sides to reach a fair deal soon that keeps the ferries running",
        "These ferries carry more than 60% of all island freight and 5",
    ]


def _misread(nlp) -> Doc:
    """'“I am proud of our crews,” Okafor posted online.' as the small parser reads it after some quotations: the
    name an attribute of the quotation's "am", the verb a clause modifying the name."""
    words = ["“", "I", "am", "proud", "of", "our", "crews", ",", "”", "Okafor", "posted", "online", "."]
    spaces = [False, True, True, True, True, True, False, False, True, True, True, False, False]
    heads = [2, 2, 2, 2, 3, 6, 4, 2, 2, 2, 9, 10, 2]
    deps = "punct nsubj ROOT acomp prep poss pobj punct punct attr acl advmod punct".split()
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "ADP", "PRON", "NOUN", "PUNCT", "PUNCT", "PROPN", "VERB", "ADV", "PUNCT"]
    tags = ["``", "PRP", "VBP", "JJ", "IN", "PRP$", "NNS", ",", "''", "NNP", "VBD", "RB", "."]
    lemmas = ["“", "I", "be", "proud", "of", "our", "crew", ",", "”", "Okafor", "post", "online", "."]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_report_verb_the_parser_hung_on_the_name_after_a_quotation_is_that_names_cue(nlp):
    doc = _misread(nlp)
    found = misread_cue(doc[10], lex.VERB_CUES)
    assert found is not None
    assert (found.lemma, sorted(found.source), found.speaker_start) == ("post", [9], 9)


def test_the_quotation_before_a_misread_report_verb_is_its_speakers_claim(nlp):
    doc = _misread(nlp)
    found = find_attributions(doc)
    assert found
    said = {" ".join(doc.text[s:e] for s, e in a.source): [doc.text[s:e] for s, e in a.content] for a in found}
    assert said == {"Okafor": ["I am proud of our crews"]}


def test_a_modifying_clause_after_a_name_with_no_quotation_before_it_is_no_misread_cue(nlp):
    doc = nlp("The ministers met Okafor, who posted the minutes online.")
    assert all(misread_cue(t, lex.VERB_CUES) is None for t in doc)


def test_a_quote_paragraph_after_a_paragraph_ending_in_a_report_goes_on_with_its_speaker(nlp):
    text = (
        "Ana Reyes, who chairs the harbour board, said at Tuesday's meeting that the old board had hidden the leases."
        "\n\n“They signed these deals in the last hour, when nobody was watching.”\n\nThe leases run for 30 years."
    )
    said = {a["source"]: a["content"] for a in parts(nlp, text)}
    assert said["Ana Reyes, who chairs the harbour board"] == [
        "that the old board had hidden the leases",
        "They signed these deals in the last hour, when nobody was watching",
    ]


def test_a_quote_paragraph_after_narration_or_with_a_cue_of_its_own_is_not_the_last_speakers(nlp):
    text = (
        "Ana Reyes said the old board had hidden the leases. The board met again on Friday.\n\n"
        "“They signed these deals in the last hour.”\n\n“We followed every rule,” Tom Hale said."
    )
    said = {a["source"]: a["content"] for a in parts(nlp, text)}
    assert said["Ana Reyes"] == ["the old board had hidden the leases"]
    assert said["Tom Hale"] == ["We followed every rule"]


def test_a_quote_paragraph_goes_on_with_the_last_report_of_the_paragraph_before_not_an_earlier_one(nlp):
    text = (
        "Noting the long delays at the port, the harbour board said on Friday that the old board had hidden the "
        "leases.\n\n“They signed these deals in the last hour.”\n\nThe leases run for 30 years."
    )
    holding = [a for a in parts(nlp, text) if "They signed these deals in the last hour" in a["content"]]
    assert [a["cue"] for a in holding] == ["said"]


def test_a_quote_paragraph_after_an_act_rather_than_a_speech_verb_is_not_added_to_it(nlp):
    text = (
        "After a five-day hearing, the court denies the motion for an injunction.\n\n"
        "“The agency has not shown it is likely to succeed on its claims.”\n\nThe deal can close in July."
    )
    holding = [a for a in parts(nlp, text) if any("has not shown" in c for c in a["content"])]
    assert all(a["lemma"] != "deny" for a in holding)
