"""Small files of the build's work folder: read leniently, written whole.

A missing or unreadable record only costs work (the next build redoes what it said),
and a record is replaced in one rename, so a build killed while writing one leaves
the old one or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def read_record(path: Path) -> dict:
    """A JSON record; {} when there is none yet or it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_whole(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (a partial file per process, renamed into place)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
