"""Independent jobs (one per language, one per PDF) spread over the machine's cores."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from .diagnostics import BuildError

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
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = []
        try:  # a worker can die while jobs are still being handed out: submit then says so too
            futures += [pool.submit(function, job) for job in jobs]
            for future in futures:  # in job order, so the error reported is always the same one
                results.append(future.result())
                done()
        except BrokenProcessPool:
            raise BuildError("a worker process stopped unexpectedly (killed or out of memory)") from None
        finally:
            for future in futures:
                future.cancel()
    return results
