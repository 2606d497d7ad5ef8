"""The viewer's command-line side: `briefbot chart` writes the timeline, and a public URL without a usable key
stops `brief` and `serve` with one line naming the setting."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)
from knowledge.config import get_settings


@pytest.fixture
def run(tmp_path, monkeypatch):
    for name in ("BRIEFBOT_PUBLIC_URL", "BRIEFBOT_LINK_SECRET", "BRIEFBOT_LINK_DAYS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env
    runner = CliRunner()
    db = tmp_path / "cli.db"

    def invoke(*args, **env):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        return runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)

    yield invoke
    get_settings.cache_clear()


def test_chart_writes_the_topics_timeline_as_png_and_svg(run, tmp_path):
    result = run("chart", "kellogg", "-o", str(tmp_path / "k.png"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "5 storylines, 1 dispute date, 14 Mar 2025" in said
    assert (tmp_path / "k.png").read_bytes().startswith(b"\x89PNG")
    assert run("chart", "kellogg", "-o", str(tmp_path / "k.svg")).exit_code == 0
    svg = (tmp_path / "k.svg").read_text(encoding="utf-8")
    assert "Coverage: Keith Kellogg" in svg and "dispute" in svg


def test_chart_refuses_an_unknown_file_type_and_an_unknown_topic(run, tmp_path):
    result = run("chart", "kellogg", "-o", str(tmp_path / "k.gif"))
    assert result.exit_code == 1 and ".png or .svg" in result.output and not (tmp_path / "k.gif").exists()
    result = run("chart", "zzzzqx", "-o", str(tmp_path / "z.png"))
    assert result.exit_code == 3 and not (tmp_path / "z.png").exists()


def test_brief_with_a_public_url_but_no_key_names_the_missing_setting(run):
    result = run("brief", "kellogg", BRIEFBOT_PUBLIC_URL="https://briefbot.example.org")
    assert result.exit_code == 1 and "BRIEFBOT_LINK_SECRET is not set" in result.output


def test_brief_json_with_a_public_url_links_every_citation(run):
    result = run(
        "brief",
        "kellogg",
        "--format",
        "json",
        BRIEFBOT_PUBLIC_URL="https://briefbot.example.org",
        BRIEFBOT_LINK_SECRET="k" * 40,
    )
    data = json.loads(result.output[result.output.index("{") :])
    cites = [c for line in data["summary"] for c in line["citations"]]
    assert cites and all(c["view_url"].startswith("https://briefbot.example.org/view/") for c in cites)


def test_serve_refuses_to_start_with_a_short_link_key(run, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "abcdef0123456789abcdef")
    result = run("serve", "--http", BRIEFBOT_PUBLIC_URL="https://briefbot.example.org", BRIEFBOT_LINK_SECRET="short")
    assert result.exit_code == 1 and "BRIEFBOT_LINK_SECRET is too short" in result.output
