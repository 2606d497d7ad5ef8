"""Multi-workspace install and the operator's `attribute` command, end to end on loopback."""

from __future__ import annotations

import threading

import httpx
from typer.testing import CliRunner

from bot.app import create_app
from bot.cli import app as cli
from bot.cli import commands  # noqa: F401
from bot.server import make_server
from bot.settings import SlackSettings
from tests.e2e.slackreq import SECRET


def test_with_client_credentials_the_app_serves_the_oauth_install_page(slack, tmp_path):
    settings = SlackSettings(
        slack_signing_secret=SECRET,
        slack_client_id="111.222",
        slack_client_secret="s3cret",
        slack_api_url=slack.api_url,
        _env_file=None,
    )
    app, deps = create_app(settings, tmp_path / "oauth.db")
    server = make_server(app, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        resp = httpx.get(f"http://127.0.0.1:{server.server_address[1]}/slack/install")
        assert resp.status_code in (200, 302)
        assert "oauth/v2/authorize" in resp.text + resp.headers.get("location", "")
        assert (tmp_path / "oauth-installations.db").exists()
    finally:
        server.shutdown()
        server.server_close()
        deps.shutdown()


def test_attribute_writes_one_brat_file_per_text_file(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("“The quay will reopen in June,” Maria Lindqvist told reporters on Monday.")
    (src / "b.txt").write_text("Ola Berg denied that the union had agreed to the deal.")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "attribute", str(src), str(out)])
    assert result.exit_code == 0, result.output
    ann = (out / "a.ann").read_text()
    assert (
        "\tCue " in ann and "\tSource " in ann and "\tContent " in ann and ann.count("\nE") + ann.startswith("E") >= 1
    )
    assert (out / "b.ann").exists()
