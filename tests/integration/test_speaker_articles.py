"""Self-written articles (tests/data/speakers) ingested into a real SQLite store: every expected claim is stored
with its speaker, disputes pair only on the same proposition, dates follow tense, and furniture yields nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.ingest.service import ingest_paths
from knowledge.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "speakers"
ARTICLES = sorted(p.stem for p in DATA.glob("*.txt"))


@pytest.fixture(scope="module")
def speaker_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("speakers") / "speakers.db"
    with Store.open(path) as s:
        report = ingest_paths(s, [DATA])
        assert report.stored == len(ARTICLES) and not report.skipped, report.skipped
    return path


@pytest.fixture(scope="module")
def db(speaker_db):
    s = Store.open(speaker_db)
    yield s
    s.close()


def expected(name: str) -> dict:
    return json.loads((DATA / f"{name}.expect.json").read_text(encoding="utf-8"))


def document(db, name: str) -> dict:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8").strip()
    rows = [r for r in db.db.query("SELECT id, text FROM documents") if r["text"].startswith(text.split("\n")[0])]
    assert len(rows) == 1, name
    return rows[0]


def claims_of(db, doc_id: str) -> list[dict]:
    return list(
        db.db.query(
            "SELECT c.*, COALESCE(e.name, c.speaker) AS shown FROM claims c "
            "LEFT JOIN entities e ON e.id = c.speaker_entity_id WHERE c.document_id = ?",
            [doc_id],
        )
    )


@pytest.mark.parametrize("name", ARTICLES)
def test_every_expected_claim_is_stored_with_its_speaker(db, name):
    doc = document(db, name)
    stored = claims_of(db, doc["id"])
    for want in expected(name)["claims"]:
        hits = [c for c in stored if want["content"] in c["quote"]]
        assert hits, f"{name}: no claim holds {want['content']!r}"
        assert want["speaker"] in {c["shown"] for c in hits}, (name, want, [c["shown"] for c in hits])
        if "via" in want:
            assert want["via"] in {c["via"] for c in hits}, (name, want, [c["via"] for c in hits])


@pytest.mark.parametrize("name", ARTICLES)
def test_no_claim_is_pinned_on_a_speaker_the_article_does_not_support(db, name):
    doc = document(db, name)
    allowed = {w["speaker"] for w in expected(name)["claims"]}
    assert {c["shown"] for c in claims_of(db, doc["id"])} <= allowed


@pytest.mark.parametrize("name", [n for n in ARTICLES if "disputes" in expected(n)])
def test_a_denial_is_paired_only_with_a_claim_on_the_same_proposition(db, name):
    spec = expected(name)
    doc = document(db, name)
    pairs = {
        (r["claim_quote"], r["denial_quote"])
        for r in db.db.query(
            "SELECT a.quote AS claim_quote, b.quote AS denial_quote FROM disputes d "
            "JOIN claims a ON a.id = d.claim_id JOIN claims b ON b.id = d.other_claim_id WHERE b.document_id = ?",
            [doc["id"]],
        )
    }
    for want in spec["disputes"]:
        assert any(want["claim"] in c and want["denial"] in d for c, d in pairs), (want, pairs)
    for plain in spec["plain_denials"]:
        assert not any(plain in d for _, d in pairs), (plain, pairs)
    assert len(pairs) == len(spec["disputes"])


@pytest.mark.parametrize("name", [n for n in ARTICLES if "events" in expected(n)])
def test_weekdays_are_dated_by_the_tense_of_their_verb(db, name):
    doc = document(db, name)
    events = list(db.db.query("SELECT quote, date_start, trigger FROM events WHERE document_id = ?", [doc["id"]]))
    for want in expected(name)["events"]:
        hits = [e for e in events if want["text"] in e["quote"] and e["trigger"] == want["trigger"]]
        assert hits and hits[0]["date_start"] == want["date"], (want, events)


@pytest.mark.parametrize("name", [n for n in ARTICLES if "nonbody" in expected(n)])
def test_page_furniture_becomes_no_claim_event_or_mention_but_stays_in_the_stored_text(db, name):
    doc = document(db, name)
    text = doc["text"]
    spans = [
        (r["start"], r["end"])
        for r in db.db.query('SELECT start, "end" FROM claims WHERE document_id = ?', [doc["id"]])
    ]
    spans += [
        (r["start"], r["end"])
        for r in db.db.query('SELECT start, "end" FROM events WHERE document_id = ?', [doc["id"]])
    ]
    spans += [
        (r["start"], r["end"])
        for r in db.db.query('SELECT start, "end" FROM mentions WHERE document_id = ?', [doc["id"]])
    ]
    for marker in expected(name)["nonbody"]:
        at = text.find(marker)
        assert at >= 0, f"{marker!r} was cut from the stored text"
        line_end = text.find("\n", at)
        line = (text.rfind("\n", 0, at) + 1, len(text) if line_end < 0 else line_end)
        assert not any(s < line[1] and line[0] < e for s, e in spans), (marker, spans)
    for marker in expected(name)["cut"]:  # furniture that boilerplate removal drops before storing
        assert marker not in text


def test_a_briefing_on_the_boss_does_not_carry_her_deputys_quotes(db):
    result = compose(db, parse_query("clara voss"))
    lines = [c for m in result.matters for c in m.claims]
    assert lines and all(line.speaker == "Clara Voss" for line in lines if "quotas" in line.quote)
    assert not any("reviewed before the harvest" in line.quote for line in lines if line.speaker == "Clara Voss")
    deputy = compose(db, parse_query("jonas ekberg"))
    assert any(
        "reviewed before the harvest" in c.quote and c.speaker == "Jonas Ekberg"
        for m in deputy.matters
        for c in m.claims
    )


def test_a_briefing_sets_a_denial_beside_the_claim_it_answers_and_nothing_else(db):
    result = compose(db, parse_query("hanne vik"))
    pairs = [(p.claim.speaker, p.denial.speaker, p.denial.quote) for p in result.disputes]
    assert ("Erik Solberg", "Hanne Vik", "that she had promised the union a seat on the board") in pairs
    assert not any("fund would be cut" in q for _, _, q in pairs)
