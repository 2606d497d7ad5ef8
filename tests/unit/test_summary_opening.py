"""The lead story first: with `summary_opening_weight`, what articles open on outranks a detail from further down; and
the rows a summary reads come from every recent article in turn, so one long article cannot fill them."""

from __future__ import annotations

from typing import Any

from knowledge.brief.model import CitationRef
from knowledge.brief.outline import in_turn, members_of
from knowledge.brief.storylines import group
from knowledge.brief.summary import rank, summarize
from knowledge.tuning import tuned
from tests.unit.storyline_members import PEOPLE, member

OPENING = "Dockers at the port of Lindenport voted to end their strike on Tuesday after a new pay offer."
DETAIL = "The port of Lindenport handled fewer grain ships than any year since the harbour wall was rebuilt."


def _two_stories() -> tuple[list, list]:
    """An article's opening on one day, and a detail from the tenth paragraph of another article a day later."""
    opening = group([member("e:open", OPENING, doc="a", outlet="ledger", day=4, start=60)])
    detail = group([member("e:detail", DETAIL, doc="b", outlet="wire", day=5, start=2400)])
    return opening, detail


def test_with_a_weight_for_the_opening_a_storyline_an_article_opens_on_ranks_above_a_newer_detail():
    opening, detail = _two_stories()
    newest = detail[0].last
    with tuned(summary_opening_weight=0.5):
        assert rank(opening[0], newest, {"lindenport"}) > rank(detail[0], newest, {"lindenport"})


def test_with_a_weight_for_the_opening_the_summary_leads_with_what_an_article_opens_on():
    opening, detail = _two_stories()
    with tuned(summary_opening_weight=0.5):
        lines = summarize(opening + detail, PEOPLE, "Lindenport", max_lines=3)
    assert lines
    assert lines[0].storyline_id == opening[0].id


def test_with_no_weight_for_the_opening_the_newer_detail_leads():
    opening, detail = _two_stories()
    with tuned(summary_opening_weight=0.0):
        lines = summarize(opening + detail, PEOPLE, "Lindenport", max_lines=3)
    assert lines
    assert lines[0].storyline_id == detail[0].id


def _row(doc: str, start: int, n: int) -> dict[str, Any]:
    return {"id": f"{doc}-{n}", "document_id": doc, "start": start, "end": start + 40}


def test_rows_come_from_every_article_in_turn_each_article_opening_first():
    rows = [_row("new", 900, 1), _row("new", 100, 2), _row("new", 500, 3), _row("old", 300, 4), _row("old", 50, 5)]
    assert [r["id"] for r in in_turn(rows)] == ["new-2", "old-5", "new-3", "old-4", "new-1"]


def _claim_row(doc: str, start: int, n: int, day: int) -> dict[str, Any]:
    quote = f"the port of Lindenport will reopen within {n + 2} days of the vote"
    return {
        **_row(doc, start, n),
        "end": start + len(quote),
        "quote": quote,
        "speaker_name": "Maria Lindqvist",
        "stance": "assert",
        "sort_date": f"2025-05-{day:02d}",
        "published_at": f"2025-05-{day:02d}",
        "source_id": doc,
        "outlet": "Harbor Ledger",
    }


def _cite(row: dict[str, Any]) -> CitationRef:
    return CitationRef(document_id=row["document_id"], start=row["start"], end=row["end"], quote=row["quote"])


def test_one_long_recent_article_does_not_fill_the_rows_the_summary_reads():
    recent = [_claim_row("recent", 200 * k, k, day=9) for k in range(1, 6)]
    earlier = [_claim_row("earlier", 80, 7, day=2)]
    with tuned(summary_rows=3):
        members = members_of([], recent + earlier, None, {}, _cite, lambda row, quote: quote)
    assert {m.document_id for m in members} == {"recent", "earlier"}
    assert len(members) == 3
