"""What an editor sees during `briefing ingest`: a progress bar on a terminal, a line per
article, and a closing table per source. Everything from feeds is printed as plain text,
never as rich markup."""

from __future__ import annotations

import re
import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .run import Job, Report

LABELS = {"new": "new", "skipped": "skipped", "duplicate": "duplicate", "failed": "failed"}
# Control characters a feed or a server could send to the editor's terminal (colours, cursor moves, a cleared screen).
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
TITLE_SHOWN = 120


def shown(text: str, limit: int | None = None) -> Text:
    """Text from a source as one printable line: control characters escaped, a runaway title cut."""
    text = CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return Text(text if limit is None or len(text) <= limit else text[: limit - 1] + "…")


class IngestReporter:
    def __init__(self, total: int, out: Console | None = None, err: Console | None = None):
        self.out = out or Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
        self.err = err or Console(stderr=True, highlight=False, soft_wrap=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.err,
            transient=True,
            disable=not self.err.is_terminal,
        )
        self.task = self.progress.add_task("ingest", total=total)
        # On a terminal, lines go through the bar's console so they scroll above it instead of tearing it.
        self.lines = self.err if self.err.is_terminal else self.out

    def __enter__(self) -> IngestReporter:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def started(self, job: Job) -> None:
        self.progress.update(self.task, description=shown(job.label, 40))

    def finished(self, report: Report) -> None:
        for outcome in report.outcomes:
            line = outcome.path if outcome.status == "new" else f"{shown(outcome.title, TITLE_SHOWN).plain}: {outcome.reason}"
            console = self.err if outcome.status == "failed" else self.lines
            console.print(shown(f"{LABELS[outcome.status]:<10} {line}"))
        for warning in report.warnings:
            self.err.print(shown(f"warning    {report.label}: {warning}"))
        if report.error:
            self.err.print(shown(f"failed     {report.label}: {report.error}"))
        self.progress.advance(self.task)

    def table(self, reports: list[Report]) -> None:
        table = Table(title="Ingest summary", title_justify="left")
        table.add_column("source", overflow="fold")
        for column in ("new", "skipped", "duplicate", "failed"):
            table.add_column(column, justify="right")
        table.add_column("note", overflow="fold")
        for report in reports:
            failed = report.count("failed") + (1 if report.error else 0)
            note = report.error or ("not modified since the last run" if report.not_modified else "; ".join(report.warnings))
            table.add_row(
                shown(report.label), *(str(report.count(s)) for s in ("new", "skipped", "duplicate")), str(failed), shown(note or "")
            )
        self.out.print(table)
