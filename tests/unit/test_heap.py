"""knowledge.heap: a long-running process's collector settings (run in a fresh interpreter: they are global)."""

from __future__ import annotations

import subprocess
import sys

from knowledge.heap import YOUNG_THRESHOLD

PROBE = """
import gc
before = gc.get_threshold()
from knowledge.heap import settle
settle()
print(gc.get_threshold()[0], gc.get_threshold()[1:] == before[1:], gc.get_freeze_count() > 0, gc.isenabled())
"""


def test_settling_freezes_what_start_up_made_and_collects_the_young_less_often_without_turning_the_collector_off():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(YOUNG_THRESHOLD), "True", "True", "True"]
