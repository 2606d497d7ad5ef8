"""Project-level promises: CI runs exactly the README's test command; the demo corpus ships with the package."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv[^\n]+)\n```", text)


def test_the_readme_has_exactly_two_setup_commands_install_and_brief_then_install_and_test():
    commands = readme_commands()
    assert len(commands) == 2
    assert commands[0].endswith("briefbot brief kellogg")
    assert commands[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_the_spacy_model_is_pinned_by_hash():
    pin = (ROOT / "requirements" / "model.txt").read_text(encoding="utf-8")
    assert re.search(r"==3\.8\.0", pin) and re.search(r"--hash=sha256:[0-9a-f]{64}", pin)


def test_every_demo_article_has_valid_sidecar_metadata():
    from knowledge.demo import demo_files

    files = demo_files()
    assert 12 <= len(files) <= 20
    for path in files:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert {"title", "outlet", "published_at", "url"} <= set(meta), path.name
