"""Putting a finished build in place of the live folder in one step, and cleaning up after a stop.

On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders atomically: at every instant
the output is either the whole last site or the whole new one, even if the process is
killed. Where the system or filesystem can't swap, two renames do it, with a rollback
on error and a recovery at the next build for a kill between them.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)


def staging_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


def previous_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.previous")


def prepare(output: Path) -> Path:
    """An empty staging folder next to `output`, after undoing what a stopped build left behind."""
    previous = previous_for(output)
    if previous.exists() and not output.exists():  # stopped between the two renames of the fallback
        os.rename(previous, output)
    shutil.rmtree(previous, ignore_errors=True)
    staging = staging_for(output)
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def publish(staging: Path, output: Path) -> None:
    """Replace `output` by `staging`; on failure `output` is what it was."""
    if output.exists() and _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous site
        return
    previous = previous_for(output)
    if output.exists():
        os.rename(output, previous)
    try:
        os.rename(staging, output)
    except OSError:
        if previous.exists():
            os.rename(previous, output)
        raise
    shutil.rmtree(previous, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where this system or filesystem cannot."""
    if _renameat2 is None:
        return False
    sys.audit("briefing.exchange", str(first), str(second))  # visible to audit hooks, as os.rename is
    if _renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))
