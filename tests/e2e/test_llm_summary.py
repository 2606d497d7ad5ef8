"""The optional LLM prose end to end: the `briefbot` CLI as a subprocess, configured by environment variables,
against the fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.fakellm import fake_llm


def _brief(db, env_extra: dict) -> tuple[dict, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_LLM")} | env_extra
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(db), "brief", "kellogg", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def test_a_grounded_model_line_is_used_and_an_ungrounded_one_falls_back_to_the_extractive_line(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    plain, _ = _brief(db, {})
    with fake_llm() as (url, received):
        data, _ = _brief(db, {"BRIEFBOT_LLM_URL": url, "BRIEFBOT_LLM_MODEL": "tiny"})
    assert len(received) == 1 and received[0]["body"]["model"] == "tiny"
    first, second = data["summary"][0], data["summary"][1]
    assert first["origin"] == "model"
    assert first["text"] == plain["summary"][0]["text"].replace(" says ", " said ", 1)
    assert second == plain["summary"][1]  # the fake added "in Reykjavik", which no cited span has
    assert [i["citations"] for i in data["summary"]] == [i["citations"] for i in plain["summary"]]


def test_a_malformed_answer_or_a_dead_server_leaves_the_extractive_summary_and_one_log_line(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    plain, _ = _brief(db, {})
    with fake_llm("malformed") as (url, _):
        data, stderr = _brief(db, {"BRIEFBOT_LLM_URL": url, "BRIEFBOT_LLM_MODEL": "tiny"})
    assert data["summary"] == plain["summary"]
    assert stderr.count("using the extractive summary") == 1
    data, stderr = _brief(
        db, {"BRIEFBOT_LLM_URL": "http://127.0.0.1:9", "BRIEFBOT_LLM_MODEL": "tiny", "BRIEFBOT_LLM_TIMEOUT": "1"}
    )
    assert data["summary"] == plain["summary"]
    assert stderr.count("using the extractive summary") == 1
