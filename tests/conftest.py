"""Shared fixtures: real SQLite files in tmp dirs, and one demo store built once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from knowledge.store import Store


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "briefbot.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A store with the demo corpus ingested and extracted; copy it (`demo_store`) before writing to it."""
    from knowledge.ingest.service import ingest_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store.open(path) as s:
        report = ingest_demo(s)
        assert not report.skipped, report.skipped
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_store(demo_db: Path, tmp_path: Path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_db, path)
    s = Store.open(path)
    yield s
    s.close()


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def golden():
    """Compare rendered output with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file (review the diff)."""

    def check(name: str, out: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.write_text(out, encoding="utf-8")
        assert out == path.read_text(encoding="utf-8")

    return check
