"""A throwaway PostgreSQL cluster for the test suite: initdb into a temp dir, start on a free port of 127.0.0.1
(and a unix socket in the same dir), stopped at the end. A test gets a schema of its own in one shared database
(`create_schema`), or a database copied from a template where it needs prepared data (`create_database`).

The server binaries come from `pg_config --bindir` (Debian's postgresql-15 puts them outside PATH). As root,
initdb and postgres refuse to run, so they run as the `postgres` system user through `runuser`; every directory
they write (data, socket, log) is under one temp dir handed to that user. Durability is switched off: a test
cluster that dies is thrown away anyway, and fsync-free commits keep the suite fast.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "128MB",
}


class ClusterUnavailable(RuntimeError):
    """No usable PostgreSQL server binaries here (the message says what is missing and how to get it)."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres."""
    candidates = []
    if os.environ.get("BRIEFBOT_PG_BINDIR"):  # given: the only place looked at
        candidates.append(Path(os.environ["BRIEFBOT_PG_BINDIR"]))
    else:
        pg_config = shutil.which("pg_config")
        if pg_config:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
            if out:
                candidates.append(Path(out))
        candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if all((folder / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise ClusterUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found via $BRIEFBOT_PG_BINDIR, `pg_config "
        "--bindir` or /usr/lib/postgresql/*/bin; install them (Debian: apt-get install postgresql "
        "postgresql-contrib) to run the PostgreSQL tests"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    def __init__(self, bindir: Path | None = None):
        self.bindir = bindir or find_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="briefbot-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.user = "postgres"
        self._counter = 0
        self._tests_db = False
        self._as_root = os.geteuid() == 0
        if self._as_root:
            import pwd

            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise ClusterUnavailable("running as root but there is no `postgres` system user") from exc
            if not shutil.which("runuser"):
                raise ClusterUnavailable("running as root but `runuser` (util-linux) is not on PATH")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        else:
            import getpass

            self.user = getpass.getuser()

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)

    def start(self) -> PgCluster:
        init = self._run(
            self.bindir / "initdb",
            "-D",
            self.data,
            "-A",
            "trust",
            "-U",
            self.user,
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        if init.returncode:
            raise RuntimeError(f"initdb failed: {init.stderr or init.stdout}")
        options = " ".join(f"-c {k}={v}" for k, v in SERVER_SETTINGS.items())
        started = self._run(
            self.bindir / "pg_ctl",
            "-D",
            self.data,
            "-l",
            self.log,
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {self.port} -k {self.root} {options}",
            "start",
        )
        if started.returncode:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stderr or started.stdout}\n{log[-2000:]}")
        return self

    def halt(self) -> None:
        """Stop the server as an operator would (`pg_ctl stop -m fast`: sessions are ended), keeping its data, so
        `resume` brings the same databases back on the same port: an outage, for the fault tests."""
        stopped = self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop", timeout=60)
        if stopped.returncode:
            raise RuntimeError(f"pg_ctl stop failed: {stopped.stderr or stopped.stdout}")

    def resume(self) -> None:
        options = " ".join(f"-c {k}={v}" for k, v in SERVER_SETTINGS.items())
        started = self._run(
            self.bindir / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60",
            "-o", f"-p {self.port} -k {self.root} {options}", "start",
        )  # fmt: skip
        if started.returncode:
            raise RuntimeError(f"pg_ctl start failed: {started.stderr or started.stdout}")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", timeout=30)
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def admin(self, sql: str) -> None:
        """One statement outside a transaction (CREATE/DROP DATABASE cannot run inside one)."""
        import psycopg

        deadline = time.monotonic() + 10
        while True:
            try:
                with psycopg.connect(self.url(), autocommit=True) as conn:
                    conn.execute(sql)
                return
            except psycopg.errors.ObjectInUse:
                # CREATE DATABASE ... TEMPLATE waits for nobody: a template still in use by a closing session
                # is retried briefly instead of failing the test.
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def create_database(self, template: str | None = None, name: str | None = None) -> str:
        self._counter += 1
        name = name or f"t{os.getpid()}_{self._counter}"
        suffix = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name}{suffix}")
        return self.url(name)

    def create_schema(self) -> str:
        """A fresh, empty store location inside the shared `tests` database: a schema of its own, reached through
        `search_path` in the URL. Much cheaper than a database per test (no file copy, no checkpoint); pg_trgm
        lives once in `public`, which stays on the path."""
        import psycopg

        if not self._tests_db:
            self.create_database(name="tests")
            with psycopg.connect(self.url("tests"), autocommit=True) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            self._tests_db = True
        self._counter += 1
        schema = f"s{self._counter}"
        with psycopg.connect(self.url("tests"), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        return self.url("tests") + f"?options=-csearch_path%3D{schema}%2Cpublic"

    def drop_schema(self, url: str) -> None:
        import psycopg

        schema = url.split("search_path%3D", 1)[1].split("%2C", 1)[0]
        with contextlib.suppress(Exception), psycopg.connect(self.url("tests"), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[-1]
        with contextlib.suppress(Exception):
            self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_or_skip() -> PgCluster:
    """A started cluster of its own for a test. Without server binaries the test skips, except under CI=true,
    where a missing server is a failure: CI must never go green without the PostgreSQL tests."""
    import pytest

    try:
        return PgCluster().start()
    except ClusterUnavailable as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but no PostgreSQL server to test on: {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
