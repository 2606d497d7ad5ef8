"""One meeting told by two articles written for this test: one dates it by relative words ("yesterday") and names
its people only as "the two ministers", the other states the calendar day a day earlier. The briefing of either
minister shows one line, dated by the stated day and citing the article that states it first."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.store import Store

ARTICLES = {
    "a1": (
        "Ferry talks in Lindenport",
        "Harbor Ledger",
        "2025-06-22T08:00:00+00:00",
        "Ferry talks in Lindenport\n\nForeign Minister Anna Berg travelled to the coast to see Pavel Domrin about "
        "the ferry dispute. The two ministers met in Lindenport yesterday and agreed to keep the crossing open.\n",
    ),
    "a2": (
        "Berg and Domrin keep the ferry running",
        "Northern Wire",
        "2025-06-23T08:00:00+00:00",
        "Berg and Domrin keep the ferry running\n\nAnna Berg met Pavel Domrin in Lindenport on June 20 to settle "
        "the ferry dispute.\n",
    ),
}


@pytest.fixture(scope="module")
def ferry_db(tmp_path_factory) -> Path:
    from knowledge.ingest.service import ingest_paths

    folder = tmp_path_factory.mktemp("ferry")
    for name, (title, outlet, published, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text)
        domain = outlet.lower().replace(" ", "") + ".example"
        meta = {"title": title, "outlet": outlet, "outlet_domain": domain, "url": f"https://{domain}/{name}"}
        (folder / f"{name}.json").write_text(json.dumps(meta | {"published_at": published}))
    path = folder / "ferry.db"
    with Store.open(path) as s:
        assert ingest_paths(s, [folder]).stored == 2
    return path


@pytest.mark.parametrize("minister", ["Domrin", "Berg"])
def test_a_meeting_two_articles_date_a_day_apart_is_one_line_dated_by_the_stated_day(ferry_db, minister):
    with Store.open(ferry_db) as s:
        b = compose(s, parse_query(minister))
    meetings = [d for d in b.developments if d.trigger == "meet"]
    assert len(meetings) == 1, [(d.text, d.date_label) for d in b.developments]
    [meeting] = meetings
    assert meeting.date_start == date(2025, 6, 20)
    assert len({c.document_id for c in meeting.citations}) == 2  # "the two ministers" made it each one's event
    assert "June 20" in meeting.citations[0].quote  # the words that give the date are cited first
