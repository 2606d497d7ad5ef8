"""Disputes across articles, through ingestion into a real SQLite store: a denial in one article is paired with a
claim in another only when both are about the same proposition."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowledge.ingest.pipeline import ingest
from knowledge.models import DocumentInput

CLAIM = (
    "Harbour row deepens\n\nUnion chairman Erik Solberg said on Monday that the board led by Lise Moen had sold "
    "the north quay to a private developer."
)
RELATED = (
    "Board answers union\n\nBoard chair Lise Moen denied on Tuesday that the board had sold the north quay to a "
    "developer. She said the quay remained public land."
)
UNRELATED = (
    "Ferry plans confirmed\n\nBoard chair Lise Moen denied on Wednesday that the winter ferry timetable would be "
    "cut. She said the ferries would run as before."
)


def put(store, text, day):
    when = datetime(2025, 5, day, 9, tzinfo=UTC)
    report = ingest(store, [(f"doc{day}", DocumentInput(text=text, outlet=f"Wire {day}", published_at=when))])
    assert report.stored == 1


def pairs(store):
    return [
        (r["a"], r["b"])
        for r in store.db.query(
            "SELECT a.quote AS a, b.quote AS b FROM disputes d JOIN claims a ON a.id = d.claim_id "
            "JOIN claims b ON b.id = d.other_claim_id"
        )
    ]


def test_a_denial_in_another_article_pairs_with_the_claim_on_the_same_proposition_only(store):
    put(store, CLAIM, 12)
    put(store, UNRELATED, 13)
    assert pairs(store) == []  # the same people, another proposition: a plain denial
    put(store, RELATED, 14)
    found = pairs(store)
    assert len(found) == 1
    claim, denial = found[0]
    assert "sold the north quay to a private developer" in claim and "sold the north quay to a developer" in denial


ANSWERED_HERE = (
    "Quay row reaches council\n\nUnion treasurer Nils Berge said on Thursday that the board had sold the north quay to "
    "a private developer. Board chair Lise Moen denied that the board had sold the north quay to a developer."
)


@pytest.mark.parametrize("order", [(12, 15), (15, 12)])
def test_a_denial_its_own_article_answers_is_never_paired_with_a_claim_elsewhere(store, order):
    for day in order:
        put(store, CLAIM if day == 12 else ANSWERED_HERE, day)
    found = pairs(store)
    assert len(found) == 1  # Moen's denial answers Ahl beside it, not also Solberg in the other article
    assert found[0][0].startswith("that the board had sold the north quay to a private developer")


def test_one_claim_answered_by_two_outlets_shows_both_rebuttals_in_the_briefing(store):
    from knowledge.brief.compose import compose
    from knowledge.brief.query import parse_query

    claim = (
        "Harbour row deepens\n\nUnion chairman Erik Solberg said on Monday that board members Lise Moen and Nils Berge "
        "had sold the north quay to a private developer."
    )
    second = (
        "Treasurer answers union\n\nBoard treasurer Nils Berge denied on Friday that the board had sold the north quay "
        "to a private developer."
    )
    put(store, claim, 12)
    put(store, RELATED, 14)
    put(store, second, 16)
    assert len(pairs(store)) == 2
    b = compose(store, parse_query("solberg"))
    assert [p.claim.quote for p in b.disputes][0] == [p.claim.quote for p in b.disputes][1]
    assert {p.denial.speaker for p in b.disputes} >= {"Lise Moen", "Nils Berge"}


def test_a_denial_its_article_left_unpaired_is_paired_once_the_store_knows_two_names_as_one_party(store):
    # the article's own pass reads "Marlow & i" as "Marlow", another name than "Marlow & I", so the claim is not
    # known to be about the denier; the store, which met Marlow in an earlier article, resolves both to one entity
    earlier = (
        "Bank results\n\nMarlow & I Holdings reported a profit on Monday. Shares in Marlow rose five percent after "
        "the report, and Marlow chief Ada Lind said that the bank would open a branch."
    )
    put(store, earlier, 11)
    text = (
        "Harbour row\n\nNordhavn Shipping said that there has been no sincere engagement from Marlow & i over the "
        "sale. Marlow & I rejected the statement that it has not engaged in sincere talks."
    )
    put(store, text, 12)
    assert pairs(store) == [
        (
            "that there has been no sincere engagement from Marlow & i over the sale",
            "the statement that it has not engaged in sincere talks",
        )
    ]
