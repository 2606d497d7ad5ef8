"""Shared fixtures: real SQLite files in tmp dirs, a throwaway PostgreSQL cluster started once per session, and
one demo store built once per test session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from knowledge.store import Store

# Integration tests that take `store`, `demo_store` or `store_target` run once per backend. SQLite always runs;
# PostgreSQL runs on the session's throwaway cluster (skipped where there is none, a failure under CI=true).
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


# Property tests run a few hundred examples at most in the suite; HYPOTHESIS_PROFILE=deep runs ten times as many
# (benchmarks/fuzz.py runs 10,000 per entry point). No deadline: a shared CI machine makes timings noise.
settings.register_profile(
    "suite",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.register_profile("deep", parent=settings.get_profile("suite"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture
def store_target(backend: str, tmp_path: Path, request) -> Iterator[str]:
    """What `Store.open` takes for a fresh, empty store on this test's backend: a file path or a database URL."""
    if backend == "sqlite":
        yield str(tmp_path / "briefbot.db")
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_schema()
    yield url
    cluster.drop_schema(url)


@pytest.fixture
def store(store_target: str):
    s = Store.open(store_target)
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


@pytest.fixture(scope="session")
def demo_pg_template(pg_cluster) -> str:
    """The demo store on PostgreSQL, built once; each test gets a copy (CREATE DATABASE ... TEMPLATE)."""
    from knowledge.ingest.service import ingest_demo

    url = pg_cluster.create_database(name="demo_template")
    with Store.open(url) as s:
        report = ingest_demo(s)
        assert not report.skipped, report.skipped
    return "demo_template"


@pytest.fixture
def demo_target(backend: str, tmp_path: Path, request) -> Iterator[str]:
    """A private copy of the demo store on this test's backend, as what `Store.open` takes."""
    if backend == "sqlite":
        path = tmp_path / "demo.db"
        shutil.copy(request.getfixturevalue("demo_db"), path)
        yield str(path)
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database(template=request.getfixturevalue("demo_pg_template"))
    yield url
    cluster.drop_database(url)


@pytest.fixture
def demo_store(demo_target: str):
    s = Store.open(demo_target)
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL cluster (tests/pgcluster.py). Without server binaries the PostgreSQL tests skip,
    except under CI=true, where a missing server is a failure: CI must never go green without them."""
    from tests.pgcluster import start_or_skip

    cluster = start_or_skip()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> Iterator[str]:
    """A fresh, empty store location (a schema of its own) on the session cluster, dropped after the test."""
    url = pg_cluster.create_schema()
    yield url
    pg_cluster.drop_schema(url)


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
