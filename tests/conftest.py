"""Shared fixtures: real SQLite files in tmp dirs, and one demo store built once per test session."""

from __future__ import annotations

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
    from knowledge.service import ingest_demo

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
