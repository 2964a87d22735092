"""What a build is doing and how long each stage took: a rich display on a terminal, silence elsewhere.

The timings are kept whether or not anything is shown; the benchmark reads them.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class Reporter:
    """Stages with their durations; messages for the editor. Quiet: messages and display suppressed."""

    def __init__(self, quiet: bool = False, display: bool | None = None):
        self.quiet = quiet
        self.timings: dict[str, float] = {}
        self.counts: dict[str, int] = {}  # how much a stage did (e.g. PDF pages), to turn timings into rates
        show = (not quiet) and (sys.stderr.isatty() if display is None else display)
        self._console = Console(stderr=True)
        self._progress = (
            Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self._console,
                transient=True,
            )
            if show
            else None
        )

    def say(self, message: str) -> None:
        if not self.quiet:
            self._console.print(message, markup=False, highlight=False) if self._progress else print(message, file=sys.stderr)

    def warn(self, problem) -> None:
        """A warning about the sources (a Problem): shown even when quiet, as errors are."""
        self._console.print(str(problem), markup=False, highlight=False) if self._progress else print(problem, file=sys.stderr)

    def add_timing(self, name: str, seconds: float) -> None:
        self.timings[name] = self.timings.get(name, 0.0) + seconds

    def count(self, name: str, amount: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + amount

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Stage]:
        """Time `name`; on a terminal, show it as a line with a bar when `total` steps are known."""
        started = time.perf_counter()
        task = None
        if self._progress is not None:
            if not self._progress.live.is_started:
                self._progress.start()
            task = self._progress.add_task(name, total=total)
        try:
            yield Stage(self._progress, task)
        finally:
            self.add_timing(name, time.perf_counter() - started)
            if task is not None:
                self._progress.remove_task(task)

    def close(self) -> None:
        if self._progress is not None and self._progress.live.is_started:
            self._progress.stop()


class Stage:
    def __init__(self, progress: Progress | None, task):
        self._progress, self._task = progress, task

    def advance(self, steps: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, steps)
