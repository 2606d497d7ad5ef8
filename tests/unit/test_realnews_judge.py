"""The real-news benchmark's judge of summary lines (parser-based, independent of the product's lexical check in
`knowledge.text.wellformed`): complete sentences pass, each kind of fragment is named."""

from __future__ import annotations

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))

from realnews_judge import body_of, is_complete_sentence, sentence_problems, unbalanced_quotes  # noqa: E402


def kinds(line: str) -> list[str]:
    return [p.kind for p in sentence_problems(line)]


@pytest.mark.parametrize(
    "line",
    [
        "Harbour chief Maria Lindqvist says the quay will reopen in June (2 outlets, 3–4 Jun)",
        "Lindqvist met Ola Berg in Riga (12 Mar)",
        "The union says the offer was rejected; the company denies it (3 outlets, 2 original, 14 Mar)",
        "Berg says “we will not sign” (date unknown)",
        "Ruiz warns that costs will rise 12% next year",
        "The ministry denies it",
        "The decision to close the quay was taken by Lindqvist’s deputy",
        "Berg and Ruiz’s joint plan was approved by the council",
        "Ruiz says the union agreed, while Berg did not (2 Mar)",
        "Berg asks: “Does anybody know what the plan of the council is?” (22 Sep)",
        "Many dockers say: “Keep the port open” (31 Aug)",
    ],
)
def test_complete_sentences_pass(line):
    assert sentence_problems(line) == [] and is_complete_sentence(line)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("The harbour plan for the reopening of the quay (2 outlets, 3 Jun)", "no finite verb"),
        ("Lindqvist says the plan for the quay in June", "no finite verb"),
        ("The union rejected the offer; the vote in March", "no finite verb"),
        ("The council voted against Lindqvist's (4 Jun)", "dangling possessive"),
        ("Berg said their and the council would meet", "dangling possessive"),
        ("Berg says “we will not sign the deal", "unbalanced quotes"),
        ("Berg says we will not sign” the deal", "unbalanced quotes"),
        ('Berg says "we will not sign the deal', "unbalanced quotes"),
        ("Berg says ‘we will not sign the deal", "unbalanced quotes"),
        ("Ruiz says the quay will reopen in June and the", "function word at a cut"),
        ("Ruiz says the quay will … of the repairs", "function word at a cut"),
        ("Ruiz says the quay would; Berg denies it", "function word at a cut"),
        ("said the quay would reopen in June", "starts mid-sentence"),
        ("Berg says: “do nothing to stop the strike”", "no finite verb"),
        ("Ruiz says the quay will reopen in …", "function word at a cut"),
    ],
)
def test_each_kind_of_fragment_is_named(line, kind):
    assert kind in kinds(line)


def test_the_briefings_tail_is_not_part_of_the_sentence():
    assert body_of("Kellogg met Lukashenko in Minsk (2 outlets, 21 Jun)") == "Kellogg met Lukashenko in Minsk"
    assert body_of("Kellogg met Lukashenko (in Minsk)") == "Kellogg met Lukashenko (in Minsk)"


def test_an_apostrophe_is_not_a_closing_quote_and_a_plural_possessive_closes_nothing():
    assert unbalanced_quotes("The workers’ union says it won’t sign") == ""
    assert unbalanced_quotes("He called it ‘a deal’ and left") == ""
    assert unbalanced_quotes("He called it ‘a deal and left") == "‘ never closed"


def test_a_demonstrative_that_closing_a_phrase_is_no_cut_but_a_complementiser_is():
    assert sentence_problems("Berg says there is a reason for that") == []
    assert "function word at a cut" in kinds("Berg says that")


@pytest.mark.parametrize(
    "line",
    [
        "In a letter to members, Mr Ruiz, president, and son Tomas, EVP, dismissed last week’s council statement as “nothing but spin”.",
        "“The queue was so long, so long, there was no end to it in any port,” said Ruiz (3 Jun)",
        "“Nobody asked the council anything,” Berg said dryly (22 Sep)",
        "The mayor was against the plan while the quay was shut, he said on Monday on Harbour Radio",
        "Ruiz “got a deal,” Berg said, and still “got to sit in on (the mayor's) meeting when it was held”",
    ],
)
def test_a_past_tense_the_tagger_reads_as_a_participle_and_an_attribution_after_the_statement_pass(line):
    assert sentence_problems(line) == []


def test_an_attribution_after_words_that_are_no_statement_is_still_named():
    assert "no finite verb" in kinds("The union, he said, the offer of a truce")
