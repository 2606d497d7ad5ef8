"""Group commit (`knowledge.workspace.group_commit`): threads arriving together share one write."""

from __future__ import annotations

import threading
import time

import pytest

from knowledge.workspace.group_commit import GroupCommit


class SlowLog:
    """A write that takes a while (so others pile up behind it) and remembers its batches."""

    def __init__(self, seconds: float = 0.05, fail_on: str | None = None) -> None:
        self.seconds, self.fail_on = seconds, fail_on
        self.batches: list[list[str]] = []
        self.lock = threading.Lock()

    def __call__(self, items):
        time.sleep(self.seconds)
        if self.fail_on in items:
            raise OSError(f"disk full while writing {self.fail_on}")
        with self.lock:
            self.batches.append(list(items))
        return [f"stored {i}" for i in items]


def run_all(group: GroupCommit, items: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}

    def one(item: str) -> None:
        try:
            out[item] = group.submit(item)
        except OSError as exc:
            out[item] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in items]
    for t in threads:
        t.start()
        time.sleep(0.002)
    for t in threads:
        t.join(timeout=10)
    return out


def test_each_submitter_gets_its_own_result_once_its_item_is_written():
    log = SlowLog()
    out = run_all(GroupCommit(log), [f"r{i}" for i in range(12)])
    assert out == {f"r{i}": f"stored r{i}" for i in range(12)}
    written = [i for batch in log.batches for i in batch]
    assert sorted(written) == sorted(out)  # every item written exactly once


def test_requests_arriving_during_a_write_share_the_next_one():
    log = SlowLog(seconds=0.1)
    run_all(GroupCommit(log), [f"r{i}" for i in range(12)])
    assert log.batches
    assert len(log.batches) < 12  # fewer transactions than requests
    assert log.batches[0] == ["r0"]  # the first came alone and did not wait for company


def test_a_lone_request_is_written_at_once_without_waiting_for_company():
    log = SlowLog(seconds=0)
    group = GroupCommit(log)
    assert group.submit("alone") == "stored alone"
    assert group.submit("later") == "stored later"
    assert log.batches == [["alone"], ["later"]]


def test_a_failed_write_fails_every_request_of_its_batch_and_the_next_batch_still_runs():
    log = SlowLog(seconds=0.1, fail_on="r1")
    out = run_all(GroupCommit(log), ["r0", "r1", "r2", "r3"])
    assert out["r0"] == "stored r0"
    failed = [k for k, v in out.items() if isinstance(v, OSError)]
    assert "r1" in failed
    assert all("disk full while writing r1" in str(out[k]) for k in failed)
    assert GroupCommit(log).submit("after") == "stored after"


def test_a_write_returning_the_wrong_number_of_results_is_an_error_not_a_silent_mismatch():
    group: GroupCommit[str, str] = GroupCommit(lambda items: [])
    with pytest.raises(RuntimeError, match="0 results for 1 items"):
        group.submit("x")
