"""A quote split by its cue ('"A," she said. "B"') is cited with where the speaker's words are: the citation spans
the whole passage, and its `words` are the pieces, so the "she said" between them is never taken as her words."""

from __future__ import annotations

import json

from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.ingest.service import ingest_paths
from knowledge.render.jsonview import render_json
from knowledge.store import Store

ARTICLE = """Harbour board delays the ferry vote

PORTVALE, March 3 - The harbour board put off its vote on the winter ferry timetable on Tuesday.

"The timetable is not ready for a vote," said Marta Quillon, chairwoman of the harbour board, who has led it since 2019. "We will take it up again in April."

The board's next meeting is set for April 8.
"""


def test_a_split_quote_is_cited_with_its_pieces_and_not_the_cue_between(tmp_path):
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    with Store.open(tmp_path / "ferry.db") as store:
        ingest_paths(store, [tmp_path / "ferry.txt"])
        data = json.loads(render_json(compose(store, parse_query("Marta Quillon"))))
        text = next(iter(store.iter_documents())).text
    lines = [c for m in data["matters"] for c in m["claims"]]
    split = [line for line in lines if "…" in line["quote"]]
    assert split, [line["quote"] for line in lines]
    for line in split:
        assert line["citations"]
        for cite in line["citations"]:
            pieces = [text[s:e] for s, e in cite["words"]]
            assert len(pieces) == 2, pieces
            assert pieces[0].startswith("The timetable is not ready") and pieces[1].startswith("We will take it up")
            assert all("said" not in p and "Quillon" not in p for p in pieces)
            assert all(cite["start"] <= s < e <= cite["end"] for s, e in cite["words"])
