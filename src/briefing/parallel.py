"""Independent jobs (one per language, one per PDF) spread over the machine's cores."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import TypeVar

from .diagnostics import BuildError

BROKEN = "a worker process stopped unexpectedly (killed or out of memory)"
Job = TypeVar("Job")
Result = TypeVar("Result")


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run_all(
    function: Callable[[Job], Result], jobs: Sequence[Job], done: Callable[[], None] = lambda: None, fresh: bool = False
) -> list[Result]:
    """`function(job)` for every job, results in job order; `done()` after each one finishes.

    With one job or one core the jobs run here. In worker processes, an exception a job
    raises comes back as itself (so messages stay precise); a worker that dies outright
    (killed, out of memory) becomes a BuildError. `fresh` workers start as new
    interpreters instead of copies of this process: slower to start, but they hold only
    what their jobs need, not this process's memory (a forked worker maps all of it).
    """
    workers = min(len(jobs), cores())
    if workers <= 1:
        results = []
        for job in jobs:
            results.append(function(job))
            done()
        return results
    results = []
    context = multiprocessing.get_context("spawn" if fresh else None)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    futures = []
    try:
        try:  # a worker that dies while jobs are still handed out breaks the pool's own pipes
            for job in jobs:
                futures.append(pool.submit(function, job))
        except OSError:
            raise BrokenProcessPool from None
        for future in futures:  # in job order, so the error reported is always the same one
            results.append(future.result())
            done()
    except BrokenProcessPool:
        # A worker the pool started while it was breaking (it starts them one per job handed out) is never stopped
        # by it, and the pool's shutdown would wait for it forever (CPython 3.11): stop every worker here.
        for worker in multiprocessing.active_children():
            worker.kill()
        raise BuildError(BROKEN) from None
    finally:
        for future in futures:
            future.cancel()
        with suppress(OSError):  # only the pool's own pipes, broken with a dead worker, fail here; jobs' errors came above
            pool.shutdown(wait=True)
    return results
