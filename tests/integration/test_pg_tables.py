"""The PostgreSQL adapter's table helpers mean what sqlite-utils' do, on a real server."""

from __future__ import annotations

import pytest
from sqlite_utils.db import NotFoundError

from knowledge.store.postgres import PgDatabase


@pytest.fixture
def pg(pg_url):
    db = PgDatabase.connect(pg_url)
    yield db
    db.close()


def test_an_integer_primary_key_is_assigned_like_sqlites_rowid(pg):
    pg["log"].create({"id": int, "what": str}, pk="id")
    pg["log"].insert_all([{"what": "a"}, {"what": "b"}])
    assert [r["id"] for r in pg.query("SELECT id FROM log ORDER BY id")] == [1, 2]


def test_insert_with_ignore_keeps_the_first_row_and_upsert_changes_only_the_given_columns(pg):
    pg["aliases"].create({"key": str, "alias": str, "origin": str}, pk="key")
    pg["aliases"].insert({"key": "us", "alias": "U.S.", "origin": "shipped"})
    pg["aliases"].insert({"key": "us", "alias": "US", "origin": "extracted"}, ignore=True)
    assert pg["aliases"].get("us")["alias"] == "U.S."
    pg["aliases"].upsert({"key": "us", "origin": "user"}, pk="key")
    assert pg["aliases"].get("us") == {"key": "us", "alias": "U.S.", "origin": "user"}


def test_a_reserved_word_column_and_a_composite_key_work_through_update_and_delete(pg):
    pg["spans"].create({"doc": str, "n": int, "start": int, "end": int}, pk=("doc", "n"))
    pg["spans"].insert({"doc": "d", "n": 1, "start": 0, "end": 4})
    pg["spans"].update(("d", 1), {"end": 9})
    assert pg.execute("SELECT x.end FROM spans x WHERE doc = ?", ["d"]).fetchone() == (9,)
    pg["spans"].delete(("d", 1))
    assert pg["spans"].count == 0
    with pytest.raises(NotFoundError):
        pg["spans"].get(("d", 1))


def test_a_stored_topic_matches_itself_through_lower_on_both_sides(pg):
    pg["subs"].create({"id": int, "topic": str}, pk="id")
    pg["subs"].insert({"topic": "Łukaszenka"})
    assert pg["subs"].count_where("lower(topic) = lower(?)", ["Łukaszenka"]) == 1


def test_replace_makes_the_row_exactly_the_new_one_as_sqlite_does(pg):
    pg["feeds_x"].create({"id": str, "url": str, "etag": str}, pk="id")
    pg["feeds_x"].insert({"id": "f", "url": "https://a.example/rss", "etag": "v1"})
    pg["feeds_x"].insert({"id": "f", "url": "https://b.example/rss"}, replace=True)
    assert pg["feeds_x"].get("f") == {"id": "f", "url": "https://b.example/rss", "etag": None}


def test_an_unknown_keyword_is_refused_not_swallowed(pg):
    pg["t"].create({"id": str, "v": str}, pk="id")
    for call in (
        lambda: pg["t"].insert({"id": "a", "v": "1"}, alter=True),
        lambda: pg["t"].insert_all([{"id": "a", "v": "1"}], upsert=True),
        lambda: pg["t"].upsert({"id": "a", "v": "1"}, pk="id", alter=True),
        lambda: pg["t"].update("a", {"v": "2"}, conversions={}),
        lambda: pg["t"].enable_fts(["v"], tokenize="porter"),
    ):
        with pytest.raises(TypeError, match="unexpected keyword argument"):
            call()
    assert pg["t"].count == 0
