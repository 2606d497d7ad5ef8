"""The real-news scorer end to end on a hand-made annotated set (tests/data/realnews: made-up articles in the
set's schema): texts copied beside sidecars, one batch ingested, briefings taken and every figure computed."""

from __future__ import annotations

import json
import pathlib
import shutil
import sys

BENCH = pathlib.Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

from realnews import as_json, listing, table  # noqa: E402
from realnews_set import set_cards  # noqa: E402

SET = pathlib.Path(__file__).resolve().parents[1] / "data" / "realnews"


def test_the_made_up_set_is_ingested_in_one_batch_and_scored_with_every_figure(tmp_path):
    [card] = set_cards(SET, tmp_path / "work", reuse=False, nlp=None)
    assert card.ingest == {
        "exceptions escaping": 0,
        "stored": 4,
        "copies": 1,
        "already stored": 0,
        "skipped": 0,
        "failed stages": 0,
    }
    assert card.extra["ingest problems"] == []  # every text matches its sha256, every claim was placed
    assert card.extra["copies: right original"] == "1/1" and card.extra["copies: joins not annotated"] == 0
    found, placed = map(int, str(card.extra["annotated claims found in the store"]).split("/"))
    assert placed == 15 and 0 < found <= placed
    assert card.briefings == 3 and card.summary_lines > 0 and card.claims_shown >= card.claims_backed > 0
    text = table([card]) + listing(card, None)
    assert "facts in the default summary" in text and "speakers wrong per claim" in text
    assert json.loads(json.dumps(as_json(card), default=str))["claims_shown"] == card.claims_shown
    again = set_cards(SET, tmp_path / "work", reuse=True, nlp=None)[0]
    assert (
        again.ingest == card.ingest and again.claims_shown == card.claims_shown
    )  # --reuse scores the stored set without ingesting it again


def test_a_text_that_changed_since_it_was_annotated_is_reported(tmp_path):
    folder = tmp_path / "set"
    shutil.copytree(SET, folder)
    path = folder / "texts" / "ferry-02.txt"
    path.write_text(path.read_text().replace("Thursday", "Friday"))
    [card] = set_cards(folder, tmp_path / "work", reuse=False, nlp=None)
    assert "ferry-02: text differs from the annotated sha256" in card.extra["ingest problems"]
