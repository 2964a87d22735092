"""Reading an editor's files as text, and splitting a Markdown file into front matter and body.

Only regular files inside the project are read: a symbolic link out of the project,
a FIFO that would block forever or a file too large to be a briefing is refused with
a message, never followed, waited on or loaded into memory.
"""

from __future__ import annotations

import os
import stat
from fnmatch import fnmatchcase
from pathlib import Path

from ..diagnostics import Location, Problems, relative

MAX_FILE_BYTES = 2 * 1024 * 1024


def source_files(root: Path, folder: str, pattern: str, problems: Problems, recursive: bool = True) -> list[Path]:
    """Entries matching `pattern` in `root/folder` (and below, if `recursive`), sorted.

    A folder that matches is returned too, to be refused when read; symbolic links to
    folders are refused, not followed.
    """
    found = []
    real = Path(os.path.realpath(root / folder))
    if not real.is_relative_to(os.path.realpath(root)):
        problems.error(
            Location(folder),
            "file",
            f"folder leads outside the project (to {real}) through a symbolic link; "
            "links to folders are not followed: move the files into the project",
        )
        return found

    def unreadable(exc: OSError) -> None:  # a missing folder is just an empty one
        if not isinstance(exc, FileNotFoundError):
            problems.error(Location(relative(Path(exc.filename), root)), "file", f"cannot read folder: {exc.strerror}")

    for here, folders, files in os.walk(root / folder, onerror=unreadable):
        for name in sorted(folders):
            if (Path(here) / name).is_symlink():
                shown = relative(Path(here) / name, root)
                problems.error(
                    Location(shown),
                    "file",
                    f"folder is a symbolic link (to {os.readlink(Path(here) / name)}); "
                    "links to folders are not followed: move the files into the project",
                )
        found += [os.path.join(here, name) for name in files + folders if fnmatchcase(name, pattern)]
        if not recursive:
            break
    return [Path(path) for path in sorted(found, key=lambda path: path.split(os.sep))]  # as paths sort: part by part


def read_text(root: Path, path: Path, problems: Problems, shown: str | None = None) -> str | None:
    """UTF-8 text without BOM, CRLF read as LF; None (with a problem naming the line) when unusable.
    `shown`: the path as messages name it, when the caller has it already."""
    shown = shown or relative(path, root)
    data = read_bytes(root, path, shown, problems)
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")) + 1
        problems.error(Location(shown, line, column), "file", f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")
        return None
    if not text.strip():
        problems.error(Location(shown), "file", "file is empty")
        return None
    return text.replace("\r\n", "\n")


def read_bytes(root: Path, path: Path, shown: str, problems: Problems) -> bytes | None:
    where = Location(shown)
    try:
        if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root)):
            problems.error(where, "file", f"symbolic link to {os.readlink(path)}, outside the project: copy the file in instead")
            return None
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            problems.error(where, "file", "not a regular file")
            return None
        if info.st_size > MAX_FILE_BYTES:
            problems.error(where, "file", f"file is too large ({info.st_size:,} bytes; at most {MAX_FILE_BYTES:,})")
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.error(where, "file", f"cannot read file: {exc.strerror or exc}")
        return None


def split_front_matter(text: str, shown: str, problems: Problems) -> tuple[str, str, int] | None:
    """(front matter, body, line the body starts on) of a Markdown file that opens with a `---` block.

    The line lets messages about the body name their lines.
    """
    lines = text.split("\n")
    if lines[0].strip() != "---":
        problems.error(Location(shown), "front matter", "missing front matter: the file must start with a line '---'")
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            rest = "\n".join(lines[index + 1 :])
            first_line = index + 2 + rest[: len(rest) - len(rest.lstrip())].count("\n")
            return "\n".join(lines[1:index]), rest.strip() + "\n", first_line
    problems.error(Location(shown), "front matter", "front matter is not closed by a line '---'")
    return None
