"""Several HTTP serving processes on one port (`BRIEFBOT_SERVE_PROCESSES`): the first one started (`briefbot
serve --http`) starts the others — its siblings — with the same options, keeps them running, and stops them with
itself.

Why processes: an acknowledgement is Python work (parsing, Bolt's middleware and listeners, queueing the job) under
one interpreter lock, so a single serving process acks one request at a time whatever the cores; a burst queues
behind it. Each sibling has its own lock; the kernel spreads new connections over every socket listening with
SO_REUSEPORT (`bot.server`), with no proxy in front and nothing shared in memory — what one process must know about
another's requests (replays, queued work and its leases) is already in the store, as for replicas on PostgreSQL.

Only the first process runs the digest and feed scheduler; siblings are started with `--no-scheduler`. A sibling
that exits while serving is started again; a sibling whose first process is gone (killed) stops itself.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time

log = logging.getLogger("briefbot.http")

SIBLING_OF = "BRIEFBOT_SIBLING_OF"  # set in a sibling's environment: the first process's pid
# A sibling that keeps dying is started again at most this often (seconds), so a broken start-up cannot spin.
RESTART_SECONDS = 2.0


def is_sibling() -> bool:
    return bool(os.environ.get(SIBLING_OF))


def watch_first_process(stop: threading.Event) -> None:
    """In a sibling: set `stop` (a graceful stop) once the first process is gone, however it died."""
    first = int(os.environ.get(SIBLING_OF, "0"))

    def watch() -> None:
        while not stop.wait(1.0):
            if os.getppid() != first:
                log.warning("the first serving process (pid %d) is gone; this sibling stops", first)
                stop.set()

    threading.Thread(target=watch, name="briefbot-sibling-watch", daemon=True).start()


class Siblings:
    """`count` serving processes besides this one, each running `argv` (a `briefbot serve` command line for the
    same port, with `--no-scheduler`) with this environment plus `SIBLING_OF` and `env` (the store's target goes
    there, not on the command line, where `ps` would show a PostgreSQL password)."""

    def __init__(self, argv: list[str], count: int, env: dict[str, str]) -> None:
        self.argv, self.count, self.env = argv, count, env
        self._procs: list[subprocess.Popen[bytes]] = []
        self._stopping = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            self._procs = [self._spawn() for _ in range(self.count)]
        threading.Thread(target=self._supervise, name="briefbot-siblings", daemon=True).start()

    def _spawn(self) -> subprocess.Popen[bytes]:
        env = {**os.environ, **self.env, SIBLING_OF: str(os.getpid())}
        return subprocess.Popen([sys.executable, "-m", "bot.cli", *self.argv], env=env)

    def _supervise(self) -> None:
        last_start = time.monotonic()
        while not self._stopping.wait(0.5):
            with self._lock:
                for i, proc in enumerate(self._procs):
                    if proc.poll() is None or self._stopping.is_set():
                        continue
                    if time.monotonic() - last_start < RESTART_SECONDS:
                        continue
                    log.warning("serving process %d exited (code %s); starting another", proc.pid, proc.returncode)
                    self._procs[i] = self._spawn()
                    last_start = time.monotonic()

    def stop(self, timeout: float) -> None:
        """Ask every sibling to stop gracefully (SIGTERM: finish what it received), kill any still running after
        `timeout` seconds."""
        self._stopping.set()
        with self._lock:
            procs = list(self._procs)
        for proc in procs:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for proc in procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("serving process %d did not stop within %.0f s; killing it", proc.pid, timeout)
                proc.kill()
                proc.wait(timeout=5)


def sibling_argv(*, host: str, port: int, threads: int, connections: int, verbose: bool) -> list[str]:
    """The `briefbot serve` command line a sibling runs: the first process's HTTP options on its actual port, no
    scheduler (the first process runs it) and never `--demo` (the first process loaded it, if asked)."""
    argv = ["serve", "--http", "--host", host, "--port", str(port), "--threads", str(threads)]
    argv += ["--max-connections", str(connections), "--no-scheduler"]
    return [*argv, "-v"] if verbose else argv
