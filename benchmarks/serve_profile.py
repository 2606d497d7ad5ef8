"""Run `python -m bot.cli …` with every thread under cProfile by thread CPU, for `serve.py --profile OUT`; or
only name its threads, for `serve.py --by-thread`.

    python benchmarks/serve_profile.py [--names-only] OUT serve --http …

Why a launcher and not a switch in the server: the production process carries no profiling code path. Every
thread started after this (waitress's I/O loop and request threads, Bolt's, our work pool, the queue writer) gets
its own `cProfile.Profile(time.thread_time)`, so a function's time is CPU its thread spent, not time it waited for
the interpreter lock or a socket. When the process exits (`serve.py` stops it with SIGTERM, a graceful stop), the
profiles are written to OUT (`pstats` format, every thread merged), to OUT.<kind> (the threads of one kind: the
work pool `briefbot`, waitress's request threads `waitress`, …) and a short table of CPU by thread kind to
OUT.threads. Either way each thread, as it starts, appends its kernel id and name to OUT.tids, so `serve.py`
can read each thread's CPU from /proc (with `--names-only` that is all it does: no profiler, figures unchanged).
"""

from __future__ import annotations

import atexit
import cProfile
import pstats
import re
import runpy
import sys
import threading
import time
from pathlib import Path

_profiles: list[tuple[str, cProfile.Profile]] = []
_guard = threading.Lock()


_names: Path | None = None
_profiling = True


def _start_thread_profile(*_: object) -> None:
    """Called once at the start of each new thread (`threading.setprofile`): names the thread in OUT.tids, then
    replaces itself by a profiler (or by nothing, names only)."""
    sys.setprofile(None)
    if _names is not None:
        with _guard, _names.open("a") as ids:
            ids.write(f"{threading.get_native_id()} {threading.current_thread().name}\n")
    if not _profiling:
        return
    profile = cProfile.Profile(time.thread_time)
    with _guard:
        _profiles.append((threading.current_thread().name, profile))
    profile.enable()


def kind(name: str) -> str:
    """A thread's kind: its name without the pool's counter ("waitress-3" → "waitress"); the unnamed thread that
    runs the server's I/O loop ("Thread-5 (serve_forever)") is "http I/O loop"."""
    if name.endswith("(serve_forever)"):
        return "http I/O loop"
    return re.sub(r"[-_ ]?\d+(?:[-_ ]\d+)*$", "", re.sub(r" \(.*\)$", "", name)) or name


def _dump_or_say_why(out: Path) -> None:
    """`_dump`, or its traceback in OUT.error (the serving process's own output goes nowhere anyone reads)."""
    try:
        _dump(out)
    except Exception:
        import traceback

        Path(str(out) + ".error").write_text(traceback.format_exc())


def _dump(out: Path) -> None:
    merged: pstats.Stats | None = None
    by_kind: dict[str, float] = {}
    kinds: dict[str, pstats.Stats] = {}
    with _guard:
        profiles = list(_profiles)
    for name, profile in profiles:
        try:
            profile.disable()
            profile.create_stats()
        except Exception:  # a thread still running: its profile as collected so far
            profile.snapshot_stats()
        if not profile.stats:  # type: ignore[attr-defined]
            continue
        stats = pstats.Stats(profile)
        by_kind[kind(name)] = by_kind.get(kind(name), 0.0) + stats.total_tt  # type: ignore[attr-defined]
        if kind(name) in kinds:
            kinds[kind(name)].add(pstats.Stats(profile))
        else:
            kinds[kind(name)] = pstats.Stats(profile)
        if merged is None:
            merged = stats
        else:
            merged.add(stats)
    if merged is not None:
        merged.dump_stats(str(out))
    for k, stats in kinds.items():
        stats.dump_stats(f"{out}.{re.sub(r'[^A-Za-z0-9]+', '-', k)}")
    lines = [f"{cpu * 1000:10.1f} ms  {k}" for k, cpu in sorted(by_kind.items(), key=lambda kv: -kv[1])]
    Path(str(out) + ".threads").write_text("\n".join(lines) + "\n")


def main() -> None:
    global _names, _profiling
    args = sys.argv[1:]
    if args[0] == "--names-only":
        _profiling, args = False, args[1:]
    out = Path(args[0])
    sys.argv = ["bot.cli", *args[1:]]
    _names = Path(str(out) + ".tids")
    _names.write_text(f"{threading.get_native_id()} MainThread\n")
    threading.setprofile(_start_thread_profile)  # the main thread only starts up (demo corpus) and waits: left out
    if _profiling:
        atexit.register(_dump_or_say_why, out)
    runpy.run_module("bot.cli", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
