"""The cue scan keeps every word a cue rule could take and skips only words none of them takes."""

from __future__ import annotations

import pytest

from knowledge.extract.attribution.scan import colons, cue_scan
from knowledge.extract.model.learned import get_scorer
from knowledge.extract.nlp import load_nlp
from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.stranded import misread_cue

TEXTS = [
    "According to the ministry, the bridge will reopen in May.",
    'The mayor said the vote was rigged and insisted that the count be repeated. "We did nothing wrong," the '
    "lawsuit states.",
    "Officials denied the claim that the plant had leaked, and the company did not respond to a request for comment.",
    "The board has been reviewing the deal since March, people familiar with the matter told reporters.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_scan_finds_according_claim_nouns_misread_verbs_and_verbs(nlp):
    doc = nlp(TEXTS[0] + " " + TEXTS[1] + " " + TEXTS[2])
    found = {t.text for t in cue_scan(doc)}
    assert {"According", "said", "insisted", "claim", "denied", "respond"} <= found
    assert not found & {"the", "bridge", "May", ",", "."}


def test_every_word_the_scan_skips_is_one_no_cue_rule_takes(nlp):
    scorer = get_scorer()
    for text in TEXTS:
        doc = nlp(text)
        kept = {t.i for t in cue_scan(doc)}
        skipped = [t for t in doc if t.i not in kept]
        assert skipped
        for tok in skipped:
            assert tok.lower_ != "according"
            assert not (tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.NOUN_CUES)
            assert misread_cue(tok, lex.VERB_CUES) is None
            assert scorer.candidate(tok) is None


def test_an_empty_document_has_nothing_to_scan(nlp):
    assert cue_scan(nlp("")) == []


def test_colons_are_the_colon_tokens_in_document_order(nlp):
    doc = nlp('The mayor did not mince words: "Never." Her aide added: "Not once." Ratio 3:1 stays.')
    found = colons(doc)
    assert found
    assert [t.i for t in found] == [t.i for t in doc if t.text == ":"]
    assert colons(nlp("")) == []
