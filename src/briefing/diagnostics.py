"""Problems found in an editor's files, kept as data so `check` can print them all at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """Where a value stands: 1-based line and column, as editors count them."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    location: Location
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        level = "warning: " if self.severity is Severity.WARNING else ""
        return _printable(f"{self.location}: {self.field}: {level}{self.message}")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Where a character offset of `text` is, as 1-based line and column."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _printable(text: str) -> str:
    """One line, and no terminal control sequences from an editor's key names or values."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


@dataclass
class Problems:
    """Collects problems while loading; the loader never stops at the first."""

    items: list[Problem] = field(default_factory=list)

    def error(self, location: Location, field_name: str, message: str) -> None:
        self.items.append(Problem(location, field_name, message))

    def warning(self, location: Location, field_name: str, message: str) -> None:
        self.items.append(Problem(location, field_name, message, Severity.WARNING))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.location, p.field, p.message))


def relative(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project, as editors see them."""
    text, base = str(path), str(root)
    if text.startswith(base + os.sep) and base not in (".", ""):  # the usual case, without pathlib's parsing (thousands per load)
        return text[len(base) + 1 :].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


IN_THE_SOURCES = "problem(s) in the sources"  # how a command that stopped at the sources says so, after listing them


class LoadError(Exception):
    """Raised when loading found errors; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class BuildError(Exception):
    """A build step failed; the message names the step and the file."""
