"""Storage faults, caused for real: the command runs in a child process whose file-size limit (RLIMIT_FSIZE)
stops any write past the first 4 KiB of a file, which is what a full disk looks like to SQLite. The parent holds
the database open meanwhile, so the files SQLite keeps beside it already exist and only real writes fail.

A store that cannot be written stops `serve` and `worker` at start-up with one line; a write that fails during
ingest is one line naming the document and the cause, not a traceback."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

from knowledge.store import Store

LIMIT = 4096


def run_full_disk(args: list[str], db: Path, cwd: Path) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    env = {
        **os.environ,
        "BRIEFBOT_DB": str(db),
        "COLUMNS": "1000",  # one line stays one line (rich wraps at the terminal width)
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": "0123456789abcdef0123",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",  # never reached: the store check comes first
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


def test_serve_and_worker_on_a_store_that_cannot_be_written_stop_at_start_up_with_one_line(demo_db, tmp_path):
    db = tmp_path / "full.db"
    shutil.copy(demo_db, db)
    with Store.open(db):  # keeps SQLite's side files in place
        for command in (["serve", "--http", "--port", "1", "--no-scheduler"], ["worker"]):
            result = run_full_disk(command, db, tmp_path)
            out = (result.stdout + result.stderr).strip()
            assert result.returncode != 0, out
            assert "Traceback" not in out
            assert len(out.splitlines()) == 1, out
            assert "cannot be written" in out and str(db) in out


def test_a_write_that_fails_during_ingest_is_one_line_naming_the_document(demo_db, tmp_path):
    db = tmp_path / "full.db"
    shutil.copy(demo_db, db)
    article = tmp_path / "harbour.txt"
    article.write_text(
        "Harbour chief Maria Lindqvist met port workers in Gdansk on Monday. Lindqvist said that the new rota "
        "would start in spring, and the union denied that it had agreed to it.",
        encoding="utf-8",
    )
    with Store.open(db) as store:
        before = store.document_count()
        result = run_full_disk(["ingest", "--no-extract", str(article)], db, tmp_path)
        out = (result.stdout + result.stderr).strip()
        assert result.returncode != 0, out
        assert "Traceback" not in out
        lines = [line for line in out.splitlines() if line.strip()]
        assert len(lines) == 1, out
        assert "harbour.txt" in lines[0] and "not stored" in lines[0]
        assert store.document_count() == before  # nothing half-written
