"""Property: whatever arrives at a knowledge entry point — any Unicode after `/brief`, any bytes as a file, a page,
a feed, any sidecar or front matter, any command text — is either accepted or refused with a message naming the
input, no other exception escapes, a refused input stores nothing, and no input alters what was already stored (each
example runs on its own copy of the demo store, a real SQLite file). `tests/fuzz/targets.py` holds the checks."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz import examples, strategies, targets


@examples(3)
@given(strategies.query_text)
def test_any_text_typed_after_brief_is_a_query_or_an_error_showing_the_syntax(text):
    targets.query(text)


@examples(1)
@given(strategies.query_text)
def test_a_briefing_on_any_text_answers_and_changes_nothing(demo_db, text):
    with targets.scratch_store(demo_db) as (store, _):
        targets.brief(store, text)


@examples(0.6)
@given(strategies.file_bytes)
def test_any_bytes_as_a_text_file_are_stored_or_refused_naming_the_file(demo_db, data):
    targets.text_file(demo_db, data)


@examples(0.6)
@given(strategies.html_bytes)
def test_any_bytes_as_a_saved_page_are_stored_or_refused_naming_the_file(demo_db, data):
    targets.html_file(demo_db, data)


@examples(0.6)
@given(strategies.sidecar_bytes)
def test_any_sidecar_is_used_or_refused_naming_it(demo_db, data):
    targets.sidecar(demo_db, data)


@examples(0.6)
@given(strategies.front_matter_text)
def test_any_front_matter_is_used_or_refused_naming_the_file(demo_db, meta):
    targets.front_matter(demo_db, meta)


@examples(0.6)
@given(strategies.feed_bytes)
def test_any_feed_body_is_read_or_refused_naming_the_feed(demo_db, body):
    targets.feed_body(demo_db, body)


@examples(0.6)
@given(strategies.served_pages)
def test_any_page_behind_an_added_link_is_stored_or_refused_naming_the_link(demo_db, page):
    targets.added_link(demo_db, page)


@examples(1)
@given(strategies.command_text)
def test_any_command_text_is_done_or_refused_with_usage_and_a_refusal_changes_nothing(demo_db, text):
    targets.command_text(demo_db, text)
