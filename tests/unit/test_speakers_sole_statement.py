"""A document named again far from where its issuer was said to issue it: "X said in a statement … [many
sentences] … the statement added" is X's when X is the one speaker the text gives a statement; with two, it stays
as written."""

from __future__ import annotations

import pytest

from knowledge.extract.nlp import load_nlp
from tests.claim_speakers import speakers_by_opening as speakers

_FILLER = (
    "Ruiz is now in Spain. The council met on Tuesday. Prices rose in March. The port was closed. Ferries were "
    "late. The mayor was away. Schools stayed open. "
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_statement_far_on_is_the_one_speaker_who_issued_a_statement(nlp):
    text = (
        "Ana Ruiz said in a statement on Monday that she was forced to sign the letter. "
        + _FILLER
        + '"A document signed under duress is worthless," the statement added.'
    )
    assert speakers(nlp, text)["A document signed"] == "Ana Ruiz"


def test_the_statement_far_on_stays_as_written_when_two_speakers_issued_statements(nlp):
    text = (
        "Ana Ruiz said in a statement on Monday that she was forced to sign the letter. Tom Vance said in a "
        "statement that the vote was fair. "
        + _FILLER
        + '"A document signed under duress is worthless," the statement added.'
    )
    assert speakers(nlp, text)["A document signed"] not in ("Ana Ruiz", "Tom Vance")
