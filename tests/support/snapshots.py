"""One snapshot of a directory tree, to compare before and after: what a build, a fault or a hostile input left behind."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection
from pathlib import Path


def snapshot(root: Path, *, skip: Collection[Path] = (), digests: bool = False, everything: bool = False) -> dict[str, object]:
    """Every file under `root`, by its path relative to `root` (POSIX), sorted: its bytes, or its sha256 (`digests`).

    Folders in `skip` are left out with all they hold. With `everything`, the other entries
    are recorded too, and no link is followed: a link as ("link", its target), a named pipe as
    "fifo", a folder as "folder". Without it, only regular files count, a link to one read
    through (as `Path.rglob` and `is_file` see them); links to folders are not entered.
    """
    read = (lambda path: hashlib.sha256(path.read_bytes()).hexdigest()) if digests else (lambda path: path.read_bytes())
    entries: dict[str, object] = {}
    for here, folders, files in os.walk(root):
        folders[:] = [name for name in folders if Path(here) / name not in skip]
        for name in folders + files if everything else files:
            path = Path(here) / name
            key = path.relative_to(root).as_posix()
            if not everything:
                if path.is_file():
                    entries[key] = read(path)
            elif path.is_symlink():
                entries[key] = ("link", os.readlink(path))
            elif path.is_fifo() or path.is_dir():
                entries[key] = "fifo" if path.is_fifo() else "folder"
            else:
                entries[key] = read(path)
    return dict(sorted(entries.items()))
