"""For the fault tests: the fault injector to run the CLI through, and which of a run's numbered changes to fault."""

from __future__ import annotations

from pathlib import Path

INJECTOR = Path(__file__).with_name("fault_injector.py")


def spread(indexes: list[int], count: int) -> list[int]:
    """`count` indexes evenly spread over `indexes`, first and last included."""
    step = max(1, (len(indexes) - 1) / max(1, count - 1))
    return sorted({indexes[min(len(indexes) - 1, round(i * step))] for i in range(count)})
