"""Deploy files hold what a reproducible, safe deploy needs (no container engine runs here, so they are read)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from bot.cli.ops import main_command

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_lock_pins_every_dependency_to_one_version_and_a_sha256():
    lock = (ROOT / "requirements" / "lock.txt").read_text()
    pins = dict(re.findall(r"^([a-z0-9._-]+)==(\S+) \\\n    --hash=sha256:[0-9a-f]{64}$", lock, flags=re.M))
    entries = [line for line in lock.splitlines() if "==" in line]
    assert len(pins) == len(entries) > 50
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]} | {"setuptools", "wheel"}
    locked = {n.replace("_", "-") for n in pins}
    assert sorted(wanted - locked) == []


def test_the_image_is_built_from_the_lock_on_a_base_pinned_by_digest():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM \S+@sha256:[0-9a-f]{64}$", dockerfile, flags=re.M)
    assert "--require-hashes --no-deps -r requirements/lock.txt" in dockerfile
    assert re.search(r"pip install --no-deps --no-build-isolation \.", dockerfile)
    assert "HEALTHCHECK" in dockerfile and "briefbot healthcheck" in dockerfile.replace('", "', " ")


def test_the_build_context_leaves_out_the_virtualenv_and_databases():
    ignore = [line for line in (ROOT / ".dockerignore").read_text().splitlines() if not line.startswith("#")]
    assert ignore[0] == "*"  # everything is left out unless named: .venv, .env, .git, tests, benchmarks
    assert "!bot/" in ignore and "!knowledge/" in ignore and "!.venv" not in ignore and "**/*.db" in ignore


def test_compose_needs_a_postgres_password_builds_once_and_checks_every_service():
    text = (ROOT / "docker-compose.yml").read_text()
    assert ":-briefbot" not in text and text.count("${POSTGRES_PASSWORD:?") == 2
    compose = yaml.safe_load(text)
    services = compose["services"]
    built = [name for name, svc in services.items() if "build" in svc]
    assert built == ["bot-1"]
    ours = [name for name, svc in services.items() if svc.get("image") == "briefbot:local"]
    assert len(ours) == 3
    for name in ours:
        assert services[name]["healthcheck"]["test"][:3] == ["CMD", "briefbot", "healthcheck"], name
        if name not in built:
            assert services[name]["pull_policy"] == "never"
    assert services["worker"]["healthcheck"]["test"][-1] == "--store"
    assert not re.search(r"^\s*image:\s*\S+:latest", text, flags=re.M)


def test_the_health_check_follows_the_container_mode():
    assert main_command(b"/usr/local/bin/python\0/usr/local/bin/briefbot\0serve\0--http\0--port\0" + b"8080\0") == (
        "http",
        8080,
    )
    assert main_command(b"briefbot\0serve\0") == ("http", 3000)
    assert main_command(b"briefbot\0serve\0--socket\0") == ("store", None)
    assert main_command(b"briefbot\0worker\0") == ("store", None)


def test_license_changelog_and_version_are_there():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text()
