"""The `briefbot` command over a real database file: one-line errors, exit codes, idempotent ingest."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)

ARTICLE = (
    "Quay reopens in Lindenport\n\nHarbour chief Maria Lindqvist said on Monday that the quay would reopen "
    "in June. “We are ahead of schedule,” Lindqvist told the Harbor Ledger."
)


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()
    db = tmp_path / "cli.db"

    def invoke(*args):
        return runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)

    return invoke


def test_a_batch_with_bad_files_stores_the_good_ones_reports_each_bad_one_and_exits_2(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_text("")
    (folder / "blob.txt").write_bytes(b"\x00\x01" * 50)
    result = run("ingest", str(folder), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    out = result.output
    assert "stored" in out and "empty.txt: file is empty" in out and "blob.txt: looks binary" in out
    assert "missing.txt: no such file or directory" in out and "Traceback" not in out


def test_a_folder_without_article_files_is_reported_rather_than_silently_storing_nothing(run, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "news.xml").write_text('<?xml version="1.0"?><rss/>')
    result = run("ingest", str(tmp_path / "empty"), str(tmp_path / "feeds"))
    assert result.exit_code == 2
    assert result.output.count("no article files in this folder") == 2


@pytest.fixture
def char_limit(monkeypatch):
    """Set MAX_DOCUMENT_CHARS for the rest of the test, as a user would in the environment."""
    from knowledge.config import get_settings

    def set_limit(n: int) -> None:
        monkeypatch.setenv("MAX_DOCUMENT_CHARS", str(n))
        get_settings.cache_clear()

    yield set_limit
    monkeypatch.delenv("MAX_DOCUMENT_CHARS", raising=False)
    get_settings.cache_clear()


LONG = ("Harbour engineers said on Monday that the tide gauges would be replaced before winter. " * 40).strip()


@pytest.mark.parametrize("extract", [True, False])
def test_an_article_over_the_character_limit_is_skipped_and_the_rest_of_the_batch_is_stored(
    run, tmp_path, char_limit, extract
):
    char_limit(2000)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_long.txt").write_text(LONG)
    (folder / "b_good.txt").write_text(ARTICLE)
    result = run("ingest", str(folder), *([] if extract else ["--no-extract"]))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"a_long.txt: text is {len(LONG):,} characters, over the 2,000-character limit" in result.output
    assert "stored" in result.output and "Quay reopens" in result.output


def test_extract_all_leaves_a_document_over_the_limit_as_it_was_and_re_extracts_the_rest(run, tmp_path, char_limit):
    (tmp_path / "long.txt").write_text(LONG)
    (tmp_path / "good.txt").write_text(ARTICLE)
    assert run("ingest", str(tmp_path / "long.txt"), str(tmp_path / "good.txt")).exit_code == 0
    char_limit(2000)  # lowered after they were stored
    result = run("extract", "--all")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "re-extracted 1 documents" in result.output
    assert "1 document over the length limit left unchanged" in result.output


def test_ingesting_again_changes_nothing_and_says_so(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    assert run("ingest", str(path)).exit_code == 0
    again = run("ingest", str(path))
    assert again.exit_code == 0 and "nothing new" in again.output and "already stored" in again.output


@pytest.fixture
def unconfigured(monkeypatch, tmp_path):
    """A fresh clone's situation: no --db, no BRIEFBOT_DB, no .env; the working directory is empty."""
    from knowledge.config import get_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFBOT_DB", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_the_quick_start_brief_without_a_configured_store_loads_the_demo_corpus_and_says_so(unconfigured):
    result = CliRunner().invoke(app, ["brief", "kellogg"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "loading the bundled demo corpus" in result.output and "Keith Kellogg" in result.output
    assert (unconfigured / "briefbot.db").exists()


def test_brief_on_an_empty_configured_store_says_it_is_empty_and_loads_nothing(run, tmp_path):
    result = run("brief", "kellogg")
    assert result.exit_code == 3
    assert "holds no documents" in result.output and "briefbot ingest" in result.output
    assert "loading the bundled demo" not in result.output
    from knowledge.store import Store

    with Store.open(tmp_path / "cli.db") as store:
        assert store.document_count() == 0


def test_an_unknown_topic_explains_itself_with_exit_code_3(run):
    run("ingest", "--demo")
    result = run("brief", "zzzz")
    assert result.exit_code == 3 and "Nothing is known" in result.output


def test_a_bad_filter_is_one_line_with_the_syntax(run):
    result = run("brief", "kellogg", "since:someday")
    assert result.exit_code == 1 and "since:7d" in result.output and "Traceback" not in result.output


def test_json_citations_slice_back_to_the_text_printed_by_doc(run):
    run("ingest", "--demo")
    data = json.loads(run("brief", "kellogg", "--format", "json").output)
    assert data["claim_reviews"]
    for review in data["claim_reviews"]:
        for cite in review["appearance"]:
            text = run("doc", cite["document_id"]).output
            assert text[cite["start"] : cite["end"]] == cite["quote"]


def test_doc_prints_the_stored_text_exactly(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    run("ingest", str(path))
    from knowledge.models import content_hash

    assert run("doc", content_hash(ARTICLE)[:10]).output == ARTICLE


def test_tikhanovsky_resolves_to_tsikhanouski_in_the_demo(run):
    run("ingest", "--demo")
    result = run("brief", "tikhanovsky")
    assert result.exit_code == 0 and "Tsikhanouski" in result.output


def test_the_same_store_gives_the_same_briefing_whatever_the_hash_seed(demo_db, tmp_path):
    """Set iteration order changes with PYTHONHASHSEED; nothing a reader sees may depend on it."""
    import os
    import shutil
    import subprocess
    import sys

    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", "--db", str(db), "brief", "kellogg", "--format", "markdown", "--full"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert "Claims — On" in outputs[0] or "## Claims" in outputs[0]
    assert outputs[0] == outputs[1] == outputs[2]


def test_feeds_poll_exits_1_when_a_feed_fails(run, tmp_path):
    from knowledge.ingest.fetch import Fetcher
    from knowledge.store import Store
    from knowledge.workspace.feedwatch import add_feed

    with Store.open(tmp_path / "cli.db") as store, Fetcher(allow_private=True) as lenient:
        add_feed(store, "T1", "http://127.0.0.1:9/rss", fetcher=lenient)  # stored before the add-time check
    result = run("feeds", "poll")
    assert result.exit_code == 1 and "refused: 127.0.0.1 is a loopback address" in " ".join(result.output.split())


def test_feeds_add_refuses_a_private_address_at_once(run):
    result = run("feeds", "add", "http://10.0.0.1/rss", "--team", "T0123")
    assert result.exit_code == 1 and "10.0.0.1 is a private address" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["subscribe", "kellogg", "--channel", "C0123ABCD", "--at", "25:00"], "out of range"),
        (["subscribe", "kellogg", "--channel", "C0123ABCD", "--tz", "Mars/Olympus"], "unknown time zone"),
        (["subscribe", "the", "--channel", "C0123ABCD"], "too general"),
        (["subscribe", "kellogg", "--channel", "C0123ABCD", "--team", "bad team"], "not a Slack workspace id"),
        (["unsubscribe", "kellogg", "--channel", "general"], "not a Slack channel id"),
        (["feeds", "add", "ftp://example.org/rss"], "not an http(s) feed URL"),
    ],
)
def test_a_bad_argument_is_named_before_slack_is_asked_which_workspace_this_is(run, monkeypatch, args, message):
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    result = run(*args)
    assert result.exit_code == 1 and message in result.output and "SLACK_BOT_TOKEN" not in result.output


def test_doc_with_a_prefix_shared_by_several_documents_asks_for_more_of_the_id(run, tmp_path):
    from knowledge.store import Store

    run("ingest", "--demo")
    with Store.open(tmp_path / "cli.db") as store:
        ids = [d.id for d in store.iter_documents()]
    shared = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    result = run("doc", shared)
    assert result.exit_code == 1 and "starts several document ids" in result.output
    assert run("doc", ids[0]).exit_code == 0


def test_an_article_without_a_title_is_reported_by_its_file_name(run, tmp_path):
    path = tmp_path / "untitled-note.txt"
    path.write_text("The harbour chief said on Monday that the quay would reopen in June after repairs.\n")
    result = run("ingest", str(path))
    assert result.exit_code == 0 and "untitled-note.txt" in result.output


@pytest.fixture
def extractor_env(monkeypatch):
    """The --extractor switch writes the environment (worker processes read it); undo it after the test."""
    from knowledge.config import get_settings
    from knowledge.extract.model import learned as span_model

    monkeypatch.setenv("BRIEFBOT_EXTRACTOR", "learned")
    yield monkeypatch
    get_settings.cache_clear()
    span_model.reset_scorer()


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_attribute_writes_brat_files_with_either_extractor(run, tmp_path, extractor_env, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "quay.txt").write_text(ARTICLE)
    result = run("attribute", str(tmp_path / "in"), str(tmp_path / "out"), "--extractor", extractor)
    assert result.exit_code == 0, result.output
    ann = (tmp_path / "out" / "quay.ann").read_text()
    assert "Cue" in ann and "said" in ann and "Maria Lindqvist" in ann


def test_an_unknown_extractor_is_one_line_naming_the_choices(run, tmp_path, extractor_env):
    (tmp_path / "in").mkdir()
    result = run("attribute", str(tmp_path / "in"), str(tmp_path / "out"), "--extractor", "neural")
    assert result.exit_code == 1
    assert "unknown extractor 'neural'; choose one of learned, rules" in result.output
    assert "Traceback" not in result.output


def test_a_missing_model_file_stops_ingest_before_any_work_and_says_how_to_go_on(run, tmp_path, extractor_env):
    from knowledge.extract.model import learned as span_model

    extractor_env.setattr(span_model, "MODEL_FILE", "gone.json")
    span_model.reset_scorer()
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run("ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 1
    assert "knowledge/extract/model/gone.json is missing" in result.output and "--extractor rules" in result.output
    assert "stored" not in result.output
    assert run("ingest", str(tmp_path / "a.txt"), "--extractor", "rules").exit_code == 0


def test_forget_by_outlet_says_what_it_removed_and_the_briefing_no_longer_cites_it(run):
    run("ingest", "--demo")
    dry = run("forget", "--outlet", "Harbor Ledger", "--dry-run")
    assert dry.exit_code == 0 and "3 document(s) match" in dry.output
    assert "harborledger" in run("sources").output  # a dry run removes nothing
    result = run("forget", "--outlet", "Harbor Ledger", "--yes")
    assert result.exit_code == 0 and "Removed 3 document(s)" in result.output
    assert "became originals and were extracted" in result.output  # its syndicated copy stands alone now
    assert "harborledger" not in run("sources").output
    data = json.loads(run("brief", "kellogg", "--format", "json").output)
    outlets = {c["publisher"] for r in data["claim_reviews"] for c in r["appearance"]}
    assert data["claim_reviews"] and "Meridian Wire" in outlets and "Harbor Ledger" not in outlets


def test_forget_refuses_a_bad_date_and_says_when_nothing_matches(run):
    run("ingest", "--demo")
    bad = run("forget", "--since", "last week", "--yes")
    assert bad.exit_code == 1 and "--since takes a date like 2025-06-01" in bad.output
    none = run("forget", "--outlet", "No Such Outlet", "--yes")
    assert none.exit_code == 1 and "No stored document matches" in none.output


def test_version_and_the_store_health_check(run, tmp_path):
    from importlib.metadata import version

    assert run("--version").output.strip() == f"briefbot {version('briefbot')}"
    assert run("healthcheck", "--store").exit_code == 0
    (tmp_path / "folder.db").mkdir()
    bad = CliRunner().invoke(app, ["--db", str(tmp_path / "folder.db"), "healthcheck", "--store"])
    assert bad.exit_code == 1 and "store not reachable" in bad.output


def test_an_empty_result_says_why_with_the_newest_stored_date(run):
    run("ingest", "--demo")
    result = run("brief", "kellogg", "since:30d")
    assert result.exit_code == 0
    assert "the newest stored item is from 2 Jul 2025" in result.output and "Try since:2025-07-01" in result.output


def test_brief_help_shows_the_help_and_db_is_accepted_after_the_subcommand(tmp_path):
    from bot.cli import global_options_first

    db = str(tmp_path / "late.db")
    args = global_options_first(["stats", "--db", db])
    assert args == ["--db", db, "stats"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0 and (tmp_path / "late.db").exists()
    assert global_options_first(["brief", "x", "--", "--db", "y"]) == ["brief", "x", "--", "--db", "y"]
    shown = CliRunner().invoke(app, ["--db", db, "brief", "help"], catch_exceptions=False)
    assert shown.exit_code == 0 and "Usage" in shown.output and "--full" in shown.output
    assert "holds no documents" not in shown.output


def test_ingesting_a_folder_numbers_each_file_against_the_total_and_names_a_pdf_it_skips(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "a.txt.json").write_text('{"outlet": "Harbor Ledger"}')  # a sidecar: read with its article
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not an article")
    result = run("ingest", str(folder))
    assert result.exit_code == 0  # the folder went in; the .pdf is named, not an input that failed
    lines = [line for line in result.output.splitlines() if line.startswith("[")]
    assert len(lines) == 2 and all(line.startswith(("[1/2]", "[2/2]")) for line in lines)
    assert "ignored   " in result.output and "report.pdf: not an article file (.pdf)" in result.output
    assert "a.txt.json" not in result.output and "1 stored" in result.output and "1 ignored" in result.output


def test_feeds_work_locally_without_a_slack_token_and_list_commands_print_json(run, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no .env with a token
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_API_URL", raising=False)
    added = run("feeds", "add", "https://93.184.215.14/rss")
    assert added.exit_code == 0 and "added" in added.output
    listed = json.loads(run("feeds", "list", "--json").output)
    assert [f["team_id"] for f in listed] == ["local"] and listed[0]["url"].endswith("/rss")
    removed = run("feeds", "remove", "https://93.184.215.14/rss")
    assert removed.exit_code == 0 and "removed" in removed.output
    assert json.loads(run("feeds", "list", "--json").output) == []
    run("ingest", "--demo")
    assert json.loads(run("stats", "--json").output)["documents"] == 14
    assert {s["domain"] for s in json.loads(run("sources", "--json").output)} >= {"harborledger.example"}
    assert json.loads(run("subscriptions", "--json").output) == []
    run("alias", "add", "Tiki", "Siarhei Tsikhanouski")
    aliases = json.loads(run("alias", "list", "--user", "--json").output)
    assert [(a["alias"], a["target"]) for a in aliases] == [("Tiki", "Siarhei Tsikhanouski")]


def test_a_digest_dry_run_with_nothing_due_says_why(run):
    none = run("digest", "--dry-run", "--now", "2025-06-24T06:00:00+00:00")
    assert none.exit_code == 0 and "no subscriptions yet" in none.output
    run("ingest", "--demo")
    made = run(
        "subscribe", "kellogg", "--channel", "C0123ABCD", "--at", "08:30", "--tz", "Europe/Berlin", "--team", "T0TEAM"
    )
    assert made.exit_code == 0, made.output
    later = run("digest", "--dry-run", "--now", "2025-06-24T03:00:00+00:00")
    assert "nothing due now: 1 active subscription(s) of 1, each once a day at 08:30 Europe/Berlin" in later.output
