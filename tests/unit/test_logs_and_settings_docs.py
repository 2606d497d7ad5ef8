"""Operator-facing text: log lines (text and JSON, tokens masked) and the settings documented in one table."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bot.logs import QUIET, configure, record
from bot.settings import SlackSettings
from knowledge.config import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def restore_logging():
    """`configure` replaces the root handler (pytest's capture included): put everything back afterwards."""
    root = logging.getLogger()
    names = ["briefbot", "bot", *QUIET]
    saved = (list(root.handlers), root.level, {n: logging.getLogger(n).level for n in names})
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


def _formatted(fmt: str, capsys) -> str:
    configure(verbose=True, fmt=fmt)
    log = logging.getLogger("briefbot.test")
    record(log, "request", kind="command", team="T1", topic="kellogg since:7d", token_seen="xoxb-123-secretvalue")
    return capsys.readouterr().err.strip()


def test_json_log_lines_are_one_object_each_with_the_fields_and_no_token(capsys):
    line = json.loads(_formatted("json", capsys))
    assert line["msg"] == "request" and line["kind"] == "command" and line["team"] == "T1"
    assert line["topic"] == "kellogg since:7d" and "secretvalue" not in json.dumps(line)


def test_text_log_lines_quote_values_with_spaces_and_mask_tokens(capsys):
    line = _formatted("text", capsys)
    assert 'INFO briefbot.test request kind=command team=T1 topic="kellogg since:7d"' in line
    assert "secretvalue" not in line and "xoxb-***" in line


def test_third_party_loggers_stay_at_warning_even_when_verbose():
    configure(verbose=True, fmt="text")
    assert logging.getLogger("briefbot").getEffectiveLevel() == logging.INFO
    assert QUIET and all(logging.getLogger(name).getEffectiveLevel() == logging.WARNING for name in QUIET)


def test_every_setting_is_in_the_readme_table_and_in_env_example():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Settings") :]
    example = (ROOT / ".env.example").read_text()
    names = [n.upper() for n in [*SlackSettings.model_fields, *Settings.model_fields]]
    names += ["BRIEFBOT_LOG_FORMAT", "BRIEFBOT_TUNING_", "POSTGRES_PASSWORD"]
    assert len(names) > 15
    assert [n for n in names if f"`{n}" not in table] == []
    assert [n for n in names if n not in example] == []
