"""Property: whatever arrives at a knowledge entry point — any Unicode after `/brief`, any bytes as a file, a page,
a feed, any sidecar or front matter — is either accepted or refused with a message naming the input, no other
exception escapes, a refused input stores nothing, and no input alters what was already stored (each example runs on
its own copy of the demo store, a real SQLite file)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import examples, strategies, targets
from tests.fuzz.targets import scratch_store

VALID_ARTICLE = "\n\n".join(strategies.SENTENCES).encode()


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
    with scratch_store(demo_db) as (store, folder):
        targets.ingest_file(store, folder, "article.txt", data)


@examples(0.6)
@given(strategies.html_bytes)
def test_any_bytes_as_a_saved_page_are_stored_or_refused_naming_the_file(demo_db, data):
    with scratch_store(demo_db) as (store, folder):
        targets.ingest_file(store, folder, "page.html", data)


@examples(0.6)
@given(strategies.sidecar_bytes)
def test_any_sidecar_is_used_or_refused_naming_it(demo_db, data):
    with scratch_store(demo_db) as (store, folder):
        targets.ingest_file(store, folder, "article.txt", VALID_ARTICLE, {"article.txt.json": data})


@examples(0.6)
@given(strategies.front_matter_text)
def test_any_front_matter_is_used_or_refused_naming_the_file(demo_db, meta):
    data = f"---\n{meta}\n---\n".encode("utf-8", errors="surrogatepass") + VALID_ARTICLE
    with scratch_store(demo_db) as (store, folder):
        targets.ingest_file(store, folder, "article.md", data)


@examples(0.6)
@given(strategies.feed_bytes)
def test_any_feed_body_is_read_or_refused_naming_the_feed(demo_db, body):
    with scratch_store(demo_db) as (store, _):
        targets.feed(store, body)


@examples(0.6)
@given(
    st.one_of(strategies.html_bytes, strategies.file_bytes),
    st.sampled_from(
        [
            "text/html",
            "text/html; charset=utf-8",
            "text/html; charset=utf-16",
            "text/html; charset=x-unknown",
            "text/html; charset=rot13",
            "text/html; charset=raw_unicode_escape",
            "text/html; charset=utf-7",
            "text/plain",
            "text/plain; charset=latin-1",
            "application/pdf",
            "",
        ]
    ),
)
def test_any_page_behind_an_added_link_is_stored_or_refused_naming_the_link(demo_db, body, content_type):
    with scratch_store(demo_db) as (store, _):
        targets.url(store, body, content_type)


@examples(1)
@given(strategies.command_text)
def test_any_command_text_is_done_or_refused_with_usage_and_a_refusal_changes_nothing(demo_db, text):
    with scratch_store(demo_db) as (store, _):
        targets.command(store, text)
