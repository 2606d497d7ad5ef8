"""Claims as the briefing sees them: speakers matched to entities only when clear, channels, disputes."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc, headline_end


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def analyze(nlp, text):
    a = analyze_doc(nlp(text), datetime(2025, 5, 6))
    return a, {(c.speaker, c.via, c.stance) for c in a.claims}


def test_an_anonymous_official_speaking_to_an_outlet_is_attributed_through_that_outlet(nlp):
    text = (
        "A Latvian official, speaking anonymously to Baltic Radio, was blunt: “The port deal is dead.” "
        "The ministry did not comment."
    )
    a, found = analyze(nlp, text)
    claim = next(c for c in a.claims if c.speaker and "official" in c.speaker)
    assert claim.via == "Baltic Radio" and claim.speaker_entity is None


def test_a_nationality_in_the_speaker_phrase_is_not_the_speaker(nlp):
    a, _ = analyze(nlp, "Russian officials said that the talks would continue in Geneva next week.")
    claim = a.claims[0]
    assert claim.speaker == "Russian officials" and claim.speaker_entity is None


def test_a_denial_is_linked_to_the_claim_about_the_person_who_denies_it(nlp):
    text = (
        "Union leader Ola Berg claimed that Maria Lindqvist agreed to a pay rise for dock workers. "
        "Lindqvist denied that she had agreed to any pay rise."
    )
    a, _ = analyze(nlp, text)
    assert len(a.disputes) == 1
    claim, denial = a.claims[a.disputes[0].claim], a.claims[a.disputes[0].other]
    assert denial.stance == "deny" and "Ola Berg" in claim.speaker


def test_a_headline_line_is_recognised_and_its_claims_left_to_the_body():
    assert headline_end("Mayor denies quay deal\n\nThe mayor denied the deal.") == len("Mayor denies quay deal")
    assert headline_end("The mayor denied the deal.\nMore text.") == 0


def test_a_refusal_to_comment_is_never_the_claim_a_denial_answers(nlp):
    text = (
        "Union leader Ola Berg declined to say whether Maria Lindqvist agreed to a pay rise for dock workers. "
        "Lindqvist denied that she had agreed to any pay rise for dock workers."
    )
    a, found = analyze(nlp, text)
    assert any(stance == "no_comment" for _, _, stance in found)
    assert a.disputes == []


def test_a_quote_split_around_its_cue_keeps_its_pieces_without_the_cue(nlp):
    text = "“The audit will clear us,” Ostrow told the Courier. “We have nothing to hide.”"
    a, _ = analyze(nlp, text)
    claim = next(c for c in a.claims if c.speaker == "Ostrow")
    assert [text[s:e] for s, e in claim.fragments] == ["The audit will clear us", "We have nothing to hide"]
    assert claim.content == (claim.fragments[0][0], claim.fragments[-1][1]) and claim.via == "the Courier"


def test_an_actor_named_only_in_a_did_not_respond_sentence_is_no_entity_but_one_named_in_the_body_keeps_its_mentions(
    nlp,
):
    text = (
        "Dockers at Galen voted to strike on Monday, the union's leader Dario Mendes said. Harbor Logistics raised "
        "its handling fees last month. Harbor Logistics did not immediately respond to a request for comment.\n\n"
        "Channel 9 News reached out to the port authority for comment but has not heard back.\n\n"
        "Mendes said the vote was a warning to every operator on the coast."
    )
    a, _ = analyze(nlp, text)
    names = {e.name: e for e in a.entities}
    assert "Dario Mendes" in names and "Harbor Logistics" in names
    assert not any("Channel 9" in n for n in names)
    furniture = text.index("Harbor Logistics did not")
    assert names["Harbor Logistics"].mentions and all(s < furniture for s, _ in names["Harbor Logistics"].mentions)
    assert a.claims
    for c in a.claims:
        assert c.speaker_entity is None or a.entities[c.speaker_entity].name in ("Dario Mendes", "Mendes")


def test_a_quote_glued_to_the_words_around_it_is_split_off_and_the_claim_keeps_its_whole_object(nlp):
    """Scraped pages drop the space before or after a curly quote; the quote must not become part of a word."""
    tokens = [t.text for t in nlp("Officials rejected Vale's remarks on“no hard proof”against the port.")]
    assert tokens[4:11] == ["remarks", "on", "“", "no", "hard", "proof", "”"] and tokens[11] == "against"
    assert [t.text for t in nlp("Don't split O'Neill's words, he said.")][:5] == ["Do", "n't", "split", "O'Neill", "'s"]
    text = "The port authority has slammed Mayor Vale's comments on“no hard proof” against the union."
    a, _ = analyze(nlp, text)
    contents = [text[c.content[0] : c.content[1]] for c in a.claims]
    assert contents, "the criticism is a claim"
    assert "Mayor Vale's comments on“no hard proof” against the union" in contents
