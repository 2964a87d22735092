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
import subprocess
import sys
import time
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)


def staging_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


def previous_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.previous")


def prepare(output: Path, trash: Path) -> Path:
    """An empty staging folder next to `output`, after undoing what a stopped build left behind."""
    previous = previous_for(output)
    if previous.exists() and not output.exists():  # stopped between the two renames of the fallback
        os.rename(previous, output)
    staging = staging_for(output)
    discard([previous, staging, *(trash.iterdir() if trash.is_dir() else ())], trash)
    return staging


def discard(folders: list[Path], trash: Path) -> None:
    """Remove folders without making the build wait: each is moved into `trash` (one rename)
    and a background process deletes them; unlinking a site's thousands of files takes
    seconds on some disks. Across filesystems, they are deleted here and now."""
    moved = []
    for folder in folders:
        if not folder.exists():
            continue
        if not trash.is_dir():
            trash.mkdir(parents=True)
        target = folder if folder.parent == trash else trash / f"{os.getpid()}-{time.time_ns()}"
        try:
            if target != folder:
                os.rename(folder, target)
            moved.append(str(target))
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
    if moved:
        subprocess.Popen(
            [sys.executable, "-c", _DELETE, *moved],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


_DELETE = "import shutil, sys\nfor folder in sys.argv[1:]: shutil.rmtree(folder, ignore_errors=True)"


def link_tree(source: Path, target: Path) -> None:
    """`target` as a copy of `source` made of hard links: no data written, whatever the size.

    The files are shared, so nothing may later write into them in place: writers replace
    files (remove, then write). Where the filesystem can't link, real copies.
    """
    shutil.copytree(source, target, copy_function=link_or_copy)


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """A hard link to `source` at `target`: no data written; a copy where the filesystem can't link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def publish(staging: Path, output: Path, trash: Path) -> None:
    """Replace `output` by `staging`; on failure `output` is what it was."""
    if output.exists() and _exchange(staging, output):
        discard([staging], trash)  # it now holds the previous site
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
    discard([previous], trash)


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
