"""Work spread over worker processes comes back in order, and a failing worker is a clean error."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from briefing import parallel
from briefing.diagnostics import BuildError


def square(number: int) -> int:
    return number * number


def fail_on_three(number: int) -> int:
    if number == 3:
        raise ValueError("job three failed")
    return number


SEEN_BY_THIS_PROCESS = []


def seen(_job) -> int:
    return len(SEEN_BY_THIS_PROCESS)


def die_on_two(number: int) -> int:
    if number == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return number


@pytest.fixture(autouse=True)
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 2)


def test_results_come_back_in_job_order_and_each_job_is_counted():
    finished = []
    assert parallel.run_all(square, [1, 2, 3, 4], lambda: finished.append(1)) == [1, 4, 9, 16]
    assert len(finished) == 4


def test_a_job_error_comes_back_as_itself():
    with pytest.raises(ValueError, match="job three failed"):
        parallel.run_all(fail_on_three, [1, 2, 3, 4])


def test_a_killed_worker_is_a_build_error():
    with pytest.raises(BuildError, match="worker process stopped unexpectedly"):
        parallel.run_all(die_on_two, [1, 2, 3])


def test_fresh_workers_start_without_this_process_state(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "SEEN_BY_THIS_PROCESS", ["set here, after import"])
    assert parallel.run_all(seen, [1, 2]) == [1, 1]  # forked: a copy of this process
    assert parallel.run_all(seen, [1, 2], fresh=True) == [0, 0]  # spawned: a new interpreter
